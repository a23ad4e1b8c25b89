"""A quiet integer recording holds only its quantisation noise where its music is faint: a match leaves that out
(an eighth new-user trial: a guitar 60 dB down in a 16-bit WAV got a -10 dB treble shelf fitted to the noise)."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from scipy.signal import butter, sosfilt

from eqmorph.audio.spectrum import audio_spectrum, file_spectrum
from eqmorph.semantic.match import match_files

SR = 44100


def _quiet_dark_noise(seconds: float, rms_dbfs: float, seed: int = 0) -> np.ndarray:
    """Stereo noise whose band above 3 kHz is 40 dB below its band under it, at ``rms_dbfs``."""
    rng = np.random.default_rng(seed)
    noise = rng.standard_normal((int(seconds * SR), 2))
    low = sosfilt(butter(4, 3000.0, fs=SR, output="sos"), noise, axis=0)
    high = sosfilt(butter(4, 3000.0, btype="high", fs=SR, output="sos"), noise, axis=0)
    x = low + 0.01 * high
    return x * 10.0 ** (rms_dbfs / 20.0) / np.sqrt(np.mean(x**2))


@pytest.mark.parametrize("subtype,bits", [("PCM_16", 16), ("PCM_24", 24), ("FLOAT", None)])
def test_a_files_noise_floor_is_its_sample_formats_quantisation_noise(tmp_path, subtype, bits):
    path = tmp_path / "quiet.wav"
    t = np.arange(5 * SR) / SR
    sf.write(path, np.stack([1e-3 * np.sin(2 * np.pi * 200.0 * t)] * 2, axis=1), SR, subtype=subtype)
    spectrum = file_spectrum(path)
    assert spectrum.bits == bits
    if bits is None:
        assert spectrum.noise_floor == 0.0
        return
    away = (spectrum.freqs_hz > 2000.0) & (spectrum.freqs_hz < 20000.0)  # far from the sine: only the rounding
    measured_db = 10.0 * np.log10(np.mean(spectrum.power[away]) / spectrum.noise_floor)
    assert abs(measured_db) < 2.0 if bits == 16 else measured_db < 3.0


def test_arrays_have_no_known_noise_floor():
    spectrum = audio_spectrum(np.zeros((SR, 2)) + 1e-3, SR)
    assert spectrum.bits is None and spectrum.noise_floor == 0.0


def test_a_quiet_16_bit_input_is_matched_only_where_it_holds_more_than_its_noise_floor(tmp_path):
    quiet = _quiet_dark_noise(6.0, -75.0)
    sf.write(tmp_path / "in16.wav", quiet, SR, subtype="PCM_16")
    sf.write(tmp_path / "in24.wav", quiet, SR, subtype="PCM_24")
    reference = _quiet_dark_noise(6.0, -20.0, seed=1)
    sf.write(tmp_path / "ref.wav", reference, SR, subtype="PCM_16")
    in16 = match_files(tmp_path / "in16.wav", tmp_path / "ref.wav")
    in24 = match_files(tmp_path / "in24.wav", tmp_path / "ref.wav")
    assert in16.band_hz[1] < 8000.0 and in24.band_hz[1] > 15000.0  # the 24-bit copy holds its faint highs
    said = [w for w in in16.warnings if "noise floor" in w]
    assert len(said) == 1 and "the input holds only its 16-bit samples' noise floor above" in said[0]
    assert "it is quiet, -75 dBFS RMS" in said[0]
    assert said[0].count("noise floor") == 1  # one floor, however many bands lie under it
    assert not any("noise floor" in w for w in in24.warnings)


def test_an_8khz_references_missing_top_is_put_down_to_its_sample_rate_not_its_noise_floor(tmp_path):
    """A tenth new-user trial: "the reference holds only its 16-bit samples' noise floor nothing above 3.8 kHz (its
    sample rate is 8000 Hz) (it is quiet, -22 dBFS RMS: ...)" for an 8 kHz reference at -22 dBFS."""
    from scipy.signal import resample_poly

    x = _quiet_dark_noise(6.0, -22.0)
    sf.write(tmp_path / "in.wav", x, SR, subtype="PCM_16")
    sf.write(tmp_path / "ref8k.wav", resample_poly(x, 80, 441, axis=0), 8000, subtype="PCM_16")
    result = match_files(tmp_path / "in.wav", tmp_path / "ref8k.wav")
    (note,) = [w for w in result.warnings if "holds" in w]
    assert "nothing above" in note and "(its sample rate is 8000 Hz)" in note
    assert "noise floor" not in note and "quiet" not in note


def test_a_loud_file_at_its_noise_floor_is_not_called_quiet(tmp_path):
    """A -12 dBFS recording holds nothing but its rounding above its band: a louder copy would not hold more."""
    noise = np.random.default_rng(2).standard_normal((4 * SR, 2))
    low = sosfilt(butter(8, 1000.0, fs=SR, output="sos"), noise, axis=0)
    sf.write(tmp_path / "in.wav", 0.1 * noise, SR, subtype="PCM_16")
    sf.write(tmp_path / "low.wav", low * 10.0 ** (-12.0 / 20.0) / np.sqrt(np.mean(low**2)), SR, subtype="PCM_16")
    result = match_files(tmp_path / "in.wav", tmp_path / "low.wav")
    (note,) = [w for w in result.warnings if "holds" in w]
    assert "16-bit samples' noise floor" in note and "quiet" not in note


def test_a_band_the_reference_lacks_only_as_its_loudest_band_grew_says_the_input_is_faint_there_too():
    """An eleventh new-user trial: a reference that only had 6 dB more bass was said to hold "almost nothing above
    13 kHz", where it held what the input did."""
    from eqmorph.audio.filtering import apply_eq
    from eqmorph.core.eq import EQ
    from eqmorph.semantic.match import match_result

    noise = np.random.default_rng(4).standard_normal((10 * SR, 2))
    x = sosfilt(butter(4, 1000.0, fs=SR, output="sos"), noise, axis=0) + 0.0015 * noise  # its top 56 dB down
    more_bass = EQ.from_array([[6.0, 200.0, 0.71], [0.0, 500.0, 1.0], [0.0, 1000.0, 1.0], [0.0, 3000.0, 1.0],
                               [0.0, 8000.0, 0.71]])
    result = match_result(x, apply_eq(x, SR, more_bass), SR)
    (note,) = [w for w in result.warnings if "holds" in w]
    assert note.startswith("the reference holds almost nothing above") and "the input is faint there too" in note
