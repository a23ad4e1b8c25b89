"""The reference Audealize equaliser that produced SocialFX's 40-band curves, rendered exactly.

Rendering follows Seetharaman & Pardo, "Audealize" (2016); SocialFX: Zheng, Seetharaman & Pardo
(2016): the curve is normalised to span [-1, 1], each of 40 peaking biquads at fixed centres with
Q 4.31 gets ``gain_db = 5 * amount * c'``, and the filters run in series at 48 kHz. The Web Audio
``BiquadFilterNode`` peaking filter it uses is the RBJ cookbook one, so :mod:`eqmorph.core.dsp`
renders it exactly. :mod:`eqmorph.core.fit` then fits the 5-band EQ.
"""

from __future__ import annotations

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.fit import check_freqs
from eqmorph.core.ranges import N_BANDS
from eqmorph.errors import ParameterError

# The reference equaliser's 40 centre frequencies (Hz), in the order of SocialFX's param_keys.
AUDEALIZE_CENTRES_HZ = np.array(
    [20, 50, 83, 120, 161, 208, 259, 318, 383, 455, 537, 628, 729, 843, 971, 1114, 1273, 1452, 1652,
     1875, 2126, 2406, 2719, 3070, 3462, 3901, 4392, 4941, 5556, 6244, 7014, 7875, 8839, 9917, 11124,
     12474, 13984, 15675, 17566, 19682],
    dtype=np.float64,
)  # fmt: skip
AUDEALIZE_Q = 4.31
AUDEALIZE_MAX_GAIN_DB = 5.0  # gain of a band whose normalised weight is 1, at amount 1
AUDEALIZE_SAMPLE_RATE = 48000.0  # Web Audio's default rate, which the reference ran at
N_AUDEALIZE_BANDS = len(AUDEALIZE_CENTRES_HZ)

def normalise_curves(curves: np.ndarray) -> np.ndarray:
    """``c' = 2 (c - min) / (max - min) - 1`` per row: ``(n, 40)`` -> ``(n, 40)``; a constant row -> zeros."""
    c = np.asarray(curves, dtype=np.float64)
    low = c.min(axis=-1, keepdims=True)
    span = c.max(axis=-1, keepdims=True) - low
    safe_span = np.where(span > 0, span, 1.0)
    return np.where(span > 0, 2.0 * (c - low) / safe_span - 1.0, 0.0)


def render_audealize_db(
    curves: np.ndarray,
    freqs_hz: np.ndarray,
    amount: float = 1.0,
    sample_rate: float = AUDEALIZE_SAMPLE_RATE,
) -> np.ndarray:
    """Magnitude response in dB of the reference equaliser for each curve.

    curves: ``(n, 40)`` SocialFX weights (any scale; normalised here); freqs_hz: ``(F,)``.
    Returns ``(n, F)``.
    """
    c = np.asarray(curves, dtype=np.float64)
    if c.ndim != 2 or c.shape[1] != N_AUDEALIZE_BANDS or not np.all(np.isfinite(c)):
        raise ParameterError("curves", f"array of shape {c.shape}", f"finite values of shape (n, {N_AUDEALIZE_BANDS})")
    freqs = check_freqs(freqs_hz, sample_rate)
    if not np.isfinite(amount):
        raise ParameterError("amount", amount, "a finite number")
    gain_db = AUDEALIZE_MAX_GAIN_DB * float(amount) * normalise_curves(c)  # (n, 40)
    # dsp designs filters in 5-band layout; the three peaking slots of 14 EQs hold the 40 bands (+2 at 0 dB).
    n, slots = len(c), 3 * -(-N_AUDEALIZE_BANDS // 3)
    pad = slots - N_AUDEALIZE_BANDS
    params = np.zeros((n, slots // 3, N_BANDS, 3))
    params[..., 1], params[..., 2] = 1000.0, 1.0  # shelves at 0 dB: any frequency and Q
    params[:, :, 1:4, 0] = np.concatenate([gain_db, np.zeros((n, pad))], axis=1).reshape(n, -1, 3)
    params[:, :, 1:4, 1] = np.concatenate([AUDEALIZE_CENTRES_HZ, np.full(pad, 1000.0)]).reshape(-1, 3)
    params[:, :, 1:4, 2] = AUDEALIZE_Q
    coeffs = dsp.band_coefficients(np, params, sample_rate)[:, :, 1:4, :].reshape(n, slots, 6)
    return dsp.coefficient_response_db(np, coeffs, freqs, sample_rate).sum(axis=1)


