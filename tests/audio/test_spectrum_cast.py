"""float64 audio is analysed in float32 slices: the same spectrum, and errors still name the right sample."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.audio.spectrum import CAST_FRAMES_PER_FFT, SpectrumAccumulator, audio_spectrum, frame_length
from eqmorph.errors import AudioError

SR = 44100


def _noise(frames: int, channels: int = 2) -> np.ndarray:
    return 0.1 * np.random.default_rng(0).standard_normal((frames, channels))


def _slice_frames(total: int) -> int:
    return CAST_FRAMES_PER_FFT * frame_length(SR, total)


@pytest.mark.parametrize("channels", [1, 2])
def test_a_float64_recording_longer_than_one_cast_slice_gives_the_float32_spectrum(channels):
    total = 3 * _slice_frames(10**8) + 12345  # several slices and a ragged end
    x = _noise(total, channels)
    wide, narrow = audio_spectrum(x, SR), audio_spectrum(x.astype(np.float32), SR)
    np.testing.assert_allclose(wide.power, narrow.power, rtol=1e-6, atol=1e-12 * narrow.power.max())
    assert wide.frames == narrow.frames == total
    exact_dbfs = 10.0 * np.log10(np.mean(x**2))
    assert wide.rms_dbfs == pytest.approx(exact_dbfs, abs=1e-4)  # float32 sums per slice: 0.0001 dB


def test_a_nan_in_a_later_slice_is_reported_at_its_own_frame():
    total = 2 * _slice_frames(10**8) + 1000
    x = _noise(total)
    where = _slice_frames(10**8) + 777  # in the second slice
    x[where, 1] = np.nan
    acc = SpectrumAccumulator(SR, 2, total)
    with pytest.raises(AudioError, match=rf"first at frame {where} .*channel 1"):
        acc.update(x)


def test_a_float64_sample_beyond_float32_range_is_refused_as_out_of_scale_not_as_nan():
    x = _noise(SR)
    x[100, 0] = 1e39  # finite in float64, infinite once cast to float32
    with pytest.raises(AudioError, match=r"audio samples reach 1e\+39: expected full scale 1\.0"):
        audio_spectrum(x, SR)
