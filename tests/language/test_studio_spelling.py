"""A misspelt studio term is named in the unknown-word error; an unknown word is blamed before a dangling amount."""

from __future__ import annotations

import pytest

from eqmorph.errors import UnknownWordError
from eqmorph.language.parse import Parser

COUNTS = {"warm": 40, "bright": 30, "muddy": 6}


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(COUNTS)


@pytest.mark.parametrize("text, term", [("more presense", "presence"), ("less sibilence", "sibilance"),
                                        ("trebel", "treble"), ("trebble", "treble"), ("less bas", "bass")])
def test_a_misspelt_studio_term_is_suggested_in_the_error(parser, text, term):
    # A new-user trial: these all said "no similar known words", as only the crowd's words were compared.
    with pytest.raises(UnknownWordError) as err:
        parser.parse(text)
    assert err.value.studio_terms == (term,)
    assert f"studio term spelled like it: {term}" in str(err.value)


def test_an_unknown_word_before_a_db_amount_is_blamed_not_the_amount(parser):
    # "trebel -2dB" said the amount had no word beside it, as if 'trebel' were not there.
    with pytest.raises(UnknownWordError, match="unknown word 'trebel'; studio term spelled like it: treble"):
        parser.parse("trebel -2dB")


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
