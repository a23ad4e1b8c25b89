"""Evaluation metrics on small cases whose answers follow from the definitions."""

import numpy as np
import pytest

from eqmorph import ParameterError
from eqmorph.core.dsp import log_freq_grid, response_db_np
from eqmorph.core.ranges import GAIN_DB, flat_params
from eqmorph.evaluation.metrics import SAMPLE_RATE, reconstruction_errors, retrieval, semantic_fidelity, silhouette


def random_eqs(n, seed=0):
    rng = np.random.default_rng(seed)
    p = flat_params(n)
    p[:, :, 0] = rng.uniform(-12, 12, (n, 5))
    p[:, 1:4, 1] = np.sort(np.exp(rng.uniform(np.log(40), np.log(15000), (n, 3))), axis=1)
    p[:, 1:4, 2] = np.exp(rng.uniform(np.log(0.3), np.log(5), (n, 3)))
    return p


def two_clusters(n=20, gap=10.0, seed=0):
    rng = np.random.default_rng(seed)
    x = np.vstack([rng.normal(0, 0.1, (n, 3)), rng.normal(gap, 0.1, (n, 3))])
    return x, ["a"] * n + ["b"] * n


# --- reconstruction --------------------------------------------------------------
@pytest.mark.parametrize("sample_rate", [44100.0, 48000.0])
def test_identical_eqs_have_zero_error_everywhere(sample_rate):
    p = random_eqs(6)
    err = reconstruction_errors(p, p.copy(), sample_rate=sample_rate)
    for key in ("gain_mae_db", "freq_error_octaves", "freq_median_abs_error_hz", "q_mae", "model_space_mse"):
        assert err[key] == 0.0
    assert err["response_rms_db"] < 1e-9
    assert err["n_examples"] == 6


def test_parameter_errors_have_the_offsets_put_in():
    t = random_eqs(5)
    p = t.copy()
    p[..., 0] += 4.8  # every gain off by 4.8 dB = 0.2 in model space (range 48 dB over 2 units)
    p[..., 1] *= 2.0  # every frequency an octave up
    p[..., 2] += 0.25
    err = reconstruction_errors(t, p)
    assert err["gain_mae_db"] == pytest.approx(4.8)
    assert err["freq_error_octaves"] == pytest.approx(1.0)
    assert err["freq_median_abs_error_hz"] == pytest.approx(np.median(t[..., 1]))
    assert err["q_mae"] == pytest.approx(0.25)


def test_a_gain_only_error_gives_exactly_the_model_space_mse_of_the_gains():
    t = random_eqs(4)
    p = t.copy()
    p[..., 0] += 4.8
    step = 2 * 4.8 / (GAIN_DB.high - GAIN_DB.low)  # model space spans 2 units over the gain range
    # one parameter in three is off by `step`
    assert reconstruction_errors(t, p)["model_space_mse"] == pytest.approx(step**2 / 3)


def test_wrong_frequencies_of_0_db_bands_do_not_change_the_response():
    t = flat_params(3)
    p = t.copy()
    p[:, 1:4, 1] *= 3.0
    err = reconstruction_errors(t, p)
    assert err["freq_error_octaves"] == pytest.approx(np.log2(3.0) * 3 / 5)
    assert err["response_rms_db"] < 1e-9


def test_response_error_against_the_flat_eq_is_the_rms_of_the_response():
    t = flat_params(1)
    p = t.copy()
    p[0, 2] = [6.0, 1000.0, 1.0]
    err = reconstruction_errors(t, p)
    expected = np.sqrt(np.mean(response_db_np(p[0], log_freq_grid(256), SAMPLE_RATE) ** 2))
    assert err["response_rms_db"] == pytest.approx(expected)
    assert 0.5 < err["response_rms_db"] < 6.0


def test_mismatched_shapes_are_rejected():
    with pytest.raises(ParameterError, match="predicted.shape"):
        reconstruction_errors(random_eqs(3), random_eqs(2))


# --- silhouette ------------------------------------------------------------------
def test_two_far_apart_clusters_have_silhouette_near_one():
    x, labels = two_clusters()
    s = silhouette(x, labels, min_count=8)
    assert s["silhouette"] > 0.95
    assert (s["n_points"], s["n_labels"]) == (40, 2)


def test_shuffled_labels_give_a_silhouette_near_zero():
    x, labels = two_clusters()
    shuffled = list(np.random.default_rng(0).permutation(labels))
    assert silhouette(x, shuffled, min_count=8)["silhouette"] < 0.3


def test_silhouette_matches_scikit_learn():
    sklearn_metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(4)
    x = rng.normal(size=(700, 4))  # more than one row block
    labels = rng.choice(["a", "b", "c", "d"], size=700)
    x[labels == "a"] += 1.5
    ours = silhouette(x, labels, min_count=1)["silhouette"]
    assert ours == pytest.approx(sklearn_metrics.silhouette_score(x, labels), abs=1e-10)


def test_labels_with_too_few_examples_are_left_out():
    x, labels = two_clusters(n=8)
    x = np.vstack([x, [[5.0, 5.0, 5.0]] * 3])
    labels = labels + ["c"] * 3
    s = silhouette(x, labels, min_count=8)
    assert s["n_labels"] == 2 and s["n_points"] == 16


def test_silhouette_of_a_single_label_is_undefined():
    x, _ = two_clusters()
    assert np.isnan(silhouette(x, ["a"] * len(x))["silhouette"])


# --- retrieval ------------------------------------------------------------------
def test_separated_clusters_are_retrieved_perfectly():
    x, labels = two_clusters()
    r = retrieval(x, labels, np.array([[0.0] * 3, [10.0] * 3]), ["a", "b"])
    assert r["top1"] == 1.0 and r["top5"] == 1.0
    assert r["chance_top1"] == 0.5 and r["chance_top5"] == 1.0
    assert (r["n_points"], r["n_words"]) == (40, 2)


def test_shuffled_labels_retrieve_worse():
    x, labels = two_clusters()
    shuffled = list(np.random.default_rng(1).permutation(labels))
    cents = np.array([[0.0] * 3, [10.0] * 3])
    assert retrieval(x, shuffled, cents, ["a", "b"])["top1"] < retrieval(x, labels, cents, ["a", "b"])["top1"]


def test_top_k_counts_the_true_word_within_the_k_nearest():
    # points on a line at 0; words at distances 1..6: the true word is the 3rd nearest
    cents = np.arange(1.0, 7.0)[:, None]
    words = ["w1", "w2", "w3", "w4", "w5", "w6"]
    r = retrieval(np.zeros((4, 1)), ["w3"] * 4, cents, words, ks=(1, 2, 3))
    assert (r["top1"], r["top2"], r["top3"]) == (0.0, 0.0, 1.0)
    assert r["chance_top3"] == pytest.approx(0.5)


def test_a_collapsed_latent_does_not_score_as_perfect_retrieval():
    x, labels = two_clusters()
    r = retrieval(x, labels, np.zeros((2, 3)), ["a", "b"])
    assert r["top1"] == 0.0


def test_points_of_words_without_a_centroid_are_ignored():
    x, labels = two_clusters()
    r = retrieval(x, labels, np.array([[0.0] * 3]), ["a"])
    assert r["n_points"] == 20 and r["top1"] == 1.0


# --- semantic fidelity ------------------------------------------------------------
def peak_eq(gain_db):
    p = flat_params()
    p[2] = [gain_db, 1000.0, 1.0]
    return p


def test_generating_exactly_the_test_examples_gives_r_1_and_0_db():
    test = np.stack([peak_eq(6.0)] * 5 + [peak_eq(-3.0)] * 6)
    labels = ["a"] * 5 + ["b"] * 6
    f = semantic_fidelity(np.stack([peak_eq(6.0), peak_eq(-3.0)]), ["a", "b"], test, labels)
    assert f["n_words"] == 2
    assert f["mean_pearson_r"] == pytest.approx(1.0)
    assert f["mean_rms_db"] == pytest.approx(0.0, abs=1e-9)


def test_the_inverted_eq_correlates_minus_one():
    # an RBJ peaking cut is the exact reciprocal of the boost, so its dB response is the negative
    test = np.stack([peak_eq(6.0)] * 5)
    f = semantic_fidelity(peak_eq(-6.0)[None], ["a"], test, ["a"] * 5)
    assert f["per_word"][0]["pearson_r"] == pytest.approx(-1.0)


def test_a_flat_generated_eq_scores_zero_correlation_and_the_targets_rms():
    test = np.stack([peak_eq(6.0)] * 5)
    f = semantic_fidelity(flat_params()[None], ["a"], test, ["a"] * 5)
    target = response_db_np(peak_eq(6.0), log_freq_grid(256), SAMPLE_RATE)
    assert f["per_word"][0]["pearson_r"] == 0.0
    assert f["per_word"][0]["rms_db"] == pytest.approx(np.sqrt(np.mean(target**2)))


def test_words_with_too_few_test_examples_are_skipped():
    test = np.stack([peak_eq(6.0)] * 4)
    f = semantic_fidelity(peak_eq(6.0)[None], ["a"], test, ["a"] * 4, min_test=5)
    assert f["n_words"] == 0 and np.isnan(f["mean_pearson_r"])
