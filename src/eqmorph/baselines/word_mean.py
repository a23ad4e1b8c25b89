"""The simplest word-to-EQ baseline: the mean training EQ of each word.

Averaging happens in model space (:func:`eqmorph.core.ranges.to_model_space`), so
gains average linearly in dB while frequencies and Qs average on a log scale
(a geometric mean: 100 Hz and 10 kHz average to 1 kHz, not 5 kHz).  Each band
keeps its role, and because the peaking bands of every example are sorted by
frequency the mean peaks stay sorted too.

There is no latent space, so reconstruction metrics do not apply; the
per-word means double as "centroids" for word retrieval in raw parameter space.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence

import numpy as np

from eqmorph.core.eq import canonical_array
from eqmorph.core.ranges import N_BANDS, clip_to_ranges, from_model_space, to_model_space
from eqmorph.errors import ParameterError, UnknownWordError


def check_labelled_params(params: np.ndarray, terms: Sequence[str]) -> np.ndarray:
    """Validate ``params`` ``(n, 5, 3)`` (or ``(n, 15)``) against ``terms`` ``(n,)``; returns ``(n, 5, 3)`` float64."""
    arr = np.asarray(params, dtype=np.float64)
    if arr.ndim == 2 and arr.shape[1] == N_BANDS * 3:
        arr = arr.reshape(-1, N_BANDS, 3)
    if arr.ndim != 3 or arr.shape[1:] != (N_BANDS, 3):
        raise ParameterError("params.shape", arr.shape, f"(n, {N_BANDS}, 3) or (n, {N_BANDS * 3})")
    if arr.shape[0] == 0:
        raise ParameterError("params", "0 examples", "at least one example")
    if not np.all(np.isfinite(arr)):
        raise ParameterError("params", "non-finite values", "finite numbers")
    if isinstance(terms, str) or len(terms) != arr.shape[0]:
        got = "a string" if isinstance(terms, str) else f"{len(terms)} terms"
        raise ParameterError("terms", got, f"one term per example ({arr.shape[0]})")
    return arr


def unknown_word(word: str, counts: Counter[str]) -> UnknownWordError:
    """The error for ``word`` missing from ``counts``, with up to 3 close known words as suggestions."""
    close = difflib.get_close_matches(word, list(counts), n=3, cutoff=0.6)
    return UnknownWordError(word, [(w, counts[w]) for w in close])


class WordMeanBaseline:
    """Per-word mean of the training EQs (model-space average).

    Build with :meth:`fit`. ``terms`` lists the known words, most examples first.
    """

    def __init__(self, terms: Sequence[str], means_model: np.ndarray, counts: Sequence[int]) -> None:
        means = np.asarray(means_model, dtype=np.float64)
        if means.shape != (len(terms), N_BANDS, 3):
            raise ParameterError("means_model.shape", means.shape, f"({len(terms)}, {N_BANDS}, 3)")
        if len(counts) != len(terms):
            raise ParameterError("counts", len(counts), f"one count per term ({len(terms)})")
        self.terms: list[str] = list(terms)
        self._index = {w: i for i, w in enumerate(self.terms)}
        self._means_model = means
        self._counts: Counter[str] = Counter(dict(zip(self.terms, (int(c) for c in counts))))

    @classmethod
    def fit(cls, params: np.ndarray, terms: Sequence[str], min_count: int = 1) -> WordMeanBaseline:
        """Average the training EQs of every word with at least ``min_count`` examples.

        params: ``(n, 5, 3)`` physical units (or ``(n, 15)``); terms: ``(n,)`` words.
        """
        arr = check_labelled_params(params, terms)
        if int(min_count) < 1:
            raise ParameterError("min_count", min_count, "an integer >= 1")
        counts = Counter(terms)
        # most examples first; ties alphabetical so the order is reproducible
        words = [w for w, c in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0])) if c >= min_count]
        if not words:
            raise ParameterError("min_count", min_count, f"at most {max(counts.values())} (the largest word count)")
        x = to_model_space(arr)
        labels = np.asarray(terms, dtype=object)
        means = np.stack([x[labels == w].mean(axis=0) for w in words])
        return cls(words, means, [counts[w] for w in words])

    def count(self, word: str) -> int:
        """Number of training examples of ``word`` (0 if unknown)."""
        return self._counts.get(word, 0)

    def mean_model_space(self, word: str) -> np.ndarray:
        """Mean EQ of ``word`` in model space, ``(5, 3)``."""
        if word not in self._index:
            raise unknown_word(word, self._counts)
        return self._means_model[self._index[word]].copy()

    def generate_params(self, word: str) -> np.ndarray:
        """Mean EQ of ``word``: ``(5, 3)`` physical ``(gain_db, freq_hz, q)``, valid and in canonical order."""
        return canonical_array(clip_to_ranges(from_model_space(self.mean_model_space(word))))


__all__ = ["WordMeanBaseline", "check_labelled_params", "unknown_word"]
