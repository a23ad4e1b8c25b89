"""What a clause says of the statement or the request in it, read before the grammar does (a twenty-eighth and a
twenty-ninth trial, 2026-12-04): a doubt that denies it ("i don't think it's muddy"), a need of a degree denied ("it
doesn't need to be so loud"), a cause that makes the sound so ("the synth is making it harsh"), what a request leaves
out ("but not the presence", "except the esses"), the reference named beside a statement, an excess said as a noun
("excess bass", "graves de más"), a region's weight ("top heavy", "go light on the bass"), and Spanish "bien" as an
intensifier. :func:`qualified` is the one entry (language/statements.py calls it first).
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.language.complaints import (
    COPULAS,
    FINE,
    PRAISE_WORDS,
    WISHES,
    clause_end,
    clause_start,
    is_wished,
)
from eqmorph.language.grammar_words import JOINERS, LESS, MORE, NOT
from eqmorph.language.regions import is_region_word
from eqmorph.language.rewriter import PhraseRewriter

# A region's weight ("top heavy", "heavy on the bass", "light on the low end"; a twenty-eighth trial): stated, an excess
# or a lack ("it's top heavy" boosted the top 6 dB, "light on the bottom" cut the bass); asked for, a request of the
# region ("make it bass heavy", "go heavy on the bass" more of it; "go light on the bass" less; "less top heavy").
_HEAVY_REGIONS = (("top",), ("mid",), ("mids",), ("bass",), ("bottom",), ("low", "end"), ("treble",), ("sub",),
                  ("midrange",), ("high", "end"))
_ASKED = MORE | LESS | NOT | WISHES | frozenset({"too", "way", "so", "go", "be", "make", "keep", "please"})
# A need denied of a degree asks for less ("the bass doesn't need to be so loud", "no necesita tantos agudos"): read
# as a keep, it had turned a cut into a boost or a refusal (a twenty-ninth trial of the twenty-eighth's rules).
_SO = ("so", "that", "this", "as", "quite", "too")
_NOT_SO_MUCH = PhraseRewriter({
    **{(*dont, need, "to", "be", so): ("a", "bit", "less") for dont in (("doesn't",), ("does", "not"), ("don't",),
                                                                       ("do", "not")) for need in ("need", "needs")
       for so in _SO},
    **{("no", need, *much): ("menos",) for need in ("necesita", "necesitan", "necesitamos")
       for much in (("tanto",), ("tanta",), ("tantos",), ("tantas",), ("ser", "tan"), ("estar", "tan"))},
    **{("no", "hace", "falta", *much): ("menos",) for much in (("tanto",), ("tanta",), ("tantos",), ("tantas",),
                                                               ("que", "suene", "tan"), ("que", "esté", "tan"))},
    ("nothing", "more", "than"): ()})
# A doubt said before a statement denies it: "i don't think it's muddy" cut the mud at full strength, twice what "it's
# muddy" asks, and "i don't think it needs more bass" cut the bass 6 dB (a twenty-eighth trial, 2026-12-04).
# Not "don't think" without "i" ("you don't think it's muddy?" asks, rhetorically), nor "not sure why / how" (the
# statement after it stands: "not sure why it's so bright"; a twenty-ninth trial).
_DOUBTS = PhraseRewriter({phrase: ("doubt",) for phrase in (
    ("i", "don't", "think"), ("i", "do", "not", "think"), ("i", "doubt"), ("i'm", "not", "sure"),
    ("not", "sure"), ("no", "creo", "que"), ("no", "me", "parece", "que"), ("dudo", "que"))})
_NOT_DOUBTED = frozenset({"why", "how", "what", "when", "where", "who"})
# The first verb of the doubted statement and its denial (Spanish subjunctives as the indicative).
_DENIED = {"is": ("isn't",), "are": ("aren't",), "its": ("it", "isn't"), "sounds": ("doesn't", "sound"),
           "sound": ("don't", "sound"), "needs": ("doesn't", "need"), "need": ("don't", "need"),
           "está": ("no", "está"), "esté": ("no", "está"), "es": ("no", "es"), "sea": ("no", "es"),
           "están": ("no", "están"), "estén": ("no", "están"), "suena": ("no", "suena"), "suene": ("no", "suena"),
           "necesita": ("no", "necesita"), "necesite": ("no", "necesita")}


# A cause said to make the sound so states it: "the synth is making it harsh", "the reverb is making the low end
# muddy" asked for harshness and mud at full strength (a twenty-eighth trial). Not after a verb that wishes or
# stops it ("try making it warmer", "stop making it muddy").
_CAUSING = frozenset({"making", "makes", "made"})
_NOT_CAUSING = frozenset({"try", "stop", "keep", "start", "avoid", "for", "about", "without", "by", "just", "then",
                          "please", "consider", "how", "like", "love", "quit"})


_STOPPING = PhraseRewriter({(stop, making, "it", *so): ("less",) for stop in ("stop", "quit") for making in _CAUSING
                            for so in ((), ("so",), ("too",), ("sound",), ("sound", "so"))})


# What a request leaves out is kept: "cut the high end but not the presence" cut the presence too, "more treble except
# the esses" boosted them (a twenty-eighth trial). After praise, "except" names the flaw ("everything is good except
# the mud"), which is not rewritten.
_EXCEPT = {("but", "not"): 2, ("except", "for"): 2, ("except",): 1, ("excepto",): 1, ("salvo",): 1}
_ARTICLES = frozenset({"the", "el", "la", "los", "las"})


def _excepted(tokens: list[str]) -> list[str]:
    """``tokens`` with "but not the X", "except (for) the X", "excepto los X" read as "and keep the X" after a request
    (not after praise)."""
    out = list(tokens)
    for k in range(len(out) - 2, 0, -1):
        size = next((n for phrase, n in _EXCEPT.items() if tuple(out[k:k + n]) == phrase), 0)
        if size and k + size < len(out) and out[k + size] in _ARTICLES and FINE.isdisjoint(out[:k]) \
                and PRAISE_WORDS.isdisjoint(out[:k]):
            out[k:k + size] = ["and", "keep"]
    return out


# A comparison with the reference said before a statement ("compared to the ref it's dull", "next to the reference
# it's muddy") is no wish: the statement stands (read as the reference's, "it's dull" asked for dull: a twenty-eighth
# trial). The words that name the reference are dropped.
_AGAINST_REFERENCE = PhraseRewriter({(*against, *the, ref): () for against in (
    ("compared", "to"), ("compared", "with"), ("next", "to"), ("against",), ("relative", "to"), ("vs",), ("versus",),
    ("comparado", "con"), ("comparada", "con"), ("al", "lado", "de"), ("frente", "a"))
    for the in ((), ("the",), ("la",), ("our",), ("my",))
    for ref in ("ref", "reference", "referencia", "reference track")})


def _region_after(tokens: Sequence[str], j: int) -> bool:
    """Whether a region word (one or two tokens) starts at ``tokens[j]``, past an article ("heavy on the low end", not
    "heavy on the master": its level, refused as such)."""
    j += tokens[j:j + 1] in (["the"], ["los"], ["el"])
    return any(is_region_word(" ".join(tokens[j:j + n])) for n in (2, 1))


def _weighted(tokens: list[str], liked: bool = False) -> list[str]:
    """``tokens`` with a region's weight read (see ``_HEAVY_REGIONS``): "X heavy" and "heavy on the X" stated ->
    "too much X", asked -> "X" (with the words that ask); "light on the X" stated -> "not enough X", asked -> "less
    X"."""
    out = list(tokens)
    for k in range(len(out) - 1, -1, -1):
        region = next((r for r in _HEAVY_REGIONS if tuple(out[k:k + len(r)]) == r and out[k + len(r):k + len(r) + 1]
                       == ["heavy"]), None)
        # "heavy in" too: "the mix feels heavy in the low mids" boosted them 6 dB (a thirtieth trial)
        weighed = out[k] in ("heavy", "light") and out[k + 1:k + 2] in (["on"], ["in"]) and _region_after(out, k + 2)
        if region is None and not weighed:
            continue
        start = clause_start(out, k)
        asked = not _ASKED.isdisjoint(out[start:k]) or "please" in out[k:clause_end(out, k)]
        if region is not None:
            out[k:k + len(region) + 1] = list(region) if asked else ["too", "much", *region]
        else:
            heavy, too = out[k] == "heavy", k > start and out[k - 1] == "too"
            if liked and not too:  # "heavy in the low end, I like it": kept
                out[k:k + 2] = ["keep"]
            elif too or not asked:  # "too heavy on", "it's light on", a note's "light on the bottom"
                out[k - too:k + 2] = ["too", "much"] if heavy else ["not", "enough"]
            else:  # "go heavy on the bass", "heavy on the bass please", "go light on the highs"
                out[k:k + 2] = ["more"] if heavy else ["less"]
    return out


# "está bien de graves" (enough bass), "está bien menos los agudos", "suena bien pero ...": "bien" is fine there
_NOT_AFTER_BIEN = JOINERS | frozenset({"de", "menos", "excepto", "salvo", "con", "el", "la", "los", "las", "lo"})
_BIEN_COPULAS = frozenset({"está", "esta", "están", "estan", "es", "son"})  # "suena bien limpio" praises


def _bien(tokens: list[str]) -> list[str]:
    """``tokens`` with "bien" between a copula and the word it intensifies read as "muy" ("los graves están bien
    pesados": read as praise, the bass was boosted 5 dB: a twenty-eighth trial); "está bien" alone is fine."""
    return ["muy" if t == "bien" and 0 < k < len(tokens) - 1 and tokens[k - 1] in _BIEN_COPULAS and tokens[k + 1] not in
            _NOT_AFTER_BIEN else t for k, t in enumerate(tokens)]


_EXCESS_NOUNS = (("an", "excess", "of"), ("excess", "of"), ("excess",), ("el", "exceso", "de"), ("exceso", "de"))
_SAID_AGAINST = LESS | NOT | frozenset({"too", "demasiado", "keep", "out", "off", "down"})
_CUTTING_AFTER = frozenset({"out", "off", "down"})


def _excess(tokens: list[str]) -> list[str]:
    """``tokens`` with an excess said as a noun ("excess bass", "tiene exceso de agudos") or Spanish "de más" after a
    word ("tiene graves de más") read as "too much" / "demasiado"; dropped where the clause said a cut already ("cut the
    excess low end", "quita los graves de más": read twice, the cut turned into a boost). Each asked for what it called
    too much, 6 dB (a twenty-eighth trial)."""
    out = list(tokens)
    for k in range(len(out) - 1, -1, -1):
        size = next((len(p) for p in _EXCESS_NOUNS if tuple(out[k:k + len(p)]) == p), 0)
        de_mas = 0 < k < len(out) - 1 and out[k] == "de" and out[k + 1] in ("más", "mas") and (
            k + 2 == len(out) or out[k + 2] in JOINERS)
        if not size and not de_mas:
            continue
        # a cut said before, or a particle after ("take out the excess bass", "take the excess bass out")
        said = not _SAID_AGAINST.isdisjoint(out[clause_start(out, k):k]) or not _CUTTING_AFTER.isdisjoint(
            out[k:clause_end(out, k)])
        if size:
            out[k:k + size] = [] if said else (["demasiado"] if "exceso" in out[k:k + size] else ["too", "much"])
        else:
            out[k - 1:k + 2] = [out[k - 1]] if said else ["demasiado", out[k - 1]]
    return out


def _caused(tokens: list[str]) -> list[str]:
    """``tokens`` with a cause that makes the sound so read as the statement ("the synth is making it harsh" -> "it
    is harsh"): the cause dropped, "is" put before the clause's last word when no copula stands in what is left."""
    out = _STOPPING(tokens)  # "stop making it muddy": less of it
    k = len(out) - 2
    while k > 0:
        start, end = clause_start(out, k), clause_end(out, k)
        if out[k] in _CAUSING and out[k - 1] not in _NOT_CAUSING and not is_wished(out[start:k]) and end - k >= 3:
            said = out[k + 1:end]
            if COPULAS.isdisjoint(said):
                said.insert(len(said) - 1, "is")
            out[start:end] = said
            k = start
        k -= 1
    return out


def _doubted(tokens: list[str]) -> list[str]:
    """``tokens`` with a doubted statement denied ("i don't think it's muddy" -> "it isn't muddy", "no creo que
    necesite más graves" -> "no necesita más graves"); a doubt with no verb in its clause after it stays."""
    out = _DOUBTS(tokens)
    for k in range(len(out) - 1, -1, -1):
        if out[k] != "doubt":
            continue
        if out[k + 1:k + 2] and out[k + 1] in _NOT_DOUBTED:  # "not sure why it's so bright": it is, and it says so
            del out[k]
            continue
        end = clause_end(out, k + 1)
        verb = next((j for j in range(k + 1, end) if out[j] in _DENIED), None)
        if verb is None and out[k + 1:k + 2] in (["about"], ["sobre"], ["con"]):
            out[k:k + 2] = ["keep"]  # "i'm not sure about the top end": no change asked of it (it was a 6 dB boost)
        elif verb is not None:
            out[verb:verb + 1] = _DENIED[out[verb]]
            del out[k:k + 1 + (out[k + 1:k + 2] in (["that"], ["que"]))]
    return out


def qualified(tokens: Sequence[str], liked: bool = False) -> list[str]:
    """``tokens`` (one clause's, or a few joined by "and"/"but") with what they say of their statement or request read
    (see the module docstring), in this order: doubts, a need of a degree denied, the reference, "bien", a region's
    weight (kept when the phrase likes it: ``liked``), excess nouns, exceptions, causes."""
    out = _NOT_SO_MUCH(_doubted(list(tokens)))
    return _caused(_excepted(_excess(_weighted(_bien(_AGAINST_REFERENCE(out)), liked))))


__all__ = ["qualified"]
