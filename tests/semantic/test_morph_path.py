"""The precomputed params morph (eqmorph.semantic.path): same EQs as a plain computation, exact ends."""

import itertools

import numpy as np
import pytest

from eqmorph import EQ, ParameterError
from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.eq import canonical_array
from eqmorph.core.ranges import (
    GAIN_DB,
    HIGH,
    LOW,
    PEAK_PERMS,
    PEAK_SLICE,
    clip_to_ranges,
    from_model_space,
    to_model_space,
)
from eqmorph.semantic.path import MorphPath, peak_order, scale_gains

WORDS = ["warm", "bright", "muddy", "thin"]
ALPHAS = np.concatenate([[0.0, 1.0], np.linspace(0.0, 1.0, 41)[1:-1], [1e-9, 0.5 + 1e-12, 1 - 1e-9]])


def _reference_order(xa, xb):
    """The pairing as first written: all six pairings' whole responses on 11 alphas x 64 frequencies."""
    candidates = np.repeat(xb[None], len(PEAK_PERMS), axis=0)
    candidates[:, PEAK_SLICE] = xb[PEAK_SLICE][PEAK_PERMS]
    al = np.linspace(0.0, 1.0, 11)[None, :, None, None]
    paths = from_model_space((1.0 - al) * xa + al * candidates[:, None])  # (6, 11, 5, 3)
    responses = dsp.response_db_np(paths, np.geomspace(20.0, 20000.0, 64), ANALYSIS_SAMPLE_RATE)
    steps = np.diff(responses, axis=1)
    mono = np.mean(np.all(steps >= -1e-6, axis=1) | np.all(steps <= 1e-6, axis=1), axis=-1)
    travel = np.abs(candidates[:, PEAK_SLICE, 1] - xa[PEAK_SLICE, 1]).sum(-1)
    return PEAK_PERMS[int(np.lexsort((travel, -mono))[0])]


def _reference_morph(pa, pb, alphas, intensity=1.0):
    """Linear blend in model space with B's peaks paired, clipped, sorted, gains scaled; exact ends."""
    xa, xb = to_model_space(pa), to_model_space(pb)
    xb[PEAK_SLICE] = xb[PEAK_SLICE][_reference_order(xa, xb)]
    al = np.asarray(alphas)[:, None, None]
    out = canonical_array(clip_to_ranges(from_model_space((1.0 - al) * xa + al * xb)))
    out[np.asarray(alphas) == 0.0] = pa
    out[np.asarray(alphas) == 1.0] = pb
    gains = out[..., 0]
    peak = np.abs(gains).max(-1, keepdims=True)
    k = np.sign(intensity) * np.minimum(abs(intensity), GAIN_DB.high / np.maximum(peak, 1e-12))
    out[..., 0] = np.clip(gains * k, GAIN_DB.low, GAIN_DB.high)
    return out


def _random_eq(rng):
    """A valid canonical (5, 3) EQ with peaks anywhere: exercises every peak pairing."""
    p = np.array([[rng.uniform(-12, 12), rng.uniform(30, 900), rng.uniform(0.3, 2)],
                  *[[rng.uniform(-12, 12), f, rng.uniform(0.3, 6)] for f in np.geomspace(30, 18000, 3) *
                    np.exp(rng.normal(0, 1.2, 3))],
                  [rng.uniform(-12, 12), rng.uniform(600, 18000), rng.uniform(0.3, 2)]])
    return canonical_array(clip_to_ranges(p))


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(WORDS, 2)))
def test_interpolate_on_a_new_pair_gives_the_reference_morph(tiny_model, a, b):
    pa, pb = tiny_model.generate_params(a), tiny_model.generate_params(b)
    for intensity in (1.0, 0.0, -0.6, 1.8, 4.0):
        expected = _reference_morph(pa, pb, ALPHAS, intensity)
        got = np.stack([tiny_model.interpolate(a, b, x, intensity).to_array() for x in ALPHAS])
        np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)
        np.testing.assert_allclose(tiny_model.interpolate_params(a, b, ALPHAS, intensity), expected,
                                   rtol=1e-10, atol=1e-10)


def test_peak_order_is_the_reference_pairing_and_not_always_the_identity():
    rng = np.random.default_rng(7)
    orders = set()
    for _ in range(300):
        xa, xb = to_model_space(_random_eq(rng)), to_model_space(_random_eq(rng))
        order = peak_order(xa, xb)
        np.testing.assert_array_equal(order, _reference_order(xa, xb))
        orders.add(tuple(order))
    assert len(orders) >= 3  # the random pairs exercised crossing pairings too


def test_a_path_between_random_eqs_matches_the_reference_morph():
    rng = np.random.default_rng(3)
    for _ in range(40):
        pa, pb = _random_eq(rng), _random_eq(rng)
        path = MorphPath(pa, pb)
        for intensity in (1.0, 2.5, -1.0):
            expected = _reference_morph(pa, pb, ALPHAS, intensity)
            got = np.stack([path.params(float(x), intensity) for x in ALPHAS])
            np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)
            np.testing.assert_allclose(path.params_many(ALPHAS, intensity), expected, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize(("a", "b"), [("warm", "bright"), ("thin", "muddy"), ("bright", "bright")])
def test_the_path_of_two_words_equals_interpolate_at_every_alpha(tiny_model, a, b):
    path = tiny_model.path(a, b)
    for x in np.linspace(0.0, 1.0, 201):
        for intensity in (1.0, 0.3, -2.0):
            assert path.eq(float(x), intensity) == tiny_model.interpolate(a, b, float(x), intensity)
            np.testing.assert_array_equal(path.params(float(x), intensity), path.eq(float(x), intensity).to_array())
            assert path.rows(float(x), intensity) == path.params(float(x), intensity).tolist()


def test_rows_of_a_path_are_new_lists_that_a_caller_may_change(tiny_model):
    path = tiny_model.path("warm", "bright")
    for x in (0.0, 0.4, 1.0):
        rows = path.rows(x)
        rows[0][0] = 99.0
        assert path.rows(x)[0][0] != 99.0


@pytest.mark.parametrize("intensity", [1.0, 0.0, 0.5, -1.0, 3.0, 4.0, -4.0])
def test_alpha_0_and_1_return_the_words_exactly(tiny_model, intensity):
    path = tiny_model.path("muddy", "bright")
    assert path.eq(0.0, intensity) == tiny_model.generate("muddy", intensity)
    assert path.eq(1.0, intensity) == tiny_model.generate("bright", intensity)
    assert path(0, intensity) == tiny_model.generate("muddy", intensity)  # ints are alphas too
    ends = path.params_many([0.0, 1.0], intensity)
    np.testing.assert_array_equal(ends[0], tiny_model.generate_params("muddy", intensity))
    np.testing.assert_array_equal(ends[1], tiny_model.generate_params("bright", intensity))


def test_every_point_of_a_path_is_a_valid_eq_with_sorted_peaks(tiny_model):
    path = tiny_model.path("thin", "bright")
    for x in np.linspace(0.0, 1.0, 101):
        eq = path.eq(float(x), 4.0)
        assert EQ.from_array(eq.to_array()) == eq  # validation and canonical order leave it unchanged


def test_scaling_one_step_agrees_with_scaling_arrays(tiny_model):
    path = tiny_model.path("warm", "thin")
    for x in (0.1, 0.5, 0.77):
        for intensity in (0.0, -0.0, 0.25, -1.5, 2.0, 4.0, -4.0):
            expected = scale_gains(path.params(x)[None], intensity)[0]
            np.testing.assert_array_equal(path.params(x, intensity), expected)


def test_paths_are_kept_per_word_pair_and_spelling_variants_give_the_same_eqs(tiny_model):
    assert tiny_model.path("warm", "bright") is tiny_model.path("warm", "bright")
    variant = tiny_model.path(" WARM", "Bright ")
    for x in (0.0, 0.3, 1.0):
        assert variant.eq(x) == tiny_model.path("warm", "bright").eq(x)


@pytest.mark.parametrize(("name", "kwargs"), [
    ("alpha", {"alpha": -0.01}), ("alpha", {"alpha": 1.01}), ("alpha", {"alpha": float("nan")}),
    ("alpha", {"alpha": "half"}), ("intensity", {"alpha": 0.5, "intensity": 4.5}),
    ("intensity", {"alpha": 0.5, "intensity": float("inf")}),
])
def test_bad_alpha_or_intensity_on_a_path_names_the_parameter(tiny_model, name, kwargs):
    path = tiny_model.path("warm", "bright")
    with pytest.raises(ParameterError, match=name):
        path.eq(**kwargs)
    with pytest.raises(ParameterError, match=name):
        path.params(**kwargs)


def test_many_alphas_outside_0_1_are_refused_and_ends_must_be_single_eqs():
    path = MorphPath(EQ.flat().to_array(), EQ.flat().to_array())
    with pytest.raises(ParameterError, match="alpha"):
        path.params_many([0.2, 1.2])
    with pytest.raises(ParameterError, match="shape"):
        MorphPath(np.zeros((2, 5, 3)), EQ.flat().to_array())


def test_a_path_checks_its_ends_and_keeps_them_in_canonical_order():
    bad = EQ.flat().to_array()
    bad[2, 0] = 30.0
    with pytest.raises(ParameterError, match="peak2.gain_db"):
        MorphPath(bad, EQ.flat().to_array())
    eq = EQ.from_vector([1, 100, 0.7, 3, 5000, 1, -2, 200, 2, 4, 800, 1, 0, 8000, 0.7])
    unsorted = eq.to_array()[[0, 3, 1, 2, 4]]  # peaks out of frequency order
    path = MorphPath(unsorted, EQ.flat().to_array())
    assert path.eq(0.0) == EQ.from_array(unsorted)
    assert not path.start.flags.writeable


@pytest.mark.parametrize("intensity", [1.0, 0.8, -2.5])
def test_one_alpha_at_a_time_gives_the_same_bits_as_a_batch(tiny_model, intensity):
    # the server answers from batches and the library from single calls: they must agree exactly
    xs = np.linspace(0.0, 1.0, 257)
    for a, b in [("muddy", "thin"), ("warm", "bright"), ("thin", "warm")]:
        one_by_one = np.stack([tiny_model.interpolate(a, b, float(x), intensity).to_array() for x in xs])
        np.testing.assert_array_equal(tiny_model.interpolate_params(a, b, xs, intensity), one_by_one)
        path = tiny_model.path(a, b)
        np.testing.assert_array_equal(path.params_many(xs, intensity),
                                      np.stack([path.params(float(x), intensity) for x in xs]))


@pytest.mark.parametrize("on_bound", [None, (0, 0, "high"), (2, 1, "low"), (4, 1, "high"), (3, 2, "high")])
def test_a_step_between_ends_on_a_range_bound_stays_in_range_and_agrees_with_a_batch(on_bound):
    # Ends well inside every range skip the step's clipping; ends on a bound must keep it. Both give a batch's bits.
    rng = np.random.default_rng(11)
    start, end = _random_eq(rng), _random_eq(rng)
    if on_bound is not None:
        band, column, side = on_bound
        end[band, column] = (HIGH if side == "high" else LOW)[band, column]
        end = canonical_array(end)
    path = MorphPath(start, end)
    near_ends = np.ldexp(1.0, -np.arange(1, 54))  # alphas within an ulp or so of 0 and of 1
    xs = np.concatenate([np.linspace(0.0, 1.0, 513), near_ends, 1.0 - near_ends])
    one_by_one = np.stack([path.params(float(x)) for x in xs])
    np.testing.assert_array_equal(path.params_many(xs), one_by_one)
    assert np.all(one_by_one >= LOW) and np.all(one_by_one <= HIGH)
    np.testing.assert_allclose(one_by_one, _reference_morph(path.start, path.end, xs), rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("alpha,intensity,parameter", [("0.5", 1.0, "alpha"), (True, 1.0, "alpha"),
                                                       (0.5, True, "intensity"), (0.5, "2", "intensity")])
def test_a_path_refuses_text_and_bools_naming_the_parameter(tiny_model, alpha, intensity, parameter):
    path = tiny_model.path("warm", "bright")
    for step in (path.eq, path.rows, path.params):
        with pytest.raises(ParameterError, match=rf"^{parameter}=<(str|bool) "):
            step(alpha, intensity)


def test_a_path_takes_numpy_numbers_and_ints_as_numbers(tiny_model):
    path = tiny_model.path("warm", "bright")
    assert path.rows(np.float32(0.25), np.int64(1)) == path.rows(0.25)
    assert path.rows(1, np.float64(2.0)) == path.rows(1.0, 2.0)


def test_a_paths_repr_is_one_line_naming_its_words_method_and_crowd(tiny_model):
    assert repr(tiny_model.path("warm", "bright")) == "MorphPath('warm' -> 'bright', method='params', both crowds)"
    from eqmorph import load

    bundled = load()  # the tiny model has no crowds to choose from
    assert repr(bundled.path("warm", "a bit bright", source="safe")) == (
        "MorphPath('warm' -> 'a bit bright', method='params', source='safe')")
    plain = MorphPath(tiny_model.generate_params("warm"), tiny_model.generate_params("bright"))
    assert repr(plain) == "MorphPath(method='params', between two EQs)"
