"""SAFE-DB equaliser user data (Stables et al. 2014): the CSV FlowEQ (Steinmetz 2019) trains on.

The file has no header; the columns are, in order: entry, descriptor, ip_address, two unknown
fields, low-shelf gain and frequency, three peaking bands as gain, frequency, Q, high-shelf gain
and frequency, then user metadata (genre, instrument, location, experience, age, nationality,
hash): 25 in all.  Shelves carry no Q in the data; they get Q 0.71 as in FlowEQ.

Row policy: rows with the wrong number of columns, a missing or non-numeric parameter, or a value
outside :mod:`eqmorph.core.ranges` are skipped and counted by reason.  Values past a range bound by
float32 rounding only (the plug-in stores float32, e.g. Q 0.0999999) are clipped onto the bound.
Descriptors are normalised (:mod:`eqmorph.language.terms`) and split at commas (one row per
word); empty descriptors and the placeholders ``test``, ``test1``... and ``default``, which users
typed while trying the plug-in (136 ``test`` rows in the shared copy), are skipped and counted.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections import Counter
from pathlib import Path

import numpy as np

from eqmorph.core.ranges import DEFAULT_SHELF_Q, HIGH, LOW, N_BANDS, N_PARAMS
from eqmorph.datasets.dataset import EQDataset
from eqmorph.datasets.paths import find_dataset_file
from eqmorph.errors import DataFormatError
from eqmorph.language.terms import is_placeholder, split_descriptor

N_COLUMNS = 25
# Column of each (band, param) in a row; None: not in the data (shelf Q).
_LAYOUT = (
    (5, 6, None),  # low shelf: gain_db, freq_hz
    (7, 8, 9),  # peak 1: gain_db, freq_hz, q
    (10, 11, 12),  # peak 2
    (13, 14, 15),  # peak 3
    (16, 17, None),  # high shelf
)
_ROUNDING_TOLERANCE = 1e-5  # relative: float32 keeps about 7 significant digits
_SNIFF_BYTES = 8192


def load_safe(path: str | os.PathLike[str]) -> EQDataset:
    """SAFE-DB equaliser data as an :class:`EQDataset`.

    path: the CSV, a folder holding ``SAFEEqualiserUserData.csv``, or a data root holding ``safe/``.
    Raises :class:`DataFormatError` if the file is empty, binary, or has no row of 25 columns.
    """
    file = find_dataset_file(path, "safe")
    text = _read_text(file)
    skipped: Counter[str] = Counter()
    ids: list[str] = []
    terms: list[str] = []
    params: list[np.ndarray] = []
    rows_seen = well_formed = 0
    for line_no, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        if not row or all(not cell.strip() for cell in row):
            continue  # blank line, not a row
        rows_seen += 1
        if len(row) != N_COLUMNS:
            skipped["wrong column count"] += 1
            continue
        well_formed += 1
        parsed = _parse_params(row)
        if isinstance(parsed, str):
            skipped[parsed] += 1
            continue
        words = split_descriptor(row[1])
        kept = tuple(w for w in words if not is_placeholder(w))
        if not kept:
            skipped["placeholder descriptor" if words else "empty descriptor"] += 1
            continue
        base_id = f"safe_{row[0].strip() or f'line{line_no}'}"
        for k, word in enumerate(kept):
            ids.append(base_id if len(kept) == 1 else f"{base_id}#{k}")
            terms.append(word)
            params.append(parsed)
    if rows_seen == 0:
        raise DataFormatError(f"{str(file)!r} holds no rows: expected a SAFE-DB equaliser CSV")
    if well_formed == 0:
        raise DataFormatError(
            f"{str(file)!r} is not a SAFE-DB equaliser CSV: no row has the expected {N_COLUMNS} columns"
        )
    if not terms:
        reasons = ", ".join(f"{k} {v}" for k, v in skipped.most_common())
        raise DataFormatError(f"{str(file)!r} holds no usable SAFE rows (skipped: {reasons})")
    n = len(terms)
    return EQDataset(
        params=np.stack(params).reshape(n, N_PARAMS),
        terms=tuple(terms),
        source=("safe",) * n,
        lang=(None,) * n,
        weight=np.ones(n),
        ids=tuple(ids),
        fit_error_db=np.full(n, np.nan),
        skipped=dict(skipped),
    )


def _read_text(file: Path) -> str:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise DataFormatError(f"cannot read {str(file)!r}: {exc.strerror or exc}") from exc
    if not data.strip():
        raise DataFormatError(f"{str(file)!r} is empty: expected a SAFE-DB equaliser CSV")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise DataFormatError(f"{str(file)!r} is a binary file, not a SAFE-DB equaliser CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Descriptors typed in older tools may be Latin-1; every byte decodes, and the column check follows.
        return data.decode("latin-1")


def _parse_params(row: list[str]) -> str | np.ndarray:
    """``(5, 3)`` physical parameters, or the reason the row is skipped."""
    out = np.empty((N_BANDS, 3))
    for band, columns in enumerate(_LAYOUT):
        for param, col in enumerate(columns):
            if col is None:
                out[band, param] = DEFAULT_SHELF_Q
                continue
            cell = row[col].strip()
            if not cell:
                return "missing value"
            try:
                value = float(cell)
            except ValueError:
                return "non-numeric value"
            if not math.isfinite(value):
                return "non-numeric value"
            low, high = LOW[band, param], HIGH[band, param]
            tol = _ROUNDING_TOLERANCE
            if not low - tol * abs(low) <= value <= high + tol * abs(high):
                return "value out of range"
            out[band, param] = min(max(value, low), high)
    return out
