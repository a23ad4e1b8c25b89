"""The per-word mean baseline: model-space averaging, vocabulary order, errors."""

import numpy as np
import pytest

from eqmorph import EQ, ParameterError, UnknownWordError
from eqmorph.baselines import WordMeanBaseline
from eqmorph.core.ranges import flat_params


def _eqs(*rows):
    """One EQ per (gain_db, freq_hz, q) applied to the first peaking band of a flat EQ."""
    p = flat_params(len(rows))
    for i, (g, f, q) in enumerate(rows):
        p[i, 1] = [g, f, q]
        p[i, 2:4, 1] = [f * 1.5, f * 2.0]  # keep the peaks sorted above the first one
    return p


def test_frequencies_and_qs_average_on_a_log_scale_and_gains_linearly():
    params = _eqs((2.0, 100.0, 0.5), (6.0, 10000.0, 2.0))
    model = WordMeanBaseline.fit(params, ["warm", "warm"])
    g, f, q = model.generate_params("warm")[1]
    assert g == pytest.approx(4.0)
    assert f == pytest.approx(np.sqrt(100.0 * 10000.0))  # geometric mean, not 5050 Hz
    assert q == pytest.approx(1.0)


def test_each_word_gets_its_own_mean_and_words_are_listed_most_examples_first():
    params = _eqs((1.0, 200.0, 1.0), (3.0, 200.0, 1.0), (5.0, 200.0, 1.0), (-4.0, 200.0, 1.0))
    model = WordMeanBaseline.fit(params, ["bright", "bright", "bright", "dark"])
    assert model.terms == ["bright", "dark"]
    assert model.generate_params("bright")[1, 0] == pytest.approx(3.0)
    assert model.generate_params("dark")[1, 0] == pytest.approx(-4.0)
    assert model.count("bright") == 3


def test_generated_eqs_are_valid_even_from_extreme_examples():
    p = flat_params(2)
    p[:, :, 0] = [[24.0] * 5, [-24.0] * 5]
    p[:, 1:4, 1] = [[20.0, 20.0, 20000.0], [20.0, 20000.0, 20000.0]]
    model = WordMeanBaseline.fit(p, ["x", "x"])
    EQ.from_array(model.generate_params("x"))  # raises if anything is out of range


def test_min_count_drops_rare_words():
    params = _eqs((1.0, 200.0, 1.0), (3.0, 200.0, 1.0), (5.0, 200.0, 1.0))
    model = WordMeanBaseline.fit(params, ["a", "a", "b"], min_count=2)
    assert model.terms == ["a"]


def test_unknown_word_suggests_close_known_words():
    model = WordMeanBaseline.fit(_eqs((1.0, 200.0, 1.0)), ["bright"])
    with pytest.raises(UnknownWordError, match="bright"):
        model.generate_params("brigth")


@pytest.mark.parametrize(
    "params,terms,name",
    [
        (np.zeros((2, 4, 3)), ["a", "b"], "params.shape"),
        (flat_params(2), ["a"], "terms"),
        (flat_params(2), "ab", "terms"),
        (np.full((1, 5, 3), np.nan), ["a"], "params"),
    ],
)
def test_bad_training_input_names_the_parameter(params, terms, name):
    with pytest.raises(ParameterError) as err:
        WordMeanBaseline.fit(params, terms)
    assert err.value.name == name
