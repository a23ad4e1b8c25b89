"""Evaluation metrics: pure numpy functions on arrays.

Conventions: EQ arrays are ``(n, 5, 3)`` physical ``(gain_db, freq_hz, q)`` in
canonical band order, so band ``b`` of a prediction is compared with band ``b``
of its target.  Magnitude responses are taken on a 256-point log grid from
20 Hz to 20 kHz at 44.1 kHz with the RBJ cookbook biquads of :mod:`eqmorph.core.dsp`.
Every function returns plain Python numbers (NaN where a metric is undefined,
e.g. fewer than two labels) so results go straight into JSON.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from eqmorph.core.conventions import SAFE_SAMPLE_RATE
from eqmorph.core.dsp import log_freq_grid, response_db_np
from eqmorph.core.ranges import N_BANDS, to_model_space
from eqmorph.errors import ParameterError

SAMPLE_RATE = SAFE_SAMPLE_RATE  # FlowEQ and SAFE render their EQs at 44.1 kHz
N_FREQS = 256  # points of the log response grid, 20 Hz - 20 kHz
RETRIEVAL_MIN_COUNT = 8  # words need this many training examples to be retrieval / silhouette classes
FIDELITY_MIN_TEST = 5  # words need this many test examples for semantic fidelity


def _eq_array(name: str, params: np.ndarray) -> np.ndarray:
    arr = np.asarray(params, dtype=np.float64)
    if arr.ndim != 3 or arr.shape[1:] != (N_BANDS, 3):
        raise ParameterError(f"{name}.shape", arr.shape, f"(n, {N_BANDS}, 3)")
    return arr


def responses_db(params: np.ndarray, sample_rate: float = SAMPLE_RATE, n_freqs: int = N_FREQS) -> np.ndarray:
    """Magnitude responses of ``(n, 5, 3)`` EQs on the evaluation grid: ``(n, n_freqs)`` dB."""
    return response_db_np(_eq_array("params", params), log_freq_grid(n_freqs), sample_rate)


def reconstruction_errors(
    target: np.ndarray, predicted: np.ndarray, sample_rate: float = SAMPLE_RATE, n_freqs: int = N_FREQS
) -> dict[str, float]:
    """Errors of ``predicted`` against ``target``, both ``(n, 5, 3)``, over all 5 bands.

    Keys: ``gain_mae_db``; ``freq_error_octaves`` (mean ``|log2(f_pred / f_true)|``);
    ``freq_median_abs_error_hz``; ``q_mae``; ``response_rms_db`` (per-EQ RMS dB difference of the
    magnitude responses, averaged over EQs); ``model_space_mse`` (MSE in normalised model space);
    ``n_examples``.
    """
    t, p = _eq_array("target", target), _eq_array("predicted", predicted)
    if t.shape != p.shape:
        raise ParameterError("predicted.shape", p.shape, f"the target's shape {t.shape}")
    if t.shape[0] == 0:
        raise ParameterError("target", "0 examples", "at least one example")
    diff_db = responses_db(p, sample_rate, n_freqs) - responses_db(t, sample_rate, n_freqs)
    return {
        "gain_mae_db": float(np.mean(np.abs(p[..., 0] - t[..., 0]))),
        "freq_error_octaves": float(np.mean(np.abs(np.log2(p[..., 1] / t[..., 1])))),
        "freq_median_abs_error_hz": float(np.median(np.abs(p[..., 1] - t[..., 1]))),
        "q_mae": float(np.mean(np.abs(p[..., 2] - t[..., 2]))),
        "response_rms_db": float(np.mean(np.sqrt(np.mean(diff_db**2, axis=-1)))),
        "model_space_mse": float(np.mean((to_model_space(p) - to_model_space(t)) ** 2)),
        "n_examples": int(t.shape[0]),
    }


def _points(name: str, x: np.ndarray, labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2:
        raise ParameterError(f"{name}.shape", arr.shape, "(n, d)")
    lab = np.asarray(list(labels), dtype=object)
    if lab.shape != (arr.shape[0],):
        raise ParameterError("labels", f"{lab.size} labels", f"one label per row of {name} ({arr.shape[0]})")
    return arr, lab


def _pairwise_distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Euclidean distances ``(len(a), len(b))``; the expanded form, floored at 0 against rounding."""
    sq = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2.0 * a @ b.T
    return np.sqrt(np.maximum(sq, 0.0))


def silhouette(x: np.ndarray, labels: Sequence[str], min_count: int = RETRIEVAL_MIN_COUNT) -> dict[str, float]:
    """Mean silhouette (Rousseeuw 1987) of points ``x`` ``(n, d)`` grouped by ``labels`` ``(n,)``.

    Only labels with at least ``min_count`` points take part. ``s(i) = (b - a) / max(a, b)`` with
    ``a`` the mean distance to the rest of i's group and ``b`` the smallest mean distance to another
    group (Euclidean); as in scikit-learn, a point alone in its group scores 0. Returns
    ``{"silhouette", "n_points", "n_labels"}``; the score is NaN with fewer than two labels.
    """
    arr, lab = _points("x", x, labels)
    if int(min_count) < 1:
        raise ParameterError("min_count", min_count, "an integer >= 1")
    counts = Counter(lab.tolist())
    keep_labels = sorted(w for w, c in counts.items() if c >= min_count)
    mask = np.isin(lab, keep_labels)
    arr, lab = arr[mask], lab[mask]
    if len(keep_labels) < 2:
        return {"silhouette": float("nan"), "n_points": int(arr.shape[0]), "n_labels": len(keep_labels)}
    codes = np.searchsorted(np.asarray(keep_labels, dtype=object), lab)
    k, n = len(keep_labels), arr.shape[0]
    onehot = np.zeros((n, k))
    onehot[np.arange(n), codes] = 1.0
    sizes = onehot.sum(0)
    # distance sums to each group, in row blocks so memory stays ~n * 512 floats
    sums = np.empty((n, k))
    for start in range(0, n, 512):
        sums[start : start + 512] = _pairwise_distances(arr[start : start + 512], arr) @ onehot
    own = sizes[codes]
    a = sums[np.arange(n), codes] / np.maximum(own - 1.0, 1.0)
    other = sums / sizes[None, :]
    other[np.arange(n), codes] = np.inf
    b = other.min(1)
    denom = np.maximum(a, b)
    s = np.where((own > 1) & (denom > 0), (b - a) / np.where(denom > 0, denom, 1.0), 0.0)
    return {"silhouette": float(s.mean()), "n_points": int(n), "n_labels": int(k)}


def retrieval(
    x: np.ndarray,
    labels: Sequence[str],
    centroids: np.ndarray,
    centroid_words: Sequence[str],
    ks: Sequence[int] = (1, 5),
) -> dict[str, float]:
    """Word retrieval: rank ``centroid_words`` by distance from each point to their centroid.

    x: ``(n, d)`` points (latents or model-space parameters); labels: ``(n,)`` true words;
    centroids: ``(k, d)`` one per word in ``centroid_words``. Points whose label is not among
    ``centroid_words`` are ignored. Returns ``top{k}`` accuracies, ``chance_top{k}`` (= k / n_words),
    ``n_points`` and ``n_words``; accuracies are NaN when no point is eligible.
    """
    arr, lab = _points("x", x, labels)
    cents = np.asarray(centroids, dtype=np.float64)
    words = list(centroid_words)
    if cents.ndim == 1:
        cents = cents[:, None]
    if cents.ndim != 2 or cents.shape != (len(words), arr.shape[1]):
        raise ParameterError("centroids.shape", cents.shape, f"({len(words)}, {arr.shape[1]}): one per word")
    if len(set(words)) != len(words):
        raise ParameterError("centroid_words", "duplicates", "distinct words")
    if any(int(k) < 1 for k in ks):
        raise ParameterError("ks", tuple(ks), "integers >= 1")
    index = {w: i for i, w in enumerate(words)}
    mask = np.array([w in index for w in lab], dtype=bool)
    out: dict[str, float] = {"n_points": int(mask.sum()), "n_words": len(words)}
    truth = np.array([index[w] for w in lab[mask]], dtype=int)
    if truth.size:
        dist = _pairwise_distances(arr[mask], cents)
        # rank = how many other words are at least as close as the true one: ties count against the
        # point, so a collapsed latent (all centroids equal) scores 0, not 1
        rank = (dist <= dist[np.arange(truth.size), truth][:, None]).sum(1) - 1
    for k in ks:
        out[f"top{k}"] = float(np.mean(rank < k)) if truth.size else float("nan")
        out[f"chance_top{k}"] = min(int(k), len(words)) / len(words) if words else float("nan")
    return out


def _pearson(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson r of two curves; 0 when either is constant (a flat EQ carries no shape to agree with)."""
    da, db = a - a.mean(), b - b.mean()
    denom = np.sqrt((da * da).sum() * (db * db).sum())
    return float((da * db).sum() / denom) if denom > 1e-12 else 0.0


def semantic_fidelity(
    generated: np.ndarray,
    words: Sequence[str],
    test_params: np.ndarray,
    test_labels: Sequence[str],
    min_test: int = FIDELITY_MIN_TEST,
    sample_rate: float = SAMPLE_RATE,
    n_freqs: int = N_FREQS,
) -> dict[str, object]:
    """How well the EQ generated for each word matches that word's held-out examples.

    generated: ``(k, 5, 3)``, the EQ generated for each of ``words`` ``(k,)``; test_params:
    ``(n, 5, 3)`` with ``test_labels`` ``(n,)``. For every word with at least ``min_test`` test
    examples, compares the generated response with the mean (in dB) of its test examples'
    responses: Pearson r of the two curves and their RMS difference in dB. Returns per-word rows
    and the mean and median of both; NaN when no word qualifies.
    """
    gen = _eq_array("generated", generated)
    wl = list(words)
    if gen.shape[0] != len(wl):
        raise ParameterError("words", f"{len(wl)} words", f"one per generated EQ ({gen.shape[0]})")
    test = _eq_array("test_params", test_params)
    lab = np.asarray(list(test_labels), dtype=object)
    if lab.shape != (test.shape[0],):
        raise ParameterError("test_labels", f"{lab.size} labels", f"one per test EQ ({test.shape[0]})")
    counts = Counter(lab.tolist())
    rows: list[dict[str, object]] = []
    chosen = [i for i, w in enumerate(wl) if counts.get(w, 0) >= min_test]
    if chosen:
        gen_db = responses_db(gen[chosen], sample_rate, n_freqs)
        test_db = responses_db(test, sample_rate, n_freqs)
        for row, i in enumerate(chosen):
            target = test_db[lab == wl[i]].mean(0)
            rows.append(
                {
                    "word": wl[i],
                    "n_test": int(counts[wl[i]]),
                    "pearson_r": _pearson(gen_db[row], target),
                    "rms_db": float(np.sqrt(np.mean((gen_db[row] - target) ** 2))),
                }
            )
    r = np.array([row["pearson_r"] for row in rows], dtype=float)
    rms = np.array([row["rms_db"] for row in rows], dtype=float)
    nan = float("nan")
    return {
        "n_words": len(rows),
        "mean_pearson_r": float(r.mean()) if rows else nan,
        "median_pearson_r": float(np.median(r)) if rows else nan,
        "mean_rms_db": float(rms.mean()) if rows else nan,
        "median_rms_db": float(np.median(rms)) if rows else nan,
        "per_word": rows,
    }


__all__ = [
    "FIDELITY_MIN_TEST",
    "N_FREQS",
    "RETRIEVAL_MIN_COUNT",
    "SAMPLE_RATE",
    "reconstruction_errors",
    "responses_db",
    "retrieval",
    "semantic_fidelity",
    "silhouette",
]
