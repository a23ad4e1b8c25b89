"""Cross-validation folds: stratified by word, comma-descriptor siblings never split."""

import numpy as np
import pytest

from eqmorph.errors import ParameterError
from eqmorph.evaluation.folds import cv_folds, sibling_groups


def _rows():
    rng = np.random.default_rng(0)
    terms, source, ids = [], [], []
    for i in range(300):
        word = ["warm", "bright", "cold", "soft", "rare"][min(int(rng.integers(0, 6)), 4) if i % 7 else 4]
        if i % 10 == 0:  # a "toppy, thick" row: two words, one sound
            terms += [word, "thick"]
            source += ["socialfx", "socialfx"]
            ids += [f"eq_{i}#0", f"eq_{i}#1"]
        else:
            terms.append(word)
            source.append("socialfx" if i % 2 else "safe")
            ids.append(f"eq_{i}")
    return terms, source, ids


def test_comma_siblings_are_always_in_the_same_fold():
    terms, source, ids = _rows()
    for seed in range(5):
        fold = cv_folds(terms, source, ids, k=5, seed=seed)
        groups = [g for g in sibling_groups(source, ids) if len(g) > 1]
        assert groups and all(len(set(fold[g].tolist())) == 1 for g in groups)


def test_same_id_in_two_sources_is_not_a_sibling():
    assert sibling_groups(["safe", "socialfx"], ["eq_1", "eq_1"]) == [[0], [1]]


def test_every_common_word_appears_in_every_fold_in_about_equal_shares():
    terms, source, ids = _rows()
    fold = cv_folds(terms, source, ids, k=5, seed=0)
    t = np.asarray(terms)
    for word in ("warm", "bright", "cold", "soft"):
        per_fold = np.bincount(fold[t == word], minlength=5)
        assert per_fold.min() >= 1 and per_fold.max() - per_fold.min() <= 3 + (t == word).sum() // 10


def test_folds_are_deterministic_for_a_seed_and_change_with_it():
    terms, source, ids = _rows()
    a, b = cv_folds(terms, source, ids, seed=1), cv_folds(terms, source, ids, seed=1)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, cv_folds(terms, source, ids, seed=2))
    assert set(a.tolist()) == set(range(5))


def test_bad_fold_count_is_refused():
    with pytest.raises(ParameterError, match="k"):
        cv_folds(["a", "b"], ["safe", "safe"], ["1", "2"], k=1)
