"""A word eqmorph does not know that is a typing slip of one it does: told apart from a new word (the open
vocabulary must not guess at "wram") and, when every known spelling one slip away means the same, read as it with a
note ("read 'brigher' as 'brighter'"). English words are never slips, whichever dictionary knows them: MiniLM's word
list (``wordlike.is_dictionary_word``) and LemmInflect's (``lemmas.in_dictionary``): "preset" was read as present,
+6 dB at 5 kHz, "muddle" as middle (a thirty-fifth trial).

Used by :class:`eqmorph.language.words.WordReader`, which passes its own ``meanings`` and known-word counts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from eqmorph.language import lemmas
from eqmorph.language.interpretation import Meaning
from eqmorph.language.spelling import READ_TYPO_MIN_LETTERS, one_slip_spellings, studio_form_counts, typo_of
from eqmorph.language.stoplist import stoplist

# Common Spanish words no English dictionary here holds, never slips: "esos" is one letter from "eses" (sibilance)
# and "tener" from "tender", so "bájale esos graves", "sin esos agudos" were refused as misspelt (a thirty-sixth
# trial scanned about 300 common Spanish words after sin/no/menos: only these tripped; the rest are their kin).
SPANISH_WORDS = frozenset({
    "ese", "esa", "eso", "esos", "esas", "este", "esta", "esto", "estos", "estas", "aquel", "aquella", "aquellos",
    "aquellas", "tener", "tengo", "tiene", "tienen", "hace", "hacer", "hago", "hacen", "poner", "pone", "dejar",
    "deja", "quedar", "queda", "sobre", "entre", "desde", "hasta", "para", "tanto", "tanta", "tantos", "tantas",
    "mucho", "mucha", "muchos", "muchas", "poco", "poca", "pocos", "pocas", "todo", "toda", "todos", "todas",
})

Meanings = Callable[[str], Sequence[Meaning]]  # a word's meanings without the open vocabulary's guess
English = Callable[[str], bool]  # whether a word is a common English word as it stands


def is_own_word(word: str, english: English) -> bool:
    """Whether ``word`` is a word as it stands, never a slip: a common Spanish word (:data:`SPANISH_WORDS`), or an
    English one by MiniLM's list (``english``) or LemmInflect's dictionary. One test for the typo reader, the refusal of
    a denied slip (:mod:`eqmorph.language.denied_slips`) and of a misspelt direction word
    (:mod:`eqmorph.language.direction_slips`)."""
    return word in SPANISH_WORDS or english(word) or lemmas.in_dictionary(word)


def in_a_dictionary(word: str) -> bool:
    """Whether LemmInflect's dictionary holds ``word``, a base word of it or the noun of its "-y" adjective: an English
    word MiniLM's 21,000 word pieces lack ("sulky" was read as silky; "silty" is silt's, "hunky" hunk's)."""
    return (lemmas.in_dictionary(word) or any(lemmas.in_dictionary(base) for base in lemmas.candidates(word))
            or (word.endswith("y") and word[-2] != "y" and lemmas.in_dictionary(word[:-1])))


def is_typo(word: str, counts: Mapping[str, int], english: English) -> bool:
    """A slip of a known word (``counts``' keys) or studio term ("wram", "brigth", "presense") that is no English word
    ("warn" is)."""
    studio = typo_of(word, studio_form_counts())
    # "bajo" is no slip of "bajos": a singular or plural of a studio form is a word of its own (a crowd's, here).
    studio_slip = studio is not None and studio.rstrip("s") != word.rstrip("s")
    if typo_of(word, counts) is None and not studio_slip:
        return False
    return not is_own_word(word, english)


def typo_reading(word: str, meanings: Meanings, english: English, notes: list[str]) -> list[Meaning]:
    """What ``word`` means when it is one typing slip (:func:`one_slip_spellings`) from spellings that all mean the
    same, one of them a common English word or a studio term ("brigher" is brighter, "warmmer" warmer, "trebel"
    treble); ``[]`` otherwise. ``notes`` gets what it was read as (a new-user trial, 2026-12-05: "brigher" was refused,
    suggesting brighter). Not read: words under ``READ_TYPO_MIN_LETTERS`` letters, gibberish (no slip of it is
    known), slips of two words ("harhs": harsh, hard's plural), English words and their inflections ("mutes",
    "cellos": not muddy, bellos), a slip of the first letter ("abajo", "falto", "sordo": Spanish words, not bajo,
    alto, gordo), a plural or singular of a known spelling ("medio" is no slip of the mids' "medios"), an inflection
    no dictionary holds ("louding"), an English word's "-y" adjective ("brassy" is no "bassy")."""
    # a stop-listed word is a word of its own ("smooch" is no slip of smooth)
    if (len(word) < READ_TYPO_MIN_LETTERS or not word.isalpha() or meanings(word) or word in stoplist()
            or word in SPANISH_WORDS):
        return []
    # "-ite" said as "-ight" ("brite", "lite", "tite"): two letters from the word, so no slip finds it, and one slip
    # from another ("brite" was read as the crowds' bite, 5 examples, not bright's 423: a thirteenth new-user trial)
    if word.endswith("ite") and (found := list(meanings(word[:-3] + "ight"))):
        notes.append(f"read {word!r} as {word[:-3] + 'ight'!r}")
        return found
    if english(word) or any(english(base) for base in lemmas.candidates(word)) or (
            word.endswith("y") and word[-2] != "y" and english(word[:-1])):  # "brassy" (brass) is no "bassy"
        return []
    near = {}
    for spelt in one_slip_spellings(word):
        if spelt[0] != word[0] or spelt in stoplist() or spelt.rstrip("s") == word.rstrip("s"):
            continue
        found = list(meanings(spelt))
        if found and (found[0].how != "inflection" or english(spelt)):
            near[spelt] = found
    # a studio form, not a derived "highed" (highend) nor a Spanish plural ("está muy bajoso" boosted the bass)
    plain = [s for s in near if english(s) or (s in studio_form_counts() and not s.endswith(("os", "as")))]
    if not plain or len({tuple(sorted(m.word for m in found)) for found in near.values()}) != 1:
        return []
    if in_a_dictionary(word):  # last: only a word about to be read as a typo loads LemmInflect's tables
        return []
    # named by the known word itself when it is one of the spellings ("boomey" was said read as 'boomed', boomy's kin)
    shown = next((s for s in near if s == near[s][0].word), plain[0])
    notes.append(f"read {word!r} as {shown!r}")
    return near[shown]


__all__ = ["in_a_dictionary", "is_typo", "typo_reading"]
