"""Trial 4's match findings: bands a recording lacks are named (1), amount scales the one full match (11),
duplicate peaking bands are merged (20)."""

import numpy as np
import pytest
from scipy.signal import butter, resample_poly, sosfilt

from eqmorph import EQ
from eqmorph.audio.filtering import apply_eq
from eqmorph.core.dsp import response_db_np
from eqmorph.errors import ParameterError
from eqmorph.semantic.match import match_result
from eqmorph.semantic.match_fit import MERGE_MAX_RISE_DB, merge_duplicate_peaks

RATE = 44100
FREQS = np.geomspace(20.0, 20000.0, 256)
BRIGHT = EQ.from_array([[-3.0, 200.0, 0.71], [0.0, 500.0, 1.0], [2.0, 1500.0, 1.0], [0.0, 3000.0, 1.0],
                        [4.0, 3000.0, 0.71]])


def noise(seconds, seed, rate=RATE):
    return 0.1 * np.random.default_rng(seed).standard_normal((int(seconds * rate), 1))


def notes_with(result, text):
    return [note for note in result.warnings if text in note]


# --- 1: a band one recording lacks is named, with the reason and the band the match covers ------------------------


def test_a_reference_at_8_khz_is_said_to_hold_nothing_above_its_nyquist_and_the_covered_band_is_named():
    dry = noise(4.0, 1)
    phone = resample_poly(apply_eq(noise(4.0, 2), RATE, BRIGHT), 80, 441, axis=0)  # 8 kHz: nothing above 4 kHz
    result = match_result(dry, phone, RATE, reference_sample_rate=8000)
    [note] = notes_with(result, "holds")
    assert note.startswith("the reference holds nothing above 3.8 kHz (its sample rate is 8000 Hz): "
                           "the match covers 20 Hz-3.8 kHz only")
    assert "the EQ is not cut further there" in note
    assert result.freqs_hz[result.used].max() < 4000.0


def test_an_input_at_8_khz_is_told_an_eq_cannot_add_what_it_lacks():
    phone = resample_poly(noise(4.0, 3), 80, 441, axis=0)
    result = match_result(phone, apply_eq(noise(4.0, 4), RATE, BRIGHT), 8000, reference_sample_rate=RATE)
    [note] = notes_with(result, "holds")
    assert note.startswith("the input holds nothing above 3.8 kHz (its sample rate is 8000 Hz)")
    assert note.endswith("an EQ cannot add what the input lacks")


def test_a_low_passed_reference_at_the_full_rate_is_said_to_hold_almost_nothing_above_its_roll_off():
    """The trial's lo-fi case: white noise against noise low-passed at 4 kHz (8th order), both at 44.1 kHz."""
    reference = sosfilt(butter(8, 4000.0, fs=RATE, output="sos"), noise(6.0, 6), axis=0)
    result = match_result(noise(6.0, 5), reference, RATE)
    [note] = notes_with(result, "holds")
    lowest_left_out = result.freqs_hz[~result.used].min()
    assert 5000.0 < lowest_left_out < 12000.0
    assert note.startswith("the reference holds almost nothing above ")
    assert "(more than 60 dB below its loudest band): the match covers 20 Hz-" in note


def test_two_recordings_at_8_khz_get_no_note_about_the_band_neither_holds():
    a, b = (resample_poly(x, 80, 441, axis=0) for x in (noise(4.0, 7), apply_eq(noise(4.0, 8), RATE, BRIGHT)))
    result = match_result(a, b, 8000)
    assert notes_with(result, "holds") == []
    assert result.eq != EQ.flat()


def test_two_full_band_recordings_get_no_note_about_missing_bands():
    result = match_result(noise(4.0, 9), apply_eq(noise(4.0, 10), RATE, BRIGHT), RATE)
    assert notes_with(result, "holds") == []


# --- 11: amount scales the one full match ------------------------------------------------------------------------


def different_music(rate=RATE):
    """Two recordings whose notes differ, so the fit is rough and a different target would get other bands."""
    t = np.arange(int(3.0 * rate)) / rate
    low = sum(np.sin(2 * np.pi * f * t) for f in (98.0, 196.0, 294.0))
    other = sum(np.sin(2 * np.pi * f * t) for f in (131.0, 262.0, 392.0, 2000.0))
    hiss = 0.01 * np.random.default_rng(3).standard_normal(len(t))
    return 0.1 * low + hiss, 0.1 * other + hiss


@pytest.mark.parametrize("amount", [0.5, 0.25, 1.5])
def test_amount_returns_the_full_matchs_bands_with_their_gains_scaled(amount):
    dry, reference = different_music()
    full = match_result(dry, reference, RATE).eq.to_array()
    part = match_result(dry, reference, RATE, amount=amount).eq.to_array()
    np.testing.assert_allclose(part[:, 1:], full[:, 1:], rtol=1e-12)  # the same frequencies and Qs
    np.testing.assert_allclose(part[:, 0], amount * full[:, 0], atol=1e-9)


def test_half_the_amount_is_half_way_in_db_at_every_frequency():
    dry, reference = different_music()
    full = match_result(dry, reference, RATE).fitted_db
    half = match_result(dry, reference, RATE, amount=0.5).fitted_db
    below = np.isfinite(full)
    # Peaking and shelving responses are nearly, not exactly, linear in their gain (dB).
    assert np.max(np.abs(half[below] - 0.5 * full[below])) < 0.15 * np.max(np.abs(full[below]))


def test_the_target_fitted_curve_and_error_describe_the_returned_eq_at_any_amount():
    dry, reference = different_music()
    full = match_result(dry, reference, RATE)
    half = match_result(dry, reference, RATE, amount=0.5)
    np.testing.assert_allclose(half.target_db, 0.5 * full.target_db, atol=1e-12)
    below = np.isfinite(half.fitted_db)
    np.testing.assert_allclose(half.fitted_db[below], half.eq.response_db(half.freqs_hz[below], RATE), atol=1e-9)
    error = half.fitted_db[half.used] - half.target_db[half.used]
    assert half.rms_db == pytest.approx(float(np.std(error)), abs=1e-9)


def test_the_limit_warning_at_a_lower_amount_speaks_of_the_full_match_and_does_not_suggest_that_amount():
    dry, reference = different_music()
    full = match_result(dry, reference, RATE)
    if not notes_with(full, "limit"):
        pytest.skip("this pair no longer pins a band at the limit")
    [note] = notes_with(match_result(dry, reference, RATE, amount=0.5), "limit")
    assert note.startswith("bands of the full match (here times amount 0.5) at a match's limit")
    assert "try amount 0.5" not in note


# --- 20: duplicate peaking bands are merged --------------------------------------------------------------------


def split_band_case(gain_db):
    """A target of one bell (and two shelves) and a fit that holds the bell as two halves at nearly one place."""
    one = np.array([[3.6, 105.0, 0.55], [1.4, 300.0, 0.55], [gain_db, 2907.0, 0.29], [0.0, 8000.0, 1.0],
                    [-1.3, 1950.0, 0.9]])
    two = one.copy()
    two[2] = [gain_db / 2 + 0.03, 2906.5, 0.296]
    two[3] = [gain_db / 2 - 0.03, 2908.3, 0.288]
    return response_db_np(one, FREQS, RATE), two


def test_two_copies_of_one_bell_are_merged_into_one_band_and_the_other_is_freed():
    target, two = split_band_case(-3.7)  # the trial's "less bright" match: -1.88 and -1.81 dB at 2907 Hz
    merged, rms_db = merge_duplicate_peaks(two, target, FREQS, RATE, 0.02)
    gains = merged[1:4, 0]
    assert np.count_nonzero(gains) == 2  # peak1 and one bell at 2907 Hz; the other peaking band is free
    bell = merged[1 + int(np.argmax(np.abs(gains)))]
    assert bell[0] == pytest.approx(-3.7, abs=0.05) and bell[1] == pytest.approx(2907.0, rel=0.01)
    assert rms_db < 0.02


def test_two_strong_halves_a_plain_merge_cannot_hold_stay_two_bands():
    _, two = split_band_case(12.0)
    target = response_db_np(two, FREQS, RATE)  # what two +6 dB bells make: one +12 dB bell is narrower at the top
    kept, rms_db = merge_duplicate_peaks(two, target, FREQS, RATE, MERGE_MAX_RISE_DB)
    np.testing.assert_array_equal(kept, two)  # no second fit re-works the other bands for a tidier layout
    assert rms_db < 1e-9


def test_two_bells_the_target_needs_as_two_are_not_merged():
    # A boost and a cut a sixth of an octave apart: an S-shaped curve that no single bell makes.
    params = np.array([[0.0, 100.0, 0.71], [6.0, 1000.0, 3.0], [-6.0, 1120.0, 3.0], [0.0, 5000.0, 1.0],
                       [0.0, 8000.0, 0.71]])
    target = response_db_np(params, FREQS, RATE)
    kept, rms_db = merge_duplicate_peaks(params, target, FREQS, RATE, MERGE_MAX_RISE_DB)
    np.testing.assert_array_equal(kept, params)
    assert rms_db < 1e-9


# The bundled model's "less bright" in trial 4: the guitar matched to itself through it got two copies of one bell.
LESS_BRIGHT = EQ.from_array([[3.12785733, 105.260248, 0.542757519], [0.868182778, 289.463648, 0.756372133],
                             [-0.983183205, 1008.79302, 0.674250885], [-4.95269787, 2997.73751, 0.537289517],
                             [-3.91691494, 5805.65901, 0.664672706]])


def pink_noise_below_3_khz(seconds, seed):
    n = int(seconds * RATE)
    spectrum = np.fft.rfft(np.random.default_rng(seed).standard_normal(n))
    spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum)), 1))
    x = sosfilt(butter(4, 3000.0, fs=RATE, output="sos"), np.fft.irfft(spectrum, n)[:, None], axis=0)
    return 0.1 * x / np.std(x)


def test_a_recording_matched_to_itself_through_less_bright_uses_no_two_peaking_bands_at_one_place():
    dry = pink_noise_below_3_khz(4.0, 0)  # without the merge: -1.9 and -1.8 dB bells at the same place and Q
    result = match_result(dry, apply_eq(dry, RATE, LESS_BRIGHT), RATE)
    peaks = result.eq.to_array()[1:4]
    sounding = peaks[peaks[:, 0] != 0.0]
    for i in range(len(sounding)):
        for j in range(i + 1, len(sounding)):
            same_place = abs(np.log2(sounding[i, 1] / sounding[j, 1])) < 1 / 6
            same_q = abs(np.log2(sounding[i, 2] / sounding[j, 2])) < np.log2(1.5)
            assert not (same_place and same_q), peaks
    assert result.rms_db < 0.1


@pytest.mark.parametrize(("name", "kwargs"), [("params", {"params": np.zeros((4, 3))}),
                                              ("target_db", {"target_db": np.zeros(10)}),
                                              ("max_rise_db", {"max_rise_db": float("nan")})])
def test_merging_refuses_bad_input_by_name(name, kwargs):
    target, two = split_band_case(-3.7)
    args = {"params": two, "target_db": target, "freqs_hz": FREQS, "sample_rate": RATE, "max_rise_db": 0.1}
    with pytest.raises(ParameterError, match=name):
        merge_duplicate_peaks(**{**args, **kwargs})
