"""How a crowd's word target borrows strength from other words: shrinkage toward a prior.

A word a crowd used a few times has a noisy mean response. Its target is pulled toward a prior by
``kappa`` pseudo-examples, ``(n * mean + kappa * prior) / (n + kappa)``, so a 2-example word moves a lot
and a 300-example word hardly at all. Priors (``TrainConfig.shrink_toward``):

* ``"word"``: the word's mean over both crowds when the other crowd used it too, else the crowd's
  mean over all its words;
* ``"neighbours"``: half that, half the word's **EQ neighbours**: the mean responses of the other
  words (either crowd, at least ``NEIGHBOUR_MIN_COUNT`` examples each) weighted by ``max(0, r)^2``, ``r``
  the correlation of their mean with this word's own mean. Words that sound alike (muddy, boomy,
  dark) lend each other their shape; unrelated words lend nothing.

``kappa`` is ``TrainConfig.shrink_examples``, or (``shrink_select``) chosen from ``KAPPA_GRID`` on the
training rows alone: each example of a word with ``SELECT_COUNTS`` examples is left out in turn,
the word's target is rebuilt from the rest, and the kappa whose targets correlate best with the
left-out examples wins (:func:`select_kappa`). No evaluation row is ever seen.

Responses are ``(n, F)`` dB arrays; ``groups`` maps ``(word, crowd)`` to row indices, crowd ``""``
meaning both crowds (:func:`eqmorph.training.vocabulary._groups`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from eqmorph.model.config import SHRINK_PRIORS  # the priors below, named where TrainConfig checks them

NEIGHBOUR_MIN_COUNT = 5  # a neighbour lends its mean only if that mean rests on this many examples
NEIGHBOUR_POWER = 2.0  # weight max(0, r)^2: close shapes count, loosely related ones barely
NEIGHBOUR_SHARE = 0.5  # share of the EQ neighbours in the "neighbours" prior; the rest is the "word" prior
KAPPA_GRID = (0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)  # pseudo-examples shrink_select chooses from
SELECT_COUNTS = (3, 10)  # words with this many examples decide kappa (2-9 left after leaving one out)


def _corr_rows(x: np.ndarray, means: np.ndarray) -> np.ndarray:
    """Pearson r over frequency of ``x (F,)`` with every row of ``means (m, F)``; 0 for a flat curve."""
    a = x - x.mean()
    b = means - means.mean(1, keepdims=True)
    denom = np.sqrt((a @ a) * (b * b).sum(1))
    return np.where(denom > 1e-12, b @ a / np.maximum(denom, 1e-12), 0.0)


@dataclass(frozen=True)
class Priors:
    """What the priors are made of: per-crowd grand means and the neighbour candidates.

    grand: crowd -> ``(F,)``; neighbour_means ``(m, F)`` of ``m`` (word, crowd) keys with their
    ``neighbour_words (m,)``.
    """

    grand: dict[str, np.ndarray]
    neighbour_means: np.ndarray
    neighbour_words: np.ndarray

    @classmethod
    def build(cls, resp: np.ndarray, groups: dict[tuple[str, str], np.ndarray], sources: Sequence[str],
              source: Sequence[str]) -> Priors:
        src = np.asarray(source)
        grand = {s: resp[src == s].mean(0) for s in sources}
        keys = sorted(k for k, rows in groups.items() if k[1] in sources and len(rows) >= NEIGHBOUR_MIN_COUNT)
        means = np.stack([resp[groups[k]].mean(0) for k in keys]) if keys else np.zeros((0, resp.shape[1]))
        return cls(grand, means, np.asarray([w for w, _ in keys], dtype=object))

    def neighbours(self, word: str, mean: np.ndarray) -> np.ndarray | None:
        """Correlation-weighted mean ``(F,)`` of the other words' means; None when none correlates."""
        if not len(self.neighbour_means):
            return None
        weight = np.maximum(_corr_rows(mean, self.neighbour_means), 0.0) ** NEIGHBOUR_POWER
        weight[self.neighbour_words == word] = 0.0  # the word itself (in either crowd) is not its own neighbour
        total = float(weight.sum())
        return weight @ self.neighbour_means / total if total > 1e-12 else None

    def prior(self, word: str, crowd: str, mean: np.ndarray, both_crowds_mean: np.ndarray | None,
              toward: str) -> np.ndarray:
        """The prior ``(F,)`` of ``word`` in ``crowd`` whose own examples average ``mean``.

        both_crowds_mean: the word's mean over both crowds when the other crowd used it too, else None.
        """
        base = both_crowds_mean if both_crowds_mean is not None else self.grand[crowd]
        if toward == "word":
            return base
        near = self.neighbours(word, mean)
        return base if near is None else (1.0 - NEIGHBOUR_SHARE) * base + NEIGHBOUR_SHARE * near


def shrink(mean: np.ndarray, n: int, prior: np.ndarray, kappa: float) -> np.ndarray:
    """``(n * mean + kappa * prior) / (n + kappa)``: ``kappa`` pseudo-examples of the prior."""
    return (n * mean + kappa * prior) / (n + kappa)


def select_kappa(resp: np.ndarray, groups: dict[tuple[str, str], np.ndarray], sources: Sequence[str],
                 priors: Priors, toward: str, fallback: float) -> float:
    """The ``KAPPA_GRID`` value whose leave-one-out targets correlate best with the left-out examples.

    Every (word, crowd) with ``SELECT_COUNTS`` training examples scores the mean over its left-out
    examples; kappas are ranked by the mean over words (ties: the smaller kappa). ``fallback`` when no
    word has that many examples.
    """
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
            both = resp[others].mean(0) if len(others) > len(rest) else None
            prior = priors.prior(word, crowd, mean, both, toward)
            target = resp[i] - resp[i].mean()
            est = np.stack([shrink(mean, len(rest), prior, k) for k in KAPPA_GRID])
            per_row.append(_corr_rows(resp[i], est) if float(target @ target) > 1e-12 else np.zeros(len(KAPPA_GRID)))
        scores.append(np.mean(per_row, axis=0))
    if not scores:
        return float(fallback)
    return float(KAPPA_GRID[int(np.argmax(np.mean(scores, axis=0)))])


__all__ = ["KAPPA_GRID", "NEIGHBOUR_MIN_COUNT", "SHRINK_PRIORS", "Priors", "select_kappa", "shrink"]
