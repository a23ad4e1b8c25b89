"""A sound stated as it is, in a word that names a flaw: "it's muddy", "the highs are harsh", "suena turbio".

A mixing engineer who types what is wrong with a sound asks for less of it, as "too muddy" does; read as a
request, "it's very muddy" added 25% more mud than "muddy" (two new-user trials, 2026-12-03). So a flaw word after a
copula ("is", "sounds", "está", "suena"), with no direction, negation or excess word of its own, is read as a
complaint: the word turned, at the degree of "too" (grammar_words.EXCESS) times any degree said ("it's a bit
muddy" asks for half of what "it's muddy" does). A word that names no flaw stays a request ("it sounds warm",
"the low end is full"), and so does a flaw asked for ("make it sound thin", "I want it muddy").
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.language.grammar_words import DEGREES

# Words that name a flaw of a sound, by the vocabulary word (or band word) a typed word is read as: "mud" and
# "turbio" are muddy. Not words a mix may be asked to have ("dark", "thin" is here: a trial's "sounds thin" asked for
# body; "make it sound thin" still asks for thin), nor words of feeling ("feo", "hate": they name no sound).
FLAW_WORDS = frozenset({
    "muddy", "boomy", "boxy", "box", "harsh", "hollow", "muffled", "noisy", "shrill", "tinny", "thin", "raspy",
    "áspero", "dull", "apagado",
    "rumble", "honky", "nasal", "sibilance", "hiss",  # band words
})
# Copulas that state a sound as it is. English "'s" is read as "is" (language/words.py), "it's" is one token.
COPULAS = frozenset({"is", "are", "it's", "it’s", "sounds", "sound", "seems", "feels", "gets", "got", "es", "son",
                     "está", "esta", "están", "estan", "suena", "suenan", "queda", "quedan"})
# Words that make the statement a wish: "make it sound thin", "I want it muddy", "quiero que suene turbio".
WISHES = frozenset({"make", "makes", "making", "want", "wants", "need", "needs", "should", "like", "haz", "hazlo",
                    "hacer", "quiero", "quieres", "queremos", "necesito", "necesita", "debe", "debería"})
COMPLAINT_DEGREE = DEGREES[("a", "bit")]  # as "too": a complaint says what is wrong, not how far to go


def is_complaint(clause_before: Sequence[str], word: str) -> bool:
    """Whether a descriptor read as vocabulary or band word ``word`` states a flaw as it is: ``clause_before``, the
    clause's tokens before it, hold a copula and no wish. A copula earlier in the clause states the words after it
    too: "it's muddy and dull", "it sounds warm but boomy". The caller checks that no direction, negation, excess or
    amount was said for the word itself."""
    return word in FLAW_WORDS and not COPULAS.isdisjoint(clause_before) and WISHES.isdisjoint(clause_before)


__all__ = ["COMPLAINT_DEGREE", "COPULAS", "FLAW_WORDS", "WISHES", "is_complaint"]
