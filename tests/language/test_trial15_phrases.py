"""Phrases a fifteenth new-user trial typed that did the opposite of what was asked (2026-12-03)."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.core import dsp


def weights(m, text):
    return dict(m.parse(text).weights)


def gain_db(m, text, hz):
    return float(dsp.response_db_np(m.generate_params(text), np.array([float(hz)]), 48000.0)[0])


@pytest.mark.parametrize("text", ["softer highs", "gentler highs", "calmer highs", "mellower highs",
                                  "make the highs softer", "agudos más suaves", "suaviza los agudos"])
def test_a_region_made_softer_is_turned_down(m, text):
    assert weights(m, text) == pytest.approx({"treble": -1.0})  # the crowds' soft lifts 10 kHz: kept there, a boost
    assert gain_db(m, text, 10000) < -3.0


@pytest.mark.parametrize("text", ["the highs are too soft", "los agudos son demasiado suaves"])
def test_a_region_said_to_be_too_soft_is_turned_up(m, text):
    assert weights(m, text)["treble"] > 0  # it cut the highs
    assert gain_db(m, text, 10000) > 1.0


def test_soft_said_of_no_region_is_still_the_crowds_word(m):
    assert weights(m, "soft") == pytest.approx({"soft": 1.0})
    assert weights(m, "soft and warm") == pytest.approx({"soft": 0.5, "warm": 0.5})


@pytest.mark.parametrize("text", ["the cymbals are too loud", "less cymbals", "tame the hi-hats",
                                  "los platillos suenan demasiado fuertes"])
def test_cymbals_and_hi_hats_are_the_treble_region(m, text):
    assert set(weights(m, text)) == {"treble"}
    assert gain_db(m, text, 10000) < -2.0  # "the cymbals are too loud" lifted 10 kHz (the crowds' loud, turned)


def test_a_stop_listed_source_no_band_word_places_is_still_refused(m):
    from eqmorph.errors import UnknownWordError

    with pytest.raises(UnknownWordError, match="stop list"):
        m.parse("less drums")
    assert "cymbals" not in m.terms  # the crowds' examples so labelled stay out of the vocabulary


def test_a_mix_said_to_be_scooped_asks_for_the_mids_back(m):
    assert weights(m, "the mix is scooped") == pytest.approx({"scoop": -0.5})
    assert gain_db(m, "the mix is scooped", 1000) > 2.0  # it scooped them further (a smile of +-6 dB)
    assert gain_db(m, "the mids are scooped", 1000) > 2.0
    assert gain_db(m, "make it scooped", 1000) < -3.0  # a wish stays a request


@pytest.mark.parametrize("text, hz", [("tamer highs", 10000), ("make the highs tamer", 10000),
                                      ("make the highs lower", 10000), ("make the bass lower", 60)])
def test_a_direction_said_at_the_end_turns_the_region_down(m, text, hz):
    assert gain_db(m, text, hz) < -3.0  # ignored, the region was boosted 6 dB


def test_a_direction_before_another_word_starts_its_piece(m):
    assert weights(m, "more bass less treble") == pytest.approx({"bass": 1.0, "treble": -1.0})
    assert weights(m, "boost the bass lower the mids") == pytest.approx({"bass": 1.0, "mids": -1.0})


@pytest.mark.parametrize("text, hz", [("the highs are very loud", 10000), ("the bass is loud", 60),
                                      ("los agudos están muy fuertes", 10000)])
def test_a_region_stated_to_be_loud_is_turned_down(m, text, hz):
    assert gain_db(m, text, hz) < -2.0  # without "too" it was read as a wish: +7 dB


def test_a_region_stated_to_be_quiet_is_turned_up(m):
    assert weights(m, "the highs are quiet") == pytest.approx({"treble": 0.5})
    assert weights(m, "make it loud") == pytest.approx({"loud": 1.0})  # a wish stays a request


@pytest.mark.parametrize("text, hz", [("the low mids are too much", 400), ("the bass is a bit much", 60),
                                      ("the treble is too high", 10000), ("the bass is too big", 60)])
def test_a_region_said_to_be_too_much_is_turned_down(m, text, hz):
    assert gain_db(m, text, hz) < -1.0  # the excess was dropped and the region boosted 4-6 dB


def test_a_bit_much_asks_for_half_of_too_much(m):
    assert weights(m, "the bass is a bit much")["bass"] == pytest.approx(weights(m, "the bass is too much")["bass"] / 2)


def test_a_second_subject_after_and_takes_its_own_statement(m):
    said = weights(m, "the bass is too loud and the highs are too quiet")
    assert said == pytest.approx({"bass": -0.5, "treble": 0.5})  # the highs took the bass's cut, and lost "quiet"
    assert weights(m, "less mud and boom") == pytest.approx({"muddy": -0.5, "boomy": -0.5})  # a list still shares


@pytest.mark.parametrize("text", ["the low mids are weird", "los medios están saturados"])
def test_a_region_said_to_be_something_unknown_is_not_boosted(m, text):
    from eqmorph.errors import UnknownWordError

    with pytest.raises(UnknownWordError, match="weird|saturados"):  # it was a 6 dB boost of the region
        m.parse(text)


def test_beside_a_known_request_the_unknown_statement_is_left_out_and_said(m):
    parsed = m.parse("warm, the bass is weird")
    assert dict(parsed.weights) == pytest.approx({"warm": 1.0})
    assert "bass: said to be weird, a word eqmorph does not know: left as it is" in str(parsed)
    assert weights(m, "the bass is so loud") == pytest.approx({"bass": -0.5})  # an unknown word before its predicate


@pytest.mark.parametrize("text", ["ease up on the treble", "ease off the highs", "go easy on the highs"])
def test_easing_verbs_cut(m, text):
    assert weights(m, text) == pytest.approx({"treble": -1.0})  # "ease" unknown and "up" a boost: +6 dB


@pytest.mark.parametrize("text", ["don't cut the bass", "don't boost the highs", "do not reduce the low end"])
def test_a_direction_verb_said_not_to_be_done_changes_nothing(m, text):
    from eqmorph.errors import ParameterError

    with pytest.raises(ParameterError, match="as well as what to keep"):  # they did the opposite move, 6 dB
        m.parse(text)


def test_a_kept_region_beside_a_request_is_left_alone(m):
    parsed = m.parse("brighter but don't boost the highs")
    assert dict(parsed.weights) == pytest.approx({"bright": 1.0})
    assert "kept as it is" in str(parsed)
    assert weights(m, "not less muddy") == pytest.approx({"muddy": 1.0})  # "less" is no verb: negated, it turns


@pytest.mark.parametrize("text, hz", [("clean up the mids", 1000), ("clean up the low mids", 400),
                                      ("tighten the highs", 10000), ("tighten the mids", 1000)])
def test_a_region_verb_cuts_the_region_it_names(m, text, hz):
    assert gain_db(m, text, hz) < -2.0  # clean's and tight's crowd EQs boost there: +3-5 dB


def test_a_region_verb_in_the_low_end_keeps_its_crowd_shape(m):
    assert weights(m, "clean up the low end") == pytest.approx({"clean": 1.0})
    assert gain_db(m, "clean up the low end", 60) < -3.0 and abs(gain_db(m, "clean up the low end", 2500)) < 0.5


@pytest.mark.parametrize("text, word, expected", [
    ("it's brighter than it should be", "bright", -0.5), ("the mix is muddier than the reference", "muddy", -0.5),
    ("it's more muffled than the reference", "muffled", -0.5), ("it's less bright than the reference", "bright", 0.5),
    ("es más brillante que la referencia", "brillante", -0.5), ("it's warm but muddier than I'd like", "muddy", -0.5)])
def test_a_comparison_stated_of_the_sound_asks_for_the_other_way(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})  # read as a request, it asked for more of it


def test_a_comparison_wished_for_stays_a_request(m):
    assert weights(m, "make it brighter than the reference") == pytest.approx({"bright": 1.0})
    assert weights(m, "brighter than the reference") == pytest.approx({"bright": 1.0})
    assert weights(m, "it's bright rather than dark") == pytest.approx({"bright": 0.5, "dark": -0.5})


@pytest.mark.parametrize("text, word", [("the bass is to loud", "bass"), ("it's to muddy", "muddy"),
                                        ("the bass sounds to boomy", "boomy")])
def test_to_after_a_copula_is_the_typo_of_too(m, text, word):
    assert weights(m, text)[word] < 0  # read as "to", each was a boost of what it called too much


def test_to_before_a_verb_stays_to(m):
    assert weights(m, "the plan is to add air") == pytest.approx({"air": 1.0})


@pytest.mark.parametrize("text, source", [("the vocal is too loud", "vocal"), ("the vocals are too quiet", "vocals"),
                                          ("the drums sound loud", "drums")])
def test_a_source_said_to_be_loud_or_quiet_is_refused_with_a_region_to_say(m, text, source):
    from eqmorph.errors import ParameterError

    with pytest.raises(ParameterError, match=f"'{source}' names a source.*say which region"):
        m.parse(text)  # it was the crowds' loud turned: a 3 dB lift at 10 kHz


def test_a_level_word_without_a_source_is_still_read(m):
    assert weights(m, "it's too loud") == pytest.approx({"loud": -0.5})
    assert weights(m, "warm drums") == pytest.approx({"warm": 1.0})  # a source beside another word: ignored


@pytest.mark.parametrize("text, hint", [("cut 300 Hz by 3 dB", "'cut the low mids by 3 dB'"),
                                        ("+2 dB at 10k", "'treble +2dB'"), ("-3 dB at 300", "'low mids -3dB'"),
                                        ("boost 5k by 2dB", "'boost the presence by 2 dB'")])
def test_a_frequency_hint_keeps_the_db_amount_typed(m, text, hint):
    from eqmorph.errors import ParameterError

    with pytest.raises(ParameterError, match="not frequencies") as err:
        m.parse(text)
    assert hint in str(err.value)  # the hint dropped the amount ("try 'cut the low mids'": a 6 dB cut)
    said = hint.strip("'")
    assert m.parse(said).weights  # and the hint reads


def test_a_number_after_a_word_of_place_is_a_frequency(m):
    from eqmorph.errors import ParameterError

    with pytest.raises(ParameterError, match="'around 250' \\(250 Hz\\) lies in the low mids"):
        m.parse("a bit around 250")  # "around" was named the unknown word
    # after a word that names a sound it places the word (test_trial21_phrases.py)
    assert "250 Hz lies in the low mids" in str(m.parse("a bit muddy around 250"))
    assert weights(m, "bass at 3") == pytest.approx({"bass": 0.5})  # below 20, still a dB amount


@pytest.mark.parametrize("text, word, sign", [
    ("less congested", "muddy", -1), ("the low mids are congested", "muddy", -1), ("less woolly", "muddy", -1),
    ("the bass is flabby", "boomy", -1), ("the highs are fatiguing", "harsh", -1), ("more sizzle", "bright", 1),
    ("it sounds lifeless", "dull", -1), ("more definition", "clear", 1), ("más definición", "clear", 1),
    ("más pegada", "punchy", 1), ("add weight", "full", 1), ("more present", "presence", 1),
    ("too present", "presence", -1)])
def test_studio_words_a_trial_found_unknown_are_read(m, text, word, sign):
    assert np.sign(weights(m, text)[word]) == sign  # each was an unknown-word error (or a 6 dB boost of the region)


def test_the_bundled_term_embeddings_hold_every_lexicon_word(m):
    from eqmorph.language import lexicon
    from eqmorph.language.learned import LearnedConfig, read_term_embeddings
    from eqmorph.semantic.morph import bundled_model_dir

    stored = read_term_embeddings(bundled_model_dir(), LearnedConfig().template)
    assert set(lexicon.lexicon_words()) <= set(stored)  # a missing one loads the text model on first use


@pytest.mark.parametrize("text, flaw", [("the warmth is good but too much low end", "bass"),
                                        ("the warmth is nice but muddy", "muddy"),
                                        ("the warmth is good but it is muddy", "muddy")])
def test_praise_of_a_named_subject_beside_a_flaw_is_not_asked_for(m, text, flaw):
    said = weights(m, text)
    assert set(said) == {flaw} and said[flaw] < 0  # warm was boosted beside the flaw (+1.8 dB at 400 Hz)


def test_nice_without_a_subject_is_still_the_crowds_word(m):
    assert weights(m, "it sounds nice") == pytest.approx({"nice": 1.0})


@pytest.mark.parametrize("text, flaw", [("the esses are harsh", "sibilance"), ("the sibilance is harsh", "sibilance"),
                                        ("the hiss is noisy", "hiss")])
def test_a_flaw_named_as_the_subject_is_asked_away(m, text, flaw):
    assert weights(m, text) == pytest.approx({flaw: -0.5})  # read as a list, the sibilance was boosted
