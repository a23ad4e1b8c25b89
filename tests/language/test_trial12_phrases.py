"""Phrases a twelfth new-user trial typed that did the opposite of what was asked, or the wrong amount."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.core import dsp
from eqmorph.errors import ParameterError


def weights(m, text):
    return dict(m.parse(text).weights)


def gain_db(m, text, hz):
    return float(dsp.response_db_np(m.generate_params(text), np.array([float(hz)]), 48000.0)[0])


@pytest.mark.parametrize("text, word, hz", [
    ("not enough bass", "bass", 60), ("too little bass", "bass", 60), ("too little treble", "treble", 12000),
    ("not bright enough", "bright", 3000), ("not enough warmth", "warm", 300),
    ("le falta brillo", "treble", 12000), ("no es suficientemente brillante", "brillante", 1400),
    ("the bass isn't loud enough", "bass", 60)])
def test_a_lack_asks_for_more_of_the_word_moderately(m, text, word, hz):
    assert weights(m, text) == pytest.approx({word: 0.5})
    if hz is not None:
        assert gain_db(m, text, hz) > 0.5  # read as "not" and an ignored "enough", it was a cut


def test_enough_without_a_negation_leaves_the_word_as_asked(m):
    assert weights(m, "bright enough") == pytest.approx({"bright": 1.0})


@pytest.mark.parametrize("text, word", [
    ("demasiados graves", "bass"), ("demasiadas sibilancias", "sibilance"), ("sobran graves", "bass"),
    ("me sobra barro", "muddy"), ("too many highs", "treble")])
def test_spanish_plural_excess_and_sobrar_ask_for_less(m, text, word):
    assert weights(m, text) == pytest.approx({word: -0.5})


@pytest.mark.parametrize("strong, plain", [
    ("quite a bit warmer", "warmer"), ("quite a bit less muddy", "less muddy"), ("a good deal warmer", "warmer"),
    ("significantly brighter", "brighter"), ("considerably brighter", "brighter"),
    ("bastante más brillante", "más brillante")])
def test_degrees_of_a_clear_change_are_stronger_than_the_word_alone(m, strong, plain):
    (word, w_strong), = weights(m, strong).items()
    (same, w_plain), = weights(m, plain).items()
    assert word == same and abs(w_strong) > abs(w_plain) and np.sign(w_strong) == np.sign(w_plain)


def test_bastante_alone_is_fairly_not_considerably(m):
    assert abs(weights(m, "bastante brillante")["brillante"]) < 1.0


@pytest.mark.parametrize("text", ["marginally brighter", "just a hair brighter", "a tiny bit brighter"])
def test_small_degrees_halve_the_word(m, text):
    assert weights(m, text) == pytest.approx({"bright": 0.5})


@pytest.mark.parametrize("text, word, hz", [
    ("drop the highs", "treble", 12000), ("dim the highs", "treble", 12000), ("trim the low end", "bass", 60),
    ("bájale los agudos", "treble", 12000), ("bajale los agudos", "treble", 12000),
    ("recorta los agudos", "treble", 12000), ("quítale graves", "bass", 60), ("quitale graves", "bass", 60),
    ("lessen the mud", "muddy", None), ("disminuye los graves", "bass", 60)])
def test_cutting_verbs_cut(m, text, word, hz):
    assert weights(m, text)[word] < 0
    if hz is not None:
        assert gain_db(m, text, hz) < -3.0  # ignored, each was a +6 dB shelf


@pytest.mark.parametrize("text, word", [("súbele los graves", "bass"), ("lift the highs", "treble"),
                                        ("crank the bass", "bass")])
def test_boosting_verbs_boost(m, text, word):
    assert weights(m, text)[word] > 0


@pytest.mark.parametrize("text, word", [("warm it up a bit", "warm"), ("brighten it up a little", "bright")])
def test_a_degree_after_up_reaches_its_word(m, text, word):
    assert weights(m, text) == pytest.approx({word: 0.5})


@pytest.mark.parametrize("text, word, expected", [
    ("it's very muddy", "muddy", -0.625), ("está muy turbio", "muddy", -0.625), ("suena turbio", "muddy", -0.5),
    ("the mix is muddy", "muddy", -0.5), ("it sounds thin", "thin", -0.5), ("it's a bit muddy", "muddy", -0.25),
    ("the vocal is nasal", "nasal", -0.5)])
def test_a_flaw_stated_as_it_is_asks_for_less_of_it(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})
    assert "read as asking for less" in str(m.parse(text))


def test_a_flaw_stated_of_a_region_is_cut_there(m):
    assert gain_db(m, "the highs are harsh", 6000) < -0.5
    assert abs(gain_db(m, "the highs are harsh", 300)) < 0.1


def test_a_copula_states_every_flaw_of_its_clause(m):
    assert weights(m, "it's muddy and dull") == pytest.approx({"muddy": -0.25, "dull": -0.25})


@pytest.mark.parametrize("text, word", [("it sounds warm", "warm"), ("make it sound thin", "thin"),
                                        ("the low end is full", "full"), ("I want it muddy", "muddy")])
def test_a_word_that_names_no_flaw_or_a_flaw_asked_for_stays_a_request(m, text, word):
    assert weights(m, text)[word] > 0


def test_keeping_a_region_leaves_it_unchanged_and_adds_no_cut_below_it(m):
    for hz in (20, 40, 60):
        assert abs(gain_db(m, "warm but keep the low end", hz)) < 0.5  # was -1.4 dB at 20 Hz, a cut warm never had
    assert gain_db(m, "warm but keep the low end", 300) > 2.0  # warm's own move above the low end stays


# --- a review of the rules above ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, word", [("the drop needs more air", "air"), ("make the drop brighter", "bright"),
                                        ("on the drop more bass", "bass")])
def test_drop_as_a_songs_section_is_no_cut(m, text, word):
    assert weights(m, text)[word] > 0


@pytest.mark.parametrize("text", ["drop the highs", "please drop the highs", "warm, drop the highs"])
def test_drop_where_a_request_starts_cuts(m, text):
    assert weights(m, text)["treble"] < 0


def test_a_notch_is_a_small_degree_and_sacar_no_cut(m):
    assert weights(m, "a notch brighter") == pytest.approx({"bright": 0.5})
    assert weights(m, "take the highs down a notch") == pytest.approx({"treble": -0.5})
    assert weights(m, "sácale brillo")["treble"] > 0


def test_a_stated_flaw_does_not_turn_the_next_noun_of_its_list(m):
    assert gain_db(m, "the vocal is harsh and the low end needs weight", 60) > 1.0  # was a 2.7 dB cut


@pytest.mark.parametrize("text, word", [
    ("it isn't bright", "bright"), ("the highs aren't bright", "bright"), ("it has no air", "air"),
    ("there's no low end", "bass"), ("no tiene brillo", "treble"), ("no es lo bastante brillante", "brillante"),
    ("without enough low end", "bass")])
def test_a_word_said_to_be_missing_asks_for_more_of_it(m, text, word):
    assert weights(m, text) == pytest.approx({word: 0.5})


@pytest.mark.parametrize("text", ["it has a lot of mud", "hay mucho barro", "tiene mucho barro"])
def test_a_flaw_said_to_be_there_asks_for_less(m, text):
    assert weights(m, text)["muddy"] < 0


def test_a_comparative_after_a_copula_is_a_request(m):
    assert weights(m, "it's great but a bit thinner")["thin"] > 0


@pytest.mark.parametrize("text", ["the low end is fine but the highs are harsh", "it's harsh and the bass is fine",
                                  "los graves están bien pero los agudos son ásperos"])
def test_a_region_said_to_be_fine_is_kept(m, text):
    assert all(w < 0 for w in weights(m, text).values())  # only the flaw is asked for, as less
    assert abs(gain_db(m, text, 60)) < 0.5  # was a 3 dB bass boost


def test_good_said_of_the_whole_sound_is_no_request(m):
    assert weights(m, "sounds good but a bit harsh") == pytest.approx({"harsh": -0.25})


@pytest.mark.parametrize("text", ["warmer but don't touch the low end", "más brillante pero sin tocar los graves"])
def test_dont_touch_keeps_the_region(m, text):
    assert "kept as it is" in str(m.parse(text))
    assert abs(gain_db(m, text, 60)) < 0.5


def test_trim_after_a_band_word_cuts_it(m):
    assert weights(m, "bass trim") == pytest.approx({"bass": -1.0})


@pytest.mark.parametrize("text, low_hz, high_hz", [("more bass and treble", 60, 12000),
                                                   ("more bass, less treble", 60, 12000)])
def test_separate_band_moves_are_not_shared(m, text, low_hz, high_hz):
    assert gain_db(m, text, low_hz) == pytest.approx(6.0, abs=0.3)  # was 3 dB each: shared as two crowd words are
    assert abs(gain_db(m, text, high_hz)) == pytest.approx(5.8, abs=0.3)


def test_overlapping_band_moves_still_share_the_phrase(m):
    assert weights(m, "more bass and more sub bass") == pytest.approx({"bass": 0.5, "sub bass": 0.5})


@pytest.mark.parametrize("text, hz", [("less boxy mids", 600), ("menos áspero en los agudos", 6000),
                                      ("the mids are boxy", 300)])
def test_a_word_kept_to_a_region_goes_its_own_way_where_it_does_there(m, text, hz):
    assert gain_db(m, text, hz) < -0.3  # boxy's 600 Hz boost and áspero's 6 kHz boost taken away, not their dips
    assert gain_db(m, text, 1200 if hz < 1000 else 12000) < 0.3


# --- a second review ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, word", [("the vocals are good but a little harsh", "harsh"),
                                        ("la voz suena bien pero un poco áspera", "áspero")])
def test_praise_of_what_no_band_names_leaves_the_flaw_stated(m, text, word):
    assert weights(m, text) == pytest.approx({word: -0.25})  # was a request: +2.6 dB at 3 kHz


@pytest.mark.parametrize("text", ["it has good bass but the highs are harsh", "tiene buenos graves pero suena áspero"])
def test_a_fine_word_before_a_band_keeps_it(m, text):
    assert all(w < 0 for w in weights(m, text).values())
    assert abs(gain_db(m, text, 60)) < 0.5  # the praised bass was boosted 3 dB


def test_a_fine_word_wished_for_is_a_request(m):
    assert weights(m, "make it sound good") == pytest.approx({"good": 1.0})


@pytest.mark.parametrize("text, word", [("the kick isn't boomy enough", "boomy"), ("it's not muddy enough", "muddy")])
def test_a_flaw_said_to_be_lacking_asks_for_more_not_less(m, text, word):
    assert weights(m, text) == pytest.approx({word: 0.5})


def test_a_band_said_to_be_missing_is_no_region_for_the_next_flaw(m):
    assert gain_db(m, "it has no bass and too much harshness", 3000) < -0.5  # harshness was kept to the bass: 0 dB
    assert gain_db(m, "it has no bass and too much harshness", 60) > 0.5


@pytest.mark.parametrize("text", ["its muddy", "theres a lot of mud", "it sounds like mud"])
def test_statements_typed_without_apostrophes_or_with_like_are_statements(m, text):
    assert weights(m, text)["muddy"] < 0


def test_a_degree_before_a_list_of_band_words_reaches_each(m):
    assert weights(m, "a bit more bass and treble") == pytest.approx({"bass": 0.5, "treble": 0.5})


@pytest.mark.parametrize("text, flaw, hz", [("it's warm but muddy", "muddy", 300),
                                            ("it's bright but harsh", "harsh", 3000),
                                            ("the vocal is clear but thin", "thin", 3000)])
def test_praise_beside_a_stated_flaw_is_no_request(m, text, flaw, hz):
    assert set(weights(m, text)) == {flaw}  # the praised word was boosted, and as a contrast took the cut away
    assert gain_db(m, text, hz) < -1.0
    assert "not asked for" in str(m.parse(text))


def test_praise_alone_stays_a_request_and_a_db_amount_keeps_its_piece(m):
    assert weights(m, "it sounds warm") == pytest.approx({"warm": 1.0})
    assert weights(m, "bass -3dB, it's warm but muddy") == pytest.approx({"bass": -0.5, "muddy": -0.5})



# --- a third review ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, band, hz, way", [
    ("louder highs", "treble", 12000, 1), ("make the highs quieter", "treble", 12000, -1),
    ("the highs are too loud", "treble", 12000, -1), ("los agudos están demasiado fuertes", "treble", 12000, -1),
    ("stronger bass", "bass", 60, 1), ("the bass isn't strong enough", "bass", 60, 1)])
def test_a_level_word_said_of_a_region_is_the_regions_move(m, text, band, hz, way):
    assert set(weights(m, text)) == {band}  # the crowd's loud cuts 12 kHz: kept to the highs it went the wrong way
    assert way * gain_db(m, text, hz) > 1.0


@pytest.mark.parametrize("text, flaw", [("it's warm but too muddy", "muddy"), ("it's bright but too harsh", "harsh")])
def test_praise_beside_an_excess_is_no_request(m, text, flaw):
    assert set(weights(m, text)) == {flaw}


@pytest.mark.parametrize("text", ["isn't it too bright?", "it isn't too bright"])
def test_isnt_with_too_still_asks_for_less(m, text):
    assert weights(m, text) == pytest.approx({"bright": -0.5})  # the two turned each other and asked for more


@pytest.mark.parametrize("text, word, expected", [
    ("the highs aren't bright", "bright", 0.5), ("the highs feel harsh", "harsh", -0.5),
    ("I feel like it's muddy", "muddy", -0.5), ("I don't think it's bright enough", "bright", 0.5)])
def test_more_ways_of_stating_a_sound(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})


# --- a thirteenth new-user trial -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, words", [("less boomy and harsh", {"boomy": -0.5, "harsh": -0.5}),
                                         ("less muddy and harsh", {"muddy": -0.5, "harsh": -0.5}),
                                         ("less muddy and warm", {"muddy": -0.5, "warm": 0.5})])
def test_a_list_of_flaw_words_shares_its_direction_and_other_adjectives_do_not(m, text, words):
    assert weights(m, text) == pytest.approx(words)  # "less boomy and harsh" made it harsher


@pytest.mark.parametrize("text", ["it isn't muddy", "it's not muddy", "it's not too muddy", "the bass is not muddy"])
def test_a_flaw_said_to_be_absent_asks_for_no_change(m, text):
    with pytest.raises(ParameterError, match="says what is fine"):
        m.parse(text)


def test_a_flaw_said_to_be_absent_beside_one_stated_leaves_only_the_stated(m):
    assert weights(m, "it isn't muddy but a bit thin") == pytest.approx({"thin": -0.25})


def test_a_copula_states_the_clauses_after_it(m):
    assert weights(m, "it's not harsh, just dull") == pytest.approx({"dull": -0.5})  # was a dull boost
    assert weights(m, "it's muddy, add air") == pytest.approx({"air": 0.5, "muddy": -0.25})


def test_a_way_to_is_no_degree(m):
    assert weights(m, "is there a way to make it brighter?") == pytest.approx({"bright": 1.0})


def test_a_flaw_said_to_be_absent_is_noted_as_such(m):
    assert "harsh: said to be absent" in str(m.parse("it's not harsh, just dull"))
