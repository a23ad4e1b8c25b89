"""Configurations of the residual EQ autoencoder and of its training."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from eqmorph.errors import ModelFileError, ParameterError


@dataclass(frozen=True)
class ModelConfig:
    """Shape of the network; stored in every checkpoint so loading needs no flags."""

    latent_dim: int = 32  # bounded (tanh) latent; 32 or 64
    hidden: tuple[int, ...] = (128, 256, 128)  # encoder block widths; the decoder mirrors them
    dropout: float = 0.1  # inside every residual block, training only
    proj_dim: int = 32  # output of the projection head the contrastive loss sees

    def __post_init__(self) -> None:
        if self.latent_dim not in (32, 64):
            raise ParameterError("latent_dim", self.latent_dim, "32 or 64")
        if not self.hidden or any(int(h) < 1 for h in self.hidden):
            raise ParameterError("hidden", self.hidden, "one or more positive widths")
        if not 0.0 <= self.dropout < 1.0:
            raise ParameterError("dropout", self.dropout, "0 <= dropout < 1")
        object.__setattr__(self, "hidden", tuple(int(h) for h in self.hidden))


COMBINE_RULES = ("count", "balanced")  # how the two crowds make the default (source=None) word
SHRINK_PRIORS = ("word", "neighbours", "lexicon")  # what a crowd's word target is shrunk toward (training/shrinkage.py)


@dataclass(frozen=True)
class TrainConfig:
    """How the model is trained; the defaults are what the bundled model used."""

    epochs: int = 400  # upper bound; early stopping usually ends sooner
    patience: int = 40  # epochs without validation improvement before stopping
    lr: float = 1e-3  # Adam learning rate
    weight_decay: float = 1e-5  # small L2 keeps the latent from drifting on tiny words
    words_per_batch: int = 16  # class-balanced batches: this many words ...
    examples_per_word: int = 8  # ... with up to this many examples each, so positives exist
    batches_per_epoch: int = 24  # about one pass over the combined data at 128 per batch
    supcon_weight: float = 0.1  # lambda of the supervised contrastive term
    temperature: float = 0.1  # SupCon temperature
    response_weight: float = 1.0  # weight of the magnitude-response error next to the parameter error
    response_points: int = 64  # log-spaced frequencies for the response loss
    centroid_weight: float = 1.0  # decoded batch centroids must sound like their word's average (docs/model.md)
    use_consistency_weight: bool = False  # weighting SocialFX rows by ratings_consistency: no gain measured
    min_count: int = 3  # words with fewer training examples get no centroid
    # Vocabulary recipe, chosen by 5-fold cross-validation (docs/model.md, "Centroids"):
    combine: str = "count"  # source=None centroid: "count" (all rows pooled; CV: better) or "balanced"
    centroid_fit: bool = True  # centroids fitted so the decoded EQ matches the crowd's mean response
    shrink_examples: float = 2.0  # pseudo-examples pulling a crowd's word toward its prior (fallback of shrink_select)
    # Prior: "word" (both crowds' / its crowd's mean), "neighbours" (+ EQ neighbours) or "lexicon" (+ EQ
    # neighbours and the lexicon's translations, synonyms, antonyms); CV: each lifts small-word fidelity
    # (docs/model.md, "Small words")
    shrink_toward: str = "lexicon"
    # shrink_examples (and the lexicon's weight) chosen by leave-one-out on the training rows (training/shrinkage)
    shrink_select: bool = True
    seed: int = 0  # everything random (init, batches, dropout) follows this

    def __post_init__(self) -> None:
        for name in ("epochs", "patience", "words_per_batch", "examples_per_word", "batches_per_epoch"):
            if int(getattr(self, name)) < 1:
                raise ParameterError(name, getattr(self, name), "an integer >= 1")
        if not self.lr > 0:
            raise ParameterError("lr", self.lr, "a positive learning rate")
        if not self.temperature > 0:
            raise ParameterError("temperature", self.temperature, "a positive temperature")
        if self.min_count < 1:
            raise ParameterError("min_count", self.min_count, "an integer >= 1")
        if self.combine not in COMBINE_RULES:
            raise ParameterError("combine", self.combine, " or ".join(COMBINE_RULES))
        if not self.shrink_examples >= 0:
            raise ParameterError("shrink_examples", self.shrink_examples, "a number >= 0")
        if self.shrink_toward not in SHRINK_PRIORS:
            raise ParameterError("shrink_toward", self.shrink_toward, " or ".join(SHRINK_PRIORS))


def config_to_dict(cfg: Any) -> dict[str, Any]:
    """JSON-ready dict of a config dataclass (tuples become lists)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(cfg).items()}


def config_from_dict(cls: type, data: Any, what: str) -> Any:
    """Rebuild a config dataclass, rejecting unknown or ill-typed keys with a clear message."""
    if not isinstance(data, dict):
        raise ModelFileError(f"{what}: expected a JSON object, got {type(data).__name__}")
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ModelFileError(f"{what}: unknown keys {unknown}; allowed: {sorted(known)}")
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"{what}: {exc}") from exc


