"""The phrase grammar: "a bit brighter", "warm but not muddy", "un poco más cálido" -> :class:`Interpretation`.

A phrase is split into pieces at commas, semicolons and the conjunctions "and", "but", "y",
"pero" (and between two descriptors written one after the other: "more air less boomy").
Within a piece, degree words multiply the intensity, direction words set the sign, and the
descriptor is resolved to known words, first match wins:

1. exact (after NFC, case, surrounding punctuation and spaces are normalised);
2. accents: "frio" = "frío" when only one known word folds to it;
3. band word: a studio term for a region, defined as an EQ move ("presence", "sibilance", "rumble";
   :mod:`eqmorph.language.band_words`), only when the vocabulary lacks it;
4. inflection or derivation: "muddier", "boominess", "cálida" (:mod:`eqmorph.language.lemmas`);
5. lexicon: synonym, translation or antonym (:mod:`eqmorph.language.lexicon`), one or two hops;
6. embedding: the open vocabulary's learned neighbours, when one is attached; a slip of a known word
   ("wram") that is no English word is refused with the known word suggested instead.

The tables and the numbers are documented, and each row tested, in docs/language.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.language import lemmas, lexicon
from eqmorph.language.band_words import band_word, band_word_forms
from eqmorph.language.grammar_words import (
    AGAINST,
    APPROXIMATE_DEGREE,
    DEGREE_PHRASES,
    EXCESS,
    JOINERS,
    KEEP,
    LESS,
    LITOTES,
    MORE,
    NOR,
    NOT,
    OR,
    OVERRIDING_PARTICLES,
    PARTICLES,
    POSTFIX_DIRECTION,
    STOP,
    SUPERLATIVE_DEGREE,
)
from eqmorph.language.interpretation import Interpretation, Meaning, Piece, moving_pieces, piece_scale
from eqmorph.language.spelling import fold, typo_of, unknown_word_error
from eqmorph.language.stoplist import stoplist
from eqmorph.language.terms import normalise_term

MAX_TEXT_CHARS = 200  # longest text accepted: a descriptor phrase is a few words; the server answers 413 above it
MAX_PIECES = 8  # descriptors in one phrase; more is a paragraph, not an EQ request
MAX_DEGREE = 4.0  # stacked degree words stop here: the Morpher's MAX_INTENSITY, where gains pin to the range ends
SOURCES = ("socialfx", "safe")  # crowds a phrase may name: "warm (safe)", "safe: warm"

_SPLIT = re.compile(r"[;:/&+|\n]|,(?!\d)|(?<!\d),")  # a comma between digits is a decimal comma ("1,5x")
# A number as producers write a degree ("50%", "2x", "x1.5") is one token; words are letters and digits.
# "x 0.5" and "0.5 x" with a space too: the interpretation prints weights as "warm x 0.5", and people copy it.
# A bare number is one token too ("0.5" stays whole): a decimal ("0.5 warm") is a degree, an integer is not
# ("warm 3" might mean 3 dB), see _number_degree.
_NUMBER = (r"\d+(?:[.,]\d+)?\s?%|\d+(?:[.,]\d+)?\s?[x×](?![^\W_])|[x×]\s?\d+(?:[.,]\d+)?(?![^\W_])"
           r"|\d+(?:[.,]\d+)?(?![^\W_])")
_TOKEN = re.compile(_NUMBER + r"|[^\W_]+(?:['’-][^\W_]+)*")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s?%")
_TIMES = re.compile(r"(\d+(?:[.,]\d+)?)\s?[x×]|[x×]\s?(\d+(?:[.,]\d+)?)")
_DECIMAL = re.compile(r"(\d+[.,]\d+)")
# A minus sign written against a word, as on a console ("-warm", "+bright" is a split, see _SPLIT): less of it.
_MINUS = re.compile(r"(?:^|(?<=[\s(]))[-−](?=[^\W\d_])")
_SOURCE_TAG = re.compile(r"\(\s*(socialfx|safe)\s*\)|^\s*(socialfx|safe)\s*:|\b(?:from|in|en|de)\s+(socialfx|safe)\b")
# Characters a description is written with: letters, digits, spaces and the grammar's punctuation. Anything
# else ("SELECT * FROM", "<img src=x>", "a=b") is no description: refused, not sent to the embedding.
_NOT_TEXT = re.compile(r"[^\w\s,;:/&+|'’\-−×%.!?()\"“”«»¡¿]")
MAX_PHRASE_TOKENS = 3  # longest degree phrase or lexicon entry ("a little bit", "low end")


def _number_degree(token: str) -> float | None:
    """The multiplier a number token writes ("50%" 0.5, "2x", "x2" and "x 2" 2.0, "1,5x" and "0.5" 1.5 and 0.5);
    None for any other token, a bare integer included ("warm 3": 3 dB, 3 times or a preset's number?).

    A zero asks for nothing, so it is refused (the flat EQ is ``intensity=0``, not a phrase).
    """
    percent, times, decimal = _PERCENT.fullmatch(token), _TIMES.fullmatch(token), _DECIMAL.fullmatch(token)
    if percent is None and times is None and decimal is None:
        return None
    digits = (percent.group(1) if percent else decimal.group(1) if decimal
              else next(g for g in times.groups() if g))
    value = float(digits.replace(",", ".")) / (100.0 if percent else 1.0)
    if value <= 0.0:
        raise ParameterError("text", token, "a degree above 0, such as '50%' or '2x' (0 asks for no change)")
    return value


def _band_meaning(word: str) -> list[Meaning]:
    """``[band word]`` when ``word`` (normalised) spells one of :mod:`eqmorph.language.band_words`, else ``[]``."""
    band = band_word(word)
    return [] if band is None else [Meaning(band.name, 1.0, "defined", source=band.source)]


def _direction(tok: str, way: float) -> float:
    """The direction after direction word ``tok`` (a MORE or LESS word, or a particle), given the one so far.

    A less word sets less ("more less warm" asks for less); a more word sets more unless a direction was given;
    a particle gives its own direction alone ("roll off"), and after a verb "up"/"down" set it ("pull up") while
    "out"/"back"/"off" keep the verb's ("bring out", "add back"; grammar_words.PARTICLES).
    """
    if tok in LESS:
        return -1.0
    if tok in MORE:
        return way or 1.0
    if not way or tok in OVERRIDING_PARTICLES:
        return PARTICLES[tok]
    return way


class Neighbourhood(Protocol):
    """What the parser needs of an open vocabulary: signed known-word meanings of an unknown word,
    given what the lexicon made of it (``()`` if nothing); the answer may combine and damp both."""

    def meanings(self, word: str, lexicon_meanings: Sequence[Meaning] = ()) -> list[Meaning]: ...


class Parser:
    """Grammar plus the vocabulary of one model.

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
        self._multi = {tuple(w.split()) for w in [*self._known, *lexicon.lexicon_words(), *band_word_forms()]
                       if " " in w}

    # --- single words -------------------------------------------------------
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

    def meanings(self, word: str) -> list[Meaning]:
        """What ``word`` (normalised) stands for among known words; ``[]`` if nothing or if it names no sound."""
        if word in stoplist():  # an embedding finds neighbours for any text, "hello" included
            return []
        hit = self._known_word(word)
        if hit and hit[0] in self._shadowed:
            return [Meaning(self._shadowed[hit[0]], 1.0, "inflection")]
        if hit:
            return [Meaning(hit[0], 1.0, hit[1])]
        band = _band_meaning(word)  # before the lexicon and the embedding: a studio term means its defined move
        if band:
            return band
        found = self._via_lexicon(word)
        if found:
            return self._with_embedding(word, found)
        for base in lemmas.candidates(word):
            hit = self._known_word(base)
            if hit:
                return [Meaning(hit[0], 1.0, "inflection")]
            band = _band_meaning(base)
            if band:
                return band
            found = self._via_lexicon(base)
            if found:  # read as its base word is: "cálida" as "cálido", with the embedding when attached
                return self._with_embedding(base, found)
        if self.open_vocabulary is not None and " " not in word:
            if self._is_typo(word):  # "wram" is warm mistyped, not a new word: the embedding read it as tinny
                return []
            return list(self.open_vocabulary.meanings(word))
        return []

    def _is_typo(self, word: str) -> bool:
        """A slip of a known word ("wram", "brigth") that is not itself a common English word ("warn" is)."""
        if typo_of(word, self.counts) is None:
            return False
        if self._is_dictionary_word is None:
            from eqmorph.language.wordlike import is_dictionary_word

            self._is_dictionary_word = is_dictionary_word
        return not self._is_dictionary_word(word)

    # --- phrases --------------------------------------------------------------
    def parse(self, text: str) -> Interpretation:
        """The :class:`Interpretation` of ``text``; raises ParameterError or UnknownWordError if none."""
        if not isinstance(text, str):
            raise ParameterError("text", text, "a word or phrase such as 'warm' or 'less muddy'")
        if len(text) > MAX_TEXT_CHARS:
            raise ParameterError("text", text, f"at most {MAX_TEXT_CHARS} characters (this text has {len(text)})")
        odd = next((c for c in _NOT_TEXT.findall(text) if not unicodedata.category(c).startswith("M")), None)
        if odd:  # combining marks (a decomposed accent) belong to their letter
            raise ParameterError("text", text, f"words, spaces and , ; / & + ' - % . ! ? ( ) between them (it has "
                                               f"{odd!r}), e.g. 'warm' or 'a bit brighter, less muddy'")
        norm = normalise_term(text)
        source = None
        tag = _SOURCE_TAG.search(norm)
        if tag:
            source = next(g for g in tag.groups() if g)
            norm = _SOURCE_TAG.sub(" ", norm, count=1)
        pieces: list[Piece] = []
        ignored: list[str] = []
        unknown: list[str] = []
        capped = False
        for clause in _SPLIT.split(norm):
            tokens = [t.strip("'’-") for t in _TOKEN.findall(_MINUS.sub(" less ", clause))]
            tokens = [t for t in tokens if t]
            # sign: negations (not, too, rather than); way: the direction words' say (0 none, +1 more, -1 less)
            sign, degree, start, i, way, keep = 1.0, 1.0, 0, 0, 0.0, False
            after_piece = False  # the last token read closed a descriptor (a postfix may follow)
            pending: list[str] = []  # degree and direction words still waiting for their descriptor
            while i < len(tokens):
                tok = tokens[i]
                closes, after_piece = after_piece, False
                span = self._phrase_at(tokens, i)
                if span and span[0] in AGAINST:  # "bright rather than dark": the next piece is asked against
                    ignored.extend(pending)
                    sign, degree, i, pending, way = -1.0, 1.0, i + len(span[0]), [], 0.0
                    start = i
                    continue
                if span and span[0] in DEGREE_PHRASES:
                    degree *= DEGREE_PHRASES[span[0]]
                    if span[0] in EXCESS or span[0] in LITOTES:
                        sign = -sign
                    pending.extend(span[0])
                    i += len(span[0])
                    continue
                number = _number_degree(tok)
                postfix = self._postfix(tokens, i, closes, number)
                if postfix is not None:  # "warm x2", "treble cut": it changes the descriptor just before it
                    last = pieces[-1]
                    # "turn the bass down" sets the way ("pull the bass up" is a boost); "treble cut" turns it
                    way_set = abs(last.sign) if tok in OVERRIDING_PARTICLES else last.sign
                    pieces[-1] = replace(last, text=f"{last.text} {tok}", sign=way_set * postfix[0],
                                         degree=min(last.degree * postfix[1], MAX_DEGREE))
                    capped = capped or last.degree * postfix[1] > MAX_DEGREE
                    start = i = i + 1
                    after_piece = True
                    continue
                if number is not None:
                    degree *= number
                    pending.append(tok)
                    i += 1
                    continue
                if tok in JOINERS:
                    # "nor" negates the next piece; "or" carries a negation on ("not warm or bright")
                    negate = tok in NOR or (tok in OR and closes and pieces[-1].sign < 0)
                    ignored.extend(pending)
                    sign, degree, start, i, pending, way = -1.0 if negate else 1.0, 1.0, i + 1, i + 1, [], 0.0
                    keep = False
                    continue
                if tok in KEEP:
                    keep = True
                    pending.append(tok)
                    i += 1
                    continue
                if tok in NOT or tok in LESS or tok in MORE or tok in PARTICLES:
                    # Each negation flips the sign ("not not warm" is warm, "not less muddy" is muddy), but a
                    # "less" word says which way only once: "less less muddy" is a stammer, not "muddier".
                    if tok in LESS and way < 0:
                        ignored.append(tok)  # said so: "less less muddy" -> muddy x -1.0 (ignored: less)
                    else:
                        sign, way = (-sign, way) if tok in NOT else (sign, _direction(tok, way))
                        pending.append(tok)
                    i += 1
                    continue
                if tok in STOP:
                    i += 1
                    continue
                words = span[0] if span else (tok,)
                term = " ".join(words)
                found = self.meanings(term)
                if not found:
                    unknown.append(term)
                    i += len(words)
                    continue
                derived = found[0].how == "inflection"
                piece_degree = degree * (SUPERLATIVE_DEGREE if derived and lemmas.is_superlative(term) else
                                         APPROXIMATE_DEGREE if derived and lemmas.is_approximate(term) else 1.0)
                if piece_degree > MAX_DEGREE:
                    piece_degree, capped = MAX_DEGREE, True
                pieces.append(Piece(" ".join(tokens[start:i + len(words)]), term,
                                    0.0 if keep else (-sign if way < 0 else sign),
                                    1.0 if keep else piece_degree, tuple(found)))
                i += len(words)
                # modifiers belong to the descriptor they precede
                sign, degree, start, pending, way, keep = 1.0, 1.0, i, [], 0.0, False
                after_piece = True
                continue
            ignored.extend(pending)
        if len(pieces) > MAX_PIECES:
            raise ParameterError("text", text, f"at most {MAX_PIECES} descriptors (this text has {len(pieces)})")
        if not pieces:
            if unknown:
                raise self._unknown(unknown[0])
            raise ParameterError("text", text, "at least one descriptor word, e.g. 'warm', 'a bit brighter' "
                                               "or 'un poco más cálido'")
        return self._interpretation(text, pieces, source, tuple(ignored + unknown), capped)

    @staticmethod
    def _postfix(tokens: Sequence[str], i: int, after_piece: bool, number: float | None) -> tuple[float, float] | None:
        """``(sign, degree)`` when ``tokens[i]`` is a direction word or number closing the descriptor just read.

        It must follow a descriptor directly (``after_piece``) and end the clause or come before a
        conjunction, so "cut the bass" and "2x warmer" keep reading forwards.
        """
        if not after_piece or (number is None and tokens[i] not in POSTFIX_DIRECTION):
            return None
        if i + 1 < len(tokens) and tokens[i + 1] not in JOINERS:
            return None
        return (1.0, number) if number is not None else (POSTFIX_DIRECTION[tokens[i]], 1.0)

    def _unknown(self, term: str) -> UnknownWordError:
        if term in stoplist():
            return UnknownWordError(term, [], message=(
                f"{term!r} names no sound: it is on eqmorph's stop list of descriptors that are not about "
                "sound (instruments, genres, things, greetings, codes); say how it should sound, e.g. "
                "'warm' or 'a bit brighter'"))
        return unknown_word_error(term, self.counts)

    def _phrase_at(self, tokens: Sequence[str], i: int) -> tuple[tuple[str, ...]] | None:
        """The longest degree phrase or multi-word term starting at ``tokens[i]``, as a 1-tuple; else None."""
        for n in range(min(MAX_PHRASE_TOKENS, len(tokens) - i), 0, -1):
            words = tuple(tokens[i:i + n])
            if words in DEGREE_PHRASES or words in AGAINST or (n > 1 and words in self._multi):
                return (words,)
        return None

    @staticmethod
    def _interpretation(text: str, pieces: list[Piece], source: str | None, ignored: tuple[str, ...],
                        capped: bool) -> Interpretation:
        totals: dict[str, float] = {}
        n = moving_pieces(pieces)
        for p in pieces:
            for m in p.meanings:
                if p.sign != 0:
                    totals[m.word] = totals.get(m.word, 0.0) + piece_scale(p, n) * m.share
        notes = [f"degree capped at {MAX_DEGREE:g}"] if capped else []
        meant = Interpretation(text, tuple(pieces), (), source, ignored)
        asked = [p.term for p in pieces if p.sign > 0]
        denied = [p.term for p in pieces if p.sign < 0 and p.term not in asked]  # a word asked both ways cancels
        if meant.contrast and denied:  # language/compose.py: phrase_params
            notes.append(f"{', '.join(denied)}: only what {'it adds' if len(denied) == 1 else 'they add'} to "
                         f"{', '.join(asked)} is taken away")
        kept = [p.term for p in pieces if p.sign == 0]
        if kept:
            notes.append(f"{', '.join(kept)}: kept as {'it is' if len(kept) == 1 else 'they are'} (what the other "
                         f"words would change there is left out)")
        cancelled = [w for w, v in totals.items() if abs(v) < 1e-9]
        if cancelled:
            notes.append("cancel out: " + ", ".join(cancelled))
        weights = sorted(((w, v) for w, v in totals.items() if abs(v) >= 1e-9), key=lambda wv: -abs(wv[1]))
        if not weights and not cancelled:
            raise ParameterError("text", text, f"a change as well as what to keep ({', '.join(kept)}), e.g. "
                                               "'brighter but keep the low end'")
        if not weights:
            raise ParameterError("text", text, "descriptors that do not cancel each other out "
                                               f"({', '.join(cancelled)} asked for both ways)")
        return Interpretation(text, tuple(pieces), tuple(weights), source, ignored, tuple(notes))
