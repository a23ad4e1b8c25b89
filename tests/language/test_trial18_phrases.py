"""Phrases an eighteenth new-user trial typed (mastering notes, live sound, voice, Spanish and Latin American
producers; 2026-12-04)."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.core import dsp
from eqmorph.errors import ParameterError, UnknownWordError


def weights(m, text):
    return dict(m.parse(text).weights)


def gain_db(m, text, hz):
    return float(dsp.response_db_np(m.generate_params(text), np.array([float(hz)]), 48000.0)[0])


@pytest.mark.parametrize("text, word, expected", [
    ("a gentle boost in the highs", "treble", 0.5), ("a gentle cut on the bass", "bass", -0.5),
    ("a gentle dip around the low mids", "low mids", -0.5), ("a subtle cut in the low mids", "low mids", -0.5),
    ("a small boost at the top", "treble", 0.5), ("a tiny lift in the highs", "treble", 0.5),
    ("a slight cut to the highs", "treble", -0.5), ("a soft cut on top", "treble", -0.5),
    ("a big boost in the bass", "bass", 1.25)])
def test_a_sized_move_is_a_degree_of_its_direction(m, text, word, expected):
    # gentle and soft were level words of the region: a gentle boost cut 6 dB, a gentle cut boosted
    assert weights(m, text) == pytest.approx({word: expected})


@pytest.mark.parametrize("text, word, expected", [
    ("calm down the highs", "treble", -1.0), ("relax the highs", "treble", -1.0), ("ease the harshness", "harsh", -1.0),
    ("tuck the high mids a hair", "high mids", -0.5), ("nudge the bass down", "bass", -0.5),
    ("bass--", "bass", -1.0), ("treble -", "treble", -1.0)])
def test_easing_verbs_and_trailing_minus_signs_cut(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})  # each was ignored and the word boosted


@pytest.mark.parametrize("text, word, expected", [
    ("súbele un toque a los agudos", "treble", 0.5), ("bájale tantito a los agudos", "treble", -0.5),
    ("una pizca más de graves", "bass", 0.5), ("un poquitito más de graves", "bass", 0.5),
    ("just a whisper more air", "air", 0.5)])
def test_small_amounts_in_spanish_and_english_are_degrees(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})


@pytest.mark.parametrize("text, hz, up", [
    ("the bass is soft", 100, True), ("los graves están suaves", 100, True), ("the highs are mellow", 10000, True),
    ("the bass is strong", 100, False), ("the bass is hot", 100, False)])
def test_a_level_word_said_of_a_region_is_a_flaw_of_its_level(m, text, hz, up):
    assert (gain_db(m, text, hz) > 1.0) if up else (gain_db(m, text, hz) < -1.0)  # read as requests: the other way


def test_said_of_the_whole_sound_a_level_word_stays_a_description(m):
    assert weights(m, "it's mellow") == pytest.approx({"mellow": 1.0})


@pytest.mark.parametrize("text, word", [("no se escuchan los graves", "bass"), ("no se oyen los agudos", "treble"),
                                        ("no oigo los graves", "bass")])
def test_spanish_cannot_hear_asks_for_more(m, text, word):
    assert weights(m, text)[word] > 0  # cut 6 dB: "no" was a negation of the region


# "there's some ringing in the high mids" is the region's excess now (a forty-second round: test_trial42_phrases.py)
@pytest.mark.parametrize("text", ["there's feedback in the low mids", "está muy cargado en los medios"])
def test_an_unknown_word_placed_in_a_region_leaves_the_region_alone(m, text):
    with pytest.raises(UnknownWordError):  # the region was boosted 5-7 dB
        m.parse(text)


def test_a_direction_said_for_an_unknown_word_in_a_region_still_moves_the_region(m):
    assert weights(m, "cut the feedback in the low mids") == pytest.approx({"low mids": -1.0})
    parsed = m.parse("warm and there's feedback in the low mids")
    assert dict(parsed.weights) == pytest.approx({"warm": 1.0}) and "where feedback is" in str(parsed)


@pytest.mark.parametrize("text, said", [
    ("the mix is too loud", "'mix' names a source, and an EQ cannot turn one source of a mix, nor the whole of it"),
    ("the reverb is too loud", "'reverb' is no region of the spectrum")])
def test_a_level_said_of_an_unknown_subject_is_refused(m, text, said):
    with pytest.raises(ParameterError, match=said):
        m.parse(text)  # the crowds' loud turned: a 2.7 dB lift at 10 kHz ("mix" is stop-listed since trial 25)


@pytest.mark.parametrize("text, word, expected", [("low", "bass", 1.0), ("high", "treble", 1.0),
                                                  ("a bit more low", "bass", 0.5), ("less high", "treble", -1.0),
                                                  ("low mids", "low mids", 1.0), ("high mids", "high mids", 1.0)])
def test_low_and_high_alone_are_the_bass_and_the_treble(m, text, word, expected):
    # read by the embedding, "low" was quiet, thin and harsh: a bass cut and a 3 kHz lift (a web-page trial)
    assert weights(m, text) == pytest.approx({word: expected})


# "mic" is a source on the stop list since a twenty-fourth trial ("rumble on the mic"): only "cheap" is blamed
@pytest.mark.parametrize("text, blamed", [("my mic sounds cheap", "'cheap'"),
                                          ("the low end feels a little loose", "'loose'")])
def test_an_error_blames_the_words_that_could_name_a_sound(m, text, blamed):
    with pytest.raises(UnknownWordError, match=f"unknown words? {blamed};"):  # was "'my', 'mic', 'cheap'", "'feels'"
        m.parse(text)


def test_with_only_sentence_words_unknown_the_error_asks_for_a_descriptor(m):
    with pytest.raises(ParameterError, match="at least one descriptor word"):
        m.parse("i want it like")  # was "unknown words 'i', 'like'"


@pytest.mark.parametrize("text, hz, expected_db", [
    ("shave a dB off the top", 14000, -1.0), ("quita un dB de agudos", 14000, -1.0),
    ("cut the bass by half a dB", 40, -0.5), ("medio dB más de graves", 40, 0.5),
    ("a couple of dB more bass", 40, 2.0), ("un par de dB menos de graves", 40, -2.0)])
def test_a_db_amount_said_in_words_is_that_amount(m, text, hz, expected_db):
    assert gain_db(m, text, hz) == pytest.approx(expected_db, abs=0.15)  # the whole 6 dB move before


@pytest.mark.parametrize("text, word, expected", [("more bass 🔥", "bass", 1.0), ("too bright 😬", "bright", -0.5),
                                                  ("👍🏽 warm", "warm", 1.0)])
def test_emoji_beside_the_words_are_dropped(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})  # the whole phrase was refused for its emoji


def test_an_at_sign_places_a_frequency(m):
    with pytest.raises(ParameterError, match="'@ 250' \\(250 Hz\\) lies in the low mids"):  # was "it has '@'"
        m.parse("-3db @ 250")


@pytest.mark.parametrize("text, expected", [("less mid-bass", -1.0), ("cut the mid bass", -1.0),
                                            ("more midbass", 1.0)])
def test_mid_bass_is_the_bass_not_the_mids(m, text, expected):
    assert weights(m, text) == pytest.approx({"bass": expected})  # a 6 dB move at 1 kHz before


@pytest.mark.parametrize("text, word", [("louder", "loud"), ("make it quieter", "quiet")])
def test_a_level_word_says_it_is_no_change_of_volume(m, text, word):
    notes = m.vocabulary.notes(text)
    assert len(notes) == 1 and notes[0].startswith(f"'{word}' is the crowd's word for a sound")
    assert "not a change of volume" in notes[0]
    assert m.vocabulary.notes("the bass is too loud") == []  # a region's level: a real move of that band
