"""Preset files: eqmorph JSON, Equalizer APO / AutoEq text (:mod:`eqmorph.io.apo`), GraphicEQ, CSV, a table.

Every format names what it holds: JSON is the EQ schema of :mod:`eqmorph.core.schema` with
units, how the EQ was made and its preamp; APO text starts with a ``#`` line saying the same;
CSV ends with a ``preamp`` row.  The preamp is :func:`eqmorph.core.preamp.preamp_db` everywhere.
Reading takes a preset of any layout (:func:`import_preset`: exact when it fits, else fitted).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eqmorph.core import schema
from eqmorph.core.eq import EQ, check_eq
from eqmorph.core.preamp import preamp_db
from eqmorph.core.ranges import BAND_KINDS, BAND_NAMES, PARAM_NAMES
from eqmorph.errors import DataFormatError, ParameterError
from eqmorph.io.apo import (  # noqa: F401  (APO names stay importable from here, where users look first)
    APO_DECIMALS,
    MAX_INCLUDE_DEPTH,
    MAX_PRESET_BYTES,
    ApoPreset,
    comment_line,
    from_apo,
    parse_number,
    quote_short,
    read_preset_text,
    to_apo,
)
from eqmorph.io.fileio import write_text_atomic
from eqmorph.io.graphiceq import to_graphiceq

if TYPE_CHECKING:
    from eqmorph.io.layout import ImportedPreset

FORMATS: tuple[str, ...] = ("json", "apo", "csv", "graphiceq", "table")
SUFFIX_FORMATS = {".json": "json", ".txt": "apo", ".apo": "apo", ".csv": "csv"}
# What each extension may hold: .txt is any text, .apo either kind of Equalizer APO text.
_ALLOWED_BY_SUFFIX = {".json": {"json"}, ".csv": {"csv"}, ".apo": {"apo", "graphiceq"}, ".txt": set(FORMATS)}
JSON_FORMAT = "eqmorph-eq"
JSON_VERSION = 2  # 2: bands keyed "name" (the schema's); version 1 ("band") is still read
META_KEYS = ("words", "weights", "alpha", "intensity", "source", "model_id", "start")  # start: the preset edited

_CSV_HEADER = list(schema.BAND_KEYS)


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
    for key in ("model_id", "source", "start"):
        if out[key] is not None and not isinstance(out[key], str):
            raise ParameterError(key, out[key], "a string or None")
    return out


def to_json(
    eq: EQ,
    *,
    words: str | Sequence[str] | None = None,
    weights: Mapping[str, float] | None = None,
    alpha: float | None = None,
    intensity: float | None = None,
    source: str | None = None,
    model_id: str | None = None,
    start: str | None = None,
) -> str:
    """The EQ (:func:`eqmorph.core.schema.eq_data`) and how it was made as eqmorph JSON; floats written exactly."""
    meta = _check_meta({"words": words, "weights": weights, "alpha": alpha, "intensity": intensity,
                        "source": source, "model_id": model_id, "start": start})
    doc = {"format": JSON_FORMAT, "version": JSON_VERSION, **schema.eq_data(eq), **meta, "preamp_db": preamp_db(eq)}
    return json.dumps(doc, indent=2) + "\n"


def from_json(text: str) -> EQ:
    """Read eqmorph JSON (as written by :func:`to_json`, or version 1); the wrong shape -> :class:`DataFormatError`."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise DataFormatError(f"not valid JSON: {str(exc).splitlines()[0][:120]}") from exc
    if not isinstance(doc, dict):
        raise DataFormatError(f"JSON preset must be an object, found {type(doc).__name__}")
    if doc.get("format") != JSON_FORMAT or doc.get("version") not in (1, JSON_VERSION):
        found = f"format {doc.get('format')!r:.60} version {doc.get('version')!r:.20}"
        raise DataFormatError(f"JSON preset has {found}; expected format {JSON_FORMAT!r} version {JSON_VERSION}")
    legacy = doc["version"] == 1  # version 1 named the band's role "band"
    return schema.eq_from_data(doc, where="JSON", name_key="band" if legacy else "name")


# --- CSV and table -----------------------------------------------------------
def to_csv(eq: EQ) -> str:
    """Header ``name,type,gain_db,freq_hz,q``, one row per band (floats exact), then a ``preamp`` row."""
    rows = [",".join(_CSV_HEADER)]
    rows += [f"{d['name']},{d['type']},{d['gain_db']!r},{d['freq_hz']!r},{d['q']!r}" for d in schema.bands_data(eq)]
    rows.append(f"preamp,preamp,{preamp_db(eq)!r},,")
    return "\n".join(rows) + "\n"


def from_csv(text: str) -> EQ:
    """Read the CSV :func:`to_csv` writes (``,`` or ``;`` separated, bands in any order, ``band`` header too)."""
    first = text.lstrip().split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    try:
        rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise DataFormatError(f"not valid CSV: {exc}") from exc
    header = [c.strip().lower() for c in rows[0]] if rows else []
    if header[:1] == ["band"]:  # files written before the schema named the column "name"
        header[0] = "name"
    if header != _CSV_HEADER:
        found = quote_short(",".join(rows[0])) if rows else "nothing"
        raise DataFormatError(f"CSV header must be {','.join(_CSV_HEADER)!r}, found {found}")
    rows = [r for r in rows[1:] if r[0].strip() != "preamp"]  # written for players; the EQ's own is recomputed
    if len(rows) != len(BAND_NAMES):
        raise DataFormatError(f"CSV must have {len(BAND_NAMES)} band rows, found {len(rows)}")
    params: dict[str, list[float]] = {}
    for n, row in enumerate(rows, start=1):
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
    shown = {"words": ", ".join, "weights": lambda ws: ", ".join(f"{w}={v:g}" for w, v in ws.items())}
    lines = [f"{key}: {shown.get(key, str)(v)}" for key, v in info.items()]
    lines += schema.table_lines(eq)
    lines.append(f"preamp for no clipping: {preamp_db(eq):.1f} dB")
    return "\n".join(lines) + "\n"


# --- one entry point for the CLI and the server -------------------------------
def format_eq(eq: EQ, format: str, **meta: Any) -> str:
    """``eq`` as text in one of :data:`FORMATS`; ``meta`` (see :data:`META_KEYS`) goes into JSON, APO, GraphicEQ
    and table."""
    check_eq(eq)
    if format == "json":
        return to_json(eq, **meta)
    checked = _check_meta(meta)
    if format == "apo":
        return to_apo(eq, **checked)
    if format == "csv":
        return to_csv(eq)
    if format == "graphiceq":  # named as the APO text is: the file holds APO lines (Preamp, GraphicEQ) too
        return comment_line("eqmorph 5-band EQ as a GraphicEQ curve", checked) + "\n" + to_graphiceq(eq)
    if format == "table":
        return to_table(eq, **meta)
    raise ParameterError("format", format, ", ".join(FORMATS))


def format_for_path(path: str | Path) -> str | None:
    """The format a file name asks for: by extension (``.json``, ``.txt``/``.apo``, ``.csv``), None if unknown.

    A ``.txt`` whose name ends in ``GraphicEQ`` (AutoEq's ``... GraphicEQ.txt``) asks for graphiceq.
    """
    p = Path(path)
    kind = SUFFIX_FORMATS.get(p.suffix.lower())
    return "graphiceq" if kind == "apo" and p.stem.lower().endswith("graphiceq") else kind


def output_format(path: str | Path, format: str | None = None) -> str:
    """The format to write ``path`` in: ``format`` if given, else the one its name asks for.

    Refuses a folder, a name that asks for no format when none is given, and a clear conflict
    (format ``apo`` into ``warm.json``).  Errors name this function's parameters (``path``, ``format``);
    the CLI renames them to the options the user typed (``-o``, ``--format``).
    """
    p = Path(path)
    if p.is_dir() or str(path).endswith(("/", "\\")):
        raise ParameterError("path", str(path), f"a file name, not a folder; e.g. {str(p / 'warm.txt')!r}")
    implied = format_for_path(p)
    if format is None:
        if implied is None:
            raise ParameterError("path", str(path), f"a file ending in {', '.join(SUFFIX_FORMATS)} "
                                 f"(or format={'|'.join(FORMATS)})")
        return implied
    if format not in FORMATS:
        raise ParameterError("format", format, ", ".join(FORMATS))
    if implied is not None and format not in _ALLOWED_BY_SUFFIX[p.suffix.lower()]:
        raise ParameterError("format", format, f"{implied}, as the name {p.name!r} says; or a path whose "
                             f"name fits {format}")
    return format


def save_preset(path: str | Path, eq: EQ, format: str | None = None, **meta: Any) -> None:
    """Write ``eq`` to ``path`` atomically, in ``format`` or the one its name asks for (see :func:`output_format`)."""
    text = format_eq(eq, output_format(path, format), **meta)
    write_text_atomic(path, text, name="path")


def import_preset(path: str | Path) -> ImportedPreset:
    """Read a preset of any layout, its format told by extension (.json, .csv, .txt/.apo) or else by content.

    eqmorph JSON and CSV hold the 5-band layout; Equalizer APO / AutoEq text (parametric or
    GraphicEQ) is kept exactly when it fits the layout and fitted otherwise (:mod:`eqmorph.io.layout`).
    """
    from eqmorph.io.layout import ImportedPreset, import_apo  # the response fit: only when reading presets

    p = Path(path)
    text = read_preset_text(p)
    kind = SUFFIX_FORMATS.get(p.suffix.lower())
    if kind not in ("json", "csv"):
        head = text.lstrip().lower()
        kind = "json" if head.startswith("{") else "csv" if head.startswith(("band,", "name,")) else "apo"
    try:
        if kind == "json":
            return ImportedPreset(from_json(text), 0.0, fitted=False)
        if kind == "csv":
            return ImportedPreset(from_csv(text), 0.0, fitted=False)
        return import_apo(text, base_dir=p.parent)
    except ParameterError as exc:
        raise exc.renamed(f"{p}: {exc.name}") from exc
    except DataFormatError as exc:
        raise DataFormatError(f"{p}: {exc}") from exc


def load_preset(path: str | Path) -> EQ:
    """The EQ of a preset of any layout (:func:`import_preset` without the report)."""
    return import_preset(path).eq
