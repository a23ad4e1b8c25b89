"""How a crowd's word target borrows strength from other words: shrinkage toward a prior.

A word a crowd used a few times has a noisy mean response. Its target is pulled toward a prior by
``kappa`` pseudo-examples, ``(n * mean + kappa * prior) / (n + kappa)``, so a 2-example word moves a lot
and a 300-example word hardly at all. Priors (``TrainConfig.shrink_toward``):

* ``"word"``: the word's mean over both crowds when the other crowd used it too, else the crowd's
  mean over all its words;
* ``"neighbours"``: half that, half the word's **EQ neighbours**: the mean responses of the other
  words (either crowd, at least ``NEIGHBOUR_MIN_COUNT`` examples each) weighted by ``max(0, r)^2``, ``r``
  the correlation of their mean with this word's own mean. Words that sound alike (muddy, boomy,
  dark) lend each other their shape; unrelated words lend nothing;
* ``"lexicon"``: the same, with the **lexicon's related words** among the neighbours
  (:mod:`eqmorph.language.lexicon`: translations and synonyms lend their mean, antonyms their mean
  inverted), each with weight ``lexicon_weight`` next to the EQ neighbours' ``max(0, r)^2``. The
  lexicon is dictionary knowledge kept as data (cálido = warm, apagado = dull), written without
  the crowds' responses, so it does not share a small word's noise the way its EQ neighbours'
  correlations do: a 2-example "cálido" finds warm through the dictionary even when its two
  examples happen to correlate best with something else.

``kappa`` is ``TrainConfig.shrink_examples`` and ``lexicon_weight`` is ``LEXICON_WEIGHT``, or
(``shrink_select``) both are chosen from ``KAPPA_GRID`` x ``LEXICON_WEIGHT_GRID`` on the training rows
alone: each example of a word with ``SELECT_COUNTS`` examples is left out in turn, the word's target is
rebuilt from the rest, and the pair whose targets correlate best with the left-out examples wins
(:func:`select_shrinkage`). No evaluation row is ever seen.

Responses are ``(n, F)`` dB arrays; ``groups`` maps ``(word, crowd)`` to row indices, crowd ``""``
meaning both crowds (:func:`eqmorph.training.vocabulary._groups`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from eqmorph.language.lexicon import RELATION_SIGN, related
from eqmorph.model.config import SHRINK_PRIORS  # the priors below, named where TrainConfig checks them

NEIGHBOUR_MIN_COUNT = 5  # a neighbour lends its mean only if that mean rests on this many examples
NEIGHBOUR_POWER = 2.0  # weight max(0, r)^2: close shapes count, loosely related ones barely
NEIGHBOUR_SHARE = 0.5  # share of the EQ neighbours in the "neighbours" prior; the rest is the "word" prior
KAPPA_GRID = (0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)  # pseudo-examples shrink_select chooses from
# Weight of each lexicon relation next to the EQ neighbours' weights max(0, r)^2 (each at most 1; a word has
# tens of neighbours): 0 ignores the lexicon, 10 lets a translation outweigh all of them.
LEXICON_WEIGHT_GRID = (0.0, 0.3, 1.0, 3.0, 10.0)
LEXICON_WEIGHT = 1.0  # the weight without shrink_select: one relation counts as one perfectly correlated neighbour
SELECT_COUNTS = (3, 10)  # words with this many examples decide kappa (2-9 left after leaving one out)

Related = Callable[[str], Iterable[tuple[str, float]]]  # word -> (related word, +1 alike / -1 opposite)


class Shrinkage(NamedTuple):
    """How strongly targets are shrunk: ``kappa`` pseudo-examples, lexicon relations at ``lexicon_weight``."""

    kappa: float
    lexicon_weight: float


def lexicon_relations(word: str) -> list[tuple[str, float]]:
    """The lexicon's words related to ``word``, with +1 (translation, synonym) or -1 (antonym)."""
    return [(r.other, RELATION_SIGN[r.relation]) for r in related(word)]


def _corr_rows(x: np.ndarray, means: np.ndarray) -> np.ndarray:
    """Pearson r over frequency of ``x (F,)`` with every row of ``means (m, F)``; 0 for a flat curve."""
    a = x - x.mean()
    b = means - means.mean(1, keepdims=True)
    denom = np.sqrt((a @ a) * (b * b).sum(1))
    return np.where(denom > 1e-12, b @ a / np.maximum(denom, 1e-12), 0.0)


class _Parts(NamedTuple):
    """A word's neighbour prior before weighting: EQ neighbours' weighted sum and total weight, and the sum
    and count of its lexicon relations' (signed) means. ``(F,)`` vectors."""

    eq_sum: np.ndarray
    eq_weight: float
    lexicon_sum: np.ndarray
    lexicon_count: int

    def mean(self, lexicon_weight: float) -> np.ndarray | None:
        total = self.eq_weight + lexicon_weight * self.lexicon_count
        if total <= 1e-12:
            return None
        return (self.eq_sum + lexicon_weight * self.lexicon_sum) / total


@dataclass(frozen=True)
class Priors:
    """What the priors are made of: per-crowd grand means, the neighbour candidates and the lexicon.

    grand: crowd -> ``(F,)``; neighbour_means ``(m, F)`` of ``m`` (word, crowd) keys with their
    ``neighbour_words (m,)``; related: word -> its lexicon relations (:func:`lexicon_relations`).
    """

    grand: dict[str, np.ndarray]
    neighbour_means: np.ndarray
    neighbour_words: np.ndarray
    related: Related = lexicon_relations

    @classmethod
    def build(cls, resp: np.ndarray, groups: dict[tuple[str, str], np.ndarray], sources: Sequence[str],
              source: Sequence[str], related: Related = lexicon_relations) -> Priors:
        src = np.asarray(source)
        grand = {s: resp[src == s].mean(0) for s in sources}
        keys = sorted(k for k, rows in groups.items() if k[1] in sources and len(rows) >= NEIGHBOUR_MIN_COUNT)
        means = np.stack([resp[groups[k]].mean(0) for k in keys]) if keys else np.zeros((0, resp.shape[1]))
        return cls(grand, means, np.asarray([w for w, _ in keys], dtype=object), related)

    def _parts(self, word: str, mean: np.ndarray, lexicon: bool) -> _Parts:
        f = self.neighbour_means.shape[1]
        if not len(self.neighbour_means):
            return _Parts(np.zeros(f), 0.0, np.zeros(f), 0)
        weight = np.maximum(_corr_rows(mean, self.neighbour_means), 0.0) ** NEIGHBOUR_POWER
        weight[self.neighbour_words == word] = 0.0  # the word itself (in either crowd) is not its own neighbour
        lexicon_sum, count = np.zeros(f), 0
        for other, sign in self.related(word) if lexicon else ():
            hit = (self.neighbour_words == other) & (other != word)
            if hit.any():  # the related word in both crowds counts once, as their mean
                lexicon_sum += sign * self.neighbour_means[hit].mean(0)
                count += 1
        return _Parts(weight @ self.neighbour_means, float(weight.sum()), lexicon_sum, count)

    def neighbours(self, word: str, mean: np.ndarray, lexicon_weight: float = 0.0) -> np.ndarray | None:
        """Weighted mean ``(F,)`` of the other words' means (EQ neighbours, and lexicon relations at
        ``lexicon_weight``); None when none correlates and no relation has a mean."""
        return self._parts(word, mean, lexicon_weight > 0).mean(lexicon_weight)

    def prior(self, word: str, crowd: str, mean: np.ndarray, both_crowds_mean: np.ndarray | None,
              toward: str, lexicon_weight: float = LEXICON_WEIGHT) -> np.ndarray:
        """The prior ``(F,)`` of ``word`` in ``crowd`` whose own examples average ``mean``.

        both_crowds_mean: the word's mean over both crowds when the other crowd used it too, else None;
        lexicon_weight: the weight of lexicon relations, which only the ``"lexicon"`` prior has.
        """
        return self._mix(self._base(crowd, both_crowds_mean), self._parts_toward(word, mean, toward), lexicon_weight)

    def _parts_toward(self, word: str, mean: np.ndarray, toward: str) -> _Parts | None:
        """The neighbour parts the prior ``toward`` mixes in (no lexicon relations but for ``"lexicon"``, so
        a lexicon weight changes nothing there); None for ``"word"``."""
        return None if toward == "word" else self._parts(word, mean, toward == "lexicon")

    def _base(self, crowd: str, both_crowds_mean: np.ndarray | None) -> np.ndarray:
        return both_crowds_mean if both_crowds_mean is not None else self.grand[crowd]

    @staticmethod
    def _mix(base: np.ndarray, parts: _Parts | None, lexicon_weight: float) -> np.ndarray:
        near = None if parts is None else parts.mean(lexicon_weight)
        return base if near is None else (1.0 - NEIGHBOUR_SHARE) * base + NEIGHBOUR_SHARE * near


def shrink(mean: np.ndarray, n: int, prior: np.ndarray, kappa: float) -> np.ndarray:
    """``(n * mean + kappa * prior) / (n + kappa)``: ``kappa`` pseudo-examples of the prior."""
    return (n * mean + kappa * prior) / (n + kappa)


def select_shrinkage(resp: np.ndarray, groups: dict[tuple[str, str], np.ndarray], sources: Sequence[str],
                     priors: Priors, toward: str, fallback: float) -> Shrinkage:
    """The ``KAPPA_GRID`` x ``LEXICON_WEIGHT_GRID`` pair whose leave-one-out targets correlate best with the
    left-out examples (lexicon weights only for the ``"lexicon"`` prior; otherwise 0).

    Every (word, crowd) with ``SELECT_COUNTS`` training examples scores the mean over its left-out
    examples; pairs are ranked by the mean over words (ties: the smaller kappa, then the smaller weight).
    ``Shrinkage(fallback, LEXICON_WEIGHT or 0)`` when no word has that many examples.
    """
    weights = LEXICON_WEIGHT_GRID if toward == "lexicon" else (0.0,)
    low, high = SELECT_COUNTS
    scores: list[np.ndarray] = []
    for (word, crowd), rows in groups.items():
        if crowd not in sources or not low <= len(rows) <= high:
            continue
        everyone = groups[(word, "")] if crowd else rows
        per_row = []
        for i in rows:
            rest = rows[rows != i]
            mean = resp[rest].mean(0)
            others = everyone[everyone != i]
            base = priors._base(crowd, resp[others].mean(0) if len(others) > len(rest) else None)
            parts = priors._parts_toward(word, mean, toward)
            target = resp[i] - resp[i].mean()
            if float(target @ target) <= 1e-12:
                per_row.append(np.zeros((len(weights), len(KAPPA_GRID))))
                continue
            est = np.stack([shrink(mean, len(rest), Priors._mix(base, parts, w), k)
                            for w in weights for k in KAPPA_GRID])
            per_row.append(_corr_rows(resp[i], est).reshape(len(weights), len(KAPPA_GRID)))
        scores.append(np.mean(per_row, axis=0))
    if not scores:
        return Shrinkage(float(fallback), LEXICON_WEIGHT if toward == "lexicon" else 0.0)
    # Weights in the outer position, kappas inner: argmax's first best is the smallest weight, then kappa.
    w, k = np.unravel_index(int(np.argmax(np.mean(scores, axis=0))), (len(weights), len(KAPPA_GRID)))
    return Shrinkage(float(KAPPA_GRID[k]), float(weights[w]))


__all__ = ["KAPPA_GRID", "LEXICON_WEIGHT", "LEXICON_WEIGHT_GRID", "NEIGHBOUR_MIN_COUNT", "SHRINK_PRIORS", "Priors",
           "Shrinkage", "lexicon_relations", "select_shrinkage", "shrink"]
