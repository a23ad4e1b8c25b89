"""A descriptor judged after its copula: "the mud is terrible", "the plosives are bad", "the p pops are killing me";
"low" said after a copula, a level ("the bass is too low in the mix"), not the bass band; and a noise said to be
on a source ("hiss on the vocal"), a statement of it.

The grammar reads a statement by the copula before its word ("it's muddy" asks for less mud). With the flaw as
the subject and a judgement after the copula, the judgement was ignored and the flaw asked for at full strength
(+5 to +6 dB of mud, plosives or sibilance: a twenty-third trial, 2026-12-04). Such a clause is read as the
statement it makes, the copula before its subject ("is the mud"): a flaw word is then asked against as "it's
muddy" asks, and a word that names no flaw reads as before ("the warmth is terrible": warm, the judgement unsaid).

"low" and Spanish "bajo(s)" are forms of the bass band, but after a copula they say a level: "the bass is too low
in the mix" cut the bass, "the highs are low" and "los agudos están bajos" added a 6 dB bass shelf (the same trial).
There they read as "quiet" / "débil(es)", which the grammar turns as levels said of a region.

A noise named with the source it is on ("hiss on the vocal", "hum on the guitar", "sibilance on the vocals") asked
for more of it (the same trial): nobody asks for hiss. Such a clause reads as an excess of the noise, a
statement, as "too much hiss on the vocal"; a noise alone is still a request, as every bare word is.
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.language.band_words import band_words
from eqmorph.language.grammar_words import JOINERS
from eqmorph.language.stoplist import stoplist

# Copulas a judgement follows; "it's" and "there's" state what follows them, not a subject before.
JUDGED_COPULAS = frozenset({"is", "are", "was", "were", "es", "son", "está", "esta", "están", "estan"})
# What a listener says of a flaw, after its copula (a degree word before one is part of it: "is really bad").
JUDGEMENTS = frozenset({
    ("bad",), ("terrible",), ("awful",), ("horrible",), ("annoying",), ("unbearable",), ("distracting",),
    ("killing", "me"), ("driving", "me", "crazy"), ("driving", "me", "nuts"), ("a", "problem"), ("an", "issue"),
    ("out", "of", "control"), ("everywhere",), ("the", "worst"),
    ("horribles",), ("terribles",), ("insoportable",), ("insoportables",), ("molesto",), ("molesta",),
    ("molestos",), ("molestas",), ("un", "problema"), ("fatal",), ("matándome",), ("matandome",)})
JUDGEMENT_DEGREES = frozenset({"so", "really", "very", "pretty", "just", "quite", "muy", "super", "súper", "bien"})
# "low" as a level, with the level word it reads as; not before a word that makes it a region ("is low end heavy").
LOW_LEVELS = {"low": "quiet", "bajo": "débil", "baja": "débil", "bajos": "débiles", "bajas": "débiles"}
LOW_REGION_TAILS = frozenset({"end", "mids", "mid", "midrange", "frequencies", "shelf", "cut", "pass", "medios",
                              "frecuencias"})
# Degree words that may stand between the copula and "low" ("is way too low", "están demasiado bajos").
LEVEL_DEGREES = JUDGEMENT_DEGREES | frozenset({"too", "way", "a", "bit", "little", "kind", "of", "kinda", "un",
                                               "poco", "demasiado", "demasiada", "demasiados", "demasiadas",
                                               "bastante", "algo"})


# Band words that name a noise, and what may stand between a noise and its source.
NOISES = ("hiss", "hum", "rumble", "plosives", "sibilance")
ARTICLES = frozenset({"the", "some", "a", "an", "el", "la", "los", "las", "un", "una", "my", "mi"})
ON = frozenset({"on", "in", "over", "en", "de"})


def judged_subjects(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with each clause "<subject> <copula> <judgement>" read as "<copula> <subject>", "low" after a
    copula as "quiet", and "<noise> on <source>" as "too much <noise> on <source>" (module docstring); others
    unchanged."""
    tokens = _low_as_level(tokens)
    out: list[str] = []
    start = 0
    for end in [*(j for j, tok in enumerate(tokens) if tok in JOINERS), len(tokens)]:
        out.extend(_judged_clause(list(tokens[start:end])))
        out.extend(tokens[end:end + 1])  # the joining word itself
        start = end + 1
    return out


def _judged_clause(clause: list[str]) -> list[str]:
    """One clause (no joining word) rewritten when it is a subject judged after its copula, or a noise on a source."""
    if _noise_on_source(clause):
        return ["too", "much", *clause]
    for c in range(len(clause) - 1, 0, -1):
        if clause[c] not in JUDGED_COPULAS:
            continue
        rest = clause[c + 1:]
        while rest and rest[0] in JUDGEMENT_DEGREES:
            rest = rest[1:]
        if tuple(rest) in JUDGEMENTS and JUDGED_COPULAS.isdisjoint(clause[:c]):
            return [clause[c], *clause[:c]]
        return clause
    return clause


def _noise_on_source(clause: Sequence[str]) -> bool:
    """Whether ``clause`` is only a noise (a form of one of NOISES, an article before it) on a stop-listed source."""
    k = 1 if clause[:1] and clause[0] in ARTICLES else 0
    forms = {tuple(form.split()) for name in NOISES for form in band_words()[name].forms}
    n = next((len(form) for form in sorted(forms, key=len, reverse=True) if tuple(clause[k:k + len(form)]) == form), 0)
    if not n or k + n >= len(clause) or clause[k + n] not in ON:
        return False
    rest = [tok for tok in clause[k + n + 1:] if tok not in ARTICLES]
    return len(rest) == 1 and rest[0] in stoplist()


def _low_as_level(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with "low" / "bajo(s)" after a copula (degree words between) read as its level word."""
    out = list(tokens)
    for k, tok in enumerate(tokens):
        if tok not in LOW_LEVELS or (k + 1 < len(tokens) and tokens[k + 1] in LOW_REGION_TAILS):
            continue
        j = k - 1
        while j >= 0 and tokens[j] in LEVEL_DEGREES:
            j -= 1
        if j >= 0 and tokens[j] in JUDGED_COPULAS:
            out[k] = LOW_LEVELS[tok]
    return out


__all__ = ["JUDGEMENTS", "LOW_LEVELS", "judged_subjects"]
