"""A ringing said with its region named: "the toms ring in the low mids" is that region's excess.

A ringing is a narrow resonance; the word alone does not say where it is, and is refused asking for the region
(language/not_eq.py). Said with a band word in its clause, the region is cut a bit, the broad stand-in for the narrow
cut where it rings, and a note says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.language.band_words import band_word
from eqmorph.language.complaints import clause_end, clause_start
from eqmorph.language.grammar_words import LESS, MORE, NOT
from eqmorph.language.not_eq import RING_WORDS

# a clause that says its own way or amount ("less ringing in the low mids", "too much ring in the low mids") is read by
# the grammar, the ring word ignored
_SAID = MORE | LESS | NOT | frozenset({"too", "much", "lot", "demasiado"})


def placed_ring(tokens: Sequence[str], notes: list[str]) -> list[str]:
    """``tokens`` with a clause that says a region rings, and no way or amount of its own, read as a bit less of the
    region ("the toms ring in the low mids", "the low mids ring", "ringy low mids" -> "a bit less low mids"), a note
    added to ``notes`` for each. A ringing is a narrow resonance: the region's cut is its broad stand-in. Said with no
    region ("the snare rings") it stays refused (:func:`not_eq_error`); "the toms ring in the low mids" was refused
    asking for the region it named, "the low mids ring" boosted them 6 dB (a forty-second round)."""
    out = list(tokens)
    for k in range(len(out) - 1, -1, -1):
        if k >= len(out) or out[k] not in RING_WORDS:
            continue
        start, end = clause_start(out, k), clause_end(out, k)
        region = next((out[j:j + n] for n in (2, 1) for j in range(start, end - n + 1)
                       if band_word(" ".join(out[j:j + n])) is not None), None)
        if region is None or not _SAID.isdisjoint(out[start:end]):
            continue
        name = " ".join(region)
        notes.append(f"{out[k]}: a narrow resonance in the {name}, read as a bit less of the {name}; a narrow cut "
                     "where it rings is the exact fix")
        out[start:end] = ["a", "bit", "less", *region]
    return out


__all__ = ["placed_ring"]
