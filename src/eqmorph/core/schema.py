"""An EQ as data and as text: the one dict shape (JSON presets, the web API, the CLI) and the one table.

The data shape of an EQ::

    {"units": {"gain_db": "dB", "freq_hz": "Hz", "q": "dimensionless"},
     "bands": [{"name": "low_shelf", "type": "low_shelf", "gain_db": 3.0, "freq_hz": 105.0, "q": 0.71},
               {"name": "peak1", "type": "peaking", ...}, ..., {"name": "high_shelf", ...}]}

``name`` is the band's role (:data:`eqmorph.core.ranges.BAND_NAMES`), ``type`` its filter type
(:data:`eqmorph.core.ranges.BAND_KINDS`, the word Equalizer APO uses for LSC/PK/HSC).  Bands are
listed in canonical order; numbers are floats in the units named.  A JSON preset is this shape
plus ``format``/``version``, how the EQ was made and its preamp (:mod:`eqmorph.io.presets`);
an API answer is this shape plus the words, the curve and the 15-number vector
(:mod:`eqmorph.server.payload`).  The server's pydantic models are tested against
:data:`BAND_KEYS` and :data:`UNITS` (tests/core/test_schema.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from eqmorph.core.eq import EQ
from eqmorph.core.ranges import BAND_KINDS, BAND_NAMES, PARAM_NAMES
from eqmorph.errors import DataFormatError

UNITS: dict[str, str] = {"gain_db": "dB", "freq_hz": "Hz", "q": "dimensionless"}
BAND_KEYS: tuple[str, ...] = ("name", "type", *PARAM_NAMES)
_SHORT_TYPE = {"low_shelf": "LS", "peaking": "PK", "high_shelf": "HS"}


def bands_data(eq: EQ) -> list[dict[str, Any]]:
    """The five bands as ``[{name, type, gain_db, freq_hz, q}, ...]`` in canonical order."""
    return rows_data([(b.gain_db, b.freq_hz, b.q) for b in eq.bands])


def rows_data(rows: Sequence[Sequence[float]]) -> list[dict[str, Any]]:
    """:func:`bands_data` of an EQ given as its ``(5, 3)`` canonical rows (a server answer's batch path)."""
    return [{"name": name, "type": kind, "gain_db": g, "freq_hz": f, "q": q}
            for name, kind, (g, f, q) in zip(BAND_NAMES, BAND_KINDS, rows)]


def eq_data(eq: EQ) -> dict[str, Any]:
    """``{"units": UNITS, "bands": bands_data(eq)}``: the EQ as data (see the module docstring)."""
    return {"units": dict(UNITS), "bands": bands_data(eq)}


def json_text(value: object, limit: int = 40) -> str:
    """``value`` as JSON writes it (``null``, ``true``, ``"3"``, ``[1, 2]``), cut to ``limit`` characters: a message
    about a JSON document speaks its language, not Python's (``None``, ``True``, ``'3'``)."""
    text = json.dumps(value, default=repr, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def json_kind(value: object) -> str:
    """What a JSON value is, in JSON's words: ``null``, ``true``, ``an array``, ``an object``, ``a string "x"``."""
    if value is None or isinstance(value, bool):
        return json_text(value)
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return f"an array of {len(value)} items"
    if isinstance(value, str):
        return f"a string {json_text(value)}"
    return f"a number {json_text(value)}" if isinstance(value, int | float) else type(value).__name__


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataFormatError(f"{where} is {json_text(value)}; expected a number")
    try:
        return float(value)
    except OverflowError:
        return float("inf")  # an integer too big for a float; the EQ's range check names it


def eq_from_data(doc: Mapping[str, Any], *, where: str = "EQ", name_key: str = "name") -> EQ:
    """The :class:`EQ` in ``doc`` (the shape :func:`eq_data` gives); a wrong shape -> :class:`DataFormatError`.

    ``units``, when present, must be :data:`UNITS`.  ``name_key``: the key naming each band's role
    (``"band"`` in version-1 JSON presets).  Values out of range raise the EQ's ``ParameterError``.
    """
    units = doc.get("units", UNITS)
    if units != UNITS:
        raise DataFormatError(f"{where} units are {str(units)[:80]}; expected {UNITS}")
    bands = doc.get("bands")
    if not isinstance(bands, list) or len(bands) != len(BAND_NAMES):
        raise DataFormatError(f"{where} \"bands\" must be an array of {len(BAND_NAMES)} objects "
                              f"({', '.join(BAND_NAMES)})")
    rows = named_band_values(bands, where=where, name_key=name_key)
    return EQ.from_array([rows[name] for name in BAND_NAMES])


def named_band_values(bands: list[Any], *, where: str = "EQ", name_key: str = "name") -> dict[str, list[float]]:
    """Band objects (:func:`bands_data`'s shape) -> ``{name: [gain_db, freq_hz, q]}``, each band name at most once.

    A wrong shape (not an object, an unknown or repeated name, a type that is not the band's, a missing or
    non-numeric value) -> :class:`DataFormatError` naming ``where bands[i]``; ranges are the EQ's to check.
    """
    rows: dict[str, list[float]] = {}
    for i, band in enumerate(bands):
        if not isinstance(band, dict):
            raise DataFormatError(f"{where} bands[{i}] must be an object, found {json_kind(band)}")
        name = band.get(name_key)
        if name_key not in band:  # said as such: "bands[0].name is 'None'" hid the band's other faults (a trial)
            raise DataFormatError(f"{where} bands[{i}] has no \"{name_key}\"; expected one of "
                                  f"{', '.join(BAND_NAMES)} (each at most once)")
        if name not in BAND_NAMES or name in rows:
            raise DataFormatError(f"{where} bands[{i}].{name_key} is {json_text(name)}; expected each of "
                                  f"{', '.join(BAND_NAMES)} at most once")
        kind = BAND_KINDS[BAND_NAMES.index(name)]
        if band.get("type", kind) != kind:
            raise DataFormatError(f"{where} bands[{i}].type is {json_text(band.get('type'))}; {name} is a {kind}")
        missing = [p for p in PARAM_NAMES if p not in band]
        if missing:
            raise DataFormatError(f"{where} bands[{i}] ({name}) lacks {', '.join(missing)}")
        rows[name] = [_number(band[p], f"{where} {name}.{p}") for p in PARAM_NAMES]
    return rows


# --- text -------------------------------------------------------------------------
def table_lines(eq: EQ) -> list[str]:
    """The EQ as an aligned table: a header and one line per band (``str(eq)`` and the CLI's table)."""
    lines = [f"{'band':<11} {'type':<11} {'gain (dB)':>9} {'freq (Hz)':>10} {'Q':>6}"]
    for name, b in zip(BAND_NAMES, eq.bands):
        # + 0.0 turns the -0.0 of a word at intensity 0 (and a match's -0.004 dB, rounded) into 0.0: "-0.00 dB" reads
        # as a cut
        gain_db = round(b.gain_db, 2) + 0.0
        lines.append(f"{name:<11} {b.kind.replace('_', ' '):<11} {gain_db:>+9.2f} {b.freq_hz:>10.1f} {b.q:>6.3f}")
    return lines


def one_line(params: EQ | np.ndarray) -> str:
    """An EQ (or ``(5, 3)`` parameters) on one line: ``LS +3.0 dB 105 Hz | PK -2.5 dB 1000 Hz Q1.41 | ...``."""
    rows = params.to_array() if isinstance(params, EQ) else np.asarray(params, dtype=np.float64)
    parts = []
    for kind, (gain_db, freq_hz, q) in zip(BAND_KINDS, rows):
        q_text = f" Q{q:.2f}" if kind == "peaking" else ""
        parts.append(f"{_SHORT_TYPE[kind]} {gain_db + 0.0:+.1f} dB {freq_hz:.0f} Hz{q_text}")
    return " | ".join(parts)


def hz_text(freq_hz: float) -> str:
    """A frequency as a person reads it in a sentence: ``"40 Hz"``, ``"3.9 kHz"``, ``"20 kHz"``."""
    if freq_hz < 1000.0:
        return f"{freq_hz:.0f} Hz"
    return f"{freq_hz / 1000.0:.1f}".rstrip("0").rstrip(".") + " kHz"
