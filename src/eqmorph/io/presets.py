"""Preset files: eqmorph JSON, Equalizer APO / AutoEq text (see :mod:`eqmorph.io.apo`), CSV, and a readable table."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eqmorph.core.eq import EQ
from eqmorph.core.ranges import BAND_KINDS, BAND_NAMES, PARAM_NAMES
from eqmorph.errors import DataFormatError, ParameterError
from eqmorph.io.apo import (  # noqa: F401  (APO names stay importable from here, where users look first)
    APO_DECIMALS,
    MAX_INCLUDE_DEPTH,
    MAX_PRESET_BYTES,
    PREAMP_SAMPLE_RATES,
    ApoPreset,
    from_apo,
    max_response_db,
    parse_number,
    preamp_db,
    quote_short,
    read_preset_text,
    to_apo,
)
from eqmorph.io.fileio import write_text_atomic

FORMATS: tuple[str, ...] = ("json", "apo", "csv", "table")
SUFFIX_FORMATS = {".json": "json", ".txt": "apo", ".apo": "apo", ".csv": "csv"}
JSON_FORMAT = "eqmorph-eq"
JSON_VERSION = 1
META_KEYS = ("words", "weights", "alpha", "intensity", "model_id")

_CSV_HEADER = ["band", "type", "gain_db", "freq_hz", "q"]


# --- JSON --------------------------------------------------------------------
def _check_meta(meta: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(meta) - set(META_KEYS))
    if unknown:
        raise ParameterError("preset metadata", unknown[0], ", ".join(META_KEYS))
    out: dict[str, Any] = {key: meta.get(key) for key in META_KEYS}
    words = out["words"]
    if isinstance(words, str):
        out["words"] = [words]
    elif words is not None:
        if not (isinstance(words, Sequence) and all(isinstance(w, str) for w in words)):
            raise ParameterError("words", words, "a word or a list of words")
        out["words"] = list(words)
    for key in ("alpha", "intensity"):
        value = out[key]
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ParameterError(key, value, "a finite number or None")
            out[key] = float(value)
    weights = out["weights"]
    if weights is not None:
        if not (isinstance(weights, Mapping) and all(
                isinstance(w, str) and isinstance(v, int | float) and math.isfinite(v) for w, v in weights.items())):
            raise ParameterError("weights", weights, "a mapping of word -> finite number")
        out["weights"] = {w: float(v) for w, v in weights.items()}
    if out["model_id"] is not None and not isinstance(out["model_id"], str):
        raise ParameterError("model_id", out["model_id"], "a string or None")
    return out


def to_json(
    eq: EQ,
    *,
    words: str | Sequence[str] | None = None,
    weights: Mapping[str, float] | None = None,
    alpha: float | None = None,
    intensity: float | None = None,
    model_id: str | None = None,
) -> str:
    """The EQ and how it was made as eqmorph JSON; floats are written exactly."""
    meta = _check_meta({"words": words, "weights": weights, "alpha": alpha, "intensity": intensity,
                        "model_id": model_id})
    bands = [
        {"band": name, "type": b.kind, "gain_db": b.gain_db, "freq_hz": b.freq_hz, "q": b.q}
        for name, b in zip(BAND_NAMES, eq.bands)
    ]
    doc = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "units": {"gain_db": "dB", "freq_hz": "Hz", "q": "dimensionless"},
        "bands": bands,
        **meta,
        "preamp_db": preamp_db(eq),
    }
    return json.dumps(doc, indent=2) + "\n"


def _json_number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataFormatError(f"JSON {name} is {quote_short(json.dumps(value))}; expected a number")
    try:
        return float(value)
    except OverflowError:
        return math.inf  # an integer too big for a float; the EQ's range check names it


def from_json(text: str) -> EQ:
    """Read eqmorph JSON (as written by :func:`to_json`); the wrong shape -> :class:`DataFormatError`."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise DataFormatError(f"not valid JSON: {str(exc).splitlines()[0][:120]}") from exc
    if not isinstance(doc, dict):
        raise DataFormatError(f"JSON preset must be an object, found {type(doc).__name__}")
    if doc.get("format") != JSON_FORMAT or doc.get("version") != JSON_VERSION:
        found = f"format {doc.get('format')!r:.60} version {doc.get('version')!r:.20}"
        raise DataFormatError(f"JSON preset has {found}; expected format {JSON_FORMAT!r} version {JSON_VERSION}")
    bands = doc.get("bands")
    if not isinstance(bands, list) or len(bands) != len(BAND_NAMES):
        raise DataFormatError(f"JSON 'bands' must be a list of {len(BAND_NAMES)} objects ({', '.join(BAND_NAMES)})")
    rows: dict[str, list[float]] = {}
    for i, band in enumerate(bands):
        if not isinstance(band, dict):
            raise DataFormatError(f"JSON bands[{i}] must be an object, found {type(band).__name__}")
        name = band.get("band")
        if name not in BAND_NAMES or name in rows:
            raise DataFormatError(f"JSON bands[{i}].band is {quote_short(repr(name))}; expected each of {BAND_NAMES}")
        kind = BAND_KINDS[BAND_NAMES.index(name)]
        if band.get("type", kind) != kind:
            raise DataFormatError(f"JSON bands[{i}].type is {quote_short(repr(band.get('type')))}; {name} is a {kind}")
        missing = [p for p in PARAM_NAMES if p not in band]
        if missing:
            raise DataFormatError(f"JSON bands[{i}] ({name}) lacks {', '.join(missing)}")
        rows[name] = [_json_number(band[p], f"{name}.{p}") for p in PARAM_NAMES]
    return EQ.from_array([rows[name] for name in BAND_NAMES])


# --- CSV and table -----------------------------------------------------------
def to_csv(eq: EQ) -> str:
    """Header ``band,type,gain_db,freq_hz,q`` and one row per band; floats are written exactly."""
    rows = [",".join(_CSV_HEADER)]
    rows += [f"{name},{b.kind},{b.gain_db!r},{b.freq_hz!r},{b.q!r}" for name, b in zip(BAND_NAMES, eq.bands)]
    return "\n".join(rows) + "\n"


def from_csv(text: str) -> EQ:
    """Read the CSV :func:`to_csv` writes (``,`` or ``;`` separated, bands in any order)."""
    first = text.lstrip().split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    try:
        rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise DataFormatError(f"not valid CSV: {exc}") from exc
    if not rows or [c.strip().lower() for c in rows[0]] != _CSV_HEADER:
        found = quote_short(",".join(rows[0])) if rows else "nothing"
        raise DataFormatError(f"CSV header must be {','.join(_CSV_HEADER)!r}, found {found}")
    if len(rows) != 1 + len(BAND_NAMES):
        raise DataFormatError(f"CSV must have {len(BAND_NAMES)} band rows, found {len(rows) - 1}")
    params: dict[str, list[float]] = {}
    for n, row in enumerate(rows[1:], start=1):
        cells = [c.strip() for c in row]
        if len(cells) != len(_CSV_HEADER) or cells[0] not in BAND_NAMES or cells[0] in params:
            raise DataFormatError(f"CSV row {n} {quote_short(','.join(row))}: expected each of {BAND_NAMES} once")
        kind = BAND_KINDS[BAND_NAMES.index(cells[0])]
        if cells[1] != kind:
            raise DataFormatError(f"CSV row {n}: type {quote_short(cells[1])}; {cells[0]} is a {kind}")
        params[cells[0]] = [parse_number(c, p, f"CSV row {n}") for c, p in zip(cells[2:], PARAM_NAMES)]
    return EQ.from_array([params[name] for name in BAND_NAMES])


def to_table(eq: EQ, **meta: Any) -> str:
    """A readable, aligned table of the five bands, preceded by any ``words``/``alpha``/... given."""
    info = {k: v for k, v in _check_meta(meta).items() if v is not None}
    lines = [f"{key}: {', '.join(v) if key == 'words' else v}" for key, v in info.items()]
    lines.append(f"{'band':<11} {'type':<11} {'gain (dB)':>9} {'freq (Hz)':>10} {'Q':>6}")
    for name, b in zip(BAND_NAMES, eq.bands):
        lines.append(f"{name:<11} {b.kind.replace('_', ' '):<11} {b.gain_db:>+9.2f} {b.freq_hz:>10.1f} {b.q:>6.3f}")
    lines.append(f"preamp for no clipping: {preamp_db(eq):.1f} dB")
    return "\n".join(lines) + "\n"


# --- one entry point for the CLI and the server -------------------------------
def format_eq(eq: EQ, format: str, **meta: Any) -> str:
    """``eq`` as text in one of :data:`FORMATS`; ``meta`` (see :data:`META_KEYS`) goes into JSON/table."""
    if format == "json":
        return to_json(eq, **meta)
    _check_meta(meta)
    if format == "apo":
        return to_apo(eq)
    if format == "csv":
        return to_csv(eq)
    if format == "table":
        return to_table(eq, **meta)
    raise ParameterError("format", format, ", ".join(FORMATS))


def format_for_path(path: str | Path) -> str:
    """The format a file name asks for by its extension (``.json``, ``.txt``/``.apo``, ``.csv``)."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise ParameterError("format", None, f"--format {'|'.join(FORMATS)}, or a file ending in "
                             f"{', '.join(SUFFIX_FORMATS)} (got {str(path)!r})")
    return SUFFIX_FORMATS[suffix]


def save_preset(path: str | Path, eq: EQ, format: str | None = None, **meta: Any) -> None:
    """Write ``eq`` to ``path`` atomically, in ``format`` or the one its extension names."""
    write_text_atomic(path, format_eq(eq, format or format_for_path(path), **meta))


def load_preset(path: str | Path) -> EQ:
    """Read a preset, its format told by extension (.json, .csv, .apo) or else by content."""
    p = Path(path)
    text = read_preset_text(p)
    kind = SUFFIX_FORMATS.get(p.suffix.lower())
    if kind not in ("json", "csv"):
        head = text.lstrip()
        kind = "json" if head.startswith("{") else "csv" if head.lower().startswith("band,") else "apo"
    try:
        if kind == "json":
            return from_json(text)
        if kind == "csv":
            return from_csv(text)
        return from_apo(text, base_dir=p.parent).eq
    except ParameterError as exc:
        raise ParameterError(f"{p}: {exc.name}", exc.value, exc.allowed) from exc
    except DataFormatError as exc:
        raise DataFormatError(f"{p}: {exc}") from exc
