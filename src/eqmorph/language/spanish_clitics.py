"""A Spanish noun and the pronoun verb said after it, read as the verb before the noun.

Spanish says the object as a pronoun on the verb ("los graves, bájalos", "el barro quítalo") or before it ("el barro
lo quitas"); the grammar reads a verb before its object ("bájale los graves"), so the phrase is rewritten so before
it is split into clauses (:func:`resumed_clitic`, called by :mod:`eqmorph.language.sentences`).
"""

from __future__ import annotations

import re

from eqmorph.language import lexicon
from eqmorph.language.band_words import band_word
from eqmorph.language.grammar_words import DIRECTION_WORDS, LESS, SPANISH_DIRECTIONS
from eqmorph.language.regions import is_region_word
from eqmorph.language.spanish_verbs import POLISH_WORDS, SPANISH_CUT, SPANISH_CUTTING_FORMS, SPANISH_TAKING_OUT_FORMS
from eqmorph.language.spelling import fold

# Spanish says the object as a pronoun on the verb: "los graves, bájalos un poco", "te pasaste con los agudos, bajalos
# un poco" boosted the region (the verb had no region after it: a thirty-second trial): read as "bájale los graves".
# A "me" or "se" may stand before the pronoun ("el barro quítamelo" added 5.4 dB of mud: a thirty-sixth trial).
_CLITIC = r"([a-záéíóúñ]+?)(?:me|se)?(?:los|las|lo|la|le|les)"
_RESUMED_CLITIC = re.compile(r"^([^,.;!?]*?\b(los|las|el|la)\s+([^,.;!?]{1,30}?))\s*,\s*" + _CLITIC + r"\b")
_RAISING_STEMS = frozenset({"sube", "subi", "aumenta", "realza", "levanta"})


_PLENTY_OF_BASS = re.compile(r"^\s*(?:mucho|harto|demasiado)\s+bajo\s*,\s*(?=[a-záéíóúñ]+?(?:lo|los|le|les)\b)")
# What bothers, said before the verb that removes it: "el barro me molesta, quítalo" (the mud was added)
_BOTHERS = re.compile(r"^([^,.;!?]*?\b(?:los|las|el|la)\s+[a-záéíóúñ]+)\s+(?:me\s+|nos\s+)?(?:molesta|molestan)\s*,"
                      r"(?=\s*[a-záéíóúñ]+?(?:me|se)?(?:lo|los|la|las)\b)")
# A keep said with a pronoun: "el barro, no lo toques" added the mud it asked to leave, read as "el barro, déjalo"
_NOT_TOUCHED = re.compile(r"(\b(?:los|las|el|la)\s+[a-záéíóúñ]+(?:\s+[a-záéíóúñ]+)?\s*,?\s+)no\s+(?:me\s+)?"
                          r"(lo|la|los|las)\s+(?:toques|toqués|toquen|toque)\b")


# After a joiner, a region and its pronoun verb with no comma: "los graves, súbelos un poco y los agudos bájalos"
# boosted the treble 6 dB (a thirty-second trial)
_NOT_JOINER = r"(?!y\s|pero\s)[a-záéíóúñ]+"  # a word of a region, never the joiner of the next clause
_JOINED_CLITIC = re.compile(rf"(?:(?<=[\s,])|^)((?:y|pero)\s+)?(los|las|el|la)\s+({_NOT_JOINER}(?:\s{_NOT_JOINER})?)\s+"
                            + _CLITIC + r"(?=[\s,.;!?]|$)")
# The pronoun apart from its verb ("el barro lo quitas"), or a bare imperative ending the clause ("el barro quita"; not
# "el barro quita claridad", a statement): they added 5.4 dB of the mud they asked to take away (a thirty-sixth trial)
_NOT_PRONOUN = r"(?!y\s|pero\s|(?:me|se|lo|la|los|las)\s)[a-záéíóúñ]+"  # "el barro lo quitas": "lo" is no noun
_APART_CLITIC = re.compile(rf"(?:(?<=[\s,])|^)((?:y|pero)\s+)?(los|las|el|la)\s+({_NOT_PRONOUN}(?:\s{_NOT_PRONOUN})?)"
                           r"\s*,?\s+(?:(?:me\s+|se\s+)?(?:lo|la|los|las)\s+([a-záéíóúñ]+)(?=[\s,.;!?]|$)|"
                           r"([a-záéíóúñ]+)(?=\s*(?:[,.;!?]|$)))")
_SPANISH_LESS = frozenset(fold(w) for w in LESS & SPANISH_DIRECTIONS)


def _cuts(verb: str) -> bool:
    """Whether ``verb``, said apart from its pronoun, is a Spanish cutting verb ("quitas", "quita", "sacas")."""
    plain = fold(verb)
    return any(form in SPANISH_CUTTING_FORMS or form in SPANISH_TAKING_OUT_FORMS or form in _SPANISH_LESS
               for form in (plain, plain[:-1] if plain.endswith("as") else plain))  # "lo quitas": you take it out


def _clitic_verb(stem: str, said: str) -> str | None:
    """The verb a Spanish stem with its object pronoun is read as, said of ``said``: a cut, a raise, a keep, else None.
    "sácalo" takes out ("el barro sácalo" added the mud), except the shine "sacar" polishes ("el brillo sácalo")."""
    stem = fold(stem)
    taken_out = f"{stem}le" in SPANISH_TAKING_OUT_FORMS and said not in POLISH_WORDS
    return (SPANISH_CUT if f"{stem}le" in SPANISH_CUTTING_FORMS or taken_out
            else "súbele" if stem in _RAISING_STEMS
            else "keep" if stem in ("deja", "deje") else None)  # "los graves, déjalos": kept


def _names_a_sound(article: str, said: str) -> bool:
    """Whether ``said`` after ``article`` names a region ("los agudos", "el bajo"), a sound the lexicon knows ("el
    barro", "la dureza": "pero el barro quítalo" added 5 dB of mud, a forty-fourth round) or a band word ("la
    sibilancia", "el retumbo": each was boosted 4-5 dB, a thirty-sixth trial)."""
    return (is_region_word(said) or is_region_word(f"{article} {said}") or bool(lexicon.related(said))
            or band_word(said) is not None)


def _joined_clitic(found: re.Match[str]) -> str:
    """"y los agudos bájalos" -> "y bájale los agudos", for a region or a sound said before its pronoun verb (after
    "y", "pero", a comma or at the start: "los agudos bájalos" boosted the treble 6 dB, a thirty-fifth trial)."""
    verb = _clitic_verb(found.group(4), found.group(3))
    if verb is None or not _names_a_sound(found.group(2), found.group(3)):
        return found.group(0)
    return f"{found.group(1) or ''}{verb} {found.group(2)} {found.group(3)}"


def _apart_clitic(found: re.Match[str]) -> str:
    """"el barro lo quitas", "el barro quita" -> "bájale el barro"."""
    verb = found.group(4) or found.group(5)
    before = found.string[:found.start()].rstrip()
    # not "pilas con los agudos, bájalos", "ese barro en los medios, bájalo": a noun inside a phrase
    opening = found.group(1) or not before or before.endswith(",")
    if not opening or not _cuts(verb) or not _names_a_sound(found.group(2), found.group(3)):
        return found.group(0)
    if found.group(3) in POLISH_WORDS:
        return found.group(0)  # "el brillo sácalo": the shine "sacar" polishes
    return f"{found.group(1) or ''}{SPANISH_CUT} {found.group(2)} {found.group(3)}"


def resumed_clitic(text: str) -> str:
    """``text`` with "<... the region>, <verb>-los ..." read as "<verb> the region ..." (a cutting or raising verb),
    and "y <the region> <verb>-los" as "y <verb> the region"."""
    text = _BOTHERS.sub(r"\1,", _NOT_TOUCHED.sub(r"\1déja\2", text))
    text = _JOINED_CLITIC.sub(_joined_clitic, _PLENTY_OF_BASS.sub("el bajo, ", text))
    text = _APART_CLITIC.sub(_apart_clitic, text)
    found = _RESUMED_CLITIC.match(text)
    if found is None or not _names_a_sound(found.group(2), found.group(3)) or not DIRECTION_WORDS.isdisjoint(
            found.group(1).split()):  # "el bajo, bájalo": the bass guitar's form
        return text
    verb = _clitic_verb(found.group(4), found.group(3))
    return text if verb is None else f"{verb} {found.group(2)} {found.group(3)}{text[found.end():]}"


__all__ = ["resumed_clitic"]
