"""A comparison stated of the sound, read as the excess or the lack it names: "it's brighter than it should be", "the
mix is muddier than the reference", "es más brillante que la referencia" (an excess), "it's less bright than the
reference", "less low end than I'd like" (a lack). Read as requests, they asked for more of what was too much (a
fifteenth trial). What the sound is compared with is no request of its own and is dropped. One of the statement
rewrites of :mod:`eqmorph.language.statements`, which calls :func:`compared` on a clause's tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eqmorph.language.band_words import band_word
from eqmorph.language.complaints import COPULAS, clause_end, is_wished
from eqmorph.language.grammar_words import LESS, MORE

_THAN = {"than": ("more", "less"), "que": ("más", "menos")}
_THAN_OF = {"as": "than", "como": "que"}
# What the sound falls short of or goes past when the comparison needs no copula to be a statement: the speaker's
# wish ("more bass than I'd like", "less low end than I'd like": a copula-less statement was a request, and the lack
# cut the bass 6 dB, a forty-fourth round), both ways.
_WISHED = (("i'd",), ("id",), ("i", "would"), ("i", "want"), ("i", "wanted"), ("i", "like"), ("i", "need"),
           ("i", "expected"), ("it", "should"), ("should",), ("needed",), ("necessary",), ("ideal",),
           ("me", "gustaría"), ("me", "gustaria"), ("quisiera",), ("debería",), ("deberia",), ("quiero",),
           # "less bass than I would've liked" cut the bass 6 dB (a forty-sixth round)
           ("i", "would've"), ("i", "hoped"), ("esperaba",), ("quería",), ("queria",))
# Said before a wish, "than" typed as "then" ("less bass then I'd like"), the Spanish comparison "de lo que" ("menos
# graves de lo que me gustaría") and a negated equality ("not as much bass as I'd like", "no tan brillante como
# quisiera") compare as "than" / "que" and "less" do: each was read backwards, the lack as a cut of 6-7.5 dB and the
# excess as a boost (a forty-sixth round).
_NOT_AS = {"as": (("not",), ("as",), ("much", "many")),
           "como": (("no",), ("tan", "tanto", "tanta", "tantos", "tantas"), ())}
# Not what it was: "less bass than before" is as often a request ("give me less bass than before", "less mud than
# before": read as a lack, they added 3 dB of bass and of mud, a thirty-sixth trial) as a loss stated.


def _stated_without_copula(standard: Sequence[str]) -> bool:
    """Whether the words after "than" (``standard``) make the comparison a statement with no copula before it."""
    return any(tuple(standard[:len(said)]) == said for said in _WISHED)


def _as_than(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with a comparison with a wish said as "than" / "que" with "less" (:data:`_NOT_AS`): "less bass then
    I'd like" -> "less bass than I'd like", "más graves de lo que quisiera" -> "más graves que quisiera", "not as much
    bass as I'd like" -> "less bass than I'd like". Other "then"s, "de lo que"s and "as"s stay."""
    out = list(tokens)
    for k in range(len(out) - 1, 0, -1):
        standard = out[k + 1:clause_end(out, k + 1)]
        if not _stated_without_copula(standard):
            continue
        if out[k] == "then":  # not before a request of its own: "more bass then I'd like less mud"
            if len(standard) <= 4 and MORE.isdisjoint(standard) and LESS.isdisjoint(standard):
                out[k] = "than"
        elif out[k] == "que" and k > 2 and out[k - 2:k] == ["de", "lo"]:
            out[k - 2:k + 1] = ["que"]
        elif out[k] in _NOT_AS:
            negations, equals, amounts = _NOT_AS[out[k]]
            at = next((j for j in range(k - 2, max(k - 5, 0), -1) if out[j] in equals and out[j - 1] in negations), 0)
            if at:  # the words compared: one or two ("not as much low end as"), after "much" if said
                said = out[at + 1 + (out[at + 1] in amounts):k]
                if 0 < len(said) <= 2:
                    out[at - 1:k + 1] = ["less" if out[k] == "as" else "menos", *said, _THAN_OF[out[k]]]
    return out


def _without_stated_wishes(tokens: Sequence[str]) -> list[str]:
    """``tokens`` without what earlier comparisons are stated against ("than I'd like" up to its clause's end): that
    wish is the standard of a statement, no wish of the clauses after it. "less bass than I'd like and more mud than
    I'd like" read the second clause as a wish, a request for mud (muddy x 1.0: a forty-seventh round)."""
    out, k = [], 0
    while k < len(tokens):
        out.append(tokens[k])
        end = clause_end(tokens, k + 1) if tokens[k] in _THAN else k + 1
        k = end if _stated_without_copula(tokens[k + 1:end]) else k + 1
    return out


def compared(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with each comparison stated after a copula read as an excess ("it's brighter than it should be" ->
    "it's too brighter") or a lack ("it's less bright than the reference" -> "it's not enough bright"), and what it
    compares with dropped up to the clause's end; wishes ("make it brighter than the reference") stay. With no copula,
    a comparison with a wish is stated too ("less low end than I'd like")."""
    out = _as_than(tokens)
    for k in range(len(out) - 1, 0, -1):  # "duller than I'd like": the first word
        if out[k] not in _THAN:
            continue
        more, less = _THAN[out[k]]
        end = clause_end(out, k)
        if (COPULAS.isdisjoint(out[:k - 1]) and not _stated_without_copula(out[k + 1:end])) or is_wished(
                _without_stated_wishes(out[:k])):  # a copula states the clauses after it too
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


# What a sound was: compared with it, more of a flaw is a complaint ("more mud than before", "more harshness than
# before", "muddier than before", "más turbio que antes" asked for 5.4 dB more of the flaw: a forty-sixth round).
_BEFORE = (("before",), ("antes",), ("last", "time"), ("earlier",), ("la", "última", "vez"), ("la", "ultima", "vez"))


def worse_than_before(tokens: Sequence[str], is_flaw: Callable[[str], bool]) -> list[str]:
    """``tokens`` with more of a flaw than before (``is_flaw``: whether a term, its tokens joined, names a flaw)
    read as its excess ("more mud than before" -> "too much mud"), unless wished ("make it more lo-fi than
    before"). Other words stay compared ("more bass than before", "less mud than before" ask for it: see above)."""
    out = list(tokens)
    for k in range(len(out) - 1, 0, -1):
        end = clause_end(out, k)
        if out[k] not in _THAN or not any(tuple(out[k + 1:end]) == said for said in _BEFORE) or is_wished(out[:k]):
            continue
        more = _THAN[out[k]][0]
        at = next((j for j in (k - 2, k - 3) if j >= 0 and out[j] == more and is_flaw(" ".join(out[j + 1:k]))), None)
        if at is not None:
            out[at:end] = ["too", "much", *out[at + 1:k]]
        elif out[k] == "than" and out[k - 1].endswith("er") and is_flaw(out[k - 1]):  # "muddier", "harsher"
            out[k - 1:end] = ["too", out[k - 1]]
    return out


__all__ = ["compared", "worse_than_before"]
