"""Audio arrays in, audio arrays out: an EQ, or a morph between two words over time.

Like pedalboard's ``board(audio, sample_rate)``: ``audio`` is what soundfile returns,
``(frames,)`` or ``(frames, channels)`` float samples (full scale 1.0) or integer PCM (int16, int32,
uint8, int8: what ``scipy.io.wavfile.read`` and ``soundfile.read(..., dtype="int16")`` return, read at the
type's full scale); the result has the same shape and dtype (float32 stays float32, int16 stays int16 with
overs clipped as a PCM file clips them; the filtering itself runs in float64).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from eqmorph.audio.autogain import apply_auto_gain
from eqmorph.audio.automation import Automation, parse_automation
from eqmorph.audio.filtering import (
    PCM_DTYPES,
    apply_eq,
    apply_morph,
    check_audio,
    float_to_pcm,
)
from eqmorph.core.eq import EQ, check_flag
from eqmorph.errors import ParameterError, user_stacklevel

if TYPE_CHECKING:
    from eqmorph.semantic.morph import Morpher


def _like(y: np.ndarray, audio: np.ndarray) -> np.ndarray:
    """``y`` (float, full scale 1.0) in ``audio``'s dtype; samples past full scale are said (``UserWarning``), as
    ``eqmorph apply`` says them: clipped in integer PCM, kept as they are in float."""
    dtype = np.asarray(audio).dtype
    peak = max(float(y.max(initial=0.0)), -float(y.min(initial=0.0)))  # two passes, no temporary array
    if peak > 1.0:
        # Silent until a new-user trial (2026-12-03): 19,928 int16 samples clipped with no word, against the README.
        over = int(np.count_nonzero(np.abs(y) > 1.0))
        fate = "clipped" if dtype in PCM_DTYPES else "kept past 1.0 in float"
        warnings.warn(f"{over} samples past full scale (peak {20.0 * np.log10(peak):+.1f} dBFS), {fate}; "
                      "auto_gain=True keeps the level and never clips", UserWarning, stacklevel=user_stacklevel())
    if dtype in PCM_DTYPES:
        return float_to_pcm(y, dtype)
    return y.astype(dtype, copy=False) if np.issubdtype(dtype, np.floating) else y


def process_eq(eq: EQ, audio: np.ndarray, sample_rate: float, *, auto_gain: bool = False) -> np.ndarray:
    """``audio`` ``(frames,)`` or ``(frames, channels)`` filtered through ``eq``; same shape and dtype.

    ``auto_gain`` keeps the output as loud as ``audio`` and its peak below full scale
    (:mod:`eqmorph.audio.autogain`).
    """
    auto_gain = check_flag("auto_gain", auto_gain)
    y = apply_eq(audio, sample_rate, eq)
    if auto_gain:
        y = apply_auto_gain(check_audio(audio, sample_rate).reshape(y.shape), y)
    return _like(y, audio)


def as_automation(automation: Automation | str | Sequence[tuple[float, float]]) -> Automation:
    """An :class:`Automation` from itself, ``"0:0,8:1"`` text, or ``[(seconds, alpha), ...]`` points."""
    if isinstance(automation, Automation):
        return automation
    if isinstance(automation, str):
        return parse_automation(automation, "automation")
    try:
        times, alphas = zip(*((float(t), float(a)) for t, a in automation))
    except (TypeError, ValueError):
        raise ParameterError("automation", automation, "an Automation, 'SECONDS:ALPHA,...' text or "
                             "[(seconds, alpha), ...] points") from None
    return Automation(times, alphas)


def morph_audio(
    model: Morpher,
    audio: np.ndarray,
    sample_rate: float,
    word: str,
    to: str,
    automation: Automation | str | Sequence[tuple[float, float]],
    *,
    intensity: float = 1.0,
    method: str | None = None,
    auto_gain: bool = False,
) -> np.ndarray:
    """``audio`` filtered through the morph from ``word`` (alpha 0) to ``to`` (alpha 1) along ``automation``.

    ``automation``: alpha over time, e.g. ``"0:0,8:1"`` or ``[(0, 0), (8, 1)]`` (held before the first
    and after the last point).  Same shape and dtype out; ``auto_gain`` keeps the output as loud as ``audio``
    and its peak below full scale (:mod:`eqmorph.audio.autogain`).
    """
    from eqmorph.semantic.morph import Morpher  # the model layer builds on audio: imported when first used

    if not isinstance(model, Morpher):
        raise ParameterError("model", model, "an eqmorph.Morpher (eqmorph.load())", wrong_type=True)
    auto_gain = check_flag("auto_gain", auto_gain)
    auto = as_automation(automation)
    kwargs = {} if method is None else {"method": method}

    def params_at(alphas: np.ndarray) -> np.ndarray:
        return model.interpolate_params(word, to, alphas, intensity=intensity, **kwargs)

    y = apply_morph(audio, sample_rate, params_at, auto)
    past = auto.past_end(y.shape[0] / float(sample_rate), f"the audio lasts {y.shape[0] / float(sample_rate):.2f} s")
    if past is not None:  # as the CLI's --automate warns (a new-user trial: the API said nothing)
        warnings.warn(f"the automation {past}", UserWarning, stacklevel=user_stacklevel())
    if auto_gain:
        y = apply_auto_gain(check_audio(audio, sample_rate).reshape(y.shape), y)
    return _like(y, audio)
