"""A comparison stated of the sound, read as the excess or the lack it names: "it's brighter than it should be", "the
mix is muddier than the reference", "es más brillante que la referencia" (an excess), "it's less bright than the
reference", "less low end than I'd like" (a lack). Read as requests, they asked for more of what was too much (a
fifteenth trial). What the sound is compared with is no request of its own and is dropped. One of the statement
rewrites of :mod:`eqmorph.language.statements`, which calls :func:`compared` on a clause's tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.language.band_words import band_word
from eqmorph.language.complaints import COPULAS, clause_end, is_wished

_THAN = {"than": ("more", "less"), "que": ("más", "menos")}
# What the sound falls short of or goes past when the comparison needs no copula to be a statement: the speaker's
# wish ("more bass than I'd like", "less low end than I'd like": a copula-less statement was a request, and the lack
# cut the bass 6 dB, a forty-fourth round), both ways.
_WISHED = (("i'd",), ("id",), ("i", "would"), ("i", "want"), ("i", "wanted"), ("i", "like"), ("i", "need"),
           ("i", "expected"), ("it", "should"), ("should",), ("needed",), ("necessary",), ("ideal",),
           ("me", "gustaría"), ("me", "gustaria"), ("quisiera",), ("debería",), ("deberia",), ("quiero",))
# Not what it was: "less bass than before" is as often a request ("give me less bass than before", "less mud than
# before": read as a lack, they added 3 dB of bass and of mud, a thirty-sixth trial) as a loss stated.


def _stated_without_copula(standard: Sequence[str]) -> bool:
    """Whether the words after "than" (``standard``) make the comparison a statement with no copula before it."""
    return any(tuple(standard[:len(said)]) == said for said in _WISHED)


def compared(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with each comparison stated after a copula read as an excess ("it's brighter than it should be" ->
    "it's too brighter") or a lack ("it's less bright than the reference" -> "it's not enough bright"), and what it
    compares with dropped up to the clause's end; wishes ("make it brighter than the reference") stay. With no copula,
    a comparison with a wish is stated too ("less low end than I'd like")."""
    out = list(tokens)
    for k in range(len(out) - 1, 0, -1):  # "duller than I'd like": the first word
        if out[k] not in _THAN:
            continue
        more, less = _THAN[out[k]]
        end = clause_end(out, k)
        if (COPULAS.isdisjoint(out[:k - 1]) and not _stated_without_copula(out[k + 1:end])) or is_wished(
                out[:k]):  # a copula states the clauses after it too
            continue
        if k > 1 and out[k - 2] in (more, less):  # "more muffled than", "less bright than", "más brillante que"
            said = ["too"] if out[k - 2] == more else ["not", "enough"]
            out[k - 2:end] = [*said, out[k - 1]]
        elif k > 2 and out[k - 3] in (more, less) and band_word(f"{out[k - 2]} {out[k - 1]}") is not None:
            # a band word of two words: "mix B has less low end than mix A" cut the bass 6 dB (a thirty-second trial)
            said = ["too"] if out[k - 3] == more else ["not", "enough"]
            out[k - 3:end] = [*said, out[k - 2], out[k - 1]]
        elif out[k] == "than" and out[k - 1].endswith("er") and out[k - 1] not in ("rather", "other"):  # "duller"
            out[k - 1:end] = ["too", out[k - 1]]
    return out


__all__ = ["compared"]
