"""AutoEq's ``GraphicEQ:`` line: a response curve as ``frequency gain`` pairs, read by Equalizer APO and Wavelet.

Written with AutoEq's points (127 log-spaced whole-Hz frequencies from 20 Hz to about 20 kHz,
gains in dB with one decimal), the EQ's own response, after a ``Preamp`` line with the EQ's
preamp (:func:`eqmorph.core.preamp.preamp_db`, the number every export carries)::

    Preamp: -3.5 dB
    GraphicEQ: 20 0.3; 21 0.3; 22 0.3; ...; 19871 -2.4

Equalizer APO (and Peace, which edits its configuration) plays both lines: the curve lowered by
the preamp, so nothing clips.  AutoEq instead folds the preamp into the curve, which loses the
curve's 0 dB: reading such a file back cannot tell the EQ's level from its headroom, and the
fitted EQ moves its shelves to make up the difference.  With the preamp on its own line eqmorph
reads its own file back (:mod:`eqmorph.io.layout`) as the preamp it wrote and an EQ of the same
response, within a few hundredths of a dB RMS for the model's words (a curve does not say which
of the 5-band EQs with that response it came from, so the bands' values may differ).  Wavelet
normalises the curves it imports to 0 dB itself, so the curve's level does not matter to it; its
import page shows a file of the GraphicEQ line alone, so an app that insists on that needs the
Preamp line deleted.

Read as a curve (:class:`GraphicCurve`), interpolated linearly in dB over log frequency and
held flat beyond its ends, which is how Equalizer APO draws it; a curve is never an EQ of
eqmorph's layout, so importing one fits it (:mod:`eqmorph.io.layout`).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from eqmorph.core.conventions import AUDIBLE_LOW_HZ
from eqmorph.core.eq import EQ
from eqmorph.core.preamp import preamp_db
from eqmorph.errors import DataFormatError

GRAPHIC_POINTS = 127  # AutoEq's GraphicEQ.txt has 127 points, the most Wavelet accepts
GRAPHIC_HIGH_HZ = 19871.0  # AutoEq's last point: the geometric series from 20 Hz stops below 20 kHz
GRAPHIC_SAMPLE_RATE = 48000.0  # rate the written curve is evaluated at (the curve itself has none)
MAX_GRAPHIC_POINTS = 20000  # far more than any real curve; keeps hostile text cheap


class GraphicCurve(NamedTuple):
    """A GraphicEQ curve: ``freqs_hz (n,)`` strictly increasing and ``gains_db (n,)``; ``where`` names its line."""

    freqs_hz: np.ndarray
    gains_db: np.ndarray
    where: str
    kind: str = "GraphicEQ"  # the layout it was read from, as the user knows it ("GraphicEQ", "CSV")

    def response_db(self, freqs_hz: np.ndarray) -> np.ndarray:
        """The curve at ``freqs_hz (F,)``, linear in dB over log frequency, flat beyond the ends -> ``(F,)``."""
        return np.interp(np.log(np.asarray(freqs_hz, dtype=np.float64)), np.log(self.freqs_hz), self.gains_db)


def graphic_freqs() -> np.ndarray:
    """The 127 whole-Hz frequencies a written GraphicEQ line uses, ``(127,)``."""
    return np.round(np.geomspace(AUDIBLE_LOW_HZ, GRAPHIC_HIGH_HZ, GRAPHIC_POINTS))


def to_graphiceq(eq: EQ, preamp: float | None = None) -> str:
    """A ``Preamp:`` line with ``eq``'s preamp (or ``preamp`` dB, a converted preset's own, checked by the caller:
    :func:`eqmorph.io.apo.check_preamp`), then ``eq``'s response as one ``GraphicEQ:`` line (see above)."""
    freqs = graphic_freqs()
    gains = np.round(eq.response_db(freqs, GRAPHIC_SAMPLE_RATE), 1) + 0.0  # + 0.0: no "-0.0" in the file
    curve = "; ".join(f"{f:.0f} {g:.1f}" for f, g in zip(freqs, gains))
    return f"Preamp: {preamp_text(preamp_db(eq) if preamp is None else preamp)} dB\nGraphicEQ: {curve}\n"


def preamp_text(db: float) -> str:
    """A preamp as a ``Preamp:`` line says it: to 0.01 dB, with one decimal when that is exact (eqmorph's own are
    multiples of 0.1 dB), never ``-0.0``; a converted preset's own (-3.25 dB) keeps its level to 0.005 dB."""
    text = f"{round(float(db), 2) + 0.0:.2f}"
    return text[:-1] if text.endswith("0") else text


def parse_graphiceq(rest: str, where: str) -> GraphicCurve:
    """The text after ``GraphicEQ:``: ``f g; f g; ...`` with frequencies increasing, each once."""
    from eqmorph.io.apo_filter import quote_short

    pairs = [p for p in rest.split(";") if p.strip()]
    if not pairs:
        raise DataFormatError(f"{where}: GraphicEQ has no points; expected 'GraphicEQ: 20 -1.0; 40 0.5; ...'")
    points = []
    for pair in pairs[:MAX_GRAPHIC_POINTS + 1]:
        tokens = pair.split()
        if len(tokens) != 2:
            raise DataFormatError(f"{where}: GraphicEQ point {quote_short(pair.strip())}; expected 'frequency gain'")
        points.append((tokens[0], tokens[1], pair.strip()))
    return curve_from_points(points, where, "GraphicEQ", len(pairs))


def curve_from_points(points: list[tuple[str, str, str]], where: str, what: str, count: int,
                      kind: str = "GraphicEQ") -> GraphicCurve:
    """A curve of ``points`` ``(frequency text, gain text, the point as written)``: frequencies above 0 Hz,
    increasing, each once, gains within +-100 dB. ``what`` names the layout in errors ("GraphicEQ", "CSV"),
    ``count`` the points the text has (more than ``MAX_GRAPHIC_POINTS`` are refused, not read); ``kind``: the
    curve's :attr:`GraphicCurve.kind`."""
    from eqmorph.io.apo_filter import parse_number, quote_short

    if count > MAX_GRAPHIC_POINTS:
        raise DataFormatError(f"{where}: {what} has {count} points; at most {MAX_GRAPHIC_POINTS} are read")
    curve: dict[float, float] = {}
    last = 0.0
    for freq_text, gain_text, written in points:
        freq = parse_number(freq_text, f"{what} frequency", where)
        gain = parse_number(gain_text, f"{what} gain", where)
        if not (0.0 < freq < 1e6 and abs(gain) <= 100.0) or freq < last:
            raise DataFormatError(f"{where}: {what} point {quote_short(written)}; expected increasing "
                                  "frequencies above 0 Hz and gains within +-100 dB")
        if freq in curve:  # two gains at one frequency: which is meant, the file does not say
            raise DataFormatError(f"{where}: {what} gives {freq:g} Hz twice, {curve[freq]:g} dB and {gain:g} dB; "
                                  "expected each frequency once, increasing: keep the point meant")
        curve[freq] = gain
        last = freq
    return GraphicCurve(np.array(list(curve)), np.array(list(curve.values())), where, kind)
