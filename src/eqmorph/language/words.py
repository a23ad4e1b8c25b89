"""One word to known words: what a descriptor of a phrase stands for, first match wins.

1. exact (after NFC, case, surrounding punctuation and spaces are normalised);
2. accents: "frio" = "frío" when only one known word folds to it;
3. band word: a studio term for a region, defined as an EQ move ("presence", "sibilance", "rumble";
   :mod:`eqmorph.language.band_words`), only when the vocabulary lacks it;
4. lexicon: synonym, translation or antonym (:mod:`eqmorph.language.lexicon`), one or two hops;
5. inflection or derivation: "muddier", "boominess", "cálida", "brighten" (:mod:`eqmorph.language.lemmas`), each
   candidate checked against the vocabulary, the band words and the lexicon;
6. embedding: the open vocabulary's learned neighbours, when one is attached; a slip of a known word
   ("wram") that is no English word is refused with the known word suggested instead.

:class:`~eqmorph.language.parse.Parser` reads phrases with it (the grammar around the words).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from eqmorph.errors import UnknownWordError
from eqmorph.language import lemmas, lexicon
from eqmorph.language.band_words import REGION_WORDS, band_word, band_word_forms
from eqmorph.language.complaints import FLAW_WORDS
from eqmorph.language.denied_slips import denied, slip_error
from eqmorph.language.grammar_words import (
    AGAINST,
    DEGREE_PHRASES,
    FUNCTION_WORDS,
    LESS,
    MORE,
    NOT,
    OPPOSITE,
    STOP,
)
from eqmorph.language.interpretation import Meaning
from eqmorph.language.not_eq import NOT_EQ_WORDS
from eqmorph.language.numbers import NUMBER_TOKEN, db_amount, number_degree
from eqmorph.language.spanish_verbs import POLISH_WORDS, SPANISH_CUT, SPANISH_CUTTING_FORMS, SPANISH_TAKING_OUT_FORMS
from eqmorph.language.spelling import (
    fold,
    phrase_unknown_error,
)
from eqmorph.language.stoplist import stoplist
from eqmorph.language.terms import normalise_term
from eqmorph.language.typos import is_typo, typo_reading

_UNACCENTED = str.maketrans("áéíóúü", "aeiouu")  # Spanish accents off a lower-case token, much faster than fold
_TOKEN = re.compile(NUMBER_TOKEN + r"|[^\W_]+(?:['’-][^\W_]+)*")
# A minus sign written against a word, as on a console ("-warm"; "+bright" is a split in the parser): less of it.
_MINUS = re.compile(r"(?:^|(?<=[\s(]))[-−](?=[^\W\d_])")
# One or two minus signs after a word that end its piece ("bass--", "treble -", "mud--, more air"): less of it, as
# "bass less" is (they were dropped, and the word boosted: an eighteenth trial, 2026-12-04).
_TRAILING_MINUS = re.compile(r"(?<=[^\W\d_])\s?[-−]{1,2}(?=\s*(?:$|[,;!?)]|\.(?!\d)))")  # ".5dB" is a number
# Hyphenated affixes that negate the word they hold: "de-harsh", "un-muddy", "non-boomy"; "mud-free", "bass-less".
# "demud", "deharsh" unhyphenated too (a thirtieth trial: "demud" was refused suggesting muddy, the opposite); the
# stem must be a word eqmorph knows, so "deep" or "dense" are never read so
_NEGATING_AFFIX = re.compile(r"(?:de-?|un-|non-)([^\W\d_][\w ]{2,})|([^\W\d_][\w ]*)-(?:free|less)")
# Negated contractions typed without their apostrophe, as texting does: "i dont want it muddy" dropped "dont" and
# asked for mud (a twenty-fifth trial); the grammar's lists spell them with one.
_UNAPOSTROPHED = {f"{stem}nt": f"{stem}n't" for stem in (
    "do", "does", "did", "is", "are", "was", "were", "ca", "wo", "should", "would", "could", "has", "have", "ai")} | {
    # texting ("the hihats r to loud" boosted the top 6 dB: a twenty-eighth trial); "theyre" as "they're"
    "r": "are", "theyre": "they're"}  # (spoken Spanish "ta"/"tá" before its word: language/sentences.py)
# "they're harsh" is "they are harsh" (its copula unread, it asked for harshness: a twenty-eighth trial)
_ARE = {"they're": ("they", "are"), "we're": ("we", "are"), "you're": ("you", "are")}
_HYPHEN = re.compile(r"-(?=[^\W\d_])|(?=-[\d.,])")  # between words; before a signed number, kept with it
# Grammar words drawn out for emphasis ("sooo", "waaay", "muuuy", "tooo"): read as said once.
SQUEEZED_GRAMMAR = frozenset({"so", "way", "muy", "too", "very", "really", "much", "mucho", "super", "more", "less",
                              "más", "menos", "tan", "bit", "little", "poco", "lot", "lots", "af"})
_REPEATED = re.compile(r"([^\W\d_])\1{2,}")  # a letter three or more times in a row: "sooo", "muuuy"


def band_meaning(word: str) -> list[Meaning]:
    """``[band word]`` when ``word`` (normalised) spells one of :mod:`eqmorph.language.band_words`, else ``[]``."""
    band = band_word(word)
    return [] if band is None else [Meaning(band.name, 1.0, "defined", source=band.source)]


class Neighbourhood(Protocol):
    """What the parser needs of an open vocabulary: signed known-word meanings of an unknown word,
    given what the lexicon made of it (``()`` if nothing); the answer may combine and damp both."""

    def meanings(self, word: str, lexicon_meanings: Sequence[Meaning] = ()) -> list[Meaning]: ...


class WordReader:
    """The known words of one model and the way from one typed word to them.

    counts: every known word -> training examples; open_vocabulary: optional embedding fallback.
    """

    def __init__(self, counts: Mapping[str, int], open_vocabulary: Neighbourhood | None = None,
                 shadowed: Mapping[str, str] | None = None,
                 is_dictionary_word: Callable[[str], bool] | None = None) -> None:
        self.counts = dict(counts)
        self.open_vocabulary = open_vocabulary
        # Is a word a common English word as it stands (default: MiniLM's word list, loaded with the open vocabulary)?
        self._is_dictionary_word = is_dictionary_word
        self._known = {normalise_term(w): w for w in self.counts}
        # "brighter" -> "bright" (more of bright); a model passes the map it already made.
        self._shadowed = dict(lemmas.shadowed_forms(self.counts) if shadowed is None else shadowed)
        folded: dict[str, list[str]] = {}
        for w in self.counts:
            folded.setdefault(fold(w), []).append(w)
        self._folded = {k: v[0] for k, v in folded.items() if len(v) == 1}  # only unambiguous accent matches
        # multi-word terms, read before the grammar takes one of their words ("lower mids", "low end"), and the
        # stop list's multi-word things, read whole so no word of theirs is read alone ("bass drum" is no bass move,
        # "la caja" is the snare, not box's translation)
        self._multi = {tuple(w.split()) for w in [*self._known, *lexicon.lexicon_words(), *band_word_forms(),
                                                  *stoplist()] if " " in w}

    def _known_word(self, word: str) -> tuple[str, str] | None:
        if word in self._known:
            return self._known[word], "exact"
        hit = self._folded.get(fold(word))
        return (hit, "accents") if hit else None

    def _via_lexicon(self, word: str) -> list[Meaning]:
        """Known words the lexicon ties ``word`` to, one hop, else two hops over synonyms and translations."""
        found: dict[str, Meaning] = {}
        for rel in lexicon.related(word):
            hit = self._known_word(rel.other)
            if hit and hit[0] not in found:
                found[hit[0]] = Meaning(hit[0], lexicon.RELATION_SIGN[rel.relation], rel.relation, source=rel.source)
        if any(m.share > 0 for m in found.values()):  # a word's own equivalents beat its opposites
            found = {k: m for k, m in found.items() if m.share > 0}
        if not found:
            for rel in lexicon.related(word):
                if rel.relation == "antonym":
                    continue
                for rel2 in lexicon.related(rel.other):
                    hit = self._known_word(rel2.other)
                    if hit and rel2.relation != "antonym" and hit[0] not in found:
                        found[hit[0]] = Meaning(hit[0], 1.0, rel.relation, source=rel.source)
        n = len(found)
        return [Meaning(m.word, m.share / n, m.how, source=m.source) for m in found.values()]

    def lexicon_meanings(self, word: str) -> list[Meaning]:
        """What the lexicon alone makes of ``word`` (normalised): no inflections, no embedding."""
        return self._via_lexicon(word)

    def _with_embedding(self, word: str, found: list[Meaning]) -> list[Meaning]:
        """Lexicon meanings, mixed with the open vocabulary's when one is attached and the lexicon translated.

        A translation and the embedding err differently (the crowds' English and Spanish words do not always
        sound alike; the embedding confuses opposites); the open vocabulary weighs and damps the mix with
        settings it calibrated on its own words (eqmorph.language.learned.calibrate). A same-language synonym
        ("treble" -> bright, "mud" -> muddy) keeps the lexicon's reading alone: mixed in, the embedding turned
        "treble" into bright x 0.26 and 34 faint neighbours, another EQ than the CLI's without it.
        """
        if self.open_vocabulary is None or " " in word or all(m.how == "synonym" for m in found):
            return found
        return self.open_vocabulary.meanings(word, found) or found

    def names_a_sound(self, text: str) -> bool:
        """Whether ``text`` holds a word eqmorph knows that names a sound, not only where one is (a region word); a
        multi-word term is read whole ("low cut", "high pass": read by their words, they were the bass and treble
        regions, and "low cut at 80" was refused where "hpf at 100" was read)."""
        tokens = self.tokens(text)
        i = 0
        while i < len(tokens):
            term = self._term_at(tokens, i)
            # a direction verb is grammar, not a sound: "baja" (lower) read as bajo's feminine, so "baja 3 dB en
            # 250" was a low-mid cut while "boost 2 dB at 3k" was refused with the region's hint
            found = [] if term[0] in LESS or term[0] in MORE else self.meanings(" ".join(term), embed=False)
            if found and not all(m.how == "defined" and m.word in REGION_WORDS for m in found):
                return True
            i += len(term)
        return False

    def meanings(self, word: str, *, embed: bool = True) -> list[Meaning]:
        """What ``word`` (normalised) stands for among known words; ``[]`` if nothing or if it names no sound.

        ``embed=False``: without the open vocabulary (is ``word`` a form eqmorph knows, or only a neighbour of one?).
        """
        if word in stoplist():  # an embedding finds neighbours for any text, "hello" included
            # A source a band word places ("cymbals", "hi-hat": the treble) reads as that band word, though it names
            # no sound of the crowds: read as nothing, "the cymbals are too loud" was the crowds' "loud" turned, a
            # lift at 10 kHz (a fifteenth trial, 2026-12-03).
            return band_meaning(word) or []
        hit = self._known_word(word)
        if hit and hit[0] in self._shadowed:
            return [Meaning(self._shadowed[hit[0]], 1.0, "inflection")]
        if hit:
            return [Meaning(hit[0], 1.0, hit[1])]
        band = band_meaning(word)  # before the lexicon and the embedding: a studio term means its defined move
        if band:
            return band
        found = self._via_lexicon(word)
        if found:
            return self._with_embedding(word, found) if embed else found
        for base in lemmas.candidates(word):
            hit = self._known_word(base)
            if hit:
                return [Meaning(hit[0], 1.0, "inflection")]
            band = band_meaning(base)
            if band:
                return band
            found = self._via_lexicon(base)
            if found:  # read as its base word is: "cálida" as "cálido", with the embedding when attached
                return self._with_embedding(base, found) if embed else found
        # "glue", "ringing": no EQ's words, refused saying so (language/not_eq.py), never an embedding's guess
        if embed and self.open_vocabulary is not None and " " not in word and word not in NOT_EQ_WORDS:
            if self._is_typo(word):  # "wram" is warm mistyped, not a new word: the embedding read it as tinny
                return []
            return list(self.open_vocabulary.meanings(word))
        return []

    def _english(self) -> Callable[[str], bool]:
        """Whether a word is a common English word as it stands (MiniLM's word list unless the reader was given one)."""
        if self._is_dictionary_word is None:
            from eqmorph.language.wordlike import is_dictionary_word

            self._is_dictionary_word = is_dictionary_word
        return self._is_dictionary_word

    def _is_typo(self, word: str) -> bool:
        """:func:`eqmorph.language.typos.is_typo` against this reader's known words."""
        return is_typo(word, self.counts, self._english())

    def typo_reading(self, word: str, notes: list[str]) -> list[Meaning]:
        """:func:`eqmorph.language.typos.typo_reading` with this reader's meanings (no open-vocabulary guess)."""
        return typo_reading(word, lambda w: self.meanings(w, embed=False), self._english(), notes)

    def descriptor_meanings(self, term: str, notes: list[str], *, before: Sequence[str] = ()
                            ) -> tuple[str, list[Meaning]]:
        """``(negated stem, meanings)`` of a descriptor as the grammar reads it: a word whose affix negates a known one
        ("de-harsh", "mud-free": its stem, before an open vocabulary's guess at it), else the word itself ("can you" is
        no guess), else a typo of one known word ("brigher": brighter, said in ``notes``). ``before``: the clause's
        words before it. A slip of a known word that cannot be read so is refused with its suggestion when they deny
        or cut it (:mod:`eqmorph.language.denied_slips`: "not too mudy", "lose the mudd"), as it is alone ("less
        mudy"): left unread beside other words, "warmer, not mudy" dropped the denial with it and read as plain warm
        (a forty-fourth round). Not "bájele a esos agudos": Spanish "esos" is no slip to refuse."""
        negated, found = self.negated_meanings(term)
        notes.extend([f"{term}: read as less {negated}"] if negated else [])
        found = (found or self.meanings(term, embed=term not in FUNCTION_WORDS) or self.typo_reading(term, notes))
        if not found and " " not in term and denied(before) and (error := slip_error(
                term, self._is_typo, self._known_alone, lambda w: self._unknown([w]))) is not None:
            raise error
        return negated, found

    def _squeezed(self, tok: str) -> str:
        """``tok`` with a letter typed three or more times in a row said once or twice, twice when that is a word
        eqmorph knows: "sooo" is "so", "muuuy" "muy", "waaay" "way", "cooool" "cool" (a twenty-third trial: each
        was ignored, and "sooo muddy" asked for mud)."""
        if not _REPEATED.search(tok):
            return tok
        twice, once = _REPEATED.sub(r"\1\1", tok), _REPEATED.sub(r"\1", tok)
        for spelt in (twice, once):  # else as typed: an unknown "zzzqqq" is named as typed, not as "zq"
            if spelt in SQUEEZED_GRAMMAR or self.meanings(spelt, embed=False):
                return spelt
        return tok

    def tokens(self, clause: str) -> list[str]:
        """The clause's tokens; a hyphenated token that is no known form is its parts ("low-end", "less-muddy",
        "anti-muddy"), while "low-mids", "lo-fi", "de-ess" and "warm-ish" stay whole."""
        tokens = []
        if "-" in clause or "−" in clause:
            clause = _MINUS.sub(" less ", _TRAILING_MINUS.sub(" less", clause))
        raws = _TOKEN.findall(clause)
        for j, raw in enumerate(raws):
            # one apostrophe: "don’t" as typed on a phone is "don't" (the grammar's lists spell it so)
            tok = raw if db_amount(raw) is not None else self._squeezed(raw.strip("'’-").replace("’", "'"))
            tok = self._spoken_ado(_UNAPOSTROPHED.get(tok, tok))
            if tok in _ARE:
                tokens.extend(_ARE[tok])
                continue
            plain = tok.translate(_UNACCENTED)
            cuts = plain in SPANISH_CUTTING_FORMS or (plain in SPANISH_TAKING_OUT_FORMS and not _polishes(raws[j + 1:]))
            if cuts and tok not in LESS:  # "bajá", "bájenle", "sácale graves"
                tok = SPANISH_CUT
            # "the low end's too boomy"; "it's", "there's" are "it is" without a look-up (which loads LemmInflect)
            if len(tok) > 3 and tok[-2:] in ("'s", "’s") and (tok[:-2] in STOP or not self._is_form(tok)):
                tokens.extend([*self.tokens(tok[:-2]), "is"])
                continue
            # A minus before a number is its sign ("bass-3dB" is bass at -3 dB); other hyphens join words.
            parts = [p for p in _HYPHEN.split(tok) if p] if "-" in tok[1:] and db_amount(tok) is None else [tok]
            if len(parts) > 1 and not self._is_form(tok) and self._splits(parts):
                tokens.extend(parts)
            elif tok:
                tokens.append(tok)
        return tokens

    def _splits(self, parts: Sequence[str]) -> bool:
        """Whether a hyphenated token's ``parts`` are read apart: a multi-word term ("low-end"), or words and numbers
        with only words of direction, negation or degree before the last ("less-muddy", "anti-muddy", "bass-3dB").
        "mud-free", "de-mud", "bass-less" stay whole (:meth:`negated_meanings` reads them): read as parts, the part
        that negates ("free", "de", "less" after the word) was dropped, and they asked for more mud (a review)."""
        if tuple(parts) in self._multi:
            return True

        def word(part: str) -> bool:
            return db_amount(part) is not None or number_degree(part) is not None or self._is_form(part)

        def grammar(part: str) -> bool:
            return part in MORE or part in LESS or part in NOT or (part,) in OPPOSITE or (part,) in DEGREE_PHRASES

        return word(parts[-1]) and all(word(p) or grammar(p) for p in parts[:-1])

    def negated_meanings(self, word: str) -> tuple[str, list[Meaning]]:
        """``(stem, meanings)`` of a word eqmorph does not know whose affix negates one it knows ("de-harsh", "demud",
        "mud-free", "bass-less", "un-muddy", "non-boomy"): the word it negates and what that stands for, without the
        open vocabulary (an embedding's guess at a fragment is no reading); ``("", [])`` for any other word.
        The caller reads it as less of the stem: with the open vocabulary "de-harsh" was harsh x 0.51."""
        found = _NEGATING_AFFIX.fullmatch(word)
        if found is None or self.meanings(word, embed=False):  # "deess", "de-ess" are words of their own
            return "", []
        stem = found.group(1) or found.group(2)
        if not word.startswith(("de-", "un-", "non-")) and found.group(1):  # unhyphenated "de": off a flaw or a band
            flaws = [m for m in self.meanings(stem, embed=False)  # not Spanish "debajo", a crowd word
                     if m.word in FLAW_WORDS or m.how == "defined"]
            return (stem, flaws) if flaws else ("", [])
        meanings = self.meanings(stem, embed=False) if stem else []
        return (stem, meanings) if meanings else ("", [])

    def _spoken_ado(self, tok: str) -> str:
        """``tok`` with a Spanish past participle as spoken in the Caribbean and Andalusia ("embarrao", "chillaos")
        written out ("embarrado") when that is a word eqmorph knows and ``tok`` is not (unknown until a twenty-eighth
        trial)."""
        if len(tok) < 5 or not tok.endswith(("ao", "aos")) or self._is_form(tok):
            return tok
        written = f"{tok[:-1]}do" if tok.endswith("ao") else f"{tok[:-2]}dos"
        return written if self._is_form(written) else tok

    def _is_form(self, tok: str) -> bool:
        """A hyphenated token read whole: a word, a band word's or lexicon word's form, a stop-listed word."""
        return tok in stoplist() or bool(self.meanings(tok, embed=False))

    @functools.cached_property
    def _longest_phrases(self) -> dict[str, int]:
        """First token -> the longest degree phrase, "opposite" phrase or multi-word term starting with it (most tokens
        start none: one look-up; "se pierde en la mezcla" is five words)."""
        longest: dict[str, int] = {}
        for phrase in [*DEGREE_PHRASES, *AGAINST, *OPPOSITE, *self._multi]:
            longest[phrase[0]] = max(longest.get(phrase[0], 0), len(phrase))
        return longest

    def _term_at(self, tokens: Sequence[str], j: int) -> tuple[str, ...]:
        """The multi-word term starting at ``tokens[j]`` ("low end"), else that one token."""
        span = self._phrase_at(tokens, j)
        return span[0] if span and len(span[0]) > 1 and span[0] in self._multi else tuple(tokens[j:j + 1])

    def names_flaw(self, term: str) -> bool:
        """Whether ``term`` reads as a flaw word ("mud", "p pops", "siseo")."""
        return any(meaning.word in FLAW_WORDS for meaning in self.meanings(term, embed=False))

    def _known_alone(self, word: str) -> bool:
        """``word`` has a meaning of its own without the open vocabulary ("soften" is soft)."""
        return bool(self.meanings(word, embed=False))

    def _unknown(self, terms: Sequence[str]) -> UnknownWordError:
        """The error for a phrase whose words ``terms`` are unknown, with the nearest known spellings."""
        return phrase_unknown_error(terms, self.counts)


    def _phrase_at(self, tokens: Sequence[str], i: int) -> tuple[tuple[str, ...]] | None:
        """The longest degree phrase, "opposite" phrase or multi-word term starting at ``tokens[i]``, as a 1-tuple;
        else None."""
        longest = self._longest_phrases.get(tokens[i], 0) if i < len(tokens) else 0
        for n in range(min(len(tokens) - i, longest), 0, -1):
            words = tuple(tokens[i:i + n])
            if (words in DEGREE_PHRASES or words in AGAINST or words in OPPOSITE
                    or (n > 1 and words in self._multi)):
                return (words,)
        return None


def _polishes(rest: Sequence[str]) -> bool:
    """Whether the tokens after a form of "sacar" make the idiom "sacar (el/su/más) brillo", to bring out the shine
    (grammar_words.POLISH_WORDS), rather than a request to take something out."""
    words = list(rest[:2])  # lower case already (phrase_text.checked_text)
    if words and words[0] in ("el", "su", "más", "mas"):
        words = words[1:]
    return bool(words) and words[0] in POLISH_WORDS


__all__ = ["Neighbourhood", "WordReader", "band_meaning"]
