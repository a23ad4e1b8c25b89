"""Response-curve CSVs: a frequency column and an EQ's gain in dB, read as a curve to fit into the 5 bands.

Two layouts a user brings:

- AutoEq's results CSV (``frequency,raw,error,smoothed,error_smoothed,equalization,parametric_eq,...``): its
  ``equalization`` column is the EQ curve its ``GraphicEQ.txt`` holds, so that column is read (then
  ``parametric_eq``, ``fixed_band_eq`` when it is empty);
- a hand-made or exported table ``frequency,gain_db`` (or ``freq``/``freq_hz``/``hz`` and ``gain``/``db``).

The curve is then what a ``GraphicEQ:`` line is (:class:`eqmorph.io.graphiceq.GraphicCurve`, checked the same way),
and importing it fits it as one (:mod:`eqmorph.io.layout`: its level is not known, as AutoEq's curves are lowered by
their largest boost). A table of a measurement alone (AutoEq's ``frequency,raw``: a headphone's response, not an EQ)
is refused naming the columns an EQ would be in: fitting a measurement as an EQ would add the headphone's own
response to the sound instead of correcting it.
"""

from __future__ import annotations

from eqmorph.errors import DataFormatError
from eqmorph.io.apo_filter import decimal_point, quote_short
from eqmorph.io.graphiceq import GraphicCurve, curve_from_points

FREQ_COLUMNS = ("frequency", "freq", "freq_hz", "frequency_hz", "hz")
# Columns holding an EQ's gain, the first one with values wins: AutoEq's EQ curve before its parametric and
# fixed-band approximations of it (their responses), then a plain table's names.
GAIN_COLUMNS = ("equalization", "parametric_eq", "fixed_band_eq", "gain_db", "gain", "db")
# A headphone's or speaker's response, or a target for it: what AutoEq measures, not the EQ it proposes.
MEASUREMENT_COLUMNS = ("raw", "smoothed", "error", "error_smoothed", "target", "equalized_raw", "equalized_smoothed")


def is_curve_header(header: list[str]) -> bool:
    """Whether a CSV header (cells stripped, lower case) is a curve's: its first column is a frequency."""
    return bool(header) and header[0] in FREQ_COLUMNS


def read_curve_rows(rows: list[list[str]], delimiter: str) -> GraphicCurve:
    """The curve of CSV ``rows`` (the header first) that :func:`is_curve_header`, separated by ``delimiter`` (with
    ``;`` a decimal comma is read, :func:`eqmorph.io.apo_filter.decimal_point`). :class:`DataFormatError` if no column
    is an EQ's gain (naming the columns allowed) or a row is not a frequency and a gain."""
    header = [c.strip().lower() for c in rows[0]]
    data = rows[1:]
    if not data:
        raise DataFormatError(f"CSV curve has no rows under its header {quote_short(','.join(rows[0]))}; expected a "
                              "frequency and a gain in dB on each row")
    column = next((header.index(name) for name in GAIN_COLUMNS if name in header and any(
        len(r) > header.index(name) and r[header.index(name)].strip() for r in data)), None)
    if column is None:
        found = quote_short(",".join(rows[0]))
        measured = [c for c in header if c in MEASUREMENT_COLUMNS]
        what = (f"a measurement or target ({', '.join(measured)}), not an EQ: AutoEq's results CSV holds the EQ in "
                "its 'equalization' column, or import its ParametricEQ.txt or GraphicEQ.txt") if measured else \
            "no column of an EQ's gain"
        raise DataFormatError(f"CSV header {found} is a frequency curve with {what}; expected a column named one of "
                              f"{', '.join(GAIN_COLUMNS)} (dB) beside the frequency column")
    points = []
    for n, row in enumerate(data, start=2):
        cells = [c.strip() for c in row]
        if len(cells) <= column or not cells[column]:
            raise DataFormatError(f"CSV row {n} {quote_short(','.join(row))}: no {header[column]} value; expected a "
                                  f"frequency and a gain in dB on every row")
        frequency, gain = (decimal_point(c, delimiter) for c in (cells[0], cells[column]))
        points.append((frequency, gain, f"{cells[0]} Hz, {cells[column]} dB (row {n})"))
    return curve_from_points(points, f"CSV column {header[column]!r}", "CSV curve", len(points), "CSV")


__all__ = ["FREQ_COLUMNS", "GAIN_COLUMNS", "MEASUREMENT_COLUMNS", "is_curve_header", "read_curve_rows"]
