"""Band layout and parameter ranges: the one table, and the one path to model space.

eqmorph's EQ has five bands in fixed roles (low shelf, three peaking bands,
high shelf), each with ``(gain_db, freq_hz, q)``.  Arrays of EQs have shape
``(..., 5, 3)`` in physical units; flat vectors have shape ``(..., 15)`` in the
order ``(gain_db, freq_hz, q)`` per band.

Model space maps every parameter to about ``[-1, 1]``: gains linearly over
the gain range, frequencies and Qs on a log scale over their ranges.  The
shelf frequency ranges follow the SAFE plug-in (and therefore FlowEQ): low
shelf 22 Hz-1 kHz, high shelf 580 Hz-20 kHz, widened slightly to round
numbers; the peaking bands share the full audio range because they are kept
sorted by frequency.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np

BAND_NAMES: tuple[str, ...] = ("low_shelf", "peak1", "peak2", "peak3", "high_shelf")
BAND_KINDS: tuple[str, ...] = ("low_shelf", "peaking", "peaking", "peaking", "high_shelf")
PARAM_NAMES: tuple[str, ...] = ("gain_db", "freq_hz", "q")
N_BANDS = len(BAND_NAMES)
N_PARAMS = N_BANDS * len(PARAM_NAMES)
PEAK_SLICE = slice(1, 4)
# (6, 3) orders of the three peaking bands, the identity first: for pairing one EQ's peaks with another's.
PEAK_PERMS = np.array(list(itertools.permutations(range(3))))

DEFAULT_SHELF_Q = 0.71  # how SAFE and FlowEQ render shelves, which carry no Q in the data


@dataclass(frozen=True)
class ParamRange:
    """Closed range of one parameter, and whether model space is logarithmic."""

    low: float
    high: float
    unit: str
    log: bool

    def describe(self) -> str:
        return f"{self.low:g}..{self.high:g} {self.unit}".rstrip()


GAIN_DB = ParamRange(-24.0, 24.0, "dB", log=False)
Q = ParamRange(0.1, 10.0, "", log=True)
FREQ_HZ = {
    "low_shelf": ParamRange(20.0, 1000.0, "Hz", log=True),
    "peaking": ParamRange(20.0, 20000.0, "Hz", log=True),
    "high_shelf": ParamRange(500.0, 20000.0, "Hz", log=True),
}


def param_range(band: int, param: int) -> ParamRange:
    """Range of parameter ``param`` (0 gain, 1 freq, 2 q) of band ``band`` (0..4)."""
    if param == 0:
        return GAIN_DB
    if param == 1:
        return FREQ_HZ[BAND_KINDS[band]]
    return Q


def _table() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    low = np.empty((N_BANDS, 3))
    high = np.empty((N_BANDS, 3))
    log = np.empty((N_BANDS, 3), dtype=bool)
    for b in range(N_BANDS):
        for p in range(3):
            r = param_range(b, p)
            low[b, p], high[b, p], log[b, p] = r.low, r.high, r.log
    return low, high, log


LOW, HIGH, IS_LOG = _table()  # each (5, 3)
_LO_T = np.where(IS_LOG, np.log(np.where(IS_LOG, LOW, 1.0)), LOW)
_HI_T = np.where(IS_LOG, np.log(np.where(IS_LOG, HIGH, 1.0)), HIGH)


def to_model_space(params: np.ndarray) -> np.ndarray:
    """Physical ``(..., 5, 3)`` -> model space ``(..., 5, 3)`` in [-1, 1] for in-range values."""
    p = np.asarray(params, dtype=np.float64)
    t = np.where(IS_LOG, np.log(np.maximum(p, 1e-12)), p)
    return 2.0 * (t - _LO_T) / (_HI_T - _LO_T) - 1.0


def model_to_physical(xp: Any, x: Any) -> Any:
    """Model space ``(..., 5, 3)`` -> physical units, written once for numpy (``xp=np``) and torch (``xp=torch``).

    Differentiable in torch (the training losses use it); no clipping, see :func:`from_model_space`.
    """
    if xp is np:
        low, high, is_log = _LO_T, _HI_T, IS_LOG
    else:  # torch: constants as tensors of x's dtype and device
        low, high = (xp.as_tensor(v, dtype=x.dtype, device=x.device) for v in (_LO_T, _HI_T))
        is_log = xp.as_tensor(IS_LOG, device=x.device)
    t = (x + 1.0) * 0.5 * (high - low) + low
    return xp.where(is_log, xp.exp(t), t)


def from_model_space(x: np.ndarray) -> np.ndarray:
    """Model space ``(..., 5, 3)`` -> physical units ``(..., 5, 3)``; inverse of ``to_model_space``."""
    x = np.asarray(x, dtype=np.float64)
    # exp(log(20)) can land one rounding step outside the range; the ends must stay valid.
    return np.clip(model_to_physical(np, x), np.where(np.abs(x) <= 1.0, LOW, -np.inf),
                   np.where(np.abs(x) <= 1.0, HIGH, np.inf))


def clip_to_ranges(params: np.ndarray) -> np.ndarray:
    """Clip physical ``(..., 5, 3)`` parameters into their ranges."""
    return np.clip(np.asarray(params, dtype=np.float64), LOW, HIGH)


def flat_params(n: int | None = None) -> np.ndarray:
    """The flat EQ (all gains 0) with neutral frequencies: ``(5, 3)``, or ``(n, 5, 3)``."""
    base = np.array(
        [
            [0.0, 100.0, DEFAULT_SHELF_Q],
            [0.0, 300.0, 1.0],
            [0.0, 1000.0, 1.0],
            [0.0, 3000.0, 1.0],
            [0.0, 8000.0, DEFAULT_SHELF_Q],
        ]
    )
    return base if n is None else np.repeat(base[None], n, axis=0)
