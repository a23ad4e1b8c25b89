"""The timbre lexicon file and the lemmas (eqmorph.language.lexicon, eqmorph.language.lemmas)."""

from __future__ import annotations

import importlib.resources

import pytest

from eqmorph.errors import DataFormatError
from eqmorph.language import lemmas, lexicon

SOURCES = {"dict", "eng", "ant"}


def test_every_row_has_a_known_relation_and_a_documented_source():
    text = (importlib.resources.files("eqmorph.language") / lexicon.LEXICON_FILE).read_text(encoding="utf-8")
    rows = lexicon.parse_lexicon(text)
    assert len(rows) > 100
    assert {r.relation for r in rows} <= set(lexicon.RELATIONS)
    assert {r.source for r in rows} == SOURCES
    for code in SOURCES:
        assert f"#   {code} " in text  # the header says what each source code means


def test_relations_are_symmetric():
    assert any(r.other == "warm" and r.relation == "translation" for r in lexicon.related("cálido"))
    assert any(r.other == "cálido" and r.relation == "translation" for r in lexicon.related("warm"))
    assert any(r.other == "cold" and r.relation == "antonym" for r in lexicon.related("warm"))


def test_lookups_are_normalised():
    assert lexicon.related("  Cálido ") == lexicon.related("cálido")
    assert lexicon.related("no-such-word") == ()


@pytest.mark.parametrize("line", ["warm\tsynonym\tcozy", "warm\tkinda\tcozy\teng", "\tsynonym\tcozy\teng"])
def test_a_malformed_row_is_a_data_format_error_naming_the_line(line):
    with pytest.raises(DataFormatError, match="line 2"):
        lexicon.parse_lexicon("# header\n" + line)


@pytest.mark.parametrize("word, base", [("brighter", "bright"), ("brightest", "bright"), ("muddier", "muddy"),
                                        ("boomier", "boomy"), ("muddiness", "muddy"), ("boominess", "boomy"),
                                        ("cálida", "cálido"), ("suaves", "suave"), ("calientes", "caliente")])
def test_lemma_candidates_include_the_base_word(word, base):
    assert base in lemmas.candidates(word)
    assert word not in lemmas.candidates(word)


def test_superlatives_are_recognised():
    assert lemmas.is_superlative("brightest") and lemmas.is_superlative("suavísimo")
    assert not lemmas.is_superlative("bright")


def test_a_spanish_word_has_its_english_translations_and_an_english_word_has_none():
    assert set(lexicon.english_translations("fresco")) == {"cool", "fresh"}
    assert lexicon.english_translations("Cálido") == ("warm",)
    assert lexicon.english_translations("calidez") == ("warm",)  # through its Spanish synonym cálido
    assert lexicon.english_translations("warm") == ()


def test_the_header_says_rows_never_come_from_the_crowd_responses():
    text = (importlib.resources.files("eqmorph.language") / lexicon.LEXICON_FILE).read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "never from the crowd's EQ responses" in header


def test_an_unaccented_spelling_reaches_the_one_lexicon_word_it_folds_to(monkeypatch):
    assert lexicon.lexicon_word("calido") == "cálido"
    assert lexicon.related("calido") == lexicon.related("cálido") != ()
    assert lexicon.english_translations("nitido") == lexicon.english_translations("nítido") != ()
    # Two lexicon words that fold alike: neither is guessed.
    monkeypatch.setattr(lexicon, "_index", lambda: {"año": (), "anó": ()})
    lexicon._by_folded.cache_clear()
    try:
        assert lexicon.lexicon_word("ano") == "ano"
    finally:
        lexicon._by_folded.cache_clear()
