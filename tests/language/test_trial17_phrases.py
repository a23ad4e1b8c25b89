"""Phrases a seventeenth new-user trial typed (podcast editors, guitarists, DJs; 2026-12-03)."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.core import dsp


def weights(m, text):
    return dict(m.parse(text).weights)


def gain_db(m, text, hz):
    return float(dsp.response_db_np(m.generate_params(text), np.array([float(hz)]), 48000.0)[0])


@pytest.mark.parametrize("text, word, expected", [
    ("less low-mid mud", "muddy", -1.0), ("too much high-mid harshness", "harsh", -0.5),
    ("reduce the low-end boom", "boomy", -1.0), ("too much sub rumble", "rumble", -0.5),
    ("more low end punch", "punchy", 1.0)])
def test_a_noun_right_after_a_region_takes_the_direction_said_of_the_pair(m, text, word, expected):
    parsed = m.parse(text)
    assert dict(parsed.weights) == pytest.approx({word: expected})  # "less low-mid mud" asked for mud
    assert "read as" in str(parsed) and " in the " in str(parsed)


def test_the_compound_acts_in_its_region(m):
    assert gain_db(m, "less low-mid mud", 400) < -2.0 and gain_db(m, "less low-mid mud", 150) < 1.0  # was +2 dB
    assert weights(m, "bass treble") == pytest.approx({"bass": 1.0, "treble": 1.0})  # a region it does not hold


@pytest.mark.parametrize("text, hz", [("make the highs smoother", 10000), ("make the bass tighter", 60),
                                      ("make the low end tighter", 60)])
def test_a_comparative_right_after_a_region_says_how_it_should_be(m, text, hz):
    assert gain_db(m, text, hz) < 0.0  # read as a list, the region was boosted 2-4 dB


@pytest.mark.parametrize("text, word, expected", [
    ("scoop the mids a bit less", "mids", -0.5), ("scoop the mids less", "mids", -0.5),
    ("boost the bass a bit less", "bass", 0.5), ("cut the highs a bit less", "treble", -0.5),
    ("the bass a bit less", "bass", -0.5)])
def test_less_said_last_after_a_verb_is_a_smaller_move(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})  # the whole move, or (without "a bit") turned


@pytest.mark.parametrize("text, word", [("less fizz", "harsh"), ("more twang", "twangy"), ("more crunch", "crunchy"),
                                        ("more click", "clicky")])
def test_nouns_of_known_adjectives_are_read(m, text, word):
    assert word in weights(m, text)  # unknown, though fizzy, twangy, crunchy and clicky were known


def test_a_noun_after_a_joining_word_or_in_another_clause_is_no_compound(m):
    assert weights(m, "less bass and mud") == pytest.approx({"bass": -0.5, "muddy": -0.5})  # a list, as before
    assert weights(m, "more bass, mud") == pytest.approx({"bass": 0.5, "muddy": 0.5})
