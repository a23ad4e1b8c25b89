"""Phrases the thirty-second trial left (2026-12-04: compound nouns, comparisons and reported states, numbers, a crowd
word said of a region, pronoun verbs), mended in a thirty-fourth round: each test holds a reading that went the wrong
way."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError, UnknownWordError


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, expected", [
    ("the plosives on the boom track are awful", {"plosives": -0.5}),
    ("the boom mic sounds thin, add some body", {"full": 0.5, "thin": -0.25}),
    ("too much sibilance on the FM air chain", {"sibilance": -0.5}),
    ("the radio edit sounds boxier than the album version", {"boxy": -0.5}),
    ("the snare bottom mic is too sizzly", {"bright": -0.5}),
    ("the rough mix is too bright", {"bright": -0.5})])
def test_a_sound_word_inside_a_things_name_is_no_wish(m, text, expected):
    # boom mic read as boomy, air chain as air, radio edit as lo-fi, bottom mic as the bass, rough mix as not smooth
    assert weights(m, text) == pytest.approx(expected)
    assert any(" " in word for word in m.parse(text).ignored)  # the thing is said to be left out, whole


@pytest.mark.parametrize("text", ["the boom mic", "the rough mix", "radio edit"])
def test_a_things_name_alone_is_refused(m, text):
    with pytest.raises(UnknownWordError, match="names no sound"):
        m.parse(text)


def test_a_deep_cut_is_a_large_cut_and_alone_names_no_sound(m):
    # "deep" was the crowds' deep, cut (6 dB); a cut's depth is its size
    assert weights(m, "a deep cut in the low mids") == pytest.approx({"low mids": -1.25})
    assert weights(m, "a shallow dip in the mids") == pytest.approx({"mids": -0.5})
    assert weights(m, "deep bass") == pytest.approx({"deep": 1.0})  # a boost, or a region, has no depth
    with pytest.raises(ParameterError, match="at least one descriptor"):
        m.parse("deep cut")


@pytest.mark.parametrize("text, expected", [
    ("ice pick highs on the telecaster, tame them", {"treble": -1.0}),
    ("heavily boosted highs, cut them", {"treble": -1.0})])
def test_a_region_said_in_a_noun_phrase_then_resumed_by_a_pronoun_takes_the_verb(m, text, expected):
    # "tame them" said of nothing: the region alone was a 6 dB boost
    assert weights(m, text) == pytest.approx(expected)


def test_hum_in_a_region_then_taken_out_is_cut(m):
    got = weights(m, "air conditioner hum in the low end, take it out")
    assert got["hum"] < 0 and all(w < 0 for w in got.values())  # "air" was boosted and the hum with it


@pytest.mark.parametrize("text, expected", [
    ("great highs, keep them, less bass", {"bass": -1.0}), ("less bass, keep it", {"bass": -1.0}),
    ("too much high end now, back it off a bit", {"treble": -0.5})])
def test_a_pronoun_verb_after_a_request_or_a_statement_is_not_given_the_region_again(m, text, expected):
    # "less bass, keep it" (keep it so) and a stated excess keep their reading; praise named then kept is kept
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("the vocal is harsher", {"harsh": -0.5}), ("the second take is boomier", {"boomy": -0.5}),
    ("compared to yesterday's mix, the vocal is harsher", {"harsh": -0.5}),
    ("mix B has less low end than mix A, add some back", {"bass": 0.5}),
    ("it has more low end than the reference", {"bass": -0.5})])
def test_a_comparison_stated_of_a_named_subject_is_its_excess_or_lack(m, text, expected):
    # each was read as a request for more of what it compared (harsh +3.5 dB, boomy +4 dB, the bass -6 dB)
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("it's duller", {"dull": 1.0}), ("the vocal could be harsher", {"harsh": 1.0}),
    ("voice is a bit harsh at louder moments", {"loud": 0.5, "harsh": -0.125})])
def test_a_comparative_of_it_or_of_a_wish_or_away_from_its_copula_stays_as_read(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("the sound guy cut all the bass, bring it back", {"bass": 0.5}), ("the sound guy cut all the bass", {"bass": 0.5}),
    ("sounds like you boosted the highs", {"treble": -0.5}), ("can you cut the sub a bit?", {"sub bass": -0.5}),
    ("what if we cut the low mids a bit?", {"low mids": -0.5})])
def test_a_move_reported_as_done_is_the_state_it_left(m, text, expected):
    # the reported cut was read as a request: the bass cut 6 dB where it was asked back; a request or a
    # suggestion ("can you", "what if we") is still one
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["undo the bass boost", "too much, undo that", "revert the treble cut"])
def test_an_undo_is_refused_saying_a_phrase_starts_flat(m, text):
    # "undo the bass boost" boosted the bass 6 dB (undo ignored)
    with pytest.raises(ParameterError, match="flat EQ.*eqmorph edit"):
        m.parse(text)


@pytest.mark.parametrize("text", ["there's a 60 cycle hum", "remove the 60-cycle hum", "a 50 cycles hum"])
def test_mains_said_in_cycles_is_the_hum_not_a_gain(m, text):
    # "60" was read as a 60 dB gain of hum and refused
    got = weights(m, text)
    assert list(got) == ["hum"] and got["hum"] < 0


@pytest.mark.parametrize("text, expected", [
    ("two dB more bass", {"bass": 2 / 6}), ("three dB more bass", {"bass": 3 / 6}),
    ("minus two dB on the highs", {"treble": -2 / 6})])
def test_a_number_in_words_before_db_is_its_amount(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("los graves, súbelos un poco y los agudos bájalos", {"bass": 0.5, "treble": -1.0}),
    ("súbele a los graves y los agudos bájalos un poco", {"bass": 1.0, "treble": -0.5})])
def test_each_spanish_region_takes_its_own_pronoun_verb(m, text, expected):
    # "y los agudos bájalos": the verb was ignored and the treble boosted 6 dB
    assert weights(m, text) == pytest.approx(expected)
