"""A slip of a known word denied or cut ("warm but not too mudy", "brighter, lose the mudd", "punchier but not
boomie", "más cálido pero no turvio"): refused with its suggestion, as "less mudy" is alone. Left unread beside other
words, the slip was dropped with its denial and the phrase read as its other words only (plain warm: a forty-fourth
round refused a slip right after "not" or "less"; a forty-sixth these). Used by
:meth:`eqmorph.language.words.WordReader.descriptor_meanings`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eqmorph.errors import UnknownWordError
from eqmorph.language import lexicon
from eqmorph.language.grammar_words import DEGREES, LESS, NOT
from eqmorph.language.spelling import typo_of
from eqmorph.language.typos import SPANISH_WORDS, in_a_dictionary, is_own_word
from eqmorph.language.wordlike import is_dictionary_word

# Words that may stand between a denial and its word: "not too mudy", "lose the mudd", "no tan turvio".
_BETWEEN = frozenset({"too", "so", "that", "any", "overly", "the", "some", "all", "this", "el", "la", "los", "las",
                      "lo", "tan", "demasiado", "demasiada", "ese", "esa", "nada", "de"}) | frozenset(
    phrase[0] for phrase in DEGREES if len(phrase) == 1)
# A suffix typed onto a slip: "mudyness" is "mudy" with "-ness", "boomie" is "boomy" spelt "-ie".
_SUFFIXES = (("ness", ""), ("ie", "y"), ("ies", "y"))
_LEAST_LETTERS = 4  # "sin ti", "no se": short words are too often words of their own


def denied(before: Sequence[str]) -> bool:
    """Whether the words ``before`` a descriptor deny or cut it: a negation or a "less" word, with at most two of
    :data:`_BETWEEN` after it."""
    for back in range(1, min(len(before), 3) + 1):
        if before[-back] in NOT or before[-back] in LESS:
            return True
        if before[-back] not in _BETWEEN:
            return False
    return False


def slip_error(word: str, is_typo: Callable[[str], bool], known: Callable[[str], bool],
               unknown: Callable[[str], UnknownWordError]) -> UnknownWordError | None:
    """The error refusing ``word``, a slip of a known word (``is_typo``), of a known word with a suffix typed onto it
    ("mudyness", "boomie": ``known`` says a spelling has a meaning) or of a lexicon word ("turvio": turbio, "durezza":
    dureza, named in the error); None for a word of its own (English, common Spanish) or no slip."""
    if len(word) < _LEAST_LETTERS or not word.isalpha() or word in SPANISH_WORDS:
        return None
    if is_typo(word):  # English words are no typos ("mudy" is, though "mud" is a word: in_a_dictionary's "-y")
        return unknown(word)
    if is_own_word(word, is_dictionary_word) or in_a_dictionary(word):
        return None
    stems = [word[:-len(end)] + said for end, said in _SUFFIXES if word.endswith(end)]
    if any(is_typo(stem) or known(stem) for stem in stems):
        return unknown(word)
    meant = typo_of(word, dict.fromkeys(lexicon.lexicon_words(), 1))
    if meant is None:
        return None
    others = unknown(word).suggestions  # first the lexicon's: "turvio" was offered frío and duro only
    return UnknownWordError(word, others, message=f"unknown word {word!r}; closest known word: {meant}" + (
        f" (other close words: {', '.join(w for w, _ in others)})" if others else ""))


__all__ = ["denied", "slip_error"]
