"""How much of each word's sound an EQ has: the describe score, on the words' responses.

Every word's sound is its EQ's dB response ``r_w`` on the fit grid (128 log-spaced points,
20 Hz-20 kHz, at the analysis rate). An EQ with response ``x`` scores, for each word,

    score_w(x) = cos(x, r_w) * min(1, |x| / AUDIBLE_RMS_DB)        (|.| = RMS over the grid)

the agreement of the shapes, scaled down only for an EQ too faint to hear clearly. So scores lie
in [-1, 1] and mean the same for every EQ: 1 is the word's own shape, a negative score the
opposite sound ("less muddy"). The ranking is by shape alone, whatever the EQ's strength: a
half-strength "bright" is still bright first (how much of it is the phrase's job: "a bit bright").
An earlier score, ``cos * min(1, |x| / |r_w|)``, also scaled each word by how much weaker the EQ
was than that word's own EQ; it ranked words with faint EQs first for any EQ below full strength
(a half-strength word was in its own top 3 for 17% of the vocabulary). The score is odd in ``x``
(the inverse EQ has the opposite response, hence opposite scores), and no other word can reach a
word's own score on its own EQ, so ``describe(generate(w, intensity=s))`` ranks ``w`` first for
any ``s > 0`` unless two words have the same shape. With the unit responses precomputed as a
``(W, F)`` matrix, scoring is one matrix-vector product.

:class:`eqmorph.semantic.describe.Describer` holds the responses and ranks the words by these scores.
"""

from __future__ import annotations

import numpy as np

# Scores of EQs fainter than this (RMS over the grid) fade in proportion: about the smallest broadband level
# change listeners reliably notice. Every word's own EQ is stronger (the bundled vocabulary's faintest: 0.51 dB).
AUDIBLE_RMS_DB = 0.5


def norms_and_units(responses: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """RMS norms ``(W,)`` of word responses ``(W, F)`` and the responses divided by them and by F ``(W, F)``."""
    norms = np.sqrt(np.mean(responses**2, axis=1))
    # A word whose EQ is flat has no direction; its unit row stays zero so it always scores 0.
    units = np.where(norms[:, None] > 0, responses / np.maximum(norms, 1e-12)[:, None], 0.0) / responses.shape[1]
    return norms, units


def word_scores(units: np.ndarray, responses_db: np.ndarray) -> np.ndarray:
    """Scores ``(..., W)`` of responses ``(..., F)``, given the words' unit responses ``units`` ``(W, F)``
    (:func:`norms_and_units`)."""
    # units @ x is cos * |x|, so cos * min(1, |x| / AUDIBLE_RMS_DB) is units @ x / max(|x|, AUDIBLE_RMS_DB).
    x = np.asarray(responses_db, dtype=np.float64)
    if x.ndim == 1:  # one response (describe's hot path): scalar RMS, no broadcasting temporaries
        rms = float(np.sqrt(x @ x / len(x)))
        return (units @ x) / max(rms, AUDIBLE_RMS_DB)
    rms = np.sqrt(np.mean(x**2, axis=-1, keepdims=True))
    return (x @ units.T) / np.maximum(rms, AUDIBLE_RMS_DB)


def distinct_words(responses_db: np.ndarray) -> np.ndarray:
    """``(W,)``: whether each word's response ``(W, F)`` is the first of its kind (no earlier word has it)."""
    r = responses_db
    first = np.ones(len(r), dtype=bool)
    for i in range(1, len(r)):
        first[i] = not np.any(np.all(np.abs(r[:i][first[:i]] - r[i]) < 1e-9, axis=1))
    return first
