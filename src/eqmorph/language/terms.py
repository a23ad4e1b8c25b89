"""Descriptor normalisation: one spelling per word, whichever dataset it came from.

Both datasets hold words typed by people: SAFE's are mixed case with stray spaces,
SocialFX's include Spanish with accents.  A term is normalised by Unicode NFC (so a
precomposed and a combining "é" are the same word), stripping, lower-casing and
collapsing inner whitespace.  Accents are kept: "frío" and "frio" stay different words,
because stripping accents can merge different Spanish words (e.g. "año" and "ano").
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Descriptors SAFE users typed while trying the plug-in out, not to describe a sound.
_PLACEHOLDER = re.compile(r"^(test\d*|default)$")


def normalise_term(text: str) -> str:
    """NFC, stripped, lower-cased, inner whitespace collapsed to one space; accents kept."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text)).strip().lower())


def split_descriptor(text: str) -> tuple[str, ...]:
    """The normalised words of one descriptor field: split at commas, empties dropped.

    ``"Toppy, thick"`` -> ``("toppy", "thick")``; ``"bass boost"`` stays one term (only
    commas separate words: a space usually makes a phrase).  Repeats are removed, order kept.
    """
    terms = (normalise_term(part) for part in str(text).split(","))
    return tuple(dict.fromkeys(t for t in terms if t))


def is_placeholder(term: str) -> bool:
    """True for ``test``, ``test1``..., ``default``: what users type when not describing a sound."""
    return bool(_PLACEHOLDER.match(term))
