"""Match EQ: the 5-band EQ that moves one recording's long-term spectrum toward a reference's.

Steps (each constant below says why it has its value):

1. Long-term average spectrum of each recording (:mod:`eqmorph.audio.spectrum`: Welch, Tukey frames,
   summed over channels), each at its own sample rate. Densities per Hz compare directly, so
   recordings at different rates need no resampling and none of its filter edges. The two
   recordings are analysed at the same time in two threads (the FFTs release the GIL), and one that is
   short, silent or channels-first is refused naming which (:mod:`eqmorph.semantic.match_inputs`).
2. Smoothing: the power in a 1/4-octave band around each point of the fit grid (256 log-spaced
   points, 20 Hz-20 kHz). 1/4 octave is narrower than the narrowest bell a matched EQ should
   follow (Q 3 is about 1/2 octave wide) yet spans three semitones, so the notes two recordings
   happen to play do not turn into peaks the EQ would chase. 1/6 octave did: a guitar matched to a
   piano got +16, +21 and -24 dB bells of Q 5-10 between 70 and 130 Hz (their bass notes), and the
   same recording at 44.1 and 48 kHz got opposing Q 10 bells 4 Hz apart. Commercial match EQs offer
   1/3 to 1/12. At 1/4 octave the bass notes still show (guitar to piano: +12 to -9 dB between 113 and
   133 Hz), so the fit's bands are kept broad and moderate too (step 5).
3. The target is ``10 log10(reference / input)`` at the grid points where both recordings have
   energy: within ``DYNAMIC_RANGE_DB`` of their own loudest point, ``NOISE_FLOOR_MARGIN_DB`` above an integer
   file's quantisation noise floor (``Spectrum.noise_floor``) and below both Nyquist limits
   (:mod:`eqmorph.semantic.match_coverage`, the home of what a match covers and its notes).
   Elsewhere (above a low rate's Nyquist, under a band-limited recording's roll-off) the ratio is
   noise over noise, or content over nothing, and is ignored; a note names each band a recording
   lacks and why (its sample rate, or its level there), and the band the match covers. That includes
   the "darker reference": a band where the input has content and the reference (a phone call, an
   8 kHz file, a lo-fi record) has almost none is not cut. The ratio there measures the reference's
   medium, not a tone: following it would ask for a low-pass filter's 40-60 dB, which the target's
   limit (+-``MAX_TARGET_DB``) and a 5-band EQ cannot honestly give; the note tells the user, who can
   cut with a word ("darker") where they want it. A band the input lacks cannot be added by an EQ.
4. Its mean over those points is removed, so a louder reference asks for no gain: the match is
   level-independent. It is then limited to +-``MAX_TARGET_DB``. A difference within ``NOISE_FACTOR``
   times the estimation noise of two recordings that short (:func:`eqmorph.audio.smoothing.smoothing_counts`)
   is no difference: the flat EQ, and a note that says so.
5. :func:`eqmorph.core.fit.fit_curves` fits the 5-band EQ to it up to a constant offset, at the
   input's sample rate, where the EQ will run, on those points, and beyond the covered band on points
   held at the level of its edge (``HOLD_STEP``: as the note says, and no
   shelf runs on where the fit did not look), from many starts at once, with
   broad bands only (Q <= 3, gains within +-12 dB: :func:`eqmorph.semantic.match_fit.fit_match_target`,
   which also merges two peaking bands the fit left at the same frequency and Q). The target is smoothed, so
   the fit's last polish takes the EQ's response through the same smoothing, weighted by the input's power
   (:func:`eqmorph.audio.smoothing.power_average`): the EQ found is the one that, applied to the input, gives its
   smoothed spectrum the reference's, and the EQ a recording went through is found again rather than another
   that fits the blurred difference. The result's ``rms_db`` and curves are the EQ's own response against the
   target, as a plot shows them.
6. The EQ's own level is the fit's choice, since the target has none: "brighter" is a treble boost or
   a bass cut alike, and left alone the fit sometimes answered with cuts everywhere (-5 to -11 dB on
   average) that made the matched file quieter. So the level is anchored: 0 dB where the difference
   has its median (:func:`eqmorph.semantic.match_fit.level_anchor_db`), so the EQ leaves alone as much of
   the spectrum as the difference does (a reference with only more bass: a bass boost, nothing else),
   within the level that keeps the target inside the bands' +-12 dB; its mean gain over the fitted points
   counts in the cost (``LEVEL_WEIGHT``) against that anchored target's. ``match --apply`` then keeps the
   input's loudness by auto gain. Its words are judged on the shape alone (``Morpher.describe(...,
   level_free=True)``).
7. ``amount`` scales that one EQ's gains (:func:`eqmorph.semantic.path.scale_gains`): 1 the full match,
   0.5 the same bands at half their gains, half-way in dB in every band, as ``eqmorph match --help``
   says. Fitting ``amount`` times the difference instead gave another EQ: a guitar matched to a piano
   at 0.5 had bands at other frequencies, +2.1 dB at 200 Hz where the full match had -0.2.
"""

from __future__ import annotations

import math
import os
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from eqmorph.audio.smoothing import common_reach_hz, power_average, smooth_octave, smoothing_counts
from eqmorph.audio.spectrum import Spectrum
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.dsp import NYQUIST_FRACTION, response_db_np
from eqmorph.core.eq import EQ, canonical_array
from eqmorph.core.fit import fit_grid
from eqmorph.core.schema import eq_data, hz_text
from eqmorph.errors import AudioError, ParameterError
from eqmorph.semantic.describe import FLAT_RMS_DB
from eqmorph.semantic.match_coverage import (
    band_edges_hz,
    coverage_notes,
    has_energy,
    held_target,
    within_shared_band,
)
from eqmorph.semantic.match_fit import MAX_GAIN_DB, fit_match_target, offset_free_rms_db
from eqmorph.semantic.match_fit import rough_fit_notes as _rough_fit_notes
from eqmorph.semantic.match_inputs import array_analysis, both_spectra, check_spectrum, file_analysis
from eqmorph.semantic.path import scale_gains

SMOOTHING_FRACTION = 4  # 1/4-octave smoothing (see the module docstring)
# The level-free difference is limited to this either way: where one recording has a kick drum and the other
# nothing (drums matched to piano: +30 dB at 80 Hz), following it gave +-24 dB bells at the range ends. A mix is
# rarely more than 12 dB from its reference anywhere; the random EQs of the recovery benchmark stay within it.
# The match's bands keep within the same limit (semantic/match_fit.py).
MAX_TARGET_DB = MAX_GAIN_DB
LEVEL_GRID_POINTS = 512  # log grid the EQ's response is read on for level_change_db (then interpolated to bins)
MIN_USED_POINTS = 16  # fewer grid points with energy in both (about 2/3 of an octave) cannot place five bands
# A match's largest boost or cut is said beside its words (MatchResult.difference_text) when past this (dB)
MOVE_SAID_DB = 1.0
MAX_AMOUNT = 2.0  # twice the full match's largest gain (+-12 dB) is the EQ's range end (+-24 dB)
# A target closer to flat than this (RMS dB, level removed) gets the flat EQ, as amount 0 does: a recording
# matched to itself is not answered with faint bells the search left at arbitrary places. describe's
# FLAT_RMS_DB: the same level below which an EQ counts as flat.
FLAT_TARGET_RMS_DB = FLAT_RMS_DB
# Short recordings: a difference no larger than this many times what estimation noise alone gives (the RMS over
# the used points of 10/ln10 * sqrt(1/n_in + 1/n_ref), n the periodogram values each smoothed point averages,
# audio/smoothing.smoothing_counts) is no difference: the flat EQ. Two independent white noises measured 0.73-0.83
# times the prediction at 1-60 s; 2-second noises had been matched with Q 3-6 bells and "the reference is
# hollower (0.55)".
NOISE_FACTOR = 1.5


@dataclass(frozen=True)
class MatchResult:
    """What :func:`match_spectra` found; arrays share the fit grid ``freqs_hz`` ``(F,)``.

    target_db: ``amount`` times the level-free, limited difference (reference minus input) the full match
    was fitted to, 0 where unused: what the returned EQ (the full match's gains times ``amount``) aims at.
    used: the points the EQ was fitted on; fitted_db: the returned EQ's response (NaN above the input's
    Nyquist); rms_db: its RMS error against ``target_db`` on the used points, up to a constant. warnings:
    plain sentences (clipping, bands a recording lacks, a rough fit), already raised as ``UserWarning`` by
    :func:`match`.
    """

    eq: EQ
    freqs_hz: np.ndarray
    target_db: np.ndarray
    used: np.ndarray
    fitted_db: np.ndarray
    rms_db: float
    amount: float
    warnings: tuple[str, ...]
    # The gain (dB) that keeps the matched input as loud as it came in, estimated from the spectra: minus the EQ's
    # level change on the input's own spectrum (the same measure auto gain takes on the samples, where it also
    # keeps the peak below full scale: eqmorph.audio.autogain). Lowering by the largest boost, as for a word's EQ,
    # left a piano matched to drums 25 dB quieter: that boost, +24 dB at 83 Hz, was where the piano had almost
    # nothing.
    level_gain_db: float = 0.0
    # The full match (amount 1) and its RMS error against the full difference: what the recordings' difference
    # is, whatever ``amount`` applies of it (`eqmorph match --amount 0` still says how they differ). ``None``:
    # the same as ``eq`` and ``rms_db`` (amount 1).
    full_eq: EQ | None = None
    full_rms_db: float | None = None
    # The input's sample rate, at which the EQ was fitted (None: not known, read at the analysis rate)
    sample_rate: float | None = None

    @property
    def difference(self) -> tuple[EQ, float]:
        """``(EQ, rms_db)`` of the full match: the recordings' difference as a 5-band EQ, and its fit error."""
        if self.full_eq is None or self.full_rms_db is None:
            return self.eq, self.rms_db
        return self.full_eq, self.full_rms_db

    @property
    def band_hz(self) -> tuple[float, float]:
        """``(low, high)`` Hz: the band the match covers, where both recordings have sound (the used points' span);
        its words are judged there (``Describer.compare``'s ``band_hz``)."""
        covered = self.freqs_hz[self.used]
        return float(covered[0]), float(covered[-1])

    @property
    def partial_band_hz(self) -> tuple[float, float] | None:
        """:attr:`band_hz` when the match covers less than the whole grid (20 Hz-20 kHz), else None: what its preset
        says, so that `eqmorph describe` judges the preset where the match looked."""
        if not self.used.any() or (self.used[0] and self.used[-1]):
            return None
        return self.band_hz

    def largest_moves(self) -> list[tuple[float, float]]:
        """``[(freq_hz, gain_db), ...]``: the full match's largest boost and largest cut where it looked (each only when
        past ``MOVE_SAID_DB``), the boost first: what a listener hears most of it, whichever words describe it."""
        if not self.used.any():
            return []
        eq, _ = self.difference
        boost, cut = extremes(eq, self.freqs_hz[self.used], self.sample_rate or ANALYSIS_SAMPLE_RATE)
        return [move for move, past in ((boost, boost[1] > MOVE_SAID_DB), (cut, cut[1] < -MOVE_SAID_DB)) if past]

    def difference_text(self, describer: Any) -> str:
        """The sentence ``eqmorph match``, the web page and the benchmark say of the recordings' difference: its words
        (``describer.compare`` over :attr:`band_hz`), its largest moves in dB, its fit error. The moves are said
        because words judge a shape: a guitar matched to piano was "less sub bass" while its largest move was +13 dB
        at 70 Hz (an eighth new-user trial)."""
        eq, rms_db = self.difference
        said = describer.compare(eq, band_hz=self.band_hz) if self.used.any() else describer.compare(eq)
        moves = " and ".join(f"{gain_db:+.1f} dB at {hz_text(freq_hz)}" for freq_hz, gain_db in self.largest_moves())
        return f"{said}{f'; largest moves {moves}' if moves else ''} (fit error {rms_db:.2f} dB RMS)"

    def __repr__(self) -> str:
        """A few lines, not the four 256-point arrays a dataclass's repr printed (screens of them in a REPL)."""
        low, high = self.band_hz if self.used.any() else (float("nan"), float("nan"))
        notes = "".join(f"\n  warning: {w}" for w in self.warnings)
        return (f"MatchResult(amount {self.amount:g}, fit error {self.rms_db:.2f} dB RMS over {low:.0f}-{high:.0f} Hz "
                f"({int(self.used.sum())} of {len(self.freqs_hz)} points), level gain {self.level_gain_db:+.1f} dB)"
                f"\n{self.eq}{notes}")

    def to_data(self) -> dict[str, Any]:
        """JSON-able: ``{"eq": eq_data(eq), "freqs_hz", "target_db", "fitted_db" (lists, None where
        unused or above Nyquist), "rms_db", "amount", "warnings"}``."""
        def listed(values: np.ndarray, keep: np.ndarray) -> list[float | None]:
            return [float(v) if k else None for v, k in zip(values, keep)]

        return {"eq": eq_data(self.eq), "freqs_hz": self.freqs_hz.tolist(),
                "target_db": listed(self.target_db, self.used),
                "fitted_db": listed(self.fitted_db, np.isfinite(self.fitted_db)),
                "rms_db": self.rms_db, "amount": self.amount, "warnings": list(self.warnings),
                "level_gain_db": self.level_gain_db}


def extremes(eq: EQ, freqs_hz: np.ndarray, sample_rate: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """``((freq_hz, gain_db), (freq_hz, gain_db))``: where ``eq``'s response over ``freqs_hz`` ``(F,)`` is highest and
    lowest, and its dB there (a match's largest boost and cut; the summed response its limit note reads)."""
    response = response_db_np(eq.to_array(), freqs_hz, sample_rate)
    top, bottom = int(np.argmax(response)), int(np.argmin(response))
    return (float(freqs_hz[top]), float(response[top])), (float(freqs_hz[bottom]), float(response[bottom]))


def check_amount(amount: float, name: str = "amount") -> float:
    """``amount`` as a float in [0, ``MAX_AMOUNT``]; :class:`ParameterError` naming parameter ``name`` otherwise."""
    try:
        a = float(amount)
    except (TypeError, ValueError):
        raise ParameterError(name, amount, f"a number in [0, {MAX_AMOUNT:g}]") from None
    if not (math.isfinite(a) and 0.0 <= a <= MAX_AMOUNT):
        raise ParameterError(name, amount, f"a number in [0, {MAX_AMOUNT:g}]")
    return a


def match_spectra(spectrum: Spectrum, reference: Spectrum, amount: float = 1.0, *,
                  roles: tuple[str, str] = ("input", "reference")) -> MatchResult:
    """The EQ that moves ``spectrum`` toward ``reference`` (see the module docstring for the steps); ``roles``: how
    errors and warnings name the two ("input 'x.wav'": which file is silent or clips)."""
    amount = check_amount(amount)
    notes = check_spectrum(spectrum, roles[0]) + check_spectrum(reference, roles[1])
    freqs = fit_grid()
    reach_hz = common_reach_hz(spectrum, reference)  # the same bands for both, whatever their bins
    smoothed = tuple(smooth_octave(s, freqs, SMOOTHING_FRACTION, reach_hz) for s in (spectrum, reference))
    edges = tuple(band_edges_hz(s, freqs, p, reach_hz) for s, p in zip((spectrum, reference), smoothed))
    p_in, p_ref = within_shared_band(freqs, smoothed, edges, SMOOTHING_FRACTION)
    nyquist = NYQUIST_FRACTION * min(spectrum.sample_rate, reference.sample_rate)
    used = (freqs < nyquist) & has_energy(p_in, spectrum.noise_floor) & has_energy(p_ref, reference.noise_floor)
    if np.count_nonzero(used) < MIN_USED_POINTS:
        raise AudioError(
            f"the input and the reference share energy at only {np.count_nonzero(used)} of {len(freqs)} "
            f"frequencies: expected at least {MIN_USED_POINTS} (do they overlap in frequency?)"
        )
    notes += coverage_notes(freqs, used, (spectrum, p_in), (reference, p_ref))
    diff = 10.0 * np.log10(p_ref[used] / p_in[used])
    diff -= diff.mean()
    target_range_db = (float(diff.min()), float(diff.max()))  # before the limit, for its note
    diff = np.clip(diff, -MAX_TARGET_DB, MAX_TARGET_DB)
    noise_db = _noise_rms_db(spectrum, reference, freqs[used], reach_hz)
    spread_db = float(np.std(diff))  # the difference's RMS about its (removed) level
    within_noise = spread_db < NOISE_FACTOR * noise_db
    if within_noise and spread_db >= FLAT_TARGET_RMS_DB:  # a flat difference needs no excuse
        notes.append(f"the recordings differ by {spread_db:.2f} dB RMS, less than {NOISE_FACTOR:g} x the "
                     f"{noise_db:.2f} dB of estimation noise their length allows: taken as the same tone (the flat EQ)")
    target = np.zeros_like(freqs)
    target[used] = amount * diff
    rate = spectrum.sample_rate
    if spread_db < FLAT_TARGET_RMS_DB or within_noise:
        full, full_rms_db = EQ.flat(), spread_db  # nothing (audible, or real) asked for: no fit, no search noise
    else:
        held_db, held_hz = held_target(freqs, used, diff, rate)
        average = power_average(spectrum, held_hz, SMOOTHING_FRACTION, reach_hz)
        params, _ = fit_match_target(held_db, held_hz, rate, noise_db=noise_db, average=average)
        full = EQ.from_array(canonical_array(params))
        # The EQ's own response against the target, as the result's curves show them (the fit's error through the
        # smoothing is smaller: a sharp bell's smoothed response fits where its own one sticks out).
        full_rms_db = offset_free_rms_db(full.to_array(), diff, freqs[used], rate)  # as rms_db is, to the bit
        peak = max(extremes(full, freqs[used], rate), key=lambda move: abs(move[1]))  # the summed response's largest
        notes += _rough_fit_notes(full, full_rms_db, amount, peak=peak, target_range_db=target_range_db)
    flat_rms_db = amount * spread_db  # the flat EQ's error, up to the offset the fit is free to leave
    if flat_rms_db < FLAT_TARGET_RMS_DB or full == EQ.flat():
        eq, rms_db = EQ.flat(), flat_rms_db
    else:
        eq = EQ.from_array(canonical_array(scale_gains(full.to_array(), amount)))
        rms_db = offset_free_rms_db(eq.to_array(), target[used], freqs[used], rate)
    fitted = response_db_np(eq.to_array(), freqs[freqs < NYQUIST_FRACTION * rate], rate)
    fitted = np.concatenate([fitted, np.full(len(freqs) - len(fitted), np.nan)])
    return MatchResult(eq, freqs, target, used, fitted, rms_db, amount, tuple(notes),
                       level_gain_db=-level_change_db(spectrum, eq), full_eq=full, full_rms_db=full_rms_db,
                       sample_rate=rate)


def _noise_rms_db(spectrum: Spectrum, reference: Spectrum, freqs_hz: np.ndarray, reach_hz: float) -> float:
    """RMS over ``freqs_hz`` of the estimation noise (dB) of the smoothed level difference of two recordings."""
    n_in = smoothing_counts(spectrum, freqs_hz, SMOOTHING_FRACTION, reach_hz)
    n_ref = smoothing_counts(reference, freqs_hz, SMOOTHING_FRACTION, reach_hz)
    sigma = 10.0 / math.log(10.0) * np.sqrt(1.0 / n_in + 1.0 / n_ref)
    return float(np.sqrt(np.mean(sigma**2)))


def level_change_db(spectrum: Spectrum, eq: EQ) -> float:
    """How much louder (dB) the recording of ``spectrum`` gets through ``eq``: its power at every FFT bin,
    DC to Nyquist, weighted by the EQ's power gain there (the 20 Hz-20 kHz fit grid would miss what lies
    outside it: a recording's rumble below 20 Hz goes through the low shelf too)."""
    rate = spectrum.sample_rate
    grid = np.geomspace(1.0, NYQUIST_FRACTION * rate, LEVEL_GRID_POINTS)
    gain = 10.0 ** (np.interp(spectrum.freqs_hz, grid, response_db_np(eq.to_array(), grid, rate)) / 10.0)
    total = float(np.sum(spectrum.power))
    # einsum, not a BLAS dot: OpenBLAS spreads a dot of every bin (65,537) over both cores and its workers then spin,
    # competing with the next match's analysis threads (a warm match took 0.13 s of CPU instead of 0.08).
    weighted = float(np.einsum("i,i->", spectrum.power, gain))
    return float(10.0 * np.log10(weighted / total)) if total > 0 else 0.0


def match_result(
    audio: np.ndarray,
    reference: np.ndarray,
    sample_rate: float,
    *,
    reference_sample_rate: float | None = None,
    amount: float = 1.0,
) -> MatchResult:
    """:func:`match` with everything it found: target, used points, fitted curve and warnings."""
    amount = check_amount(amount)
    ref_rate = sample_rate if reference_sample_rate is None else reference_sample_rate
    analyses = (array_analysis(audio, sample_rate, "input"), array_analysis(reference, ref_rate, "reference"))
    return match_spectra(*both_spectra(analyses), amount)


def match(
    audio: np.ndarray,
    reference: np.ndarray,
    sample_rate: float,
    *,
    reference_sample_rate: float | None = None,
    amount: float = 1.0,
) -> EQ:
    """The 5-band EQ that makes ``audio`` sound like ``reference`` in tone (not in level).

    audio, reference: float samples ``(frames,)`` or ``(frames, channels)`` as soundfile reads them,
    any channel counts; ``reference_sample_rate`` defaults to ``sample_rate``. ``amount`` in [0, 2]
    scales the full match's gains (0.5: half-way in dB in every band). Raises :class:`AudioError` naming
    the input or the reference when one is channels-first (pass ``audio.T``), silent, shorter than 0.5 s or
    holds NaN/Inf; warns (``UserWarning``) when one clips, lacks a band the other holds, or the fit is rough.
    """
    result = match_result(audio, reference, sample_rate, reference_sample_rate=reference_sample_rate, amount=amount)
    for note in result.warnings:
        warnings.warn(note, stacklevel=2)
    return result.eq


def match_files(
    input_path: str | os.PathLike[str],
    reference_path: str | os.PathLike[str],
    *,
    amount: float = 1.0,
) -> MatchResult:
    """:func:`match_result` for two audio files, each streamed from disk in blocks (bounded memory)."""
    from eqmorph.io.fileio import check_path

    for name, path in (("input_path", input_path), ("reference_path", reference_path)):
        check_path(path, name, "an audio file's path")
    amount = check_amount(amount)
    analyses = (file_analysis(input_path, "input"), file_analysis(reference_path, "reference"))
    # "the input 'x.wav' is silent": which file (it named none: a new-user trial, 2026-12-03)
    return match_spectra(*both_spectra(analyses), amount,
                         roles=(f"input {str(input_path)!r}", f"reference {str(reference_path)!r}"))


__all__ = ["MOVE_SAID_DB", "MatchResult", "check_amount", "level_change_db", "match", "match_files", "match_result",
           "match_spectra"]
