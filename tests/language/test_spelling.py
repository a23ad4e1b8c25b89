"""Spelling suggestions, autocomplete and term normalisation (eqmorph.language.spelling)."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.language.spelling import (
    fold,
    normalise_term,
    one_edit_apart,
    search,
    suggest,
    typo_of,
    unknown_word_error,
)
from eqmorph.language.terms import normalise_term as datasets_normalise_term

COUNTS = {
    "warm": 40,
    "bright": 30,
    "warmth": 2,
    "brighter": 5,
    "cálido": 4,
    "muddy": 6,
    "harsh": 9,
    "bass boost": 3,
    "boomy": 5,
}


def test_a_transposed_typo_suggests_the_intended_word_first() -> None:
    assert suggest("wram", COUNTS)[0] == ("warm", 40)


def test_suggestions_come_with_the_known_words_example_counts() -> None:
    suggestions = suggest("brigth", COUNTS, n=3)
    assert suggestions[0] == ("bright", 30)  # an empty list must not pass
    assert all(COUNTS[word] == count for word, count in suggestions)


def test_an_unaccented_spelling_finds_the_accented_word() -> None:
    assert suggest("calido", COUNTS)[0] == ("cálido", 4)


def test_suggestions_ignore_case_and_surrounding_spaces() -> None:
    assert suggest("  MUDY ", COUNTS)[0] == ("muddy", 6)


def test_an_empty_vocabulary_gives_no_suggestions() -> None:
    assert suggest("warm", {}) == []


def test_gibberish_gets_no_suggestions_rather_than_random_words() -> None:
    assert suggest("xqzvk", COUNTS) == []


def test_at_most_n_suggestions_are_returned() -> None:
    vocab = {f"warm{i}": i + 1 for i in range(20)}
    assert len(suggest("warm", vocab, n=3)) == 3


def test_equally_close_words_are_ordered_by_example_count() -> None:
    # "bat" and "cat" are one letter from "hat": same ratio, so the more frequent comes first.
    assert [w for w, _ in suggest("hat", {"bat": 2, "cat": 9})] == ["cat", "bat"]


@pytest.mark.parametrize("n", [0, -1, 2.5, True])
def test_a_non_positive_or_non_integer_n_is_a_parameter_error(n: object) -> None:
    with pytest.raises(ParameterError, match="n="):
        suggest("warm", COUNTS, n=n)  # type: ignore[arg-type]


def test_a_negative_count_is_a_parameter_error_naming_counts() -> None:
    with pytest.raises(ParameterError, match="counts"):
        suggest("warm", {"warm": -1})


def test_unknown_word_error_lists_suggestions_with_counts() -> None:
    err = unknown_word_error("wram", COUNTS)
    assert isinstance(err, UnknownWordError)
    assert "warm (40 examples)" in str(err)


def test_search_puts_prefix_matches_before_substring_matches() -> None:
    vocab = {"boost": 1, "bass boost": 50, "boomy": 3}
    assert [w for w, _ in search("boo", vocab)] == ["boomy", "boost", "bass boost"]


def test_search_orders_each_group_by_example_count() -> None:
    assert [w for w, _ in search("bri", COUNTS)] == ["bright", "brighter"]


def test_search_ignores_case_and_accents() -> None:
    assert search("CAL", COUNTS) == [("cálido", 4)]
    assert search("WARM", COUNTS) == [("warm", 40), ("warmth", 2)]


def test_search_with_an_empty_query_lists_the_most_frequent_words() -> None:
    assert search("", COUNTS, limit=2) == [("warm", 40), ("bright", 30)]


def test_search_respects_the_limit() -> None:
    assert len(search("r", COUNTS, limit=3)) == 3


def test_normalise_term_composes_lowercases_and_collapses_spaces_but_keeps_accents() -> None:
    decomposed = "  Ca\u0301lido \t  Suave "
    assert normalise_term(decomposed) == "cálido suave"
    assert fold(decomposed) == "calido suave"


def test_the_vocabulary_normalises_terms_exactly_as_the_datasets_do() -> None:
    assert normalise_term is datasets_normalise_term


def test_fold_rejects_non_strings() -> None:
    with pytest.raises(ParameterError, match="text"):
        fold(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("a, b, expected", [
    ("wram", "warm", True), ("warmm", "warm", True), ("wam", "warm", True), ("worm", "warm", True),
    ("Frio", "frío", False),  # the same word once accents are folded: not a slip
    ("birght", "bright", True), ("brite", "bright", False), ("mraw", "warm", False), ("warm", "warm", False),
])
def test_one_edit_apart_is_one_changed_added_dropped_or_swapped_letter(a, b, expected) -> None:
    assert one_edit_apart(a, b) is expected
    assert one_edit_apart(b, a) is expected


def test_a_typo_names_the_known_word_with_most_examples_and_short_words_are_never_typos() -> None:
    counts = {"warm": 40, "worm": 2, "air": 9, "aim": 3}
    assert typo_of("wirm", counts) == "warm"  # one slip from both warm and worm
    assert typo_of("velvety", counts) is None
    assert typo_of("aie", counts) is None  # three letters: too many words are one slip apart
