"""Synthetic EQ data with known word meanings, shared by the tests (no ../shared needed)."""

from __future__ import annotations

import numpy as np

from eqmorph.core.ranges import flat_params

# word -> (band, gain_db, freq_hz): what each synthetic word does
WORDS = {
    "warm": (0, 8.0, 250.0),
    "bright": (4, 8.0, 4000.0),
    "muddy": (2, 9.0, 300.0),
    "thin": (0, -9.0, 400.0),
}


def synthetic_params(n_per_word: int = 40, seed: int = 0, words: dict | None = None):
    """``(n, 5, 3)`` physical params and ``n`` terms: each word's move plus small noise."""
    rng = np.random.default_rng(seed)
    words = words or WORDS
    params, terms = [], []
    for word, (band, gain_db, freq_hz) in words.items():
        for _ in range(n_per_word):
            p = flat_params()
            p[:, 0] = rng.normal(0.0, 0.5, 5)
            p[band] = [gain_db + rng.normal(0, 1.0), freq_hz * np.exp(rng.normal(0, 0.15)), p[band, 2]]
            if band in (1, 2, 3):
                p[band, 2] = 1.0
            params.append(p)
            terms.append(word)
    return np.array(params), terms
