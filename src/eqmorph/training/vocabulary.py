"""A trained network's vocabulary: which words get a centroid, one per crowd and one combined, and how
reliable each word's crowd mean is.

Steps (each a function, all called by :func:`build_vocabulary`):

1. words: every term with at least ``min_count`` training examples that is not on the stop list
   (:mod:`eqmorph.language.stoplist`);
2. mean latents: per word, the mean training latent of each crowd and of all rows (count-weighted);
3. targets (``centroid_fit``): per word and crowd the mean dB response of its training examples,
   shrunk toward a prior by ``shrink_examples`` pseudo-examples (:mod:`eqmorph.training.shrinkage`:
   the word's mean over both crowds when the other crowd used it too, else that crowd's mean over all
   words, with ``shrink_toward="neighbours"`` also its EQ neighbours, with ``"lexicon"`` also the
   lexicon's related words; ``shrink_select`` chooses the number of pseudo-examples and the lexicon's
   weight on the training rows); the combined target is the count-weighted or
   crowd-balanced mix of the crowd targets (``combine``);
4. centroids (``centroid_fit``): latents found by gradient descent on the frozen decoder, started at
   the mean latents, so that each decoded centroid's response is as close as the decoder allows to
   its target; otherwise the mean latents themselves;
5. reliability: split-half (Spearman-Brown corrected) reliability of each word's mean response.

Responses are on a ``response_points`` log grid at 44.1 kHz, the grid of the response loss.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from eqmorph.core import dsp
from eqmorph.core.conventions import SAFE_SAMPLE_RATE
from eqmorph.errors import EqmorphError
from eqmorph.language.stoplist import stoplist
from eqmorph.model.config import TrainConfig
from eqmorph.model.losses import model_to_physical
from eqmorph.training.shrinkage import LEXICON_WEIGHT, Priors, Shrinkage, select_shrinkage, shrink

SPLIT_HALF_REPEATS = 32  # random half splits averaged per word; the estimate's noise is small next to its range
FIT_STEPS = 300  # Adam steps of the centroid fit; the loss flattens well before this
FIT_LR = 0.02  # latent units per step; the latent lives in the tanh box [-1, 1]
RESPONSE_SAMPLE_RATE = SAFE_SAMPLE_RATE  # the response loss's rate


class TrainingError(EqmorphError):
    """Training cannot produce a usable model (no data, no word with enough examples, NaN loss)."""


@dataclass(frozen=True)
class Vocabulary:
    """Centroids and counts of ``k`` words (most examples first), per crowd (``S``) and combined.

    centroids, spreads ``(k, d)``; counts ``(k,)``; source_centroids, source_spreads ``(S, k, d)``;
    source_counts ``(S, k)``; language_counts ``(L, k)``; reliability ``(k,)`` (NaN below 2 examples).
    """

    terms: tuple[str, ...]
    counts: np.ndarray
    centroids: np.ndarray
    spreads: np.ndarray
    sources: tuple[str, ...]
    source_counts: np.ndarray | None
    source_centroids: np.ndarray | None
    source_spreads: np.ndarray | None
    languages: tuple[str, ...]
    language_counts: np.ndarray | None
    reliability: np.ndarray


def vocabulary_words(terms: Sequence[str], min_count: int) -> tuple[str, ...]:
    """Words with ``>= min_count`` examples that are not stop-listed, most examples first (ties alphabetical)."""
    stop = stoplist()
    counts = Counter(terms)
    words = sorted((w for w, c in counts.items() if c >= min_count and w not in stop), key=lambda w: (-counts[w], w))
    if not words:
        raise TrainingError(
            f"no word has at least min_count={min_count} training examples "
            f"(most frequent: {counts.most_common(3)}); lower --min-count or add data"
        )
    return tuple(words)


def split_half_reliability(responses: np.ndarray, rng: np.random.Generator,
                           repeats: int = SPLIT_HALF_REPEATS) -> float:
    """Spearman-Brown corrected :func:`split_half_correlation` of one word's examples ``(n, F)`` (dB).

    The full mean's reliability is ``2 r / (1 + r)`` for ``r > 0`` and ``r`` itself otherwise (halves
    that disagree: the correction is only meaningful for a positive correlation), so it lies in
    [-1, 1]. NaN for fewer than 2 examples.
    """
    r = split_half_correlation(responses, rng, repeats)
    return 2.0 * r / (1.0 + r) if r > 0.0 else r


def split_half_correlation(responses: np.ndarray, rng: np.random.Generator,
                           repeats: int = SPLIT_HALF_REPEATS) -> float:
    """Correlation over frequency of the mean responses of two random halves of ``responses`` ``(n, F)``.

    Averaged over ``repeats`` splits; NaN for fewer than 2 examples; a half whose mean is flat counts as r = 0.
    """
    n = len(responses)
    if n < 2:
        return float("nan")
    rs = []
    for _ in range(repeats):
        order = rng.permutation(n)
        a, b = responses[order[: n // 2]].mean(0), responses[order[n // 2:]].mean(0)
        a, b = a - a.mean(), b - b.mean()
        denom = float(np.sqrt((a @ a) * (b @ b)))
        rs.append(float(a @ b) / denom if denom > 1e-12 else 0.0)
    return float(np.mean(rs))


def _groups(terms: Sequence[str], words: Sequence[str], source: Sequence[str]) -> dict[tuple[str, str], np.ndarray]:
    """(word, crowd or "") -> row indices; "" is all crowds together."""
    index = {w: i for i, w in enumerate(words)}
    out: dict[tuple[str, str], list[int]] = {}
    for i, (t, s) in enumerate(zip(terms, source)):
        if t in index:
            out.setdefault((t, ""), []).append(i)
            if s:
                out.setdefault((t, s), []).append(i)
    return {k: np.asarray(v) for k, v in out.items()}


def _targets(resp: np.ndarray, groups: dict[tuple[str, str], np.ndarray], words: Sequence[str],
             sources: Sequence[str], source: Sequence[str],
             cfg: TrainConfig) -> tuple[np.ndarray, np.ndarray]:
    """Shrunk mean responses ``(S, k, F)`` per crowd and the combined ones ``(k, F)``.

    Shrinkage: :mod:`eqmorph.training.shrinkage` (prior ``cfg.shrink_toward``, ``cfg.shrink_examples``
    pseudo-examples and the lexicon at ``LEXICON_WEIGHT``, or both chosen on these rows when ``cfg.shrink_select``).
    """
    k, f = len(words), resp.shape[1]
    priors = Priors.build(resp, groups, sources, source)
    chosen = (select_shrinkage(resp, groups, sources, priors, cfg.shrink_toward, cfg.shrink_examples)
              if cfg.shrink_select else Shrinkage(cfg.shrink_examples, LEXICON_WEIGHT))
    per = np.zeros((len(sources), k, f))
    n = np.zeros((len(sources), k))
    for j, w in enumerate(words):
        pooled = resp[groups[(w, "")]].mean(0)
        for i, s in enumerate(sources):
            rows = groups.get((w, s))
            if rows is None:
                per[i, j] = pooled  # the crowd never used the word: it stands for the other crowd's
                continue
            n[i, j] = len(rows)
            mean = resp[rows].mean(0)
            both = pooled if len(groups[(w, "")]) > len(rows) else None
            prior = priors.prior(w, s, mean, both, cfg.shrink_toward, chosen.lexicon_weight)
            per[i, j] = shrink(mean, len(rows), prior, chosen.kappa)
    if cfg.combine == "balanced":
        used = n > 0
        combined = (per * used[..., None]).sum(0) / np.maximum(used.sum(0), 1)[:, None]
    else:
        combined = (per * n[..., None]).sum(0) / np.maximum(n.sum(0), 1)[:, None]
    return per, combined


def fit_centroids(decoder: torch.nn.Module, start: np.ndarray, targets_db: np.ndarray, freqs_hz: np.ndarray,
                  steps: int = FIT_STEPS) -> np.ndarray:
    """Latents ``(m, d)`` whose decoded responses best match ``targets_db (m, F)``, from ``start (m, d)``.

    Adam on the squared dB error with the decoder frozen; latents are kept in the encoder's tanh box.
    """
    z = torch.tensor(start, dtype=torch.float32, requires_grad=True)
    target = torch.tensor(targets_db, dtype=torch.float32)
    freqs = torch.tensor(freqs_hz, dtype=torch.float32)
    opt = torch.optim.Adam([z], lr=FIT_LR)
    for p in decoder.parameters():
        p.requires_grad_(False)
    try:
        for _ in range(steps):
            r = dsp.response_db(torch, model_to_physical(decoder(z)), freqs, RESPONSE_SAMPLE_RATE)
            loss = (r - target).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            with torch.no_grad():
                z.clamp_(-1.0, 1.0)
    finally:
        for p in decoder.parameters():
            p.requires_grad_(True)
    return z.detach().numpy().astype(np.float64)


def build_vocabulary(z: np.ndarray, params: np.ndarray, terms: Sequence[str], source: Sequence[str] | None,
                     lang: Sequence[str | None] | None, cfg: TrainConfig, decoder: torch.nn.Module) -> Vocabulary:
    """The vocabulary of a trained network from its training latents ``z (n, d)`` and params ``(n, 5, 3)``."""
    words = vocabulary_words(terms, cfg.min_count)
    crowd = tuple(source) if source is not None else ("",) * len(terms)
    sources = tuple(sorted(set(crowd) - {""}))
    groups = _groups(terms, words, crowd)
    freqs = dsp.log_freq_grid(cfg.response_points)
    resp = dsp.response_db_np(np.asarray(params, dtype=np.float64), freqs, RESPONSE_SAMPLE_RATE)
    k, d = len(words), z.shape[1]

    def mean_std(rows: np.ndarray | None, fallback: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        if rows is None:
            return fallback
        std = z[rows].std(0) if len(rows) >= 2 else fallback[1]  # one example says nothing about spread
        return z[rows].mean(0), std

    pooled = [mean_std(groups[(w, "")], (np.zeros(d), np.zeros(d))) for w in words]
    cents, spreads = np.stack([c for c, _ in pooled]), np.stack([s for _, s in pooled])
    s_cents, s_spreads = np.zeros((len(sources), k, d)), np.zeros((len(sources), k, d))
    s_counts = np.zeros((len(sources), k), dtype=np.int64)
    for i, s in enumerate(sources):
        for j, w in enumerate(words):
            rows = groups.get((w, s))
            s_counts[i, j] = 0 if rows is None else len(rows)
            s_cents[i, j], s_spreads[i, j] = mean_std(rows, pooled[j])
    if sources and cfg.combine == "balanced":
        used = s_counts > 0
        cents = (s_cents * used[..., None]).sum(0) / np.maximum(used.sum(0), 1)[:, None]
    if cfg.centroid_fit:
        per, combined = _targets(resp, groups, words, sources or ("",), crowd, cfg)
        start = np.concatenate([cents, s_cents.reshape(-1, d)]) if sources else cents
        target = np.concatenate([combined, per.reshape(-1, per.shape[-1])]) if sources else combined
        fitted = fit_centroids(decoder, start, target, freqs)
        cents, s_cents = fitted[:k], fitted[k:].reshape(len(sources), k, d)
        # A crowd's missing word is the combined one; so is a word only one crowd used (same target, same
        # start): copied rather than fitted twice, so float rounding in the fit cannot tell the two apart.
        alone = (s_counts == 0) | (s_counts == s_counts.sum(0))
        s_cents[alone] = np.broadcast_to(cents, s_cents.shape)[alone]
    rng = np.random.default_rng(cfg.seed)
    reliability = np.array([split_half_reliability(resp[groups[(w, "")]], rng) for w in words])
    languages, lang_counts = _language_counts(words, terms, lang)
    counts = np.array([len(groups[(w, "")]) for w in words], dtype=np.int64)
    return Vocabulary(words, counts, cents, spreads, sources, s_counts if sources else None,
                      s_cents if sources else None, s_spreads if sources else None, languages, lang_counts,
                      reliability)


def _language_counts(words: Sequence[str], terms: Sequence[str],
                     lang: Sequence[str | None] | None) -> tuple[tuple[str, ...], np.ndarray | None]:
    if lang is None:
        return (), None
    labels = ["none" if x is None else str(x) for x in lang]
    languages = tuple(sorted(set(labels)))
    index = {w: j for j, w in enumerate(words)}
    table = np.zeros((len(languages), len(words)), dtype=np.int64)
    li = {x: i for i, x in enumerate(languages)}
    for t, x in zip(terms, labels):
        if t in index:
            table[li[x], index[t]] += 1
    return languages, table


__all__ = ["TrainingError", "Vocabulary", "build_vocabulary", "fit_centroids", "split_half_correlation",
           "split_half_reliability",
           "vocabulary_words"]
