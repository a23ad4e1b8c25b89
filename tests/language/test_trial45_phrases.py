"""Phrases a forty-fifth round mended (a thirty-sixth trial's faults): a "less" whose word is unreadable, "o" texted
for "of", Spanish pronoun verbs after a band word, comparisons with a wish, flaws getting worse, a keep said with
"not", slips denied. Each test holds a reading that went the wrong way."""

from __future__ import annotations

import pytest


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, word", [("brighter but less ring", "bright"), ("brighter but less ringing", "bright"),
                                        ("warmer but less ring", "warm"), ("brighter and less qwerty", "bright")])
def test_an_unreadable_word_after_less_never_turns_the_word_before(m, text, word):
    # the "less" moved onto brighter: -5.5 dB at 3 kHz
    reading = m.parse(text)
    assert dict(reading.weights)[word] > 0
    assert "less" in reading.ignored


def test_brighter_but_less_ring_still_lifts_the_top(m):
    assert (m.generate("brighter but less ring").response_db([3000.0, 8000.0]) > 0).all()


@pytest.mark.parametrize("text", ["less o the bass", "less o the low end"])
def test_o_texted_for_of_after_less_cuts(m, text):
    # "o" was read as Spanish "or" and the bass boosted 6 dB
    assert weights(m, text)["bass"] < 0
