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
