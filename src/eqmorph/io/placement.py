"""Filters placed in eqmorph's 5-band layout exactly, values kept: whether a preset's filters fit the layout (at
most one low shelf, three peaking filters and one high shelf: :func:`layout_problem`) and each the ranges of its own
band (:func:`placeable`; :func:`fit_reason` says why not), and the EQ of such filters (:func:`exact_eq`, from
Equalizer APO text) or of bands given by eqmorph's names (:func:`named_eq`, JSON and CSV); missing bands are 0 dB.
A preset that is not placed is fitted (:mod:`eqmorph.io.layout`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core.eq import EQ
from eqmorph.core.ranges import BAND_KINDS, BAND_NAMES, PARAM_NAMES, PEAK_SLICE, flat_params, param_range
from eqmorph.errors import ParameterError
from eqmorph.io.apo_filter import ApoFilter

if TYPE_CHECKING:  # only named: apo.py reads the text and imports this module to place it
    from eqmorph.io.apo import ApoText

_LAYOUT = "eqmorph's 5-band layout allows at most one low shelf, up to three peaking filters and at most one high shelf"


def in_own_range(f: ApoFilter) -> bool:
    """Whether the band of ``f``'s kind can hold ``f``'s values as they are (:mod:`eqmorph.core.ranges`)."""
    band = BAND_KINDS.index(f.kind)
    return all(param_range(band, p).low <= value <= param_range(band, p).high for p, value in enumerate(f[1:4]))


def _check_in_range(f: ApoFilter) -> None:
    """Raise the EQ's :class:`ParameterError` (with the line) if ``f`` lies outside its own band's ranges."""
    band = BAND_KINDS.index(f.kind)
    for p, value in enumerate((f.gain_db, f.freq_hz, f.q)):
        r = param_range(band, p)
        if not (math.isfinite(value) and r.low <= value <= r.high):
            raise ParameterError(f"{f.where}: {f.kind}.{PARAM_NAMES[p]}", value, r.describe())


def layout_problem(content: ApoText) -> str | None:
    """Why ``content``'s filters do not fit eqmorph's 5-band layout (None if they do): what was found and what is
    allowed.  Fewer filters fit too: a lone peaking filter is a layout of one peak and four 0 dB bands."""
    found = {kind: [f for f in content.filters if f.kind == kind] for kind in ("low_shelf", "peaking", "high_shelf")}
    if len(found["low_shelf"]) <= 1 and len(found["peaking"]) <= 3 and len(found["high_shelf"]) <= 1:
        if not content.curves:
            return None
    described = ", ".join(
        f"{kind.replace('_', ' ')} x{len(fs)}" + (f" ({', '.join(f.where for f in fs)})" if fs else "")
        for kind, fs in found.items()
    )
    curves = f", {content.curves[0].kind} curve x{len(content.curves)}" if content.curves else ""
    return f"found active filters: {described}{curves}; {_LAYOUT}"


def fit_reason(content: ApoText) -> str:
    """Why ``content`` is fitted rather than placed (empty if it is placed): the first thing no band holds as it is."""
    if content.curves:
        return f"a {content.curves[0].kind} curve is a response, not filters"
    if layout_problem(content) is not None:
        return "it holds more filters of a kind than the layout has bands for"
    for f in content.filters:
        band = BAND_KINDS.index(f.kind)
        for p, value in enumerate(f[1:4]):
            r = param_range(band, p)
            if not r.low <= value <= r.high:
                return (f"{f.where}'s {f.kind.replace('_', ' ')} {PARAM_NAMES[p]} {value:g} is outside eqmorph's "
                        f"range {r.describe()}")
    return ""


def placeable(content: ApoText) -> bool:
    """Whether ``content`` is placed in the 5-band layout exactly: its filters fit the layout and each the ranges
    of its own band (see the module docstring); anything else is fitted."""
    return layout_problem(content) is None and all(in_own_range(f) for f in content.filters)


def exact_eq(filters: list[ApoFilter]) -> EQ:
    """The EQ of filters already in eqmorph's layout (see :func:`layout_problem`), values kept exactly.

    A missing shelf is the flat EQ's (0 dB at its neutral frequency and Q); missing peaks are 0 dB.
    """
    for f in filters:
        _check_in_range(f)
    flat = flat_params()
    found = {kind: [f for f in filters if f.kind == kind] for kind in ("low_shelf", "peaking", "high_shelf")}
    # Missing peaks: 0 dB at the neutral frequencies farthest from the given peaks, so none coincide.
    neutral = sorted(
        flat[PEAK_SLICE].tolist(),
        key=lambda row: -min((abs(math.log(row[1] / f.freq_hz)) for f in found["peaking"]), default=0.0),
    )
    low = found["low_shelf"][0][1:4] if found["low_shelf"] else flat[0]
    high = found["high_shelf"][0][1:4] if found["high_shelf"] else flat[-1]
    peaks = [*(f[1:4] for f in found["peaking"]), *neutral][:3]
    return EQ.from_array([low, *peaks, high])


def named_eq(rows: dict[str, tuple[list[float], str]]) -> EQ:
    """The EQ of bands given by eqmorph's names (JSON, CSV) ``{name: ([gain_db, freq_hz, q], where)}``, exactly.

    Peaks are sorted by frequency, so a name is a place in that order: the missing peaks are 0 dB peaks placed so
    that each given peak keeps its name (``peak1`` alone at 1 kHz stays peak1, with 0 dB peaks above it), at their
    neutral frequencies where those keep the order, else spread evenly in log frequency across the gap they fill.
    Missing shelves are the flat EQ's; a value outside its band's range is a :class:`ParameterError` naming where.
    """
    filters = [ApoFilter(BAND_KINDS[BAND_NAMES.index(name)], *values, where) for name, (values, where) in rows.items()]
    for f in filters:
        _check_in_range(f)
    params = flat_params()
    for name, (values, _) in rows.items():
        params[BAND_NAMES.index(name)] = values
    peaks = list(range(PEAK_SLICE.start, PEAK_SLICE.stop))
    given = [i for i in peaks if BAND_NAMES[i] in rows]
    low_hz, high_hz = param_range(peaks[0], 1).low, param_range(peaks[0], 1).high
    run: list[int] = []
    for i in [*peaks, None]:  # each run of missing peaks between given ones (or the range's ends)
        if i is not None and i not in given:
            run.append(i)
            continue
        if run:
            below = max((params[g, 1] for g in given if g < run[0]), default=low_hz)
            above = min((params[g, 1] for g in given if g > run[-1]), default=high_hz)
            neutral = params[run, 1]
            if not (below <= neutral.min() and neutral.max() <= above):
                steps = np.arange(1, len(run) + 1) / (len(run) + 1)
                params[run, 1] = below * (above / below) ** steps if above >= below else below
            run = []
    return EQ.from_array(params)


__all__ = ["exact_eq", "fit_reason", "in_own_range", "layout_problem", "named_eq", "placeable"]
