"""Phrases a fourteenth new-user trial typed that did the opposite of what was asked (2026-12-03)."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.core import dsp


def weights(m, text):
    return dict(m.parse(text).weights)


def gain_db(m, text, hz):
    return float(dsp.response_db_np(m.generate_params(text), np.array([float(hz)]), 48000.0)[0])


@pytest.mark.parametrize("text, hz", [
    ("fix the mud", 250), ("deal with the mud", 250), ("take away the mud", 250), ("fix the harshness", 3000),
    ("suppress the harshness", 3000), ("minimize the harshness", 3000), ("control the low end", 40),
    ("rein in the low end", 40), ("nuke the low end", 40), ("notch the honk", 800),
    ("carve some space in the low mids", 400), ("arregla el barro", 250), ("limpiar el barro", 250),
    ("controla los graves", 40), ("corrige los agudos", 12000)])
def test_verbs_of_removing_cut_what_they_name(m, text, hz):
    assert gain_db(m, text, hz) < -1.0  # each was a +5-6 dB boost of what it asked to fix


@pytest.mark.parametrize("text, kept", [("brighter without losing the warmth", "warm"),
                                        ("warmer without losing clarity", "clear"),
                                        ("less mud without losing body", "full"),
                                        ("menos barro sin perder cuerpo", "full")])
def test_without_losing_keeps_the_word(m, text, kept):
    parsed = m.parse(text)
    assert kept not in dict(parsed.weights)  # it was cut: "brighter without losing the warmth" cut the warmth
    assert "kept as it is" in str(parsed)


@pytest.mark.parametrize("text, word, expected", [
    ("it shouldn't be so harsh", "harsh", -1.0), ("it shouldn’t be so bright", "bright", -1.0),
    ("it can't be this muddy", "muddy", -1.0), ("it wasn't this muddy before", "muddy", -1.0),
    ("it doesn't need that much bass", "bass", -1.25), ("zero mud", "muddy", -1.0)])
def test_contractions_and_zero_negate(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})


def test_doesnt_at_a_copula_states_a_lack(m):
    assert weights(m, "it doesn't sound bright enough") == pytest.approx({"bright": 0.5})
    assert "ignored" not in str(m.parse("it doesn't sound bright enough"))


@pytest.mark.parametrize("text, flaw", [("I like the mix but it's muddy", "muddy"),
                                        ("I like the vocal but it sounds boxy", "boxy"),
                                        ("I love the low end but it's harsh", "harsh"),
                                        ("me gusta el brillo pero suena turbio", "muddy")])
def test_a_liking_said_before_a_stated_flaw_is_no_wish(m, text, flaw):
    assert weights(m, text)[flaw] < 0  # "like" read as a wish turned the complaint into a request


def test_a_liked_region_is_kept(m):
    parsed = m.parse("I love the low end but it's harsh")
    assert dict(parsed.weights) == pytest.approx({"harsh": -0.5})
    assert abs(gain_db(m, "I love the low end but it's harsh", 40)) < 0.5


@pytest.mark.parametrize("text", ["I like it warmer", "I'd like it warmer", "I would like it warmer"])
def test_like_it_is_still_a_wish(m, text):
    assert weights(m, text) == pytest.approx({"warm": 1.0})


@pytest.mark.parametrize("text", ["I hate the mud", "odio el barro", "hate the mud"])
def test_a_dislike_asks_for_less(m, text):
    assert weights(m, text) == pytest.approx({"muddy": -1.0})  # "I hate the mud" boosted it


def test_words_of_feeling_typed_alone_stay_words(m):
    assert weights(m, "love") == pytest.approx({"love": 1.0})


@pytest.mark.parametrize("text, flaw, hz", [("nice low end but harsh", "harsh", 3000),
                                            ("good low end but harsh", "harsh", 3000),
                                            ("love it but a bit muddy", "muddy", 250),
                                            ("all good but too much bass", "bass", 40)])
def test_praise_opening_a_contrast_states_the_flaw_after_it(m, text, flaw, hz):
    assert set(weights(m, text)) == {flaw}
    assert gain_db(m, text, hz) < -0.5  # "nice low end but harsh" was +2.6 dB of harsh


@pytest.mark.parametrize("text, hz", [("to much bass", 40), ("to many lows", 40)])
def test_to_much_reads_as_too_much(m, text, hz):
    assert gain_db(m, text, hz) < -1.0  # "to much bass" was a 7.5 dB bass boost


@pytest.mark.parametrize("text", ["it's sharp", "sounds sharp"])
def test_sharp_stated_is_a_complaint_and_sharper_a_request(m, text):
    assert weights(m, text) == pytest.approx({"sharp": -0.5})
    assert weights(m, "make it sharper") == pytest.approx({"sharp": 1.0})


@pytest.mark.parametrize("text, word", [("los graves retumban", "boomy"), ("el bombo retumba", "boomy"),
                                        ("the bass booms", "boomy"), ("suena a caja", "box")])
def test_a_verb_of_a_flaw_states_it(m, text, word):
    assert weights(m, text) == pytest.approx({word: -0.5})  # "los graves retumban" boosted bass and boom


@pytest.mark.parametrize("text, word", [("más brillo pero sin dureza", "harsh"),
                                        ("más graves pero sin que retumbe", "boomy")])
def test_spanish_nouns_and_verbs_of_flaws_are_known(m, text, word):
    assert weights(m, text)[word] < 0  # dureza and retumbe were ignored


def test_a_spanish_copula_is_not_reported_as_ignored(m):
    assert "ignored" not in str(m.parse("suena turbio"))


@pytest.mark.parametrize("text, word", [("not not warm", "warm"), ("without no mud", "muddy")])
def test_two_negations_cancel_and_say_so(m, text, word):
    parsed = m.parse(text)
    assert dict(parsed.weights) == pytest.approx({word: 1.0})
    assert "a second negation, cancelling the first" in str(parsed)  # the CLI printed nothing: it looked exact


def test_like_it_before_a_word_stays_a_wish_even_before_a_contrast(m):
    # read as praise opening the contrast, "like it brighter" kept bright instead of asking for it
    assert weights(m, "like it brighter but less harsh") == pytest.approx({"bright": 0.5, "harsh": -0.5})
