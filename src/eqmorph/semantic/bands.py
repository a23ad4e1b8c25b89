"""Judging an EQ in a band of the spectrum only (a match's covered band): which grid points, and which words.

Where neither of two recordings has sound, what a matched EQ does there is no difference anyone hears
(:meth:`eqmorph.semantic.describe.Describer.within` describes the band alone).
"""

from __future__ import annotations

import numpy as np

from eqmorph.errors import ParameterError

MIN_BAND_POINTS = 8  # a band judged alone spans at least this many grid points (about 2/3 of an octave)
# A word judged in a band keeps its place when at least this share of its energy (mean square dB over the grid's
# points) lies in the band: a word that only reaches in with its tail would name a difference the band never heard.
MIN_IN_BAND_SHARE = 0.25


def band_points(band_hz: tuple[float, float], freqs_hz: np.ndarray) -> np.ndarray:
    """``(F,)``: the grid points in ``band_hz`` ``(low, high)``, at least ``MIN_BAND_POINTS`` of them (a narrower
    band is widened around its centre in log frequency); a band that is no band is refused naming ``band_hz``."""
    allowed = f"(low, high) in Hz with 0 < low < high, or None ({freqs_hz[0]:g}-{freqs_hz[-1]:g} Hz are judged)"
    try:
        low, high = (float(v) for v in band_hz)
    except (TypeError, ValueError):
        raise ParameterError("band_hz", band_hz, allowed) from None
    if not (np.isfinite(low) and np.isfinite(high) and 0.0 < low < high):
        raise ParameterError("band_hz", band_hz, allowed)
    keep = (freqs_hz >= low) & (freqs_hz <= high)
    if np.count_nonzero(keep) < MIN_BAND_POINTS:
        centre = int(np.argmin(np.abs(np.log(freqs_hz) - 0.5 * np.log(low * high))))
        first = min(max(centre - MIN_BAND_POINTS // 2, 0), len(freqs_hz) - MIN_BAND_POINTS)
        keep = np.zeros(len(freqs_hz), dtype=bool)
        keep[first:first + MIN_BAND_POINTS] = True
    return keep


def words_in_band(responses_db: np.ndarray, keep: np.ndarray, audible_rms_db: float) -> np.ndarray:
    """Rows of the word responses ``(W, F)`` with their sound in the band ``keep`` ``(F,)``: at least
    ``MIN_IN_BAND_SHARE`` of their energy there, and ``audible_rms_db`` RMS there (scored on its tail alone, a treble
    shelf described a 3 kHz lift of two 8 kHz recordings as "much more treble": a review)."""
    inside = np.mean(responses_db[:, keep] ** 2, axis=1)
    share = inside / np.maximum(np.mean(responses_db**2, axis=1), 1e-12)
    return np.flatnonzero((share >= MIN_IN_BAND_SHARE) & (np.sqrt(inside) >= audible_rms_db))


__all__ = ["MIN_BAND_POINTS", "MIN_IN_BAND_SHARE", "band_points", "words_in_band"]
