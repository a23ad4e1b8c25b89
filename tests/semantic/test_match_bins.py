"""Two spectra with bins of different widths (fixed-length frames at two sample rates, as the page measured them
before new-user trial 8 and as an /api/match client may) are smoothed over the same bands, so a recording matched to
its own resampled copy gets no bands the copy does not ask for."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from scipy.signal import resample_poly, welch
from tests.match_signals import MATCH_SR

from eqmorph.audio.smoothing import common_reach_hz, smooth_octave
from eqmorph.audio.spectrum import Spectrum
from eqmorph.core.fit import fit_grid
from eqmorph.semantic.match import match_spectra

DRUMS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "audio" / "drums.wav"  # ../shared, as CI
PAGE_N_FFT = 8192  # the page's frames before trial 8 (web/spectrum.js N_FFT): 5.4 Hz bins at 44.1 kHz, 1 Hz at 8 kHz


def _page_spectrum(x: np.ndarray, sample_rate: float) -> Spectrum:
    """A spectrum measured as the page measured one (now the library's frames): Hann frames of PAGE_N_FFT samples,
    half overlap."""
    f, p = welch(x, fs=sample_rate, window="hann", nperseg=PAGE_N_FFT, noverlap=PAGE_N_FFT // 2, axis=0)
    rms_dbfs = 10.0 * np.log10(np.mean(x**2))
    return Spectrum(f, p.sum(axis=1), sample_rate, len(x), x.shape[1], rms_dbfs, 0,
                    n_frames=2 * len(x) // PAGE_N_FFT - 1)


def _bass_heavy(seconds: float) -> np.ndarray:
    """Stereo noise with a kick-drum-like bump at 60 Hz, falling 12 dB per octave above it."""
    rng = np.random.default_rng(3)
    n = int(seconds * MATCH_SR)
    spec = np.fft.rfft(rng.standard_normal((n, 2)), axis=0)
    f = np.fft.rfftfreq(n, 1.0 / MATCH_SR)
    spec *= (1.0 / (1.0 + (f / 60.0) ** 2) + 0.01)[:, None]
    x = np.fft.irfft(spec, n=n, axis=0)
    return 0.3 * x / np.abs(x).max()


@pytest.mark.parametrize("rate, up, down", [(8000, 80, 441), (22050, 1, 2)])
def test_a_recording_matched_to_its_own_resampled_copy_measured_by_the_page_gets_no_large_bands(rate, up, down):
    # A new-user trial: drums against their 8 kHz copy got -12 dB at 60 Hz and +7.9 dB at 74 Hz from the page, while
    # `eqmorph match` said "the same in tone": the coarser spectrum's bands reached further.
    x, sample_rate = sf.read(DRUMS, always_2d=True)
    result = match_spectra(_page_spectrum(x, sample_rate), _page_spectrum(resample_poly(x, up, down, axis=0), rate))
    assert np.abs(result.eq.to_array()[:, 0]).max() < 4.0


def test_with_a_common_reach_both_spectra_are_smoothed_over_the_same_bands():
    x = _bass_heavy(20.0)
    fine, coarse = _page_spectrum(resample_poly(x, 80, 441, axis=0), 8000), _page_spectrum(x, MATCH_SR)
    freqs = fit_grid()[:40]  # 20-90 Hz: where the bands are a few coarse bins wide
    reach = common_reach_hz(fine, coarse)
    assert reach == pytest.approx(3.0 * MATCH_SR / PAGE_N_FFT)
    level = 10.0 * np.log10(smooth_octave(coarse, freqs, 4, reach) / smooth_octave(fine, freqs, 4, reach))
    np.testing.assert_allclose(level - level.mean(), 0.0, atol=1.5)
