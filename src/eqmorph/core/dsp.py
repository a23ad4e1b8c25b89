"""Biquad maths for the 5-band EQ: RBJ cookbook coefficients and magnitude responses.

Source: R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter
coefficients" (the Audio-EQ-Cookbook), low shelf, peaking EQ and high shelf,
with the bandwidth given as Q (``alpha = sin(w0) / (2 Q)``) for every kind,
shelves included.

The formulas are written once against an array namespace ``xp`` so that the
same code runs on numpy arrays (inference, data fitting) and on torch tensors
(differentiable training losses): both provide ``sin``, ``cos``, ``sqrt``,
``log10``, ``stack``, ``concatenate`` and ``clamp``/``clip``.

Frequencies above ``NYQUIST_FRACTION * sample_rate`` cannot be realised by a
biquad at that rate; they are clamped there when the filter is designed, so a
20 kHz band at 8 kHz acts at the top of the band and every response stays finite.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE, AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.ranges import BAND_KINDS, N_BANDS

NYQUIST_FRACTION = 0.49  # keeps w0 away from pi, where a biquad degenerates
SMALL_BATCH_EQS = 16  # up to this many EQs, floats beat numpy's per-call overhead (measured: equal near 20)


class _Floats:
    """The few array functions :func:`_rbj` needs, for one band held in Python floats.

    For a single EQ, numpy's per-call overhead on 5-element arrays is most of the cost; the
    same formulas on floats run about 7x faster, which is what a slider-rate server needs.
    """

    cos = staticmethod(math.cos)
    sin = staticmethod(math.sin)
    sqrt = staticmethod(math.sqrt)

    @staticmethod
    def stack(values: list[float], axis: int) -> list[float]:
        return values


def _floor(xp: Any, x: Any, low: float) -> Any:
    """``max(x, low)`` elementwise; NaN stays NaN. (np.clip costs several times more on small arrays.)"""
    return np.maximum(x, low) if xp is np else xp.clamp(x, min=low)


def _clip(xp: Any, x: Any, low: float, high: float) -> Any:
    if xp is np:
        return np.clip(x, low, high)
    if xp is _Floats:
        return min(max(x, low), high)
    return xp.clamp(x, low, high)


def _rbj(xp: Any, kind: str, gain_db: Any, freq_hz: Any, q: Any, sample_rate: float) -> Any:
    """Coefficients ``(..., 6)`` = b0, b1, b2, a0, a1, a2 (not yet normalised)."""
    freq_hz = _clip(xp, freq_hz, 1e-3, NYQUIST_FRACTION * sample_rate)
    a = 10.0 ** (gain_db / 40.0)
    w0 = 2.0 * np.pi * freq_hz / sample_rate
    cos_w0 = xp.cos(w0)
    alpha = xp.sin(w0) / (2.0 * q)
    if kind == "peaking":
        b = (1.0 + alpha * a, -2.0 * cos_w0, 1.0 - alpha * a)
        den = (1.0 + alpha / a, -2.0 * cos_w0, 1.0 - alpha / a)
    else:
        two_sqrt_a_alpha = 2.0 * xp.sqrt(a) * alpha
        ap1, am1 = a + 1.0, a - 1.0
        if kind == "low_shelf":
            b = (
                a * (ap1 - am1 * cos_w0 + two_sqrt_a_alpha),
                2.0 * a * (am1 - ap1 * cos_w0),
                a * (ap1 - am1 * cos_w0 - two_sqrt_a_alpha),
            )
            den = (
                ap1 + am1 * cos_w0 + two_sqrt_a_alpha,
                -2.0 * (am1 + ap1 * cos_w0),
                ap1 + am1 * cos_w0 - two_sqrt_a_alpha,
            )
        elif kind == "high_shelf":
            b = (
                a * (ap1 + am1 * cos_w0 + two_sqrt_a_alpha),
                -2.0 * a * (am1 + ap1 * cos_w0),
                a * (ap1 + am1 * cos_w0 - two_sqrt_a_alpha),
            )
            den = (
                ap1 - am1 * cos_w0 + two_sqrt_a_alpha,
                2.0 * (am1 - ap1 * cos_w0),
                ap1 - am1 * cos_w0 - two_sqrt_a_alpha,
            )
        else:
            raise ValueError(f"kind={kind!r} is not allowed: expected low_shelf, peaking or high_shelf")
    return xp.stack([*b, *den], -1)


def band_coefficients(xp: Any, params: Any, sample_rate: float) -> Any:
    """Normalised coefficients of the 5 bands.

    params: ``(..., 5, 3)`` physical ``(gain_db, freq_hz, q)``.
    Returns ``(..., 5, 6)`` rows ``b0, b1, b2, 1, a1, a2`` (scipy's sos layout).
    """
    if xp is np and params.shape[-2:] == (N_BANDS, 3) and params.size == 3 * N_BANDS:  # one EQ: (5, 3), (1, 5, 3)
        one = _one_eq_coefficients(params.reshape(N_BANDS, 3).tolist(), sample_rate)
        if one is not None:
            return one.reshape(*params.shape[:-1], 6)
    if xp is np:
        return _np_band_coefficients(params, sample_rate)
    g, f, q = params[..., 0], params[..., 1], params[..., 2]
    coeffs = xp.concatenate(
        [
            _rbj(xp, "low_shelf", g[..., 0:1], f[..., 0:1], q[..., 0:1], sample_rate),
            _rbj(xp, "peaking", g[..., 1:4], f[..., 1:4], q[..., 1:4], sample_rate),
            _rbj(xp, "high_shelf", g[..., 4:5], f[..., 4:5], q[..., 4:5], sample_rate),
        ],
        -2,
    )
    return coeffs / coeffs[..., 3:4]


def _np_band_coefficients(params: np.ndarray, sample_rate: float) -> np.ndarray:
    """:func:`band_coefficients` of numpy arrays ``(..., 5, 3)``, the same formulas as :func:`_rbj` element for element
    (so the same bits), with the terms every kind shares computed once for the five bands and the rows written in
    place: a fit designs a few EQs thousands of times, and three calls of :func:`_rbj` with their stacks were a third
    of a match's fit."""
    freq_hz = _clip(np, params[..., 1], 1e-3, NYQUIST_FRACTION * sample_rate)
    a = 10.0 ** (params[..., 0] / 40.0)
    w0 = 2.0 * np.pi * freq_hz / sample_rate
    cos_w0 = np.cos(w0)
    alpha = np.sin(w0) / (2.0 * params[..., 2])
    out = np.empty((*params.shape[:-1], 6))
    pa, pc, pal = a[..., 1:4], cos_w0[..., 1:4], alpha[..., 1:4]
    out[..., 1:4, 0], out[..., 1:4, 2] = 1.0 + pal * pa, 1.0 - pal * pa
    out[..., 1:4, 3], out[..., 1:4, 5] = 1.0 + pal / pa, 1.0 - pal / pa
    out[..., 1:4, 1] = out[..., 1:4, 4] = -2.0 * pc
    # The low shelf is the high shelf's formulas with cos(w0) and b1, a1 negated (negating is exact: the same bits).
    for band, sign in ((0, -1.0), (4, 1.0)):
        sa, sc = a[..., band], sign * cos_w0[..., band]
        two_sqrt_a_alpha = 2.0 * np.sqrt(sa) * alpha[..., band]
        ap1, am1 = sa + 1.0, sa - 1.0
        plus, minus = ap1 + am1 * sc, ap1 - am1 * sc
        out[..., band, 1] = -sign * 2.0 * sa * (am1 + ap1 * sc)
        out[..., band, 4] = sign * 2.0 * (am1 - ap1 * sc)
        out[..., band, 0], out[..., band, 2] = sa * (plus + two_sqrt_a_alpha), sa * (plus - two_sqrt_a_alpha)
        out[..., band, 3], out[..., band, 5] = minus + two_sqrt_a_alpha, minus - two_sqrt_a_alpha
    return out / out[..., 3:4]


def _one_eq_coefficients(rows: list[list[float]], sample_rate: float) -> np.ndarray | None:
    """:func:`band_coefficients` of one EQ, ``(5, 3)`` rows -> ``(5, 6)``, computed on floats.

    None when a value is not a finite float of sane size (Python floats raise on overflow where
    numpy returns inf), so the caller's array path decides what such input gives.
    """
    out = []
    try:
        for kind, (gain_db, freq_hz, q) in zip(BAND_KINDS, rows):
            c = _rbj(_Floats, kind, gain_db, freq_hz, q, sample_rate)
            out.append([x / c[3] for x in c])
    except (OverflowError, ZeroDivisionError, ValueError):
        return None
    return np.array(out)


def phi_basis(xp: Any, freqs_hz: Any, sample_rate: float) -> Any:
    """``(3, F)`` powers 1, phi, phi^2 of phi = sin^2(w/2): the frequency side of the response."""
    phi = xp.sin(np.pi * freqs_hz / sample_rate) ** 2
    return xp.stack([xp.ones_like(phi), phi, phi * phi])


def poly_response_db(xp: Any, coeffs: Any, basis: Any) -> Any:
    """Magnitude in dB of biquads ``(..., k, 6)`` on a :func:`phi_basis` ``(3, F)`` -> ``(..., k, F)``.

    Uses the cookbook's cancellation-resistant form with phi = sin^2(w/2):
    |H|^2 = ((b0+b1+b2)^2 - 4 phi (b0 b1 + 4 b0 b2 + b1 b2) + 16 phi^2 b0 b2) / (same in a),
    written as a polynomial in phi so the whole frequency axis is one matrix product: no complex
    arithmetic, cheap enough for the fit's inner loop, and differentiable in torch.
    """
    num, den = _power_terms(xp, coeffs, basis)
    return 10.0 * xp.log10(num / den)


def _power_terms(xp: Any, coeffs: Any, basis: Any) -> tuple[Any, Any]:
    """Numerator and denominator of ``|H|^2`` of biquads ``(..., k, 6)`` on a basis ``(3, F)``: ``(..., k, F)`` each."""
    b0, b1, b2, a0, a1, a2 = (coeffs[..., i] for i in range(6))
    num, den = xp.stack(_phi_polynomial(b0, b1, b2), -1), xp.stack(_phi_polynomial(a0, a1, a2), -1)
    shape = (*tuple(coeffs.shape[:-1]), basis.shape[-1])
    if xp is not np:
        basis = basis.to(num.dtype)  # torch does not promote dtypes inside a matmul
    # Rounding can push |H|^2 of a deep notch a hair below zero; floor it at -300 dB.
    return (_floor(xp, num.reshape(-1, 3) @ basis, 1e-30).reshape(shape),
            _floor(xp, den.reshape(-1, 3) @ basis, 1e-30).reshape(shape))


def _phi_polynomial(c0: Any, c1: Any, c2: Any) -> list[Any]:
    """``|c0 + c1 z^-1 + c2 z^-2|^2`` as a polynomial in phi: its coefficients for phi^0, phi^1, phi^2
    (see :func:`poly_response_db`); floats or arrays alike."""
    return [(c0 + c1 + c2) ** 2, -4.0 * (c0 * c1 + 4.0 * c0 * c2 + c1 * c2), 16.0 * c0 * c2]


def basis_response_db_np(params: np.ndarray, basis: np.ndarray, sample_rate: float) -> np.ndarray:
    """Magnitude response of whole EQs ``(..., 5, 3)`` on a :func:`phi_basis` ``(3, F)`` -> ``(..., F)`` in dB.

    The sum over bands of :func:`basis_band_response_db`, computed as one logarithm of the product of
    the bands' power gains instead of five (the logarithms were most of the cost); the two agree to
    about 1e-12 dB. Each band's ``|H|^2`` is floored at 1e-30, so a product of five stays far above
    float64's smallest number. For callers that need whole responses fast (the server's curves).
    Up to ``SMALL_BATCH_EQS`` EQs are designed on Python floats: on a server's small batches,
    numpy's per-call overhead on 5-element arrays was most of the cost (about 100 us for one EQ).
    """
    n_eqs = params.size // (3 * N_BANDS)
    if params.shape[-2:] == (N_BANDS, 3) and 0 < n_eqs <= SMALL_BATCH_EQS:
        rows = params.reshape(n_eqs, N_BANDS, 3).tolist()
        return rows_response_db(rows, basis, sample_rate).reshape(*params.shape[:-2], basis.shape[-1])
    return _array_response_db(params, basis, sample_rate)


def rows_response_db(eqs: list[list[list[float]]], basis: np.ndarray, sample_rate: float) -> np.ndarray:
    """:func:`basis_response_db_np` of EQs given as ``(n, 5, 3)`` nested lists of floats -> ``(n, F)`` in dB.

    For callers that hold EQs as rows already (a morph path's steps): a small batch never becomes an array.
    """
    out = _float_response_db(eqs, basis, sample_rate) if 0 < len(eqs) <= SMALL_BATCH_EQS else None
    return out if out is not None else _array_response_db(np.array(eqs, dtype=np.float64), basis, sample_rate)


def _array_response_db(params: np.ndarray, basis: np.ndarray, sample_rate: float) -> np.ndarray:
    num, den = _power_terms(np, band_coefficients(np, params, sample_rate), basis)
    return 10.0 * np.log10(num.prod(axis=-2) / den.prod(axis=-2))


def _float_response_db(eqs: list[list[list[float]]], basis: np.ndarray, sample_rate: float) -> np.ndarray | None:
    """``(n, F)`` responses of ``(n, 5, 3)`` nested lists, the filters designed on floats; None as below."""
    polys = _power_polynomials(eqs, sample_rate)
    if polys is None:
        return None
    terms = _floor(np, np.array(polys).reshape(-1, 3) @ basis, 1e-30).reshape(len(eqs), N_BANDS, 2, -1)
    power = terms.prod(axis=1)  # (n, 2, F): the whole EQ's numerator and denominator
    return 10.0 * np.log10(power[:, 0] / power[:, 1])


def _power_polynomials(eqs: list[list[list[float]]], sample_rate: float) -> list[list[list[float]]] | None:
    """:func:`_power_terms`' polynomial coefficients in phi for a few EQs, computed on floats.

    ``eqs``: ``(n, 5, 3)`` nested lists of (gain_db, freq_hz, q); returns ``(n, 5, 6)``: per band the
    numerator's then the denominator's three coefficients. None where a value is not a finite float
    of sane size, so the array path decides what such input gives (as in :func:`_one_eq_coefficients`).
    """
    out = []
    try:
        for rows in eqs:
            bands = []
            for kind, (gain_db, freq_hz, q) in zip(BAND_KINDS, rows):
                b0, b1, b2, a0, a1, a2 = _rbj(_Floats, kind, gain_db, freq_hz, q, sample_rate)
                bands.append(_phi_polynomial(b0 / a0, b1 / a0, b2 / a0) + _phi_polynomial(1.0, a1 / a0, a2 / a0))
            out.append(bands)
    except (OverflowError, ZeroDivisionError, ValueError):
        return None
    return out


def coefficient_response_db(xp: Any, coeffs: Any, freqs_hz: Any, sample_rate: float) -> Any:
    """Magnitude in dB of biquads ``(..., k, 6)`` at ``freqs_hz (F,)`` -> ``(..., k, F)``."""
    return poly_response_db(xp, coeffs, phi_basis(xp, freqs_hz, sample_rate))


def basis_band_response_db(xp: Any, params: Any, basis: Any, sample_rate: float) -> Any:
    """Per-band magnitude responses on a :func:`phi_basis` ``(3, F)``: params ``(..., 5, 3)`` -> ``(..., 5, F)``.

    For callers that evaluate many EQs on one fixed grid (the fit, the server) and so make its basis once.
    """
    return poly_response_db(xp, band_coefficients(xp, params, sample_rate), basis)


def band_response_db(xp: Any, params: Any, freqs_hz: Any, sample_rate: float) -> Any:
    """Per-band magnitude responses: params ``(..., 5, 3)`` -> ``(..., 5, F)`` in dB."""
    return basis_band_response_db(xp, params, phi_basis(xp, freqs_hz, sample_rate), sample_rate)


def response_db(xp: Any, params: Any, freqs_hz: Any, sample_rate: float) -> Any:
    """Magnitude response of whole EQs: params ``(..., 5, 3)`` -> ``(..., F)`` in dB."""
    return band_response_db(xp, params, freqs_hz, sample_rate).sum(-2)


def log_freq_grid(n: int = 256, low_hz: float = AUDIBLE_LOW_HZ, high_hz: float = AUDIBLE_HIGH_HZ) -> np.ndarray:
    """``n`` log-spaced frequencies from ``low_hz`` to ``high_hz``, shape ``(n,)``."""
    return np.geomspace(low_hz, high_hz, n)


def response_db_np(params: np.ndarray, freqs_hz: np.ndarray, sample_rate: float = ANALYSIS_SAMPLE_RATE) -> np.ndarray:
    """numpy shortcut for :func:`response_db`; params ``(..., 5, 3)`` -> ``(..., F)``."""
    params = np.asarray(params, dtype=np.float64)
    if params.shape[-2:] != (N_BANDS, 3):
        raise ValueError(f"params shape {params.shape} is not allowed: expected (..., {N_BANDS}, 3)")
    return response_db(np, params, np.asarray(freqs_hz, dtype=np.float64), float(sample_rate))


def sos_np(params: np.ndarray, sample_rate: float) -> np.ndarray:
    """Second-order sections ``(..., 5, 6)`` for scipy.signal.sosfilt from params ``(..., 5, 3)``."""
    return band_coefficients(np, np.asarray(params, dtype=np.float64), float(sample_rate))


def max_gain_db(params: np.ndarray, sample_rate: float, low_hz: float = AUDIBLE_LOW_HZ,
                high_hz: float = AUDIBLE_HIGH_HZ, grid_points: int = 1024) -> float:
    """Largest gain in dB of EQs ``(..., 5, 3)`` between ``low_hz`` and ``min(high_hz, sample_rate / 2)``.

    A log grid finds each EQ's local maxima; the highest few are resampled 257 times between
    their grid neighbours, and the peaking bands' centres are added, which leaves an error of
    about 1e-5 dB even for a Q 10 peak or a shelf's overshoot (none for a lone peak). This is
    what a preamp must cancel to keep a full-scale sine unclipped.
    """
    p = np.asarray(params, dtype=np.float64).reshape(-1, N_BANDS, 3)
    grid = log_freq_grid(grid_points, low_hz, min(high_hz, 0.5 * sample_rate))
    responses = response_db_np(p, grid, sample_rate)
    best = -np.inf
    for eq, r in zip(p, responses):
        padded = np.concatenate([[-np.inf], r, [-np.inf]])
        is_peak = (padded[1:-1] >= padded[:-2]) & (padded[1:-1] >= padded[2:])
        candidates = np.flatnonzero(is_peak & (r >= r.max() - 1.0))
        candidates = candidates[np.argsort(-r[candidates])][:8]  # a 5-band EQ has few real maxima
        lo = grid[np.maximum(candidates - 1, 0)]
        hi = grid[np.minimum(candidates + 1, grid.size - 1)]
        fine = np.exp(np.linspace(np.log(lo), np.log(hi), 257).T.reshape(-1))
        # A lone peaking band peaks exactly at its centre: look there too, so that case is exact.
        centres = np.clip(eq[1:4, 1], grid[0], grid[-1])
        best = max(best, float(r.max()), float(response_db_np(eq, np.concatenate([fine, centres]), sample_rate).max()))
    return best
