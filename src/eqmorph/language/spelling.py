"""Known-word look-ups that need no model: spelling suggestions and autocomplete.

When a user asks for a word the model has no centroid for, :func:`suggest`
finds the known words spelled most like it (``"wram"`` -> ``"warm"``) so that
:class:`eqmorph.errors.UnknownWordError` can print them with their example
counts; :func:`search` serves autocomplete in the CLI and the web app.

Comparisons are accent- and case-insensitive (``"calido"`` finds ``"cálido"``),
but the words returned keep the spelling they have in the vocabulary: SocialFX
holds Spanish descriptors and accents distinguish words there.

Words are normalised exactly as the datasets store them
(:func:`eqmorph.language.terms.normalise_term`, re-exported here). The matching
itself is pure Python (``difflib``, ``unicodedata``), cheap enough for every
error path.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Mapping, Sequence

from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.language.not_eq import not_eq_error
from eqmorph.language.stoplist import stoplist
from eqmorph.language.terms import normalise_term

__all__ = ["fold", "normalise_term", "one_edit_apart", "search", "studio_form_counts", "studio_suggestions", "suggest",
           "one_slip_spellings", "phrase_unknown_error", "typo_of", "unknown_word_error"]

SUGGEST_CUTOFF = 0.6  # difflib's own default for get_close_matches: below it, words rarely look alike
SEARCH_LIMIT = 10  # enough rows for an autocomplete drop-down
TYPO_MIN_LETTERS = 4  # shorter words are one slip from too many others ("air", "aim", "arm") to call typos


def fold(text: str) -> str:
    """Accent- and case-free comparison key: ``"Cálido "`` -> ``"calido"``.

    Decomposes (NFKD) and drops combining marks, then case-folds; never shown
    to users, only compared.
    """
    if not isinstance(text, str):
        raise ParameterError("text", text, "a string")
    decomposed = unicodedata.normalize("NFKD", normalise_term(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.lru_cache(maxsize=8192)
def _known_key(known: str) -> str:
    """:func:`fold` of a known word or studio form, kept: every typo check and suggestion compares the typed word
    with all of them, and folding each afresh was most of an unknown word's check (0.6-0.7 ms per word list)."""
    return fold(known)


def _check_counts(counts: object) -> Mapping[str, int]:
    if not isinstance(counts, Mapping):
        raise ParameterError("counts", counts, "a mapping word -> number of examples", wrong_type=True)
    for word, n in counts.items():
        if not isinstance(word, str) or isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ParameterError("counts", f"{word!r}: {n!r}", "string words with integer counts >= 0")
    return counts


def _check_positive_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ParameterError(name, value, "an integer >= 1")
    return value


def suggest(
    word: str, counts: Mapping[str, int], n: int = 5, cutoff: float = SUGGEST_CUTOFF
) -> list[tuple[str, int]]:
    """The ``n`` known words spelled most like ``word``, with their example counts.

    Similarity is :class:`difflib.SequenceMatcher`'s ratio between accent- and
    case-folded spellings; words below ``cutoff`` (0..1) are left out, so
    gibberish gets no suggestions rather than random ones. Ties (equal ratio)
    go to the word with more examples, then alphabetical order, so the
    answer is deterministic. An empty vocabulary gives ``[]``.

    Returns ``[(known_word, count), ...]``, best first, at most ``n`` items.
    """
    if not isinstance(word, str):
        raise ParameterError("word", word, "a string")
    counts = _check_counts(counts)
    n = _check_positive_int("n", n)
    if isinstance(cutoff, bool) or not isinstance(cutoff, int | float) or not 0.0 <= cutoff <= 1.0:
        raise ParameterError("cutoff", cutoff, "a number between 0 and 1")
    key = fold(word)
    if not key:
        return []
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(key)  # SequenceMatcher caches details of seq2, so the query goes there
    scored: list[tuple[float, int, str]] = []
    for known, count in counts.items():
        matcher.set_seq1(_known_key(known))
        # The cheap upper bounds reject most of the vocabulary before the full ratio.
        if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
            continue
        ratio = matcher.ratio()
        if ratio >= cutoff:
            scored.append((-round(ratio, 9), -count, known))
    scored.sort()
    return [(known, -neg_count) for _, neg_count, known in scored[:n]]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` (accents and case folded) by one typing slip: one letter changed, added or
    dropped, or two neighbouring letters swapped ("wram" / "warm"); equal words are not one edit apart."""
    return _one_slip(fold(a), fold(b))


def _one_slip(a: str, b: str) -> bool:
    """:func:`one_edit_apart` of two spellings already folded."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and (a[diff[0]], a[diff[1]]) == (b[diff[1]], b[diff[0]])
        return len(diff) == 1 or swapped
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


READ_TYPO_MIN_LETTERS = 5  # a slip is read as its word from this length on: "brigher" is brighter, "bas" no bass
_SLIP_LETTERS = "abcdefghijklmnopqrstuvwxyzáéíóúñü"


def one_slip_spellings(word: str) -> list[str]:
    """Every spelling one typing slip from ``word`` (:func:`one_edit_apart`: a letter dropped, added or changed, or
    two neighbours swapped), each once, in a fixed order."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    spellings = [a + b[1:] for a, b in splits if b]
    spellings += [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1]]
    spellings += [a + c + b[1:] for a, b in splits if b for c in _SLIP_LETTERS if c != b[0]]
    spellings += [a + c + b for a, b in splits for c in _SLIP_LETTERS]
    return [s for s in dict.fromkeys(spellings) if s != word]


def typo_of(word: str, counts: Mapping[str, int], min_letters: int = TYPO_MIN_LETTERS) -> str | None:
    """The known word ``word`` is one slip away from (:func:`one_edit_apart`; the one with most examples when
    several are), or None. Words shorter than ``min_letters`` are never typos: "air" and "aim" are both words."""
    key = fold(word)  # once, not once per known word
    if len(key) < min_letters:
        return None
    near = [(count, known) for known, count in _check_counts(counts).items() if _one_slip(key, _known_key(known))]
    return max(near)[1] if near else None


def unknown_word_error(word: str, counts: Mapping[str, int], n: int = 5) -> UnknownWordError:
    """The error to raise for an unknown ``word``, carrying :func:`suggest`'s suggestions, and the studio terms
    (:mod:`eqmorph.language.band_words`) spelled like it ("presense": presence), which have no examples to count."""
    return UnknownWordError(word, suggest(word, counts, n=n), studio_terms=studio_suggestions(word))


# A studio term is suggested only this close (difflib ratio): "hi-fi" is not "hi-mid" (0.67), "presense" is presence.
STUDIO_CUTOFF = 0.8


@functools.cache
def _studio_forms() -> dict[str, str]:
    """Every studio term's spelling -> its name (the table is fixed for the process)."""
    from eqmorph.language.band_words import band_words  # band words import this module's normalisation

    return {form: name for name, w in band_words().items() for form in w.forms}


@functools.cache
def studio_form_counts() -> dict[str, int]:
    """Every studio term's spelling with a count of 1, as :func:`typo_of` takes known words: a slip of one
    ("presense") is a slip, not a new word for the open vocabulary to guess at."""
    return dict.fromkeys(_studio_forms(), 1)
STUDIO_SUGGESTIONS = 1  # studio terms named in an unknown word's error: the closest (a second was rarely meant)


def studio_suggestions(word: str) -> tuple[str, ...]:
    """Names of the studio terms with a form spelled like ``word`` (:func:`suggest`'s similarity), best first."""
    forms = _studio_forms()
    near = suggest(word, dict.fromkeys(forms, 1), n=len(forms), cutoff=STUDIO_CUTOFF)
    return tuple(dict.fromkeys(forms[form] for form, _ in near))[:STUDIO_SUGGESTIONS]


def search(query: str, counts: Mapping[str, int], limit: int = SEARCH_LIMIT) -> list[tuple[str, int]]:
    """Known words containing ``query`` for autocomplete, with their example counts.

    Case- and accent-insensitive. Words that start with ``query`` come before
    words that only contain it; within each group, words with more examples
    come first, then alphabetical order. An empty (or all-space) query lists
    the most frequent words.

    Returns ``[(known_word, count), ...]``, at most ``limit`` items.
    """
    if not isinstance(query, str):
        raise ParameterError("query", query, "a string")
    counts = _check_counts(counts)
    limit = _check_positive_int("limit", limit)
    key = fold(query)
    ranked: list[tuple[int, int, str]] = []
    for known, count in counts.items():
        folded = _known_key(known)
        if folded.startswith(key):
            group = 0
        elif key in folded:
            group = 1
        else:
            continue
        ranked.append((group, -count, known))
    ranked.sort()
    return [(known, -neg_count) for _, neg_count, known in ranked[:limit]]


def phrase_unknown_error(terms: Sequence[str], counts: Mapping[str, int]) -> UnknownWordError:
    """The error for a phrase of unknown words ``terms``: the first one that is no word at all, with the others; a
    stop-listed word ("vocal" in "make the vocal sit forward") is blamed only when every word is one."""
    real = [t for t in dict.fromkeys(terms) if t not in stoplist()]
    if (not_eq := not_eq_error(real)) is not None:  # "more glue": compression, not an unknown word
        return not_eq
    if not real:
        return UnknownWordError(terms[0], [], message=(
            f"{terms[0]!r} names no sound: it is on eqmorph's stop list of descriptors that are not about "
            "sound (instruments, genres, things, greetings, codes); say how it should sound, e.g. "
            "'warm' or 'a bit brighter'"))
    error = unknown_word_error(real[0], counts)
    if len(real) == 1:
        return error
    near = ", ".join(f"{w} ({n} examples)" for w, n in error.suggestions)
    hint = f"; closest known words to {real[0]!r}: {near}" if near else " (no similar known words)"
    if error.studio_terms:
        hint += f"; studio terms spelled like it: {', '.join(error.studio_terms)}"
    return UnknownWordError(real[0], error.suggestions, studio_terms=error.studio_terms, message=(
        f"unknown words {', '.join(repr(t) for t in real)}{hint}"))
