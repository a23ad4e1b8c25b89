"""Preset files: eqmorph JSON, Equalizer APO / AutoEq text (:mod:`eqmorph.io.apo`), GraphicEQ, CSV, a table.

Every format names what it holds: JSON is the EQ schema of :mod:`eqmorph.core.schema` with
units, how the EQ was made and its preamp; APO text starts with a ``#`` line saying the same;
CSV ends with a ``preamp`` row.  The preamp written is :func:`eqmorph.core.preamp.preamp_db` (the
headroom the EQ needs), except when a preset is converted: then its own preamp is carried over
(``preamp=``), so the converted file plays exactly as loud as the original.
Reading takes a preset of any layout (:func:`import_preset`: exact when it fits, else fitted) and its
preamp: APO ``Preamp`` lines, JSON's ``preamp_db``, CSV's ``preamp`` row (0 dB when it has none), which
is what ``eqmorph apply --preset`` applies, as Equalizer APO does.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
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
    MAX_PREAMP_DB,
    MIN_PREAMP_DB,
    PREAMP_RULE,
    ApoFilter,
    ApoPreset,
    check_preamp,
    comment_line,
    decimal_point,
    exact_eq,
    from_apo,
    in_preamp_range,
    named_eq,
    parse_number,
    preamp_or_own,
    quote_short,
    to_apo,
)
from eqmorph.io.fileio import write_text_atomic
from eqmorph.io.graphiceq import to_graphiceq
from eqmorph.io.preset_text import MAX_PRESET_BYTES, read_preset_text  # noqa: F401  (importable here too)

if TYPE_CHECKING:
    from eqmorph.io.layout import ImportedPreset

FORMATS: tuple[str, ...] = ("json", "apo", "csv", "graphiceq", "table")
FILE_FORMATS: tuple[str, ...] = ("json", "apo", "csv", "graphiceq")  # table is for the screen: nothing reads it back
SUFFIX_FORMATS = {".json": "json", ".txt": "apo", ".apo": "apo", ".csv": "csv"}
# The one rule for a file's name and format: the file holds a format its name asks for (format_for_path). Equalizer
# APO text is either kind, parametric or GraphicEQ, as Equalizer APO plays both from any .txt/.apo; a name ending in
# "GraphicEQ" (AutoEq's "... GraphicEQ.txt") asks for the curve alone.  A name of no known extension takes any.
_HELD_BY_FORMAT = {"json": {"json"}, "csv": {"csv"}, "apo": {"apo", "graphiceq"}, "graphiceq": {"graphiceq"}}
_NAMES_FOR = {"json": "a .json name", "apo": "a .txt or .apo name", "csv": "a .csv name",
              "graphiceq": "a name ending in 'GraphicEQ.txt' (or .txt, .apo)"}
JSON_FORMAT = "eqmorph-eq"
JSON_VERSION = 2  # 2: bands keyed "name" (the schema's); version 1 ("band") is still read
# start: the preset edited; input, reference and amount: the recordings a match was made from, and its amount.
META_KEYS = ("words", "weights", "alpha", "intensity", "source", "input", "reference", "amount", "model_id", "start")

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
    for key in ("alpha", "intensity", "amount"):
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
    for key in ("model_id", "source", "start", "input", "reference"):
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
    input: str | None = None,
    reference: str | None = None,
    amount: float | None = None,
    preamp: float | None = None,
) -> str:
    """The EQ (:func:`eqmorph.core.schema.eq_data`) and how it was made as eqmorph JSON; floats written exactly.

    ``preamp_db`` is the EQ's preamp, or ``preamp`` when given (a converted preset's own).
    """
    meta = _check_meta({"words": words, "weights": weights, "alpha": alpha, "intensity": intensity,
                        "source": source, "model_id": model_id, "start": start, "input": input,
                        "reference": reference, "amount": amount})
    doc = {"format": JSON_FORMAT, "version": JSON_VERSION, **schema.eq_data(eq), **meta,
           "preamp_db": preamp_or_own(eq, preamp)}
    return json.dumps(doc, indent=2) + "\n"


def from_json(text: str) -> EQ:
    """Read eqmorph JSON (as written by :func:`to_json`, or version 1) or any object with its ``"bands"`` list: a
    hand-written ``{"bands": [...]}`` or an EQ answer of the web API (``/api/generate``, ``/api/morph``), whose
    other keys are ignored.  1 to 5 bands, as in :func:`from_csv`; the wrong shape -> :class:`DataFormatError`."""
    return _read_json(text)[0]


def _read_json(text: str) -> tuple[EQ, float]:
    """:func:`from_json`'s EQ and the document's ``preamp_db`` (0 dB without one, as a preset with no Preamp line)."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise DataFormatError(f"not valid JSON: {str(exc).splitlines()[0][:120]}") from exc
    if not isinstance(doc, dict):
        raise DataFormatError(f"JSON preset must be an object, found {type(doc).__name__}")
    expected = f'format "{JSON_FORMAT}" version {JSON_VERSION}, or an object with a "bands" list'
    if "format" in doc or "version" in doc:  # it says what it is: then it must be eqmorph's
        if doc.get("format") != JSON_FORMAT or doc.get("version") not in (1, JSON_VERSION):
            found = ", ".join(f"{key} {_json_value(doc[key])}" if key in doc else f"no {key}"
                              for key in ("format", "version"))
            raise DataFormatError(f"JSON preset has {found}; expected {expected}")
    elif "bands" not in doc:
        keys = ", ".join(_json_value(k) for k in list(doc)[:6]) or "none"
        raise DataFormatError(f"JSON holds no \"bands\" list (its keys: {keys}); expected {expected} "
                              "such as eqmorph's /api/generate answers")
    units = doc.get("units", schema.UNITS)
    if units != schema.UNITS:
        raise DataFormatError(f"JSON units are {str(units)[:80]}; expected {schema.UNITS}")
    name_key = "band" if doc.get("version") == 1 else "name"  # version 1 named the band's role "band"
    bands = doc.get("bands")
    other = "name" if name_key == "band" else "band"
    if isinstance(bands, list) and bands and all(isinstance(b, dict) and other in b and name_key not in b
                                                 for b in bands):
        # Each version keys the band's role differently: the key the file used tells which version it meant.
        raise DataFormatError(f'JSON says version {doc.get("version", 2)}, whose bands name their role '
                              f'"{name_key}", but its bands use "{other}" (version {1 if other == "band" else 2}\'s '
                              f'key); write "version": {1 if other == "band" else 2} or rename the key')

    if not isinstance(bands, list) or not 1 <= len(bands) <= len(BAND_NAMES):
        found = f"{len(bands)} items" if isinstance(bands, list) else type(bands).__name__
        raise DataFormatError(f"JSON \"bands\" must be a list of 1 to {len(BAND_NAMES)} band objects (each of "
                              f"{', '.join(BAND_NAMES)} at most once); found {found}")
    values = schema.named_band_values(bands, where="JSON", name_key=name_key)
    eq = _named_bands_eq([(name, row, f"JSON {name}") for name, row in values.items()])
    preamp = doc.get("preamp_db")
    return eq, 0.0 if preamp is None else _file_preamp(preamp, 'JSON "preamp_db"')


def _file_preamp(value: object, where: str) -> float:
    """A preamp read from a file (JSON's ``preamp_db``, CSV's ``preamp`` row): a number of dB from
    :data:`MIN_PREAMP_DB` to :data:`MAX_PREAMP_DB` (what apply plays), else :class:`DataFormatError` naming
    ``where``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not in_preamp_range(value):
        raise DataFormatError(f"{where} is {_json_value(value)}; expected {PREAMP_RULE} (0 dB when the file has "
                              "none)")
    return float(value)


def _json_value(value: object) -> str:
    """A value from a JSON document as JSON writes it (``null``, ``"x"``), cut short for a message."""
    return json.dumps(value)[:60]


def _named_bands_eq(rows: Sequence[tuple[str, Sequence[float], str]]) -> EQ:
    """The EQ of bands given by name ``(name, (gain_db, freq_hz, q), where)``, each name at most once.

    Bands left out are 0 dB, placed so that every given band keeps its name (:func:`eqmorph.io.apo.named_eq`).
    JSON and CSV name eqmorph's own bands, so a value outside its band's range is refused (:class:`ParameterError`
    naming ``where``), not fitted.
    """
    return named_eq({name: (list(values), where) for name, values, where in rows})


# --- CSV and table -----------------------------------------------------------
def to_csv(eq: EQ, *, preamp: float | None = None) -> str:
    """Header ``name,type,gain_db,freq_hz,q``, one row per band (floats exact), then a ``preamp`` row: the EQ's
    preamp, or ``preamp`` when given (a converted preset's own)."""
    return "\n".join([",".join(_CSV_HEADER), *_csv_rows(eq, preamp)]) + "\n"


def _csv_rows(eq: EQ, preamp: float | None) -> list[str]:
    # + 0.0 turns -0.0 (a word at intensity 0) into 0.0 and leaves every other float as it is.
    rows = [f"{d['name']},{d['type']},{d['gain_db'] + 0.0!r},{d['freq_hz']!r},{d['q']!r}"
            for d in schema.bands_data(eq)]
    rows.append(f"preamp,preamp,{preamp_or_own(eq, preamp) + 0.0!r},,")
    return rows


def from_csv(text: str) -> EQ:
    """Read the CSV :func:`to_csv` writes (``,`` or ``;`` separated, bands in any order, ``band`` header too).

    1 to 5 band rows, each band at most once; the bands left out are 0 dB (:func:`_named_bands_eq`).
    """
    return _read_csv(text)[0]


def _read_csv(text: str) -> tuple[EQ, float]:
    """:func:`from_csv`'s EQ and the ``preamp`` row's gain (0 dB without one, as a preset with no Preamp line)."""
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
    preamps = [(n, r) for n, r in enumerate(rows[1:], start=1) if r[0].strip() == "preamp"]
    if len(preamps) > 1:
        raise DataFormatError(f"CSV has {len(preamps)} preamp rows (rows {', '.join(str(n) for n, _ in preamps)}); "
                              "expected at most one")
    preamp = 0.0
    for n, row in preamps:
        cells = [c.strip() for c in row]
        if len(cells) < 3:
            raise DataFormatError(f"CSV row {n} {quote_short(','.join(row))}: expected 'preamp,preamp,<gain_db>,,'")
        preamp = _file_preamp(parse_number(decimal_point(cells[2], delimiter), "preamp", f"CSV row {n}"),
                              f"CSV row {n}: preamp")
    rows = [r for r in rows[1:] if r[0].strip() != "preamp"]
    if not rows:
        raise DataFormatError(f"CSV has no band rows; expected 1 to {len(BAND_NAMES)} rows (each of "
                              f"{', '.join(BAND_NAMES)} at most once)")
    bands: list[tuple[str, list[float], str]] = []
    for n, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if len(cells) != len(_CSV_HEADER) or cells[0] not in BAND_NAMES or cells[0] in (b[0] for b in bands):
            raise DataFormatError(f"CSV row {n} {quote_short(','.join(row))}: expected each of {BAND_NAMES} "
                                  "at most once, with a value in each column")
        kind = BAND_KINDS[BAND_NAMES.index(cells[0])]
        if cells[1] != kind:
            raise DataFormatError(f"CSV row {n}: type {quote_short(cells[1])}; {cells[0]} is a {kind}")
        bands.append((cells[0], [parse_number(decimal_point(c, delimiter), p, f"CSV row {n}")
                                 for c, p in zip(cells[2:], PARAM_NAMES)], f"CSV row {n}"))
    return _named_bands_eq(bands), preamp


def to_table(eq: EQ, *, preamp: float | None = None, preamp_is: str = "the preset's own", **meta: Any) -> str:
    """A readable, aligned table of the five bands, preceded by any ``words``/``alpha``/... given, then the preamp:
    the EQ's, or ``preamp`` when given (a converted preset's, with the EQ's beside it), labelled ``preamp_is``
    (:meth:`eqmorph.io.layout.ImportedPreset.describe_preamp`: a fitted curve's level is not the file's own)."""
    info = {k: v for k, v in _check_meta(meta).items() if v is not None}
    shown = {"words": ", ".join, "weights": lambda ws: ", ".join(f"{w}={v:g}" for w, v in ws.items())}
    lines = [f"{key}: {shown.get(key, str)(v)}" for key, v in info.items()]
    lines += schema.table_lines(eq)
    own = check_preamp(preamp)
    if own is None:
        lines.append(f"preamp for no clipping: {preamp_db(eq):.1f} dB")
    else:
        lines.append(f"preamp ({preamp_is}): {own:.1f} dB; for no clipping: {preamp_db(eq):.1f} dB")
    return "\n".join(lines) + "\n"


# --- one entry point for the CLI and the server -------------------------------
def format_eq(eq: EQ, format: str, *, preamp: float | None = None, preamp_is: str = "the preset's own",
              **meta: Any) -> str:
    """``eq`` as text in one of :data:`FORMATS`; ``meta`` (see :data:`META_KEYS`) goes into JSON, APO, GraphicEQ
    and table.  ``preamp``: the dB every format's preamp says instead of the EQ's own (a converted preset's, so the
    file plays as loud as the one it came from); None for the EQ's own.  ``preamp_is``: what that preamp is, as the
    table says it."""
    check_eq(eq)
    check_preamp(preamp)
    if format == "json":
        return to_json(eq, preamp=preamp, **meta)
    checked = _check_meta(meta)
    if format == "apo":
        return to_apo(eq, preamp=preamp, **checked)
    if format == "csv":
        return to_csv(eq, preamp=preamp)
    if format == "graphiceq":  # named as the APO text is: the file holds APO lines (Preamp, GraphicEQ) too
        return comment_line("eqmorph 5-band EQ as a GraphicEQ curve", checked) + "\n" + to_graphiceq(eq, preamp)
    if format == "table":
        return to_table(eq, preamp=preamp, preamp_is=preamp_is, **meta)
    raise ParameterError("format", format, ", ".join(FORMATS))


def format_eqs(eqs: Sequence[EQ], format: str, label: str = "EQ", **meta: Any) -> str:
    """Several EQs (a word's variations) as one text that stays valid in ``format``: CSV gets a first column
    ``variation`` (1, 2, ...) under one header, JSON is an array of the documents, and the formats of ``#``
    comments (APO, GraphicEQ, table) get a ``# {label} i of n`` line before each EQ."""
    if not eqs:
        raise ParameterError("eqs", eqs, "at least one EQ")
    if format == "csv":
        for eq in eqs:
            check_eq(eq)
        rows = [",".join(["variation", *_CSV_HEADER])]
        rows += [f"{i},{row}" for i, eq in enumerate(eqs, 1) for row in _csv_rows(eq, None)]
        return "\n".join(rows) + "\n"
    if format == "json":
        return json.dumps([json.loads(format_eq(eq, "json", **meta)) for eq in eqs], indent=2) + "\n"
    return "".join(f"# {label} {i} of {len(eqs)}\n" + format_eq(eq, format, **meta) for i, eq in enumerate(eqs, 1))


def format_for_path(path: str | Path) -> str | None:
    """The format a file name asks for: by extension (``.json``, ``.txt``/``.apo``, ``.csv``), None if unknown.

    A ``.txt`` whose name ends in ``GraphicEQ`` (AutoEq's ``... GraphicEQ.txt``) asks for graphiceq.
    """
    p = Path(path)
    kind = SUFFIX_FORMATS.get(p.suffix.lower())
    return "graphiceq" if kind == "apo" and p.stem.lower().endswith("graphiceq") else kind


def output_format(path: str | Path, format: str | None = None) -> str:
    """The format to write ``path`` in: ``format`` if given, else the one its name asks for.

    Refuses a folder, a name that asks for no format when none is given, ``table`` (a display format that nothing
    reads back), and a format the name does not ask for (``csv`` into ``warm.txt``, ``json`` into
    ``warm GraphicEQ.txt``: see :data:`_HELD_BY_FORMAT`).  Errors name this function's parameters (``path``,
    ``format``); the CLI renames them to the options the user typed (``-o``, ``--format``).
    """
    p = Path(path)
    if p.is_dir() or str(path).endswith(("/", "\\")):
        raise ParameterError("path", str(path), f"a file name, not a folder; e.g. {str(p / 'warm.txt')!r}")
    implied = format_for_path(p)
    if format is None:
        if implied is None:
            raise ParameterError("path", str(path), f"a file ending in {', '.join(SUFFIX_FORMATS)} "
                                 f"(or format={'|'.join(FILE_FORMATS)})")
        return implied
    if format not in FORMATS:
        raise ParameterError("format", format, ", ".join(FORMATS))
    if format not in FILE_FORMATS:
        raise ParameterError("format", format, f"{', '.join(FILE_FORMATS[:-1])} or {FILE_FORMATS[-1]} to write a "
                             f"file; {format} is for the screen only, as nothing reads it back")
    if implied is not None and format not in _HELD_BY_FORMAT[implied]:
        held = " or ".join(sorted(_HELD_BY_FORMAT[implied]))
        raise ParameterError("format", format, f"{held}, as the name {p.name!r} says; or {_NAMES_FOR[format]} "
                             f"for {format}")
    return format


def save_preset(path: str | Path, eq: EQ, format: str | None = None, *, preamp: float | None = None,
                **meta: Any) -> None:
    """Write ``eq`` to ``path`` atomically, in ``format`` or the one its name asks for (see :func:`output_format`);
    ``preamp`` as in :func:`format_eq`."""
    text = format_eq(eq, output_format(path, format), preamp=preamp, **meta)
    write_text_atomic(path, text, name="path")


def import_preset(path: str | Path) -> ImportedPreset:
    """Read a preset of any layout, its format told by extension (.json, .csv, .txt/.apo) or else by content.

    JSON (eqmorph's, a hand-written ``{"bands": [...]}`` or an API answer) and CSV name eqmorph's bands, 1 to 5 of
    them, and are kept exactly (bands left out are 0 dB, as in APO text); Equalizer APO / AutoEq text (parametric
    or GraphicEQ) is kept exactly when it fits the layout and fitted otherwise (:mod:`eqmorph.io.layout`).  The
    result's ``preamp_db`` is the preset's own (Preamp lines, ``preamp_db``, the ``preamp`` row; 0 without one).
    ``path`` must be a file's path (str or os.PathLike): anything else, or a folder, is a :class:`ParameterError`.
    """
    from eqmorph.io.layout import ImportedPreset, import_apo  # the response fit: only when reading presets

    if not isinstance(path, str | os.PathLike):  # bytes too: Path() would raise a bare TypeError
        raise ParameterError("path", path, "a preset file's path (str or os.PathLike)", wrong_type=True)
    try:
        p = Path(path)
    except TypeError:  # an os.PathLike whose __fspath__ gives bytes
        raise ParameterError("path", path, "a preset file's path (str or os.PathLike)", wrong_type=True) from None
    if p.is_dir():
        raise ParameterError("path", str(path), "a preset file, not a folder")
    text = read_preset_text(p)
    kind = SUFFIX_FORMATS.get(p.suffix.lower())
    if kind not in ("json", "csv"):
        head = text.lstrip().lower()
        kind = "json" if head.startswith("{") else "csv" if head.startswith(("band,", "name,")) else "apo"
    try:
        if kind == "json":
            return ImportedPreset(*_read_json(text), fitted=False)
        if kind == "csv":
            return ImportedPreset(*_read_csv(text), fitted=False)
        return import_apo(text, base_dir=p.parent)
    except ParameterError as exc:
        raise exc.renamed(f"{p}: {exc.name}") from exc
    except DataFormatError as exc:
        raise DataFormatError(f"{p}: {exc}") from exc


def load_preset(path: str | Path) -> EQ:
    """The EQ of a preset of any layout (:func:`import_preset` without the report)."""
    return import_preset(path).eq
