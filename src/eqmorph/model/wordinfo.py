"""What a model knows about each word: examples per crowd and language, spread, and an honest confidence.

Confidence (docs/model.md, "Confidence"): ``max(0, reliability) * n / (n + CONFIDENCE_HALF_COUNT)``, where
``reliability`` is the split-half reliability of the word's mean training response (Spearman-Brown
corrected, see :func:`eqmorph.training.vocabulary.split_half_reliability`) and ``n`` its number of training
examples. Reliability says whether the examples agree; the count term says how far a handful of examples
can be trusted to show that: with 3 examples even perfect agreement gives at most 0.23, with 300 about 0.97.
Models saved before reliability was recorded fall back to the count term alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from eqmorph.model.checkpoint import Checkpoint

CONFIDENCE_HALF_COUNT = 10.0  # examples at which the count alone allows half confidence


@dataclass(frozen=True)
class WordInfo:
    """What the model knows about one word."""

    word: str
    count: int  # training examples behind the combined centroid
    confidence: float  # 0..1, see the module docstring
    spread: float  # RMS std of the word's training latents
    reliability: float | None = None  # split-half reliability of the mean response; None if unknown
    counts_by_source: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))  # crowd -> examples
    counts_by_language: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))  # "en"/"es"/"none"


def confidence(reliability: float | None, count: int) -> float:
    """``max(0, reliability) * count / (count + CONFIDENCE_HALF_COUNT)``; an unknown reliability counts as 1."""
    if reliability is None:
        rel = 1.0  # a model saved before reliability was recorded: the count alone
    elif not math.isfinite(reliability):
        rel = 0.0  # one example: nothing to agree with
    else:
        rel = reliability
    return max(0.0, min(1.0, rel)) * count / (count + CONFIDENCE_HALF_COUNT)


def word_infos(ckpt: Checkpoint) -> dict[str, WordInfo]:
    """Word -> :class:`WordInfo` for every word of ``ckpt``, in vocabulary order."""
    out = {}
    for j, word in enumerate(ckpt.terms):
        count = int(ckpt.counts[j])
        rel = None if ckpt.reliability is None else float(ckpt.reliability[j])
        by_source = ({s: int(ckpt.source_counts[i, j]) for i, s in enumerate(ckpt.sources)}
                     if ckpt.source_counts is not None else {})
        by_lang = ({x: int(ckpt.language_counts[i, j]) for i, x in enumerate(ckpt.languages)
                    if ckpt.language_counts[i, j] > 0} if ckpt.language_counts is not None else {})
        spread = float(np.sqrt(np.mean(np.asarray(ckpt.spreads[j], dtype=np.float64) ** 2)))
        out[word] = WordInfo(word, count, confidence(rel, count), spread,
                             None if rel is None or not math.isfinite(rel) else rel,
                             MappingProxyType(by_source), MappingProxyType(by_lang))
    return out


def word_languages(counts_by_language: Mapping[str, int]) -> frozenset[str]:
    """The languages a word is a word of: those at least half of its examples were written in.

    SAFE-DB's descriptors carry no language ("none") and were typed in an English plug-in by English-speaking
    engineers: English. "brillante" (3 Spanish examples, 1 English) is Spanish; a word as common in both is both.
    """
    counts: dict[str, int] = {}
    for lang, n in counts_by_language.items():
        key = "en" if lang == "none" else lang
        counts[key] = counts.get(key, 0) + int(n)
    total = sum(counts.values())
    return frozenset(lang for lang, n in counts.items() if n > 0 and 2 * n >= total)

__all__ = ["CONFIDENCE_HALF_COUNT", "WordInfo", "confidence", "word_infos", "word_languages"]
