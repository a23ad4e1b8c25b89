"""EQs as JSON for the web API: the 15 parameters with units and a magnitude response ready to plot.

A response body for one EQ looks like::

    {"model_id": "...", "words": ["warm", "bright"], "alpha": 0.3, "intensity": 1.0, "source": null, "notes": [],
     "units": {"gain_db": "dB", "freq_hz": "Hz", "q": "dimensionless"},
     "bands": [{"name": "low_shelf", "type": "low_shelf", "gain_db": 3.1, "freq_hz": 180.0, "q": 0.71}, ...],
     "vector": [15 numbers: (gain_db, freq_hz, q) per band],
     "response": {"sample_rate": 48000.0, "freqs_hz": [...], "db": [...]}}

The frequency grid never changes while the server runs, so it is computed (and its
JSON text rendered) once per app; only the dB values are computed per request.

Bodies are serialised with orjson (about 8x faster than ``json`` for these float-heavy
bodies, which matters at slider rate). orjson would write NaN as ``null``; no number here
can be NaN, because :class:`~eqmorph.core.eq.EQ` refuses non-finite parameters and the response
floors ``|H|^2``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson

from eqmorph.core import dsp, schema
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE, AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.eq import EQ
from eqmorph.errors import ParameterError

UNITS = schema.UNITS  # the one EQ schema's units (eqmorph.core.schema)
DB_DECIMALS = 4  # 1e-4 dB: far below what a plot or an ear resolves, and it halves the JSON size
FREQ_DECIMALS = 2  # grid frequencies in Hz as shown to clients


@dataclass(frozen=True)
class CurveGrid:
    """The log-frequency grid every response is evaluated on.

    ``freqs_hz`` has shape ``(n_points,)``, log-spaced from ``low_hz`` to ``high_hz``.
    """

    n_points: int = 128  # enough for a smooth curve at any plot width; Q 10 peaks stay visible
    sample_rate: float = ANALYSIS_SAMPLE_RATE  # Web Audio's usual rate, so the plot matches what the preview plays
    low_hz: float = AUDIBLE_LOW_HZ  # the audible range, as on every EQ plot
    high_hz: float = AUDIBLE_HIGH_HZ
    freqs_hz: np.ndarray = field(init=False, repr=False, compare=False)
    freqs_json: bytes = field(init=False, repr=False, compare=False)
    basis: np.ndarray = field(init=False, repr=False, compare=False)  # dsp.phi_basis of the grid, (3, n_points)

    def __post_init__(self) -> None:
        if isinstance(self.n_points, bool) or not isinstance(self.n_points, int) or not 8 <= self.n_points <= 4096:
            raise ParameterError("n_points", self.n_points, "an integer from 8 to 4096")
        sr = self.sample_rate
        if isinstance(sr, bool) or not isinstance(sr, int | float) or not math.isfinite(sr) or not sr >= 8000:
            raise ParameterError("sample_rate", sr, "a finite number of Hz >= 8000")
        if not 0 < self.low_hz < self.high_hz <= sr / 2:
            raise ParameterError("high_hz", self.high_hz, f"above low_hz and at most sample_rate / 2 ({sr / 2:g})")
        freqs = dsp.log_freq_grid(self.n_points, self.low_hz, self.high_hz)
        freqs.flags.writeable = False
        object.__setattr__(self, "freqs_hz", freqs)
        object.__setattr__(self, "basis", dsp.phi_basis(np, freqs, sr))
        object.__setattr__(self, "freqs_json", orjson.dumps(np.round(freqs, FREQ_DECIMALS).tolist()))

    def response_db(self, eq: EQ) -> np.ndarray:
        """Magnitude response of ``eq`` on the grid, ``(n_points,)`` values in dB rounded to 1e-4."""
        return self.responses_db(eq.to_array())

    def responses_db(self, params: np.ndarray) -> np.ndarray:
        """Magnitude responses of EQs ``(..., 5, 3)`` on the grid, ``(..., n_points)`` in dB rounded to 1e-4."""
        return np.round(dsp.basis_response_db_np(params, self.basis, self.sample_rate), DB_DECIMALS)

    def rows_responses_db(self, rows: list[list[list[float]]]) -> np.ndarray:
        """:meth:`responses_db` of EQs given as ``(n, 5, 3)`` nested lists: ``(n, n_points)`` in dB rounded to 1e-4."""
        return np.round(dsp.rows_response_db(rows, self.basis, self.sample_rate), DB_DECIMALS)

    def describe(self) -> dict[str, Any]:
        """The grid's settings (not its values) for ``/api/health``."""
        return {"n_points": self.n_points, "sample_rate": self.sample_rate, "low_hz": self.low_hz,
                "high_hz": self.high_hz}


bands_of = schema.bands_data  # the five bands as [{name, type, gain_db, freq_hz, q}, ...], the one EQ schema


def eq_body(eq: EQ, grid: CurveGrid, *, model_id: str, words: Sequence[str], intensity: float,
            alpha: float | None = None, weights: dict[str, float] | None = None,
            resolved: dict[str, list[tuple[str, float]]] | None = None, source: str | None = None,
            notes: Sequence[str] = (), response_db: np.ndarray | None = None) -> dict[str, Any]:
    """The JSON-ready description of one EQ and how it was made (see the module docstring).

    ``source``: the crowd whose words made it (None: both); ``notes``: sentences a client shows with the words
    (a crowd that never used one); ``response_db``: the EQ's response on ``grid`` when already computed (a
    batch), else computed here.
    """
    if response_db is None:
        response_db = grid.response_db(eq)
    body: dict[str, Any] = {
        "model_id": model_id,
        "words": list(words),
        "alpha": alpha,
        "intensity": intensity,
        "source": source,
        "notes": list(notes),
        "units": UNITS,
        "bands": bands_of(eq),
        "vector": eq.to_vector().tolist(),
        "response": {"sample_rate": grid.sample_rate, "freqs_hz": None, "db": response_db},
    }
    if weights is not None:
        body["weights"] = weights
    if resolved:
        body["resolved"] = {w: [[t, wt] for t, wt in parts] for w, parts in resolved.items()}
    return body


def morph_body(rows: list[list[float]], response_db: np.ndarray, grid: CurveGrid, *, model_id: str, a: str, b: str,
               alpha: float, intensity: float, source: str | None = None, notes: Sequence[str] = ()
               ) -> dict[str, Any]:
    """:func:`eq_body` of a morph whose EQ is given as its ``(5, 3)`` rows (nested lists, canonical order).

    The batch path of the morph endpoint: building an :class:`EQ` (five frozen dataclasses) for each
    answer cost as much as serialising it, for bands that are already valid and canonical. The
    bands are the schema's (:func:`eqmorph.core.schema.rows_data`).
    """
    return {
        "model_id": model_id,
        "words": [a, b],
        "alpha": alpha,
        "intensity": intensity,
        "source": source,
        "notes": list(notes),
        "units": UNITS,
        "bands": schema.rows_data(rows),
        "vector": [v for row in rows for v in row],
        "response": {"sample_rate": grid.sample_rate, "freqs_hz": None, "db": response_db},
    }


_FREQS_SLOT = b'"freqs_hz":null'


def render(body: dict[str, Any], grid: CurveGrid) -> bytes:
    """``body`` (or a dict holding such bodies) as compact JSON with the grid's frequencies filled in.

    The frequencies are the same for every answer, so their pre-rendered text replaces the
    ``null`` placeholder instead of being serialised again on each request.
    """
    return orjson.dumps(body, option=orjson.OPT_SERIALIZE_NUMPY).replace(_FREQS_SLOT, b'"freqs_hz":' + grid.freqs_json)
