"""What an eleventh new-user trial typed: a cutting particle after its word ("take the harshness off"), a degree
after its word ("scoop the mids a little"), and both before a region ("take some harshness off the top")."""

from __future__ import annotations

import pytest

import eqmorph
from eqmorph.language.grammar_words import DEGREES
from eqmorph.language.parse import Parser

COUNTS = {"warm": 40, "bright": 30, "brighter": 5, "muddy": 6, "harsh": 12, "brillante": 9, "air": 3, "boomy": 9,
          "clean": 8, "thin": 10}
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


# --- a review of the rules above -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected", "region"), [
    ("reduce harshness up top", {"harsh": -1.0}, "treble"),
    ("less brightness up top", {"bright": -1.0}, "treble"),
    ("more air up top", {"air": 1.0}, "treble"),
    ("more warmth down low", {"warm": 1.0}, "bass"),
])
def test_up_top_and_down_low_are_regions_not_a_direction(parser, text, expected, region):
    # "up" was read as the way after the word: "reduce harshness up top" boosted harsh
    meant = parser.parse(text)
    assert weights(parser, text) == expected and meant.pieces[0].region == region


@pytest.mark.parametrize(("text", "expected"), [
    ("reduce the treble up top", {"treble": -1.0}), ("less hiss up top", {"hiss": -1.0}),
    ("less hiss in the highs", {"hiss": -1.0}), ("less nasal mids", {"nasal": -1.0}),
])
def test_a_region_holding_a_band_words_move_says_where_it_is_and_adds_no_move(parser, text, expected):
    # each region was a band move of its own: "less hiss up top" boosted the treble 3 dB
    assert weights(parser, text) == expected


def test_a_band_word_a_region_does_not_hold_is_a_piece_of_its_own(parser):
    assert weights(parser, "bass treble") == {"bass": 1.0, "treble": 1.0}  # two moves, each its own (unshared)


@pytest.mark.parametrize(("text", "expected"), [
    ("get the warmth back", {"warm": 1.0}), ("put the air back", {"air": 1.0}),
    ("i want the bass back", {"bass": 1.0}), ("dial the mud back", {"muddy": -1.0}),
])
def test_back_restores_after_get_or_put_and_cuts_after_dial(parser, text, expected):
    # a review: "back" cut after any word, so "put the air back" took the air away
    assert weights(parser, text) == expected


@pytest.mark.parametrize(("text", "word", "degree"), [
    ("reduce the harsh highs a bit", "harsh", -A_BIT), ("less boomy low end please", "boomy", -1.0),
    ("less boomy low end 2x", "boomy", -2.0),
])
def test_a_region_before_a_degree_or_please_is_still_where_the_word_acts(parser, text, word, degree):
    # the region became a band move: "less boomy low end 2x" boosted the bass 5 dB
    meant = parser.parse(text)
    assert weights(parser, text) == {word: degree} and meant.pieces[0].region is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("cut the mud and the harshness", {"muddy": -0.5, "harsh": -0.5}),
    ("reduce mud and harshness", {"muddy": -0.5, "harsh": -0.5}),
    ("less mud and boom", {"muddy": -0.5, "boomy": -0.5}),
    ("take the mud and boom out", {"muddy": -0.5, "boomy": -0.5}),
    ("clean up the mud and the harshness", {"muddy": -0.5, "harsh": -0.5}),
    ("add warmth and air", {"warm": 0.5, "air": 0.5}),
])
def test_a_list_of_nouns_shares_the_direction_said_before_or_after_it(parser, text, expected):
    # "cut the mud and the harshness" cut the mud and added harshness
    assert weights(parser, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("less muddy and warm", {"muddy": -0.5, "warm": 0.5}),  # adjectives: each its own request
    ("warm and take the mud out", {"warm": 0.5, "muddy": -0.5}),  # a new verb starts its own list
    ("cut the mud and warm", {"muddy": -0.5, "warm": 0.5}),
])
def test_an_adjective_or_a_new_verb_is_not_taken_into_the_list(parser, text, expected):
    assert weights(parser, text) == expected


@pytest.mark.parametrize(("text", "word", "region"), [
    ("the low end is too boomy", "boomy", "bass"), ("low end too boomy", "boomy", "bass"),
    ("highs too harsh", "harsh", "treble"),
])
def test_a_region_before_too_or_is_says_where_the_word_is(parser, text, word, region):
    # read as a list, "low end too boomy" boosted the bass 3 dB while it cut boomy
    meant = parser.parse(text)
    assert [w for w, _ in meant.weights] == [word] and meant.pieces[0].region == region
    assert dict(meant.weights)[word] < 0


@pytest.mark.parametrize("text", ["bass, too boomy", "bass and boomy"])
def test_a_region_word_in_a_list_is_still_its_own_move(parser, text):
    assert "bass" in dict(parser.parse(text).weights)


@pytest.mark.parametrize("text", ["turn the boomy low end down", "boomy low end down a bit", "harsh highs down"])
def test_a_direction_after_a_words_region_turns_the_word(parser, text):
    meant = parser.parse(text)
    assert len(meant.weights) == 1 and meant.weights[0][1] < 0 and meant.pieces[0].region is not None


def test_a_db_amount_after_a_region_sets_the_band_word(parser):
    # "clean up the low end -3dB" was refused, the amount stranded on clean
    assert dict(parser.parse("clean up the low end -3dB").weights) == {"bass": -0.5}
    assert parser.parse("clean up the low end").pieces[0].region == "bass"


def test_prepositions_are_no_descriptors_for_the_open_vocabulary():
    m = eqmorph.load(open_vocabulary=True)
    meant = m.parse("less mud on the low mids please")
    assert dict(meant.weights) == {"muddy": -1.0} and meant.pieces[0].region == "low mids"


# --- a second review -------------------------------------------------------------------------------------------------
def test_out_after_an_adjective_used_as_a_verb_is_no_cut(parser):
    # "thin out the low end" read as less thin: a bass boost
    assert dict(parser.parse("thin out the low end").weights).get("thin", 0.0) > 0


@pytest.mark.parametrize(("text", "word"), [("make the low end less boomy", "boomy"), ("low end less muddy", "muddy"),
                                            ("the low end's too boomy", "boomy")])
def test_a_region_before_less_or_an_apostrophe_is_says_where_the_word_is(parser, text, word):
    meant = parser.parse(text)
    assert [w for w, _ in meant.weights] == [word] and meant.pieces[0].region == "bass"


@pytest.mark.parametrize(("text", "word"), [("the highs are too sibilant", "sibilance"),
                                            ("less presence up top", "presence")])
def test_a_band_word_in_or_near_the_region_named_with_it_is_the_only_move(parser, text, word):
    # each was a list: "less presence up top" boosted the treble 3 dB
    weights_ = dict(parser.parse(text).weights)
    assert list(weights_) == [word] and weights_[word] < 0


@pytest.mark.parametrize(("text", "expected"), [("dial the mud back a touch", {"muddy": -A_BIT}),
                                                ("turn the bass down a touch", {"bass": -A_BIT})])
def test_a_degree_starting_with_a_stop_word_after_a_particle_still_reaches_the_word(parser, text, expected):
    assert weights(parser, text) == expected


def test_a_negated_list_of_nouns_shares_its_negation(parser):
    assert weights(parser, "without mud and harshness") == {"muddy": -0.5, "harsh": -0.5}
