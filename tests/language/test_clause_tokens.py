"""One clause made into the grammar's tokens (language/clause_tokens.py)."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError
from eqmorph.language.clause_tokens import clause_tokens
from eqmorph.language.words import WordReader


@pytest.fixture(scope="module")
def reader(m):
    return WordReader(m.counts)


def test_a_filter_corner_is_taken_out_of_the_clause_and_returned(reader):
    notes: list[str] = []
    typed, tokens, corners = clause_tokens(reader, "low cut at 30 hz", "low cut at 30 hz", notes, False)
    assert [corner.name for corner in corners] == ["low cut at 30 Hz"]
    assert typed == tokens == ["low", "cut"]


def test_a_flaw_judged_after_its_copula_becomes_a_statement_but_the_typed_tokens_stay(reader):
    typed, tokens, _ = clause_tokens(reader, "the mud is terrible", "the mud is terrible", [], False)
    assert typed == ["the", "mud", "is", "terrible"]
    assert tokens != typed and "terrible" not in tokens


def test_a_bare_frequency_is_refused_naming_its_region(reader):
    with pytest.raises(ParameterError, match="low mids"):
        clause_tokens(reader, "boost 300 hz", "boost 300 hz", [], False)
