"""CSV presets: a header ``name,type,gain_db,freq_hz,q``, one row per band (floats written exactly), a ``preamp`` row,
and an ``eqmorph`` row saying how the EQ was made when that is known (``eqmorph,"match of a.wav to b.wav; ...",,,``:
what the ``# eqmorph ...`` line of APO text says, :func:`eqmorph.io.apo.describe_origin`).

Reading takes ``,`` or ``;`` as the separator (a decimal comma with ``;``), bands in any order and the older ``band``
header; 1 to 5 of eqmorph's bands, each kept exactly, and the preamp row's gain (0 dB without one). The ``eqmorph``
row is a note (:func:`origin_cell`, read by :mod:`eqmorph.io.provenance`); a CSV without one (every CSV written
before 2026-12) reads as before. A CSV whose first column is a frequency is a response curve instead (AutoEq's results,
``frequency,gain_db``: :mod:`eqmorph.io.curve_csv`), which importing fits (:func:`curve_of_csv`).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from eqmorph.core import schema
from eqmorph.core.eq import EQ
from eqmorph.core.ranges import BAND_KINDS, BAND_NAMES, PARAM_NAMES
from eqmorph.errors import DataFormatError
from eqmorph.io.apo import decimal_point, describe_origin, parse_number, preamp_or_own, quote_short
from eqmorph.io.curve_csv import FREQ_COLUMNS, is_curve_header, read_curve_rows
from eqmorph.io.graphiceq import GraphicCurve
from eqmorph.io.placement import named_eq
from eqmorph.io.preset_json import file_preamp

CSV_HEADER = list(schema.BAND_KEYS)
ORIGIN_ROW = "eqmorph"  # the name of the row saying how eqmorph made the EQ


def to_csv(eq: EQ, *, preamp: float | None = None, **meta: Any) -> str:
    """Header ``name,type,gain_db,freq_hz,q``, one row per band (floats exact), then a ``preamp`` row: the EQ's
    preamp, or ``preamp`` when given (a converted preset's own); then, when ``meta`` (checked
    :data:`~eqmorph.io.preset_json.META_KEYS`) says anything, an ``eqmorph`` row saying how the EQ was made, as APO
    text's first line does: a match stays known as one, whose level describe leaves out (a new-user trial: the page's
    CSV of a match was described as "very loud, very thin", its APO file level-free)."""
    rows = [",".join(CSV_HEADER), *csv_rows(eq, preamp)]
    origin = describe_origin(meta)
    if origin:
        rows.append(f'{ORIGIN_ROW},"{origin.replace(chr(34), chr(34) * 2)}",,,')  # quoted: words hold commas
    return "\n".join(rows) + "\n"


def csv_rows(eq: EQ, preamp: float | None) -> list[str]:
    """The band rows and the ``preamp`` row of :func:`to_csv`, without the header (``format_eqs`` numbers them)."""
    # + 0.0 turns -0.0 (a word at intensity 0) into 0.0 and leaves every other float as it is.
    rows = [f"{d['name']},{d['type']},{d['gain_db'] + 0.0!r},{d['freq_hz']!r},{d['q']!r}"
            for d in schema.bands_data(eq)]
    rows.append(f"preamp,preamp,{preamp_or_own(eq, preamp) + 0.0!r},,")
    return rows


def from_csv(text: str) -> EQ:
    """Read the CSV :func:`to_csv` writes (``,`` or ``;`` separated, bands in any order, ``band`` header too).

    1 to 5 band rows, each band at most once; the bands left out are 0 dB (:func:`eqmorph.io.placement.named_eq`).
    """
    return read_csv(text)[0]


def origin_cell(text: str) -> str | None:
    """What a CSV preset's ``eqmorph`` row says of how the EQ was made (``"match of a.wav to b.wav; model ..."``), or
    None: no such row, or not CSV that reads."""
    try:
        rows, _ = _rows(text)
    except DataFormatError:
        return None
    said = [r for r in rows[1:] if r[0].strip().lower() == ORIGIN_ROW and len(r) > 1]
    return said[0][1].strip() if said else None


def _rows(text: str) -> tuple[list[list[str]], str]:
    """The non-blank rows of a CSV text and its delimiter (``;`` when the first line has it and no ``,``)."""
    first = text.lstrip().split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    try:
        return [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)], delimiter
    except csv.Error as exc:
        raise DataFormatError(f"not valid CSV: {exc}") from exc


def curve_of_csv(text: str) -> GraphicCurve | None:
    """The response curve of a CSV whose first column is a frequency (AutoEq's results, ``frequency,gain_db``:
    :mod:`eqmorph.io.curve_csv`), to be fitted; None for any other CSV (a band CSV, read by :func:`read_csv`)."""
    rows, delimiter = _rows(text)
    if not rows or not is_curve_header([c.strip().lower() for c in rows[0]]):
        return None
    return read_curve_rows(rows, delimiter)


def read_csv(text: str) -> tuple[EQ, float]:
    """:func:`from_csv`'s EQ and the ``preamp`` row's gain (0 dB without one, as a preset with no Preamp line).

    The ``eqmorph`` row (how the EQ was made) is no band: left for :func:`origin_cell`."""
    rows, delimiter = _rows(text)
    if not rows:  # as an empty APO or JSON preset is said: more likely a failed save than a flat EQ
        raise DataFormatError("the preset is empty: no CSV header or rows (only blank lines)")
    header = [c.strip().lower() for c in rows[0]]
    if header[:1] == ["band"]:  # files written before the schema named the column "name"
        header[0] = "name"
    if header != CSV_HEADER:
        raise DataFormatError(f"CSV header must be {','.join(CSV_HEADER)!r} (bands), or a frequency column "
                              f"({'/'.join(FREQ_COLUMNS[:2])}) and a gain column (a curve, fitted), found "
                              f"{quote_short(','.join(rows[0]))}")
    preamps = [(n, r) for n, r in enumerate(rows[1:], start=1) if r[0].strip().lower() == "preamp"]
    if len(preamps) > 1:
        raise DataFormatError(f"CSV has {len(preamps)} preamp rows (rows {', '.join(str(n) for n, _ in preamps)}); "
                              "expected at most one")
    preamp = 0.0
    for n, row in preamps:
        cells = [c.strip() for c in row]
        if len(cells) < 3:
            raise DataFormatError(f"CSV row {n} {quote_short(','.join(row))}: expected 'preamp,preamp,<gain_db>,,'")
        preamp = file_preamp(parse_number(decimal_point(cells[2], delimiter), "preamp", f"CSV row {n}"),
                             f"CSV row {n}: preamp")
    rows = [r for r in rows[1:] if r[0].strip().lower() not in ("preamp", ORIGIN_ROW)]
    if not rows:
        raise DataFormatError(f"CSV has no band rows; expected 1 to {len(BAND_NAMES)} rows (each of "
                              f"{', '.join(BAND_NAMES)} at most once)")
    bands: dict[str, tuple[list[float], str]] = {}
    for n, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        cells[:2] = [c.lower() for c in cells[:2]]  # names and types in any case ("PEAK1,Peaking"), as the header
        if len(cells) != len(CSV_HEADER) or cells[0] not in BAND_NAMES or cells[0] in bands:
            raise DataFormatError(f"CSV row {n} {quote_short(','.join(row))}: expected each of "
                                  f"{', '.join(BAND_NAMES)} (any case) at most once, with a value in each column")
        kind = BAND_KINDS[BAND_NAMES.index(cells[0])]
        if cells[1] != kind:
            raise DataFormatError(f"CSV row {n}: type {quote_short(cells[1])}; {cells[0]} is a {kind}")
        bands[cells[0]] = ([parse_number(decimal_point(c, delimiter), p, f"CSV row {n}")
                            for c, p in zip(cells[2:], PARAM_NAMES)], f"CSV row {n}")
    # CSV names eqmorph's own bands: a value outside its band's range is refused (naming its row), not fitted.
    return named_eq(bands), preamp
