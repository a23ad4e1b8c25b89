"""A forty-eighth round (a thirteenth new-user trial, 2026-12-05): "brite" is bright, a slip is named by the word it
reads as, and amounts said with a size are degrees."""

from __future__ import annotations

import pytest

import eqmorph


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


def _weights(m, text: str) -> dict[str, float]:
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, weight", [("brite", 1.0), ("a bit brite", 0.5), ("less brite", -1.0)])
def test_ite_said_for_ight_reads_the_ight_word(m, text, weight):
    # "brite" is one slip from the crowds' bite (5 examples) and two from bright (423): it was read as bite, silently
    interpretation = m.parse(text)
    assert _weights(m, text) == {"bright": weight}
    assert "read 'brite' as 'bright'" in str(interpretation)


def test_a_slip_is_named_by_the_known_word_it_is_read_as(m):
    # "boomey" was read as boomy with the note "read 'boomey' as 'boomed'"
    interpretation = str(m.parse("boomey"))
    assert "read 'boomey' as 'boomy'" in interpretation and "boomed" not in interpretation


@pytest.mark.parametrize("text, expected", [
    ("a good amount less bass", {"bass": -1.25}), ("a fair amount of warmth", {"warm": 1.25}),
    ("a small amount more air", {"air": 0.5}), ("add a huge amount of bass", {"bass": 1.45})])
def test_an_amount_said_with_its_size_is_a_degree(m, text, expected):
    # "a good amount less bass" read "good" as the crowds' word: good x 0.5 and a contrast against the bass
    assert _weights(m, text) == pytest.approx(expected)


def test_taking_away_a_flaw_whose_crowd_eq_is_a_tilt_says_what_else_it_lifts(m):
    # A thirteenth new-user trial: "less muddy" lifted 5 kHz 5 dB (the crowds' muddy cuts 3-8 kHz) with nothing said.
    from eqmorph.core.fit import fit_grid

    notes = m.vocabulary.notes("less muddy")
    said = [n for n in notes if n.startswith("less muddy: the crowds' muddy also cuts")]
    assert len(said) == 1 and "say 'less bass'" in said[0]
    grid = fit_grid()
    response = m.generate("less muddy").response_db(grid, sample_rate=48000)
    assert float(response[(grid >= 3000) & (grid <= 7700)].min()) > 3.0  # the lift the note speaks of
    assert m.generate("less bass").response_db(grid, sample_rate=48000)[grid > 2000].max() < 0.5  # as promised
    # A word whose largest move is a cut lifts as asked ("less muffled"), and a gentle request lifts little
    for text in ("less muffled", "a bit less muddy"):
        assert not any("also cuts" in n for n in m.vocabulary.notes(text)), text
