"""Held-out evaluation of eqmorph and its baselines with the metrics of :mod:`.metrics`.

Protocol, for one model, a training split and a test split:

- reconstruction (latent models only): encode then decode every test EQ; errors in physical
  units, in dB of the magnitude response, and the MSE in model space;
- silhouette: of the training latents, for words with >= 8 training examples (``silhouette_train``),
  and of the test latents of those same words (``silhouette_test``; words need 2 test examples);
- word retrieval: each test example's latent against the centroids of the words with >= 8
  training examples; top-1 / top-5 accuracy next to chance and to always answering the most
  frequent training words (``majority_top{k}``);
- semantic fidelity: the EQ generated for each word with >= 5 test examples against the mean
  response of those examples.

The word-mean baseline has no latent: its silhouette and retrieval are computed on the raw
model-space parameters, with its per-word means as centroids, which is the "same retrieval in
raw parameter space" reference for the latent models.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any, Protocol, runtime_checkable

import numpy as np

from eqmorph.baselines.floweq import DEFAULT_BETAS, FlowEQBaseline, FlowEQConfig
from eqmorph.baselines.word_mean import WordMeanBaseline, check_labelled_params
from eqmorph.core.ranges import N_PARAMS, to_model_space
from eqmorph.errors import ParameterError
from eqmorph.evaluation import metrics


@runtime_checkable
class WordEQModel(Protocol):
    """Anything that turns a known word into an EQ."""

    terms: list[str]  # known words, most examples first

    def generate_params(self, word: str) -> np.ndarray:
        """``(5, 3)`` physical parameters for ``word``."""
        ...


@runtime_checkable
class LatentEQModel(Protocol):
    """A word-to-EQ model with a latent space: eqmorph's model and the FlowEQ baseline."""

    terms: list[str]  # known words, most examples first
    latent_dim: int

    def encode_params(self, params: np.ndarray) -> np.ndarray:
        """``(n, 5, 3)`` physical -> ``(n, latent_dim)`` latent means."""
        ...

    def decode_params(self, z: np.ndarray) -> np.ndarray:
        """``(n, latent_dim)`` -> ``(n, 5, 3)`` physical, valid EQs."""
        ...

    def centroid(self, word: str) -> np.ndarray:
        """``(latent_dim,)`` mean latent of the word's training examples."""
        ...

    def generate_params(self, word: str) -> np.ndarray:
        """``(5, 3)`` = decode(centroid(word))."""
        ...


@dataclass(frozen=True)
class LabelledEQs:
    """The arrays evaluation needs from a dataset split.

    params: ``(n, 5, 3)`` physical; terms: ``(n,)`` words; source: ``(n,)`` dataset names.
    """

    params: np.ndarray
    terms: tuple[str, ...]
    source: tuple[str, ...]

    @classmethod
    def from_arrays(
        cls, params: np.ndarray, terms: Sequence[str], source: Sequence[str] | str = "unknown"
    ) -> LabelledEQs:
        """From ``params`` ``(n, 5, 3)`` or ``(n, 15)``, ``terms`` ``(n,)`` and one source or ``(n,)`` sources."""
        arr = check_labelled_params(params, terms)
        src = (source,) * arr.shape[0] if isinstance(source, str) else tuple(source)
        if len(src) != arr.shape[0]:
            raise ParameterError("source", f"{len(src)} sources", f"one source or one per example ({arr.shape[0]})")
        return cls(arr, tuple(terms), src)

    @classmethod
    def of(cls, data: Any) -> LabelledEQs:
        """From a :class:`LabelledEQs` or an ``EQDataset`` (``params_array()``, ``terms``, ``source``)."""
        if isinstance(data, LabelledEQs):
            return data
        if not (hasattr(data, "params_array") and hasattr(data, "terms")):
            raise ParameterError("data", data, "an EQDataset or LabelledEQs", wrong_type=True)
        return cls.from_arrays(data.params_array(), tuple(data.terms), tuple(getattr(data, "source", "unknown")))

    def __len__(self) -> int:
        return int(self.params.shape[0])

    def restrict(self, source: str | None) -> LabelledEQs:
        """The examples of one ``source`` (``None``: all of them)."""
        if source is None:
            return self
        keep = np.array([s == source for s in self.source], dtype=bool)
        return LabelledEQs(self.params[keep], tuple(np.asarray(self.terms, dtype=object)[keep]),
                           (source,) * int(keep.sum()))


def _majority(train_counts: Counter[str], words: Sequence[str], test_terms: Sequence[str], k: int) -> float:
    """Top-k accuracy of always answering the k most frequent training words among ``words``."""
    top = set(sorted(words, key=lambda w: (-train_counts[w], w))[:k])
    eligible = [t for t in test_terms if t in set(words)]
    return float(np.mean([t in top for t in eligible])) if eligible else float("nan")


def _with_majority(result: dict[str, float], train_counts: Counter[str], words: Sequence[str],
                   test_terms: Sequence[str]) -> dict[str, float]:
    for k in (1, 5):
        result[f"majority_top{k}"] = _majority(train_counts, words, test_terms, k)
    return result


def evaluate_model(
    model: Any,
    train: Any,
    test: Any,
    *,
    retrieval_min_count: int = metrics.RETRIEVAL_MIN_COUNT,
    fidelity_min_test: int = metrics.FIDELITY_MIN_TEST,
) -> dict[str, Any]:
    """Every applicable metric for one model on ``test``, with word eligibility counted on ``train``.

    model: a :class:`LatentEQModel`, a :class:`WordMeanBaseline` or any :class:`WordEQModel`
    (fidelity only); train, test: ``EQDataset`` or :class:`LabelledEQs`.
    """
    tr, te = LabelledEQs.of(train), LabelledEQs.of(test)
    counts = Counter(tr.terms)
    terms = list(model.terms) if isinstance(model, WordEQModel) else []
    eligible = [w for w in terms if counts[w] >= retrieval_min_count]
    out: dict[str, Any] = {"n_train": len(tr), "n_test": len(te)}

    if isinstance(model, LatentEQModel):
        out.update(kind="latent", space="latent", latent_dim=int(model.latent_dim))
        z_test = np.asarray(model.encode_params(te.params), dtype=np.float64)
        z_train = np.asarray(model.encode_params(tr.params), dtype=np.float64)
        out["reconstruction"] = metrics.reconstruction_errors(te.params, model.decode_params(z_test))
        cents = np.stack([np.asarray(model.centroid(w), dtype=np.float64) for w in eligible]) if eligible else None
    elif isinstance(model, WordMeanBaseline):
        out.update(kind="word_mean", space="model-space parameters", latent_dim=None, reconstruction=None)
        z_test = to_model_space(te.params).reshape(-1, N_PARAMS)
        z_train = to_model_space(tr.params).reshape(-1, N_PARAMS)
        cents = np.stack([model.mean_model_space(w).reshape(-1) for w in eligible]) if eligible else None
    elif isinstance(model, WordEQModel):
        out.update(kind="generator", space=None, latent_dim=None, reconstruction=None)
        z_test = z_train = cents = None
    else:
        raise ParameterError("model", model, "a LatentEQModel, WordMeanBaseline or WordEQModel", wrong_type=True)

    if z_test is not None:
        out["silhouette_train"] = metrics.silhouette(z_train, tr.terms, retrieval_min_count)
        in_eligible = np.isin(np.asarray(te.terms, dtype=object), eligible)
        out["silhouette_test"] = metrics.silhouette(
            z_test[in_eligible], np.asarray(te.terms, dtype=object)[in_eligible], 2
        )
        if cents is None:
            cents = np.zeros((0, z_test.shape[1]))
        out["retrieval"] = _with_majority(
            metrics.retrieval(z_test, te.terms, cents, eligible), counts, eligible, te.terms
        )
    else:
        out["silhouette_train"] = out["silhouette_test"] = out["retrieval"] = None

    test_counts = Counter(te.terms)
    words = [w for w in terms if test_counts[w] >= fidelity_min_test]
    generated = np.stack([model.generate_params(w) for w in words]) if words else np.zeros((0, 5, 3))
    out["fidelity"] = metrics.semantic_fidelity(generated, words, te.params, te.terms, fidelity_min_test)
    return out


def floweq_name(beta: float) -> str:
    """Result key of the FlowEQ baseline trained with ``beta``."""
    return f"floweq_beta_{beta:g}"


def train_baselines(
    train: Any,
    *,
    floweq_betas: Sequence[float] = DEFAULT_BETAS,
    floweq_config: FlowEQConfig | None = None,
    min_count: int = 1,
) -> tuple[dict[str, Any], dict[str, float]]:
    """Fit the word-mean baseline and one FlowEQ model per beta on ``train``.

    Returns ``(models, fit_seconds)`` keyed ``word_mean`` and ``floweq_beta_<beta>``.
    """
    tr = LabelledEQs.of(train)
    cfg = floweq_config if floweq_config is not None else FlowEQConfig()
    models: dict[str, Any] = {}
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    models["word_mean"] = WordMeanBaseline.fit(tr.params, tr.terms, min_count=min_count)
    seconds["word_mean"] = time.perf_counter() - start
    for beta in floweq_betas:
        start = time.perf_counter()
        name = floweq_name(float(beta))
        models[name] = FlowEQBaseline.fit(tr.params, tr.terms, replace(cfg, beta=float(beta)), min_count=min_count)
        seconds[name] = time.perf_counter() - start
    return models, seconds


def scopes_of(test: LabelledEQs) -> list[str | None]:
    """``None`` (everything, "combined") then each source, or just the one source there is."""
    sources = sorted(set(test.source))
    return list(sources) if len(sources) == 1 else [None, *sources]


def evaluate_models(
    models: Mapping[str, Any],
    train: Any,
    test: Any,
    *,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """:func:`evaluate_model` for every model, on the whole test split and on each dataset (``source``).

    Returns ``{"scopes": {scope: {"n_train", "n_test", "results": {model: metrics}}}}`` where
    scope is ``combined`` or a source name; train is restricted to the same source.
    """
    tr, te = LabelledEQs.of(train), LabelledEQs.of(test)
    if not models:
        raise ParameterError("models", "none", "at least one model")
    scopes: dict[str, Any] = {}
    for source in scopes_of(te):
        name = "combined" if source is None else source
        tr_s, te_s = tr.restrict(source), te.restrict(source)
        results = {}
        for model_name, model in models.items():
            if progress is not None:
                progress(f"evaluating {model_name} on {name}")
            results[model_name] = evaluate_model(model, tr_s, te_s)
        scopes[name] = {"n_train": len(tr_s), "n_test": len(te_s), "results": results}
    return {"scopes": scopes}


def evaluate_all(
    model: Any,
    train: Any,
    test: Any,
    *,
    floweq_betas: Sequence[float] = DEFAULT_BETAS,
    floweq_config: FlowEQConfig | None = None,
    min_count: int = 1,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Train the baselines on ``train`` and evaluate them with eqmorph's ``model`` on ``test``.

    Returns the :func:`evaluate_models` dict plus ``models`` (name -> description, fit seconds)
    and ``protocol`` (grid, thresholds).
    """
    if progress is not None:
        progress("training baselines")
    baselines, seconds = train_baselines(
        train, floweq_betas=floweq_betas, floweq_config=floweq_config, min_count=min_count
    )
    models = {"eqmorph": model, **baselines}
    out = evaluate_models(models, train, test, progress=progress)
    cfg = floweq_config if floweq_config is not None else FlowEQConfig()
    out["models"] = {
        "eqmorph": {"description": f"eqmorph residual autoencoder, {int(model.latent_dim)}-D latent"},
        "word_mean": {"description": "per-word mean of the training EQs (model space: log frequency and Q)",
                      "fit_seconds": seconds["word_mean"]},
    }
    for beta in floweq_betas:
        name = floweq_name(float(beta))
        out["models"][name] = {
            "description": f"FlowEQ-style beta-VAE, {cfg.latent_dim}-D latent, beta={float(beta):g}",
            "fit_seconds": seconds[name],
        }
    out["protocol"] = {
        "sample_rate": metrics.SAMPLE_RATE,
        "response_grid": f"{metrics.N_FREQS} log-spaced points, 20 Hz - 20 kHz",
        "retrieval_min_train_examples": metrics.RETRIEVAL_MIN_COUNT,
        "fidelity_min_test_examples": metrics.FIDELITY_MIN_TEST,
        "floweq_config": {k: v for k, v in asdict(cfg).items() if k != "beta"},
    }
    return out


__all__ = [
    "LabelledEQs",
    "LatentEQModel",
    "WordEQModel",
    "evaluate_all",
    "evaluate_model",
    "evaluate_models",
    "floweq_name",
    "scopes_of",
    "train_baselines",
]
