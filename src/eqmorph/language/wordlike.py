"""Does a typed string look like a word at all? A guard in front of the open vocabulary.

The learned map answers every input, and MiniLM's similarities do not tell keyboard mash from
words ("qwertyuiop" is as close to the vocabulary as "velvety"), so "qwertyuiop" used to get a
made-up EQ. This guard scores a string by how English its letter sequences are: a character
trigram model, ``log P(c_i | c_{i-2} c_{i-1})`` averaged over the word (with start and end marks),
counted over the whole words of MiniLM's own word-piece vocabulary (about 21,000 English words, kept
in ``dictionary_words.txt`` so no extra is needed). A string scoring below the score that 99% of those
words reach is not taken as a word; the parser then answers UnknownWordError with spelling
suggestions. Accents are folded first (the word-piece vocabulary is accent-free).

The threshold is fixed a priori (the 1st percentile of the vocabulary's own words), not tuned on
the crowd data; benchmarks/open_vocab.py reports how many of the crowd's real words and how many
random strings it refuses.

Shapes: counts ``(28, 28, 28)`` over the alphabet a-z plus the start/end marks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from eqmorph.errors import ParameterError
from eqmorph.language.spelling import fold

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_START, _END = 26, 27  # indices of the start and end marks
SMOOTHING = 0.1  # add-k smoothing of the trigram counts: an unseen trigram is rare, not impossible
PASS_SHARE = 0.99  # share of the reference words that pass: the threshold is their 1st percentile
_WORD = re.compile(r"[a-z]{3,}")  # reference words: whole words of 3+ letters (no "##" pieces, no digits)


def _codes(word: str) -> np.ndarray | None:
    """Letter codes of ``word``'s letters a-z with two start marks and one end mark; None if it has none."""
    idx = [i for i in (_ALPHABET.find(c) for c in word) if i >= 0]
    if not idx:
        return None
    return np.array([_START, _START, *idx, _END], dtype=np.int64)


def _trigrams(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Flat indices into a ``(28, 28, 28)`` table of every trigram of ``words`` (letters a-z only), and the
    index of the word each belongs to. One pass over one byte string: the 21,000 words take milliseconds."""
    text = "".join("{{" + w + "|" for w in words)  # "{" (after "z") is the start mark, "|" the end mark
    c = np.frombuffer(text.encode("ascii"), dtype=np.uint8).astype(np.int64) - ord("a")  # a-z 0..25, { 26, | 27
    flat = (c[:-2] * 28 + c[1:-1]) * 28 + c[2:]
    inside = c[2:] != _START  # a trigram ending in a start mark straddles two words
    owner = np.cumsum(c == _END)[1:-1]  # words finished before each trigram's last letter
    return flat[inside], owner[inside]


class TrigramModel:
    """Character trigram log-probabilities learned from ``words`` (lower-case a-z)."""

    def __init__(self, words: Iterable[str]) -> None:
        ref = [w for w in words if w.isascii() and w.isalpha() and w.islower()]
        if not ref:
            raise ParameterError("words", "no word of letters a-z", "reference words of letters a-z")
        flat, owner = _trigrams(ref)
        counts = np.bincount(flat, minlength=28**3).reshape(28, 28, 28).astype(np.float64)
        context = counts.sum(-1, keepdims=True)
        self._logp = np.log((counts + SMOOTHING) / (context + SMOOTHING * 28)).reshape(-1)  # (28**3,)
        scores = np.bincount(owner, self._logp[flat]) / np.bincount(owner)  # each reference word's score
        self.threshold = float(np.quantile(scores, 1.0 - PASS_SHARE))

    def score(self, word: str) -> float:
        """Mean trigram log-probability of ``word``'s letters (accents folded); ``-inf`` if it has none."""
        c = _codes(fold(word).lower())
        if c is None:
            return -np.inf
        return float(self._logp[(c[:-2] * 28 + c[1:-1]) * 28 + c[2:]].mean())

    def looks_like_a_word(self, word: str) -> bool:
        """True when ``word`` scores at least as well as 99% of the reference words."""
        return self.score(word) >= self.threshold


@functools.cache
def dictionary_words() -> frozenset[str]:
    """The whole words (3+ letters a-z) of MiniLM's word-piece vocabulary: about 21,000 common English words.

    Read from ``dictionary_words.txt`` beside this module (its header gives the source), not from the text extra's
    tokenizer: the typo reader needs them for every phrase, and a new user's default install, which has no text
    extra, refused "make the vocal less harsh please" and "brigth" with an install instruction (a tenth trial).
    """
    text = (Path(__file__).with_name("dictionary_words.txt")).read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if _WORD.fullmatch(w))


def tokenizer_words(tokenizer_json: Path) -> frozenset[str]:
    """The whole words (3+ letters a-z) of a word-piece tokenizer file: what ``dictionary_words.txt`` holds."""
    import json

    # The word-piece table is the "vocab" object of the tokenizer file; plain json reads it 5x faster than
    # tokenizers' get_vocab() (0.09 vs 0.5 s, measured on the loaded 2-core machine).
    with open(tokenizer_json, encoding="utf-8") as f:
        vocab = json.load(f)["model"]["vocab"]
    return frozenset(w for w in vocab if _WORD.fullmatch(w))


@functools.cache
def default_model() -> TrigramModel:
    """The model over :func:`dictionary_words`, built once per process (tens of milliseconds)."""
    return TrigramModel(sorted(dictionary_words()))


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` (accents folded) is one of :func:`dictionary_words`: a common English word as it stands."""
    return fold(word).lower() in dictionary_words()


def looks_like_a_word(word: str) -> bool:
    """Whether ``word`` (one token, normalised) looks like a word; see :class:`TrigramModel`."""
    return default_model().looks_like_a_word(word)
