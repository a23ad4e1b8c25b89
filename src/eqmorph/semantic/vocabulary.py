"""A model's vocabulary and how text reaches it: exact spellings, phrases, band words, and what is known of a word.

The :class:`~eqmorph.semantic.morph.Morpher` turns words into EQs; this module answers which words
a text stands for (:meth:`Vocabulary.resolve`, through the phrase grammar of
:mod:`eqmorph.language.parse`) and what the model knows of one (:meth:`Vocabulary.word_info`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from eqmorph.errors import ParameterError, UnknownWordError, shown_value
from eqmorph.language.band_words import band_word, band_word_forms, find_band_words
from eqmorph.language.interpretation import Interpretation
from eqmorph.language.lemmas import shadowed_forms
from eqmorph.language.lexicon import lexicon_words
from eqmorph.language.open_vocab_hint import library_hint, reads_by_meaning
from eqmorph.language.parse import Parser
from eqmorph.language.spelling import fold, normalise_term, search, unknown_word_error
from eqmorph.language.stoplist import stoplist
from eqmorph.language.words import Neighbourhood
from eqmorph.model.checkpoint import Checkpoint
from eqmorph.model.wordinfo import WordInfo, word_infos, word_languages

# Crowd words that also name an EQ setting: "flat" is, to an engineer, the EQ that does nothing, while the crowd's
# "flat" (4 examples) is a sound with a bass cut and a mid lift. generate() gives the crowd's word, with a note
# (:meth:`Vocabulary.notes`); describe never says it (semantic/describe.py).
SETTING_WORDS = frozenset({"flat"})
# Crowd words whose studio meaning differs, and the note that says so when a text names one: the crowd's "air" (a few
# SAFE examples) is a lift near 5 kHz, the studio's air a shelf on the top octave, the band word "air band". The
# crowd's words come first (language/band_words.tsv), so the note points to the studio term rather than replace it.
STUDIO_MEANINGS = {
    "flat": "not an EQ that does nothing: for that, use intensity 0",
    "air": "not the studio's air: for a shelf above 10 kHz, say 'air band'",
    # "louder" gave the crowds' loud EQ (-5.5 dB at 10 kHz) with no word that it is no volume (a trial, 2026-12-04)
    "loud": "not a change of volume: an EQ shapes the tone; turn the gain up for a louder sound",
    "quiet": "not a change of volume: an EQ shapes the tone; turn the gain down for a quieter sound",
}
# How a meaning was reached that keeps the typed word's language: the word itself, its accents, a form, a synonym.
_SPELT = frozenset({"exact", "accents", "inflection", "synonym"})


class Vocabulary:
    """The words of one model and the way from typed text to them.

    ``open_vocabulary``: optional embedding fallback for unknown words (set before the first phrase is parsed).
    """

    def __init__(self, ckpt: Checkpoint, open_vocabulary: Neighbourhood | None = None) -> None:
        self.terms: list[str] = list(ckpt.terms)  # most examples first
        self.counts: dict[str, int] = {t: int(c) for t, c in zip(ckpt.terms, ckpt.counts)}
        self.index = {t: i for i, t in enumerate(self.terms)}  # word -> its row of the model's tables
        # Comparatives that give way to their base word ("brighter" -> more of "bright"; language/lemmas.py): they
        # stay in the vocabulary (their rows, counts and tables), but text naming them goes through the parser.
        self.shadowed: dict[str, str] = shadowed_forms(self.counts)
        self.exact = {t: i for t, i in self.index.items() if t not in self.shadowed}  # words text names directly
        # The pairing table's row of each word: a shadowed form ("brighter") is its base word at weight 1, so
        # its morphs pair as the base's do and a new pair with it costs no pairing either.
        self.table_rows = {**self.exact, **{t: self.index[base] for t, base in self.shadowed.items()}}
        self.open_vocabulary = open_vocabulary
        self._parser: Parser | None = None  # built on the first phrase: exact words never need it
        # A blend's largest move in dB, for a dB amount with a crowd word (Parser.peak_db; word_responses.peak_db,
        # set by the Morpher)
        self.peak_db: Callable[[Sequence[tuple[str, float]]], float] | None = None
        # Notes on kept words that keep most of a phrase's change (word_responses.kept_notes; set by the Morpher)
        self.kept_notes: Callable[[Interpretation], list[str]] | None = None
        # Notes on words of few examples unlike their translation (word_responses.few_examples_notes; the Morpher's)
        self.few_examples_notes: Callable[[Sequence[str], Sequence[str]], list[str]] | None = None
        # Notes on flaw words asked away whose crowd EQ lifts elsewhere when inverted (the Morpher's)
        self.inverted_lift_notes: Callable[[Sequence[tuple[str, float]], bool], list[str]] | None = None
        self._info = word_infos(ckpt)

    def lookup(self, word: str, index: Mapping[str, int] | None = None) -> str:
        """The vocabulary word ``word`` names exactly (``index``: default the words text may name directly)."""
        index = self.exact if index is None else index
        if not isinstance(word, str):
            raise ParameterError("word", word, "a text descriptor such as 'warm'")
        if word in index:
            return word
        norm = normalise_term(word)
        if norm in index:
            return norm
        raise unknown_word_error(word, self.counts)

    def resolve(self, word: str) -> list[tuple[str, float]]:
        """Known words and signed weights that stand for ``word``: itself, or the words of a phrase."""
        return self.reading(word)[0]

    def plain(self, text: str) -> tuple[str, float] | None:
        """``(word, weight)`` when ``text``'s EQ is one known word's scaled ("Warm", "a bit warmer": the word's own
        EQ or code stands in for it); None for a phrase whose EQ is more than that
        (:attr:`Interpretation.plain_word`: "harsh highs", "warm (safe)")."""
        return self.reading(text)[1]

    def reading(self, text: str) -> tuple[list[tuple[str, float]], tuple[str, float] | None]:
        """:meth:`resolve` and :meth:`plain` of ``text`` from one look-up or parse, for a caller that needs both."""
        try:
            word = self.lookup(text)
        except LookupError:
            meant = self.parse(text)
            return list(meant.weights), meant.plain_word
        return [(word, 1.0)], (word, 1.0)

    def parse(self, text: str) -> Interpretation:
        """How ``text`` is understood, e.g. ``less muddy -> muddy x -1.0`` (:mod:`eqmorph.language.parse`).

        Without an open vocabulary, a word it would read ("velvety") is refused with the hint that turns it on
        (:mod:`eqmorph.language.open_vocab_hint`)."""
        try:
            return self._reader().parse(text)
        except UnknownWordError as exc:
            if self.open_vocabulary is None and reads_by_meaning(exc, self.counts):
                exc.set_hint(library_hint())
            raise

    def _reader(self) -> Parser:
        """The parser of this vocabulary, built on first use."""
        if self._parser is None:
            self._parser = Parser(self.counts, self.open_vocabulary, self.shadowed)
            self._parser.peak_db = self.peak_db
        return self._parser

    def lexicon_terms(self) -> list[dict[str, Any]]:
        """Words the lexicon reads as this model's words (``language/lexicon.tsv``: "cálido" -> warm, caliente;
        "mud" -> muddy; "rough" -> the opposite of smooth), for a word picker to offer beside the vocabulary: each
        ``{"word", "means": [known words], "opposite": bool}``, alphabetical. Not the vocabulary's own words, the
        studio terms' spellings (listed as those) nor stop-listed things. The lexicon's reading alone, as
        ``Parser.lexicon_meanings`` gives it: an open vocabulary may blend its neighbours in when the word is asked."""
        parser = self._reader()
        skip = set(self.index) | band_word_forms() | stoplist()
        terms = []
        for word in sorted(lexicon_words(), key=lambda w: (fold(w), w)):  # "cálido" beside "calidez"
            meanings = [] if word in skip else parser.lexicon_meanings(word)
            if meanings:
                terms.append({"word": word, "means": [m.word for m in meanings],
                              "opposite": all(m.share < 0 for m in meanings)})
        return terms

    def word_info(self, word: str) -> WordInfo:
        """Count (in all, per crowd and per language), confidence, reliability and spread of a known word.

        Text that is no vocabulary word but a phrase or form the language layer reads ("cálido", "warmer") raises
        :class:`UnknownWordError` saying what it is read as, with the vocabulary words it stands for as suggestions.
        """
        try:
            return self._info[self.lookup(word, self.index)]
        except UnknownWordError as unknown:
            try:
                meant = self.parse(word)
            except (UnknownWordError, ParameterError):
                raise unknown from None  # not understood either: the spelling suggestions stand
        words = [w for w, _ in meant.weights if w in self.counts]
        band = band_word(word)
        if band is not None and not words:  # a studio term: nothing to count, its definition is the answer
            raise UnknownWordError(word, [], (
                f"{shown_value(word)} is a band word, a studio term eqmorph defines as an EQ move rather than "
                f"learns from a crowd (no examples, no confidence): {band.summary()}; word_info takes a "
                "vocabulary word"))
        raise UnknownWordError(word, [(w, self.counts[w]) for w in words], (
            f"{shown_value(word)} is not a vocabulary word, and word_info takes one vocabulary word; it is "
            f"understood as {meant}; ask about {' or '.join(shown_value(w) for w in words)}"))

    def words(self) -> list[WordInfo]:
        """Every known word, most examples first."""
        return [self._info[t] for t in self.terms]

    def search(self, text: str, limit: int) -> tuple[list[str], Interpretation | None]:
        """``eqmorph words --search`` and ``/api/words?search=``: up to ``limit`` words containing ``text`` (spelling
        search) and None; or, when none does, the vocabulary words the language layer reads ``text`` as ("cálido",
        "less muddy"; a band word has none) and that reading; ``([], None)`` when that reading is the open vocabulary's
        guess and a studio term's form starts with ``text`` (the caller lists those: "pres" read as 67 embedding
        neighbours). Raises the parser's error when ``text`` is none of these."""
        found = search(text, self.counts, limit)
        if found:
            return [w for w, _ in found], None
        meant = self.parse(text)
        guessed = any(m.how == "embedding" for piece in meant.pieces for m in piece.meanings)
        if guessed and find_band_words(text):  # "pres": the studio terms answer (the caller lists them)
            return [], None
        return [w for w, _ in meant.weights if w in self.counts], meant

    def language_of(self, understood: Interpretation) -> str | None:
        """``"en"`` or ``"es"`` when every descriptor of a phrase is a word of that language (a word's language is
        the one most of its examples were written in: :func:`~eqmorph.model.wordinfo.word_languages`; a studio term
        typed by an English form, "bass", is English, by a Spanish one, "agudos", Spanish), so a page can describe in
        the language the user typed; None when they mix languages or none can tell (a studio term named alike in both,
        "nasal", an open-vocabulary word, a word used as much in both)."""
        found: set[str] = set()
        for piece in understood.pieces:
            for meaning in piece.meanings:
                if meaning.how == "translation":
                    found.add("es")
                elif meaning.how in _SPELT and meaning.word in self._info:
                    languages = word_languages(self._info[meaning.word].counts_by_language)
                    if len(languages) == 1:
                        found |= languages
                elif meaning.how == "defined":
                    band = band_word(piece.term)
                    language = None if band is None else band.language_of(piece.term)
                    if language is not None:  # "bass" is English, "graves" Spanish: a page box's language
                        found.add(language)
        return found.pop() if len(found) == 1 else None

    def notes(self, text: str, source: str | None = None, understood: Interpretation | None = None) -> list[str]:
        """Sentences an answer for ``text`` says besides its EQ: a word the text names that also names an EQ setting
        or a studio term (``STUDIO_MEANINGS``) is the crowd's sound, not the setting or the term; with ``source``,
        each word ``text`` stands for that crowd never used (the model gives it both crowds' EQ there, docs/model.md;
        band words are the same for every crowd). ``understood``: ``text``'s interpretation when the caller has it
        (one parse, not two: an unknown word's is a text-model pass)."""
        word = normalise_term(text)
        if word in self.exact:
            named, standing, kept = [word], [word], []
        else:
            meant = understood or self.parse(text)
            source = source or meant.source  # "cold (safe)": the crowd the text names (unsaid until a trial)
            # Not the words an open-vocabulary guess blends in: "velvety" holds flat x 0.01, and was noted for it.
            named = [m.word for piece in meant.pieces for m in piece.meanings if m.how != "embedding"]
            standing = [w for w, _ in meant.weights]
            kept = [] if self.kept_notes is None else self.kept_notes(meant)
        setting = [f"{w!r} is the crowd's word for a sound ({self.counts[w]} examples), {STUDIO_MEANINGS[w]}"
                   for w in dict.fromkeys(named) if w in STUDIO_MEANINGS and w in self.counts]
        never = [] if source is None else [
            f"{source} never used {w!r}; using its EQ over both crowds" for w in standing
            if w in self._info and self._info[w].counts_by_source.get(source, 0) == 0]
        cut = [] if word in self.exact else [(w, x) for w, x in meant.weights if x < 0]
        few = [] if self.few_examples_notes is None else self.few_examples_notes(standing, [w for w, _ in cut])
        lifted = [] if not cut or self.inverted_lift_notes is None else self.inverted_lift_notes(
            cut, self.language_of(meant) == "es")
        return setting + never + kept + few + lifted


def terms_matching(terms: Sequence[dict[str, Any]], text: str | None) -> list[dict[str, Any]]:
    """The :meth:`Vocabulary.lexicon_terms` whose spelling holds ``text`` up to case and accents ("cal" finds
    cálido); all of them for no text or a blank one. One search for ``eqmorph words --search`` and ``/api/words``."""
    key = fold(text).lower().strip() if text is not None else ""
    return [t for t in terms if key in fold(t["word"]).lower()] if key else list(terms)


__all__ = ["SETTING_WORDS", "STUDIO_MEANINGS", "Vocabulary", "terms_matching"]
