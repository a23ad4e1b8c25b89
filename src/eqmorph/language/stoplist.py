"""The reviewed stop list: descriptors that name things, not sounds (``stoplist.txt`` beside this module).

Rows with such a descriptor stay in the datasets (their EQs are real EQs and still train the
autoencoder), but training gives them no word in the model's vocabulary, so they never appear in
``Morpher.terms``, and the phrase parser refuses them even when an open vocabulary would find
neighbours for any text. How the list was reviewed is written in the file's header. It lives in the
language layer, which the data, training and evaluation layers build on.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from eqmorph.language.terms import normalise_term

STOPLIST_FILE = Path(__file__).with_name("stoplist.txt")


def parse_stoplist(lines: Iterable[str]) -> frozenset[str]:
    """Normalised descriptors of ``lines``; blank lines and ``#`` comments are ignored."""
    words = (normalise_term(line.split("#", 1)[0]) if not line.lstrip().startswith("#") else "" for line in lines)
    return frozenset(w for w in words if w)


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """The bundled stop list (read once)."""
    return parse_stoplist(STOPLIST_FILE.read_text(encoding="utf-8").splitlines())


def is_stopword(term: str) -> bool:
    """True when ``term`` (normalised or not) is on the stop list."""
    return normalise_term(term) in stoplist()


__all__ = ["STOPLIST_FILE", "is_stopword", "parse_stoplist", "stoplist"]
