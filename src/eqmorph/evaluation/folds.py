"""k-fold assignment for cross-validation: stratified by word, comma-descriptor siblings kept together.

Each word's rows are shuffled and dealt to the folds in turn, starting at a fold chosen so that the
fold sizes stay even, so a word with ``n >= k`` examples has about ``n / k`` in every fold. Rows split
from one multi-word descriptor (ids ``eq_12#0``, ``eq_12#1`` of one source) describe the same sound:
they then all move to the fold of the first of them, so no sound is ever both trained on and tested.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eqmorph.errors import ParameterError

DEFAULT_FOLDS = 5


def sibling_groups(source: Sequence[str], ids: Sequence[str]) -> list[list[int]]:
    """Row indices per sound: rows of one source whose ids share the part before ``#``."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, (src, row_id) in enumerate(zip(source, ids)):
        groups.setdefault((src, str(row_id).split("#", 1)[0]), []).append(i)
    return list(groups.values())


def cv_folds(terms: Sequence[str], source: Sequence[str], ids: Sequence[str], k: int = DEFAULT_FOLDS,
             seed: int = 0) -> np.ndarray:
    """Fold number ``(n,)`` in ``0..k-1`` of every row; the same inputs and seed give the same folds."""
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 2:
        raise ParameterError("k", k, "an integer >= 2")
    n = len(terms)
    if len(source) != n or len(ids) != n:
        raise ParameterError("source/ids", f"{len(source)}/{len(ids)} values", f"one per term ({n})")
    rng = np.random.default_rng(seed)
    fold = np.zeros(n, dtype=np.int64)
    by_term: dict[str, list[int]] = {}
    for i, t in enumerate(terms):
        by_term.setdefault(t, []).append(i)
    sizes = np.zeros(k, dtype=np.int64)
    for t in sorted(by_term, key=lambda w: (-len(by_term[w]), w)):
        rows = rng.permutation(by_term[t])
        start = int(np.argmin(sizes + rng.random(k) * 0.5))  # the emptiest fold, ties broken at random
        for j, row in enumerate(rows):
            fold[row] = (start + j) % k
            sizes[(start + j) % k] += 1
    for members in sibling_groups(source, ids):
        fold[members] = fold[members[0]]
    return fold


__all__ = ["DEFAULT_FOLDS", "cv_folds", "sibling_groups"]
