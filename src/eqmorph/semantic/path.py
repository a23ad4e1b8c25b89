"""The params morph between two EQs: peaks paired once per word pair, then a cheap step per alpha.

The default morph blends two EQs linearly in model space (gain in dB, log frequency, log Q).
Which peak of A turns into which peak of B is free, because an EQ keeps its peaks sorted by
frequency; :func:`peak_order` picks the pairing once (the costly part of a new word pair: the
responses of three blends on a coarse grid; a model keeps it for every pair of its words, see
:mod:`eqmorph.semantic.pairings`, so only phrases pay it). :class:`MorphPath` then holds everything that does
not depend on alpha, so a slider step is 15 multiply-adds, ten exponentials and a sort of three
peaks, mostly on Python floats: on 15 numbers numpy's per-call overhead costs more than the
arithmetic. One alpha and a batch of alphas run the same operations and give the same bits.

Intensity scales the gains (dB), as the Audealize "amount" does: 0 is the flat EQ, 1 the EQ itself,
above 1 exaggerates, negative values invert. Frequencies and Qs stay.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import itemgetter

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE, AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.eq import EQ, canonical_array, check_params, real_numbers
from eqmorph.core.ranges import (
    GAIN_DB,
    HIGH,
    IS_LOG,
    LOW,
    N_BANDS,
    PEAK_PERMS,
    PEAK_SLICE,
    from_model_space,
    to_model_space,
)
from eqmorph.errors import ParameterError

MAX_INTENSITY = 4.0  # beyond this gains pin to the range ends and the word's shape is lost


def capped_intensity(intensity: float, strength: float) -> float:
    """``intensity`` limited so that ``intensity x strength`` stays within +-MAX_INTENSITY.

    strength: how far a phrase already scales its words (the sum of its weights' sizes: 1 for a word,
    2.44 for "very very very very warm"). Nothing is asked for beyond MAX_INTENSITY times a word, so a
    degree (capped at 4 by the parser) and an intensity (at most 4) do not multiply to 16.
    """
    if strength * abs(intensity) <= MAX_INTENSITY:
        return intensity
    return math.copysign(MAX_INTENSITY / strength, intensity)


# The pairing is judged on a coarse grid: enough to see a response turn back, cheap for a new pair.
MATCH_ALPHAS = np.linspace(0.0, 1.0, 11)
MATCH_FREQS_HZ = np.geomspace(AUDIBLE_LOW_HZ, AUDIBLE_HIGH_HZ, 64)
_MATCH_BASIS = dsp.phi_basis(np, MATCH_FREQS_HZ, ANALYSIS_SAMPLE_RATE)  # (3, F)
_W0, _W1 = 1.0 - MATCH_ALPHAS[:, None, None], MATCH_ALPHAS[:, None, None]  # (A, 1, 1) blend weights
# Three cyclic shifts of B's peaks pair every peak of A with every peak of B once, so three paths
# (not six) hold every per-band response the six pairings are summed from. B's band rows per shift: (3, 5).
_CYCLE_ROWS = np.array([[0, 1, 2, 3, 4], [0, 2, 3, 1, 4], [0, 3, 1, 2, 4]])
# For pairing p and band b: the shift whose path holds that band's response (shelves: any, take 0). (6, 5)
_SHELF = np.zeros((len(PEAK_PERMS), 1), dtype=int)
_PICK_CYCLE = np.column_stack([_SHELF, (PEAK_PERMS - np.arange(3)) % 3, _SHELF])
_PERM_ROWS = np.column_stack([_SHELF, PEAK_PERMS + 1, _SHELF + 4])  # (6, 5) band rows of B for each pairing
_FREQ = itemgetter(1)
# Six tuples of five: low and high gain, frequency and Q of every band (a path's per-band constants).
_BOUND_COLUMNS = tuple(zip(*np.stack([LOW, HIGH], axis=-1).reshape(N_BANDS, 6).tolist()))
_IS_LOG_2 = np.concatenate([IS_LOG, IS_LOG])  # (10, 3): which entries of both ends are logged
# (10, 3) bounds of both ends, pulled in by far more than a blend's rounding (about 1e-15 relative).
_INSIDE_LOW = np.tile(LOW + 1e-9 * np.maximum(1.0, np.abs(LOW)), (2, 1))
_INSIDE_HIGH = np.tile(HIGH - 1e-9 * np.maximum(1.0, np.abs(HIGH)), (2, 1))


def check_number(name: str, value: float, low: float = -math.inf, high: float = math.inf) -> float:
    """``value`` as a float, or :class:`ParameterError` naming ``name`` if it is not a finite number in range.

    Text and bools are refused although ``float()`` takes them: ``"0.5"`` or ``True`` is a caller's mistake that
    would otherwise give a plausible EQ (the sample rate's check refuses them too).
    """
    if isinstance(value, str | bytes | bool | np.bool_):
        raise ParameterError(name, value, f"a number in [{low:g}, {high:g}], never a str or bool", wrong_type=True)
    try:
        v = float(value)
    except (TypeError, ValueError) as exc:
        raise ParameterError(name, value, f"a number in [{low:g}, {high:g}]") from exc
    if not (math.isfinite(v) and low <= v <= high):
        raise ParameterError(name, value, f"a finite number in [{low:g}, {high:g}]")
    return v


def check_alphas(alphas: Sequence[float] | np.ndarray) -> np.ndarray:
    """``alphas`` as a float64 ``(n,)`` array of at least one number in [0, 1], or :class:`ParameterError`.

    As :func:`check_number`, text and bools are refused (numpy would read ``["0.3"]`` as 0.3).
    """
    al = real_numbers(alphas, "alpha", "numbers in [0, 1], never str or bool").reshape(-1)
    if al.size == 0 or not np.all(np.isfinite(al)) or al.min() < 0.0 or al.max() > 1.0:
        raise ParameterError("alpha", alphas if al.size < 8 else f"{al.size} values", "numbers in [0, 1]")
    return al


def scale_gains(params: np.ndarray, intensity: float) -> np.ndarray:
    """Scale gains of ``(..., 5, 3)`` by ``intensity`` in place, saturating all bands together.

    Once the largest gain reaches the range limit the whole EQ stops growing; clipping
    bands one by one would let the others keep growing and change the word's shape.
    """
    if intensity != 1.0:
        gains = params[..., 0]
        peak = np.abs(gains).max(-1, keepdims=True)
        limit = np.where(peak > 0, GAIN_DB.high / np.maximum(peak, 1e-12), np.inf)
        k = np.sign(intensity) * np.minimum(abs(intensity), limit)
        # + 0.0 turns the -0.0 of a flat band scaled by a negative intensity into 0.0 ("gain_db": -0.0 in JSON).
        params[..., 0] = np.clip(gains * k, GAIN_DB.low, GAIN_DB.high) + 0.0
    return params


def peak_order(xa: np.ndarray, xb: np.ndarray) -> np.ndarray:
    """``(3,)``: which peak of B each peak of A turns into, for the most monotonic blend of ``xa`` into ``xb``.

    ``xa``, ``xb``: model-space ``(5, 3)``. Of the six pairings, keep the one whose response
    (``MATCH_FREQS_HZ``) moves monotonically from A to B at the most frequencies over
    ``MATCH_ALPHAS``; ties: the least frequency travel, then the first in ``PEAK_PERMS``.
    """
    return PEAK_PERMS[_best_pairing(xa, xb)]


def _best_pairing(xa: np.ndarray, xb: np.ndarray) -> int:
    """Index into ``PEAK_PERMS`` of the pairing :func:`peak_order` picks for model-space ``(5, 3)`` ends."""
    return int(best_pairings(xa[None], xb[None])[0])


def best_pairings(xa: np.ndarray, xb: np.ndarray) -> np.ndarray:
    """``(n,)`` indices into ``PEAK_PERMS``: :func:`peak_order` of ``n`` pairs of model-space ends ``(n, 5, 3)``.

    One pair is this with ``n = 1``, so a model's pairing table (:mod:`eqmorph.semantic.pairings`) and
    a pair computed on demand run the same operations.
    """
    paths = from_model_space(_W0 * xa[:, None, None] + _W1 * xb[:, _CYCLE_ROWS][:, :, None])  # (n, 3, A, 5, 3)
    bands = dsp.basis_band_response_db(np, paths, _MATCH_BASIS, ANALYSIS_SAMPLE_RATE)  # (n, 3, A, 5, F)
    # (n, 6, A, F): the pairing's five bands summed in band order, as response_db sums a whole EQ, so ties
    # fall the same way. Added band by band: one gather of the whole (n, 6, 5, A, F) costs more than the sums.
    total = bands[:, :, :, 0][:, _PICK_CYCLE[:, 0]]
    for b in range(1, N_BANDS):
        total = total + bands[:, :, :, b][:, _PICK_CYCLE[:, b]]
    steps = np.diff(total, axis=2)  # (n, 6, A - 1, F)
    mono = np.mean(np.all(steps >= -1e-6, axis=2) | np.all(steps <= 1e-6, axis=2), axis=-1)  # (n, 6)
    travel = np.abs(xb[:, PEAK_SLICE, 1][:, PEAK_PERMS] - xa[:, None, PEAK_SLICE, 1]).sum(-1)  # (n, 6)
    # Most monotonic first, then least travel, then the first in PEAK_PERMS (argmin keeps the first of ties).
    return np.argmin(np.where(mono == mono.max(-1, keepdims=True), travel, np.inf), axis=-1)


class MorphPath:
    """The params morph from EQ ``start`` (alpha 0) to ``end`` (alpha 1), with the alpha-free work done.

    ``start``, ``end``: physical ``(5, 3)`` (the two words' EQs), checked against the range table
    and put in canonical order; the path returns them exactly at alpha 0 and 1. Each point
    between is the linear blend in model space (gain in dB, log frequency, log Q) of the ends
    with peaks paired by :func:`peak_order`, clipped into range and sorted: the same EQs as
    ``Morpher.interpolate`` (it uses this class).
    """

    __slots__ = ("start", "end", "_start_rows", "_end_rows", "_bands", "_gains", "_inside", "_log_a", "_log_step",
                 "_ta", "_step", "_words", "_source")

    def __init__(self, start: np.ndarray, end: np.ndarray) -> None:
        self._setup(_frozen(start), _frozen(end))

    @classmethod
    def _trusted(cls, start: np.ndarray, end: np.ndarray, pairing: int | None = None, *,
                 words: tuple[str, str] | None = None, source: str | None = None) -> MorphPath:
        """From read-only ``(5, 3)`` arrays already known valid and canonical (decoded words): no checks.

        ``pairing``: the index into ``PEAK_PERMS`` that :func:`best_pairings` gives for these ends, when
        it is known (a model's pairing table); ``None`` computes it. ``words`` and ``source``: what the ends are
        (``Morpher.path``'s), for the repr only.
        """
        path = object.__new__(cls)
        path._setup(start, end, pairing)
        path._words, path._source = words, source
        return path

    def __repr__(self) -> str:
        """One line saying what the path morphs (the default repr showed only its address: a new-user trial)."""
        if self._words is None:
            return "MorphPath(method='params', between two EQs)"
        crowd = "both crowds" if self._source is None else f"source={self._source!r}"
        return f"MorphPath({self._words[0]!r} -> {self._words[1]!r}, method='params', {crowd})"

    def _setup(self, start: np.ndarray, end: np.ndarray, pairing: int | None = None) -> None:
        self.start, self.end = start, end
        self._words: tuple[str, str] | None = None
        self._source: str | None = None
        if pairing is None:
            xa, xb = to_model_space(np.stack([start, end]))
            pairing = _best_pairing(xa, xb)
        rows = _PERM_ROWS[pairing]
        # Model space is affine in (dB, log Hz, log Q), so blending there is blending these.
        ends = np.concatenate((start, end[rows]))  # (10, 3): A's bands, then B's with its peaks paired to A's
        # Log frequency and Q, gains as they are: one masked ufunc call (np.log: the same bits however called).
        t = np.log(ends, out=ends.copy(), where=_IS_LOG_2)
        # t(alpha) = ta + alpha (tb - ta) both here and in params_many, so one alpha and a batch agree bit for bit.
        self._ta = t[:N_BANDS]
        self._step = t[N_BANDS:] - self._ta  # (5, 3) each
        self._start_rows: list[list[float]] = start.tolist()
        self._end_rows: list[list[float]] = end.tolist()
        # Per band: the gain at A and its change to B, then the ranges of gain, frequency and Q.
        self._bands = list(zip(self._ta[:, 0].tolist(), self._step[:, 0].tolist(), *_BOUND_COLUMNS))
        self._gains = [band[:2] for band in self._bands]
        # Ends inside every range by more than rounding can move a blend: clipping is the identity, so the
        # slider step may skip it (the same bits). Ends on a bound (a 24 dB gain) keep the clipped step.
        self._inside = bool(np.all((ends > _INSIDE_LOW) & (ends < _INSIDE_HIGH)))
        self._log_a, self._log_step = self._ta[:, 1:].ravel(), self._step[:, 1:].ravel()  # (10,) freq, Q per band

    def _rows(self, alpha: float) -> list[list[float]]:
        """``(5, 3)`` rows at ``alpha`` in [0, 1], canonical, intensity 1."""
        if alpha == 0.0:
            return [row[:] for row in self._start_rows]
        if alpha == 1.0:
            return [row[:] for row in self._end_rows]
        # The operations of params_many, with np.exp (math.exp differs in the last bit).
        fq = np.exp(self._log_step * alpha + self._log_a).tolist()
        if self._inside:
            rows = [[dg * alpha + ga, f, q] for (ga, dg), f, q in zip(self._gains, fq[0::2], fq[1::2])]
        else:
            rows = [[min(max(dg * alpha + ga, glo), ghi), min(max(f, flo), fhi), min(max(q, qlo), qhi)]
                    for (ga, dg, glo, ghi, flo, fhi, qlo, qhi), f, q in zip(self._bands, fq[0::2], fq[1::2])]
        if not rows[1][1] <= rows[2][1] <= rows[3][1]:
            rows[PEAK_SLICE] = sorted(rows[PEAK_SLICE], key=_FREQ)  # stable, like canonical_array
        return rows

    def params(self, alpha: float, intensity: float = 1.0) -> np.ndarray:
        """Physical ``(5, 3)`` EQ at ``alpha`` (0 start .. 1 end) and ``intensity``."""
        return np.array(self._scaled(alpha, intensity))

    def rows(self, alpha: float, intensity: float = 1.0) -> list[list[float]]:
        """The EQ at ``alpha`` and ``intensity`` as ``(5, 3)`` nested lists (a new list each call)."""
        return self._scaled(alpha, intensity)

    def eq(self, alpha: float, intensity: float = 1.0) -> EQ:
        """The EQ at ``alpha`` (0 start .. 1 end) and ``intensity``."""
        return EQ._trusted(self._scaled(alpha, intensity))  # type: ignore[arg-type]  # rows: (5, 3) floats

    __call__ = eq

    def _scaled(self, alpha: float, intensity: float) -> list[list[float]]:
        # One float check each: this is the slider's hot path.
        if not (isinstance(alpha, float) and 0.0 <= alpha <= 1.0):
            alpha = check_number("alpha", alpha, 0.0, 1.0)
        # The type test too: True == 1.0, and must be refused all the same.
        if type(intensity) is not float or intensity != 1.0:
            intensity = check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        rows = self._rows(alpha)
        if intensity != 1.0:
            _scale_rows(rows, intensity)
        return rows

    def params_many(self, alphas: Sequence[float] | np.ndarray, intensity: float = 1.0) -> np.ndarray:
        """Physical ``(n, 5, 3)`` EQs at ``alphas (n,)`` in one vectorised pass."""
        al = check_alphas(alphas)
        intensity = check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        w = al[:, None, None]
        t = self._step * w + self._ta
        out = canonical_array(np.clip(np.where(IS_LOG, np.exp(t), t), LOW, HIGH))
        out[al == 0.0] = self.start
        out[al == 1.0] = self.end
        return scale_gains(out, intensity)


def latent_mix(za: np.ndarray, zb: np.ndarray, alphas: np.ndarray, method: str) -> np.ndarray:
    """Latent points ``(n, d)`` between ``za`` and ``zb``; alpha 0 and 1 give the ends exactly."""
    al = alphas.astype(np.float32)[:, None]
    if method == "slerp":
        na, nb = float(np.linalg.norm(za)), float(np.linalg.norm(zb))
        cos = float(np.dot(za, zb) / max(na * nb, 1e-12))
        omega = math.acos(min(1.0, max(-1.0, cos)))
        if omega > 1e-4:
            # Spherical on direction, linear on length, so the path stays inside the latent box.
            ua, ub = za / max(na, 1e-12), zb / max(nb, 1e-12)
            wa = np.sin((1.0 - al) * omega) / math.sin(omega)
            wb = np.sin(al * omega) / math.sin(omega)
            z = (wa * ua + wb * ub) * ((1.0 - al) * na + al * nb)
            z = np.where(al == 0.0, za, np.where(al == 1.0, zb, z))
            return z.astype(np.float32)
    return ((1.0 - al) * za + al * zb).astype(np.float32)


def _frozen(params: np.ndarray) -> np.ndarray:
    """A read-only, valid, canonical ``(5, 3)`` copy of ``params``, or :class:`ParameterError`."""
    out = np.array(params, dtype=np.float64)
    if out.shape != (N_BANDS, 3):
        raise ParameterError("params.shape", out.shape, f"({N_BANDS}, 3)")
    check_params(out)
    out = canonical_array(out)
    out.flags.writeable = False
    return out


def _scale_rows(rows: list[list[float]], intensity: float) -> None:
    """:func:`scale_gains` of one EQ held as ``(5, 3)`` float rows, in place (same operations, same results)."""
    peak = max(abs(r[0]) for r in rows)
    limit = GAIN_DB.high / max(peak, 1e-12) if peak > 0 else math.inf
    k = math.copysign(min(abs(intensity), limit), intensity) if intensity != 0.0 else 0.0
    for r in rows:
        r[0] = min(max(r[0] * k, GAIN_DB.low), GAIN_DB.high)
