"""A description in words: degree words for amounts, phrases ``generate`` reads back, a match's sentence.

:class:`eqmorph.semantic.describe.Describer` chooses the words and their signed amounts; this module says them.
Crowd words are adjectives ("warm", "a bit less harsh", "the reference is brighter"); band words
(:mod:`eqmorph.language.band_words`) are regions, said as nouns with "more" and "less" ("a bit more treble", "the
reference has less bass"), which the language layer reads back as the same moves.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from eqmorph.language.band_words import band_words
from eqmorph.language.grammar_words import DEGREES as PARSER_DEGREES
from eqmorph.language.lemmas import comparative

# Degree words the phrase uses, with the multipliers the language layer reads them as; an amount takes
# the degree whose multiplier is nearest on a log scale (boundaries at the geometric means).
_A_BIT, _VERY = PARSER_DEGREES[("a", "bit")], PARSER_DEGREES[("very",)]
DEGREES: tuple[tuple[float, str, float], ...] = (
    (float(np.sqrt(_A_BIT)), "a bit", _A_BIT),
    (float(np.sqrt(_VERY)), "", 1.0),
    (np.inf, "very", _VERY),
)


# Band words whose name is an adjective: said as crowd words are ("a bit nasal", "the reference is honkier").
ADJECTIVE_BAND_WORDS = frozenset({"nasal", "honky", "lo-fi"})


# Crowd words that are nouns, and the Spanish names of English crowd words that are (semantic/translations.py):
# said as band words are ("a bit more bite", "the reference has more air"); as adjectives they read "a bit bite".
NOUN_WORDS = frozenset({"air", "bite", "box", "aire", "dureza", "caja"})  # harsh was "un poco dureza" (a trial)


def is_band_word(word: str) -> bool:
    """Whether ``word`` is a band word named by a noun ("treble", "presence"): a region, said with more or less."""
    return word in band_words() and word not in ADJECTIVE_BAND_WORDS


def is_noun(word: str) -> bool:
    """Whether ``word`` is said as a noun, with "more" or "less": a band word named by a noun, or a crowd word that
    is a noun ("bite")."""
    return word in NOUN_WORDS or is_band_word(word)


def _spanish_much(noun: str) -> str:
    """"mucho", "mucha", "muchos" or "muchas", agreeing with a Spanish noun ("muchos más graves", "mucha más
    presencia"): by its first word's ending, which holds for every Spanish name eqmorph says."""
    head = noun.split()[0] if noun.strip() else noun
    plural = head.endswith("s")
    feminine = head.rstrip("s").endswith("a")
    return "much" + ("a" if feminine else "o") + ("s" if plural else "")


def comparison(changes: list[tuple[str, float]], subject: str = "the reference") -> str:
    """"the reference is brighter (0.81), less boomy (0.42) and has more presence (0.30)" from
    :meth:`eqmorph.semantic.describe.Describer.changes` (words and signed scores)."""
    if not changes:
        return f"{subject} sounds the same in tone"
    changes = sorted(changes, key=lambda ws: -abs(ws[1]))  # the strongest first, as describe's phrase says them
    adjectives = [f"{_more(w) if s > 0 else 'less ' + w} ({abs(s):.2f})" for w, s in changes if not is_noun(w)]
    nouns = [f"{'more' if s > 0 else 'less'} {w} ({abs(s):.2f})" for w, s in changes if is_noun(w)]
    if adjectives and nouns:  # one "and", before the last clause: "is brighter, less boomy and has more presence"
        if is_noun(changes[0][0]):  # "has more low mids (0.81) and is noisier (0.36)", not the weaker word first
            return f"{subject} has {', '.join(nouns)} and is {_listed(adjectives)}"
        return f"{subject} is {', '.join(adjectives)} and has {_listed(nouns)}"
    return f"{subject} is {_listed(adjectives)}" if adjectives else f"{subject} has {_listed(nouns)}"


def _listed(parts: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def _more(word: str) -> str:
    """"brighter" where English has the form, else "more claro"."""
    return comparative(word) or f"more {word}"


def degree(amount: float) -> tuple[str, float]:
    """The degree word for ``|amount|`` and the amount it stands for, e.g. 0.6 -> ("a bit", 0.5)."""
    a = abs(float(amount))
    for upper, word, nominal in DEGREES:
        if a < upper:
            return word, nominal
    return DEGREES[-1][1], DEGREES[-1][2]


# The phrase's grammar words per language, all read back by the language layer as the degrees they stand for:
# degree ("a bit", "", "very"), the degree before "less" or "more" ("much less", not "very less"), less, more.
_WORDING = {
    "en": ({"a bit": "a bit", "": "", "very": "very"}, {"a bit": "a bit", "": "", "very": "much"}, "less", "more"),
    "es": ({"a bit": "un poco", "": "", "very": "muy"}, {"a bit": "un poco", "": "", "very": "mucho"}, "menos",
           "más"),
}


def phrase(amounts: Mapping[str, float], language: str | None = None) -> str:
    """Words and signed amounts -> "warm, a bit less harsh, more treble": largest amount first.

    A crowd word is said as itself ("warm"), a band word with "more" ("more treble"); negative amounts take
    "less". A strong amount reads "very warm" or "much more treble", a strong negative one "much less X" ("very
    less" is not English; the language layer reads "much" as it reads "very"). ``language`` "es" words it in
    Spanish ("un poco suave, menos áspero", band words by their Spanish names: "más agudos"); English otherwise.
    """
    spanish = language == "es"
    plain, before, less, more = _WORDING["es" if spanish else "en"]
    parts = []
    for word, amount in sorted(amounts.items(), key=lambda kv: -abs(kv[1])):
        deg, _ = degree(amount)
        name = name_in(word, language)
        noun = is_noun(word)
        if amount < 0 or noun:
            # A Spanish noun takes "mucha más presencia" (not "mucho") and "un poco más de aire".
            much = _spanish_much(name) if spanish and noun and deg == "very" else before[deg]
            said = f"{much} {less if amount < 0 else more}" + (" de" if spanish and noun and deg == "a bit" else "")
        else:
            said = plain[deg]
        parts.append(f"{said} {name}".strip())
    return ", ".join(parts)


def name_in(word: str, language: str | None) -> str:
    """``word`` as ``language`` says it: a band word's Spanish name in Spanish ("agudos"), else itself."""
    band = band_words().get(word) if language == "es" else None
    if band is None or band.spanish is None:
        return word
    return band.spanish


def phrase_amounts(amounts: Mapping[str, float]) -> dict[str, float]:
    """The signed amounts the phrase of ``amounts`` says, once rounded to its degree words."""
    return {word: float(np.sign(a)) * degree(a)[1] for word, a in amounts.items()}


__all__ = ["ADJECTIVE_BAND_WORDS", "DEGREES", "NOUN_WORDS", "comparison", "degree", "is_band_word", "is_noun",
           "name_in", "phrase", "phrase_amounts"]
