"""Fixtures the command-line tests share."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from match_signals import BRIGHTER, MATCH_SR, pink_noise

from eqmorph.audio.filtering import apply_eq

TONES_SR = 44100


@pytest.fixture
def pair(tmp_path):
    """song.wav and a brighter reference.wav (PCM_16), 1.5 s each."""
    dry = pink_noise(1.5)
    sf.write(tmp_path / "song.wav", dry, MATCH_SR, subtype="PCM_16")
    sf.write(tmp_path / "reference.wav", 0.5 * apply_eq(dry, MATCH_SR, BRIGHTER), MATCH_SR, subtype="PCM_16")
    return tmp_path / "song.wav", tmp_path / "reference.wav"


@pytest.fixture
def tones_wav(tmp_path):
    """Half a second of low, mid and high tones (every word of the tiny model changes it), stereo FLOAT WAV:
    its path and its samples as read back."""
    t = np.arange(TONES_SR // 2) / TONES_SR
    mono = sum(0.1 * np.sin(2 * np.pi * f * t) for f in (150.0, 1000.0, 6000.0))
    path = tmp_path / "in.wav"
    sf.write(path, mono[:, None] * [1.0, 0.5], TONES_SR, subtype="FLOAT")
    return path, sf.read(path)[0]
