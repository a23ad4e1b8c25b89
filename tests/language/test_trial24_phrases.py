"""Phrases a twenty-fourth trial typed (2026-12-04: beginners' spellings, tone metaphors, and variants of the
twenty-third trial's rules) that asked for the flaw they complained of, read a level as a band, or were unknown."""

from __future__ import annotations

import numpy as np
import pytest


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, expected", [
    ("los agudos están altos", {"treble": -0.5}), ("los graves estan altos", {"bass": -0.5}),
    ("los medios están altos", {"mids": -0.5}), ("los graves están demasiado altos", {"bass": -0.5}),
    ("the mids are too high", {"mids": -0.5}), ("bass too low", {"bass": 0.5})])
def test_high_and_altos_after_a_copula_and_too_low_after_a_region_are_levels(m, text, expected):
    # "altos" boosted what it called too loud (the treble 1 dB, the bass 2.6 dB without the accent); "bass too low",
    # with no copula, cut the bass
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("the mud is really bad right now", {"muddy": -0.5}), ("the mud is too much", {"muddy": -0.5}),
    ("the mud is a bit much", {"muddy": -0.5}), ("the mud is crazy", {"muddy": -0.5}),
    ("the sibilance is brutal", {"sibilance": -0.5}), ("el barro me está matando", {"muddy": -0.5}),
    ("el barro es un desastre", {"muddy": -0.5}), ("the bass is too much", {"bass": -0.5})])
def test_more_judgements_of_a_flaw_state_it(m, text, expected):
    # each added the flaw (mud +5 to +6 dB, sibilance +6 dB); "the bass is too much" stays the region's level
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["the harshness is gone", "the mud isn't bad", "the mud is not terrible",
                                  "the sibilance is not bad"])
def test_a_flaw_said_to_be_gone_or_not_bad_asks_for_no_change(m, text):
    # each added the flaw at full strength; now, as "it isn't muddy", nothing is asked
    from eqmorph.errors import ParameterError

    with pytest.raises(ParameterError, match="what is fine"):
        m.parse(text)


def test_a_quality_said_to_be_gone_asks_for_it_back(m):
    assert weights(m, "the warmth is gone") == pytest.approx({"warm": 0.5})


@pytest.mark.parametrize("text, expected", [
    ("mud on the guitar", {"muddy": -0.5}), ("boom on the kick", {"boomy": -0.5}),
    ("harshness on the vocal", {"harsh": -0.5}), ("barro en la guitarra", {"muddy": -0.5}),
    ("rumble on the mic", {"rumble": -0.5}), ("retumbo en el micro de la voz", {"rumble": -0.5}),
    ("hum on the bass", {"hum": -0.5}), ("a little hiss on the vocal", {"hiss": -0.25}),
    ("un poco de siseo en la voz", {"hiss": -0.25})])
def test_any_flaw_on_a_source_or_a_region_is_stated(m, text, expected):
    # the rule covered noises on stop-listed sources only: these added the flaw (harsh +5.3 dB at 3.5 kHz)
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("there is so much bass", {"bass": -0.5}), ("theres a lot of bass", {"bass": -0.5}),
    ("more highs w/o harshness", {"treble": 0.5, "harsh": -0.5}), ("tan embarrado", {"muddy": -0.5}),
    ("qué embarrado está", {"muddy": -0.5}), ("muddy af", {"muddy": -0.5})])
def test_texting_and_exclamations_state_what_they_complain_of(m, text, expected):
    # each boosted what it complained of (the bass by 7.5 dB; "w/o" was split at its slash and harshness added)
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [("gangoso", {"nasal": 1.0}), ("metallic", {"tinny": 1.0}),
                                            ("smidge more presence", {"presence": 0.5})])
def test_words_the_trial_found_unknown_or_ignored(m, text, expected):
    # "gangoso" is Spanish for nasal, "metallic" as "metálico" already read (tinny); "smidge" alone is "a smidge"
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["zzzqqq", "brrrzzt"])
def test_an_unknown_word_with_repeated_letters_is_named_as_typed(m, text):
    from eqmorph.errors import UnknownWordError

    with pytest.raises(UnknownWordError, match=f"'{text}'"):
        m.parse(text)


@pytest.mark.parametrize("text, expected", [("más brillo", {"treble": 1.0}),
                                            ("más brillo pero sin dureza", {"treble": 0.5, "harsh": -0.5}),
                                            ("un poco más de brillo en el master", {"treble": 0.5})])
def test_brillo_is_the_top_end(m, text, expected):
    # "brillo" read the 4-example crowd word brillante, a 2 kHz lift with nothing above 5 kHz: the most common Spanish
    # request for brightness gave a mid lift (the twenty-third and twenty-fourth trials)
    assert weights(m, text) == pytest.approx(expected)
    assert m.generate(text).response_db(np.array([12000.0]), 48000)[0] > 2.0
