"""From an EQ back to words: how much each known word's sound is in it, and a short phrase.

Every word's sound is its EQ's dB response on the fit grid; an EQ scores, for each word, the agreement of the
shapes (a cosine), scaled down only for an EQ too faint to hear clearly (:mod:`eqmorph.semantic.word_scores`): 1 is
the word's own shape, a negative score the opposite sound ("less muddy").

The phrase says only sound words the crowd agrees on: not words of feeling or judgement ("happy", "feo",
"melodic": ``language/feelings.txt``), nor words whose examples disagree, nor a translated word whose crowd EQ
contradicts its dictionary sense (:mod:`eqmorph.semantic.translations`), unless the EQ has that word's own shape
and no sayable word has it too. In Spanish, an English word may speak by its dictionary name ("cálido" for warm)
when that name reads back as its sound (the same module). The band words ("treble", "bass", "presence":
:mod:`eqmorph.language.band_words`) are words too, defined moves said as "more treble"
(:mod:`eqmorph.semantic.wording`). ``describe`` ranks every word.

The phrase's words and their amounts are found by matching pursuit (:mod:`eqmorph.semantic.pursuit`), so
``m.generate(m.describe_text(eq))`` reads the phrase back (benchmarks/match_describe.py measures how close).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.eq import EQ, check_eq
from eqmorph.errors import ParameterError
from eqmorph.io.apo import as_saved
from eqmorph.language.band_words import band_words
from eqmorph.language.stoplist import feeling_words
from eqmorph.model.wordinfo import word_languages
from eqmorph.semantic.bands import band_points, words_in_band
from eqmorph.semantic.pursuit import FLAT_RMS_DB, LEVEL_DIRECTIONS, SELF_DESCRIBING_COS, changed_words, phrase_amounts
from eqmorph.semantic.pursuit import NEGATION_WEIGHT as NEGATION_WEIGHT  # re-exported: the tests read it here
from eqmorph.semantic.translations import contradicts_its_translations, spanish_names
from eqmorph.semantic.vocabulary import SETTING_WORDS
from eqmorph.semantic.word_scores import AUDIBLE_RMS_DB, distinct_words, norms_and_units, word_scores
from eqmorph.semantic.wording import comparison, name_in, phrase

DESCRIBE_GRID_POINTS = 128  # 12.8 per octave: finer than any 5-band EQ's detail, half the cost of 256
# Words that name loudness. A level-free description (a match: its level is the fit's choice) never says
# them: "the reference is quieter" reads as loudness, whatever shape the crowd's "quiet" had.
LEVEL_WORDS = frozenset({*LEVEL_DIRECTIONS, "fuerte", "alto"})
# A phrase only uses words the crowd agrees on (word_info confidence, docs/model.md): a word whose
# examples disagree ("pleasant", split-half reliability below 0) names no sound a reader could expect.
# 0.2 keeps about half of the bundled vocabulary, every word with a reliable crowd mean and >= 5 examples. Such a word
# still names an EQ of its own shape (pursuit.SELF_DESCRIBING_COS), whatever its confidence.
MIN_PHRASE_CONFIDENCE = 0.2
MIN_PHRASE_VOCABULARY = 3  # a smaller model (tests, a new crowd) has no confident words yet: then all may speak
# Band words that name a noise, an effect or an action, not a tone: a phrase never says them, even for their own shape
# (a treble shelf at 8 kHz read "more hiss", a user trial; "more low cut" says "less bass" backwards); describe still
# ranks them. "scoop" (bass and treble up, mids down) is said by its parts: "more scoop" beside "a bit more mids" for
# a bass and treble boost read as nonsense. A noise may still be said taken away ("less hum": pursuit.SAID_AS_CUTS).
UNSAID_BAND_WORDS = frozenset({"hiss", "rumble", "hum", "plosives", "lo-fi", "low cut", "high cut", "de-ess",
                               "scoop"})


class WordModel(Protocol):
    """What :class:`Describer` needs from a model (``eqmorph.semantic.morph.Morpher`` has it)."""

    terms: list[str]

    def generate_params(self, word: str, intensity: float = 1.0, *, source: str | None = None) -> np.ndarray: ...

    def word_info(self, word: str) -> WordConfidence: ...


class WordConfidence(Protocol):
    """What :class:`Describer` reads of a word's info: how much the crowd agrees on it (0..1), who used it, in
    which languages."""

    confidence: float
    counts_by_source: Mapping[str, int]
    counts_by_language: Mapping[str, int]


# An EQ whose level change is more than this many times its shape's RMS is mostly a gain: no word of the bundled
# vocabulary comes near (the most level-heavy, lo-fi, has 1.7: -5.9 dB mean, 3.5 dB of shape).
LEVEL_DOMINATED = 2.0


def level_only_db(response_db: np.ndarray) -> float | None:
    """The level change of a response ``(F,)`` that is mostly a gain, else None: its shape (the response less its
    mean) fainter than ``AUDIBLE_RMS_DB`` while its mean is not, or its mean more than ``LEVEL_DOMINATED`` times the
    shape's RMS. Such an EQ is judged by its shape (``Describer.response``): judged as it was, a flat +6 dB read as
    "much more bass, bright, more low mids", since every word that mostly boosts shares its sign, and +6 dB with a
    2 dB bell at 3 kHz as "much more mids, much more treble, more bass" (a new-user trial, 2026-12-04)."""
    mean = float(response_db.mean())
    shape = float(np.sqrt(np.mean((response_db - mean) ** 2)))
    gain = shape < AUDIBLE_RMS_DB <= abs(mean) or abs(mean) > LEVEL_DOMINATED * shape
    return mean if gain else None


@dataclass(frozen=True)
class Describer:
    """Word responses of one model, ready to describe EQs.

    responses_db ``(W, F)``: each word's EQ response on ``freqs_hz`` ``(F,)``; norms_db ``(W,)``
    their RMS; units ``(W, F)`` the responses divided by their norms and by F, so that
    ``units @ x`` is ``cos(x, r_w) * |x|`` for a response ``x``; basis ``(3, F)``: the grid's
    :func:`eqmorph.core.dsp.phi_basis`, made once so an EQ's response is one small product;
    speakable ``(W,)``: the words a phrase may use (``describe`` ranks them all; a word outside it may still
    name an EQ of its exact shape); centred: whether responses (the words' and the described EQ's) have their
    mean over the grid removed (:attr:`level_free`); muted ``(W,)``: words a phrase never says, even for their
    own shape (in a level-free describer, the ``LEVEL_WORDS``; ``None`` at construction: none); languages ``(W,)``: the
    languages each word was used in ("en", "es"; from the model's word info), ``None`` when unknown; spanish_names:
    gives the Spanish names of English words (:attr:`spanish`), found on the first Spanish description.
    """

    terms: tuple[str, ...]
    freqs_hz: np.ndarray
    sample_rate: float
    responses_db: np.ndarray
    norms_db: np.ndarray
    units: np.ndarray
    basis: np.ndarray
    speakable: np.ndarray
    centred: bool = False
    muted: np.ndarray | None = None
    languages: tuple[frozenset[str], ...] | None = None
    language: str | None = None  # the language a phrase is worded in ("es": "un poco suave"); None: English
    spanish_names: Callable[[], Mapping[str, str]] = dict
    _in_language: dict[str, Describer] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.muted is None:
            object.__setattr__(self, "muted", np.zeros(len(self.terms), dtype=bool))

    @functools.cached_property
    def where_weights(self) -> np.ndarray:
        """``(W, F)``: ``where_weights @ x`` is the mean move of a response ``x`` where each word acts, weighted by
        the word's own move (dB, + where the word boosts): what :mod:`eqmorph.semantic.pursuit` checks a later word
        against. Made once per describer (every description used it)."""
        r = self.responses_db
        return r * np.abs(r) / np.maximum(np.sum(r * r, axis=1, keepdims=True), 1e-12)

    @functools.cached_property
    def band_word_rows(self) -> np.ndarray:
        """``(W,)``: which words are band words ("bass", "presence"), whose phrase names their region's move."""
        return np.isin(self.terms, list(band_words()))

    @functools.cached_property
    def level_directions(self) -> np.ndarray:
        """``(W,)``: +1 for a word of loudness ("loud"), -1 for one of quietness ("quiet"), else 0."""
        return np.array([LEVEL_DIRECTIONS.get(t, 0) for t in self.terms], dtype=np.float64)

    @property
    def spanish(self) -> Mapping[str, str]:
        """The Spanish names of English words ("warm": "cálido"; :mod:`eqmorph.semantic.translations`), which make
        them words of Spanish descriptions too; ``{}`` for a describer built from parameters alone."""
        return self.spanish_names()

    @classmethod
    def from_model(cls, model: WordModel, source: str | None = None) -> Describer:
        """Compute every word's response once (about a millisecond per word).

        source: describe in crowd ``source``'s words: the words that crowd used, with its EQs for them
        (``model.generate_params(w, source=source)``); ``None``, the default, in both crowds' words.
        Cross-validation measures both (docs/model.md).
        """
        infos = {t: model.word_info(t) for t in model.terms}
        terms = tuple(model.terms)
        if source is not None:
            # A word the crowd never used has both crowds' EQ there (docs/model.md): not that crowd's word.
            terms = tuple(t for t in terms if infos[t].counts_by_source.get(source, 0) > 0)
            if not terms:
                raise ParameterError("source", source, "a crowd that used at least one of the model's words")
        params = np.stack([model.generate_params(t, source=source) for t in terms])
        # A comparative that gives way to its base word ("brighter": more of bright) is never said in a phrase, nor is
        # a word of feeling ("happy", "feo": language/feelings.txt), unless the EQ has its own shape.
        unsaid = set(getattr(model, "shadowed", {})) | feeling_words()
        confidence = np.array([0.0 if t in unsaid else infos[t].confidence for t in terms])
        languages = tuple(word_languages(infos[t].counts_by_language) for t in terms)
        # A setting word ("flat") is never said: "sounds like: flat" would read as an EQ that does nothing.
        crowd = replace(cls.from_params(terms, params, confidence), languages=languages,
                        muted=np.isin(terms, list(SETTING_WORDS)))
        contradicted = contradicts_its_translations(crowd)
        crowd = replace(crowd, speakable=crowd.speakable & ~contradicted)
        # Found on first use (tens of milliseconds of parsing): English descriptions and matches never need them.
        names = functools.cache(lambda: spanish_names(model, crowd, source))
        return replace(crowd, spanish_names=names).with_band_words()

    def with_band_words(self) -> Describer:
        """This describer with the band words ("treble", "bass", "presence"; :mod:`eqmorph.language.band_words`)
        added: defined moves, sayable (as "more treble", or "más agudos" for those with a Spanish name), the same in
        every crowd's describer.

        A crowd word for a plain region move is often no name for it: before them, a +6 dB treble shelf was "less
        claro, a bit smooth, a bit bright" and a presence bell "a bit calm" (a user trial, 2026-12-02).
        """
        defined = {name: word.params() for name, word in band_words().items() if name not in self.terms}
        if not defined or self.centred:
            return self
        responses = np.concatenate([self.responses_db, dsp.response_db_np(
            np.stack([as_saved(p) for p in defined.values()]), self.freqs_hz, self.sample_rate)])
        # A band word with a Spanish name ("agudos") speaks in Spanish descriptions too (wording.phrase says the name).
        languages = None if self.languages is None else (*self.languages, *[
            frozenset({"en", "es"} if band_words()[name].spanish else {"en"}) for name in defined])
        return Describer((*self.terms, *defined), self.freqs_hz, self.sample_rate, responses,
                         *norms_and_units(responses), self.basis,
                         np.concatenate([self.speakable, np.ones(len(defined), dtype=bool)]),
                         muted=np.concatenate([self.muted, np.isin(list(defined), list(UNSAID_BAND_WORDS))]),
                         languages=languages,
                         language=self.language, spanish_names=self.spanish_names)

    @classmethod
    def from_params(cls, terms: tuple[str, ...], params: np.ndarray,
                    confidence: np.ndarray | None = None) -> Describer:
        """From words, their EQs ``(W, 5, 3)`` and optionally their confidences ``(W,)`` (phrase words)."""
        freqs = dsp.log_freq_grid(DESCRIBE_GRID_POINTS)  # the fit grid's span, 20 Hz-20 kHz
        # Each word's EQ as a preset keeps it, as every described EQ is (``response``): a word's own EQ scores 1.
        saved = np.stack([as_saved(p) for p in np.asarray(params, dtype=np.float64)])
        responses = dsp.response_db_np(saved, freqs, ANALYSIS_SAMPLE_RATE)
        basis = dsp.phi_basis(np, freqs, ANALYSIS_SAMPLE_RATE)
        speakable = np.ones(len(terms), dtype=bool)
        if confidence is not None:
            confident = np.asarray(confidence, dtype=np.float64) >= MIN_PHRASE_CONFIDENCE
            if confident.sum() >= MIN_PHRASE_VOCABULARY:
                speakable = confident
        return cls(terms, freqs, ANALYSIS_SAMPLE_RATE, responses, *norms_and_units(responses), basis, speakable)

    @functools.cached_property
    def level_free(self) -> Describer:
        """This describer judging shapes only: every response, the words' and the described EQ's, less its mean dB.

        For EQs whose overall level means nothing, such as a match between two recordings (its level is
        the fit's choice, not the reference's): a treble boost and a bass cut of the same tilt are the
        same "brighter" there, while the plain describer also hears the cut's lower level ("quieter").
        """
        if self.centred:
            return self
        shapes = self.responses_db - self.responses_db.mean(axis=1, keepdims=True)
        return Describer(self.terms, self.freqs_hz, self.sample_rate, shapes, *norms_and_units(shapes), self.basis,
                         self.speakable, centred=True, muted=self.muted | np.isin(self.terms, list(LEVEL_WORDS)),
                         languages=self.languages, language=self.language, spanish_names=self.spanish_names)

    def within(self, band_hz: tuple[float, float] | None) -> Describer:
        """This describer judging only the grid points in ``band_hz`` ``(low, high)``; ``None``: itself.

        For a match: where neither recording has sound (above a band-limited file's roll-off), what the fitted
        EQ does is no difference anyone hears, and its shelves run on there. Two recordings with nothing above
        7 kHz were "airier" by the EQ's top octaves (a user trial). A band narrower than about 2/3 of an octave (a
        match may cover less) is widened to that around its centre, and a word whose sound lies mostly outside the
        band is left out (:mod:`eqmorph.semantic.bands`).
        """
        if band_hz is None:
            return self
        keep = band_points(band_hz, self.freqs_hz)
        words = words_in_band(self.responses_db, keep, AUDIBLE_RMS_DB)
        responses = self.responses_db[words][:, keep]
        if self.centred:
            responses = responses - responses.mean(axis=1, keepdims=True)
        norms_db, units = norms_and_units(responses)
        return replace(self, terms=tuple(self.terms[i] for i in words), freqs_hz=self.freqs_hz[keep],
                       responses_db=responses, norms_db=norms_db, units=units, basis=self.basis[:, keep],
                       speakable=self.speakable[words], muted=self.muted[words],
                       languages=None if self.languages is None else tuple(self.languages[i] for i in words),
                       _in_language={})

    def in_language(self, language: str) -> Describer:
        """This describer with only the words used in ``language`` ("en", "es"), built once per language.

        For sentences in one language: "the reference is brighter" says English words, not "more ligero". Every
        word, worded in ``language``, when the words' languages are unknown (:meth:`from_params`) or fewer than
        ``MIN_PHRASE_VOCABULARY`` remain.
        """
        found = self._in_language.get(language)
        if found is None:
            # A word with no recorded language (a small model's) may speak in any; the band words, always there,
            # do not count towards the words a language needs.
            keep = np.array([language in langs or not langs or (language == "es" and t in self.spanish)
                             for t, langs in zip(self.terms, self.languages or ())], dtype=bool)
            crowd = ~np.isin(self.terms, list(band_words()))
            if self.languages is None or (keep & crowd).sum() < MIN_PHRASE_VOCABULARY:
                # Every word, still worded in the language asked for ("más agudos"): SAFE's words are all English.
                found = self if self.language == language else replace(self, language=language, _in_language={})
            else:
                rows = np.flatnonzero(keep)
                found = Describer(tuple(self.terms[i] for i in rows), self.freqs_hz, self.sample_rate,
                                  self.responses_db[rows], self.norms_db[rows], self.units[rows], self.basis,
                                  self.speakable[rows], self.centred,
                                  self.muted[rows],
                                  tuple(self.languages[i] for i in rows), language, self.spanish_names)
            self._in_language[language] = found
        return found

    # --- scores -------------------------------------------------------------------------
    def response(self, eq: EQ) -> np.ndarray:
        """``eq``'s dB response ``(F,)`` on this grid (one EQ: designed on Python floats, one logarithm). An EQ that
        changes the level with no audible change of shape is judged by its shape alone (``level_only_db``). The EQ is
        judged as a saved preset keeps it (:func:`eqmorph.io.apo.as_saved`: gains to 0.01 dB, frequencies to 0.1 Hz),
        so an EQ and its saved-then-loaded preset are described alike."""
        x = dsp.basis_response_db_np(as_saved(check_eq(eq).to_array()), self.basis, self.sample_rate)
        return x - x.mean() if self.centred or level_only_db(x) is not None else x

    def scores_of(self, responses_db: np.ndarray) -> np.ndarray:
        """Scores ``(..., W)`` of responses ``(..., F)`` (:mod:`eqmorph.semantic.word_scores`)."""
        return word_scores(self.units, responses_db)

    def scores(self, eq: EQ) -> np.ndarray:
        """Scores ``(W,)`` of ``eq``, in the order of ``terms``."""
        return self.scores_of(self.response(eq))

    @functools.cached_property
    def distinct(self) -> np.ndarray:
        """``(W,)``: the first word of each distinct EQ. A comparative that gives way to its base word
        ("brighter": more of bright) has the base's EQ and score, so a top-k answer lists only one of them."""
        return distinct_words(self.responses_db)

    def describe(self, eq: EQ, k: int | None = 5) -> list[tuple[str, float]]:
        """The ``k`` best-fitting words as ``(word, score)``, highest score first, each distinct EQ once (a
        word with another's exact EQ is left out); ``k=None`` ranks every word of the vocabulary. A describer in
        Spanish (:meth:`in_language`) says words by their Spanish names (:meth:`name`), which ``generate`` reads."""
        n = len(self.terms)
        if k is not None and (isinstance(k, bool) or not isinstance(k, int | np.integer) or not 1 <= k <= n):
            raise ParameterError("k", k, f"an integer from 1 to {n} (the words a description ranks: the vocabulary "
                                         "and the studio terms), or None for all")
        s = self.scores(eq)
        if k is None:
            order = np.argsort(-s, kind="stable")
        else:
            listed = np.flatnonzero(self.distinct)
            k = min(k, len(listed))
            top = listed[np.argpartition(-s[listed], k - 1)[:k]]
            order = top[np.argsort(-s[top], kind="stable")]
        return [(self.name(self.terms[i]), float(s[i])) for i in order]

    def name(self, term: str) -> str:
        """``term`` as this describer's language says it: in Spanish, an English word by its Spanish name ("cálido")
        and a band word by its own ("agudos"); else the word itself."""
        if self.language == "es" and term in self.spanish:
            return self.spanish[term]
        return name_in(term, self.language)

    # --- phrase -------------------------------------------------------------------------
    def amounts(self, eq: EQ) -> dict[str, float]:
        """The few words and signed amounts whose EQs add up to ``eq``'s sound, in units of each word's own EQ (1 the
        word, 0.5 half of it, -1 its opposite); empty for a flat EQ (:func:`eqmorph.semantic.pursuit.phrase_amounts`).
        """
        return phrase_amounts(self, eq)

    def text(self, eq: EQ) -> str:
        """A short phrase for ``eq``, e.g. "warm, a bit less harsh"; "" for a flat EQ."""
        # A crowd word's Spanish name is said as an adjective; a band word keeps its key, for phrase's noun wording.
        names = self.spanish if self.language == "es" else {}
        return phrase({names.get(w, w): a for w, a in self.amounts(eq).items()}, self.language)

    def changes(self, eq: EQ) -> list[tuple[str, float]]:
        """The phrase's words with their scores on ``eq``, highest ``|score|`` first: what ``eq`` changes, without the
        words the pursuit needed only to correct the others (:func:`eqmorph.semantic.pursuit.changed_words`)."""
        return changed_words(self, eq)

    def compare(self, eq: EQ, subject: str = "the reference", band_hz: tuple[float, float] | None = None) -> str:
        """What a match ``eq`` changes, as one English sentence: "the reference is brighter (0.97) and less boomy
        (0.42)", in the English words (:meth:`in_language`).

        Judged on shape alone (:attr:`level_free`): a match's level is the fit's choice, not a sound; and with
        ``band_hz``, only in the band the match covers (:meth:`within`, ``MatchResult.band_hz``).
        The CLI's ``eqmorph match`` and the web app's match say the same sentence.
        """
        describer = self.in_language("en").within(band_hz).level_free
        x = describer.response(eq)
        rms_db = float(np.sqrt(x @ x / len(x)))
        if FLAT_RMS_DB <= rms_db < AUDIBLE_RMS_DB:  # a word's score would only say how faint the difference is
            return f"{subject} sounds about the same in tone (the differences are under {AUDIBLE_RMS_DB:g} dB)"
        return comparison(describer.changes(eq), subject)


LANGUAGES = ("en", "es")  # what in_language and the describe calls' language= take
# The language Morpher.describe and describe_text speak unless asked, as `eqmorph describe` and /api/describe do: an
# English phrase's EQ read "a bit fuerte" in Python and "a bit loud" on the command line (a new-user trial).
DEFAULT_LANGUAGE = "en"


def sound_words(ranked: list[tuple[str, float]], k: int | None = None) -> list[tuple[str, float]]:
    """A ranking (``describe(eq, None)``) without the words of feeling ("scary", "feo": ``language/feelings.txt``),
    which name no sound, cut to its first ``k``: what the CLI and the web page list, as the phrase says none, unless
    the EQ has the word's own shape (``SELF_DESCRIBING_COS``), which the phrase then says: SocialFX's warm is
    "very romantic" (0.99), and the list left romantic out under that headline (a new-user trial, 2026-12-04)."""
    unsaid = feeling_words()
    said = [(w, s) for w, s in ranked if w not in unsaid or abs(s) >= SELF_DESCRIBING_COS]
    # a word with another's exact EQ ("brighter" gives way to bright) scores the same: listed once, as describe(k)
    # does (the CLI's list showed bright and brighter, +0.77 both: a new-user trial, 2026-12-04)
    return [(w, s) for n, (w, s) in enumerate(said) if n == 0 or abs(s - said[n - 1][1]) > 1e-9][:k]


__all__ = ["DEFAULT_LANGUAGE", "Describer", "LANGUAGES", "level_only_db", "sound_words", "word_languages"]
