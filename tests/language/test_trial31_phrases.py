"""A thirty-first trial (2026-12-04) probed the thirtieth's new rules for side effects: 1,072 phrases read before
and after them, 58 read worse. Each test holds one of those readings, now narrowed, beside what the rule still does."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError, UnknownWordError


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text", [
    "there's a dip in the mids, which I like", "there's a dip in the mids, don't touch it",
    "there's a bump in the low mids I want to keep", "heavy in the low end, I like it",
    "I'm getting a lot of bass and I like it", "i'm getting a lot of highs, perfect"])
def test_a_shape_or_quantity_said_to_be_there_and_liked_is_kept(m, text):
    # read as its region's lack or excess, the dip was filled 3 dB and the liked bass cut
    with pytest.raises(ParameterError, match="keep"):
        m.parse(text)


@pytest.mark.parametrize("text", [
    "no hay hueco en los medios", "nothing is missing in the low end", "there's nothing missing in the highs",
    "I'm getting a lot of compliments on the bass"])
def test_a_shape_or_lack_denied_or_a_quantity_of_something_else_moves_no_region(m, text):
    # each moved the region 3 dB; refused now, as they were before the thirtieth trial's rules
    with pytest.raises((ParameterError, UnknownWordError)):
        m.parse(text)


@pytest.mark.parametrize("text, expected", [
    ("it's not lacking bass", {"bass": 0.5}), ("i'm getting a lot of bass but i want more", {"bass": 1.25}),
    ("nothing's missing in the low end, less mud", {"muddy": -1.0}), ("lowmids 2 much", {"low mids": -0.5}),
    ("low mids too much", {"low mids": -0.5}), ("soften up the cymbals", {"treble": -1.0}),
    ("soften the cymbals up a bit", {"treble": -0.5}), ("the double bass is too loud", {"bass": -0.5}),
    ("the reese bass is too nasal", {"nasal": -0.5}), ("the bass is too nasal", {"nasal": -0.5}),
    ("less boom from the low end", {"boomy": -1.0}), ("take the mud from the low mids", {"muddy": -1.0}),
    ("cut the bass by a lot and the treble by a bit", {"bass": -1.25, "treble": -0.5}),
    ("bass, turn it down a bit", {"bass": -0.5}), ("can't it be brighter?", {"bright": 1.0}),
    ("doesn't it need more bass?", {"bass": 1.0})])
def test_readings_a_thirty_first_trial_found_wrong_are_mended(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["isn't it nice?", "isn't this the bass?"])
def test_a_negative_question_of_no_amount_is_not_read_as_a_statement(m, text):
    # "isn't this the bass?" had become "this is the bass": +6 dB of bass
    assert all(abs(v) <= 0.5 for v in weights(m, text).values())


@pytest.mark.parametrize("text", ["the meters are peaking", "the vocal is peaking"])
def test_a_meter_peaking_is_no_harshness(m, text):
    # "peaking" was read through "peaky" as the crowds' harsh
    with pytest.raises((ParameterError, UnknownWordError)):
        m.parse(text)


@pytest.mark.parametrize("text, word", [
    ("lejos de ser perfecto, le falta brillo", "treble"), ("cerrado, más abierto", "airy"),
    ("no se entiende por qué suena turbio", "muddy"), ("on highend speakers it sounds harsh", "harsh")])
def test_words_that_name_no_sound_here_are_not_read(m, text, word):
    # "lejos de" (far from) was distance, "cerrado" and "no se entiende" were read, "highend" was the treble
    assert list(weights(m, text)) == [word]


@pytest.mark.parametrize("text, expected", [
    ("not enough bass too much treble", {"bass": 0.5, "treble": -0.5}), ("debass", {"bass": -1.0}),
    ("demud", {"muddy": -1.0})])
def test_the_narrowed_rules_still_read_what_they_were_made_for(m, text, expected):
    # the instrument reading needs a copula or a need ("the bass is too nasal"), not a list's excess; an unhyphenated
    # "de" negates a flaw or a studio term, never a Spanish word ("debajo", under)
    assert weights(m, text) == pytest.approx(expected)


def test_debajo_is_no_negated_bajo(m):
    with pytest.raises(UnknownWordError, match="debajo"):
        m.parse("se escucha como si estuviera debajo del agua")
