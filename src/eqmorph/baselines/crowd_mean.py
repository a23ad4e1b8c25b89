"""The crowd-mean baselines: what averaging a crowd's own examples of a word gives, with no model at all.

(a) ``mean_db``: for each word and crowd, the mean reference response of its training examples
(SocialFX: the rendered 40-band Audealize curves; SAFE: the 5-band responses; see
:mod:`eqmorph.datasets.responses`). Not an EQ anyone can load, but the strongest plain average.
(b) ``params``: the 5-band EQ whose response best fits (a) (:func:`eqmorph.core.fit.fit_curves`): a
real EQ, the fair comparison for a model that must output one.

The crowd ``POOLED`` ("") stands for both crowds together (every training example of the word).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from eqmorph.core.conventions import SAFE_SAMPLE_RATE
from eqmorph.core.fit import fit_curves
from eqmorph.errors import ParameterError

POOLED = ""  # the crowd key of "both crowds together"
POOLED_SAMPLE_RATE = SAFE_SAMPLE_RATE  # pooled 5-band fits are rendered where eqmorph's default EQ is


@dataclass(frozen=True)
class CrowdMeanBaseline:
    """Mean responses ``mean_db (m, F)`` on ``freqs_hz (F,)`` of ``m`` (word, crowd) keys, their example
    counts ``(m,)`` and best 5-band fits ``params (m, 5, 3)``."""

    freqs_hz: np.ndarray
    keys: tuple[tuple[str, str], ...]
    counts: np.ndarray
    mean_db: np.ndarray
    params: np.ndarray

    @classmethod
    def fit(cls, responses_db: np.ndarray, terms: Sequence[str], source: Sequence[str], freqs_hz: np.ndarray,
            sample_rates: Mapping[str, float], *, words: Sequence[str] | None = None,
            pooled: bool = True, min_count: int = 1) -> CrowdMeanBaseline:
        """Average ``responses_db (n, F)`` per (word, crowd), and per word over both crowds if ``pooled``.

        sample_rates: crowd -> rate its fitted EQ is rendered at; words: only these (default all);
        min_count: (word, crowd) keys with fewer examples are left out (fitting costs ~25 ms a key).
        """
        resp = np.asarray(responses_db, dtype=np.float64)
        if resp.ndim != 2 or resp.shape != (len(terms), len(freqs_hz)) or len(source) != len(terms):
            raise ParameterError("responses_db", f"array of shape {resp.shape}",
                                 f"(n, F) with n = {len(terms)} terms and sources, F = {len(freqs_hz)}")
        keep = None if words is None else set(words)
        rows: dict[tuple[str, str], list[int]] = {}
        for i, (t, s) in enumerate(zip(terms, source)):
            if keep is None or t in keep:
                rows.setdefault((t, s), []).append(i)
                if pooled:
                    rows.setdefault((t, POOLED), []).append(i)
        keys = tuple(sorted(k for k, r in rows.items() if len(r) >= min_count))
        means = np.stack([resp[rows[k]].mean(0) for k in keys]) if keys else np.zeros((0, len(freqs_hz)))
        params = np.zeros((len(keys), 5, 3))
        for crowd in sorted({s for _, s in keys}):
            idx = [i for i, (_, s) in enumerate(keys) if s == crowd]
            rate = POOLED_SAMPLE_RATE if crowd == POOLED else float(sample_rates[crowd])
            params[idx] = fit_curves(means[idx], freqs_hz, rate).params
        counts = np.array([len(rows[k]) for k in keys], dtype=np.int64)
        return cls(np.asarray(freqs_hz, dtype=np.float64), keys, counts, means, params)

    def index(self, word: str, crowd: str = POOLED) -> int:
        """Row of (``word``, ``crowd``); raises ``KeyError`` when the crowd has no training example of it."""
        return self._lookup[(word, crowd)]

    @property
    def _lookup(self) -> dict[tuple[str, str], int]:
        cached = self.__dict__.get("_lookup_cache")
        if cached is None:
            cached = {k: i for i, k in enumerate(self.keys)}
            object.__setattr__(self, "_lookup_cache", cached)
        return cached

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self._lookup


__all__ = ["POOLED", "POOLED_SAMPLE_RATE", "CrowdMeanBaseline"]
