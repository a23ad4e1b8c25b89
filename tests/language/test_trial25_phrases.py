"""Phrases a twenty-fifth trial typed (2026-12-04): a verb done to a source or to the whole mix, "-en" verbs that
double their adjective's consonant, and what a producer calls the recording."""

from __future__ import annotations

import pytest

from eqmorph.errors import UnknownWordError


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, expected", [
    ("soften the vocal", {"soft": 1.0}), ("soften the snare", {"soft": 1.0}), ("scoop the guitar", {"scoop": 1.0}),
    ("soften the vocal a bit", {"soft": 0.5}), ("soften the mix", {"soft": 1.0})])
def test_a_verb_that_is_a_word_done_to_a_source_is_that_word(m, text, expected):
    # the source after the verb was taken for its descriptor: "'vocal' names no sound"
    assert weights(m, text) == pytest.approx(expected)


def test_a_verb_before_a_region_still_moves_the_region(m):
    assert weights(m, "scoop the mids") == pytest.approx({"mids": -1.0})


@pytest.mark.parametrize("text, expected", [("fatten the kick", {"full": 1.0}), ("fatten", {"full": 1.0})])
def test_an_en_verb_that_doubles_its_consonant_reads_as_its_adjective(m, text, expected):
    # "fatten" was unknown while "fatter" was full (fat's synonym)
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("the track is too bright", {"bright": -0.5}), ("the mix is muddy", {"muddy": -0.5}),
    ("la mezcla está turbia", {"muddy": -0.5}), ("the song needs more air", {"air": 1.0})])
def test_the_recording_named_is_what_is_described(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)


def test_the_recording_alone_names_no_sound(m):
    with pytest.raises(UnknownWordError, match="stop list"):
        m.parse("mix")


def test_multi_word_forms_with_mix_are_still_read(m):
    assert weights(m, "lost in the mix") == pytest.approx({"presence": 1.0})


@pytest.mark.parametrize("verb, adjective", [("fatten", "fat"), ("flattened", "flat"), ("redden", "red"),
                                             ("brighten", "bright"), ("stiffen", "stiff"), ("dullen", "dull")])
def test_an_en_verb_gives_its_adjective_undoubling_all_but_f_l_s_z(verb, adjective):
    from eqmorph.language.lemmas import adjective_of_verb

    assert adjective_of_verb(verb) == adjective
