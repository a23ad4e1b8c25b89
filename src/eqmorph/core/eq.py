"""The EQ type: five bands in fixed roles, validated against the range table."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.ranges import (
    BAND_KINDS,
    BAND_NAMES,
    DEFAULT_SHELF_Q,
    HIGH,
    LOW,
    N_BANDS,
    N_PARAMS,
    PARAM_NAMES,
    PEAK_SLICE,
    flat_params,
    from_model_space,
    param_range,
    to_model_space,
)
from eqmorph.errors import ParameterError


@dataclass(frozen=True)
class Band:
    """One filter of the EQ."""

    kind: str  # "low_shelf", "peaking" or "high_shelf"
    gain_db: float
    freq_hz: float
    q: float

    def __post_init__(self) -> None:
        # Refused only once put into an EQ until a new-user trial (2026-12-04): Band("notch", ...) was made silently.
        # The ranges are the EQ's to check, where the band's place is known.
        if self.kind not in BAND_KINDS:
            raise ParameterError("kind", self.kind, " or ".join(dict.fromkeys(BAND_KINDS)))


def check_flag(name: str, value: bool) -> bool:
    """``value`` if it is True or False, else :class:`ParameterError`: ``"no"`` or ``"false"`` are truthy and would
    mean yes (``auto_gain``, ``level_free``)."""
    if not isinstance(value, bool | np.bool_):
        raise ParameterError(name, value, "True or False", wrong_type=True)
    return bool(value)


def canonical_array(params: np.ndarray) -> np.ndarray:
    """Sort the three peaking bands by frequency so one sound has one representation.

    params: ``(..., 5, 3)``; returns a sorted copy of the same shape.
    """
    p = np.array(params, dtype=np.float64, copy=True)
    f = p[..., PEAK_SLICE, 1]
    if np.all(f[..., :-1] <= f[..., 1:]):
        return p  # already sorted, the usual case for decoder output: skip the gather
    peaks = p[..., PEAK_SLICE, :]
    order = np.argsort(peaks[..., 1], axis=-1, kind="stable")
    p[..., PEAK_SLICE, :] = np.take_along_axis(peaks, order[..., None], axis=-2)
    return p


def check_params(params: np.ndarray) -> None:
    """Raise :class:`ParameterError` naming band, parameter, value and range if any is invalid.

    params: ``(5, 3)`` in physical units.
    """
    if np.isfinite(params).all() and (params >= LOW).all() and (params <= HIGH).all():
        return  # the common case, vectorised; the loop below only runs to name the culprit
    for b in range(N_BANDS):
        for p in range(3):
            value = float(params[b, p])
            r = param_range(b, p)
            if not (math.isfinite(value) and r.low <= value <= r.high):
                raise ParameterError(f"{BAND_NAMES[b]}.{PARAM_NAMES[p]}", value, r.describe())


@dataclass(frozen=True)
class EQ:
    """A 5-band parametric EQ: low shelf, three peaking bands sorted by frequency, high shelf.

    Construct with :meth:`from_vector`, :meth:`from_array` or :meth:`flat`;
    values are validated against :mod:`eqmorph.core.ranges` and stored in canonical order.
    """

    bands: tuple[Band, ...]

    def __post_init__(self) -> None:
        if len(self.bands) != N_BANDS:
            raise ParameterError("bands", len(self.bands), f"exactly {N_BANDS} bands")
        for band, kind in zip(self.bands, BAND_KINDS):
            if band.kind != kind:
                raise ParameterError("band.kind", band.kind, f"bands in the order {', '.join(BAND_KINDS)}")
        arr = self.to_array()
        check_params(arr)
        f1, f2, f3 = (b.freq_hz for b in self.bands[PEAK_SLICE])
        if not f1 <= f2 <= f3:
            object.__setattr__(self, "bands", _bands_from_array(canonical_array(arr)))

    # --- construction -------------------------------------------------
    @classmethod
    def from_array(cls, params: np.ndarray | Sequence[Sequence[float]]) -> EQ:
        """From a ``(5, 3)`` array of ``(gain_db, freq_hz, q)`` rows."""
        allowed = f"a ({N_BANDS}, 3) array of numbers: (gain_db, freq_hz, q) rows"
        if isinstance(params, str | bytes):  # np.asarray("3") would read a number from the text
            raise ParameterError("params", params, allowed, wrong_type=True)
        try:
            arr = np.asarray(params, dtype=np.float64)
        except (TypeError, ValueError) as exc:  # not numbers, or ragged rows: numpy's words name neither
            raise ParameterError("params", params, allowed, wrong_type=True) from exc
        if arr.shape == (3 * N_BANDS,):  # eq.to_vector()'s shape: say which constructor reads it
            raise ParameterError("params.shape", arr.shape, f"({N_BANDS}, 3); a flat ({3 * N_BANDS},) vector, as "
                                 "to_vector() gives, is read by EQ.from_vector")
        if arr.shape != (N_BANDS, 3):
            raise ParameterError("params.shape", arr.shape, f"({N_BANDS}, 3)")
        return cls(_bands_from_array(arr))

    @classmethod
    def _trusted(cls, params: np.ndarray | Sequence[Sequence[float]]) -> EQ:
        """From ``(5, 3)`` values already known valid and canonical (decoder output, a morph step); skips checks.

        ``params``: an array, or rows of Python floats (a :class:`~eqmorph.semantic.path.MorphPath` step).
        """
        rows = params.tolist() if isinstance(params, np.ndarray) else params
        eq = object.__new__(cls)
        # The bands are built on first use (__getattr__): a slider step that is only read as numbers, or
        # sent as JSON, never pays for five Band objects. The EQ owns ``rows`` from here on.
        object.__setattr__(eq, "_rows", rows)
        return eq

    def __getattr__(self, name: str) -> tuple[Band, ...]:
        # Only reached when ``name`` is not set: an EQ from _trusted gets its bands when first asked.
        rows = self.__dict__.get("_rows")
        if name != "bands" or rows is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        bands = _trusted_bands(rows)
        object.__setattr__(self, "bands", bands)
        return bands

    @classmethod
    def from_vector(cls, vector: Iterable[float]) -> EQ:
        """From 15 numbers: ``(gain_db, freq_hz, q)`` for low shelf, peak 1..3, high shelf."""
        try:
            v = np.asarray(list(vector), dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise ParameterError("vector", vector, f"{N_PARAMS} numbers") from exc
        if v.shape != (N_PARAMS,):
            raise ParameterError("vector length", v.size, f"{N_PARAMS} numbers")
        return cls.from_array(v.reshape(N_BANDS, 3))

    @classmethod
    def from_model_space(cls, x: np.ndarray) -> EQ:
        """From a model-space ``(5, 3)`` or ``(15,)`` array."""
        return cls.from_array(from_model_space(np.asarray(x, dtype=np.float64).reshape(N_BANDS, 3)))

    @classmethod
    def flat(cls) -> EQ:
        """The 0 dB EQ: leaves audio unchanged."""
        return cls.from_array(flat_params())

    # --- views ----------------------------------------------------------
    def to_array(self) -> np.ndarray:
        """``(5, 3)`` float64 array of ``(gain_db, freq_hz, q)`` rows."""
        rows = self.__dict__.get("_rows")
        if rows is not None:
            return np.array(rows, dtype=np.float64)
        return np.array([[b.gain_db, b.freq_hz, b.q] for b in self.bands], dtype=np.float64)

    def to_vector(self) -> np.ndarray:
        """``(15,)`` float64: ``(gain_db, freq_hz, q)`` x 5 bands in order."""
        return self.to_array().reshape(-1)

    def to_model_space(self) -> np.ndarray:
        """``(5, 3)`` model-space array, each value in [-1, 1]."""
        return to_model_space(self.to_array())

    # --- sound -----------------------------------------------------------
    def response_db(self, freqs_hz: np.ndarray | Sequence[float],
                    sample_rate: float = ANALYSIS_SAMPLE_RATE) -> np.ndarray:
        """Magnitude response in dB at ``freqs_hz`` ``(F,)`` -> ``(F,)``; one frequency (a number) -> a float.

        ``sample_rate``: a positive number of Hz; ``freqs_hz``: finite, above 0 and below ``sample_rate / 2``.
        """
        sr = check_sample_rate(sample_rate)
        freqs = check_freqs_hz(freqs_hz, sr)
        if freqs.ndim == 0:
            return float(dsp.response_db_np(self.to_array(), freqs[None], sr)[0])  # type: ignore[return-value]
        if freqs.ndim != 1:
            raise ParameterError("freqs_hz", freqs_hz, f"a number or a 1-D sequence of Hz, not shape {freqs.shape}")
        return dsp.response_db_np(self.to_array(), freqs, sr)

    def process(self, audio: np.ndarray, sample_rate: float, *, auto_gain: bool = False) -> np.ndarray:
        """``audio`` ``(frames,)`` or ``(frames, channels)`` filtered through this EQ; the same shape and dtype out
        (float, or integer PCM such as int16, read at its full scale and rounded and clipped back).

        ``sample_rate``: 8000 to 384000 Hz. ``auto_gain`` (True or False): False applies the EQ as it is, so a
        boost can push samples past full scale (clipped in integer PCM). True keeps the output as loud as
        ``audio`` (the same mean-square level) and never lets it clip: when that loudness would put the peak above
        -0.1 dBFS, the gain is lowered further until it does not (:mod:`eqmorph.audio.autogain`, the same auto
        gain as ``eqmorph apply --word`` and ``eqmorph match --apply OUT``, their default).

        Like pedalboard's ``board(audio, sample_rate)``; see :func:`eqmorph.audio.arrays.process_eq`.

        >>> warm.process(audio, 44100, auto_gain=True)  # doctest: +SKIP
        """
        from eqmorph.audio.arrays import process_eq  # audio builds on core: imported when first used

        return process_eq(self, audio, sample_rate, auto_gain=auto_gain)

    def sos(self, sample_rate: float) -> np.ndarray:
        """``(5, 6)`` second-order sections for ``scipy.signal.sosfilt`` at ``sample_rate``."""
        return dsp.sos_np(self.to_array(), sample_rate)

    def with_band(self, index: int | str, **changes: float) -> EQ:
        """A copy with band ``index`` (0-4, or a band's name: ``"low_shelf"``, ``"peak1"``...) changed, e.g.
        ``eq.with_band(0, gain_db=3.0)``."""
        if isinstance(index, str) and index in BAND_NAMES:
            index = BAND_NAMES.index(index)
        # a bool is no band, and numpy's negative indices would silently pick a band from the end
        if isinstance(index, bool) or not isinstance(index, int | np.integer) or not 0 <= index < len(BAND_NAMES):
            raise ParameterError("index", index, f"a band number 0-{len(BAND_NAMES) - 1} or a band name ("
                                                 f"{', '.join(BAND_NAMES)})")
        arr = self.to_array()
        for key, value in changes.items():
            if key not in PARAM_NAMES:
                raise ParameterError("band parameter", key, ", ".join(PARAM_NAMES))
            arr[index, PARAM_NAMES.index(key)] = value
        return EQ.from_array(arr)

    def __str__(self) -> str:
        from eqmorph.core.schema import table_lines  # the one table; schema builds on this module

        return "\n".join(table_lines(self))


def check_eq(eq: object, name: str = "eq") -> EQ:
    """``eq`` if it is an :class:`EQ`; anything else (a word, an array) -> :class:`ParameterError` naming ``name``."""
    if not isinstance(eq, EQ):
        raise ParameterError(name, eq, "an eqmorph.EQ (e.g. from generate, EQ.from_array or load_preset)",
                             wrong_type=True)
    return eq


def check_sample_rate(sample_rate: float) -> float:
    """``sample_rate`` as a float if it is a positive, finite number of Hz, else :class:`ParameterError`.

    The type check every rate goes through (audio adds its 8-384 kHz range, eqmorph.audio.filtering): a string
    or bool would pass ``float()`` (or numpy's comparisons) and give a plausible wrong answer.
    """
    if isinstance(sample_rate, bool) or not isinstance(sample_rate, (int, float, np.integer, np.floating)) \
            or not 0.0 < sample_rate < math.inf:
        raise ParameterError("sample_rate", sample_rate, "a positive, finite number of Hz")
    return float(sample_rate)


def real_numbers(value: object, name: str, allowed: str) -> np.ndarray:
    """``value`` (a number or any nesting of them) as a float64 array, or :class:`ParameterError` naming ``name``.

    Text, bools, ragged lists and arrays of anything but real numbers are refused: numpy would read ``"1000"``
    as 1000 and ``True`` as 1, a caller's mistake that would otherwise give a plausible answer.
    """
    try:
        given = None if isinstance(value, str | bytes) else np.asarray(value)
    except (TypeError, ValueError):  # a ragged list
        given = None
    if given is None or given.dtype.kind not in "iuf":
        raise ParameterError(name, value, allowed, wrong_type=True)
    return given.astype(np.float64, copy=False)


def check_freqs_hz(freqs_hz: np.ndarray | Sequence[float], sample_rate: float, name: str = "freqs_hz") -> np.ndarray:
    """``freqs_hz`` (any shape) as float64; each finite, above 0 and below Nyquist (NaN fails both comparisons).

    ``sample_rate``: already checked (:func:`check_sample_rate`). Text and bools are refused, as for a sample
    rate: numpy would read ``"1000"`` as 1000 Hz and ``True`` as 1 Hz. ``name``: the parameter errors name.
    """
    freqs = real_numbers(freqs_hz, name, "numbers of Hz (a number or a sequence of numbers, never str or bool)")
    nyquist = 0.5 * sample_rate
    inside = (freqs > 0.0) & (freqs < nyquist)
    if not inside.all():
        raise ParameterError(name, float(freqs[~inside].flat[0]),
                             f"finite frequencies above 0 and below {nyquist:g} Hz (sample_rate / 2)")
    return freqs


def _bands_from_array(arr: np.ndarray) -> tuple[Band, ...]:
    return tuple(
        Band(kind, float(g), float(f), float(q)) for kind, (g, f, q) in zip(BAND_KINDS, arr)
    )


def _trusted_bands(rows: Sequence[Sequence[float]]) -> tuple[Band, ...]:
    """The five :class:`Band` of ``(5, 3)`` rows of Python floats, built without ``Band.__init__``.

    A trusted EQ (a slider step, a decoded word) builds its bands when they are first read. A frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``, four calls per band, which
    cost about as much as computing a slider step (benchmarks/inference_speed.py); setting the instance
    dict once makes the same object (same fields, equality, hash and repr) in half the time.
    """
    new, set_attr = object.__new__, object.__setattr__
    bands = []
    for kind, (gain_db, freq_hz, q) in zip(BAND_KINDS, rows):
        band = new(Band)
        set_attr(band, "__dict__", {"kind": kind, "gain_db": gain_db, "freq_hz": freq_hz, "q": q})
        bands.append(band)
    return tuple(bands)


__all__ = [
    "EQ", "Band", "canonical_array", "check_eq", "check_freqs_hz", "check_params", "check_sample_rate", "real_numbers",
    "DEFAULT_SHELF_Q",
]
