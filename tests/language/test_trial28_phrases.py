"""Phrases left from the twenty-seventh trial and found by a twenty-eighth (2026-12-04): a filter's corner, a need
denied, a doubted statement, intensity words said of a region, the bass guitar that needs a band, pain in Spanish."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.language.band_words import band_params, band_word, band_words, cornered

FREQS_HZ = np.array([30.0, 100.0, 1000.0, 5000.0, 12000.0])


def weights(m, text):
    return dict(m.parse(text).weights)


def response(m, text):
    return m.generate(text).response_db(FREQS_HZ, 48000)


# --- a filter's corner -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, freq_hz", [
    ("low cut at 30 Hz", "low cut at 30 Hz", 30.0), ("hpf at 80", "low cut at 80 Hz", 80.0),
    ("high pass at 40hz", "low cut at 40 Hz", 40.0), ("lpf at 12k", "high cut at 12 kHz", 12000.0),
    ("filtro pasa altos en 80", "low cut at 80 Hz", 80.0), ("low cut 6 dB at 30 Hz", "low cut at 30 Hz", 30.0)])
def test_a_frequency_after_a_filter_word_is_its_corner(m, text, word, freq_hz):
    # "low cut at 30 Hz" took 6 dB off 100 Hz: the filter's fixed shelf, the frequency read as a region
    interpretation = m.parse(text)
    assert list(dict(interpretation.weights)) == [word]
    kind = 0 if word.startswith("low") else 4
    assert band_params(word)[kind, 1] == freq_hz


def test_a_low_cut_at_30_hz_leaves_100_hz_nearly_alone(m):
    at_30, plain = response(m, "low cut at 30 Hz"), response(m, "low cut")
    assert at_30[1] > -1.0 > plain[1] + 4.0  # 100 Hz: -0.1 dB, against -6 dB for the 100 Hz low cut
    assert at_30[0] < -5.0


def test_two_places_in_a_clause_are_each_read(m):
    # "cut the mud at 300 and lpf at 15k" was refused: only the first place was read
    got = weights(m, "cut the mud at 300 and lpf at 15k")
    assert got["muddy"] < 0 and got["high cut at 15 kHz"] > 0


@pytest.mark.parametrize("text", ["cut the mud and hpf", "less mud and a low cut", "reduce the harshness and de-ess"])
def test_a_list_s_cut_never_turns_a_filter_word_into_a_boost(m, text):
    # "cut the mud and hpf" was low cut x -0.5: a 6 dB bass boost
    assert all(w > 0 for word, w in m.parse(text).weights if word in ("low cut", "de-ess"))
    assert response(m, text)[0] < -2.0 or "de-ess" in text


def test_a_corner_outside_its_shelf_s_range_is_no_corner():
    assert cornered(band_words()["low cut"], 2000.0) is None
    assert cornered(band_words()["bass"], 30.0) is None
    assert band_word("low cut at 2000 Hz") is None
    assert band_word("low cut at 30 Hz").name == "low cut at 30 Hz"


# --- a need denied, a statement doubted ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kept", [
    ("brighter, it doesnt need more bass", "bass"), ("warmer but it doesn't need to be brighter", "bright"),
    ("more air but it does not need any more bass", "bass"), ("brighter but nothing more in the low end", "bass"),
    ("más brillo pero no necesita más graves", "bass")])
def test_a_need_denied_keeps_what_it_names(m, text, kept):
    # "it doesn't need more bass" cut the bass 6 dB; "it doesn't need to be brighter" darkened it
    got = weights(m, text)
    assert got.get(kept, 0.0) == 0.0
    assert any(w > 0 for w in got.values())


@pytest.mark.parametrize("text", ["it doesn't need more bass", "nothing more in the low end",
                                  "no necesita más graves", "i'm not sure it needs more bass"])
def test_a_need_denied_alone_asks_for_a_change(m, text):
    with pytest.raises(ParameterError, match="a change as well as what to keep"):
        m.parse(text)


def test_not_that_much_still_asks_for_less(m):
    assert weights(m, "it doesn't need that much bass")["bass"] < 0


@pytest.mark.parametrize("text", ["i don't think it's muddy", "i dont think its muddy", "i don't think it sounds muddy",
                                  "i don't think the bass is too loud", "no creo que esté turbio"])
def test_a_doubted_flaw_asks_for_no_change(m, text):
    # "i don't think it's muddy" cut the mud at full strength
    with pytest.raises(ParameterError, match="says what is fine"):
        m.parse(text)


def test_a_doubted_flaw_beside_a_request_is_left_out(m):
    assert weights(m, "brighter, i don't think it's muddy") == pytest.approx({"bright": 1.0})


def test_a_doubt_of_enough_asks_for_more(m):
    assert weights(m, "i don't think it's bright enough")["bright"] > 0


def test_a_doubt_without_a_statement_after_it_changes_nothing(m):
    assert weights(m, "i don't think so, make it warmer") == pytest.approx({"warm": 1.0})


# --- intensity said of a region; the crowds' words of a source -------------------------------------------------------

@pytest.mark.parametrize("text, band, way", [
    ("more energy up top", "treble", 1), ("more life up top", "treble", 1), ("more energy in the low end", "bass", 1),
    ("less aggressive highs", "treble", -1), ("the highs are too aggressive", "treble", -1),
    ("los agudos están muy agresivos", "treble", -1)])
def test_intensity_said_of_a_region_is_its_level(m, text, band, way):
    # the crowds' energetic and aggressive cut 10-12 kHz: "more energy up top" cut the top, "less aggressive highs"
    # lifted it
    got = weights(m, text)
    assert list(got) == [band] and np.sign(got[band]) == way
    at = 4 if band == "treble" else 0
    assert np.sign(response(m, text)[at]) == way


@pytest.mark.parametrize("text, word", [("the guitar is too dark", "dark"), ("the guitar is too heavy", "heavy"),
                                        ("the guitar is too mellow", "mellow")])
def test_a_timbre_word_said_of_a_source_is_the_crowds_word(m, text, word):
    # refused as a level of a source ("an EQ cannot turn one source up or down") once dark and heavy were level words
    assert weights(m, text) == pytest.approx({word: -0.5})


@pytest.mark.parametrize("text", ["the snare is too loud", "the vocal is too soft"])
def test_a_loudness_word_said_of_a_source_is_still_refused(m, text):
    with pytest.raises(ParameterError, match="cannot turn one source"):
        m.parse(text)


# --- the bass guitar; pain in Spanish --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, band", [("the bass needs more presence", "presence"),
                                        ("the bass needs more treble", "treble"),
                                        ("the bass could use more mids", "mids")])
def test_the_bass_that_needs_another_band_is_the_instrument(m, text, band):
    # "the bass needs more presence" added a 6 dB bass shelf beside the presence
    assert weights(m, text) == pytest.approx({band: 1.0})


def test_the_bass_that_needs_low_end_is_still_the_low_end(m):
    assert weights(m, "the bass needs more low end") == pytest.approx({"bass": 1.0})


@pytest.mark.parametrize("text, band", [("los agudos me matan", "treble"), ("me matan los agudos", "treble"),
                                        ("los graves me revientan los oídos", "bass")])
def test_pain_in_spanish_said_of_a_region_cuts_it(m, text, band):
    # "los agudos me matan" boosted the top 6 dB, as "the highs are killing me" no longer did
    assert weights(m, text)[band] < 0


# --- sentences and typography ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The bass is too loud. The highs are fine.", "The highs are fine. The bass is too loud.",
    "the bass is too loud! the highs are ok"])
def test_a_sentence_ends_a_clause(m, text):
    # "The bass is too loud. The highs are fine." cut the highs and left the bass alone
    got = weights(m, text)
    assert got["bass"] < 0 and got.get("treble", 0.0) == 0.0


def test_a_decimal_point_is_no_sentence_end(m):
    assert weights(m, "bass +1.5 dB") == pytest.approx({"bass": 0.25})


@pytest.mark.parametrize("text, expected", [
    ("‘less bass’", {"bass": -1.0}), ("less bass — more air", {"bass": -0.5, "air": 0.5}),
    ("less bass – more air", {"bass": -0.5, "air": 0.5})])
def test_curly_quotes_and_dashes_read_as_typed_on_a_keyboard(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, band, db", [
    ("2–3 dB less bass", "bass", -2.5), ("cut the bass 2 to 3 dB", "bass", -2.5),
    ("cut the low mids 2-3 dB", "low mids", -2.5),
    ("reduce the bass by about 2 dB", "bass", -2.0), ("baja un par de decibeles en los medios", "mids", -2.0),
    ("baja 2 decibeles los medios", "mids", -2.0)])
def test_a_db_range_a_hedge_and_a_spelt_out_unit_are_amounts(m, text, band, db):
    # each was refused: "expected a dB amount next to the studio term", "unknown words 'by', 'about'"
    assert weights(m, text) == pytest.approx({band: db / 6.0}, abs=0.01)


# --- texting, pronouns, names with numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("they're harsh", "harsh"), ("theyre harsh", "harsh"), ("highs r harsh", "harsh"), ("the mids r muddy", "muddy"),
    ("the mids, they're honky", "honky"), ("track 2 is muddy", "muddy"), ("on track 5 the highs are harsh", "harsh")])
def test_a_flaw_stated_by_texting_or_of_a_named_track_is_cut(m, text, word):
    # "they're harsh" asked for harshness (+5.3 dB); "track 2 is muddy" read 2 dB of mud
    got = weights(m, text)
    assert got == pytest.approx({word: -0.5})


@pytest.mark.parametrize("text, band", [("the hihats r to loud", "treble"), ("the highs, they're a bit much", "treble"),
                                        ("the esses, they're too loud", "sibilance"),
                                        ("the top end, it's a bit much", "treble")])
def test_a_subject_resumed_by_a_pronoun_is_the_subject(m, text, band):
    # the comma cut the subject off as a request: "the highs, they're a bit much" boosted the top 3.6 dB
    got = weights(m, text)
    assert list(got) == [band] and got[band] < 0


# --- causes, excess, what eqmorph cannot read of a region ------------------------------------------------------------

@pytest.mark.parametrize("text, word", [("it's making it muddy", "muddy"),
                                        ("the reverb is making the low end muddy", "muddy"),
                                        ("the synth is making it harsh", "harsh"),
                                        ("the compressor makes it sound dull", "dull")])
def test_a_cause_that_makes_the_sound_so_states_it(m, text, word):
    # "the synth is making it harsh" asked for harshness at full strength
    assert weights(m, text) == pytest.approx({word: -0.5})


@pytest.mark.parametrize("text, expected", [("stop making it muddy", {"muddy": -1.0}),
                                            ("try making it warmer", {"warm": 1.0})])
def test_stopping_a_cause_asks_for_less_and_trying_one_for_more(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, band", [
    ("excess bass", "bass"), ("an excess of low end", "bass"), ("hay un exceso de medios graves", "low mids"),
    ("tiene exceso de agudos", "treble"), ("tiene graves de más", "bass"), ("demasiao graves", "bass")])
def test_an_excess_said_as_a_noun_cuts(m, text, band):
    # each boosted what it called too much, 6 dB
    assert weights(m, text) == pytest.approx({band: -0.5})


def test_more_of_a_region_in_spanish_is_still_more(m):
    assert weights(m, "un poco más de graves") == pytest.approx({"bass": 0.5})


@pytest.mark.parametrize("text", ["there's a low end resonance", "the highs feel off", "the low end sounds off",
                                  "the mids look weird"])
def test_a_region_said_to_be_what_eqmorph_cannot_read_is_refused_not_boosted(m, text):
    # each boosted the region about 6 dB
    with pytest.raises(UnknownWordError):
        m.parse(text)


def test_beside_a_request_the_unread_region_is_left_as_it_is(m):
    parsed = m.parse("the highs sound off, less mud")
    assert dict(parsed.weights) == pytest.approx({"muddy": -1.0})
    assert "highs: said to be off, a word eqmorph does not know: left as it is" in str(parsed)


@pytest.mark.parametrize("text, band", [("the highs bother me", "treble"), ("the low mids bug me", "low mids"),
                                        ("the highs annoy me", "treble"), ("the esses are whistling", "sibilance"),
                                        ("the esses are spitting", "sibilance")])
def test_annoyance_said_of_a_region_cuts_it(m, text, band):
    got = weights(m, text)
    assert list(got) == [band] and got[band] < 0


# --- what a request leaves out; lists of kept words ------------------------------------------------------------------

@pytest.mark.parametrize("text, cut, kept, typed", [
    ("cut the high end but not the presence", "treble", "presence", "presence"),
    ("cut the bass but not the sub", "bass", "sub bass", "sub"),
    ("more treble except the esses", "treble", "sibilance", "esses"),
    ("boost the highs except for the sibilance", "treble", "sibilance", "sibilance")])
def test_what_a_request_leaves_out_is_kept(m, text, cut, kept, typed):
    # "cut the high end but not the presence" cut the presence 3.9 dB; "except the esses" boosted them 5 dB
    got = weights(m, text)
    assert got[cut] != 0.0 and got.get(kept, 0.0) == 0.0
    assert f"{typed}: kept as it is" in str(m.parse(text))


def test_but_not_a_word_still_asks_against_it(m):
    assert weights(m, "warm but not muddy") == pytest.approx({"warm": 0.5, "muddy": -0.5})


@pytest.mark.parametrize("text, kept", [("darker but keep the bass and the low mids", "bass, low mids"),
                                        ("cut the mud but keep the warmth and the body", "warmth, body")])
def test_every_noun_of_a_kept_list_is_kept(m, text, kept):
    # the second noun was boosted (+3.3 dB at 500 Hz)
    got = weights(m, text)
    assert len(got) == 1
    assert f"{kept}: kept as they are" in str(m.parse(text))


def test_a_direction_after_a_kept_list_is_a_request_of_its_own(m):
    assert weights(m, "keep the bass and add air") == pytest.approx({"air": 1.0})


@pytest.mark.parametrize("text, word", [("more sub, less kick", "sub bass"), ("more treble, less vocals", "treble")])
def test_a_clause_that_names_only_a_source_does_not_turn_the_last_request(m, text, word):
    # "more sub, less kick" was sub x -1.0
    assert weights(m, text) == pytest.approx({word: 1.0})


def test_a_degree_alone_after_a_comma_still_sizes_the_last_request(m):
    assert weights(m, "warmer, but just a bit") == pytest.approx({"warm": 0.5})


# --- verbs, possessives, doubts, the reference -----------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("take the mud out of his voice", "muddy"), ("take the harshness off her vocal", "harsh"),
    ("mute the highs", "treble"), ("subdue the highs", "treble"), ("de-emphasize the bass", "bass"),
    ("quitamos los medios", "mids"), ("bajamos los agudos", "treble")])
def test_more_ways_of_asking_for_a_cut_cut(m, text, word):
    # each was a 5-6 dB boost
    assert weights(m, text) == pytest.approx({word: -1.0})


def test_as_little_as_possible_is_the_strongest_cut(m):
    # "as little bass as possible" was bass x +1.45
    assert weights(m, "as little bass as possible")["bass"] < -1.0
    assert weights(m, "as much air as possible")["air"] > 1.0


def test_a_doubt_about_a_region_asks_nothing_of_it(m):
    # "i'm not sure about the top end" boosted it 5.8 dB once the doubt was read (it had cut it)
    with pytest.raises(ParameterError, match="a change as well as what to keep"):
        m.parse("i'm not sure about the top end")
    assert weights(m, "not sure about the bass, but less mud") == pytest.approx({"muddy": -1.0})


@pytest.mark.parametrize("text, word", [("compared to the ref it's dull", "dull"),
                                        ("next to the reference it's muddy", "muddy"),
                                        ("it's dull compared to the reference", "dull")])
def test_a_flaw_stated_beside_the_reference_is_still_a_flaw(m, text, word):
    # "compared to the ref it's dull" asked for dull, 4.8 dB off 5 kHz
    assert weights(m, text) == pytest.approx({word: -0.5})


def test_the_reference_said_to_be_so_is_what_to_match(m):
    assert weights(m, "the reference is brighter")["bright"] > 0


@pytest.mark.parametrize("text, expected", [
    ("it's too loud, especially the highs", {"treble": -0.5}), ("too bright, especially the highs", {"bright": -0.5}),
    ("it's muddy, especially the low mids", {"muddy": -0.5})])
def test_especially_a_region_places_the_statement_there(m, text, expected):
    # "especially the highs" was a request for the highs: +4 dB at 12 kHz
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, word", [("too compressed and bright", "bright"), ("too squashed and harsh", "harsh")])
def test_an_excess_said_of_an_unknown_word_reaches_the_next_in_its_list(m, text, word):
    # "too compressed and bright" asked for brightness (+5.5 dB at 3.5 kHz)
    assert weights(m, text) == pytest.approx({word: -0.5})


@pytest.mark.parametrize("text, expected", [("le subes el brillo", {"treble": 1.0}),
                                            ("¿le subes un poco los agudos?", {"treble": 0.5}),
                                            ("más sub", {"sub bass": 1.0})])
def test_subes_is_the_verb_not_the_sub_bass(m, text, expected):
    # "le subes el brillo" added +5 dB at 40 Hz beside the treble
    assert weights(m, text) == pytest.approx(expected)


# --- statements that asked for what they complained of ---------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("it sounds like it's underwater", "muffled"), ("it is underwater", "muffled"),
    ("it sounds like a telephone", "lo-fi"), ("it's so bassy", "bass"), ("it sounds trebly", "treble"),
    ("the toms boom too much", "boomy"), ("the bass rumbles too much", "rumble"),
    ("don't you think it's too bright?", "bright"), ("great sound but very bright", "bright")])
def test_a_flaw_stated_in_other_words_is_cut(m, text, word):
    # each asked for what it complained of (underwater: a synonym ending in -er read as a comparative)
    got = weights(m, text)
    assert list(got) == [word] and got[word] < 0


@pytest.mark.parametrize("text, expected", [("make it sound like a telephone", {"lo-fi": 1.0}),
                                            ("make it bassier", {"bass": 1.0}), ("it's duller", {"dull": 1.0})])
def test_a_wish_or_a_comparative_is_still_a_request(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("twice as much bass", {"bass": 2.0}), ("any way to make it less nasal?", {"nasal": -1.0}),
    ("a little more glue and warmth", {"warm": 0.5}), ("a bit more vibe and warmth", {"warm": 0.5})])
def test_degrees_are_read_once_and_reach_past_an_unknown_word(m, text, expected):
    # x2.5 ("much" read as a degree too); x1.25 ("way"); the degree lost before the unknown noun
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("the master is too loud and a bit harsh", {"harsh": -0.25}), ("the kick is weak, add punch", {"punchy": 1.0}),
    ("the vocals are too loud, less mud", {"muddy": -1.0})])
def test_a_source_s_level_beside_a_request_is_left_out_and_said(m, text, expected):
    # the whole sentence was refused ("'master' is no region of the spectrum eqmorph knows")
    parsed = m.parse(text)
    assert dict(parsed.weights) == pytest.approx(expected)
    assert "an EQ cannot turn one source of a mix up or down, left out" in str(parsed)


# --- more readings of a twenty-eighth trial --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("the highs are harsh, ease off", {"harsh": -0.5}), ("the bass is boomy, ease up", {"boomy": -0.5}),
    ("knock the highs down", {"treble": -1.0}), ("more knock", {"punchy": 1.0}),
    ("light on the bottom", {"bass": 0.5}), ("heavy on the low end", {"bass": -0.5}),
    ("top heavy", {"treble": -0.5}), ("mid heavy", {"mids": -0.5}),
    ("los altos están muy fuertes", {"treble": -0.62}), ("súbele a los altos", {"treble": 1.0}),
    ("está muy fuerte el bajo", {"bass": -0.62}), ("¿está muy fuerte el bajo o soy yo?", {"bass": -0.62}),
    ("los graves están bien pesados", {"bass": -0.62}), ("está bien chillón", {"shrill": -0.62}),
    ("¿no le falta un poco de brillo?", {"treble": 0.25}), ("esta muy embarrao", {"muddy": -0.62}),
    ("me encantan los graves, pero los agudos están ásperos", {"áspero": -0.5})])
def test_more_of_the_trial_s_phrases_go_the_way_they_ask(m, text, expected):
    # each went the other way by 2-7 dB (or boosted a region beside the cut it asked for)
    assert weights(m, text) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("text", ["it's not muddy at all", "it's not harsh anymore", "el bajo está bien"])
def test_a_flaw_said_to_be_gone_or_a_region_fine_asks_for_no_change(m, text):
    with pytest.raises(ParameterError):
        m.parse(text)


@pytest.mark.parametrize("text, word", [("the vocal is veiled", "muffled"), ("the mids are crowded", "muddy"),
                                        ("suena acartonado", "boxy"), ("el bajo está retumbón", "boomy")])
def test_studio_words_of_the_trial_are_lexicon_rows(m, text, word):
    # each was an unknown word (crowded: the region was boosted 6 dB before a region said to be unknown was refused)
    assert weights(m, text) == pytest.approx({word: -0.5})


@pytest.mark.parametrize("text, word", [("scratchy", "harsh"), ("more chesty", "full")])
def test_studio_words_of_the_trial_asked_for_are_their_words(m, text, word):
    assert weights(m, text) == pytest.approx({word: 1.0})
