"""Phrases of a thirty-second trial (2026-12-04: film and game audio, broadcasters, singers, amps and kits, DJs,
mixing students, version comparisons, Spanish from six countries): each test holds a reading that went the wrong way."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError, UnknownWordError


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, expected", [
    ("turn the treble knob down", {"treble": -1.0}), ("turn the mid knob down a little", {"mids": -0.5}),
    ("bass down two", {"bass": -2 / 6}), ("bass up one, treble down two", {"bass": 1 / 6, "treble": -2 / 6})])
def test_a_control_named_and_a_count_in_words_keep_the_particles_way(m, text, expected):
    # "knob" between the region and "down", and "two" after it, dropped the particle: 6 dB boosts
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("los graves, bájalos un poco", {"bass": -0.5}), ("te pasaste con los agudos, bajalos un poco", {"treble": -0.5}),
    ("re zarpado el brillo, bajalo un poco", {"treble": -0.5}), ("los agudos, súbelos", {"treble": 1.0})])
def test_a_spanish_verb_with_its_object_as_a_pronoun_moves_the_region_named_before(m, text, expected):
    # the verb had no region after it: the region alone was boosted 6 dB
    assert weights(m, text) == pytest.approx(expected)


def test_a_region_named_then_left_alone_in_spanish_is_kept(m):
    with pytest.raises(ParameterError, match="what to keep"):
        m.parse("los graves, déjalos")


@pytest.mark.parametrize("text, expected", [
    ("no le toqués los graves, bajá los agudos", {"treble": -1.0}), ("mis eses silban mucho", {"sibilance": -0.625}),
    ("los agudos hacen daño", {"treble": -0.5}), ("tiene hartos graves", {"bass": -0.5}),
    ("tiene un chorro de bajos", {"bass": -0.5})])
def test_spanish_keeps_complaints_and_quantities_a_thirty_second_trial_found(m, text, expected):
    # each moved the region the wrong way, 6-7.5 dB
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("EQ the mud out then add some air", {"muddy": -0.5, "air": 0.5}),
    ("se te fue la mano con los graves", {"bass": -0.5}), ("te pasaste con los agudos", {"treble": -0.5}),
    ("you overdid the bass", {"bass": -0.5}), ("de-ess the dialogue lightly", {"de-ess": 0.5}),
    ("de-ess it heavily", {"de-ess": 1.25}), ("duck the music's presence region under dialogue", {"presence": -1.0})])
def test_verbs_idioms_and_adverbs_a_thirty_second_trial_found_are_read(m, text, expected):
    # "then" joined nothing (the mud was asked for, the air cut), overdoing a region boosted it, "lightly" read the
    # crowds' light, "duck" was unknown beside a 6 dB presence boost
    assert weights(m, text) == pytest.approx(expected)


def test_watching_a_region_in_colombian_spanish_keeps_it(m):
    assert weights(m, "pilas con los agudos, que no chillen") == pytest.approx({"shrill": -1.0})


@pytest.mark.parametrize("text, expected", [
    ("treble down two clicks", {"treble": -2 / 6}), ("los graves, bájalos y súbelos los agudos", {"bass": -1.0,
                                                                                                 "treble": 1.0}),
    ("mucho bajo, bájalo", {"bass": -1.0}), ("el brillo hace daño", {"treble": -0.5}),
    ("tiene mucho bajo", {"bass": -0.5}), ("boost the bass heavily", {"bass": 1.25})])
def test_readings_a_thirty_third_trial_found_worse_are_mended(m, text, expected):
    # "clicks" was read as clicky (+3.9 dB at 3 kHz); "súbelos" was unknown, and the list's cut reached the treble;
    # "mucho bajo, bájalo" boosted the bass 7.5 dB; "algo bajo", "poco bajo" say low, and are no longer the bass
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["silba un poco", "hace daño a los oídos", "una banda de rock"])
def test_spanish_that_names_no_region_is_not_read_as_a_complaint_of_one(m, text):
    # read as the crowds' loud (or a band as a quantity), they moved the highs or the mids
    with pytest.raises(UnknownWordError):
        m.parse(text)


def test_heavily_before_a_participle_is_no_degree_of_the_move(m):
    # "heavily boosted highs" made the boost it reported 7.5 dB
    assert weights(m, "the heavily compressed drums need more air") == pytest.approx({"air": 1.0})



@pytest.mark.parametrize("text, expected", [
    ("silban los agudos", {"treble": -0.5}), ("me hace daño el bajo", {"bass": -0.5}),
    ("no hace daño un poco más de brillo", {"treble": 0.5}), ("mucho bajo, bájale pe", {"bass": -1.0})])
def test_spanish_pain_and_pronoun_verbs_read_in_either_order_and_not_when_denied(m, text, expected):
    # the region said after the verb was boosted; "no hace daño" (no harm in it) had turned the request around
    assert weights(m, text) == pytest.approx(expected)
