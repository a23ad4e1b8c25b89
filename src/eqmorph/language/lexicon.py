"""The timbre lexicon: synonyms, Spanish-English translations and antonyms, kept as data.

``lexicon.tsv`` (next to this module) ties words a user may type to words the crowd data has:
``cálido`` -> ``warm`` (translation), ``mud`` -> ``muddy`` (synonym), ``cold`` -> ``warm``
(antonym). Each row names its source; the header of the file says what the sources are.
Relations are symmetric, so a row serves both directions (``warm`` also reaches ``cálido``).

The file is read once per process (about 235 rows) and needs nothing beyond the standard library.
"""

from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass

from eqmorph.errors import DataFormatError
from eqmorph.language.spelling import fold
from eqmorph.language.terms import normalise_term

RELATIONS = ("translation", "synonym", "antonym")
RELATION_SIGN = {"translation": 1.0, "synonym": 1.0, "antonym": -1.0}  # an antonym stands for the word inverted
LEXICON_FILE = "lexicon.tsv"


@dataclass(frozen=True)
class Relation:
    """One lexicon row, seen from ``word``."""

    word: str
    relation: str  # one of RELATIONS
    other: str
    source: str  # source code from the file header (dict, eng, ant)


def parse_lexicon(text: str) -> tuple[Relation, ...]:
    """Rows of a lexicon file (``#`` comments, tab-separated ``word relation equivalent source``)."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 4 or cells[1] not in RELATIONS or not all(c.strip() for c in cells):
            raise DataFormatError(
                f"{LEXICON_FILE} line {number}: expected 'word<TAB>relation<TAB>equivalent<TAB>source' with "
                f"relation one of {', '.join(RELATIONS)}, got {line!r}"
            )
        rows.append(Relation(normalise_term(cells[0]), cells[1], normalise_term(cells[2]), cells[3].strip()))
    return tuple(rows)


@functools.cache
def _rows() -> tuple[Relation, ...]:
    return parse_lexicon((importlib.resources.files("eqmorph.language") / LEXICON_FILE).read_text(encoding="utf-8"))


@functools.cache
def _index() -> dict[str, tuple[Relation, ...]]:
    out: dict[str, list[Relation]] = {}
    for row in _rows():
        out.setdefault(row.word, []).append(row)
        out.setdefault(row.other, []).append(Relation(row.other, row.relation, row.word, row.source))
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _by_folded() -> dict[str, str]:
    """Accent- and case-free key -> the one lexicon word it stands for; a key two words share is left out."""
    groups: dict[str, set[str]] = {}
    for word in _index():
        groups.setdefault(fold(word), set()).add(word)
    return {key: next(iter(words)) for key, words in groups.items() if len(words) == 1}


def lexicon_word(word: str) -> str:
    """``word`` normalised, or the lexicon word it spells without accents ("calido" -> "cálido") when exactly
    one lexicon word folds to it: people type Spanish without accents on keyboards that lack them."""
    w = normalise_term(word)
    return w if w in _index() else _by_folded().get(fold(w), w)


def related(word: str) -> tuple[Relation, ...]:
    """Every lexicon row that mentions ``word`` (normalised, accents as :func:`lexicon_word`), seen from it."""
    return _index().get(lexicon_word(word), ())


@functools.cache
def _english_of() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in _rows():
        if row.relation == "translation":  # the file's convention: Spanish word first, English equivalent second
            out.setdefault(row.word, []).append(row.other)
    for row in _rows():  # a Spanish synonym of a translated word shares its English ("calidez" ~ "cálido")
        if row.relation == "synonym" and row.word not in out and row.other in out:
            out[row.word] = list(out[row.other])
    return {k: tuple(v) for k, v in out.items()}


def english_translations(word: str) -> tuple[str, ...]:
    """English equivalents of a Spanish ``word`` (its translation rows, else its Spanish synonym's); ``()``
    for an English word or a word the lexicon does not translate."""
    return _english_of().get(lexicon_word(word), ())


def lexicon_words() -> frozenset[str]:
    """Every word the lexicon mentions (for multi-word matching and tests)."""
    return frozenset(_index())


def translation_pairs() -> tuple[tuple[str, str], ...]:
    """Every ``(spanish, english)`` translation row, in file order (not the synonyms: "calidez" is a noun)."""
    return tuple((row.word, row.other) for row in _rows() if row.relation == "translation")
