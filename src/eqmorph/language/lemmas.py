"""Inflections and derivations back to a base word: "brighter" -> "bright", "muddiness" -> "muddy".

English inflections come from LemmInflect (Jascob, github.com/bjascob/LemmInflect), a maintained
lemmatiser with a dictionary plus an out-of-vocabulary model; it is a core dependency because it
is small (about 1 MB), pure Python and needs only numpy, so phrases such as "a bit brighter" work
without any extra. It is imported on first use only: exact vocabulary words never reach it.

LemmInflect does not undo derivations ("muddiness" is a noun of its own to it), and knows no
Spanish; the few rules below cover those: "-iness" -> "-y", "-ness" -> "", and Spanish plural
("-s", "-es") and feminine ("-a" -> "-o") endings, the absolute superlative "-ísimo" and diminutives ("-ito").
English verbs made from adjectives with "-en" ("brighten", "darkened", "softening": the verb suffix "-en", "to
become or cause to be", Merriam-Webster, "-en", merriam-webster.com/dictionary/-en) read as the adjective.
Every candidate is only a guess: the parser keeps a candidate only if it is a known word
or in the lexicon, so a wrong guess never invents a word. "-ish" ("warmish") is read as its
base word, a bit.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

# (suffix, replacement): derivations LemmInflect leaves alone, tried on words of 5+ letters (see candidates).
_DERIVATIONS = (("iness", "y"), ("ness", ""), ("ily", "y"), ("ly", ""), ("-ish", ""), ("ish", ""))
# Diminutives, as Latin American producers say them ("suavecito", "clarito", "fresquito", "calentito": each was an
# unknown word in a twentieth trial, 2026-12-04): "-cito" on the whole word, "-ito" for its last vowel, "-quito" for
# "-co", "-guito" for "-go", and caliente's "calentito". simplemma (a maintained lemmatiser with Spanish, on the
# registry) was tried first: it reads none of these ("suavecito" -> "suavecitar") and is 19 MB.
_DIMINUTIVES = tuple((stem + number, base) for stem, base in (
    ("quit", "co"), ("guit", "go"), ("entit", "iente"), ("cit", ""), ("it", "o")) for number in ("os", "as", "o", "a"))
_SPANISH = (("ísimos", "o"), ("ísimas", "o"), ("ísimo", "o"), ("ísima", "o"), ("ísimo", "e"), ("ísima", "e"),
            ("ísimo", ""), *_DIMINUTIVES, ("onas", "ón"), ("ona", "ón"),  # "chillona" is chillón's feminine
            ("es", ""), ("as", "o"), ("os", "o"), ("s", ""), ("a", "o"))
_VERB_ENDINGS = ("en", "ens", "ened", "ening")  # "-en" verbs and their inflections: brighten, brightened
_INFLECTED = ("er", "est", "s", "ed", "ing")  # comparative, superlative, plural / 3rd person, past, gerund
SUPERLATIVE_ENDINGS = ("est", "ísimo", "ísima", "ísimos", "ísimas")  # the parser reads these as a high degree


@functools.cache
def _lemminflect():  # type: ignore[no-untyped-def]
    import lemminflect

    return lemminflect


def candidates(word: str) -> tuple[str, ...]:
    """Possible base words of ``word`` (normalised, lower case), most likely first; never ``word`` itself."""
    if len(word) < 3 or " " in word:
        return ()
    found: list[str] = []
    if word.endswith(_INFLECTED):  # other words are not English inflections: skip loading LemmInflect's tables
        li = _lemminflect()
        for lemmas in (li.getAllLemmas(word), li.getAllLemmasOOV(word, "ADJ")):
            for pos in ("ADJ", "NOUN", "VERB", "ADV"):
                found.extend(lemmas.get(pos, ()))
    found.extend(base for base in [adjective_of_verb(word)] if base)
    # Spanish endings on any stem of 3+ letters ("fría" -> "frío"); English derivations on words of 5+ letters.
    for suffix, repl in (_DERIVATIONS if len(word) >= 5 else ()) + _SPANISH:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            found.append(word[: -len(suffix)] + repl)
    return tuple(c for c in dict.fromkeys(found) if c and c != word)


def adjective_of_verb(word: str) -> str | None:
    """The adjective an "-en" verb may be made from ("brighten", "brightened" -> "bright", "fatten" -> "fat"), else
    None; a guess like every candidate ("golden" -> "gold")."""
    for ending in sorted(_VERB_ENDINGS, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= 3 and word[-len(ending) - 1] not in "aeiou":
            stem = word[: -len(ending)]
            # "fatten", "flatten", "redden" double the adjective's last consonant; "stiffen" and "dullen" keep it
            return stem[:-1] if stem[-1] == stem[-2] and stem[-1] not in "flsz" else stem
    return None


def in_dictionary(word: str) -> bool:
    """Whether LemmInflect's dictionary holds ``word`` as it stands, as a form of a word ("presets", "muffed") or as a
    base word ("muddle", "preset"); never its out-of-vocabulary guesses. Its tables (about 0.3 s) load on first use."""
    if " " in word or not word.isalpha():
        return False
    li = _lemminflect()
    return bool(li.getAllLemmas(word) or li.getAllInflections(word))


NOUN_ENDINGS = ("ness", "ity", "ance", "ence")  # nouns LemmInflect's dictionary may not hold ("boominess")


def is_noun(word: str) -> bool:
    """Whether ``word`` is an English noun and no adjective ("mud", "harshness", "warmth"; not "warm", "treble")."""
    if " " in word:
        return False
    found = _lemminflect().getAllLemmas(word)
    if found:
        return "NOUN" in found and "ADJ" not in found
    return word.endswith(NOUN_ENDINGS) and len(word) >= 6


APPROXIMATE_ENDINGS = ("ish",)  # "warmish", "warm-ish": the parser reads these as "a bit"


def is_approximate(word: str) -> bool:
    """True for "warmish", "bright-ish": the parser gives them the degree of "a bit"."""
    return word.endswith(APPROXIMATE_ENDINGS) and len(word) >= 6


def is_superlative(word: str) -> bool:
    """True for "brightest", "suavísimo": the parser gives them a high degree."""
    return word.endswith(SUPERLATIVE_ENDINGS) and len(word) >= 6


# A comparative or superlative in the vocabulary ("brighter", 5 examples) gives way to its base word when the
# base has at least this many times its examples ("bright", 423): a user asking for "a bit brighter" means more
# of bright, and a handful of rows cannot say better what bright is than hundreds.
SHADOW_RATIO = 4


def _comparative_bases(word: str) -> tuple[str, ...]:
    """Base-word guesses for an English comparative or superlative: brighter, hotter, wider, muddier, -est."""
    out: list[str] = []
    for suffix in ("est", "er"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            out += [stem, stem + "e"]
            if stem.endswith("i"):
                out.append(stem[:-1] + "y")
            if len(stem) >= 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return tuple(dict.fromkeys(out))


def shadowed_forms(counts: Mapping[str, int]) -> dict[str, str]:
    """Vocabulary comparatives and superlatives that give way to their base word: ``{"brighter": "bright"}``.

    Cheap string rules, never LemmInflect: this runs when a model loads, and a guess counts only if the base is
    itself a vocabulary word with at least ``SHADOW_RATIO`` times the form's examples.
    """
    shadowed = {}
    for word, n in counts.items():
        for base in _comparative_bases(word):
            if base != word and counts.get(base, 0) >= SHADOW_RATIO * max(n, 1):
                shadowed[word] = base
                break
    return shadowed


def comparative(word: str) -> str | None:
    """The English comparative of an adjective LemmInflect's dictionary knows ("bright" -> "brighter"), else None.

    Only dictionary forms (no guessing for unknown words: "claro" must not become "claroer"); the caller says
    "more X" instead.
    """
    if " " in word or not word.isascii():
        return None
    forms = _lemminflect().getInflection(word, tag="JJR", inflect_oov=False)
    return forms[0] if forms else None
