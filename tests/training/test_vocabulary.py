"""The vocabulary a training run produces: stop list, confidence, split-half reliability."""

import numpy as np
import pytest
from synthetic import synthetic_params

torch = pytest.importorskip("torch")

from eqmorph.language.stoplist import is_stopword, parse_stoplist, stoplist  # noqa: E402
from eqmorph.model import ModelConfig, TrainConfig  # noqa: E402
from eqmorph.model.wordinfo import confidence, word_infos  # noqa: E402
from eqmorph.semantic.morph import Morpher  # noqa: E402
from eqmorph.training.train import TrainData, train_model  # noqa: E402
from eqmorph.training.vocabulary import split_half_reliability  # noqa: E402

FAST = TrainConfig(epochs=4, patience=4, batches_per_epoch=3, words_per_batch=3, seed=0)


def _train(params, terms):
    return train_model(TrainData(np.asarray(params, float), tuple(terms), np.ones(len(terms))), None,
                       ModelConfig(), FAST)


def test_a_stop_listed_word_is_not_in_the_public_vocabulary():
    assert is_stopword("Guitar") and "guitar" in stoplist()
    p, _ = synthetic_params(6, words={"warm": (0, 8.0, 200.0), "guitar": (4, 8.0, 4000.0)})
    m = Morpher(_train(p, ["warm"] * 6 + ["guitar"] * 6))
    assert m.terms == ["warm"]


def test_the_stop_list_file_ignores_comments_and_normalises_words():
    assert parse_stoplist(["# header", "", "  Drums  # an instrument", "RE27"]) == frozenset({"drums", "re27"})


def test_confidence_orders_a_three_example_word_below_a_three_hundred_example_word():
    many, _ = synthetic_params(300, seed=1, words={"warm": (0, 8.0, 200.0)})
    few, _ = synthetic_params(3, seed=2, words={"jammy": (4, 8.0, 4000.0)})
    few[:] = few[0]  # three identical examples: perfect agreement, still only three
    infos = word_infos(_train(np.concatenate([many, few]), ["warm"] * 300 + ["jammy"] * 3))
    assert infos["jammy"].reliability == pytest.approx(1.0)
    assert infos["jammy"].confidence < 0.3 < 0.9 < infos["warm"].confidence


def test_confidence_grows_with_count_and_with_agreement():
    assert confidence(0.9, 3) < confidence(0.9, 30) < confidence(0.9, 300)
    assert confidence(0.2, 100) < confidence(0.9, 100)
    assert confidence(float("nan"), 1) == 0.0
    assert confidence(-0.5, 100) == 0.0


def test_split_half_reliability_is_high_for_agreeing_examples_and_low_for_noise():
    rng = np.random.default_rng(0)
    shape = np.sin(np.linspace(0, 3, 64)) * 6
    agree = shape + rng.normal(0, 0.5, (20, 64))
    noise = rng.normal(0, 3.0, (20, 64))
    assert split_half_reliability(agree, rng) > 0.95
    assert split_half_reliability(noise, rng) < 0.5
    assert np.isnan(split_half_reliability(agree[:1], rng))


def test_split_half_reliability_of_halves_that_disagree_stays_in_minus_one_to_one():
    rng = np.random.default_rng(1)
    shape = np.sin(np.linspace(0, 3, 64)) * 6
    opposed = np.stack([shape, -shape])  # two examples that say opposite things
    r = split_half_reliability(opposed, rng)
    assert -1.0 <= r < 0.0
