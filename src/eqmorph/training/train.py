"""Training the residual EQ autoencoder (needs the ``train`` extra: torch).

Loss per batch: parameter MSE in model space + ``response_weight`` x scaled response MSE
(dB, on a log grid) + ``supcon_weight`` x supervised contrastive loss over the projection
of the latent. Batches are class-balanced so same-word positives exist: words with at least
two examples are drawn with probability proportional to sqrt(count), up to
``examples_per_word`` examples each, plus a quarter of uniformly drawn examples so rare words
are reconstructed too. SocialFX rows are weighted by their ratings_consistency (floored at
``MIN_EXAMPLE_WEIGHT``) in the reconstruction terms.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from eqmorph.core import dsp
from eqmorph.core.conventions import SAFE_SAMPLE_RATE
from eqmorph.core.ranges import flat_params, to_model_space
from eqmorph.datasets.experiment import SplitSpec, data_files, load_dataset, provenance, split_dataset
from eqmorph.errors import ParameterError
from eqmorph.model.checkpoint import Checkpoint, model_target, save
from eqmorph.model.config import ModelConfig, TrainConfig, config_to_dict
from eqmorph.model.losses import centroid_loss, model_to_physical, param_loss, response_loss, supcon_loss
from eqmorph.model.network import EQAutoencoder
from eqmorph.semantic.pairings import write_pairings
from eqmorph.training.vocabulary import TrainingError, Vocabulary, build_vocabulary, vocabulary_words

MIN_EXAMPLE_WEIGHT = 0.1  # a rating consistency of 0 still says something about the word


@dataclass(frozen=True)
class TrainData:
    """What training needs from a dataset, as arrays.

    params: ``(n, 5, 3)`` physical; terms: ``(n,)`` words; weight: ``(n,)``; source: ``(n,)`` crowd of each
    row (``None``: one unnamed crowd, no per-crowd words); lang: ``(n,)`` language or ``None`` per row.
    """

    params: np.ndarray
    terms: tuple[str, ...]
    weight: np.ndarray
    source: tuple[str, ...] | None = None
    lang: tuple[str | None, ...] | None = None

    @classmethod
    def from_dataset(cls, ds: Any) -> TrainData:
        """From an :class:`eqmorph.datasets.EQDataset` (anything with params_array/terms/weight/source/lang)."""
        return cls(np.asarray(ds.params_array(), dtype=np.float64), tuple(ds.terms), np.asarray(ds.weight, float),
                   tuple(ds.source), tuple(ds.lang))


def _batch_sampler(terms: Sequence[str], cfg: TrainConfig, rng: np.random.Generator) -> Callable[[], np.ndarray]:
    by_word: dict[str, np.ndarray] = {}
    for i, t in enumerate(terms):
        by_word.setdefault(t, []).append(i)  # type: ignore[arg-type]
    multi = [np.asarray(v) for v in by_word.values() if len(v) >= 2]
    p = np.sqrt([len(v) for v in multi]) if multi else np.zeros(0)
    p = p / p.sum() if len(p) else p
    n_total = len(terms)
    n_random = max(1, cfg.words_per_batch * cfg.examples_per_word // 4)

    def sample() -> np.ndarray:
        parts = [rng.integers(0, n_total, size=min(n_random, n_total))]
        if multi:
            chosen = rng.choice(len(multi), size=min(cfg.words_per_batch, len(multi)), replace=False, p=p)
            for c in chosen:
                members = multi[c]
                parts.append(rng.choice(members, size=min(cfg.examples_per_word, len(members)), replace=False))
        return np.concatenate(parts)

    return sample


def _losses(model: EQAutoencoder, x: torch.Tensor, labels: torch.Tensor, w: torch.Tensor, freqs: torch.Tensor,
            cfg: TrainConfig) -> dict[str, torch.Tensor]:
    recon, z, proj = model(x.flatten(1))
    out = {
        "param": param_loss(recon, x, w),
        "response": response_loss(recon, x, freqs, w),
        "supcon": supcon_loss(proj, labels, cfg.temperature),
    }
    out["recon"] = out["param"] + cfg.response_weight * out["response"]
    out["total"] = out["recon"] + cfg.supcon_weight * out["supcon"]
    if cfg.centroid_weight > 0:
        out["centroid"] = centroid_loss(model.decoder, z, x, labels, freqs)
        out["total"] = out["total"] + cfg.centroid_weight * out["centroid"]
    return out


def _word_map(centroids: np.ndarray) -> np.ndarray:
    """2-D PCA of the centroids ``(k, d)`` -> ``(k, 2)``, scaled to [-1, 1]; sign fixed for stability."""
    k = centroids.shape[0]
    if k < 2:
        return np.zeros((k, 2))
    c = centroids - centroids.mean(0)
    _, _, vt = np.linalg.svd(c, full_matrices=False)
    basis = vt[:2] if vt.shape[0] >= 2 else np.vstack([vt, np.zeros_like(vt)])
    basis = basis * np.sign(basis[:, :1] + 1e-12)
    xy = c @ basis.T
    return xy / max(np.abs(xy).max(), 1e-12)


def _tensors(d: TrainData, cfg: TrainConfig) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Model-space inputs ``(n, 5, 3)``, integer word labels ``(n,)`` and example weights ``(n,)``."""
    word_ids = {w: i for i, w in enumerate(sorted(set(d.terms)))}
    x = torch.tensor(to_model_space(d.params), dtype=torch.float32)
    labels = torch.tensor([word_ids[t] for t in d.terms])
    w = np.maximum(d.weight, MIN_EXAMPLE_WEIGHT) if cfg.use_consistency_weight else np.ones(len(d.terms))
    return x, labels, torch.tensor(w, dtype=torch.float32)


def _check(train: TrainData) -> None:
    n = len(train.terms)
    if n < 2:
        raise TrainingError(f"training needs at least 2 examples, got {n}")
    if train.params.shape != (n, 5, 3) or train.weight.shape != (n,):
        raise TrainingError(f"params {train.params.shape} / weight {train.weight.shape} do not match {n} terms")
    for name in ("source", "lang"):
        column = getattr(train, name)
        if column is not None and len(column) != n:
            raise TrainingError(f"{name} has {len(column)} values for {n} terms")


def _train_loop(model: EQAutoencoder, train: TrainData, val: TrainData | None, cfg: TrainConfig,
                progress: bool) -> tuple[int, list[dict[str, float]], float]:
    """Train ``model`` in place; keep the epoch with the lowest validation (else training) reconstruction loss.

    Returns ``(best epoch, history, seconds)``.
    """
    rng = np.random.default_rng(cfg.seed)
    x_tr, y_tr, w_tr = _tensors(train, cfg)
    has_val = val is not None and len(val.terms) > 0
    x_va, y_va, w_va = _tensors(val, cfg) if has_val else (x_tr, y_tr, w_tr)  # type: ignore[arg-type]
    freqs = torch.tensor(dsp.log_freq_grid(cfg.response_points), dtype=torch.float32)
    # foreach: one multi-tensor update per step instead of a loop over the parameters, about a sixth of the loop's
    # time, with the same bits (a 150-epoch bundled-model build gave identical weights both ways).
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay, foreach=True)
    sample = _batch_sampler(train.terms, cfg, rng)
    history: list[dict[str, float]] = []
    best = (float("inf"), -1, copy.deepcopy(model.state_dict()))
    start = time.perf_counter()
    from tqdm.auto import tqdm

    bar = tqdm(range(cfg.epochs), desc="training", unit="epoch", disable=not progress)
    for epoch in bar:
        model.train()
        sums: Counter[str] = Counter()
        for _ in range(cfg.batches_per_epoch):
            idx = torch.from_numpy(sample())
            parts = _losses(model, x_tr[idx], y_tr[idx], w_tr[idx], freqs, cfg)
            if not torch.isfinite(parts["total"]):
                raise TrainingError(f"loss became {parts['total'].item()} at epoch {epoch}; nothing was saved")
            opt.zero_grad()
            parts["total"].backward()
            opt.step()
            sums.update({k: v.item() / cfg.batches_per_epoch for k, v in parts.items()})
        model.eval()
        with torch.no_grad():
            v = _losses(model, x_va, y_va, w_va, freqs, cfg)
        if not torch.isfinite(v["recon"]):
            raise TrainingError(f"validation loss became {v['recon'].item()} at epoch {epoch}; nothing was saved")
        row = {"epoch": epoch, **{f"train_{k}": float(s) for k, s in sums.items()},
               **{f"val_{k}": float(t.item()) for k, t in v.items()}, "seconds": time.perf_counter() - start}
        history.append(row)
        bar.set_postfix(train=f"{row['train_total']:.4f}", val=f"{row['val_recon']:.4f}")
        if row["val_recon"] < best[0] - 1e-6:
            best = (row["val_recon"], epoch, copy.deepcopy(model.state_dict()))
        elif epoch - best[1] >= cfg.patience:
            break
    bar.close()
    model.load_state_dict(best[2])
    model.eval()
    return best[1], history, time.perf_counter() - start


def _metrics(model: EQAutoencoder, val: TrainData | None, train: TrainData, cfg: TrainConfig) -> dict[str, Any]:
    """Reconstruction errors on the validation rows (training rows when there are none)."""
    has_val = val is not None and len(val.terms) > 0
    x_va = _tensors(val if has_val else train, cfg)[0]  # type: ignore[arg-type]
    with torch.no_grad():
        recon = model.decoder(model.encoder(x_va.flatten(1)))
        grid = torch.tensor(dsp.log_freq_grid(256))
        r_err = (dsp.response_db(torch, model_to_physical(recon.double()), grid, SAFE_SAMPLE_RATE)
                 - dsp.response_db(torch, model_to_physical(x_va.double()), grid, SAFE_SAMPLE_RATE))
    return {
        "val_param_mse": float((recon - x_va).pow(2).mean()),
        "val_response_rms_db": float(r_err.pow(2).mean(-1).sqrt().mean()),
        "selected_on": "validation" if has_val else "training (no validation rows)",
    }


def _checkpoint(model: EQAutoencoder, model_cfg: ModelConfig, cfg: TrainConfig, vocab: Vocabulary,
                provenance: dict[str, Any] | None, metrics: dict[str, Any],
                history: list[dict[str, float]]) -> Checkpoint:
    with torch.no_grad():
        flat = model.encoder(torch.tensor(to_model_space(flat_params()), dtype=torch.float32).reshape(1, -1))
    return Checkpoint(
        config=model_cfg,
        weights={k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()},
        flat=flat.numpy()[0].astype(np.float64),
        train_config=config_to_dict(cfg),
        provenance=dict(provenance or {}),
        metrics=metrics,
        history=history,
        **_vocabulary_fields(vocab),
    )


def _vocabulary_fields(vocab: Vocabulary) -> dict[str, Any]:
    return {"terms": vocab.terms, "counts": vocab.counts, "centroids": vocab.centroids, "spreads": vocab.spreads,
            "word_map": _word_map(vocab.centroids), "sources": vocab.sources, "source_counts": vocab.source_counts,
            "source_centroids": vocab.source_centroids, "source_spreads": vocab.source_spreads,
            "languages": vocab.languages, "language_counts": vocab.language_counts,
            "reliability": vocab.reliability}


def with_vocabulary(ckpt: Checkpoint, train: TrainData, cfg: TrainConfig) -> Checkpoint:
    """``ckpt`` with its vocabulary rebuilt from ``train`` under ``cfg`` (same network weights).

    Centroid recipes (``combine``, ``centroid_fit``, ``shrink_examples``, ``min_count``) only change this
    step, so cross-validation compares them on one trained network per fold.
    """
    model = EQAutoencoder(ckpt.config)
    model.load_state_dict({k: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in ckpt.weights.items()})
    model.eval()
    with torch.no_grad():
        z = model.encoder(_tensors(train, cfg)[0].flatten(1)).numpy().astype(np.float64)
    vocab = build_vocabulary(z, train.params, train.terms, train.source, train.lang, cfg, model.decoder)
    return dataclasses.replace(ckpt, train_config=config_to_dict(cfg), **_vocabulary_fields(vocab))


def train_model(
    train: TrainData,
    val: TrainData | None = None,
    model_cfg: ModelConfig | None = None,
    train_cfg: TrainConfig | None = None,
    *,
    provenance: dict[str, Any] | None = None,
    progress: bool = False,
) -> Checkpoint:
    """Train a model and return its checkpoint (weights, vocabulary, centroids, history, metrics).

    Steps: the training loop (early stopping keeps the epoch with the lowest validation
    reconstruction loss, training loss when ``val`` is empty), the vocabulary (centroids per crowd
    and combined, see :mod:`eqmorph.training.vocabulary`), metrics, the checkpoint.
    Raises :class:`TrainingError` for unusable data or NaN losses.
    """
    model_cfg = model_cfg or ModelConfig()
    cfg = train_cfg or TrainConfig()
    _check(train)
    vocabulary_words(train.terms, cfg.min_count)  # fail before training, not after
    torch.manual_seed(cfg.seed)
    torch.set_num_threads(1)  # the network is small: one thread beats two, and is reproducible
    model = EQAutoencoder(model_cfg)
    best_epoch, history, seconds = _train_loop(model, train, val, cfg, progress)
    with torch.no_grad():
        z = model.encoder(_tensors(train, cfg)[0].flatten(1)).numpy().astype(np.float64)
    vocab = build_vocabulary(z, train.params, train.terms, train.source, train.lang, cfg, model.decoder)
    metrics = {"best_epoch": best_epoch, "epochs_run": len(history), "train_seconds": seconds,
               **_metrics(model, val, train, cfg)}
    return _checkpoint(model, model_cfg, cfg, vocab, provenance, metrics, history)


def train_on_data(
    spec: SplitSpec,
    data: str | os.PathLike[str] | None,
    out: str | os.PathLike[str],
    model_cfg: ModelConfig | None = None,
    train_cfg: TrainConfig | None = None,
    *,
    progress: bool = False,
    model_name: str = "eqmorph",
) -> Checkpoint:
    """Load the named data, split it, train on the train part and save the model directory ``out``."""
    model_target(out, "--out")  # before the data loads and the minutes of training
    files = data_files(spec.dataset, data)
    for path in files.values():
        if Path(out).resolve() == path.resolve() or path.resolve().is_relative_to(Path(out).resolve()):
            raise ParameterError("--out", str(out), "a folder that does not hold the training data")
    full = load_dataset(spec.dataset, data)
    train, val, test = split_dataset(full, spec)
    held_out = ("none: trained on every row (evaluate with cross-validation, eqmorph evaluate)"
                if len(val) + len(test) == 0 else "val and test rows of the split")
    prov = provenance(spec, files, full, train, val, test, model_name=model_name, torch=torch.__version__,
                      held_out=held_out)
    ckpt = train_model(TrainData.from_dataset(train), TrainData.from_dataset(val), model_cfg, train_cfg,
                       provenance=prov, progress=progress)
    save(ckpt, out)
    write_pairings(out)  # every word pair's peak pairing, so a new pair costs no pairing (eqmorph.semantic.pairings)
    return ckpt
