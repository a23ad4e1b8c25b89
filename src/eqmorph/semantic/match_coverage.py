"""What a match covers: the grid points where both recordings have sound, the notes for a band one lacks, and the
target its EQ holds beyond them (steps 3 and 5 of :mod:`eqmorph.semantic.match`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eqmorph.audio.smoothing import smooth_octave
from eqmorph.audio.spectrum import Spectrum
from eqmorph.core.dsp import NYQUIST_FRACTION
from eqmorph.core.schema import hz_text

DYNAMIC_RANGE_DB = 60.0  # a grid point counts when both smoothed spectra are within this of their maximum
# A grid point counts only this far above a recording's quantisation noise floor (Spectrum.noise_floor): a guitar
# 60 dB down in a 16-bit WAV held nothing but that noise above 7 kHz, within 60 dB of its loudest band, and the match
# fitted a -10 dB shelf to it (an eighth new-user trial). 10 dB also clears TPDF dither, 4.8 dB above the bare floor.
NOISE_FLOOR_MARGIN_DB = 10.0
# A band a recording lacks is named when it spans at least this much: a narrower gap is a notch between notes.
MIN_GAP_OCTAVES = 1.0 / 6.0
# Below this RMS level a recording at its noise floor is said to be quiet (a louder or 24-bit copy would hold more);
# a louder one at its floor holds nothing there (a constant: "it is quiet, -6 dBFS RMS" was said of one)
QUIET_DBFS = -40.0
# Beyond the covered band the EQ holds the level it has at the band's edge (step 5 of semantic/match.py), on every
# HOLD_STEP-th grid point there, so a held point weighs half a covered one. Fitting the covered points alone let a
# shelf run on: the shared clips matched to phone-band (300-3400 Hz) references went 3-11.5 dB past their edge level,
# where the note says the input is not cut; held, 0.6-3.9 dB, with the in-band error no worse (1.0-2.4 dB against
# 1.7-2.4) and recovery of random EQs unchanged (median / p95 0.153 / 0.476 dB against 0.156 / 0.477, 12 EQs per
# signal). Every point (1) or every 4th held as well; 2 is the middle. Holding at 0 dB instead (the level-free
# target's mean) bent the fit inside the band: drums to a 7 kHz low-passed guitar 3.2 dB RMS in its band against 2.2.
HOLD_STEP = 2
# Resolution at which a recording's band edges are found (band_edges_hz): fine enough to see an encoder's brick wall
# within a grid step; only the edges are taken from it, as between the notes of a tonal recording it finds gaps.
EDGE_FRACTION = 24
# An edge is guarded only where the other recording holds sound past it within this much of its own loudest band
# (within_shared_band): an MP3's original does (noise, music's cymbals), while an EQ'd copy of a tonal recording
# only holds its top partial's faint tail there; guarding that raised recovery's p95 on the guitar clip from 0.37
# to 0.61 dB.
OTHER_HOLDS_DB = 40.0


def band_edges_hz(spectrum: Spectrum, freqs: np.ndarray, power: np.ndarray, reach_hz: float) -> tuple[float, float]:
    """The lowest and highest of ``freqs`` ``(F,)`` where ``spectrum``, smoothed over ``1/EDGE_FRACTION`` octave,
    is within ``DYNAMIC_RANGE_DB`` of ``power``'s peak (``power``: its quarter-octave smoothing, as has_energy
    judges: a tonal recording's finely smoothed peak, one note, stands far above it). The grid's ends are no edges
    (0 and inf there), nor is a top at the recording's Nyquist, whose roll-off the Nyquist rule covers."""
    if not np.any(power > 0):
        return 0.0, np.inf
    fine = smooth_octave(spectrum, freqs, EDGE_FRACTION, reach_hz)
    heard = np.flatnonzero(fine >= _floor(power, DYNAMIC_RANGE_DB))
    if len(heard) == 0:
        return 0.0, np.inf
    low = float(freqs[heard[0]]) if heard[0] > 0 else 0.0
    top = float(freqs[heard[-1]])
    near_nyquist = top >= NYQUIST_FRACTION * spectrum.sample_rate * 2.0 ** -MIN_GAP_OCTAVES
    return low, top if heard[-1] < len(freqs) - 1 and not near_nyquist else np.inf


def within_shared_band(freqs: np.ndarray, powers: tuple[np.ndarray, np.ndarray],
                       edges: tuple[tuple[float, float], tuple[float, float]], fraction: float
                       ) -> tuple[np.ndarray, np.ndarray]:
    """The two recordings' smoothed ``powers`` (``(F,)`` each, over ``1/fraction`` octave at ``freqs``), each set
    to 0 where its smoothing reaches past a band edge of its own (``edges``: :func:`band_edges_hz`) that the other
    recording's band extends beyond by ``MIN_GAP_OCTAVES`` or more, holding sound there within ``OTHER_HOLDS_DB`` of
    its loudest. Smoothed over a quarter octave, an MP3's 16 kHz brick wall spread into the points above it, which
    stayed "with energy": a noise MP3 matched to its FLAC got +11 dB at 19 kHz (a new-user trial, 2026-12-03). An
    edge both share (a note's top partial in an EQ'd copy of the same playing) spreads alike in both, so their ratio
    there still holds: such points stay."""
    half_band = 2.0 ** (1.0 / (2.0 * fraction))
    margin = 2.0 ** MIN_GAP_OCTAVES
    out = []
    for power, other, (low, high), (other_low, other_high) in zip(powers, powers[::-1], edges, edges[::-1]):
        loud = other >= _floor(other, OTHER_HOLDS_DB)
        past_low = (freqs < low) & (freqs >= low / margin)
        past_high = (freqs > high) & (freqs <= high * margin)
        cut_low = low if other_low * margin <= low and np.any(loud & past_low) else 0.0
        cut_high = high if other_high >= high * margin and np.any(loud & past_high) else np.inf
        out.append(np.where((freqs / half_band >= cut_low) & (freqs * half_band <= cut_high), power, 0.0))
    return out[0], out[1]


def _floor(peak: np.ndarray, below_db: float) -> float:
    """The power ``below_db`` dB under the largest of ``peak``."""
    return float(peak.max()) * 10.0 ** (-below_db / 10.0)


def has_energy(power: np.ndarray, noise_floor: float = 0.0) -> np.ndarray:
    """``(F,)`` bool: where smoothed ``power`` ``(F,)`` is within ``DYNAMIC_RANGE_DB`` of its maximum and
    ``NOISE_FLOOR_MARGIN_DB`` above ``noise_floor`` (a power density: ``Spectrum.noise_floor``, 0 when not known)."""
    return (power > 0) & (power >= _floor(power, DYNAMIC_RANGE_DB)) & ~at_noise_floor(power, noise_floor)


def at_noise_floor(power: np.ndarray, noise_floor: float) -> np.ndarray:
    """``(F,)`` bool: where smoothed ``power`` ``(F,)`` is within ``NOISE_FLOOR_MARGIN_DB`` of ``noise_floor``."""
    return power < noise_floor * 10.0 ** (NOISE_FLOOR_MARGIN_DB / 10.0)


def held_target(freqs: np.ndarray, used: np.ndarray, diff_db: np.ndarray, sample_rate: float
                ) -> tuple[np.ndarray, np.ndarray]:
    """The target dB ``(F',)`` the match's EQ is fitted to and its points ``(F',)`` (Hz), as fit_match_target takes
    them: the used points with the difference ``diff_db``, and every ``HOLD_STEP``-th unused one below the input's
    Nyquist (``sample_rate``'s) with the covered band's edge level (linear in log frequency across a gap inside it)."""
    held = (freqs < NYQUIST_FRACTION * sample_rate) & ~used & (np.arange(len(freqs)) % HOLD_STEP == 0)
    fitted = freqs[used | held]
    return np.interp(np.log(fitted), np.log(freqs[used]), diff_db), fitted


def coverage_notes(freqs: np.ndarray, used: np.ndarray, *analysed: tuple[Spectrum, np.ndarray]) -> list[str]:
    """One note per recording that lacks a band of the grid ``freqs`` the other holds (``analysed``: the input's
    and the reference's spectrum and smoothed power): which band, why, and the band the match covers (``used``).

    Only bands of at least ``MIN_GAP_OCTAVES`` where the other recording holds at least that much count: two
    8 kHz files lose nothing to each other above 4 kHz.
    """
    lacks = [(freqs >= NYQUIST_FRACTION * spectrum.sample_rate) | ~has_energy(power, spectrum.noise_floor)
             for spectrum, power in analysed]
    step_octaves = float(np.log2(freqs[1] / freqs[0]))
    covered = f"{hz_text(freqs[used][0])}-{hz_text(freqs[used][-1])}"
    notes = []
    for role, (spectrum, power), own, other in zip(("input", "reference"), analysed, lacks, lacks[::-1]):
        noise = at_noise_floor(power, spectrum.noise_floor)
        runs = [(start, stop) for start, stop in _runs(own) if _gap_octaves(freqs, start, stop) >= MIN_GAP_OCTAVES
                and np.count_nonzero(~other[start:stop]) * step_octaves >= MIN_GAP_OCTAVES]
        # Past Nyquist a file holds nothing at all, which its sample rate says, not its noise floor (an 8 kHz
        # reference was said to hold "only its 16-bit samples' noise floor nothing above 3.8 kHz": a tenth trial).
        past = [_past_nyquist(freqs, start, stop, spectrum.sample_rate) for start, stop in runs]
        noisy = [bool(noise[start:stop].mean() > 0.5) and not p for (start, stop), p in zip(runs, past)]
        said = [_gap_text(freqs, start, stop, spectrum, n, p)
                + ("" if n or p else _also_faint(analysed, role, start, stop))
                for (start, stop), n, p in zip(runs, noisy, past)]
        at_floor = [t for t, n in zip(said, noisy) if n]  # said once: "... noise floor below 24 Hz and above 2.9 kHz"
        gaps = [t for t, n in zip(said, noisy) if not n] + (
            [f"only its {spectrum.bits}-bit samples' noise floor {' and '.join(at_floor)}"] if at_floor else [])
        if gaps:
            effect = ("an EQ cannot add what the input lacks" if role == "input" else
                      "the EQ is not cut further there: it holds the level it has at the covered band's edge")
            why = ""
            if any(noisy) and spectrum.rms_dbfs < QUIET_DBFS:  # said once, after the gaps
                louder = "a louder copy" + (", or a 24-bit one," if (spectrum.bits or 0) < 24 else "")
                why = f" (it is quiet, {spectrum.rms_dbfs:.0f} dBFS RMS: {louder} would hold more)"
            notes.append(f"the {role} holds {' and '.join(gaps)}{why}: the match covers {covered} only, and {effect}")
    return notes


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """``[start, stop)`` index ranges of the runs of True in ``mask``."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(np.int8), [0]])))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def _gap_octaves(freqs: np.ndarray, start: int, stop: int) -> float:
    """Width of the run ``[start, stop)`` of grid points, from the point before it to the point after it
    (the grid's ends at its ends), in octaves."""
    return float(np.log2(freqs[min(stop, len(freqs) - 1)] / freqs[max(start - 1, 0)]))


def _also_faint(analysed: Sequence[tuple[Spectrum, np.ndarray]], role: str, start: int, stop: int) -> str:
    """"; the input is faint there too, 52 dB below its loudest band" when the other recording of ``analysed`` lies
    more than ``OTHER_HOLDS_DB`` below its loudest over the run ``[start, stop)`` of a band one recording lacks by its
    level (the caller leaves out a lack by its rate or noise floor), else "". A reference that only had 6 dB more bass
    was said to hold "almost nothing above 13 kHz", where it held what the input did (an eleventh new-user trial):
    its loudest band had grown."""
    _, other = analysed[1] if role == "input" else analysed[0]
    if float(other[start:stop].max()) >= _floor(other, OTHER_HOLDS_DB):
        return ""
    below_db = 10.0 * np.log10(float(other.max()) / max(float(other[start:stop].max()), 1e-300))
    other_role = "reference" if role == "input" else "input"
    return f"; the {other_role} is faint there too, {below_db:.0f} dB below its loudest band"


def _past_nyquist(freqs: np.ndarray, start: int, stop: int, sample_rate: float) -> bool:
    """Whether the run ``[start, stop)`` is the top of the grid from about a recording's Nyquist up: there it holds
    nothing at all, and a roll-off just before it (a resampler's filter) is the same loss."""
    return stop == len(freqs) and freqs[start] >= NYQUIST_FRACTION * sample_rate * 2.0 ** -MIN_GAP_OCTAVES


def _gap_text(freqs: np.ndarray, start: int, stop: int, spectrum: Spectrum, noise: bool, past_nyquist: bool
              ) -> str:
    """"nothing above 3.9 kHz (its sample rate is 8000 Hz)" for the run ``[start, stop)`` a recording lacks;
    ``noise``: the run is mostly at its quantisation noise floor; ``past_nyquist``: it is the top from about the
    recording's Nyquist up (:func:`_past_nyquist`)."""
    sample_rate = spectrum.sample_rate
    if stop == len(freqs):
        where = f"above {hz_text(freqs[start - 1])}"
    elif start == 0:
        where = f"below {hz_text(freqs[stop])}"
    else:
        where = f"between {hz_text(freqs[start - 1])} and {hz_text(freqs[stop])}"
    if past_nyquist:
        return f"nothing {where} (its sample rate is {sample_rate:g} Hz)"
    if noise:
        return where
    return f"almost nothing {where} (more than {DYNAMIC_RANGE_DB:g} dB below its loudest band)"


__all__ = ["DYNAMIC_RANGE_DB", "EDGE_FRACTION", "HOLD_STEP", "MIN_GAP_OCTAVES", "NOISE_FLOOR_MARGIN_DB",
           "at_noise_floor", "coverage_notes", "has_energy",
           "band_edges_hz", "held_target", "within_shared_band"]
