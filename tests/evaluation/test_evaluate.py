"""The evaluation protocol over eqmorph-like models and the baselines."""

from types import SimpleNamespace

import numpy as np
import pytest

from eqmorph import ParameterError
from eqmorph.baselines import FlowEQBaseline, FlowEQConfig, WordMeanBaseline
from eqmorph.evaluation import LabelledEQs, LatentEQModel, evaluate_model, evaluate_models


def test_the_oracle_and_floweq_satisfy_the_protocol_and_word_mean_does_not(oracle, train_split):
    assert isinstance(oracle, LatentEQModel)
    assert not isinstance(WordMeanBaseline.fit(train_split.params, train_split.terms), LatentEQModel)
    pytest.importorskip("torch")
    tiny = FlowEQBaseline.fit(train_split.params, train_split.terms, FlowEQConfig(hidden=4, epochs=1))
    assert isinstance(tiny, LatentEQModel)


def test_a_lossless_model_on_separated_words_scores_perfectly(oracle, train_split, test_split):
    r = evaluate_model(oracle, train_split, test_split)
    assert r["kind"] == "latent" and r["latent_dim"] == 15
    rec = r["reconstruction"]
    assert rec["gain_mae_db"] < 1e-9 and rec["response_rms_db"] < 1e-6 and rec["n_examples"] == len(test_split)
    assert r["retrieval"]["top1"] == 1.0 and r["retrieval"]["n_words"] == 4
    assert r["retrieval"]["chance_top1"] == 0.25
    assert r["silhouette_train"]["silhouette"] > 0.5 and r["silhouette_test"]["n_labels"] == 4
    assert r["fidelity"]["n_words"] == 4 and r["fidelity"]["mean_pearson_r"] > 0.95


class SwappedWords:
    """Generates the EQ of a different word: a model that learned the wrong meanings."""

    def __init__(self, oracle):
        self.terms = list(oracle.terms)
        self._oracle = oracle

    def generate_params(self, word):
        i = self.terms.index(word)
        return self._oracle.generate_params(self.terms[(i + 1) % len(self.terms)])


def test_a_model_that_swaps_word_meanings_has_worse_fidelity(oracle, train_split, test_split):
    good = evaluate_model(oracle, train_split, test_split)["fidelity"]
    bad = evaluate_model(SwappedWords(oracle), train_split, test_split)
    assert bad["kind"] == "generator" and bad["reconstruction"] is None and bad["retrieval"] is None
    assert bad["fidelity"]["mean_pearson_r"] < good["mean_pearson_r"] - 0.5
    assert bad["fidelity"]["mean_rms_db"] > good["mean_rms_db"] + 1.0


def test_word_mean_gets_raw_parameter_retrieval_but_no_reconstruction(train_split, test_split):
    wm = WordMeanBaseline.fit(train_split.params, train_split.terms)
    r = evaluate_model(wm, train_split, test_split)
    assert r["kind"] == "word_mean" and r["reconstruction"] is None
    assert r["space"] == "model-space parameters"
    assert r["retrieval"]["top1"] == 1.0
    assert r["retrieval"]["majority_top1"] == pytest.approx(0.25)  # four equally common words
    assert r["fidelity"]["mean_pearson_r"] > 0.95


def test_shuffled_training_labels_make_retrieval_and_silhouette_worse(train_split, test_split):
    rng = np.random.default_rng(0)
    shuffled = LabelledEQs(train_split.params, tuple(rng.permutation(train_split.terms)), train_split.source)
    good = evaluate_model(WordMeanBaseline.fit(train_split.params, train_split.terms), train_split, test_split)
    bad = evaluate_model(WordMeanBaseline.fit(shuffled.params, shuffled.terms), shuffled, test_split)
    assert bad["retrieval"]["top1"] < good["retrieval"]["top1"]
    assert bad["silhouette_train"]["silhouette"] < good["silhouette_train"]["silhouette"]


def test_each_dataset_is_evaluated_alone_and_combined(oracle, train_split, test_split):
    out = evaluate_models({"eqmorph": oracle}, train_split, test_split)
    scopes = out["scopes"]
    assert list(scopes) == ["combined", "safe", "socialfx"]
    assert scopes["safe"]["n_test"] + scopes["socialfx"]["n_test"] == scopes["combined"]["n_test"]
    safe = scopes["safe"]["results"]["eqmorph"]
    assert safe["retrieval"]["n_words"] == 2  # only SAFE's words are candidates on SAFE
    assert {row["word"] for row in safe["fidelity"]["per_word"]} == {"warm", "bright"}


def test_evaluate_all_trains_word_mean_and_three_floweq_models(all_results):
    combined = all_results["scopes"]["combined"]["results"]
    assert list(combined) == ["eqmorph", "word_mean", "floweq_beta_0", "floweq_beta_0.001", "floweq_beta_0.01"]
    for name in ("floweq_beta_0", "floweq_beta_0.001", "floweq_beta_0.01"):
        assert combined[name]["latent_dim"] == 2
        assert combined[name]["reconstruction"]["n_examples"] == all_results["scopes"]["combined"]["n_test"]
    assert "beta=0.01" in all_results["models"]["floweq_beta_0.01"]["description"]


def test_labelled_eqs_come_from_anything_shaped_like_an_eq_dataset(train_split):
    ds = SimpleNamespace(
        params_array=lambda: train_split.params, terms=train_split.terms, source=train_split.source
    )
    got = LabelledEQs.of(ds)
    np.testing.assert_array_equal(got.params, train_split.params)
    assert got.restrict("safe").source == ("safe",) * 24


def test_a_model_without_words_is_rejected(train_split, test_split):
    with pytest.raises(ParameterError, match="model"):
        evaluate_model(object(), train_split, test_split)
