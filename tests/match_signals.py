"""Recordings the match tests share: pink-ish noise, a pink multi-sine and the EQ that makes a reference brighter than
a song."""

from __future__ import annotations

import functools

import numpy as np

from eqmorph import EQ

MATCH_SR = 44100  # the match tests' recordings
# What the match tests' reference has that the song has not: less bass, more treble.
BRIGHTER = EQ.from_array([[-3.0, 200.0, 0.71], [0.0, 300.0, 1.0], [0.0, 1000.0, 1.0], [0.0, 3000.0, 1.0],
                          [6.0, 4000.0, 0.71]])


def pink_noise(seconds: float, seed: int = 0, peak: float = 0.3) -> np.ndarray:
    """Stereo pink-ish noise ``(frames, 2)`` at MATCH_SR, scaled to ``peak``."""
    rng = np.random.default_rng(seed)
    spec = np.fft.rfft(rng.standard_normal((int(seconds * MATCH_SR), 2)), axis=0)
    spec /= np.sqrt(np.maximum(np.arange(len(spec)), 1))[:, None]
    x = np.fft.irfft(spec, n=int(seconds * MATCH_SR), axis=0)
    return peak * x / np.abs(x).max()


def multisine(seconds, sample_rate, channels=1, seed=0):
    """``(frames, channels)``: 300 log-spaced sines, 20 Hz-18 kHz, amplitude ~ 1/sqrt(f) (pink), peak 0.5."""
    return _multisine(float(seconds), int(sample_rate), channels, seed).copy()


@functools.lru_cache(maxsize=16)
def _multisine(seconds, sample_rate, channels, seed):
    rng = np.random.default_rng(seed)
    freqs = np.geomspace(20.0, 18000.0, 300)
    phases = rng.uniform(0, 2 * np.pi, (channels, len(freqs)))
    t = np.arange(int(seconds * sample_rate)) / sample_rate
    out = np.empty((len(t), channels))
    for c in range(channels):
        out[:, c] = np.sin(2 * np.pi * np.outer(t, freqs).astype(np.float32) + phases[c].astype(np.float32)) \
            @ (1.0 / np.sqrt(freqs)).astype(np.float32)
    return 0.5 * out / np.abs(out).max()


PAGE_SR = 48_000  # the page tests' recordings
# What the page tests' reference went through: a bass cut, a 2 kHz bell and a treble lift, as (5, 3) params.
PAGE_KNOWN = np.array([[-6.0, 200.0, 0.71], [0.0, 500.0, 1.0], [4.0, 2000.0, 1.2], [0.0, 5000.0, 1.0],
                       [6.0, 6000.0, 0.71]])


def float_wav(path, x: np.ndarray, sample_rate: int = PAGE_SR) -> str:
    """``x`` written to ``path`` as a 32-bit float WAV; the path as a string (what a file input takes)."""
    import soundfile as sf

    sf.write(path, x.astype(np.float32), sample_rate, subtype="FLOAT")
    return str(path)


def page_recordings(folder) -> tuple[dict[str, str], np.ndarray]:
    """Three seconds of white noise (``"dry"``) and the same through PAGE_KNOWN (``"wet"``) as WAVs in ``folder``,
    and the noise itself."""
    from scipy.signal import sosfilt

    from eqmorph.core import dsp

    dry = 0.1 * np.random.default_rng(0).standard_normal(PAGE_SR * 3)
    wet = sosfilt(dsp.sos_np(PAGE_KNOWN, PAGE_SR), dry)
    return {"dry": float_wav(folder / "dry.wav", dry), "wet": float_wav(folder / "wet.wav", wet)}, dry
