"""The reviewed word lists kept as data beside this module: descriptors that name things, not sounds
(``stoplist.txt``), and vocabulary words that name feelings, not sounds (``feelings.txt``).

Rows with such a descriptor stay in the datasets (their EQs are real EQs and still train the
autoencoder), but training gives them no word in the model's vocabulary, so they never appear in
``Morpher.terms``, and the phrase parser refuses them even when an open vocabulary would find
neighbours for any text. Feeling words stay vocabulary words, but a phrase describing an EQ does not say them
(:mod:`eqmorph.semantic.describe`). How each list was reviewed is written in its file's header. They live in the
language layer, which the data, training and evaluation layers build on.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from eqmorph.language.terms import normalise_term

STOPLIST_FILE = Path(__file__).with_name("stoplist.txt")
FEELINGS_FILE = Path(__file__).with_name("feelings.txt")


def parse_stoplist(lines: Iterable[str]) -> frozenset[str]:
    """Normalised descriptors of ``lines``; blank lines and ``#`` comments are ignored."""
    words = (normalise_term(line.split("#", 1)[0]) if not line.lstrip().startswith("#") else "" for line in lines)
    return frozenset(w for w in words if w)


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """The bundled stop list (read once)."""
    return parse_stoplist(STOPLIST_FILE.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=1)
def feeling_words() -> frozenset[str]:
    """The bundled list of feeling and judgement words (read once): words, but no description of a sound."""
    return parse_stoplist(FEELINGS_FILE.read_text(encoding="utf-8").splitlines())


def is_stopword(term: str) -> bool:
    """True when ``term`` (normalised or not) is on the stop list."""
    return normalise_term(term) in stoplist()


__all__ = ["FEELINGS_FILE", "STOPLIST_FILE", "feeling_words", "is_stopword", "parse_stoplist", "stoplist"]
