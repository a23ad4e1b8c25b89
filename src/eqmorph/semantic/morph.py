"""Morphing with a trained model: words to EQs, blends, variations and edits.

The model's network and its words' latent codes are :class:`eqmorph.semantic.latent.LatentModel`'s, which
:class:`Morpher` extends with words: everything runs on numpy; torch is only needed to train.

Intensity scales the decoded gains (dB), as the Audealize "amount" does: 0 is the flat EQ,
1 the word, above 1 exaggerates, negative values invert. Frequencies and Qs are the word's.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core.eq import EQ, check_flag
from eqmorph.errors import ParameterError
from eqmorph.language.band_words import band_params
from eqmorph.language.compose import phrase_params, signed_blend_params
from eqmorph.language.interpretation import Interpretation
from eqmorph.language.words import Neighbourhood
from eqmorph.model import checkpoint
from eqmorph.model.checkpoint import Checkpoint
from eqmorph.model.wordinfo import WordInfo
from eqmorph.semantic.cache import Bounded, read_only
from eqmorph.semantic.edit import EDIT_METHODS as EDIT_METHODS  # re-exported: the methods Morpher.edit takes
from eqmorph.semantic.edit import edit_eq
from eqmorph.semantic.latent import LatentModel
from eqmorph.semantic.path import MAX_INTENSITY, MorphPath, capped_intensity, check_alphas, latent_mix, scale_gains
from eqmorph.semantic.path import check_number as _check_number
from eqmorph.semantic.sample import sample_eqs
from eqmorph.semantic.vocabulary import Vocabulary
from eqmorph.semantic.word_responses import few_examples_notes, inverted_lift_notes, kept_notes, peak_db

if TYPE_CHECKING:  # imported on first use by Morpher.describer: generating a word's EQ does not need it
    from eqmorph.semantic.describe import Describer
    from eqmorph.semantic.pairings import PairingLookup

INTERPOLATIONS = ("latent", "slerp", "params")
DEFAULT_INTERPOLATION = "params"  # the most monotonic morph in benchmarks/morph_quality.py


class Morpher(LatentModel):
    """A trained model ready to turn words into EQs.

    Satisfies the evaluation protocol (``terms``, ``latent_dim``, ``encode_params``,
    ``decode_params``, ``centroid``, ``generate_params``).
    """

    def __init__(self, ckpt: Checkpoint, *, open_vocabulary: Neighbourhood | None = None) -> None:
        self.checkpoint = ckpt
        self.vocabulary = Vocabulary(ckpt, open_vocabulary)
        self.vocabulary.peak_db = functools.partial(peak_db, self)
        self.vocabulary.kept_notes = functools.partial(kept_notes, self)
        self.vocabulary.few_examples_notes = functools.partial(few_examples_notes, self)
        self.vocabulary.inverted_lift_notes = functools.partial(inverted_lift_notes, self)
        super().__init__(ckpt, self.vocabulary.index, self.vocabulary.counts)
        self.terms, self.counts, self.shadowed = self.vocabulary.terms, self.vocabulary.counts, self.vocabulary.shadowed
        self._exact = self.vocabulary.exact
        self._table_rows = self.vocabulary.table_rows
        self.word_map = np.asarray(ckpt.word_map, dtype=np.float64)
        self._cache = Bounded()  # str -> read-only (5, 3) EQ of a phrase or spelling variant
        self._strengths = Bounded()  # str -> a phrase's summed weight sizes, kept with its cached EQ
        self._paths = Bounded()  # (a, b, source) -> MorphPath
        self._crowd_describers: dict[str, Describer] = {}  # per crowd, built on first use (describe(source=))
        self._pairings: PairingLookup | None = None  # the model directory's pairing table (set by load)
        # Every known word's EQ (combined and per crowd), decoded once here so a new word pair costs
        # no decoder pass. One word at a time: batched matmuls round differently, and a word's EQ must
        # not depend on how it was asked for (blend of one word == generate).
        self._decoded: dict[str | None, np.ndarray] = {
            src: read_only(np.stack([self.decode_params(z) for z in table]))
            for src, table in [(None, self._centroids), *((s, c) for s, (c, _) in self._crowd.items())]}
        # The id names what the model answers: its network and its words' centroids (a vocabulary rebuilt on
        # the same network, e.g. with another shrinkage recipe, gives other EQs and so another id).
        self.fingerprint = checkpoint.fingerprint(ckpt)  # sha256 of the weights, words, crowds and centroids
        self.model_id = str(ckpt.provenance.get("model_name", "eqmorph")) + "-" + self.fingerprint[:12]

    def __repr__(self) -> str:
        # What `eqmorph serve` says of its model: a notebook's `m` showed only a memory address (a new-user trial)
        return f"<eqmorph.Morpher model {self.model_id}, {len(self.terms)} words>"

    # --- vocabulary (eqmorph.semantic.vocabulary) ---------------------------
    def word_info(self, word: str) -> WordInfo:
        """Count (in all, per crowd and per language), confidence, reliability and spread of a known word
        (:meth:`Vocabulary.word_info`: a phrase or band word raises :class:`UnknownWordError` saying what it is)."""
        return self.vocabulary.word_info(word)

    def words(self) -> list[WordInfo]:
        """Every known word, most examples first."""
        return self.vocabulary.words()

    def resolve(self, word: str) -> list[tuple[str, float]]:
        """Known words and signed weights that stand for ``word``: itself, or the words of a phrase."""
        return self.vocabulary.resolve(word)

    def parse(self, text: str) -> Interpretation:
        """How ``text`` is understood, e.g. ``less muddy -> muddy x -1.0`` (:mod:`eqmorph.language.parse`)."""
        return self.vocabulary.parse(text)

    # --- latent codes (the network and word tables: eqmorph.semantic.latent) --
    def centroid(self, word: str, source: str | None = None) -> np.ndarray:
        """Latent centroid ``(latent_dim,)`` of ``word`` as crowd ``source`` describes it (``None``: both crowds).

        An open-vocabulary word is a blend of known neighbours.
        """
        source = self._check_source(source)
        one = self._one_word(word)
        if one is not None:
            return self._code(one, source)
        return self.encode_params(self._word_params(word, source)[None])[0]  # a phrase: the code of its EQ

    def _one_word(self, text: str) -> str | None:
        """The known word ``text`` stands for at full strength ("warm", "Warm", "warmth"), as :meth:`centroid` reads
        it (its latent code is that word's), else None. One look-up or parse, not one to ask and one to read."""
        plain = self.vocabulary.plain(text)
        return plain[0] if plain is not None and plain[1] == 1.0 else None

    @staticmethod
    def _blend_shares(weights: Mapping[str, float]) -> dict[str, float]:
        """``weights`` as shares adding up to 1 (checked: a mapping of texts to weights >= 0, one positive)."""
        if not weights:
            raise ParameterError("weights", dict(weights), "at least one word with a weight > 0")
        ws = {w: _check_number(f"weight of {w!r}", v, 0.0) for w, v in weights.items()}
        top = max(ws.values())
        if top <= 0:
            raise ParameterError("weights", dict(weights), "weights >= 0 with a positive sum")
        # Shares of the largest weight first: the sum of two weights near 1e308 overflows to inf, every share to 0.
        ws = {w: v / top for w, v in ws.items()}
        total = sum(ws.values())
        return {w: v / total for w, v in ws.items()}

    # --- words to EQs -------------------------------------------------------
    def generate_params(self, word: str, intensity: float = 1.0, *, source: str | None = None) -> np.ndarray:
        """Physical ``(5, 3)`` EQ for ``word`` at ``intensity``, as crowd ``source`` describes it."""
        intensity = _check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        params = self._word_params(word, source)
        return scale_gains(params.copy(), capped_intensity(intensity, self.strength(word)))

    def strength(self, word: str) -> float:
        """How far ``word`` scales what it names: 1 for a word, a phrase's degree (``Interpretation.degree``: "a bit
        warm" 0.5, "very warm" 1.25); what the intensity cap (``capped_intensity``) multiplies."""
        if word in self._exact:
            return 1.0
        strength = self._strengths.get(word)  # kept by _decode_word: parsing an unknown word twice cost ~15 ms
        return self.parse(word).degree if strength is None else strength

    def generate(self, word: str, intensity: float = 1.0, *, source: str | None = None) -> EQ:
        """The EQ for ``word``; ``intensity`` 0 is flat, 1 the word, > 1 stronger, < 0 the opposite.

        ``source``: ``"socialfx"`` or ``"safe"`` for that crowd's word, ``None`` (default) for both crowds.
        """
        return EQ._trusted(self.generate_params(word, intensity, source=source))

    def _cached(self, key: str, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """``compute()`` once per key, kept read-only (the oldest key goes when the cache is full)."""
        value = self._cache.get(key)
        if value is None:
            value = compute()
            value.flags.writeable = False
            self._cache.remember(key, value)
        return value

    def _word_params(self, word: str, source: str | None = None) -> np.ndarray:
        """Decoded ``(5, 3)`` EQ of ``word`` (crowd ``source``) at intensity 1, read-only: the ends of every morph.

        Known words come from the table decoded at load, so a new word pair needs no decoder pass;
        spelling variants and open-vocabulary words are resolved once and cached.
        """
        source = self._check_source(source)
        if not isinstance(word, str):  # before the lookups: a list is unhashable, a number no word
            raise ParameterError("word", word, "a word or phrase (a str), e.g. 'warm' or 'less muddy'",
                                 wrong_type=True)
        i = self._exact.get(word)
        if i is not None:
            return self._decoded[source][i]
        band = band_params(word)  # a band word's name, as the parser gives it: its defined EQ, every crowd alike
        if band is not None:
            return band
        key = word if source is None else f"{word}\x01{source}"
        return self._cached(key, lambda: self._decode_word(word, source))

    def _decode_word(self, word: str, source: str | None) -> np.ndarray:
        """A phrase's EQ: its words' signed blend (:mod:`eqmorph.language.compose`); a crowd it names is used."""
        meant = self.parse(word)
        self._strengths.remember(word, meant.degree)
        if meant.source and source is not None and meant.source != source:
            raise ParameterError("source", source, f"{meant.source!r}, the crowd {word!r} names, or none")
        source = self._check_source(meant.source) if source is None and meant.source else source
        return phrase_params(meant, lambda w: self._word_params(w, source), scale_gains)

    def path(self, a: str, b: str, *, source: str | None = None) -> MorphPath:
        """The default ("params") morph from word ``a`` (alpha 0) to ``b`` (alpha 1), ready for many alphas.

        Pick two words once, then call ``path.eq(alpha, intensity)`` (or ``path.params``) at every
        slider step: the same EQs as ``interpolate``, without its per-call word lookups. Cached per pair.
        """
        source = self._check_source(source)
        key = (a, b, source)
        try:
            found = self._paths.get(key)
        except TypeError:  # an unhashable word (a list): _word_params below names it
            found = None
        if found is None:
            pa, pb = self._word_params(a, source), self._word_params(b, source)
            # Vocabulary words take their peak pairing from the model's table; phrases compute it.
            rows = self._table_rows
            pairing = self._pairings.get(source, rows.get(a), rows.get(b)) if self._pairings else None
            found = MorphPath._trusted(pa, pb, pairing, words=(a, b), source=source)
            self._paths.remember(key, found)
        return found

    def _path(self, a: str, b: str, al: np.ndarray, method: str, source: str | None = None) -> np.ndarray:
        """Physical ``(n, 5, 3)`` at alphas ``al (n,)`` by ``method`` (checked: :func:`check_method`); the ends are
        exactly the words' EQs."""
        if method == "params":
            path = self.path(a, b, source=source)
            # One alpha (a server request on a new pair): the step on Python floats, the same bits as a batch.
            return path.params(float(al[0]))[None] if len(al) == 1 else path.params_many(al)
        pa, pb = self._word_params(a, source), self._word_params(b, source)
        z = latent_mix(self.centroid(a, source), self.centroid(b, source), al, method)
        out = self.decode_params(z[0])[None] if len(al) == 1 else self.decode_params(z)
        out[al == 0.0] = pa
        out[al == 1.0] = pb
        return out

    def interpolate_params(self, a: str, b: str, alphas: Sequence[float] | np.ndarray, intensity: float = 1.0,
                           method: str = DEFAULT_INTERPOLATION, *, source: str | None = None) -> np.ndarray:
        """Physical ``(n, 5, 3)`` EQs along the morph from ``a`` (alpha 0) to ``b`` (alpha 1)."""
        al = check_alphas(alphas)
        intensity = _check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        params = self._path(a, b, al, check_method(method), source)
        return scale_gains(params, self.applied_intensity(intensity, a, b))

    def interpolate(self, a: str, b: str, alpha: float = 0.5, intensity: float = 1.0,
                    method: str = DEFAULT_INTERPOLATION, *, source: str | None = None) -> EQ:
        """The EQ at ``alpha`` (default 0.5, halfway, as the CLI) between words ``a`` (0) and ``b`` (1); the ends
        equal ``generate``.

        ``method``: "params" (default) blends the two words' EQs linearly in model space
        (log frequency, log Q); "latent" decodes the linear blend of the two centroids;
        "slerp" decodes a spherical blend. docs/benchmarks.md compares them.
        """
        alpha = _check_number("alpha", alpha, 0.0, 1.0)
        intensity = _check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        method = check_method(method)
        if method == "params":
            path = self.path(a, b, source=source)  # checks both words
            return path.eq(alpha, self.applied_intensity(intensity, a, b))
        params = self._path(a, b, np.array([alpha]), method, source)[0]
        return EQ._trusted(scale_gains(params, self.applied_intensity(intensity, a, b)))

    def applied_intensity(self, intensity: float, *texts: str) -> float:
        """The intensity an EQ of ``texts`` (a word or phrase, a morph's two ends, a blend's words) gets at
        ``intensity``: capped when a phrase's degree times it would pass MAX_INTENSITY (the larger degree counts)."""
        if all(t in self._exact for t in texts):  # the slider's usual case: words, nothing to cap
            return intensity
        return capped_intensity(intensity, max(self.strength(t) for t in texts))

    def blend(self, weights: Mapping[str, float], intensity: float = 1.0, *, source: str | None = None) -> EQ:
        """EQ of a weighted mix of words, e.g. ``{"warm": 0.6, "bright": 0.3, "clear": 0.1}`` (weights >= 0, shares
        of the mix: scaled to add up to 1, so ``{"warm": 0.1}`` is all warm; ``intensity`` sets the strength).
        Words blend their latent codes; with a phrase among them ("a bit warm") the texts' responses are blended
        and fitted, as a phrase's own words are (:func:`eqmorph.language.compose.signed_blend_params`)."""
        if not isinstance(weights, Mapping):
            raise ParameterError("weights", weights, "a mapping of word -> weight")
        intensity = _check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        shares, source = self._blend_shares(weights), self._check_source(source)
        if all(self._one_word(w) is not None for w in shares):
            params = self.decode_params(sum(v * self.centroid(w, source) for w, v in shares.items()))
        else:
            # A phrase's centroid is the code of its EQ, which the decoder does not give back: "a bit warm" alone came
            # out stronger than warm (a new-user trial). Phrases blend as a phrase's words do, by their responses.
            params = signed_blend_params(list(shares.items()), lambda w: self._word_params(w, source), scale_gains)
        # A phrase's degree caps the intensity as in generate ("very very muddy" at 4 is muddy at 4, not 6.25).
        return EQ._trusted(scale_gains(params, self.applied_intensity(intensity, *weights)))

    def sample(self, word: str, n: int, temperature: float = 1.0, seed: int | None = None, *,
               source: str | None = None) -> list[EQ]:
        """``n`` plausible variations of ``word``, drawn from a Gaussian with its latent spread.

        A phrase's degree and direction scale the variations' gains as they scale ``generate``'s EQ:
        "a bit warm" gives warm's variations at half their gains, "less warm" inverts them.
        """
        return sample_eqs(self, word, n, temperature, seed, source=source)

    def edit(self, eq: EQ, changes: Mapping[str, float], method: str = "response", *,
             source: str | None = None) -> EQ:
        """Move ``eq`` towards (amount > 0) or away from (< 0) words, keeping the rest of it.

        ``method``: one of ``EDIT_METHODS``, "response" (default, fits the sound the words ask for)
        or "latent"; :mod:`eqmorph.semantic.edit` describes both (docs/benchmarks.md, edit steps).
        """
        return edit_eq(self, eq, changes, method, source=source)

    # --- EQs to words (eqmorph.semantic.describe) ---------------------------
    @functools.cached_property
    def describer(self) -> Describer:
        """Every known word's response, computed on first use (and its module imported then)."""
        from eqmorph.semantic.describe import Describer

        return Describer.from_model(self)

    def describer_for(self, source: str | None = None) -> Describer:
        """The describer in crowd ``source``'s words (``None``: both crowds', :attr:`describer`), built once."""
        source = self._check_source(source)
        if source is None:
            return self.describer
        found = self._crowd_describers.get(source)
        if found is None:
            from eqmorph.semantic.describe import Describer

            found = self._crowd_describers[source] = Describer.from_model(self, source=source)
        return found

    def describe(self, eq: EQ, k: int | None = 5, *, source: str | None = None, level_free: bool = False,
                 language: str | None = "en", band_hz: tuple[float, float] | None = None) -> list[tuple[str, float]]:
        """The ``k`` words ``eq`` sounds most like, ``(word, score)`` best first (``k=None``: every word).

        Scores lie in [-1, 1] and compare across EQs: 1 is the word's own shape at any audible strength, a
        negative score the opposite (semantic/word_scores.py).
        ``source``: in crowd ``source``'s words (what SocialFX's "warm" sounds like); ``None``: both crowds'.
        ``level_free``: judge the shape only, for an EQ whose overall level means nothing (a match).
        ``language``: ``"en"`` (the default, as ``eqmorph describe`` and the web page speak unless asked) or ``"es"``
        for that language's words only ("claro" is no answer for an English reader); ``None`` or ``"any"``: every
        word. ``band_hz``: judge ``(low, high)`` Hz only (a match's covered band,
        ``MatchResult.band_hz``: where neither recording has sound, the EQ changes nothing heard).
        """
        return self._describer(source, level_free, language, band_hz).describe(eq, k)

    def describe_text(self, eq: EQ, *, source: str | None = None, level_free: bool = False,
                      language: str | None = "en", band_hz: tuple[float, float] | None = None) -> str:
        """A short phrase for ``eq`` that ``generate`` reads back, e.g. "warm, a bit less harsh" ("" if flat).

        ``source``: the phrase in crowd ``source``'s words, read back by ``generate(..., source=source)``;
        ``level_free``, ``language`` and ``band_hz`` as in :meth:`describe`.
        """
        return self._describer(source, level_free, language, band_hz).text(eq)

    def _describer(self, source: str | None, level_free: bool, language: str | None = None,
                   band_hz: tuple[float, float] | None = None) -> Describer:
        found = self.describer_for(source)
        language = _lower(language)  # "EN", as source= takes any case
        language = None if language == "any" else language  # the CLI's and the web API's word for every language
        if language is not None:
            from eqmorph.semantic.describe import LANGUAGES

            if language not in LANGUAGES:
                raise ParameterError("language", language, " or ".join([*LANGUAGES, "'any' or None (every word)"]))
            found = found.in_language(language)
        found = found.within(band_hz)
        return found.level_free if check_flag("level_free", level_free) else found


def bundled_model_dir() -> Path:
    """Folder of the pretrained model shipped inside the package."""
    return Path(__file__).resolve().parents[1] / "pretrained" / "default"


def _lower(value: object) -> object:
    """A text option in lower case (any other value as it is, for its check to refuse)."""
    return value.strip().lower() if isinstance(value, str) else value


def check_method(method: object) -> str:
    """A morph ``method`` as :data:`INTERPOLATIONS` spells it, read in any letter case ("LATENT"), as ``source=`` is;
    :class:`ParameterError` naming the methods otherwise. The one check the library, the CLI and the server share."""
    said = _lower(method)
    if said not in INTERPOLATIONS:
        raise ParameterError("method", method, " or ".join(INTERPOLATIONS))
    return str(said)


def load(path: str | os.PathLike[str] | None = None, *, open_vocabulary: bool = False) -> Morpher:
    """Load a model directory (``None``: the bundled pretrained model).

    ``open_vocabulary=True`` maps unknown words to signed blends of known ones through offline
    sentence embeddings and a map learned from the EQ data (:mod:`eqmorph.language.learned`;
    needs the ``text`` extra's weights, loaded on the first unknown word).
    """
    folder = bundled_model_dir() if path is None else path
    m = Morpher(checkpoint.load(folder))
    from eqmorph.semantic.pairings import PairingLookup  # here: `python -m eqmorph.semantic.pairings` runs it

    m._pairings = PairingLookup(folder, m)
    if open_vocabulary:
        from eqmorph.language.learned import LazyVocabulary

        m.vocabulary.open_vocabulary = LazyVocabulary(folder, m.terms, m.counts, m.generate_params)
    return m
