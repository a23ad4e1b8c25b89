"""The dataset type: immutable, canonical, and a deterministic, stratified, disjoint split."""

from collections import Counter

import numpy as np
import pytest

from eqmorph.core.ranges import flat_params
from eqmorph.datasets import EQDataset, combine
from eqmorph.errors import ParameterError


def make(terms, source="safe", ids=None, seed=0):
    n = len(terms)
    rng = np.random.default_rng(seed)
    params = flat_params(n)
    params[:, :, 0] = rng.uniform(-6, 6, (n, 5))
    params[:, 1:4, 1] = rng.uniform(100, 8000, (n, 3))
    return EQDataset(
        params=params.reshape(n, 15),
        terms=tuple(terms),
        source=(source,) * n,
        lang=(None,) * n,
        weight=np.ones(n),
        ids=tuple(ids or (f"{source}_{i}" for i in range(n))),
        fit_error_db=np.full(n, np.nan),
        skipped={"wrong column count": 2},
    )


# 12 terms with 1..40 examples: rare ones (1-2) and common ones.
SIZES = {"warm": 40, "bright": 25, "cold": 12, "soft": 9, "loud": 5, "calm": 4, "dark": 3, "airy": 3,
         "thin": 2, "boomy": 2, "deep": 1, "nice": 1}  # fmt: skip
TERMS = [t for t, k in SIZES.items() for _ in range(k)]


def test_peaks_are_stored_sorted_by_frequency_and_arrays_are_read_only():
    ds = make(["a", "b", "c"])
    assert np.all(np.diff(ds.params_array()[:, 1:4, 1], axis=1) >= 0)
    with pytest.raises(ValueError):
        ds.params[0, 0] = 1.0


def test_params_outside_the_ranges_are_refused():
    params = flat_params(1)
    params[0, 2, 2] = 50.0  # Q above 10
    with pytest.raises(ParameterError, match="params"):
        EQDataset(params.reshape(1, 15), ("a",), ("safe",), (None,), np.ones(1), ("x",), np.zeros(1))


def test_columns_of_different_lengths_are_refused():
    with pytest.raises(ParameterError, match="ids"):
        EQDataset(
            flat_params(2).reshape(2, 15), ("a", "b"), ("safe",) * 2, (None,) * 2, np.ones(2), ("x",), np.zeros(2)
        )


def test_term_counts_are_most_common_first_with_ties_alphabetical():
    counts = make(["b", "a", "c", "c", "b"]).term_counts()
    assert list(counts.items()) == [("b", 2), ("c", 2), ("a", 1)]


def test_subset_keeps_rows_and_their_columns_together():
    ds = make(TERMS)
    sub = ds.subset([5, 0])
    assert sub.ids == (ds.ids[5], ds.ids[0]) and np.array_equal(sub.params, ds.params[[5, 0]])
    assert sub.terms == (ds.terms[5], ds.terms[0])


def test_combine_concatenates_rows_and_adds_up_skipped_counts():
    a, b = make(["x", "y"], "socialfx"), make(["z"], "safe")
    both = combine(a, b)
    assert both.terms == ("x", "y", "z") and both.source == ("socialfx", "socialfx", "safe")
    assert both.skipped == {"wrong column count": 4}


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_split_is_disjoint_covers_every_row_and_is_deterministic(seed):
    ds = make(TERMS)
    parts = ds.split(0.1, 0.2, seed=seed)
    ids = [set(p.ids) for p in parts]
    assert not (ids[0] & ids[1] or ids[0] & ids[2] or ids[1] & ids[2])
    assert set().union(*ids) == set(ds.ids) and sum(len(p) for p in parts) == len(ds)
    again = ds.split(0.1, 0.2, seed=seed)
    assert [p.ids for p in parts] == [p.ids for p in again]


def test_different_seeds_give_different_splits():
    ds = make(TERMS)
    assert ds.split(seed=0)[2].ids != ds.split(seed=1)[2].ids


@pytest.mark.parametrize("seed", range(5))
def test_split_is_stratified_by_term_and_rare_terms_stay_in_train(seed):
    ds = make(TERMS)
    train, val, test = ds.split(0.1, 0.2, seed=seed)
    train_counts = Counter(train.terms)
    for term, size in SIZES.items():
        if size >= 3:
            assert train_counts[term] >= 1
        else:
            assert train_counts[term] == size  # 1-2 examples: all in train
    held = Counter(test.terms)
    assert held["warm"] in (7, 8, 9) and held["bright"] in (4, 5, 6)  # 20% of 40 and 25, give or take carry
    assert len(test) == pytest.approx(0.2 * sum(k for k in SIZES.values() if k >= 3), abs=1.5)
    assert len(val) == pytest.approx(0.1 * sum(k for k in SIZES.values() if k >= 3), abs=1.5)


def test_rows_from_one_multi_word_descriptor_stay_in_the_same_part():
    terms = [t for t in ("warm", "soft") for _ in range(10)]
    ids = [f"eq_{i}#0" if i < 10 else f"eq_{i - 10}#1" for i in range(20)]  # warm k and soft k are siblings
    for seed in range(5):
        for part in make(terms, "socialfx", ids=ids).split(0.2, 0.2, seed=seed):
            bases = Counter(i.split("#")[0] for i in part.ids)
            assert all(v == 2 for v in bases.values())


@pytest.mark.parametrize(("val", "test"), [(-0.1, 0.1), (0.6, 0.5), (0.1, 1.0)])
def test_bad_split_fractions_raise_a_parameter_error(val, test):
    with pytest.raises(ParameterError, match="fraction"):
        make(TERMS).split(val, test)


def test_summary_names_size_terms_and_skipped_rows():
    text = make(TERMS).summary()
    assert f"examples: {len(TERMS)}" in text and f"distinct terms: {len(SIZES)}" in text
    assert "warm (40)" in text and "wrong column count 2" in text
