"""Filtering audio arrays through the 5-band EQ, static or morphing along an automation path.

Audio arrays have shape ``(frames, channels)`` (a 1-D array is one channel)
and hold float samples, full scale = 1.0, or integer PCM (:data:`PCM_DTYPES`, as scipy.io.wavfile and
soundfile's ``dtype="int16"`` return it), read at its full scale.  Any channel count >= 1 and any
sample rate from 8 kHz to 384 kHz is accepted; bands above
``dsp.NYQUIST_FRACTION * sample_rate`` are clamped there by :mod:`eqmorph.core.dsp`
(a 16 kHz high shelf at 8 kHz acts at 3.9 kHz instead).

The five biquads run as second-order sections in scipy's ``sosfilt`` kernel
(direct form II transposed) with their state carried from block to block, so
processing a signal in blocks of any size gives the same samples as one call.

A morph recomputes the coefficients every ``update_frames`` samples from the
automation's alpha at the middle of that sub-block and keeps the filter state,
so the output stays continuous: the coefficients move in small steps (the
residual "zipper" stays 70 dB or more below a sine during the 1.6 s sweeps of
tests/test_filtering.py at 44.1 kHz), and no section ever restarts.
Coefficients come from the RBJ Audio-EQ-Cookbook formulas in :mod:`eqmorph.core.dsp`.

The ``auto_gain`` of files and arrays is :mod:`eqmorph.audio.autogain`'s, measured on the audio (its loudness kept,
its peak below full scale), not the preamp an exported preset carries (:mod:`eqmorph.core.preamp`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable

import numpy as np

from eqmorph.audio.automation import Automation
from eqmorph.audio.sosfilt import filter_segment
from eqmorph.core import dsp
from eqmorph.core.eq import EQ
from eqmorph.core.eq import check_sample_rate as check_rate_type
from eqmorph.core.ranges import N_BANDS, PEAK_PERMS, PEAK_SLICE, to_model_space
from eqmorph.errors import AudioError, ParameterError, shown_value
from eqmorph.io.apo import MAX_PREAMP_DB  # a preset's Preamp is applied as this gain: one limit for both

MIN_GAIN_DB = -120.0  # the quietest gain a processor applies: a fade to silence is a gain, not a preset's Preamp

MIN_SAMPLE_RATE = 8000.0
MAX_SAMPLE_RATE = 384000.0
UPDATE_FRAMES = 64  # 1.5 ms at 44.1 kHz: fast enough to sound continuous, cheap enough for ~100x real time
# More channels than this, and more channels than frames, is an array given channels-first: (2, 44100) would be
# 44,100 channels of 2 frames.  16 covers the largest common layouts (9.1.6, third-order ambisonics), and a
# short block of a few channels ((1, 2): one stereo frame) stays valid.
MAX_CHANNELS_BEFORE_FRAMES = 16
# Integer PCM -> (zero code, full scale), as libsndfile scales it (int16 / 2**15; 8-bit WAV is unsigned around 128).
PCM_DTYPES = {np.dtype(np.int16): (0, 2.0**15), np.dtype(np.int32): (0, 2.0**31), np.dtype(np.uint8): (128, 2.0**7),
              np.dtype(np.int8): (0, 2.0**7)}

ParamsAt = Callable[[np.ndarray], np.ndarray]
"""``params_at(alphas (n,)) -> (n, 5, 3)`` physical EQ parameters along a morph."""

# --- input checks ---------------------------------------------------------------
def check_sample_rate(sample_rate: float) -> float:
    """Return ``sample_rate`` as float, or raise :class:`ParameterError` outside 8 kHz..384 kHz or not a number
    (:func:`eqmorph.core.eq.check_sample_rate`, the one type check, then the range audio runs at)."""
    try:
        sr = check_rate_type(sample_rate)
    except ParameterError:
        raise ParameterError("sample_rate", sample_rate, "a number of Hz from 8000 to 384000") from None
    if not MIN_SAMPLE_RATE <= sr <= MAX_SAMPLE_RATE:
        raise ParameterError("sample_rate", sample_rate, f"{MIN_SAMPLE_RATE:g}..{MAX_SAMPLE_RATE:g} Hz")
    return sr


def non_finite_report(samples: np.ndarray, start_frame: int = 0) -> tuple[int, int, int] | None:
    """``(count, first_frame, first_channel)`` of NaN/Inf samples in ``(frames, channels)``, or None."""
    bad = ~np.isfinite(samples)
    if not bad.any():
        return None
    frame, channel = np.argwhere(bad)[0]
    return int(bad.sum()), start_frame + int(frame), int(channel)


def non_finite_message(count: int, frame: int, channel: int, sample_rate: float) -> str:
    """One line saying how many samples are NaN/Inf and where the first one is."""
    return (
        f"{count} sample(s) are NaN or infinite; the first at frame {frame} ({frame / sample_rate:.3f} s), "
        f"channel {channel}; expected finite samples"
    )


def check_audio(samples: np.ndarray, sample_rate: float, channels: int | None = None) -> np.ndarray:
    """Validate audio and return it as float64 ``(frames, channels)``.

    samples: ``(frames,)`` or ``(frames, channels)``; ``channels`` if given must match.
    Raises :class:`AudioError` for a wrong shape, 0 frames or NaN/Inf samples.
    """
    x = np.asarray(check_audio_shape(samples, sample_rate, channels), dtype=np.float64)
    bad = non_finite_report(x)
    if bad is not None:
        raise AudioError(non_finite_message(*bad, check_sample_rate(sample_rate)))
    return x


def check_audio_shape(samples: np.ndarray, sample_rate: float, channels: int | None = None) -> np.ndarray:
    """:func:`check_audio` without the float64 copy and the NaN/Inf scan: float ``(frames, channels)`` as given.

    The one shape check of every array entry point: a 2-D array with more channels than frames and
    more than :data:`MAX_CHANNELS_BEFORE_FRAMES` channels is refused as channels-first.

    For callers that scan the samples anyway (the spectrum's sum of squares is NaN or infinite
    exactly when a sample is) and work in float32 (a float32 recording is not doubled in memory).
    """
    check_sample_rate(sample_rate)
    x = np.asarray(samples)
    # A path, given as it is or already wrapped by np.asarray (a 0-d array): say what to do instead of its shape ().
    given = x.item() if x.ndim == 0 and x.dtype.kind in "USO" else samples
    if isinstance(given, str | bytes | os.PathLike):
        raise AudioError(
            f"audio {shown_value(given, with_type=True)} is not allowed: expected a numpy array of samples, "
            "(frames,) or (frames, channels), as soundfile.read returns; read the file with soundfile first "
            "(to match two files, give their paths to eqmorph.semantic.match.match_files)"
        )
    if x.ndim == 1:
        x = x[:, None]
    if x.ndim != 2 or x.shape[1] < 1:
        raise AudioError(f"audio shape {np.shape(samples)} is not allowed: expected (frames,) or (frames, channels)")
    if 0 < x.shape[0] < x.shape[1] and x.shape[1] > MAX_CHANNELS_BEFORE_FRAMES:
        raise AudioError(
            f"audio shape {x.shape} looks channels-first ({x.shape[0]} channel(s) of {x.shape[1]} frames): expected "
            "(frames, channels), the layout soundfile returns; pass audio.T"
        )
    if channels is not None and x.shape[1] != channels:
        raise AudioError(f"audio has {x.shape[1]} channel(s): expected {channels}, as the processor was set up")
    if x.shape[0] == 0:
        raise AudioError("audio has 0 frames: expected at least one sample")
    return pcm_to_float(x)


def pcm_to_float(x: np.ndarray) -> np.ndarray:
    """Float samples as given, integer PCM (:data:`PCM_DTYPES`) scaled to full scale 1.0; other dtypes refused.

    float32 is exact for 16-bit PCM and keeps the spectrum's float32 path; 32-bit PCM needs float64.
    """
    if np.issubdtype(x.dtype, np.floating):
        return x
    if x.dtype not in PCM_DTYPES:
        raise AudioError(f"audio dtype {x.dtype} is not allowed: expected float samples (full scale 1.0) or integer "
                         f"PCM ({', '.join(map(str, PCM_DTYPES))})")
    zero, scale = PCM_DTYPES[x.dtype]
    out = np.float64 if x.dtype == np.int32 else np.float32
    return np.multiply(np.subtract(x, zero, dtype=out), 1.0 / scale, dtype=out)


def float_to_pcm(y: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Float samples back to the integer PCM ``dtype`` they came from: rounded, overs clipped as a PCM file clips."""
    zero, scale = PCM_DTYPES[np.dtype(dtype)]
    info = np.iinfo(dtype)
    return np.clip(np.rint(y * scale + zero), info.min, info.max).astype(dtype)


def check_params(params: np.ndarray, n: int) -> np.ndarray:
    """Validate what a ``params_at`` callable returned: ``(n, 5, 3)`` finite, freq and q > 0."""
    p = np.asarray(params, dtype=np.float64)
    if p.shape != (n, N_BANDS, 3):
        raise ParameterError("params_at(alphas).shape", p.shape, f"({n}, {N_BANDS}, 3) for {n} alphas")
    if not np.all(np.isfinite(p)) or np.any(p[..., 1:] <= 0):
        raise ParameterError(
            "params_at(alphas)", "non-finite or non-positive values", "finite gain_db, freq_hz > 0 and q > 0"
        )
    return p


class PeakMeter:
    """Running peak and count of samples beyond full scale (|x| > 1), fed block by block."""

    def __init__(self) -> None:
        self.peak = 0.0
        self.clipped_samples = 0

    def update(self, block: np.ndarray) -> None:
        """Account for ``block`` ``(frames, channels)``."""
        if block.size:
            magnitude = np.abs(block)
            self.peak = max(self.peak, float(magnitude.max()))
            self.clipped_samples += int(np.count_nonzero(magnitude > 1.0))

    @property
    def peak_dbfs(self) -> float:
        """Peak level in dBFS (-inf for silence)."""
        return 20.0 * math.log10(self.peak) if self.peak > 0 else -math.inf


# --- processors -----------------------------------------------------------------
class EQProcessor:
    """A static EQ over ``channels`` channels, state carried across :meth:`process` calls."""

    def __init__(self, sos: np.ndarray, sample_rate: float, channels: int, gain_db: float = 0.0) -> None:
        """sos: ``(5, 6)`` sections (``EQ.sos``); gain_db: preamp applied after filtering."""
        self.sample_rate = check_sample_rate(sample_rate)
        self.channels = _check_channels(channels)
        self.sos = np.ascontiguousarray(sos, dtype=np.float64)
        if self.sos.ndim != 2 or self.sos.shape[1] != 6:
            raise ParameterError("sos.shape", self.sos.shape, "(sections, 6)")
        self.gain_db = _check_gain(gain_db)
        self._gain = 10.0 ** (self.gain_db / 20.0)
        self._zi = np.zeros((self.channels, self.sos.shape[0], 2))  # the kernel's layout: (channels, sections, 2)
        self.frame = 0  # frames processed so far

    @classmethod
    def from_eq(cls, eq: EQ, sample_rate: float, channels: int, gain_db: float = 0.0) -> EQProcessor:
        """Processor for ``eq`` at ``sample_rate``."""
        return cls(eq.sos(check_sample_rate(sample_rate)), sample_rate, channels, gain_db)

    def process(self, block: np.ndarray) -> np.ndarray:
        """Filter the next ``(frames, channels)`` block; returns a new float64 array of that shape."""
        x = _check_block(block, self)
        if x.shape[0] == 0:
            return x.copy()
        y = filter_segment(self.sos, x.T, self._zi).T
        self.frame += x.shape[0]
        if self._gain != 1.0:
            y *= self._gain
        return y


class MorphProcessor:
    """An EQ morphing along ``automation``: coefficients follow alpha(t) every ``update_frames`` samples."""

    def __init__(
        self,
        params_at: ParamsAt,
        automation: Automation,
        sample_rate: float,
        channels: int,
        gain_db: float = 0.0,
        update_frames: int = UPDATE_FRAMES,
    ) -> None:
        self.params_at = params_at
        self.automation = automation
        self.sample_rate = check_sample_rate(sample_rate)
        self.channels = _check_channels(channels)
        if not isinstance(update_frames, int) or not 1 <= update_frames <= 8192:
            raise ParameterError("update_frames", update_frames, "an integer from 1 to 8192")
        self.update_frames = update_frames
        self.gain_db = _check_gain(gain_db)
        self._gain = 10.0 ** (self.gain_db / 20.0)
        self._zi = np.zeros((self.channels, N_BANDS, 2))  # the kernel's layout: (channels, sections, 2)
        self._last_params: np.ndarray | None = None  # (5, 3) of the latest sub-block, in section order
        self.frame = 0

    def params_for_frames(self, start: int, frames: int) -> tuple[np.ndarray, np.ndarray]:
        """Sub-blocks touching frames ``start .. start+frames-1``: indices ``(m,)`` and params ``(m, 5, 3)``."""
        u = self.update_frames
        blocks = np.arange(start // u, (start + frames - 1) // u + 1)
        alphas = self.automation.alpha_at((blocks + 0.5) * u / self.sample_rate)
        # Held stretches repeat one alpha many times: ask the model once per distinct value.
        unique, inverse = np.unique(alphas, return_inverse=True)
        params = check_params(self.params_at(unique), unique.size)[inverse]
        params = track_peak_order(params, self._last_params)
        self._last_params = params[-1]
        return blocks, params

    def process(self, block: np.ndarray) -> np.ndarray:
        """Filter the next ``(frames, channels)`` block; returns a new float64 array of that shape."""
        x = _check_block(block, self)
        n, start = x.shape[0], self.frame
        if n == 0:
            return x.copy()
        blocks, params = self.params_for_frames(start, n)
        sos = dsp.sos_np(params, self.sample_rate)  # (m, 5, 6)
        edges = np.append(np.clip(blocks * self.update_frames - start, 0, n), n)
        # One call per run of identical coefficients: held stretches go at static speed.
        changes = np.flatnonzero(np.any(sos[1:] != sos[:-1], axis=(1, 2))) + 1
        runs = np.concatenate([[0], changes, [len(blocks)]])
        xt = x.T  # (channels, frames), the kernel's layout
        y = np.empty((self.channels, n))
        for first, stop in zip(runs[:-1], runs[1:]):
            a, b = edges[first], edges[stop]
            y[:, a:b] = filter_segment(np.ascontiguousarray(sos[first]), xt[:, a:b], self._zi)
        self.frame += n
        if self._gain != 1.0:
            y *= self._gain
        return np.ascontiguousarray(y.T)


def track_peak_order(params: np.ndarray, previous: np.ndarray | None = None) -> np.ndarray:
    """Reorder each row's three peaking bands so each one continues a band of the row before.

    params: ``(m, 5, 3)``; previous: ``(5, 3)`` row that came just before, or None.
    The cascade sounds the same in any band order, but a biquad's state belongs
    to its coefficients: when two peaks cross in frequency, the canonical
    (sorted) order swaps their sections, and running the old state through the
    swapped coefficients clicks.  Matching each row to the previous one in
    model space keeps every section on one smoothly moving band.
    """
    feats = to_model_space(params)[:, PEAK_SLICE]  # (m, 3, 3)
    first_ref = feats[:1] if previous is None else to_model_space(previous)[None, PEAK_SLICE]
    refs = np.concatenate([first_ref, feats[:-1]])
    cost = ((feats[:, PEAK_PERMS] - refs[:, None]) ** 2).sum(axis=(2, 3))  # (m, 6)
    step = np.where(cost[:, 0] - cost.min(axis=1) > 1e-12, cost.argmin(axis=1), 0)
    if previous is None and not step.any():
        return params
    # Row i uses order P_i = step_i[P_{i-1}]: compose only where a step swaps bands.
    order = np.empty((len(params), 3), dtype=np.intp)
    current = np.arange(3)
    swaps = np.flatnonzero(step)
    order[: swaps[0] if swaps.size else len(params)] = current
    for k, i in enumerate(swaps):
        current = PEAK_PERMS[step[i]][current]
        order[i : swaps[k + 1] if k + 1 < swaps.size else len(params)] = current
    out = params.copy()
    out[:, PEAK_SLICE] = np.take_along_axis(params[:, PEAK_SLICE], order[:, :, None], axis=1)
    return out


def _check_channels(channels: int) -> int:
    if not isinstance(channels, (int, np.integer)) or channels < 1:
        raise ParameterError("channels", channels, "an integer >= 1")
    return int(channels)


def _check_gain(gain_db: float) -> float:
    if not (isinstance(gain_db, (int, float, np.floating)) and math.isfinite(gain_db)
            and MIN_GAIN_DB <= gain_db <= MAX_PREAMP_DB):
        raise ParameterError("gain_db", gain_db, f"a finite number of dB from {MIN_GAIN_DB:g} to {MAX_PREAMP_DB:g}")
    return float(gain_db)


def _check_block(block: np.ndarray, proc: EQProcessor | MorphProcessor) -> np.ndarray:
    x = np.asarray(pcm_to_float(np.asarray(block)), dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != proc.channels:
        raise AudioError(f"block shape {x.shape} is not allowed: expected (frames, {proc.channels})")
    bad = non_finite_report(x, proc.frame)
    if bad is not None:
        raise AudioError(non_finite_message(*bad, proc.sample_rate))
    return x


# --- one-shot helpers --------------------------------------------------------------
def apply_eq(samples: np.ndarray, sample_rate: float, eq: EQ, gain_db: float = 0.0) -> np.ndarray:
    """Filter a whole signal ``(frames,)`` or ``(frames, channels)`` through ``eq``; same shape out."""
    x = check_audio(samples, sample_rate)
    y = EQProcessor.from_eq(eq, sample_rate, x.shape[1], gain_db).process(x)
    return y.reshape(np.shape(samples))


def apply_morph(
    samples: np.ndarray,
    sample_rate: float,
    params_at: ParamsAt,
    automation: Automation,
    gain_db: float = 0.0,
    update_frames: int = UPDATE_FRAMES,
) -> np.ndarray:
    """Filter a whole signal through a morph following ``automation``; same shape out."""
    x = check_audio(samples, sample_rate)
    proc = MorphProcessor(params_at, automation, sample_rate, x.shape[1], gain_db, update_frames)
    return proc.process(x).reshape(np.shape(samples))
