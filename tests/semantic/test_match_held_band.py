"""A match outside the band it covers: its EQ holds the level it has at the covered band's edge."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import butter, sosfilt
from tests.match_signals import BRIGHTER, MATCH_SR, pink_noise

from eqmorph.semantic.match import match_result

EDGE_HOLD_DB = 2.0  # how far the EQ may wander from its covered edge's level beyond it


def _band_limited(x: np.ndarray, low_hz: float | None, high_hz: float | None) -> np.ndarray:
    """``x`` through an 8th-order Butterworth high-pass at ``low_hz`` and/or low-pass at ``high_hz``."""
    for hz, kind in ((low_hz, "highpass"), (high_hz, "lowpass")):
        if hz is not None:
            x = sosfilt(butter(8, hz, kind, fs=MATCH_SR, output="sos"), x, axis=0)
    return x


@pytest.mark.parametrize("low_hz, high_hz", [(300.0, 3400.0), (None, 5000.0), (250.0, None)],
                         ids=["phone", "dull", "thin"])
def test_a_match_to_a_band_limited_reference_holds_its_edge_level_beyond_the_covered_band(low_hz, high_hz):
    # The reference is brighter than the input where it has sound, and has nothing beyond (a phone call, a dull
    # transfer, a thin one). The note promises the EQ is not cut further there: the EQ must keep that promise rather
    # than run a shelf on to -12 dB where the fit no longer looked (a phone-band piano: 11 dB beyond the edge).
    dry = pink_noise(8.0)
    reference = _band_limited(BRIGHTER.process(pink_noise(8.0, seed=1), MATCH_SR), low_hz, high_hz)
    result = match_result(dry, reference, MATCH_SR)
    held = "not cut further there: it holds the level it has at the covered band's edge"
    assert any(held in note for note in result.warnings)
    freqs, used = result.freqs_hz, result.used
    response = result.eq.response_db(freqs, MATCH_SR)
    first, last = np.flatnonzero(used)[[0, -1]]
    below, above = np.arange(len(freqs)) < first, np.arange(len(freqs)) > last
    assert below.any() or above.any()
    assert np.all(np.abs(response[below] - response[first]) <= EDGE_HOLD_DB)
    assert np.all(np.abs(response[above] - response[last]) <= EDGE_HOLD_DB)
    # ...while it still follows the difference where both have sound.
    assert result.rms_db < 1.0


def _brick_wall(x: np.ndarray, high_hz: float) -> np.ndarray:
    """``x`` with every FFT bin above ``high_hz`` removed: an MP3 encoder's low-pass, nothing left above it."""
    spectrum = np.fft.rfft(x, axis=0)
    spectrum[np.fft.rfftfreq(len(x), 1.0 / MATCH_SR) > high_hz] = 0.0
    return np.fft.irfft(spectrum, n=len(x), axis=0)


@pytest.mark.parametrize("lossy", ["input", "reference"])
def test_a_recording_matched_to_its_brick_walled_copy_gets_no_eq_at_the_wall(lossy):
    # An MP3 and its lossless original: smoothed over a quarter octave, the wall at 16 kHz spread into the points
    # above it, which were judged to hold sound, and the match put +11 dB at 19 kHz (a new-user trial, 2026-12-03).
    original = pink_noise(8.0)
    copy = _brick_wall(original, 16_000.0)
    dry, reference = (copy, original) if lossy == "input" else (original, copy)
    result = match_result(dry, reference, MATCH_SR)
    assert any(f"the {lossy} holds almost nothing above" in note for note in result.warnings)
    freqs = np.array([8_000.0, 12_000.0, 15_000.0, 18_000.0, 20_000.0])
    assert np.all(np.abs(result.eq.response_db(freqs, MATCH_SR)) < 1.0)
