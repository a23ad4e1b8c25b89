"""A misspelt studio term is named in the unknown-word error; an unknown word is blamed before a dangling amount."""

from __future__ import annotations

import pytest

from eqmorph.errors import UnknownWordError
from eqmorph.language.parse import Parser

COUNTS = {"warm": 40, "bright": 30, "muddy": 6}


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(COUNTS)


@pytest.mark.parametrize("text, term", [("less bas", "bass"), ("less mdis", "mids")])
def test_a_misspelt_studio_term_is_suggested_in_the_error(parser, text, term):
    # A new-user trial: these all said "no similar known words", as only the crowd's words were compared. A slip of
    # one studio term of five letters or more is read as it (below); a shorter one, or two slips, is suggested.
    with pytest.raises(UnknownWordError) as err:
        parser.parse(text)
    assert err.value.studio_terms == (term,)
    assert f"studio term spelled like it: {term}" in str(err.value)


@pytest.mark.parametrize("text, term, spelling", [("more presense", "presence", "presence"),
                                                  ("less sibilence", "sibilance", "sibilance"),
                                                  ("trebel", "treble", "treble"), ("trebble", "treble", "treble")])
def test_a_one_slip_studio_term_is_read_as_it_and_said(parser, text, term, spelling):
    read = parser.parse(text)
    assert [w for w, _ in read.weights] == [term]
    assert f"read {text.split()[-1]!r} as {spelling!r}" in read.notes


def test_an_unknown_word_before_a_db_amount_is_blamed_not_the_amount(parser):
    # "trebel -2dB" said the amount had no word beside it, as if the word were not there.
    with pytest.raises(UnknownWordError, match="unknown word 'bas'; studio term spelled like it: bass"):
        parser.parse("bas -2dB")
    assert dict(parser.parse("trebel -2dB").weights) == pytest.approx({"treble": -2 / 6})  # a slip read, its amount


def test_gibberish_gets_no_studio_term(parser):
    with pytest.raises(UnknownWordError) as err:
        parser.parse("zzqxv")
    assert err.value.studio_terms == () and "no similar known words" in str(err.value)


@pytest.mark.parametrize("word, slip", [("presense", True), ("trebel", True), ("misd", True), ("bajo", False),
                                        ("agudo", False), ("grave", False)])
def test_a_slip_of_a_studio_term_is_a_typo_but_its_singular_or_plural_is_not(word, slip):
    # "bajo" and "agudo" are the Spanish crowd's words, one letter from the band forms "bajos" and "agudos": read as
    # slips, the open vocabulary would never be asked about them (leave-one-word-out holds them out).
    from eqmorph.language.words import WordReader

    assert WordReader({"warm": 5})._is_typo(word) is slip
