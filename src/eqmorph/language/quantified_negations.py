"""Negations said with a quantity word: "nothing" before a descriptor, Spanish "nada de" after a negation.

"warm but nothing muddy" denies muddy as "not muddy" does (read with "nothing" ignored, it was a request for mud:
a forty-second round); "nothing but bass" (only bass), "nothing in the lows", "nothing too bright" (an excess: less
of it) and "nothing is missing" are left as they were. Spanish negation is concord: "sin nada de brillo", "no quiero
nada de barro" deny once ("nada" read as a second negation cancelled the first, asking for brightness and mud).
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.language.complaints import COPULAS, clause_start
from eqmorph.language.grammar_words import JOINERS, KEEP, LESS, MORE, NOT, STOP

# Words after "nothing" that say it is no denial of a descriptor: "nothing but bass", "nothing too bright", "nothing
# else", "nothing in the lows", "nothing is missing", "nothing more than a bit of air"
_NOT_DENIED = JOINERS | STOP | COPULAS | MORE | LESS | NOT | KEEP | frozenset({
    "but", "too", "else", "much", "missing", "wrong", "at", "to", "like", "from", "left", "of", "for", "about",
    "changes", "change", "needs", "need", "quite", "really", "special", "fancy", "crazy", "extreme", "drastic"})
_SPANISH_NOT = frozenset({"no", "sin", "ni", "nunca", "tampoco"})


def quantified_negations(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with "nothing" right before a descriptor read as "no" ("warm but nothing muddy": muddy denied), and
    a Spanish "nada" before "de" dropped after a negation of its clause ("sin nada de brillo": "sin brillo")."""
    out = list(tokens)
    for k in range(len(out) - 1, -1, -1):
        after = out[k + 1] if k + 1 < len(out) else ""
        if out[k] == "nothing" and after[:1].isalpha() and after not in _NOT_DENIED:
            out[k] = "no"
        elif out[k] == "nada" and after == "de" and not _SPANISH_NOT.isdisjoint(out[clause_start(out, k):k]):
            del out[k]
    return out


__all__ = ["quantified_negations"]
