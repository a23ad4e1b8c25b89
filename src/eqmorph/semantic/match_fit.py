"""The 5-band fit of a match's target: a batched multi-start search, then a polish.

A difference between two recordings (:mod:`eqmorph.semantic.match` makes it: smoothed, level-free,
limited) can need resonant shelves and overlapping bells that one start of the response fit
(:mod:`eqmorph.core.fit`) misses. So many starts are fitted at once, as one batch, on a coarse grid,
and the best is polished on every point. Every number below was chosen by recovering random 5-band
EQs and fitting the shared clips' differences (``benchmarks/match_describe.py``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from eqmorph.core.dsp import response_db_np
from eqmorph.core.fit import FitConfig, fit_curves
from eqmorph.core.ranges import N_BANDS, PEAK_SLICE, clip_to_ranges

# The search in fit_match_target (numbers from recovering random 5-band EQs, benchmarks/match_describe.py):
# greedy starts from every pair of these shelf frequencies, plus seeded random ones, all fitted in one batch.
START_LOW_SHELF_HZ = (40.0, 80.0, 150.0, 300.0, 600.0)  # about an octave apart over the band's range
START_HIGH_SHELF_HZ = (1500.0, 3000.0, 6000.0, 12000.0)
START_SHELF_Q = 0.7  # about Butterworth: the fit finds resonant shelves from there
# Random starts find resonant shelves and overlapping bells the greedy ones miss (0 raised p95 0.1 dB, 16 no better).
RANDOM_STARTS = 8
# The search fits every 3rd grid point (8.5 per octave); every 4th fit the shared clips' differences 0.1-0.3 dB worse
SEARCH_STEP = 3
SEARCH_ITERATIONS = 15  # LM iterations of the batched search; 25 changed the median by 0.005 dB
POLISH_ITERATIONS = 15  # LM iterations polishing the search's best on every point (polishing two bought nothing)
# Weight of the EQ's mean level in the fit (FitConfig.level_weight; step 6 of the module docstring). Measured on
# white noise matched to references through 7 words' EQs (14 pairs) and on the recovery set
# (benchmarks/match_describe.py): 0 left levels up to -11 dB; 0.01-0.03 some still at 3 dB (the search settles
# in a cut-everything basin); 0.1 keeps all within 0.22 dB, for recovery median 0.120 / p95 0.366 dB RMS
# (0.080 / 0.311 at 0, both far inside the 0.25 / 0.5 targets); 1 gave the same recovery and worse real-clip fits.
# (Measured with 1/6-octave smoothing, an unlimited target and a 0.03 gain ridge, the settings until 2026-12-02.)
LEVEL_WEIGHT = 0.1
# The default gain ridge (0.3). With 1/4-octave smoothing and the target limited to +-12 dB it cost recovery
# nothing (median / p95 0.159 / 0.413 dB, against 0.174 / 0.411 with the 0.03 used before) and holds the shared
# clips' largest bells a little lower (drums to guitar 22.4 dB instead of 24); 0.6 pushed recovery to 0.22 / 0.47.
# Limits of a match's bands. A new user's guitar matched to piano got +13 and -12 dB bells of Q 5-6.6 a third of
# an octave apart (105 and 129 Hz, the two clips' bass notes) and drums to guitar a +22 dB band: a 5-band EQ
# chasing notes with pairs of bands that cancel. A match corrects tone: Q at most 3 (about half an octave, the
# recovery set's narrowest) and gains within the target's own +-MAX_TARGET_DB (semantic/match.py). Recovery of
# random EQs (gains +-9 dB, Q 0.5-3) stayed at median / p95 0.170 / 0.412 dB (0.159 / 0.413 without limits); the
# clips' largest band went from 22.4 to 12 dB, their fit error from 1.5-2.9 to 1.8-3.0 dB (the notes it no
# longer follows).
MAX_Q = 3.0
MAX_GAIN_DB = 12.0
# free_offset: the target's level is arbitrary (its mean was removed) and a 5-band EQ cannot add a constant.
_SEARCH_FIT = FitConfig(greedy_starts=(), fixed_peaks_hz=(), iterations=SEARCH_ITERATIONS, polish_iterations=0,
                        free_offset=True, level_weight=LEVEL_WEIGHT, max_q=MAX_Q, max_gain_db=MAX_GAIN_DB)
_POLISH_FIT = replace(_SEARCH_FIT, iterations=POLISH_ITERATIONS)


def fit_match_target(target_db: np.ndarray, freqs_hz: np.ndarray, sample_rate: float) -> tuple[np.ndarray, float]:
    """Fit ``(5, 3)`` params to ``target_db`` ``(F,)`` up to a constant; returns them and the RMS error in dB.

    The target's level is arbitrary (its mean was removed) and a 5-band EQ cannot add a constant
    (a boost everywhere but in one notch has a positive mean), so the fit ignores the offset
    (``FitConfig.free_offset``). A difference between recordings can need resonant shelves and
    overlapping bells that one start misses, so every start of :func:`_starts` is fitted at once,
    as one batch, on every ``SEARCH_STEP``-th point; the best is then polished on every point.
    The random starts' seed is fixed: the same recordings always give the same EQ.
    """
    coarse_f, coarse_t = freqs_hz[::SEARCH_STEP], target_db[::SEARCH_STEP]
    starts = _starts(coarse_t, coarse_f, sample_rate, np.random.default_rng(0))
    search = fit_curves(np.repeat(coarse_t[None], len(starts), axis=0), coarse_f, sample_rate, _SEARCH_FIT,
                        starts=starts[None])
    best = search.params[int(np.argmin(search.rms_db))]
    polish = fit_curves(target_db[None], freqs_hz, sample_rate, _POLISH_FIT, starts=best[None, None])
    return polish.params[0], float(polish.rms_db[0])


def _starts(target_db: np.ndarray, freqs_hz: np.ndarray, sample_rate: float, rng: np.random.Generator) -> np.ndarray:
    """``(k, 5, 3)`` starts: shelves (gains from the curve's ends), then bells on the largest bumps.

    Shelf frequencies: every pair of ``START_LOW_SHELF_HZ`` x ``START_HIGH_SHELF_HZ``, plus
    ``RANDOM_STARTS`` random pairs with random shelf Q. Each bell goes on the largest remaining
    residual bump with the Q of that bump's width (:func:`_bump_q`); the random starts' Qs are jittered.
    """
    low, high = (a.ravel() for a in np.meshgrid(START_LOW_SHELF_HZ, START_HIGH_SHELF_HZ, indexing="ij"))
    n_grid, k = len(low), len(low) + RANDOM_STARTS
    p = np.zeros((k, N_BANDS, 3))
    p[:, 0, 1] = np.concatenate([low, np.exp(rng.uniform(np.log(25.0), np.log(900.0), RANDOM_STARTS))])
    p[:, 4, 1] = np.concatenate([high, np.exp(rng.uniform(np.log(600.0), np.log(18000.0), RANDOM_STARTS))])
    p[:n_grid, (0, 4), 2] = START_SHELF_Q
    p[n_grid:, (0, 4), 2] = np.exp(rng.uniform(np.log(0.5), np.log(2.5), (RANDOM_STARTS, 2)))
    ends = max(1, len(freqs_hz) // 16)
    p[:, 0, 0], p[:, 4, 0] = target_db[:ends].mean(), target_db[-ends:].mean()
    p[:, PEAK_SLICE, 1], p[:, PEAK_SLICE, 2] = 1000.0, 1.0
    rows = np.arange(k)
    for band in (1, 2, 3):
        residual = target_db - response_db_np(p, freqs_hz, sample_rate)
        residual -= residual.mean(axis=1, keepdims=True)
        at = np.argmax(np.abs(residual), axis=1)
        p[:, band, 0], p[:, band, 1] = residual[rows, at], freqs_hz[at]
        p[:, band, 2] = _bump_q(residual, at, freqs_hz)
        p[n_grid:, band, 2] *= np.exp(rng.normal(0.0, 0.3, RANDOM_STARTS))  # about 1.35x either way
    return clip_to_ranges(p)


def _bump_q(residual_db: np.ndarray, at: np.ndarray, freqs_hz: np.ndarray) -> np.ndarray:
    """Q ``(k,)`` of a bell as wide as each row's bump at index ``at`` ``(k,)`` of ``residual_db`` ``(k, F)``.

    The width is where the bump falls to half its dB height either side (the grid's ends if it does
    not), and Q = 1 / (2 sinh(ln 2 / 2 * octaves)), the cookbook's bandwidth-to-Q relation.
    """
    idx = np.arange(residual_db.shape[1])
    height = residual_db[np.arange(len(at)), at]
    below = residual_db * np.sign(height)[:, None] < np.abs(height)[:, None] / 2.0
    left = np.where(below & (idx < at[:, None]), idx, 0).max(axis=1)
    right = np.where(below & (idx > at[:, None]), idx, len(idx) - 1).min(axis=1)
    octaves = np.maximum(np.log2(freqs_hz[right] / freqs_hz[left]), 0.1)
    return 1.0 / (2.0 * np.sinh(np.log(2.0) / 2.0 * octaves))


__all__ = ["MAX_GAIN_DB", "MAX_Q", "fit_match_target"]
