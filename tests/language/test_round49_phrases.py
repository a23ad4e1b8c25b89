"""A forty-ninth round (a fourteenth new-user trial, 2026-12-05: a Spanish-speaking mixing engineer): filtering and
removing verbs cut, multiples said with "times" or "veces" multiply, regional degree words, "no me gusta" asks
away, and a crowd word that goes against its translation says so."""

from __future__ import annotations

import pytest

import eqmorph


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


def _weights(m, text: str) -> dict[str, float]:
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, word", [
    ("filtra los graves", "bass"), ("filtrá los graves", "bass"), ("filtrar graves", "bass"),
    ("filtra los agudos", "treble"), ("filter the lows", "bass"),
    ("please filter the highs", "treble"), ("fuera el barro", "muddy"), ("afuera el barro", "muddy"),
    ("chau barro", "muddy"), ("vajale el barro", "muddy"), ("vájale los graves", "bass")])
def test_a_filtering_or_removing_verb_cuts_what_it_names(m, text, word):
    # each was ignored ("ignored: filtra") and boosted what it asked to take out by 4-6 dB
    assert _weights(m, text) == pytest.approx({word: -1.0})


@pytest.mark.parametrize("text, word", [("high pass filter at 80", "low cut"),
                                        ("un filtro paso alto en 100 Hz", "low cut at 100 Hz")])
def test_a_filter_named_as_a_noun_stays_the_filter(m, text, word):
    # "filter" is a cut only where a request starts: "high pass filter at 80" names the filter, not a second cut
    assert _weights(m, text) == pytest.approx({word: 1.0})


@pytest.mark.parametrize("text, word, degree", [
    ("3 times brighter", "bright", 3.0), ("2 times brighter", "bright", 2.0),
    ("3 veces más brillante", "brillante", 3.0), ("two and a half times warmer", "warm", 2.5)])
def test_a_multiple_said_with_times_or_veces_multiplies(m, text, word, degree):
    # "3 times brighter" was 3 dB of bright (x0.54), "10 veces más brillante" 10 dB
    assert _weights(m, text) == pytest.approx({word: degree})


def test_ten_times_less_is_no_multiple_of_the_cut(m):
    # a tenth of the mud, not ten times its cut (capped at 4: +22 dB at 5 kHz)
    assert _weights(m, "ten times less mud") == pytest.approx({"muddy": -1.0})


def test_a_multiple_past_the_cap_is_capped_and_said(m):
    interpretation = m.parse("100 veces más brillante")
    assert dict(interpretation.weights) == pytest.approx({"brillante": 4.0}) and "capped" in str(interpretation)


@pytest.mark.parametrize("text, degree", [
    ("re brillante", 1.25), ("recontra brillante", 1.45), ("re contra brillante", 1.45), ("mazo de brillante", 1.25),
    ("un huevo de brillante", 1.25), ("bastantes graves", 0.85), ("más o menos brillante", 0.65),
    ("mas o menos brillante", 0.65)])
def test_regional_degree_words_set_the_degree(m, text, degree):
    # each was ignored (the plain word at x1.0); "más o menos brillante" (so-so) read "menos": brillante x -1.0
    assert sum(abs(w) for w in _weights(m, text).values()) == pytest.approx(degree)


@pytest.mark.parametrize("text, word", [("no me gusta el barro", "muddy"), ("no me gustan los agudos", "treble")])
def test_a_dislike_asks_away_what_it_names(m, text, word):
    # "me gusta" keeps, and "no me gusta el barro" was refused as a keep with no change
    assert _weights(m, text) == pytest.approx({word: -1.0})


def test_a_crowd_word_of_many_examples_that_goes_against_its_translation_says_so(m):
    # "más claridad" read the Spanish crowd's claro (25 examples, a cut above 7 kHz) with nothing said
    notes = m.vocabulary.notes("más claridad")
    assert any(n.startswith("claro: its crowd's 25 examples cut") and "say 'clear'" in n for n in notes)
    assert not m.vocabulary.notes("más cálido")  # a word its crowd agrees with says nothing


def test_a_spanish_request_is_told_the_spanish_band_word(m):
    # "bájale el barro" was told to say 'less bass'; an English request still hears the English name
    assert any(n.endswith("say 'menos graves'") for n in m.vocabulary.notes("bájale el barro"))
    assert any(n.endswith("say 'less bass'") for n in m.vocabulary.notes("less muddy"))
