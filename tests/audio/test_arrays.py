"""Arrays in, arrays out: EQ.process and morph_audio keep the shape and dtype soundfile gives."""

import warnings

import numpy as np
import pytest

import eqmorph
from eqmorph import EQ, AudioError, ParameterError
from eqmorph.audio.arrays import as_automation, morph_audio
from eqmorph.audio.automation import parse_automation
from eqmorph.audio.filtering import apply_eq, apply_morph

SR = 44100
ROWS = [[6.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]


def _noise(shape, dtype=np.float64):
    return (0.1 * np.random.default_rng(0).standard_normal(shape)).astype(dtype)


@pytest.mark.parametrize("shape", [(4410,), (4410, 1), (4410, 2), (4410, 6)])
def test_eq_process_keeps_the_shape_and_filters_like_apply_eq(shape):
    eq = EQ.from_array(ROWS)
    x = _noise(shape)
    y = eq.process(x, SR)
    assert y.shape == shape and y.dtype == np.float64
    np.testing.assert_array_equal(y, apply_eq(x, SR, eq))
    assert not np.allclose(y, x)


def test_eq_process_keeps_float32_and_auto_gain_keeps_the_input_loudness():
    eq = EQ.from_array(ROWS)
    x = _noise((2205, 2), np.float32)
    y = eq.process(x, SR)
    assert y.dtype == np.float32
    levelled = eq.process(x, SR, auto_gain=True)
    assert levelled.dtype == np.float32

    def mean_square_db(a):
        return 10.0 * np.log10(np.mean(np.square(a, dtype=np.float64)))

    assert abs(mean_square_db(y) - mean_square_db(x)) > 1.0  # the EQ alone changes the level
    assert mean_square_db(levelled) == pytest.approx(mean_square_db(x), abs=0.01)
    np.testing.assert_allclose(levelled, y * (levelled[0, 0] / y[0, 0]), rtol=1e-5, atol=1e-7)  # one gain


def test_eq_process_refuses_bad_rates():
    for rate in (1000, "44100", True):  # a string or bool is an argument mix-up, never a rate
        with pytest.raises(ParameterError, match="sample_rate"):
            EQ.flat().process(np.zeros(100), rate)


def test_morph_audio_follows_the_automation_on_arrays(tiny_model):
    x = _noise((SR, 2), np.float32)
    y = morph_audio(tiny_model, x, SR, "warm", "bright", "0:0,1:1")
    assert y.shape == x.shape and y.dtype == np.float32

    def params_at(alphas):
        return tiny_model.interpolate_params("warm", "bright", alphas)

    expected = apply_morph(x, SR, params_at, parse_automation("0:0,1:1"))
    np.testing.assert_allclose(y, expected.astype(np.float32), rtol=1e-6, atol=1e-7)
    same = morph_audio(tiny_model, x, SR, "warm", "bright", [(0, 0), (1, 1)])
    np.testing.assert_array_equal(same, y)


def test_automation_points_are_checked():
    assert as_automation([(0, 0.0), (2, 1.0)]).alphas == (0.0, 1.0)
    with pytest.raises(ParameterError, match="automation"):
        as_automation([(0, 0.0, 1)])


def _entry_points():
    from eqmorph.audio.files import write_audio
    from eqmorph.audio.spectrum import audio_spectrum

    eq = EQ.from_array(ROWS)
    return {
        "EQ.process": lambda x: eq.process(x, SR),
        "apply_eq": lambda x: apply_eq(x, SR, eq),
        "apply_morph": lambda x: apply_morph(x, SR, lambda a: np.repeat(eq.to_array()[None], len(a), axis=0),
                                             parse_automation("0:0", "automation")),
        "audio_spectrum": lambda x: audio_spectrum(x, SR),
        "write_audio": lambda x: write_audio("never-written.wav", x, SR),
    }


@pytest.mark.parametrize("entry", ["EQ.process", "apply_eq", "apply_morph", "audio_spectrum", "write_audio"])
def test_a_channels_first_array_is_refused_saying_to_pass_its_transpose(entry, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    x = _noise((2, SR))  # (channels, frames): as 44,100 channels of 2 frames it would be mangled audio
    with pytest.raises(AudioError, match=r"channels-first.*\(frames, channels\).*audio\.T"):
        _entry_points()[entry](x)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("shape", [(1, 2), (2, 2), (1, 16), (4, 16), (17, 17), (5000, 64)])
def test_short_blocks_and_many_channel_recordings_are_still_frames_by_channels(shape):
    y = EQ.from_array(ROWS).process(_noise(shape), SR)
    assert y.shape == shape and np.all(np.isfinite(y))


def test_auto_gain_says_when_the_peak_limit_leaves_the_output_quieter_than_the_input():
    # A thirteenth new-user trial: "less muddy" on guitar.wav came out 0.21 dB quieter with auto_gain=True, unsaid
    # (the command line's report says it). Boosting a faint tone beside a loud one raises the peak more than the
    # loudness: levelled, a recording near full scale needs the peak limit; a quiet one does not.
    t = np.arange(SR) / SR
    boost = EQ.flat().with_band(2, gain_db=9.0, freq_hz=1000.0, q=1.0)
    loud = 0.7 * np.sin(2 * np.pi * 100.0 * t) + 0.25 * np.sin(2 * np.pi * 1000.0 * t)
    with pytest.warns(eqmorph.AutoGainPeakWarning, match=r"auto gain: .* the output is \d+\.\d dB quieter than the "
                                                         r"input") as caught:
        out = boost.process(loud, SR, auto_gain=True)
    assert caught[0].filename == __file__  # at the user's line, not inside eqmorph
    cut_db = 10 * np.log10(np.mean(loud**2) / np.mean(out**2))
    assert f"{cut_db:.1f} dB quieter" in str(caught[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error", eqmorph.AutoGainPeakWarning)
        boost.process(0.05 * loud, SR, auto_gain=True)  # room under full scale: nothing to say
