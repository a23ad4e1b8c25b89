"""A descriptor judged after its copula: "the mud is terrible", "the plosives are bad", "the p pops are killing me";
"low" and "high" said after a copula, levels ("the bass is too low in the mix"), not the bass or treble band; and a
flaw said to be on a source ("hiss on the vocal", "mud on the guitar"), a statement of it.

The grammar reads a statement by the copula before its word ("it's muddy" asks for less mud). With the flaw as
the subject and a judgement after the copula, the judgement was ignored and the flaw asked for at full strength
(+5 to +6 dB of mud, plosives or sibilance: a twenty-third trial, 2026-12-04). Such a clause is read as the
statement it makes, the copula before its subject ("is the mud"): a flaw word is then asked against as "it's
muddy" asks, and a word that names no flaw reads as before ("the warmth is terrible": warm, the judgement unsaid).

"low" and Spanish "bajo(s)" are forms of the bass band, but after a copula they say a level: "the bass is too low
in the mix" cut the bass, "the highs are low" and "los agudos están bajos" added a 6 dB bass shelf (the same trial).
There they read as "quiet" / "débil(es)", which the grammar turns as levels said of a region; "high" and "alto(s)"
as "loud" / "fuerte(s)" ("los agudos están altos" boosted the treble: a twenty-fourth trial). "too low" after a
region or a source says a level without a copula too ("bass too low").

A region judged so ("the bass is overwhelming", "the low end is a mess", "the highs are killing me") is too loud,
as "the bass is too much" is: the judgement was dropped and the region boosted 6 dB (a twenty-fifth trial).

A judgement may have words after it ("the mud is really bad right now"), an amount is one when the subject names
no region ("the mud is too much"; "the sibilance is too much" the grammar reads already), and a flaw said to be gone
or not bad is said to be absent ("the mud isn't bad": no change asked), as "it isn't muddy" is.

A flaw named with the source it is on ("hiss on the vocal", "hum on the guitar", "mud on the guitar", "boom on
the kick") asked for more of it (the twenty-third and twenty-fourth trials): nobody asks for hiss or mud there. Such
a clause reads as an excess of the flaw, a statement, as "too much hiss on the vocal"; a flaw alone is still a
request, as every bare word is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eqmorph.language.band_words import band_word_forms
from eqmorph.language.complaints import NEGATED_COPULAS, names_band
from eqmorph.language.grammar_words import JOINERS
from eqmorph.language.stoplist import stoplist

# Copulas a judgement follows; "it's" and "there's" state what follows them, not a subject before.
JUDGED_COPULAS = frozenset({"is", "are", "was", "were", "es", "son", "está", "esta", "están", "estan"})
SPANISH_COPULAS = frozenset({"es", "son", "está", "esta", "están", "estan"})
# The grammar's negated copulas, in the past too, and typed without apostrophes ("the mud isnt bad").
JUDGED_NEGATIONS = NEGATED_COPULAS | frozenset({"wasn't", "isnt", "arent"})
# What a listener says of a flaw, after its copula (a degree word before one is part of it: "is really bad").
JUDGEMENTS = frozenset({
    ("bad",), ("terrible",), ("awful",), ("horrible",), ("annoying",), ("unbearable",), ("distracting",),
    ("killing", "me"), ("driving", "me", "crazy"), ("driving", "me", "nuts"), ("a", "problem"), ("an", "issue"),
    ("out", "of", "control"), ("everywhere",), ("the", "worst"), ("crazy",), ("insane",), ("ridiculous",),
    ("brutal",), ("overwhelming",), ("nasty",), ("a", "mess"), ("excessive",),
    ("overpowering",), ("dominant",), ("too", "dominant"), ("overbearing",),
    ("horribles",), ("terribles",), ("insoportable",), ("insoportables",), ("molesto",), ("molesta",),
    ("molestos",), ("molestas",), ("un", "problema"), ("fatal",), ("matándome",), ("matandome",),
    ("matando",), ("me", "mata"), ("me", "matan"), ("un", "desastre"),
    ("exagerado",), ("exagerada",), ("exagerados",), ("exageradas",), ("excesivo",), ("excesiva",),
    # "harshness is the main problem", "mud is the biggest issue here" asked for harsh and mud (a thirtieth trial)
    *((the, *size, problem) for the in ("the", "my", "our") for problem in ("problem", "issue")
      for size in ((), ("main",), ("biggest",), ("real",), ("only",))),
    ("el", "problema"), ("el", "mayor", "problema"), ("el", "principal", "problema")})
# An amount said as a judgement: of a region the grammar reads it already ("the sibilance is too much").
AMOUNT_JUDGEMENTS = frozenset({("too", "much"), ("a", "bit", "much"), ("way", "too", "much"), ("demasiado",),
                               ("mucho",)})
# A flaw said to be gone (any subject that names no region) or fine (a flaw): absent, no change asked.
GONE = frozenset({("gone",), ("fixed",), ("solved",), ("under", "control")})
FINE = frozenset({("fine",), ("ok",), ("okay",), ("not", "bad"), ("not", "terrible"), ("not", "a", "problem")})
JUDGEMENT_DEGREES = frozenset({"so", "really", "very", "pretty", "just", "quite", "muy", "super", "súper", "bien",
                               "kinda", "way"})
# Words after a judgement that do not change it ("the mud is really bad right now").
FILLERS = frozenset({"right", "now", "lately", "today", "honestly", "tbh", "imo", "lol", "again", "still", "ahora",
                     "ya", "hoy", "mismo", "todavía", "todavia", "here", "there"})
# Where in the song a judgement holds, said after it ("the p pops are bad on the intro" lost its judgement and boosted
# the plosives 6 dB: a thirtieth trial): no part of the judgement.
SECTIONS = frozenset({"intro", "chorus", "choruses", "verse", "verses", "drop", "bridge", "outro", "hook", "breakdown",
                      "coro", "estribillo", "verso", "puente"})
_SECTION_WORDS = frozenset({"on", "in", "during", "at", "through", "the", "en", "el", "la", "durante"})
# "low" / "high" as levels, with the level word each reads as; not before a word that makes it a region.
LEVELS = {"low": "quiet", "bajo": "débil", "baja": "débil", "bajos": "débiles", "bajas": "débiles",
          "high": "loud", "alto": "fuerte", "alta": "fuerte", "altos": "fuertes", "altas": "fuertes"}
REGION_TAILS = frozenset({"end", "mids", "mid", "midrange", "frequencies", "frequency", "shelf", "cut", "pass",
                          "medios", "frecuencias"})
TOO = frozenset({"too", "demasiado", "demasiada", "demasiados", "demasiadas"})
# Degree words that may stand between the copula and "low" ("is way too low", "están demasiado bajos").
LEVEL_DEGREES = JUDGEMENT_DEGREES | TOO | frozenset({"a", "bit", "little", "kind", "of", "un", "poco", "bastante",
                                                     "algo"})
ARTICLES = frozenset({"the", "some", "a", "an", "el", "la", "los", "las", "un", "una", "my", "mi", "de", "del"})
# Amounts that may come before a flaw on a source ("a little hiss on the vocal", "un poco de siseo en la voz").
AMOUNTS_BEFORE = ARTICLES | frozenset({"little", "bit", "lot", "lots", "of", "poco", "mucho", "mucha", "algo"})
ON = frozenset({"on", "in", "over", "en", "de"})


def judged_subjects(tokens: Sequence[str], is_flaw: Callable[[str], bool], praising: bool = False) -> list[str]:
    """``tokens`` with each clause "<subject> <copula> <judgement>" read as "<copula> <subject>" (or "isn't
    <subject>" for a flaw said to be gone or fine), "low" / "high" after a copula as levels, and "<flaw> on <source>"
    as "too much <flaw> on <source>" (module docstring); others unchanged. ``is_flaw``: whether a term (its tokens
    joined by spaces) reads as a flaw word; ``praising``: the phrase praises (complaints.praises), so a region judged
    so is praised ("the bass is insane, keep it"), not too loud."""
    tokens = _levels(tokens)
    out: list[str] = []
    start = 0
    for end in [*(j for j, tok in enumerate(tokens) if tok in JOINERS), len(tokens)]:
        out.extend(_judged_clause(list(tokens[start:end]), is_flaw, praising))
        out.extend(tokens[end:end + 1])  # the joining word itself
        start = end + 1
    return out


def _judged_clause(clause: list[str], is_flaw: Callable[[str], bool], praising: bool) -> list[str]:
    """One clause (no joining word) rewritten when it is a subject judged after its copula, or a flaw on a source."""
    if _flaw_on_source(clause, is_flaw):
        return ["too", "much", *clause]
    if clause[-1:] == ["af"]:  # "muddy af": an exclamation, as "so muddy"
        return ["so", *clause[:-1]]
    for c in range(len(clause) - 1, 0, -1):
        if clause[c] not in JUDGED_COPULAS and clause[c] not in JUDGED_NEGATIONS:
            continue
        subject, rest = clause[:c], clause[c + 1:]
        if not JUDGED_COPULAS.isdisjoint(subject):
            return clause
        while rest and rest[-1] in FILLERS:
            rest = rest[:-1]
        if rest and rest[-1] in SECTIONS:
            cut = len(rest) - 1
            while cut and rest[cut - 1] in _SECTION_WORDS:
                cut -= 1
            rest = rest[:cut] if cut < len(rest) - 1 else rest
        while rest and rest[0] in JUDGEMENT_DEGREES:
            rest = rest[1:]
        said_not = rest[:1] in (["not"], ["no"])
        negated = said_not or clause[c] in JUDGED_NEGATIONS
        judged = tuple(rest[1:] if said_not else rest)
        region = names_band(subject)
        said = judged in JUDGEMENTS or (judged in AMOUNT_JUDGEMENTS and not region)
        # a region judged is too loud ("the bass is overwhelming" boosted it 6 dB), or fine ("the bass isn't bad":
        # read as "isn't the bass", it asked for more); a flaw's band word ("the sibilance is brutal") is a flaw
        flaw = is_flaw(" ".join(t for t in subject if t not in ARTICLES))
        level = region and not flaw
        # slang praise: "the bass is insane, keep it", Spanish "el bajo está brutal" (great: a twenty-sixth trial)
        if level and (praising or (judged == ("brutal",) and clause[c] in SPANISH_COPULAS)):
            return clause
        if said and not negated:
            return [*subject, clause[c], "too", "loud"] if level else [clause[c], *subject]
        if said and level:
            return ["keep", *subject]
        absent = (said and negated) or (not region and (judged in GONE or (
            tuple(rest) in FINE and flaw)))
        return ["isn't", *subject] if absent else clause
    return clause


def _flaw_on_source(clause: Sequence[str], is_flaw: Callable[[str], bool]) -> bool:
    """Whether ``clause`` is only a flaw (amount words before it) on a source (stop-listed things, or a region)."""
    k = 0
    while k < len(clause) and clause[k] in AMOUNTS_BEFORE:
        k += 1
    n = next((n for n in (3, 2, 1) if k + n < len(clause) and clause[k + n] in ON
              and is_flaw(" ".join(clause[k:k + n]))), 0)
    if not n:
        return False
    rest = [tok for tok in clause[k + n + 1:] if tok not in ARTICLES]
    things, forms = stoplist(), band_word_forms()
    return bool(rest) and all(tok in things or tok in forms for tok in rest)


def _levels(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with "low" / "high" (and Spanish) after a copula, or after "too" said of a region or a source, read
    as its level word."""
    out = list(tokens)
    things, forms = stoplist(), band_word_forms()
    for k, tok in enumerate(tokens):
        if tok not in LEVELS or (k + 1 < len(tokens) and tokens[k + 1] in REGION_TAILS):
            continue
        j = k - 1
        while j >= 0 and tokens[j] in LEVEL_DEGREES:
            j -= 1
        too = not TOO.isdisjoint(tokens[j + 1:k])
        if j >= 0 and (tokens[j] in JUDGED_COPULAS or (too and (tokens[j] in things or tokens[j] in forms))):
            out[k] = LEVELS[tok]
    return out


__all__ = ["JUDGEMENTS", "LEVELS", "judged_subjects"]
