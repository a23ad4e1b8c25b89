"""Filtering arrays: exactness, block independence, click-free morphs, clipping guard, input checks."""

import math

import numpy as np
import pytest
from scipy import signal

from eqmorph import EQ
from eqmorph.audio import filtering
from eqmorph.audio import sosfilt as sos_kernel
from eqmorph.audio.automation import parse_automation
from eqmorph.audio.filtering import (
    EQProcessor,
    MorphProcessor,
    PeakMeter,
    apply_eq,
    apply_morph,
)
from eqmorph.core import dsp
from eqmorph.core.eq import canonical_array
from eqmorph.core.ranges import flat_params
from eqmorph.errors import AudioError, ParameterError

SAMPLE_RATES = [8000, 44100, 48000, 96000, 192000]
CHANNELS = [1, 2, 8]


def _sine(freq_hz, sample_rate, seconds, channels=1, amplitude=0.5):
    t = np.arange(int(seconds * sample_rate)) / sample_rate
    phases = np.arange(channels) * 0.7  # distinct channels, so a channel mix-up would show
    return amplitude * np.sin(2 * np.pi * freq_hz * t[:, None] + phases)


def _peak_eq(gain_db, freq_hz=1000.0, q=2.0):
    p = flat_params()
    p[2] = [gain_db, freq_hz, q]
    return EQ.from_array(p)


def _lerp_params_at(a, b):
    """A model stand-in: gains linear, frequencies and Qs geometric, peaks sorted like the real model's."""

    def params_at(alphas):
        al = np.asarray(alphas, dtype=float)[:, None, None]
        out = a * (1 - al) + b * al
        out[..., 1:] = np.exp(np.log(a[..., 1:]) * (1 - al) + np.log(b[..., 1:]) * al)
        return canonical_array(out)

    return params_at


def _boost_morph(gain_db=12.0):
    b = flat_params()
    b[2] = [gain_db, 1000.0, 1.0]
    return _lerp_params_at(flat_params(), b)


def _crossing_morph():
    """Two peaks that swap frequencies: sorted order swaps their sections half way."""
    a, b = flat_params(), flat_params()
    a[1], a[2] = [12.0, 400.0, 2.0], [-12.0, 3000.0, 1.0]
    b[1], b[2] = [12.0, 3000.0, 2.0], [-12.0, 400.0, 1.0]
    return _lerp_params_at(a, b)


def _click_level(y, sample_rate, skip_s=0.1):
    """Largest high-passed (8 kHz, far above the 1 kHz test sine) sample: steps and clicks are broadband."""
    hp = signal.butter(8, 8000.0, "highpass", fs=sample_rate, output="sos")
    return float(np.abs(signal.sosfilt(hp, y, axis=0)[int(skip_s * sample_rate) :]).max())


# --- static EQ -------------------------------------------------------------------
@pytest.mark.parametrize("sample_rate", SAMPLE_RATES)
@pytest.mark.parametrize("channels", CHANNELS)
def test_a_0_db_eq_leaves_audio_unchanged(sample_rate, channels):
    x = np.random.default_rng(0).uniform(-1, 1, (sample_rate // 10, channels))
    np.testing.assert_allclose(apply_eq(x, sample_rate, EQ.flat()), x, atol=1e-6, rtol=0)


@pytest.mark.parametrize("sample_rate", SAMPLE_RATES)
@pytest.mark.parametrize("gain_db", [-9.0, 6.0])
def test_a_sine_at_a_peaks_centre_changes_level_by_the_band_gain(sample_rate, gain_db):
    freq_hz = 1000.0
    x = _sine(freq_hz, sample_rate, 0.5, channels=2)
    y = apply_eq(x, sample_rate, _peak_eq(gain_db, freq_hz))
    steady = slice(sample_rate // 5, sample_rate // 5 + 50 * sample_rate // 1000)  # 50 whole periods
    change_db = 20 * np.log10(np.sqrt(np.mean(y[steady] ** 2, 0)) / np.sqrt(np.mean(x[steady] ** 2, 0)))
    np.testing.assert_allclose(change_db, gain_db, atol=0.1)


@pytest.mark.parametrize("channels", CHANNELS)
def test_static_processing_in_blocks_equals_one_shot(channels):
    x = np.random.default_rng(1).normal(0, 0.2, (20000, channels))
    eq = EQ.from_array([[4, 120, 0.71], [-3, 400, 1.5], [5, 2000, 3.0], [-2, 6000, 0.7], [3, 9000, 0.71]])
    proc = EQProcessor.from_eq(eq, 44100, channels)
    sizes = [1, 7, 64, 999, 4096, 20000]
    pieces, start = [], 0
    for size in sizes:
        pieces.append(proc.process(x[start : start + size]))
        start += size
    np.testing.assert_array_equal(np.concatenate(pieces), apply_eq(x, 44100, eq))


def test_an_empty_block_mid_stream_changes_nothing():
    x = np.random.default_rng(6).normal(0, 0.2, (3000, 2))
    params_at, auto = _crossing_morph(), parse_automation("0:0,0.05:1")
    for proc, whole in [
        (EQProcessor.from_eq(_peak_eq(6.0), 44100, 2), apply_eq(x, 44100, _peak_eq(6.0))),
        (MorphProcessor(params_at, auto, 44100, 2), apply_morph(x, 44100, params_at, auto)),
    ]:
        pieces = [proc.process(x[:1000]), proc.process(x[:0]), proc.process(x[1000:])]
        assert pieces[1].shape == (0, 2)
        np.testing.assert_allclose(np.concatenate(pieces), whole, atol=1e-12)


def test_a_one_dimensional_signal_comes_back_one_dimensional():
    x = _sine(1000, 48000, 0.1)[:, 0]
    y = apply_eq(x, 48000, _peak_eq(6.0))
    assert y.shape == x.shape
    assert np.max(np.abs(y)) > 1.5 * np.max(np.abs(x))


def test_bands_above_the_nyquist_limit_are_clamped_and_the_output_stays_finite():
    params = flat_params()
    params[3] = [12.0, 15000.0, 4.0]  # above 8 kHz's Nyquist
    params[4] = [12.0, 20000.0, 0.71]
    y = apply_eq(_sine(1000, 8000, 0.2, channels=12), 8000, EQ.from_array(params))
    assert y.shape == (1600, 12)
    assert np.all(np.isfinite(y))


# --- morphing along an automation ------------------------------------------------
@pytest.mark.parametrize("channels", [1, 8])
def test_morph_processing_in_blocks_equals_one_shot(channels):
    x = np.random.default_rng(2).normal(0, 0.2, (30000, channels))
    params_at, auto = _crossing_morph(), parse_automation("0.05:0,0.6:1")
    one_shot = apply_morph(x, 44100, params_at, auto)
    proc = MorphProcessor(params_at, auto, 44100, channels)
    rng = np.random.default_rng(3)
    pieces, start = [], 0
    while start < len(x):
        size = int(rng.integers(1, 3000))
        pieces.append(proc.process(x[start : start + size]))
        start += size
    np.testing.assert_allclose(np.concatenate(pieces), one_shot, rtol=0, atol=1e-12)


@pytest.mark.parametrize("sample_rate", [44100, 48000, 96000])
@pytest.mark.parametrize("make_morph", [_boost_morph, _crossing_morph], ids=["boost", "crossing_peaks"])
def test_an_automated_morph_is_click_free(sample_rate, make_morph):
    x = _sine(1000.0, sample_rate, 2.0)
    params_at, auto = make_morph(), parse_automation("0.2:0,1.8:1")
    y = apply_morph(x, sample_rate, params_at, auto)
    settled = int(0.1 * sample_rate)
    # No sample-to-sample jump larger than a static EQ's at the loudest alpha on the path (a click would add one):
    # a steady sine of amplitude A jumps at most A * 2 sin(pi f / fs) between samples.
    gains_db = dsp.response_db_np(params_at(np.linspace(0, 1, 401)), [1000.0], sample_rate)
    loudest = 0.5 * 10 ** (gains_db.max() / 20) * 2 * np.sin(np.pi * 1000.0 / sample_rate)
    jumps = np.abs(np.diff(y[settled:, 0]))
    assert jumps.max() <= 1.01 * loudest
    # ... none larger where the coefficients change than inside the sub-blocks ...
    frame = np.arange(settled + 1, len(y))
    at_boundary = frame % filtering.UPDATE_FRAMES == 0
    assert jumps[at_boundary].max() <= 1.01 * jumps[~at_boundary].max()
    # ... and almost nothing broadband beside the sine (-60 dBFS, while the control below shows a click at -30).
    assert _click_level(y, sample_rate) < 1e-3


def test_the_click_measure_catches_a_filter_state_reset():
    """Control for the test above: restarting the filter mid-signal is a click it must see."""
    sample_rate = 44100
    x = _sine(1000.0, sample_rate, 1.0)
    eq = _peak_eq(12.0)
    half = len(x) // 2
    y = np.concatenate([apply_eq(x[:half], sample_rate, eq), apply_eq(x[half:], sample_rate, eq)])
    assert _click_level(y, sample_rate) > 3e-2


def test_a_morph_held_at_one_alpha_equals_that_static_eq():
    x = np.random.default_rng(4).normal(0, 0.2, (10000, 2))
    params_at = _boost_morph()
    y = apply_morph(x, 44100, params_at, parse_automation("0:0.5"))
    np.testing.assert_allclose(y, apply_eq(x, 44100, EQ.from_array(params_at(np.array([0.5]))[0])), atol=1e-12)


def test_the_morph_kernel_and_public_scipy_give_the_same_samples(monkeypatch):
    x = np.random.default_rng(5).normal(0, 0.2, (5000, 3))
    args = (x, 48000, _crossing_morph(), parse_automation("0:0,0.1:1"))
    fast = apply_morph(*args)
    monkeypatch.setattr(sos_kernel, "_sosfilt_kernel", None)
    np.testing.assert_array_equal(apply_morph(*args), fast)


def test_a_params_at_returning_the_wrong_shape_is_refused():
    with pytest.raises(ParameterError, match=r"\(n|shape"):
        apply_morph(np.zeros((100, 1)), 44100, lambda al: np.zeros((len(al), 15)), parse_automation("0:0,1:1"))


# --- peak meter ------------------------------------------------------------------------
def test_the_peak_meter_reports_dbfs_and_counts_samples_beyond_full_scale():
    meter = PeakMeter()
    meter.update(np.array([[0.5, -0.25]]))
    assert meter.peak_dbfs == pytest.approx(20 * math.log10(0.5))
    meter.update(np.array([[1.5, -2.0], [1.0, 0.0]]))
    assert meter.clipped_samples == 2
    assert meter.peak_dbfs == pytest.approx(20 * math.log10(2.0))


# --- input checks ----------------------------------------------------------------------
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_or_inf_samples_are_refused_with_their_count_and_first_position(bad):
    x = np.zeros((1000, 2))
    x[300, 1] = bad
    x[700, 0] = bad
    with pytest.raises(AudioError) as info:
        apply_eq(x, 1000 * 8, EQ.flat())
    message = str(info.value)
    assert "2 sample(s)" in message
    assert "frame 300" in message and "channel 1" in message


def test_a_processor_reports_the_absolute_frame_of_a_nan():
    proc = EQProcessor.from_eq(EQ.flat(), 44100, 1)
    proc.process(np.zeros((500, 1)))
    block = np.zeros((100, 1))
    block[10] = np.nan
    with pytest.raises(AudioError, match="frame 510"):
        proc.process(block)


def test_zero_frames_are_refused():
    with pytest.raises(AudioError, match="0 frames"):
        apply_eq(np.zeros((0, 2)), 44100, EQ.flat())


@pytest.mark.parametrize("sample_rate", [4000, 7999, 384001, 768000])
def test_sample_rates_outside_8_to_384_khz_are_refused(sample_rate):
    with pytest.raises(ParameterError, match="sample_rate"):
        apply_eq(np.zeros((10, 1)), sample_rate, EQ.flat())


@pytest.mark.parametrize("sample_rate", [8000, 384000])
def test_the_extreme_allowed_sample_rates_work(sample_rate):
    x = _sine(1000.0, sample_rate, 0.05, channels=2)
    assert np.all(np.isfinite(apply_eq(x, sample_rate, _peak_eq(6.0))))


def test_many_channels_are_filtered_independently():
    x = np.zeros((2000, 16))
    x[0, 5] = 1.0  # an impulse in one channel only
    y = apply_eq(x, 44100, _peak_eq(6.0))
    assert np.all(y[:, np.arange(16) != 5] == 0.0)
    assert np.abs(y[:, 5]).sum() > 1.0


@pytest.mark.parametrize("samples", [np.zeros((10, 2, 2)), np.zeros((10, 2), dtype=np.int64)])
def test_arrays_that_are_not_float_frames_by_channels_are_refused(samples):
    with pytest.raises(AudioError):
        apply_eq(samples, 44100, EQ.flat())


def test_a_block_with_the_wrong_channel_count_is_refused():
    proc = EQProcessor.from_eq(EQ.flat(), 44100, 2)
    with pytest.raises(AudioError, match=r"\(frames, 2\)"):
        proc.process(np.zeros((10, 3)))
