"""What the parser asks of a model's crowd words in dB, read on their responses: the largest move of a blend of
them (a dB amount said with a crowd word, "cut 2 dB of mud": ``language/numbers.set_amounts``) and how much of an
asked-for change a kept word takes out ("less boomy but keep the warmth": ``language/compose.py``).

The Morpher hands both to its vocabulary, which gives them to the parser (:mod:`eqmorph.semantic.vocabulary`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.fit import fit_grid

if TYPE_CHECKING:
    from eqmorph.language.interpretation import Interpretation
    from eqmorph.semantic.morph import Morpher

# A kept word whose EQ and the asked-for change share this much (cosine squared) is said to keep most of it
KEPT_OVERLAP = 0.5
PEAK_GRID_HZ = fit_grid(256)  # where a crowd word's largest move is found: the fit's grid, 20 Hz-20 kHz


def peak_db(model: Morpher, words: Sequence[tuple[str, float]]) -> float:
    """The largest |dB| of the response of ``sum(share x response(word))`` (both crowds' words): what a dB amount
    sets for a crowd word ("cut 2 dB of mud"; language/numbers.set_amounts)."""
    shares = np.array([share for _, share in words])
    return float(np.abs(shares @ _responses(model, [word for word, _ in words])).max())


def _responses(model: Morpher, words: Sequence[str]) -> np.ndarray:
    """``(k, F)`` dB responses of the ``k`` words' EQs (both crowds') on ``PEAK_GRID_HZ``."""
    return dsp.response_db_np(np.stack([model._word_params(w) for w in words]), PEAK_GRID_HZ, ANALYSIS_SAMPLE_RATE)


def kept_notes(model: Morpher, meant: Interpretation) -> list[str]:
    """A note for each crowd word kept ("less boomy but keep the warmth") whose EQ moves the bands the asked-for
    change moves: keeping it takes out that part of the change (language/compose.py), which for words the crowds
    hear alike is nearly all of it. Said, since the EQ then looked like nothing happened (a twenty-fifth trial:
    boomy and warm correlate 0.9 in the crowds' EQs)."""
    weights = dict(meant.weights)
    kept = [w for w in meant.kept if w in model.counts and w not in weights]
    if not kept or not weights:
        return []
    responses = _responses(model, [*weights, *kept])
    asked = np.array(list(weights.values())) @ responses[:len(weights)]
    notes = []
    for word, response in zip(kept, responses[len(weights):]):
        cos = float(asked @ response / max(np.linalg.norm(asked) * np.linalg.norm(response), 1e-12))
        if cos * cos >= KEPT_OVERLAP:
            notes.append(f"keeping {word!r} takes out about {100 * cos * cos:.0f}% of the change: its EQ moves the "
                         f"bands the change moves (cosine {cos:+.2f}); to keep less, keep a region instead (e.g. "
                         "'keep the low end')")
    return notes


__all__ = ["KEPT_OVERLAP", "PEAK_GRID_HZ", "kept_notes", "peak_db"]
