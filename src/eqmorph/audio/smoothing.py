"""Fractional-octave smoothing of a long-term average spectrum (:class:`eqmorph.audio.spectrum.Spectrum`): the
band averages a match compares, how many periodogram values each holds, and the same average as weights a fit can
take an EQ's response through (:class:`eqmorph.core.power_average.PowerAverage`)."""

from __future__ import annotations

import math

import numpy as np

from eqmorph.audio.spectrum import Spectrum
from eqmorph.core.power_average import PowerAverage
from eqmorph.errors import ParameterError

MIN_HALF_WIDTH_BINS = 3.0  # smoothing bands reach at least this far either side (see smooth_octave)
# power_average's cells: each at its power-weighted mean frequency, so only the curvature of an EQ's response across
# a cell is lost. Against the exact smoothing of a spectrum through bells of Q 3 a third of an octave apart (+8 and
# -9 dB: 50 dB per octave), 1/12 octave was 0.23 dB off at worst, 1/24 0.12, 1/48 0.02, 1/96 0.003 (twice the
# points of 1/48 for the fit's last polish); matching random EQs, 1/24 and 1/48 recovered them alike.
AVERAGE_CELLS_PER_OCTAVE = 48


def smooth_octave(spectrum: Spectrum, freqs_hz: np.ndarray, fraction: float, reach_hz: float = 0.0) -> np.ndarray:
    """Power of ``spectrum`` averaged over a ``1/fraction``-octave band around each of ``freqs_hz`` ``(F,)``.

    Each band spans ``f * 2**(+-1 / (2 * fraction))``, but never less than ``MIN_HALF_WIDTH_BINS``
    bins either side: a sine spreads over the Hann window's main lobe (2 bins either side) and more, and a
    band narrower than that would count a varying part of it depending on where the sine falls
    between bins, which differs between sample rates. ``reach_hz``: reach at least this far either side too, so two
    spectra with bins of different widths (a client's fixed-length frames at 8 and 44.1 kHz) are smoothed over the same
    bands (:func:`common_reach_hz`). Returns ``(F,)``; frequencies at or above the spectrum's Nyquist get 0.
    """
    f = np.asarray(freqs_hz, dtype=np.float64)
    lo, hi = _band_edges(spectrum, f, fraction, reach_hz)
    csum = np.concatenate([[0.0], np.cumsum(spectrum.power)])
    mean = (csum[hi] - csum[lo]) / np.maximum(hi - lo, 1)
    return np.where(f < spectrum.freqs_hz[-1], mean, 0.0)


def power_average(spectrum: Spectrum, freqs_hz: np.ndarray, fraction: float, reach_hz: float = 0.0,
                  cells_per_octave: float = AVERAGE_CELLS_PER_OCTAVE) -> PowerAverage:
    """:func:`smooth_octave`'s average at each of ``freqs_hz`` ``(F,)`` as a fit can take an EQ's response through it:
    the bins of each band gathered into cells of ``1 / cells_per_octave`` octave (one bin where bins are wider), each
    at its power-weighted mean frequency and weighted by its power in the band, so
    ``PowerAverage.of(response)`` is the smoothed level change of this recording through an EQ. Weights ``(F, C)``.

    The DC and Nyquist bins are left out (a response has no finite log frequency there); a point whose band holds
    no other bin (at or past Nyquist) takes the nearest cell's response.
    """
    f = np.asarray(freqs_hz, dtype=np.float64)
    lo, hi = _band_edges(spectrum, f, fraction, reach_hz)
    bins = spectrum.freqs_hz
    first, last = 1, len(bins) - 1
    lo, hi = np.clip(lo, first, last), np.clip(hi, first, last)
    power = spectrum.power + 1e-20 * max(float(spectrum.power.max()), 1e-300)  # a band of digital silence too
    cell = np.floor(np.log2(bins[first:last]) * cells_per_octave)
    cell_starts = first + np.concatenate([[0], np.flatnonzero(np.diff(cell)) + 1])
    # Segments between every cell edge and band edge, summed one by one (a running sum would lose a quiet cell's
    # power to rounding beside a loud bass): a band's weight in a cell is the sum of its segments there.
    starts = np.unique(np.concatenate([cell_starts, lo, hi]))
    starts = starts[starts < last]
    seg_power = np.add.reduceat(power[:last], starts)
    seg_hz_power = np.add.reduceat((power * bins)[:last], starts)
    in_band = (starts[None, :] >= lo[:, None]) & (starts[None, :] < hi[:, None])
    seg_cell = np.searchsorted(cell_starts, starts, side="right") - 1
    first_seg = np.flatnonzero(np.diff(np.concatenate([[-1], seg_cell])))
    cell_power = np.add.reduceat(seg_power, first_seg)
    cell_hz = np.add.reduceat(seg_hz_power, first_seg) / cell_power
    weights = np.add.reduceat(np.where(in_band, seg_power[None, :], 0.0), first_seg, axis=1)
    total = weights.sum(axis=1)
    empty = total <= 0.0
    weights[empty, np.abs(np.log(cell_hz)[None, :] - np.log(np.maximum(f[empty], 1e-3))[:, None]).argmin(axis=1)] = 1.0
    return PowerAverage(cell_hz, weights / np.where(empty, 1.0, total)[:, None])


def smoothing_counts(spectrum: Spectrum, freqs_hz: np.ndarray, fraction: float, reach_hz: float = 0.0) -> np.ndarray:
    """How many periodogram values :func:`smooth_octave` averages at each of ``freqs_hz`` ``(F,)``: the bins in
    the band times the frames averaged. The standard deviation of the smoothed level in dB is about
    ``10 / ln 10 / sqrt(count)`` (each value is exponentially distributed for noise-like signals)."""
    lo, hi = _band_edges(spectrum, np.asarray(freqs_hz, dtype=np.float64), fraction, reach_hz)
    return np.maximum(hi - lo, 1) * spectrum.frames_averaged


def common_reach_hz(*spectra: Spectrum) -> float:
    """The least reach (Hz either side) :func:`smooth_octave` gives the coarsest of ``spectra``: passed to every one,
    they are all smoothed over the same bands. Unequal reaches turned a recording and its own 8 kHz copy, measured
    by the page with 8192-point frames (5.4 and 1 Hz bins), into a -12 dB / +8 dB pair of bands near 70 Hz."""
    return MIN_HALF_WIDTH_BINS * max(float(s.freqs_hz[1]) for s in spectra)


def _band_edges(spectrum: Spectrum, f: np.ndarray, fraction: float, reach_hz: float = 0.0
                ) -> tuple[np.ndarray, np.ndarray]:
    """Bin index ranges ``[lo, hi)`` ``(F,)`` each of the ``1/fraction``-octave bands of :func:`smooth_octave`."""
    if not (isinstance(fraction, int | float) and math.isfinite(fraction) and fraction > 0):
        raise ParameterError("fraction", fraction, "a positive number of bands per octave")
    ratio = 2.0 ** (0.5 / fraction)
    reach_hz = max(MIN_HALF_WIDTH_BINS * float(spectrum.freqs_hz[1]), reach_hz)
    lo = np.searchsorted(spectrum.freqs_hz, np.minimum(f / ratio, f - reach_hz), side="left")
    hi = np.searchsorted(spectrum.freqs_hz, np.maximum(f * ratio, f + reach_hz), side="right")
    return lo, hi


__all__ = [
    "AVERAGE_CELLS_PER_OCTAVE",
    "MIN_HALF_WIDTH_BINS",
    "common_reach_hz",
    "power_average",
    "smooth_octave",
    "smoothing_counts",
]
