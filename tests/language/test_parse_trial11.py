"""What an eleventh new-user trial typed: a cutting particle after its word ("take the harshness off"), a degree
after its word ("scoop the mids a little"), and both before a region ("take some harshness off the top")."""

from __future__ import annotations

import pytest

from eqmorph.language.grammar_words import DEGREES
from eqmorph.language.parse import Parser

COUNTS = {"warm": 40, "bright": 30, "brighter": 5, "muddy": 6, "harsh": 12, "brillante": 9}
A_BIT = DEGREES[("a", "bit")]


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(COUNTS)


def weights(parser: Parser, text: str) -> dict[str, float]:
    return {w: round(v, 4) for w, v in parser.parse(text).weights}


@pytest.mark.parametrize(("text", "expected"), [
    ("take the harshness off", {"harsh": -1.0}),
    ("knock some highs off", {"treble": -1.0}),
    ("dial the mud back", {"muddy": -1.0}),
    ("take some mud out", {"muddy": -1.0}),
])
def test_a_cutting_particle_after_its_word_cuts_it(parser, text, expected):
    # read on, each of these was the word itself: "knock some highs off" a +6 dB treble shelf
    meant = parser.parse(text)
    assert weights(parser, text) == expected
    assert not {"off", "out", "back"} & set(meant.ignored)


@pytest.mark.parametrize(("text", "expected"), [
    ("bring the presence out", {"presence": 1.0}),  # the verb said the way: "out" keeps it
    ("pull the highs back", {"treble": -1.0}),
])
def test_a_particle_after_a_verb_that_set_the_way_keeps_it(parser, text, expected):
    assert weights(parser, text) == expected


def test_a_cutting_particle_before_a_region_cuts_the_word_there(parser):
    meant = parser.parse("take some harshness off the top")
    assert weights(parser, "take some harshness off the top") == {"harsh": -1.0}
    assert meant.pieces[0].region == "treble"


def test_a_direction_word_after_its_word_reaches_a_region_too(parser):
    meant = parser.parse("turn the harshness down on top")
    assert weights(parser, "turn the harshness down on top") == {"harsh": -1.0}
    assert meant.pieces[0].region == "treble"


@pytest.mark.parametrize(("text", "expected"), [
    ("scoop the mids a little", {"mids": -A_BIT}),
    ("brighter a bit", {"bright": A_BIT}),
    ("cut the mud a bit", {"muddy": -A_BIT}),
    ("more bass, but just a little", {"bass": A_BIT}),
    ("bajar los agudos un poco", {"treble": -A_BIT}),
    ("brighter, but not too much", {"bright": A_BIT}),
    ("take the mud out a bit", {"muddy": -A_BIT}),
    ("turn the bass down a bit", {"bass": -A_BIT}),
    ("poquito más brillante", {"brillante": A_BIT}),
])
def test_a_degree_after_its_word_sets_how_much(parser, text, expected):
    # each was full strength, the degree listed as ignored
    meant = parser.parse(text)
    assert weights(parser, text) == expected
    assert meant.ignored == ()


def test_a_degree_after_a_word_goes_to_that_word_not_the_next(parser):
    assert weights(parser, "warm a bit and bright") == {"warm": A_BIT / 2, "bright": 0.5}


def test_a_number_alone_after_a_word_is_still_no_degree(parser):
    assert parser.parse("warm, 0.5").ignored == ("0.5",)
