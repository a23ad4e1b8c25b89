"""Phrases a twenty-first trial typed (2026-12-04): a frequency that says where a word acts ("less harshness around
3k"), and words the lexicon and the band words lacked (sheen, upfront, in your face)."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.errors import ParameterError


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, as_region", [
    ("less harshness around 3k", "less harshness in the high mids"),
    ("less harsh at 3 kHz", "less harsh in the high mids"),
    ("cut the mud at 300", "cut the mud in the low mids"),
    ("less mud around 300 Hz", "less mud in the low mids"),
    ("a bit less boom below 100", "a bit less boom in the bass"),
    ("more air above 10000", "more air in the treble"),
    ("it's harsh around 3k", "it's harsh in the high mids"),
    ("less hiss above 8k", "less hiss in the treble"),
    ("menos barro cerca de 300 Hz", "menos barro en los medios graves"),
    ("menos dureza en 3k", "menos dureza en los medios agudos")])
def test_a_frequency_after_a_word_that_names_a_sound_places_it_as_its_region_does(m, text, as_region):
    # each was refused: "expected words, not frequencies" (a trial typed them as mixing notes are written)
    np.testing.assert_array_equal(m.generate(text).to_array(), m.generate(as_region).to_array())
    assert weights(m, text) == weights(m, as_region)


def test_the_placed_frequency_is_named_with_its_region_in_the_interpretation(m):
    notes = m.parse("less harshness around 3k").notes
    assert any("3 kHz lies in the high mids (2-4 kHz), read as that region" in note for note in notes)


def test_a_placed_frequency_keeps_the_words_shape_where_it_acts(m):
    # harsh's cut kept to the high mids: 3 kHz goes down, the bass and the top octave barely move
    freqs = np.array([60.0, 3000.0, 16000.0])
    response = m.generate("less harshness around 3k").response_db(freqs, 48000)
    assert response[1] < -1.0 and abs(response[0]) < 0.5 and abs(response[2]) < abs(response[1]) / 2


@pytest.mark.parametrize("text, hint", [
    ("cut 3k", "'cut the high mids'"), ("boost at 3k", "'boost the high mids'"),
    ("cut the bass at 100 Hz", "'cut the bass'"), ("feedback at 3k", "'more high mids' or 'less high mids'"),
    ("+2 dB at 10k", "'treble +2dB'")])
def test_a_frequency_with_no_word_that_names_a_sound_is_still_refused_with_a_hint(m, text, hint):
    # a frequency alone would be a region's move passed off as one at that frequency; a region word before it
    # or an unknown word place nothing
    with pytest.raises(ParameterError, match="words, not frequencies") as err:
        m.parse(text)
    assert f"try {hint}" in str(err.value)


def test_a_small_number_after_at_is_still_a_db_amount(m):
    assert weights(m, "bass at 3") == pytest.approx({"bass": 0.5})


@pytest.mark.parametrize("text, expected", [
    ("more sheen", {"bright": 1.0}),
    ("a bit more sheen on the vocals", {"bright": 0.5}), ("more upfront", {"presence": 1.0}),
    ("the vocals need to be more upfront", {"presence": 1.0}), ("more in your face", {"presence": 1.0}),
    ("less in-your-face", {"presence": -1.0}), ("vocals more up front", {"presence": 1.0})])
def test_words_a_trial_typed_that_were_unknown(m, text, expected):
    # each was an unknown-word error: sheen is a synonym of bright, and upfront and in your face are forms of the
    # presence band (a vocal brought forward). Not "plano" as flat's translation: the crowd's "flat" is a sound (a
    # bass cut, a mid lift), not what "suena plano" complains of, and "EQ plano" is the setting that does nothing.
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, degree", [("a slight smile curve", 0.5), ("a subtle smile curve", 0.5),
                                          ("a slight v shape", 0.5), ("a small smiley face", 0.5),
                                          ("a big smile curve", 1.25), ("smile curve", 1.0)])
def test_a_size_before_a_curves_name_is_its_degree(m, text, degree):
    # the size was ignored ("slight" listed as ignored): the whole 6 dB scoop, as for "a slight scoop" it was not
    assert weights(m, text) == pytest.approx({"scoop": degree})
    assert m.parse(text).ignored == ()


@pytest.mark.parametrize("text, expected", [("it sounds flat", {"flat": -0.5}), ("the mix is flat", {"flat": -0.5}),
                                            ("make it flat", {"flat": 1.0}), ("a flat sound", {"flat": 1.0})])
def test_a_sound_said_to_be_flat_asks_for_less_of_the_crowds_flat(m, text, expected):
    # "it sounds flat" asked for more of it (a bass cut and a 1-5 kHz lift: thinner still); a wish still asks for it
    assert weights(m, text) == pytest.approx(expected)
