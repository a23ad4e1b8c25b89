"""The open-vocabulary benchmark answers a held-out word from a vocabulary rebuilt without its examples."""

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, where synthetic.py lives

from benchmarks.open_vocab import vocabulary_without  # noqa: E402
from synthetic import synthetic_params  # noqa: E402

pytest.importorskip("torch")


@dataclass
class _Rows:
    """The fields of an EQDataset that training reads."""

    params: np.ndarray
    terms: list[str]
    weight: np.ndarray
    source: list[str]
    lang: list[str | None]

    def params_array(self):
        return self.params


def _rows():
    params, terms = synthetic_params(40, seed=0)
    n = len(terms)
    return _Rows(params, list(terms), np.ones(n), [""] * n, [None] * n)


def test_the_held_out_word_is_gone_and_words_that_borrow_nothing_keep_their_eqs(tiny_model):
    rebuilt = vocabulary_without(tiny_model, [_rows()])
    without_warm = rebuilt("warm")
    assert "warm" not in without_warm.terms and "warm" in tiny_model.terms
    # The fixture's recipe (mean latents, no shrinkage) lends nothing between words: the others are unchanged.
    for word in without_warm.terms:
        np.testing.assert_allclose(without_warm.generate_params(word), tiny_model.generate_params(word), atol=1e-4)


def test_a_word_the_data_lacks_leaves_the_vocabulary_as_it_was(tiny_model):
    same = vocabulary_without(tiny_model, [_rows()])("velvety")
    assert same.terms == tiny_model.terms
