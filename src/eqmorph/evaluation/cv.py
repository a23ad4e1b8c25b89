"""k-fold cross-validation of eqmorph against fair baselines, on every word of both crowds.

Per fold (:func:`eqmorph.evaluation.folds.cv_folds`: stratified by word, comma siblings together) one
network is trained on the other folds; each centroid recipe in ``CVConfig.variants`` rebuilds its
vocabulary on that network (:func:`eqmorph.training.train.with_vocabulary`). The baselines are fitted
on the same training rows: (a) crowd mean response, (b) its best 5-band fit, (c) the parameter-space
mean (model space: log frequency and Q), (d) FlowEQ-style beta-VAE (pooled: it has no crowds).

Fidelity: for each (word, crowd) with held-out rows in the fold and >= 2 training rows in that crowd,
the method's response is compared with the mean reference response of the held-out rows *of that
crowd* (:mod:`eqmorph.datasets.responses`): Pearson r over frequency and RMS dB. The pooled evaluation
does the same per word over both crowds, with eqmorph's default ``source=None``. Retrieval: each held-out
row's word is ranked among the crowd's words with >= ``retrieval_min_count`` training rows, by latent
distance to the crowd centroids, by response distance to the crowd means (raw space), and by
``describe`` when given. Stop-listed words are never scored. Results are plain dicts (JSON-ready); see
:mod:`eqmorph.evaluation.cv_report` for the tables.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from eqmorph.baselines.crowd_mean import POOLED, CrowdMeanBaseline
from eqmorph.baselines.floweq import FlowEQBaseline
from eqmorph.baselines.word_mean import WordMeanBaseline
from eqmorph.core import dsp
from eqmorph.core.conventions import SAFE_SAMPLE_RATE
from eqmorph.datasets.dataset import EQDataset
from eqmorph.datasets.responses import SAMPLE_RATES
from eqmorph.errors import ParameterError
from eqmorph.evaluation.cv_report import DESCRIBE_METHODS
from eqmorph.evaluation.folds import DEFAULT_FOLDS, cv_folds
from eqmorph.language.stoplist import stoplist
from eqmorph.model.config import TrainConfig
from eqmorph.training.vocabulary import split_half_reliability

# Fold models: the bundled recipe with a fixed, short epoch budget (no rows to stop early on inside a fold).
# Response-fit centroids make fidelity insensitive to it: 10 and 60 epochs give the same numbers to +-0.005 and
# rank every method the same (docs/model.md), and 10 keeps 5 folds well inside 15 minutes on 2 shared cores.
# min_count 2 so words with 2-4 training examples are scored too.
CV_TRAIN = TrainConfig(epochs=10, patience=10, min_count=2)


def _recipe(centroid_fit: bool, combine: str, shrink_examples: float, shrink_toward: str = "word",
            shrink_select: bool = False) -> dict[str, Any]:
    """TrainConfig overrides naming all five centroid settings, so the defaults match one recipe only."""
    return {"centroid_fit": centroid_fit, "combine": combine, "shrink_examples": shrink_examples,
            "shrink_toward": shrink_toward, "shrink_select": shrink_select}


# Centroid recipes compared on each fold's network: name -> TrainConfig overrides (docs/model.md). The last six
# are the ablation of issue 12's small-word ideas (eqmorph.training.shrinkage): kappa chosen by leave-one-out on
# the fold's training rows, EQ neighbours in the prior, both, and the lexicon's relations beside the neighbours.
VARIANTS: dict[str, dict[str, Any]] = {
    "mean latent, count-weighted": _recipe(False, "count", 0.0),
    "mean latent, crowd-balanced": _recipe(False, "balanced", 0.0),
    "response-fit, count-weighted": _recipe(True, "count", 0.0),
    "response-fit, crowd-balanced": _recipe(True, "balanced", 0.0),
    "response-fit + shrinkage 2, count-weighted": _recipe(True, "count", 2.0),
    "response-fit + shrinkage 2, crowd-balanced": _recipe(True, "balanced", 2.0),
    "response-fit + shrinkage (selected), count-weighted": _recipe(True, "count", 2.0, "word", True),
    "response-fit + EQ-neighbour shrinkage 2, count-weighted": _recipe(True, "count", 2.0, "neighbours"),
    "response-fit + EQ-neighbour shrinkage (selected), count-weighted": _recipe(True, "count", 2.0, "neighbours", True),
    "response-fit + EQ-neighbour shrinkage (selected), crowd-balanced": _recipe(True, "balanced", 2.0, "neighbours",
                                                                                True),
    "response-fit + EQ-neighbour and lexicon shrinkage (selected), count-weighted": _recipe(True, "count", 2.0,
                                                                                           "lexicon", True),
    "response-fit + EQ-neighbour and lexicon shrinkage (selected), crowd-balanced": _recipe(True, "balanced", 2.0,
                                                                                           "lexicon", True),
}
BASELINES = ("crowd mean (a)", "crowd mean, 5-band fit (b)", "parameter mean (c)", "FlowEQ-style (d)")


def default_variant(variants: dict[str, dict[str, Any]]) -> str:
    """The recipe that :class:`TrainConfig`'s defaults (the bundled model's recipe) stand for."""
    base = TrainConfig()
    for name, over in variants.items():
        if all(getattr(base, k) == v for k, v in over.items()):
            return name
    return next(iter(variants))


@dataclass(frozen=True)
class CVConfig:
    """What one cross-validation run does."""

    folds: int = DEFAULT_FOLDS  # k of k-fold
    seed: int = 0  # folds and training
    n_freqs: int = 128  # log grid, 20 Hz - 20 kHz, for every response compared
    train: TrainConfig = CV_TRAIN  # recipe of each fold's network
    variants: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(VARIANTS))  # centroid recipes
    floweq: bool = True  # train the FlowEQ-style baseline per fold (a few seconds each)
    retrieval_min_count: int = 8  # training rows a word needs in a crowd to be a retrieval candidate
    describe: bool = True  # also rank words with the default recipe's Morpher.describe, when the model has it

    def __post_init__(self) -> None:
        if isinstance(self.folds, bool) or not isinstance(self.folds, int) or self.folds < 2:
            raise ParameterError("folds", self.folds, "an integer >= 2")
        if not self.variants:
            raise ParameterError("variants", self.variants, "at least one centroid recipe")


def _corr_rms(pred: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    a, b = pred - pred.mean(), target - target.mean()
    denom = float(np.sqrt((a @ a) * (b @ b)))
    return (float(a @ b) / denom if denom > 1e-12 else 0.0), float(np.sqrt(np.mean((pred - target) ** 2)))


def _scope_of_word(ds: EQDataset) -> dict[tuple[str, str], str]:
    """(word, crowd) -> report scope: ``socialfx_en``/``socialfx_es`` by the word's majority language, ``safe``."""
    langs: dict[tuple[str, str], Counter[str]] = {}
    for t, s, lang in zip(ds.terms, ds.source, ds.lang):
        langs.setdefault((t, s), Counter())[lang or "none"] += 1
    out = {}
    for (t, s), c in langs.items():
        out[(t, s)] = f"{s}_{c.most_common(1)[0][0]}" if s == "socialfx" else s
    return out


def noise_ceiling(ds: EQDataset, references_db: np.ndarray, seed: int = 0) -> dict[str, dict[str, float]]:
    """Per (word, crowd) and per word pooled: split-half reliability (Spearman-Brown) of its crowd mean.

    Keys ``"word\\tcrowd"`` (crowd ``""``: pooled) -> ``{"n", "reliability"}``; NaN below 2 examples.
    """
    rng = np.random.default_rng(seed)
    rows: dict[tuple[str, str], list[int]] = {}
    for i, (t, s) in enumerate(zip(ds.terms, ds.source)):
        rows.setdefault((t, s), []).append(i)
        rows.setdefault((t, POOLED), []).append(i)
    return {f"{t}\t{s}": {"n": len(r), "reliability": split_half_reliability(references_db[r], rng)}
            for (t, s), r in sorted(rows.items())}


def _train_data(ds: EQDataset) -> Any:
    from eqmorph.training.train import TrainData

    return TrainData.from_dataset(ds)


def _fold_models(train: EQDataset, cfg: CVConfig) -> dict[str, Any]:
    """Every eqmorph centroid recipe and the model-based baselines, trained on ``train``."""
    from eqmorph.semantic.morph import Morpher
    from eqmorph.training.train import train_model, with_vocabulary

    data = _train_data(train)
    ckpt = train_model(data, None, train_cfg=cfg.train)
    models: dict[str, Any] = {name: Morpher(with_vocabulary(ckpt, data, replace(cfg.train, **over)))
                              for name, over in cfg.variants.items()}
    params = train.params_array()
    models["parameter mean (c)"] = {
        crowd: WordMeanBaseline.fit(params[keep], np.asarray(train.terms, dtype=object)[keep].tolist())
        for crowd, keep in _crowd_masks(train).items()}
    if cfg.floweq:
        models["FlowEQ-style (d)"] = FlowEQBaseline.fit(params, list(train.terms))
    return models


def _crowd_masks(ds: EQDataset) -> dict[str, np.ndarray]:
    src = np.asarray(ds.source)
    return {POOLED: np.ones(len(ds), dtype=bool), **{s: src == s for s in sorted(set(ds.source))}}


def _predict(models: dict[str, Any], crowd_mean: CrowdMeanBaseline, word: str, crowd: str,
             freqs: np.ndarray) -> dict[str, np.ndarray]:
    """Each method's response ``(F,)`` for ``word`` as crowd ``crowd`` (``POOLED``: both) would have it."""
    rate = SAMPLE_RATES.get(crowd, SAFE_SAMPLE_RATE)
    source = None if crowd == POOLED else crowd
    out: dict[str, np.ndarray] = {}
    for name, m in models.items():
        if name == "parameter mean (c)":
            params = m[crowd].generate_params(word)
        elif name == "FlowEQ-style (d)":
            params = m.generate_params(word)
        else:
            params = m.generate_params(word, source=source)
        out[name] = dsp.response_db_np(np.asarray(params)[None], freqs, rate)[0]
    i = crowd_mean.index(word, crowd)
    out["crowd mean (a)"] = crowd_mean.mean_db[i]
    out["crowd mean, 5-band fit (b)"] = dsp.response_db_np(crowd_mean.params[i][None], freqs, rate)[0]
    return out


def _fidelity(models: dict[str, Any], crowd_mean: CrowdMeanBaseline, train: EQDataset, test: EQDataset,
              test_ref: np.ndarray, scopes: dict[tuple[str, str], str], freqs: np.ndarray,
              fold: int) -> list[dict[str, Any]]:
    stop = stoplist()
    known = set.intersection(*(set(m.terms) for name, m in models.items() if hasattr(m, "terms")
                               and name != "FlowEQ-style (d)"))
    train_n = Counter(zip(train.terms, train.source)) + Counter((t, POOLED) for t in train.terms)
    rows: dict[tuple[str, str], list[int]] = {}
    for i, (t, s) in enumerate(zip(test.terms, test.source)):
        rows.setdefault((t, s), []).append(i)
        rows.setdefault((t, POOLED), []).append(i)
    obs = []
    for (word, crowd), idx in sorted(rows.items()):
        if word in stop or word not in known or train_n[(word, crowd)] < 2 or (word, crowd) not in crowd_mean:
            continue
        target = test_ref[idx].mean(0)
        preds = _predict(models, crowd_mean, word, crowd, freqs)
        scope = "pooled" if crowd == POOLED else scopes[(word, crowd)]
        obs.append({"fold": fold, "word": word, "crowd": crowd or "pooled", "scope": scope,
                    "n_train": int(train_n[(word, crowd)]), "n_test": len(idx),
                    "scores": {name: _corr_rms(p, target) for name, p in preds.items()}})
    return obs


Describe = Callable[[np.ndarray, str], Sequence[Any]]  # (params (5, 3), crowd) -> ranked words or (word, score)
DESCRIBE_BOTH, DESCRIBE_CROWD = DESCRIBE_METHODS  # retrieval method names: both crowds' words, the crowd's


def _describers(models: dict[str, Any], cfg: CVConfig) -> dict[str, Describe]:
    """The default recipe's ``describe`` rankings: with the default (both crowds) word EQs, and with the
    example's crowd's own word EQs (``source=crowd``, as raw space uses that crowd's means); every language's words
    (``language=None``: the crowds' words are ranked, whatever language they were said in). Empty without one."""
    model = models.get(default_variant(cfg.variants))
    if not cfg.describe or not hasattr(model, "describe"):
        return {}
    from eqmorph.core.eq import EQ

    def crowd_describe(params: np.ndarray, crowd: str) -> Sequence[Any]:
        return model.describe(EQ.from_array(params), None, source=crowd if crowd in model.sources else None,
                              language=None)

    return {DESCRIBE_BOTH: lambda params, crowd: model.describe(EQ.from_array(params), None, language=None),
            DESCRIBE_CROWD: crowd_describe}


def _retrieval(models: dict[str, Any], crowd_mean: CrowdMeanBaseline, train: EQDataset, test: EQDataset,
               test_ref: np.ndarray, scopes: dict[tuple[str, str], str], cfg: CVConfig,
               describers: dict[str, Describe]) -> list[dict[str, Any]]:
    """One record per held-out row whose word is a candidate of its crowd: rank of the true word per method."""
    stop = stoplist()
    counts = Counter(zip(train.terms, train.source))
    variants = [name for name in cfg.variants if name in models]
    known = set(models[variants[0]].terms)
    params = test.params_array()
    out = []
    for crowd in sorted(set(test.source)):
        cands = sorted(w for (w, s), c in counts.items() if s == crowd and c >= cfg.retrieval_min_count
                       and w not in stop and w in known)
        if len(cands) < 2:
            continue
        cand_index = {w: j for j, w in enumerate(cands)}
        rows = [i for i, (t, s) in enumerate(zip(test.terms, test.source)) if s == crowd and t in cand_index]
        if not rows:
            continue
        means = np.stack([crowd_mean.mean_db[crowd_mean.index(w, crowd)] for w in cands])
        ranks: dict[str, np.ndarray] = {
            "raw response": _rank(np.linalg.norm(test_ref[rows][:, None] - means[None], axis=-1), rows, test,
                                  cand_index)}
        for name in variants:
            m = models[name]
            z = m.encode_params(params[rows])
            cents = np.stack([m.centroid(w, source=crowd) for w in cands])
            ranks[f"latent: {name}"] = _rank(np.linalg.norm(z[:, None] - cents[None], axis=-1), rows, test,
                                             cand_index)
        for name, describe in describers.items():
            ranks[name] = np.array([_describe_rank(describe(params[i], crowd), test.terms[i], cands) for i in rows])
        for j, i in enumerate(rows):
            out.append({"crowd": crowd, "scope": scopes[(test.terms[i], crowd)], "n_candidates": len(cands),
                        "ranks": {name: int(r[j]) for name, r in ranks.items()}})
    return out


def _rank(dist: np.ndarray, rows: list[int], test: EQDataset, cand_index: dict[str, int]) -> np.ndarray:
    """1-based rank of each row's true word among the candidates, by ascending distance ``(rows, cands)``."""
    true = np.array([cand_index[test.terms[i]] for i in rows])
    d_true = dist[np.arange(len(rows)), true]
    return 1 + (dist < d_true[:, None]).sum(1)


def _describe_rank(ranked: Sequence[Any], word: str, cands: Sequence[str]) -> int:
    """Rank of ``word`` in a describe() answer (words or (word, score) pairs) among ``cands``; last if absent."""
    names = [r[0] if isinstance(r, tuple | list) else r for r in ranked]
    names = [w for w in names if w in set(cands)]
    return names.index(word) + 1 if word in names else len(cands)


def run_cv(ds: EQDataset, references_db: np.ndarray, freqs_hz: np.ndarray, cfg: CVConfig | None = None, *,
           describe: Describe | None = None,
           progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Cross-validate on ``ds`` with reference responses ``references_db (n, F)`` at ``freqs_hz (F,)``.

    describe: optional ``(params (5, 3), crowd) -> ranked words or (word, score) pairs``, scored as the
    ``describe`` retrieval method; by default the fold's default-recipe ``Morpher.describe`` and the same
    with the example's crowd's words (``cfg.describe``).
    Returns ``{"config", "rows", "fold_sizes", "fidelity", "retrieval", "noise_ceiling", "seconds"}``.
    """
    cfg = cfg or CVConfig()
    ref = np.asarray(references_db, dtype=np.float64)
    if ref.shape != (len(ds), len(freqs_hz)):
        raise ParameterError("references_db", f"array of shape {ref.shape}", f"({len(ds)}, {len(freqs_hz)})")
    fold = cv_folds(ds.terms, ds.source, ds.ids, cfg.folds, cfg.seed)
    scopes = _scope_of_word(ds)
    fidelity: list[dict[str, Any]] = []
    retrieval: list[dict[str, Any]] = []
    timing: dict[str, float] = {}
    start = time.perf_counter()
    for f in range(cfg.folds):
        train, test = ds.subset(np.flatnonzero(fold != f)), ds.subset(np.flatnonzero(fold == f))
        if progress is not None:
            progress(f"fold {f + 1}/{cfg.folds}: training on {len(train)} rows, testing on {len(test)}")
        t0 = time.perf_counter()
        models = _fold_models(train, cfg)
        crowd_mean = CrowdMeanBaseline.fit(ref[fold != f], train.terms, train.source, freqs_hz, SAMPLE_RATES,
                                           min_count=2)  # fewer training rows are never scored
        timing[f"fold_{f}_fit_seconds"] = time.perf_counter() - t0
        fidelity += _fidelity(models, crowd_mean, train, test, ref[fold == f], scopes, freqs_hz, f)
        retrieval += _retrieval(models, crowd_mean, train, test, ref[fold == f], scopes, cfg,
                                {DESCRIBE_BOTH: describe} if describe else _describers(models, cfg))
    timing["total_seconds"] = time.perf_counter() - start
    return {
        "config": {**{k: v for k, v in asdict(cfg).items() if k not in ("train", "variants")},
                   "train": asdict(cfg.train), "variants": cfg.variants},
        "rows": len(ds),
        "fold_sizes": np.bincount(fold, minlength=cfg.folds).tolist(),
        "fidelity": fidelity,
        "retrieval": retrieval,
        "noise_ceiling": noise_ceiling(ds, ref, cfg.seed),
        "seconds": timing,
    }


__all__ = ["BASELINES", "CV_TRAIN", "VARIANTS", "CVConfig", "default_variant", "noise_ceiling", "run_cv"]
