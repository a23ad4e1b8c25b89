"""Recordings the match tests share: pink-ish noise and the EQ that makes a reference brighter than a song."""

from __future__ import annotations

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
