"""Any preset into eqmorph's 5-band layout: exact when it already fits, else fitted by its response.

A preset whose filters fit the layout (at most one low shelf, three peaking filters and one
high shelf, each inside the ranges of its own band: :func:`eqmorph.io.placement.placeable`) keeps its
values exactly; bands it lacks are 0 dB.  Any other (four peaks, a 2 kHz low shelf, ten filters,
a ``GraphicEQ`` curve) is turned into the magnitude response it produces (the sum of its
filters' RBJ responses and its curves) on the fit grid (20 Hz-20 kHz,
:func:`eqmorph.core.fit.fit_grid`) and fitted with :func:`eqmorph.core.fit.fit_curves`; the
result says how far the fit is from the preset.  The preset's own filters (its shelves and its
three largest peaks, clipped into eqmorph's ranges) are one of the fit's starts, so a preset that
nearly fits is kept nearly as it is.  Values no band can hold are refused when the text is read
(:mod:`eqmorph.io.apo`).

A curve's level: with a ``Preamp`` line in the text (eqmorph's own GraphicEQ files, Equalizer
APO configurations) the curve is read at its own level and the Preamp lines are the headroom,
as Equalizer APO plays them.  A curve alone (AutoEq's GraphicEQ.txt) may have been lowered by its largest
boost, as AutoEq does, so its 0 dB is not known: it is fitted at its own level and at levels spread over its
range, and the fit keeps the level nearest the curve's own among those that fit within
:data:`LEVEL_SLACK_DB` of the best, so a curve that a 5-band EQ follows as written keeps its 0 dB and the
bands hold its shape (``describe`` judges what the file says).  A level the fit did move is no Preamp of the
file: it is :attr:`ImportedPreset.level_db`, said as "the curve's level, found by the fit", and
:attr:`ImportedPreset.preamp_db` includes it, so the EQ plays as loud as the curve.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.eq import EQ
from eqmorph.core.fit import fit_curves, fit_grid
from eqmorph.core.ranges import clip_to_ranges, flat_params
from eqmorph.errors import DataFormatError
from eqmorph.io.apo import PREAMP_RULE, ApoFilter, ApoText, in_preamp_range, read_apo
from eqmorph.io.placement import exact_eq, fit_reason, placeable

# Points of the grid a fit's error is reported on, 20 Hz-20 kHz: 400 per octave, a dozen across a Q 20 peak.
ERROR_GRID_POINTS = 4096
CONSTANT_CURVE_DB = 0.01  # a curve within this of one level everywhere is that level, a flat EQ
CURVE_LEVELS = 13  # levels tried for a GraphicEQ curve's 0 dB, spread over its range (about 0.7 dB apart for 8 dB)
# Fits of a curve whose RMS errors differ by less than this are equally good: GraphicEQ gains are written to 0.1 dB.
# Among them the level nearest the curve's own wins, so the level is moved out of the bands only when it must be.
LEVEL_SLACK_DB = 0.05
_ROW = {"low_shelf": 0, "peaking": 1, "high_shelf": 4}  # where a filter of each kind sits in a (5, 3) array


@dataclass(frozen=True)
class ImportedPreset:
    """A preset as eqmorph's EQ, and how exactly it was kept."""

    eq: EQ
    # The dB to play ``eq`` at so it sounds as the file does: the file's Preamp lines (0 for JSON/CSV without
    # one) plus ``level_db``.
    preamp_db: float
    fitted: bool  # False: the preset's values are kept exactly
    rms_db: float = 0.0  # fitted only: RMS difference of the responses over 20 Hz-20 kHz (fit_error_db)
    max_error_db: float = 0.0  # fitted only: largest difference there
    what: str = ""  # fitted only: what the preset held, e.g. "4 peaking filters"
    why: str = ""  # fitted only: why it could not be placed exactly (:func:`eqmorph.io.placement.fit_reason`)
    # A GraphicEQ curve without a Preamp line only: the curve's level the fit moved out of the bands (a 5-band EQ
    # has no level band). Part of ``preamp_db``, but found by the fit, not written in the file.
    level_db: float = 0.0
    # How the file says eqmorph made it (words, model, a match's recordings: eqmorph.io.provenance), read from the
    # same text: what a converted file carries on and what tells describe a match.
    provenance: Mapping[str, Any] = field(default_factory=dict)

    @property
    def file_preamp_db(self) -> float:
        """The preamp the file itself says (its Preamp lines, JSON's ``preamp_db``, CSV's row; 0 without one)."""
        return self.preamp_db - self.level_db

    def describe_preamp(self) -> str:
        """What ``preamp_db`` is, for a table or a note: the file's own Preamp, or the curve's level from the fit."""
        if self.level_db == 0.0:
            return "the preset's own"
        level = f"the curve's level {self.level_db:+.1f} dB, found by the fit"
        return level if self.file_preamp_db == 0.0 else f"the preset's own {self.file_preamp_db:+.1f} dB and {level}"

    def describe_fit(self) -> str:
        """One line for the user: what was fitted, why, and how well (empty when kept exactly)."""
        if not self.fitted:
            return ""
        why = f"; fitted because {self.why}" if self.why else ""
        return (f"fitted {self.what} into eqmorph's 5-band layout (low shelf, 3 peaks, high shelf): "
                f"response error {self.rms_db:.2f} dB RMS, at most {self.max_error_db:.2f} dB, 20 Hz-20 kHz{why}")


def filters_response_db(filters: list[ApoFilter], freqs_hz: np.ndarray, sample_rate: float) -> np.ndarray:
    """Summed magnitude response in dB of any shelves and peaks ``(F,)`` (no range limits: any biquad)."""
    if not filters:
        return np.zeros(len(freqs_hz))
    params = np.repeat(flat_params()[None], len(filters), axis=0)  # (n, 5, 3): one active band per filter
    rows = np.array([_ROW[f.kind] for f in filters])
    params[np.arange(len(filters)), rows] = [[f.gain_db, f.freq_hz, f.q] for f in filters]
    bands = dsp.band_response_db(np, params, np.asarray(freqs_hz, dtype=np.float64), sample_rate)  # (n, 5, F)
    return bands[np.arange(len(filters)), rows].sum(axis=0)


def _start(filters: list[ApoFilter]) -> np.ndarray:
    """``(5, 3)``: the preset's shelves and its three largest peaks, clipped into eqmorph's ranges."""
    start = flat_params()
    for kind in ("low_shelf", "high_shelf"):
        same = [f for f in filters if f.kind == kind]
        if same:
            start[_ROW[kind]] = max(same, key=lambda f: abs(f.gain_db))[1:4]
    peaks = sorted((f for f in filters if f.kind == "peaking"), key=lambda f: -abs(f.gain_db))[:3]
    for i, f in enumerate(sorted(peaks, key=lambda f: f.freq_hz)):
        start[1 + i] = f[1:4]
    return clip_to_ranges(start)


_NAMES = {"low_shelf": ("low shelf", "low shelves"), "peaking": ("peaking filter", "peaking filters"),
          "high_shelf": ("high shelf", "high shelves")}


def _what(content: ApoText) -> str:
    """``"4 peaking filters, 1 high shelf"``: what a preset held."""
    counts = {kind: sum(f.kind == kind for f in content.filters) for kind in ("low_shelf", "peaking", "high_shelf")}
    said = [f"{n} {_NAMES[k][n != 1]}" for k, n in counts.items() if n]
    if content.curves:  # "1 GraphicEQ curve", "1 CSV curve": the layout the user wrote it in
        said.append(f"{len(content.curves)} {content.curves[0].kind} curve{'s' if len(content.curves) != 1 else ''}")
    return ", ".join(said) or "no filters"


def fit_apo(content: ApoText, sample_rate: float = ANALYSIS_SAMPLE_RATE) -> ImportedPreset:
    """``content`` in the layout exactly, or fitted by its response (see the module docstring)."""
    if placeable(content):
        return ImportedPreset(exact_eq(content.filters), content.preamp_db, fitted=False)
    grid = fit_grid()
    target = _response_db(content, grid, sample_rate)
    # A curve alone has no 0 dB reference: AutoEq lowers GraphicEQ curves by their largest boost, so the
    # level is a preamp.  Several levels are fitted in one batch; the best is kept.
    level_unknown = bool(content.curves) and not content.filters and not content.has_preamp
    levels = np.unique(np.r_[0.0, np.linspace(target.min(), target.max(), CURVE_LEVELS)]) if level_unknown \
        else np.zeros(1)
    if level_unknown and np.ptp(target) < CONSTANT_CURVE_DB:
        # A constant curve is all level ("GraphicEQ: 20 -3.5; 20000 -3.5"): kept in the bands, it was described as
        # a bass and low-mid cut (a new-user trial, 2026-12-04).
        levels = np.array([float(np.mean(target))])
    starts = np.broadcast_to(_start(content.filters), (1, len(levels), 5, 3))
    result = fit_curves(target[None] - levels[:, None], grid, sample_rate, starts=starts)
    rms = np.asarray(result.rms_db)
    # The best fit kept the level anywhere in the curve's range: a level near the best fit's error but nearer the
    # curve's own 0 dB keeps the shape in the bands (trial 4: a +3 dB, Q 0.11 "peak" against a -3 dB "Preamp").
    good = np.flatnonzero(rms <= rms.min() + LEVEL_SLACK_DB)
    best = int(good[np.argmin(np.abs(levels[good]))])
    level = float(levels[best]) + 0.0
    if not in_preamp_range(content.preamp_db + level):
        raise DataFormatError(f"the curve's level ({level:+.1f} dB, found by the fit) and the Preamp lines "
                              f"({content.preamp_db:+.1f} dB) add up to {content.preamp_db + level:+.1f} dB; "
                              f"expected {PREAMP_RULE}")
    eq = EQ.from_array(result.params[best])
    rms_db, max_error_db = fit_error_db(content, eq, level, sample_rate)
    return ImportedPreset(eq, content.preamp_db + level, fitted=True, rms_db=rms_db, max_error_db=max_error_db,
                          what=_what(content), why=fit_reason(content), level_db=level)


def _response_db(content: ApoText, freqs_hz: np.ndarray, sample_rate: float) -> np.ndarray:
    """What ``content`` does at ``freqs_hz (F,)``: its filters' and curves' summed dB response."""
    target = filters_response_db(content.filters, freqs_hz, sample_rate)
    for curve in content.curves:
        target = target + curve.response_db(freqs_hz)
    return target


def fit_error_db(content: ApoText, eq: EQ, level_db: float, sample_rate: float) -> tuple[float, float]:
    """``(rms, max)`` dB difference between ``eq`` raised by ``level_db`` and what ``content`` does, 20 Hz-20 kHz.

    Measured on a grid far finer than the fit's: a Q 20 peak is about 5 grid points of the fit's 256 wide,
    so its top (and the fit's error there) falls between them. The RMS is over the fine log grid; the
    maximum also looks at every filter's and band's centre and every curve point, where errors peak.
    """
    fine = fit_grid(ERROR_GRID_POINTS)
    centres = [f.freq_hz for f in content.filters] + [b.freq_hz for b in eq.bands]
    centres += [float(f) for curve in content.curves for f in curve.freqs_hz]
    extra = np.array([f for f in centres if fine[0] <= f <= fine[-1] and f < 0.5 * sample_rate])
    freqs = np.concatenate([fine, extra])
    error = eq.response_db(freqs, sample_rate) + level_db - _response_db(content, freqs, sample_rate)
    return float(np.sqrt(np.mean(error[:len(fine)] ** 2))), float(np.abs(error).max())


def import_apo(text: str, *, base_dir: str | Path | None = None) -> ImportedPreset:
    """Equalizer APO / AutoEq text (parametric or GraphicEQ) of any layout as eqmorph's EQ."""
    return fit_apo(read_apo(text, base_dir=base_dir))
