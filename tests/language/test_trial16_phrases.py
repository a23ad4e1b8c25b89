"""Phrases a sixteenth new-user trial typed (mastering notes, Spanish producers, beginners; 2026-12-03)."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.core import dsp


def weights(m, text):
    return dict(m.parse(text).weights)


def gain_db(m, text, hz):
    return float(dsp.response_db_np(m.generate_params(text), np.array([float(hz)]), 48000.0)[0])


@pytest.mark.parametrize("text, word", [("avoid mud", "muddy"), ("avoid harshness", "harsh"),
                                        ("evita el barro", "muddy")])
def test_avoid_asks_for_less(m, text, word):
    assert weights(m, text) == pytest.approx({word: -1.0})  # ignored, "avoid mud" added 5 dB of mud


@pytest.mark.parametrize("text, asked", [("a touch more air but watch the esses", "air"),
                                         ("más aire pero cuidado con las eses", "air"),
                                         ("brighter but careful with the highs", "bright")])
def test_caution_keeps_what_it_names(m, text, asked):
    parsed = m.parse(text)
    assert set(dict(parsed.weights)) == {asked}  # "watch the esses" added sibilance
    assert "kept as it is" in str(parsed)


@pytest.mark.parametrize("text, word, sign", [
    ("it's a bit much in the highs", "treble", -1), ("a bit much in the low end", "bass", -1),
    ("it's a lot in the highs", "treble", -1), ("there's a lot of bass", "bass", -1), ("hay muchos graves", "bass", -1),
    ("not much in the low end", "bass", 1), ("the bass is missing", "bass", 1), ("the mids are missing", "mids", 1),
    ("tiene pocos graves", "bass", 1)])
def test_an_amount_stated_of_a_region_is_an_excess_or_a_lack(m, text, word, sign):
    assert np.sign(weights(m, text)[word]) == sign  # each moved the region 4-7 dB the wrong way


def test_a_quantity_said_with_has_stays_a_request(m):
    assert weights(m, "it has a lot of warmth")["warm"] > 0  # "has" praises as often as it complains
    assert weights(m, "there is a way to make it brighter") == pytest.approx({"bright": 1.0})


@pytest.mark.parametrize("text, hz", [("the low mids need cleaning up", 400), ("the highs need taming", 10000),
                                      ("the low end needs tightening", 60)])
def test_a_region_that_needs_a_verb_gets_it(m, text, hz):
    assert gain_db(m, text, hz) < -2.0  # "the low mids need cleaning up" boosted them


@pytest.mark.parametrize("text, word", [("the hats are too loud", "treble"), ("the s's are too loud", "sibilance"),
                                        ("quítale las eses", "sibilance"), ("las eses están muy fuertes", "sibilance")])
def test_shorthand_and_spanish_names_of_regions(m, text, word):
    assert weights(m, text)[word] < 0  # unknown, they were the crowds' loud turned, or an error


@pytest.mark.parametrize("text", ["abit brighter", "a lil brighter"])
def test_beginners_degree_spellings(m, text):
    assert weights(m, text) == pytest.approx({"bright": 0.5})  # full strength


def test_base_is_the_bass(m):
    assert weights(m, "more base") == pytest.approx({"bass": 1.0})  # suggested "áspero"

