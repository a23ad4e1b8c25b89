"""Rewrites of a whole phrase before it is split into clauses, and the split.

The clause reader (:mod:`eqmorph.language.parse`) reads one clause at a time, so what a phrase says across its
punctuation is joined first: a subject named and then resumed by a pronoun ("the highs, they're a bit much"), where a
statement holds most ("it's too loud, especially the highs"), "w/o", and dB amounts as people write them
(:func:`~eqmorph.language.numbers.spoken_amounts`). Then :func:`clauses` splits at punctuation, sentence ends
included.
"""

from __future__ import annotations

import re

from eqmorph.language.complaints import COPULAS, FINE
from eqmorph.language.earlier import reported
from eqmorph.language.grammar_words import DIRECTION_WORDS, JOINERS, LESS, MORE, SPANISH_DIRECTIONS
from eqmorph.language.regions import is_region_word
from eqmorph.language.spanish_clitics import resumed_clitic
from eqmorph.language.spoken_amounts import spoken_amounts

# "+" joins ("+air -boomy") unless a gain follows it ("bass +3dB"); a comma between digits is a decimal comma ("1,5x");
# a sentence ends a clause ("The bass is too loud. The highs are fine." cut the highs: a twenty-eighth trial)
# (not after an abbreviation: "cut approx. 2 dB of mud" was split, and its cut lost: a twenty-ninth trial)
_SPLIT = re.compile(r"[;/&|\n]|:(?!\s?[-−+]?\s?[.,]?\d)|\+(?!\s?\d)|,(?!\d)|(?<!\d),|"
                    r"(?<!approx)(?<!aprox)(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bca)[.!?](?=\s|$)")
_WITHOUT = re.compile(r"(?<![^\W_])w/o(?![^\W_])")  # "more highs w/o harshness": "/" would split it in two
# "o" texted for "of" after an English quantity ("less o the bass" read "o" as Spanish "or" and boosted the bass 6 dB:
# a thirty-sixth trial); "más o menos" and Spanish lists keep their "o"
_TEXTED_OF = re.compile(r"\b(less|more|lots|lot|bit|touch|tad|hint|little|some|much|ton|tons|rid)\s+o\s+"
                        r"(?=(?:the|my|that|this|those|these|your|it)\b)")


# A subject named and then resumed by a pronoun ("the highs, they're a bit much", "the top end, it's harsh"): the
# comma had cut the subject off as a request of its own (a 6 dB boost beside the complaint: a twenty-eighth trial).
_RESUMED = re.compile(r"^((?:the|those|these|my|your|el|la|los|las)\s[^,.;!?]{1,40}?),\s*"
                      r"(?:they're|they are|theyre|it's|it is|its|están|estan|son|está|es)\s")


# Where a statement holds most, said after it ("it's too loud, especially the highs": the highs were a request, +4 dB
# at 12 kHz: a twenty-eighth trial): read as the region the statement is in.
_ESPECIALLY = re.compile(r",\s*(?:especially|particularly|mostly|mainly|sobre todo|especialmente|principalmente)"
                         r"\s+(?:in\s+|en\s+)?((?:the|los|las|el|la)\s[^,.;!?]+)$")


def _especially(text: str) -> str:
    """``text`` with "..., especially the X" read as "... in the X" when X is a region word."""
    found = _ESPECIALLY.search(text)
    if found is None or not is_region_word(found.group(1).split(None, 1)[1].strip()):
        return text
    return f"{text[:found.start()]} {'en' if found.group(1).split()[0] in ('los', 'las', 'el', 'la') else 'in'} " \
           f"{found.group(1)}"


# A subject resumed as a verb's object: "the bass, turn it down a bit" boosted the bass (the subject alone was a
# request, "turn it down" said of nothing: a thirtieth trial); read as "turn the bass down a bit".
# A liking said so too: "the bass, i love it" boosted the bass ("i love the bass" keeps it).
_RESUMED_OBJECT = re.compile(r"^((?:(?:the|those|these|my|your)\s)?[^,.;!?]{1,40}?),\s*(?:(?:please|just)\s+)?"
                             r"((?:i\s+)?[a-z-]+)\s+(?:it|them)\b")
# Words that make a clause more than a region named: a request or a statement of it ("too much high end now, back it
# off a bit", "overdid it on the treble, pull it back", "not much bass, keep it that way")
_SAID_OF_IT = frozenset({"it", "too", "much", "not", "no", "overdid", "overdone"})
_OBJECT_VERBS = frozenset({"turn", "bring", "take", "pull", "push", "roll", "dial", "knock", "back", "ease",
                           "i love", "i like", "i hate", "i dislike"})


def _resumed_object(text: str) -> str:
    """``text`` with "the X, <verb> it ..." read as "<verb> the X ..." when the verb says a direction or a liking."""
    found = _RESUMED_OBJECT.match(text)
    if found is None or not (found.group(2) in _OBJECT_VERBS or found.group(2) in DIRECTION_WORDS) or not \
            COPULAS.isdisjoint(found.group(1).split()):
        return text
    said = found.group(1).split()
    # "bass, turn it down a bit" (no article): a region said alone, or one said in a noun phrase ("ice pick highs on
    # the telecaster, tame them", "hum in the low end, take it out": the region was boosted, a thirty-second trial)
    if said[0] not in ("the", "those", "these", "my", "your") and (not any(
            is_region_word(" ".join(said[k:k + n])) for k in range(len(said)) for n in (1, 2))
            or not (DIRECTION_WORDS | _SAID_OF_IT).isdisjoint(said)):  # not "less bass, keep it", "overdid it on ..."
        return text
    return f"{found.group(2)} {found.group(1)}{text[found.end():]}"


# "raise everything but the lows" boosted the lows, "boost everything except the bass" was refused (a thirtieth
# trial): everything else moved is, in tone, the one region moved the other way (the level aside, which describe
# and the preamp treat apart); read so.
_EVERYTHING_BUT = re.compile(r"\b([a-záéíóúñ-]+)\s+(up\s+|down\s+)?(?:everything|all|the rest|todo)\s+(?:else\s+|"
                             r"lo demás\s+)?(?:but|except|except for|apart from|other than|besides|menos|excepto|salvo)"
                             r"\s+(?:not\s+)?(?=(?:the|el|la|los|las)?\s*[a-záéíóúñ -]+$)")


def _everything_but(text: str) -> str:
    """``text`` with "<verb> everything but the X" read as the X moved the other way ("less the X", "más los X")."""
    found = _EVERYTHING_BUT.search(text)
    if found is None:
        return text
    verb = (found.group(2) or found.group(1)).strip()  # "turn up everything but ...": the particle says which way
    spanish = verb in SPANISH_DIRECTIONS
    if verb in MORE or verb == "up":
        way = "menos" if spanish else "less"
    elif verb in LESS or verb == "down":
        way = "más" if spanish else "more"
    else:
        return text
    return f"{text[:found.start()]}{way} {text[found.end():]}"


# A statement's predicate left out after another subject ("the highs aren't harsh, the mids are", "i don't think the
# highs are harsh, i think the mids are": the mids were boosted 6 dB, a subject alone; a thirtieth trial): said again.
_ELIDED = re.compile(r"\b(is|are|isn't|aren't|is not|are not)\s+([^,.;!?]+?)\s*[,;.]\s*"
                     r"(?:(?:but\s+)?(?:i think|i guess|i believe|actually|but|it's|its|it is)\s+)?"
                     r"((?:the|those|these|my)\s[^,.;!?]+?)\s+(is|are)\s*[.!?]*$")


# A negative question states what it asks about ("isn't it a bit muddy?", "¿no está muy turbio?" were read as the
# mud said to be absent, and refused: a thirtieth trial); "for me", "to me" after a statement only say whose view it is
# ("the low end is too much for me" was refused).
_NEGATIVE_QUESTION = re.compile(r"^(?:(?:isn't|isnt|is not)\s+(it|this|that)|"
                                r"(?:aren't|arent|are not)\s+(they|these|those)|"
                                r"¿\s*no\s+(está|esta|es|suena|están|estan|son|suenan))\b(?=[^?]*\?\s*$)")
_WHOSE_VIEW = re.compile(r"\s+(?:for|to)\s+me(?=\s*(?:$|[,.;!?]))|\s+para\s+mí(?=\s*(?:$|[,.;!?]))")


# Only a question of how much: "isn't it nice?" or "isn't this the bass?" ask nothing of the sound (read as
# statements, a thirty-first trial found them amplified); "isn't it too bright?", "¿no está muy turbio?" state.
_HOW_MUCH = frozenset({"too", "a", "bit", "very", "so", "kinda", "quite", "pretty", "really", "rather", "muy",
                       "demasiado", "un", "poco", "algo", "bastante", "tan", "super"})
# A modal asked in the negative wishes: "can't it be brighter?", "doesn't it need more bass?" (read as negations, they
# darkened it and cut the bass: a thirty-first trial)
_NEGATIVE_WISH = re.compile(r"^(?:can't|cant|couldn't|couldnt|shouldn't|shouldnt|doesn't|doesnt|won't|wouldn't)\s+"
                            r"(?:it|this|that|the\s+\w+)\s+(?:be\s+(?=[^?]*\?\s*$)|(?=(?:need|needs|have|sound|get)\b"
                            r"[^?]*\?\s*$))")


def _asked_as_stated(text: str) -> str:
    """``text`` with a negative question read as its statement, a negative wish as the wish, and "for me" after a
    statement dropped."""
    text = _NEGATIVE_WISH.sub("", text)
    found = _NEGATIVE_QUESTION.search(text)
    if found is not None and not _HOW_MUCH.isdisjoint(text[found.end():].split()):
        said = f"{found.group(1)} is" if found.group(1) else f"{found.group(2)} are" if found.group(2) else \
            found.group(3)
        text = f"{said}{text[found.end():]}"
    return _WHOSE_VIEW.sub("", text)


def _elided(text: str) -> str:
    """``text`` with a subject's left-out predicate said again: "the highs aren't harsh, the mids are" -> "..., the
    mids are harsh"."""
    found = _ELIDED.search(text)
    if found is None or is_region_word(found.group(2)):
        return text
    return f"{text[:found.end(2)]}, {found.group(3)} {found.group(4)} {found.group(2)}"


# A region praised, then kept ("brutal low end, keep it", "the bass slaps, dont touch it": the region was boosted 6 dB,
# the keep said of nothing: a thirtieth trial): what the first clause names is kept.
_KEEP_IT = re.compile(r"^([^,.;!?]+?)[,.;!]\s*(?:(?:but|and|just|so)\s+)?(?:please\s+)?"
                      r"(?:keep it|keep that|leave it|leave it alone|don't touch it|dont touch it|do not touch it)"
                      r"(?:\s+(?:please|as is|like that|that way))?\s*[.!]*$")


def _kept_after(text: str) -> str:
    """``text`` with "<a region said alone>, keep it" read as "keep <the region ...>"."""
    found = _KEEP_IT.match(text)
    if found is None:
        return text
    said = found.group(1).split()
    if not DIRECTION_WORDS.isdisjoint(said) or not any(
            is_region_word(" ".join(said[k:k + n])) for k in range(len(said)) for n in (1, 2, 3)):
        return text
    return f"keep {found.group(1)}"


def _resumed_subject(text: str) -> str:
    """``text`` with a subject resumed by a pronoun and its copula joined to it: "the highs, they're a bit much" ->
    "the highs are a bit much" (a plural's copula for a Spanish one: "los agudos, están ..." -> "los agudos están")."""
    found = _RESUMED.match(text)
    if found is None or not COPULAS.isdisjoint(found.group(1).split()):  # "the bass is fine, it's ...": a statement
        return text
    copula = found.group(0)[found.end(1):].strip(" ,")
    copula = {"they're": "are", "they are": "are", "theyre": "are", "it's": "is", "it is": "is", "its": "is"}.get(
        copula, copula)
    return f"{found.group(1)} {copula} {text[found.end():]}"


# Spanish says its subject after the verb too ("está muy fuerte el bajo": the bass, read as a request, was boosted
# 3 dB beside the cut of the crowds' fuerte: a twenty-eighth trial); a region said last is put first.
_INVERTED = re.compile(r"(^|[,.;!?¿¡]\s*)((?:está|están|esta|estan|es|son|suena|suenan)\s+[^,.;!?¿¡]+?)\s+"
                       r"((?:el|la|los|las)\s+([^,.;!?¿¡]+?))(?=\s*(?:$|[,.;!?]|\so\s))")
# A question that asks whether something lacks states the lack: "¿no le falta un poco de brillo?" (read as "no",
# it cut the top: a twenty-eighth trial)
_LACK_ASKED = re.compile(r"¿\s*no\s+(le|les)\s+(falta|sobra)")  # "¿no le sobra bajo?" too (a thirtieth trial)
_DEGREES = frozenset({"demasiado", "muy", "mucho", "bastante", "tan", "algo", "un", "poco"})


def _inverted(text: str) -> str:
    """``text`` with a Spanish region said after its verb put before it: "está muy fuerte el bajo" -> "el bajo está
    muy fuerte"."""
    def subject_first(found: re.Match[str]) -> str:
        start, said, subject, region = found.groups()
        words = said.split()[1:]
        # one statement only ("está bien pero bájale los graves" is two), and one that says how it is ("es
        # demasiado el bajo" is a level, read as said)
        if not (JOINERS | DIRECTION_WORDS | FINE).isdisjoint(words) or set(words) <= _DEGREES:
            return found.group(0)
        return f"{start}{subject} {said}" if is_region_word(region) or is_region_word(subject) else found.group(0)

    return _INVERTED.sub(subject_first, text)


# A sentence that only sizes the one before ("More bass. Not too much though.") belongs to it: split off, its degree
# was lost (+6 dB where +3 was asked: a twenty-ninth trial).
_SIZING_SENTENCE = re.compile(r"[.!?]+\s+(?=(?:but\s+)?(?:not too much|not much|not too|just a (?:bit|little|touch)|"
                              r"only a (?:bit|little|touch)|a (?:bit|little|touch)(?: though)?[.!?]*$))")


# A clause of praise alone beside the request ("it's very bright, love it") is no request for the crowds' love.
_PRAISE_CLAUSE = re.compile(r"(?:^|[,.;!?])\s*(?:(?:and|but)\s+)?(?:i\s+|we\s+)?(?:love|loving|like|dig|digging)\s+it"
                            r"(?:\s+(?:so much|a lot|though))?\s*(?=[,.;!?]|$)")


# Spoken Spanish "ta" (está) before its word ("ta muy fuerte el low end"); "ta," alone is English thanks ("ta, a bit
# brighter": read as está, its copula stated the request after it; a twenty-ninth trial).
_TA = re.compile(r"(?<![^\W_])t[aá](?=\s+[^\W\d_])")


# "not more" before a region asks to leave it ("more highs but not more bass" cut the bass 6 dB: a thirty-fifth
# trial); before a crowd word it stays a denial ("brighter but not more harsh"), and "no more mud" asks it away.
# So does "not less" ("less bass, not less treble" boosted the treble 6 dB: a thirty-sixth trial).
_NOT_MORE = re.compile(r"(?<![^\W_])not\s+(?:more|less)\s+((?:the\s+)?([^\W\d_]+)(?:\s([^\W\d_]+))?)")
# "cut the mud, not the warmth": what a cut leaves out, said after it with "not the", is "but not the" (the warmth
# was cut with the mud: a thirty-sixth trial); "less mud, not harsh" (no article) stays a denial
_SPARED = re.compile(r"\s*(?:,\s*|\s)(?:but\s+)?not\s+(the|my|your)\s+(?=[^\W\d_])")


def _not_more(text: str) -> str:
    """``text`` with "not more <region>" and "not less <region>" read as "keep <region>", and "<a cut>, not the X" as
    "<a cut> but not the X"."""
    def keep(found: re.Match[str]) -> str:
        two = f"{found.group(2)} {found.group(3)}" if found.group(3) else None
        region = is_region_word(found.group(2)) or (two is not None and is_region_word(two))
        after_cut = found.group(0).split()[1] == "less" and not LESS.isdisjoint(text[:found.start()].split())
        return f"keep {found.group(1)}" if region or after_cut else found.group(0)  # "less hiss, not less air"

    text = _NOT_MORE.sub(keep, text)
    spared = _SPARED.search(text)
    if spared is None or LESS.isdisjoint(text[:spared.start()].split()) or "," in text[:spared.start()]:
        return text
    return f"{text[:spared.start()]} but not {spared.group(1)} {text[spared.end():]}"


def sentence_text(text: str) -> str:
    """``text`` (normalised) with what it says across its punctuation joined (see the module docstring)."""
    text = _not_more(reported(_TA.sub("está", text)))  # "the sound guy cut all the bass": the state it left
    text = _WITHOUT.sub("without", _TEXTED_OF.sub(r"\1 of ", text))
    text = _SIZING_SENTENCE.sub(" ", _LACK_ASKED.sub(r"\1 \2", text))
    text = _kept_after(_resumed_object(resumed_clitic(text)))  # before the praise: "the bass, i love it"
    unpraised = _PRAISE_CLAUSE.sub("", text)
    text = unpraised if unpraised.strip(" ,.;!?") else text  # "love it" alone stays what it says
    return _especially(_everything_but(_elided(_resumed_subject(_inverted(spoken_amounts(_asked_as_stated(text)))))))


def clauses(text: str) -> list[str]:
    """The clauses of ``text`` (after :func:`sentence_text`), split at punctuation and sentence ends."""
    return _SPLIT.split(text)


__all__ = ["clauses", "sentence_text"]
