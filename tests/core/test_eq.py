"""The EQ type: validation, canonical order, conversions."""

import numpy as np
import pytest

from eqmorph import EQ, Band, ParameterError
from eqmorph.core import dsp
from eqmorph.core.ranges import GAIN_DB, N_PARAMS, flat_params, from_model_space, to_model_space

VALID = [3.0, 100.0, 0.71, -2.0, 2500.0, 1.0, 4.0, 300.0, 2.0, 1.0, 900.0, 0.5, -3.0, 8000.0, 0.71]


def test_from_vector_then_to_vector_round_trips_in_canonical_order():
    eq = EQ.from_vector(VALID)
    v = eq.to_vector()
    assert v.shape == (N_PARAMS,)
    # peaks come back sorted by frequency: 300, 900, 2500 Hz
    np.testing.assert_array_equal(v[[4, 7, 10]], [300.0, 900.0, 2500.0])
    assert EQ.from_vector(v) == eq


def test_the_same_sound_has_one_representation():
    a = EQ.from_vector(VALID)
    shuffled = list(VALID)
    shuffled[3:6], shuffled[6:9] = VALID[6:9], VALID[3:6]
    assert EQ.from_vector(shuffled) == a


@pytest.mark.parametrize(
    "index,value,name",
    [
        (0, 30.0, "low_shelf.gain_db"),
        (1, 5000.0, "low_shelf.freq_hz"),
        (5, 0.01, "peak"),
        (13, 100.0, "high_shelf.freq_hz"),
        (7, float("nan"), "peak"),
        (12, float("inf"), "high_shelf.gain_db"),
    ],
)
def test_out_of_range_or_non_finite_values_name_band_parameter_value_and_range(index, value, name):
    v = list(VALID)
    v[index] = value
    with pytest.raises(ParameterError) as err:
        EQ.from_vector(v)
    msg = str(err.value)
    assert name in msg and "expected" in msg and ".." in msg


def test_wrong_vector_length_is_rejected():
    with pytest.raises(ParameterError, match="15"):
        EQ.from_vector(VALID[:14])


def test_model_space_round_trip_is_exact_to_float_precision():
    rng = np.random.default_rng(0)
    p = flat_params(100)
    p[:, :, 0] = rng.uniform(GAIN_DB.low, GAIN_DB.high, (100, 5))
    p[:, 1:4, 1] = np.exp(rng.uniform(np.log(20), np.log(20000), (100, 3)))
    p[:, :, 2] = np.exp(rng.uniform(np.log(0.1), np.log(10), (100, 5)))
    x = to_model_space(p)
    assert np.all(np.abs(x) <= 1.0 + 1e-12)
    np.testing.assert_allclose(from_model_space(x), p, rtol=1e-12)


def test_flat_eq_has_zero_gains():
    assert np.all(EQ.flat().to_array()[:, 0] == 0.0)


def test_with_band_changes_one_value_and_validates():
    eq = EQ.flat().with_band(0, gain_db=5.0)
    assert eq.bands[0].gain_db == 5.0
    with pytest.raises(ParameterError):
        eq.with_band(0, q=0.0)


def test_with_band_takes_a_bands_name_as_its_number():
    assert EQ.flat().with_band("high_shelf", gain_db=-2.0) == EQ.flat().with_band(4, gain_db=-2.0)


@pytest.mark.parametrize("index", [7, 5, -1, True, 1.0, "peak4"])
def test_with_band_refuses_a_band_that_is_not_there_naming_the_ones_that_are(index):
    # A thirteenth new-user trial: with_band(7) raised numpy's bare IndexError; -1 changed the high shelf silently.
    with pytest.raises(ParameterError, match=r"index=.* is not allowed: expected a band number 0-4 or a band name "
                                             r"\(low_shelf, peak1, peak2, peak3, high_shelf\)"):
        EQ.flat().with_band(index, gain_db=3.0)


@pytest.mark.parametrize("as_rows", [False, True], ids=["array", "float-rows"])
def test_a_trusted_eq_is_the_same_object_as_a_validated_one(as_rows):
    checked = EQ.from_vector(VALID)
    params = checked.to_array()  # canonical: trusted values are
    trusted = EQ._trusted(params.tolist() if as_rows else params)
    assert trusted == checked and hash(trusted) == hash(checked) and repr(trusted) == repr(checked)
    for fast, slow in zip(trusted.bands, checked.bands):
        assert fast == slow and hash(fast) == hash(slow)
        assert all(type(getattr(fast, name)) is type(getattr(slow, name)) for name in ("kind", "gain_db", "q"))
    with pytest.raises(AttributeError):  # still frozen
        trusted.bands[0].gain_db = 1.0
    np.testing.assert_array_equal(trusted.to_array(), params)


def test_a_trusted_eq_reads_as_numbers_before_its_bands_are_built_and_copies_like_any_eq():
    import copy
    import pickle

    checked = EQ.from_vector(VALID)
    trusted = EQ._trusted(checked.to_array().tolist())
    np.testing.assert_array_equal(trusted.to_array(), checked.to_array())  # straight from the stored rows
    for twin in (copy.copy(trusted), copy.deepcopy(trusted), pickle.loads(pickle.dumps(trusted))):
        assert twin == checked and twin.bands == checked.bands
    with pytest.raises(AttributeError, match="no attribute 'gains'"):
        trusted.gains  # noqa: B018  # only the bands are built on demand
    with pytest.raises(AttributeError):  # still frozen
        trusted.bands = checked.bands


@pytest.mark.parametrize("freqs,value", [([-100.0], -100.0), ([0.0], 0.0), ([100.0, float("nan")], "nan"),
                                         ([float("inf")], float("inf")), ([24000.0], 24000.0), ([30000.0], 30000.0)])
def test_response_frequencies_must_be_finite_above_0_and_below_nyquist(freqs, value):
    with pytest.raises(ParameterError) as err:
        EQ.from_vector(VALID).response_db(freqs, 48000.0)
    assert err.value.name == "freqs_hz" and "below 24000 Hz" in str(err.value)
    assert np.isnan(err.value.value) if value == "nan" else err.value.value == value


@pytest.mark.parametrize("sample_rate", [0, -48000.0, float("nan"), float("inf"), "44100", True, None])
def test_response_sample_rate_must_be_a_positive_finite_number(sample_rate):
    with pytest.raises(ParameterError) as err:
        EQ.from_vector(VALID).response_db([1000.0], sample_rate)
    assert err.value.name == "sample_rate" and err.value.value is sample_rate
    assert "positive, finite number" in str(err.value)


def test_valid_responses_are_unchanged_by_the_checks():
    eq = EQ.from_vector(VALID)
    freqs = np.geomspace(20.0, 20000.0, 64)
    expected = dsp.response_db_np(eq.to_array(), freqs, 44100.0)
    np.testing.assert_array_equal(eq.response_db(freqs, 44100), expected)
    np.testing.assert_array_equal(eq.response_db(list(freqs), np.float32(44100.0)), expected)


def test_a_band_of_an_unknown_kind_is_refused_when_made():
    with pytest.raises(ParameterError, match="kind='notch'.*low_shelf or peaking or high_shelf"):
        Band("notch", 3.0, 1000.0, 1.0)
