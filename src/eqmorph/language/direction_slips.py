"""A misspelt direction word ("lss treble", "warmer, nto muddy", "mnos graves"): refused, naming the word it looks
like. Left unread, it was dropped and the word after it read at full strength the other way (+6 dB of the treble
"lss treble" asked to cut: an eleventh new-user trial), with only "ignored: lss" to notice. The misspelt descriptor
after a correct direction word is refused the same way (:meth:`eqmorph.language.words.WordReader.descriptor_meanings`).

Only a slip that is no word of its own is refused (:func:`eqmorph.language.typos.is_own_word`: English words by either
dictionary here, "lees", "lesser", "now", "nor"; common Spanish ones), nor the grammar's words ("les" is Spanish's "to
them"; as texting's "less" before a word it is read already).
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.errors import UnknownWordError, shown_value
from eqmorph.language.spelling import fold, one_slip_spellings
from eqmorph.language.typos import is_own_word
from eqmorph.language.wordlike import is_dictionary_word

# The words that turn a request around, and their Spanish: a slip of one of these reverses what was asked.
DIRECTION_WORDS = ("less", "not", "more", "without", "menos", "más", "mas", "sin")
_MIN_LETTERS = 3  # "no" and "ni" have too many one-slip neighbours that are words or texting ("mo", "ne", "nu")


def direction_slip(word: str, is_word: set[str] | frozenset[str]) -> str | None:
    """The direction word ``word`` is one typing slip of, when ``word`` is no word of its own; else None.
    ``is_word``: spellings the caller knows as words (the grammar's, the vocabulary's)."""
    key = fold(word).lower()
    if len(key) < _MIN_LETTERS or not key.isalpha() or key in DIRECTION_WORDS or key in is_word:
        return None
    near = [d for d in DIRECTION_WORDS if fold(d) in one_slip_spellings(key)]
    if not near or is_own_word(key, is_dictionary_word):
        return None
    return near[0]


def refuse_direction_slips(unknown: Sequence[str], is_word: set[str] | frozenset[str]) -> None:
    """Raise :class:`UnknownWordError` for the first of ``unknown`` (words the phrase did not read) that is a slip of
    a direction word."""
    for word in unknown:
        meant = direction_slip(word, is_word)
        if meant is not None:
            raise UnknownWordError(word, [], message=(
                f"unknown word {shown_value(word)}; did you mean {meant!r}? (read without it, the phrase would ask "
                "for the opposite)"))


__all__ = ["DIRECTION_WORDS", "direction_slip", "refuse_direction_slips"]
