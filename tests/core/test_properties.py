"""Properties that hold for every valid EQ, and for every malformed preset."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eqmorph import EQ, EqmorphError
from eqmorph.core import dsp
from eqmorph.core.eq import canonical_array
from eqmorph.core.ranges import HIGH, LOW, N_BANDS, PARAM_NAMES, from_model_space, param_range, to_model_space
from eqmorph.io.presets import (
    APO_DECIMALS,
    from_apo,
    from_csv,
    from_json,
    load_preset,
    preamp_db,
    to_apo,
    to_csv,
    to_json,
)

FAST = settings(max_examples=40, deadline=None)  # a few seconds for the whole module


def _param(band: int, param: int) -> st.SearchStrategy[float]:
    r = param_range(band, param)
    return st.floats(min_value=r.low, max_value=r.high, allow_nan=False, allow_infinity=False)


valid_arrays = st.tuples(*[st.tuples(*[_param(b, p) for p in range(3)]) for b in range(N_BANDS)]).map(np.array)
valid_eqs = valid_arrays.map(EQ.from_array)


def _printed(params: np.ndarray) -> np.ndarray:
    """``params (5, 3)`` rounded the way :func:`to_apo` prints them."""
    decimals = [APO_DECIMALS[name] for name in PARAM_NAMES]
    return np.array([[float(f"{v:.{d}f}") for v, d in zip(row, decimals)] for row in params])


@FAST
@given(valid_eqs)
def test_every_valid_eq_round_trips_through_its_vector_exactly(eq):
    assert EQ.from_vector(eq.to_vector()) == eq


@FAST
@given(valid_arrays)
def test_every_valid_eq_round_trips_through_model_space_to_float_precision(params):
    x = to_model_space(params)
    assert np.all(np.abs(x) <= 1.0 + 1e-12)
    np.testing.assert_allclose(from_model_space(x), params, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("edge", ["low", "high"])
def test_eqs_at_the_edges_of_the_ranges_survive_model_space(edge):
    eq = EQ.from_array(LOW if edge == "low" else HIGH)
    back = EQ.from_model_space(eq.to_model_space())  # must not raise for values on the range ends
    np.testing.assert_allclose(back.to_array(), eq.to_array(), rtol=1e-12)


@FAST
@given(valid_eqs)
def test_every_valid_eq_round_trips_through_json_and_csv_exactly(eq):
    assert from_json(to_json(eq)) == eq
    assert from_csv(to_csv(eq)) == eq


@FAST
@given(valid_eqs)
def test_every_valid_eq_round_trips_through_apo_text_to_the_printed_precision(eq):
    preset = from_apo(to_apo(eq))
    np.testing.assert_allclose(preset.eq.to_array(), canonical_array(_printed(eq.to_array())), rtol=0, atol=1e-9)
    assert preset.preamp_db == preamp_db(eq) <= 0.0


@FAST
@given(valid_eqs, st.floats(min_value=8000.0, max_value=192000.0))
def test_responses_and_filters_are_finite_for_every_valid_eq_at_every_sample_rate(eq, sample_rate):
    below_nyquist = dsp.log_freq_grid(64, 20.0, min(20000.0, 0.499 * sample_rate))  # response_db's domain
    assert np.all(np.isfinite(eq.response_db(below_nyquist, sample_rate)))
    assert np.all(np.isfinite(eq.sos(sample_rate)))


def _must_fail_cleanly(parse, text) -> None:
    """``parse(text)`` may succeed or raise an :class:`EqmorphError`; anything else is a bug."""
    try:
        parse(text)
    except EqmorphError:
        pass


PARSERS = [from_apo, from_json, from_csv]


@FAST
@given(st.binary(max_size=300), st.sampled_from(["utf-8", "latin-1", "utf-16"]))
def test_random_bytes_as_text_only_raise_project_errors(data, encoding):
    text = data.decode(encoding, errors="replace")
    for parse in PARSERS:
        _must_fail_cleanly(parse, text)


@FAST
@given(valid_eqs, st.sampled_from([to_apo, to_json, to_csv]), st.floats(0.0, 1.0), st.text(max_size=5))
def test_truncated_or_garbled_presets_only_raise_project_errors(eq, writer, fraction, junk):
    text = writer(eq)
    cut = int(len(text) * fraction)
    for parse in PARSERS:
        _must_fail_cleanly(parse, text[:cut])
        _must_fail_cleanly(parse, text[:cut] + junk + text[cut + 1 :])


APO_WORDS = ["Filter 1:", "Filter:", "Preamp:", "ON", "OFF", "PK", "LSC", "HSC", "LP", "Fc", "Hz", "Gain", "dB", "Q",
             "BW", "Oct", "1e400", "-1e400", "1e-400", "1e308", "0", "-5", "0.7", "1000", "nan", "\n", "#", ":"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(APO_WORDS), max_size=30))
def test_apo_like_lines_with_extreme_numbers_only_raise_project_errors(words):
    _must_fail_cleanly(from_apo, " ".join(words))


@FAST
@given(st.binary(max_size=300), st.sampled_from([".json", ".txt", ".apo", ".csv", ".bin", ""]))
def test_random_files_only_raise_project_errors(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("random") / f"preset{suffix}"
    path.write_bytes(data)
    _must_fail_cleanly(load_preset, path)
