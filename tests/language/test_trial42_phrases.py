"""Phrases a forty-second round mended: a negation said with "nothing" or "nada", a ringing placed in a region, a
crowd word whose few examples disagree with its translation, the contrast note, a frequency hint said naturally.
Each test holds a reading that went the wrong way."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError, UnknownWordError


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, denied", [("warm but nothing muddy", "muddy"), ("warm but nothing harsh", "harsh"),
                                          ("nothing harsh", "harsh"), ("warm, nothing boomy", "boomy")])
def test_nothing_before_a_descriptor_denies_it_as_not_does(m, text, denied):
    # "nothing" was ignored and the word asked for: "warm but nothing muddy" was muddy x +0.5
    assert weights(m, text)[denied] < 0
    assert "nothing" not in m.parse(text).ignored
    assert weights(m, text) == weights(m, text.replace("nothing", "not"))


def test_nothing_too_and_nothing_but_keep_their_readings(m):
    # "nothing too bright" asks against an excess (less of it); "nothing but bass" is only bass, a boost
    assert weights(m, "warm but nothing too bright")["bright"] < 0
    assert weights(m, "nothing too harsh")["harsh"] < 0
    assert weights(m, "nothing but bass") == pytest.approx({"bass": 1.0})


@pytest.mark.parametrize("text, word", [("sin nada de brillo", "treble"), ("cálido sin nada de brillo", "treble"),
                                        ("no quiero nada de barro", "muddy"), ("cálido pero nada de barro", "muddy"),
                                        ("nada de barro", "muddy")])
def test_nada_after_a_spanish_negation_denies_once(m, text, word):
    # negative concord: "sin nada de brillo" read "nada" as a second negation, cancelling "sin" (treble x +0.5)
    assert weights(m, text)[word] < 0
    assert not any("second negation" in note for note in m.parse(text).notes)


@pytest.mark.parametrize("text, region", [("the toms ring in the low mids", "low mids"),
                                          ("ringing in the low mids", "low mids"), ("the low mids ring", "low mids"),
                                          ("the low mids are ringing", "low mids"), ("ringy low mids", "low mids"),
                                          ("the snare rings in the high mids", "high mids")])
def test_a_ringing_said_with_its_region_cuts_the_region_a_bit(m, text, region):
    # it was refused asking for the region it named ("the low mids ring" boosted them 6 dB)
    reading = m.parse(text)
    assert dict(reading.weights) == pytest.approx({region: -0.5})
    assert any("narrow resonance" in note and region in note for note in reading.notes)


def test_a_ringing_with_its_own_way_or_no_region_reads_as_before(m):
    assert weights(m, "less ringing in the low mids") == pytest.approx({"low mids": -1.0})
    assert weights(m, "too much ring in the low mids") == pytest.approx({"low mids": -0.5})
    for text in ("ring", "the snare rings", "the snare is ringy"):
        with pytest.raises(UnknownWordError, match="narrow resonance"):
            m.parse(text)


def _few_notes(m, text):
    meant = None if text in m.counts else m.parse(text)
    return [note for note in m.vocabulary.notes(text, None, meant) if "examples" in note and "crowd's" in note]


@pytest.mark.parametrize("text", ["brillante", "un poco más brillante"])
def test_a_word_of_few_examples_unlike_its_translation_says_so(m, text):
    # brillante's 4 examples lift 1-4 kHz and not the highs, where bright lifts them: it read back as "a bit harsh"
    notes = _few_notes(m, text)
    assert len(notes) == 1
    assert notes[0].startswith("brillante: its crowd's 4 examples lift") and "'bright'" in notes[0]
    assert "'más agudos'" in notes[0]
    assert dict(m.parse(text).weights) == pytest.approx({"brillante": 1.0 if text == "brillante" else 0.5})


@pytest.mark.parametrize("text", ["bright", "cálido", "a bit brighter", "warm", "caliente", "más brillo"])
def test_a_well_supported_word_or_one_like_its_translation_gets_no_such_note(m, text):
    assert _few_notes(m, text) == []


def test_some_ringing_said_to_be_in_a_region_cuts_it_a_bit(m):
    # it was refused as an unknown word placed in a region (tests/language/test_trial18_phrases.py)
    assert weights(m, "there's some ringing in the high mids") == pytest.approx({"high mids": -0.5})


@pytest.mark.parametrize("text, hint, expected", [("add 3dB at 100Hz", "'add 3 dB of bass'", {"bass": 0.5}),
                                                  ("remove 2 dB at 3k", "'remove 2 dB of high mids'",
                                                   {"high mids": pytest.approx(-1 / 3)}),
                                                  ("boost 3dB at 100Hz", "'boost the bass by 3 dB'", {"bass": 0.5})])
def test_a_frequency_hint_reads_naturally_and_as_the_amount_typed(m, text, hint, expected):
    # "add 3dB at 100Hz" suggested "try 'add the bass by 3 dB'"
    with pytest.raises(ParameterError, match="not frequencies") as err:
        m.parse(text)
    assert f"try {hint}" in str(err.value)
    assert weights(m, hint.strip("'")) == expected
