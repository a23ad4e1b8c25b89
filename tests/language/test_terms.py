"""Descriptor normalisation: one spelling per word, accents kept."""

import unicodedata

import pytest

from eqmorph.language.terms import is_placeholder, normalise_term, split_descriptor


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Warm", "warm"),
        ("  bright \t", "bright"),
        ("Bass    Boost", "bass boost"),
        ("bass\u00a0\nboost", "bass boost"),
        ("FRÍO", "frío"),
        ("Música de Piano", "música de piano"),
    ],
)
def test_terms_are_lower_cased_stripped_and_spaces_collapsed(raw, expected):
    assert normalise_term(raw) == expected


def test_decomposed_and_precomposed_accents_give_the_same_term():
    decomposed = unicodedata.normalize("NFD", "frío")
    assert decomposed != "frío"
    assert normalise_term(decomposed) == normalise_term("frío") == "frío"


def test_accents_are_kept_so_different_words_stay_different():
    assert normalise_term("año") != normalise_term("ano")
    assert "í" in normalise_term("Frío")


def test_comma_separated_words_split_into_terms_in_order_without_repeats():
    assert split_descriptor("Toppy, thick,, TOPPY ,") == ("toppy", "thick")


def test_a_phrase_without_commas_stays_one_term():
    assert split_descriptor("sticks out in  the mix") == ("sticks out in the mix",)


@pytest.mark.parametrize(
    ("term", "placeholder"), [("test", True), ("test12", True), ("default", True), ("testy", False), ("warm", False)]
)
def test_placeholders_are_test_and_default_only(term, placeholder):
    assert is_placeholder(term) is placeholder
