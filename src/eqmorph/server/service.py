"""What the routes ask of the model: words checked, EQs computed and rendered, morphs cached and batched.

One :class:`Service` per app holds the model, the curve grid and the vocabulary prepared for the
word list; it is read-only after construction, except for the morph batcher's answer cache.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from eqmorph.audio.files import duration_text
from eqmorph.audio.spectrum import Spectrum
from eqmorph.core.eq import EQ
from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.io.names import eq_stem
from eqmorph.io.presets import format_eq
from eqmorph.language.band_words import band_words, find_band_words
from eqmorph.language.spelling import normalise_term
from eqmorph.semantic.describe import sound_words
from eqmorph.semantic.match import match_spectra
from eqmorph.semantic.match_inputs import MIN_SECONDS, SILENCE_DBFS
from eqmorph.semantic.morph import Morpher
from eqmorph.semantic.vocabulary import terms_matching
from eqmorph.server import errors
from eqmorph.server.batching import Batcher
from eqmorph.server.bounds import MAX_TEXT_CHARS
from eqmorph.server.payload import CurveGrid, eq_body, morph_body, render
from eqmorph.server.schemas import MatchRequest, SpectrumIn

MorphKey = tuple[str, str, float, float, str | None]  # a, b, alpha, intensity, source (None: both crowds)
MORPH_CACHE_SIZE = 4096  # rendered morph answers (~3 KB each, ~12 MB at most): a few drags' worth
NOTES_CACHE_SIZE = 4096  # (text, crowd) -> notes: a phrase's words come from a parse, which open vocabulary makes slow


MATCH_EXPORTS = ("json", "apo", "csv")  # preset files sent with a match; the page offers them as downloads
# /api/describe's language=, as `eqmorph describe --language` takes it: one language's words, English unless asked
# ("a bit claro, a bit bright" reads as a slip), or "any" of the model's words.
DESCRIBE_LANGUAGES = {"en": "en (English, the default)", "es": "es (Spanish)",
                      "any": "any (every word the model knows)"}


def _seconds_text(seconds: float) -> str:
    """A recording's length for a sentence, rounded down (0.4999 s is not "0.5 s" next to "at least 0.5 s")."""
    if seconds >= 0.01:
        return f"{math.floor(seconds * 100) / 100:g} s"
    return f"{math.floor(seconds * 1e5) / 100:g} ms"


def _map_projection(codes: np.ndarray, xy: np.ndarray) -> np.ndarray:
    """The affine map ``(d + 1, 2)`` from a latent code (with a trailing 1) to its word-map position.

    The word map is a PCA of the word centroids (training's ``_word_map``), an affine function of the code whose
    basis the checkpoint does not keep: least squares over the centroids recovers it. Only closely: the bundled
    model's centroids moved after its map was made (per word 0.01 of the map's width at the median, 0.3 at most),
    which is why a word itself is shown at its own dot (:meth:`Service.map_position`) and only phrases are projected.
    """
    design = np.hstack([np.asarray(codes, dtype=np.float64), np.ones((len(codes), 1))])
    return np.linalg.lstsq(design, np.asarray(xy, dtype=np.float64), rcond=None)[0]


def _spectrum(s: SpectrumIn) -> Spectrum:
    """The library's :class:`Spectrum` of a page-measured one: bins evenly spaced from 0 Hz to Nyquist."""
    power = 10.0 ** (np.asarray(s.power_db, dtype=np.float64) / 10.0)
    return Spectrum(freqs_hz=np.linspace(0.0, s.sample_rate / 2.0, len(power)), power=power,
                    sample_rate=s.sample_rate, frames=round(s.seconds * s.sample_rate), channels=s.channels,
                    rms_dbfs=-math.inf if s.rms_dbfs is None else s.rms_dbfs, clipped_runs=s.clipped_runs,
                    n_frames=s.frames_averaged, bits=s.bits)


class Service:
    """The model, the grid and the prepared vocabulary that the routes share."""

    def __init__(self, morpher: Morpher, grid: CurveGrid) -> None:
        self.m = morpher
        self.grid = grid
        xy = morpher.word_map
        self.entries: dict[str, dict[str, Any]] = {}  # most examples first, as Morpher.words() lists them
        for i, word in enumerate(morpher.terms):
            info = morpher.word_info(word)
            self.entries[word] = {"word": word, "count": info.count, "confidence": round(info.confidence, 4),
                                  "x": round(float(xy[i, 0]), 4), "y": round(float(xy[i, 1]), 4)}
        # Band words ("presence"): the same for every model, so an entry is its name, spellings and defined move.
        self.studio: dict[str, dict[str, Any]] = {
            name: {"word": name, "forms": list(w.forms), "summary": w.summary()} for name, w in band_words().items()}
        self._projection = _map_projection(np.stack([morpher.centroid(w) for w in morpher.terms]), xy)
        self._text_notes = functools.lru_cache(maxsize=NOTES_CACHE_SIZE)(morpher.vocabulary.notes)
        self.morphs: Batcher[MorphKey] = Batcher(self.morph_many, MORPH_CACHE_SIZE)

    def known(self, parameter: str, word: str) -> tuple[str, list[tuple[str, float]] | None]:
        """The vocabulary spelling of ``word`` and, for phrases and open-vocabulary words, what stands in for it.

        Errors name ``parameter``, the request's name for ``word`` (:func:`.errors.as_parameter`).
        """
        with errors.as_parameter(parameter):
            parts, plain = self.m.vocabulary.reading(word)
        if plain is not None and plain[1] == 1.0:  # "Warm", "warmth": the word itself ("harsh highs" is not)
            return plain[0], None
        return normalise_term(word), parts

    def check_source(self, source: str | None) -> str | None:
        """The crowd ``source`` names, as the model spells it (None: both crowds); :class:`ParameterError` unless
        it is None or one of the model's crowds."""
        if source is None:
            return None
        crowd = source.strip().lower()  # any case, as the library takes
        if crowd not in self.m.sources:
            allowed = " or ".join(self.m.sources) if self.m.sources else "none: this model has one combined vocabulary"
            raise ParameterError("source", source, allowed)
        return crowd  # one spelling, so "SAFE" and "safe" share a cached answer and read the same in it

    def notes(self, source: str | None, *texts: str) -> list[str]:
        """What an answer made from ``texts`` (words or phrases) as crowd ``source`` says besides its EQ, the notes
        ``eqmorph generate`` prints (cli/phrases.py say_understood, ``Vocabulary.notes``): a word that also names an
        EQ setting ("flat"), and for each word crowd ``source`` never used, that the answer's EQ there is both
        crowds' (docs/model.md); [] when there is nothing to say.

        Band words ("presence") have no crowd examples at all and are the same for every crowd: no note.
        """
        crowd = source if self.m.sources else None
        return list(dict.fromkeys(note for text in texts for note in self._text_notes(text, crowd)))

    def body(self, eq: EQ, words: list[str], intensity: float, **kw: Any) -> dict[str, Any]:
        return eq_body(eq, self.grid, model_id=self.m.model_id, words=words, intensity=intensity, **kw)

    def morph_many(self, keys: Sequence[MorphKey]) -> list[bytes]:
        """Rendered morphs for ``(a, b, alpha, intensity, source)`` keys.

        The model is asked once per word pair, intensity and crowd (many alphas at once); the curves
        of the whole batch, whatever their pairs, are then one numpy pass: on a busy server the batch
        holds requests from many pages, and numpy's per-call overhead, not the arithmetic, is what costs.
        """
        # A phrase's degree caps the intensity as the library's interpolate does (the path's step does not).
        applied = self.m.applied_intensity
        keys = [(a, b, alpha, applied(intensity, a, b), source) for a, b, alpha, intensity, source in keys]
        groups: dict[tuple[str, str, float, str | None], list[int]] = {}
        for i, (a, b, _, intensity, source) in enumerate(keys):
            groups.setdefault((a, b, intensity, source), []).append(i)
        rows: list[list[list[float]]] = [[]] * len(keys)  # (batch, 5, 3) nested lists
        notes = {(a, b, source): self.notes(source, a, b) for a, b, _, source in groups}
        for (a, b, intensity, source), members in groups.items():
            if len(members) == 1:  # one request on this pair (pages each on their own pair): the path's float step
                rows[members[0]] = self.m.path(a, b, source=source).rows(keys[members[0]][2], intensity)
                continue
            alphas = [keys[i][2] for i in members]
            for i, eq_rows in zip(members, self.m.interpolate_params(a, b, alphas, intensity, source=source).tolist()):
                rows[i] = eq_rows
        curves = self.grid.rows_responses_db(rows)  # (batch, n_points)
        model_id, grid = self.m.model_id, self.grid
        return [render(morph_body(eq_rows, db, grid, model_id=model_id, a=a, b=b, alpha=alpha, intensity=intensity,
                                  source=source, notes=notes[a, b, source]), grid)
                for (a, b, alpha, intensity, source), eq_rows, db in zip(keys, rows, curves)]

    async def morph(self, a: str, b: str, alpha: float, intensity: float, source: str | None = None) -> bytes:
        """The rendered morph of two words, cached, batched with others in flight (``source``: as checked by
        :meth:`check_source`)."""
        return await self.morphs.get((a, b, alpha, intensity, source))

    def morph_by(self, method: str, a: str, b: str, alpha: float, intensity: float, source: str | None = None
                 ) -> bytes:
        """A morph by another method than the default ("latent", "slerp": a decoder pass each), neither batched nor
        cached: the page's slider uses the default."""
        eq = self.m.interpolate(a, b, alpha, intensity, method, source=source)
        return render(self.body(eq, [a, b], self.m.applied_intensity(intensity, a, b), alpha=alpha, source=source,
                                notes=self.notes(source, a, b)), self.grid)

    async def generate(self, word: str, intensity: float, parts: list[tuple[str, float]] | None = None,
                       source: str | None = None) -> bytes:
        """The rendered EQ of one word (a dictionary look-up and one response: not worth batching)."""
        source = self.check_source(source)
        eq = self.m.generate(word, intensity, source=source)
        applied = self.m.applied_intensity(intensity, word)  # what generate applied: a phrase's degree caps it
        return render(self.body(eq, [word], applied, resolved={word: parts} if parts else None, source=source,
                                notes=self.notes(source, word)), self.grid)

    def short_words(self) -> dict[str, str]:
        """Vocabulary words as spelled -> the one word a route answers with (itself, or the word it stands for:
        "brighter" -> "bright"); words a route answers with several words are left out."""
        known = {w: self.known("word", w) for w in self.m.terms if len(w) <= MAX_TEXT_CHARS}
        return {w: word for w, (word, parts) in known.items() if parts is None}

    def requested_eq(self, word: str | None, a: str | None, b: str | None, alpha: float | None,
                     intensity: float, source: str | None = None) -> tuple[EQ, dict[str, Any], str, list[str]]:
        """The EQ a request names (``word=``, or ``a=``, ``b=`` and ``alpha=``), its metadata, a file stem and its
        :meth:`notes`."""
        source = self.check_source(source)
        if word is not None:
            if a is not None or b is not None or alpha is not None:
                raise ParameterError("word", word, "either word=, or a=, b= and alpha=, not both")
            w, _ = self.known("word", word)
            eq, meta = self.m.generate(w, intensity, source=source), {"words": [w]}
        else:
            if a is None and b is None:
                raise errors.MissingParameter("word", "word=WORD for one word's EQ, or a=WORD and b=WORD with "
                                                      "alpha= from 0 to 1 for a morph between two")
            if a is None or b is None:
                missing, given = ("a", "b") if a is None else ("b", "a")
                raise errors.MissingParameter(missing, f"a second word {missing}=WORD along with {given}= "
                                                       "(or word=WORD alone)")
            if alpha is None:
                raise errors.MissingParameter("alpha", "a number in [0, 1] when a and b are given")
            (wa, _), (wb, _) = self.known("a", a), self.known("b", b)
            eq, meta = self.m.interpolate(wa, wb, alpha, intensity, source=source), {"words": [wa, wb], "alpha": alpha}
        intensity = self.m.applied_intensity(intensity, *meta["words"])  # what was applied: a phrase's degree caps it
        if source is not None:
            meta["source"] = source
        # The one rule for the names eqmorph makes up (io/names.py), as `eqmorph plot` names its image
        stem = "eqmorph-" + eq_stem(*meta["words"], alpha=meta.get("alpha"), intensity=intensity, source=source)
        notes = self.notes(source, *meta["words"])
        return eq, {**meta, "intensity": intensity, "model_id": self.m.model_id}, stem, notes

    def search(self, text: str) -> tuple[list[dict[str, Any]], str | None]:
        """``/api/words?search=``: the word entries containing ``text``, as ``eqmorph words --search`` finds them,
        and None; or, when none does but the language layer understands ``text`` ("cálido", "less muddy"), the
        entries of the words it stands for and its interpretation's summary line.

        (:meth:`eqmorph.semantic.vocabulary.Vocabulary.search`, as the CLI's.)
        """
        try:
            words, meant = self.m.vocabulary.search(text, max(len(self.entries), 1))
        except (UnknownWordError, ParameterError):  # neither a word nor a phrase ("zzz", "very"): found nothing
            return [], None
        return [self.entries[w] for w in words], None if meant is None else str(meant)

    def studio_terms(self, text: str | None) -> list[dict[str, Any]]:
        """``/api/words``' studio terms: every band word for no search (or a blank one, which lists every word
        too), else those with a word of a form starting with ``text`` (:func:`find_band_words`: "pres" finds
        presence), as ``eqmorph words --search`` lists them."""
        if text is None or not normalise_term(text):
            return list(self.studio.values())
        return [self.studio[w.name] for w in find_band_words(text)]

    @functools.cached_property
    def lexicon(self) -> list[dict[str, Any]]:
        """Lexicon words ("cálido" -> warm, caliente), offered by the word pickers beside the vocabulary; read on the
        first /api/words, not at start-up (the phrase parser is built for it)."""
        return self.m.vocabulary.lexicon_terms()

    def lexicon_terms(self, text: str | None) -> list[dict[str, Any]]:
        """``/api/words``' lexicon terms: all of them for no search (or a blank one), else those whose spelling holds
        ``text`` (up to case and accents: "cal" finds cálido)."""
        return terms_matching(self.lexicon, text)

    def parse(self, text: str) -> dict[str, Any]:
        """How the model understands ``text`` (:meth:`Morpher.parse`), JSON-ready, with the language it is in
        (:meth:`eqmorph.semantic.vocabulary.Vocabulary.language_of`) and its place on the word map
        (:meth:`map_position`)."""
        with errors.as_parameter("text"):  # /api/parse's parameter, which happens to be the language layer's name
            understood = self.m.parse(text)
            return {**understood.to_dict(), "language": self.m.vocabulary.language_of(understood),
                    "map": self.map_position(text)}

    def map_position(self, text: str) -> dict[str, float]:
        """Where ``text`` sits on the word map (``/api/words``' x and y): a known word (in any spelling the model
        takes for it: "Warm", "brighter") at its own dot, a phrase at the projection of its code (the code of its
        EQ), kept inside the map's [-1, 1]."""
        word, _ = self.known("text", text)
        entry = self.entries.get(word)
        if entry is not None:
            return {"x": entry["x"], "y": entry["y"]}
        code = self.m.centroid(text)
        x, y = np.clip(np.append(code, 1.0) @ self._projection, -1.0, 1.0)
        return {"x": round(float(x), 4), "y": round(float(y), 4)}

    def check_language(self, language: str) -> str | None:
        """The describer's ``language=`` for ``/api/describe``'s: ``"en"``, ``"es"``, or None for ``"any"``;
        :class:`ParameterError` naming the allowed values otherwise."""
        key = language.strip().lower()
        if key not in DESCRIBE_LANGUAGES:
            raise ParameterError("language", language, ", ".join(DESCRIBE_LANGUAGES.values()))
        return None if key == "any" else key

    def match(self, request: MatchRequest) -> dict[str, Any]:
        """The matched EQ of two page-measured spectra, with its curve, words and preset files."""
        for role, measured in (("input", request.input), ("reference", request.reference)):
            # Checked here, as the library would check them, to be said as a person reads them (the page shows these
            # sentences) and to name the field: the library's AudioError knows neither.
            if measured.seconds < MIN_SECONDS:  # allowed: in the recording's own samples, as the library says it
                frames = round(measured.seconds * measured.sample_rate)
                raise errors.Refused(f"{role}.seconds", measured.seconds,
                                     f"at least {MIN_SECONDS:g} s of audio (the {role} is "
                                     f"{duration_text(frames, measured.sample_rate)} long)",
                                     f"the {role} recording is {_seconds_text(measured.seconds)} long; it must be at "
                                     f"least {MIN_SECONDS:g} s")
            level = measured.rms_dbfs
            if level is None or not level > SILENCE_DBFS:
                said = "every sample is 0" if level is None else f"its level is {level:.0f} dBFS"
                raise errors.Refused(f"{role}.rms_dbfs", level, f"a level above {SILENCE_DBFS:g} dBFS",
                                     f"the {role} recording is silent ({said}); it must have sound above "
                                     f"{SILENCE_DBFS:g} dBFS")
        spectra = [_spectrum(s) for s in (request.input, request.reference)]
        result = match_spectra(*spectra, amount=request.amount)
        # The files name the model only, as `eqmorph match -o` writes them: a match has no words or intensity.
        # The EQ is the full match with its gains scaled by the amount, as intensity scales a word's: said as such.
        # Its words are English, as the comparison's (Describer.compare) are, and say the recordings' difference (the
        # full match), whatever amount is applied: at amount 0 they still differ.
        # Both are judged in the band the match covers (MatchResult.band_hz): beyond it neither recording has sound.
        difference, full_rms_db = result.difference
        return {"eq": self.body(result.eq, ["match"], request.amount),
                **self.describe(difference, 5, level_free=True, language="en", band_hz=result.band_hz),
                "amount": request.amount, "comparison": result.difference_text(self.m.describer),
                "rms_db": round(result.rms_db, 4), "full_rms_db": round(full_rms_db, 4),
                "warnings": list(result.warnings),
                "exports": {fmt: format_eq(result.eq, fmt, model_id=self.m.model_id, band_hz=result.partial_band_hz)
                            for fmt in MATCH_EXPORTS}}

    def describe(self, eq: EQ, k: int, *, level_free: bool = False, language: str | None,
                 band_hz: tuple[float, float] | None = None, source: str | None = None) -> dict[str, Any]:
        """The ``k`` words ``eq`` sounds most like (no words of feeling; fewer in a smaller model), with scores, and a
        phrase.

        ``level_free``: judge the shape only (a match, whose level is the fit's; ``Morpher.describe``);
        ``language``: ``"en"`` or ``"es"`` for that language's words only, None for any word (:meth:`check_language`);
        ``source``: in that crowd's words (checked by :meth:`check_source`), as the page's "Words as described by"
        asks: SocialFX's warm was said "very romantic" in both crowds' words (a thirteenth new-user trial).
        """
        # The CLI's list: words of feeling ("scary") name no sound, and the phrase never says them.
        ranked = sound_words(self.m.describe(eq, None, level_free=level_free, language=language, band_hz=band_hz,
                                             source=source), k)
        words = [{"word": w, "score": round(float(score), 4)} for w, score in ranked]
        text = self.m.describe_text(eq, level_free=level_free, language=language, band_hz=band_hz, source=source)
        return {"sounds_like": words, "text": text,
                "language": language or "any"}
