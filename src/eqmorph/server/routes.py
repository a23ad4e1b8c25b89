"""The web API's routes: each checks its query with FastAPI, asks the :class:`~.service.Service`, sends bytes.

Endpoints (all ``GET``, and ``HEAD`` too, but blend and match; every EQ answer has the shape of
:class:`.schemas.EQOut`; every error the one shape of :func:`.errors.error_body`):

* ``/api/health``: model id, vocabulary size, curve grid
* ``/api/limits``: the bounds of alpha, intensity and word length (:mod:`.bounds`), which the page's sliders use
* ``/api/words?search=&limit=``: vocabulary with counts, confidence and word-map positions; ``total`` is
  how many words match the search (all of them without one), before ``limit``; ``vocabulary_size`` all words.
  A search no word contains that the language layer understands ("cálido", "less muddy") answers the words it
  stands for, with ``interpretation`` its summary line, as ``eqmorph words --search`` does. ``studio_terms``
  lists the band words (``{"word", "forms", "summary"}``: "presence", its spellings, its defined move), all of
  them without a search, else those with a form containing it ("pres"), after the words as the CLI lists them;
  ``lexicon_terms`` the lexicon's translations and synonyms (``{"word", "means", "opposite"}``: "cálido", warm and
  caliente), which the page's pickers offer after both
* ``/api/generate?word=&intensity=``, ``/api/morph?a=&b=&alpha=&intensity=&method=`` (both, sample, export and describe
  also take ``source=``, a crowd: ``socialfx`` or ``safe`` when the model has them, in any case, and blend's body
  ``"source"``; EQ and describe answers carry ``notes``, e.g. that the crowd never used a word),
  ``POST /api/blend`` (weights and intensity JSON numbers, as the library takes them),
  ``/api/sample?word=&n=&temperature=&seed=``
* ``/api/export?word=`` or ``?a=&b=&alpha=``, with ``&intensity=&format=``: a download in one of the
  preset formats ``/api/health`` lists (:data:`EXPORT_TYPES`: the io layer's JSON, APO, CSV, GraphicEQ), or the
  table, shown inline: it is for reading, and nothing imports it (the CLI never writes it to a file either)
* ``/api/describe`` (the same EQ parameters as export, ``k=`` and ``language=``): the words the EQ sounds like and
  a phrase, in English (``en``, the default, as ``eqmorph describe``), Spanish (``es``) or any of the model's words
* ``/api/parse?text=``: how a word or phrase is understood (the language layer's interpretation), with its
  language and its place on the word map
* a query parameter a route reads, given twice (``?a=warm&a=bright``), or one an ``/api/`` route does not take
  (``?intesity=3``), is refused (:func:`.errors.check_query`)
* ``POST /api/match``: two spectra the page measured (:class:`.schemas.SpectrumIn`, within the body
  limit) -> the matched EQ, its curve, words and preset files
* ``/``: the page (its scripts and style sheet are mounted by the app under ``/static``).

Cheap endpoints (health, limits, words, generate, morph, parse, describe: well under a millisecond) are
``async def`` and run on the event loop; handing them to the threadpool would only add a
thread switch and GIL contention to every slider frame. Endpoints whose work grows with the
request (blend, sample, match with its fit, export with its preamp search) are plain ``def`` and run in the
threadpool, so they never hold up the loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse, Response

from eqmorph.errors import ParameterError
from eqmorph.io.presets import FILE_FORMATS, FORMATS, format_eq
from eqmorph.semantic.describe import DEFAULT_LANGUAGE
from eqmorph.semantic.morph import DEFAULT_INTERPOLATION, INTERPOLATIONS, check_method
from eqmorph.server import errors
from eqmorph.server.bounds import ALPHA, INTENSITY, MAX_TEXT_CHARS, limits_body
from eqmorph.server.payload import render
from eqmorph.server.schemas import (
    ERROR_RESPONSES,
    BlendRequest,
    DescribeOut,
    EQOut,
    HealthOut,
    LimitsOut,
    MatchOut,
    MatchRequest,
    ParseOut,
    SampleOut,
    WordsOut,
)
from eqmorph.server.service import DESCRIBE_LANGUAGES, Service

MAX_DESCRIBE_WORDS = 20  # words in a /api/describe answer; the page shows five
MAX_SAMPLES = 64  # variations per /api/sample request; the library allows more, a page never shows them
_TEXT = "text/plain; charset=utf-8"
# How a preset is sent: media type and the end of its file name; formats not listed are text in a .txt file.
# "-GraphicEQ.txt" is AutoEq's name, so `eqmorph import` and `-o` read such a download as GraphicEQ again.
_EXPORT_FILES = {"json": ("application/json", ".json"), "csv": ("text/csv; charset=utf-8", ".csv"),
                 "graphiceq": (_TEXT, "-GraphicEQ.txt")}
# format -> (media type, file-name ending), for every format the io layer writes (eqmorph.io.presets.FORMATS):
# /api/health lists these keys and /api/export serves them, so the two cannot disagree.
EXPORT_TYPES: dict[str, tuple[str, str]] = {fmt: _EXPORT_FILES.get(fmt, (_TEXT, ".txt")) for fmt in FORMATS}
# Formats for the screen, sent inline: a file named like the APO export would be a preset `eqmorph import` refuses.
INLINE_FORMATS = frozenset(FORMATS) - frozenset(FILE_FORMATS)
# The page loads nothing from anywhere but this server.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}

WordQ = Annotated[str, Query(min_length=1, max_length=MAX_TEXT_CHARS, description="a word the model knows")]
OptionalWordQ = Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT_CHARS)]
IntensityQ = Annotated[float, Query(ge=INTENSITY.low, le=INTENSITY.high, allow_inf_nan=False,
                                    description=INTENSITY.description)]
AlphaQ = Annotated[float, Query(ge=ALPHA.low, le=ALPHA.high, allow_inf_nan=False, description=ALPHA.description)]
OptionalAlphaQ = Annotated[float | None, Query(ge=ALPHA.low, le=ALPHA.high, allow_inf_nan=False)]
DEFAULT_INTENSITY = INTENSITY.default
SourceQ = Annotated[str | None, Query(min_length=1, max_length=32,
                                      description="a crowd the model has (see /api/health sources); none: both")]


def _json(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


def make_router(api: Service, page: Path) -> APIRouter:
    """The routes of the API over ``api``, and ``/`` serving the file ``page``."""
    morpher = api.m
    router = APIRouter(dependencies=[Depends(errors.check_query)])

    @router.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(page, media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)

    @router.get("/api/health", response_model=HealthOut)
    async def health() -> dict[str, Any]:
        return {"status": "ok", "model_id": morpher.model_id, "words": len(morpher.terms),
                "grid": api.grid.describe(), "max_intensity": INTENSITY.high, "formats": list(EXPORT_TYPES),
                "sources": list(morpher.sources)}

    @router.get("/api/limits", response_model=LimitsOut)
    async def limits() -> dict[str, Any]:
        return limits_body()

    @router.get("/api/words", response_model=WordsOut)
    async def words(search_text: Annotated[str | None, Query(alias="search", max_length=MAX_TEXT_CHARS,
                                                       description="only words starting with or holding this")] = None,
              limit: Annotated[int | None, Query(ge=1, le=100_000, description="at most this many words")] = None,
              ) -> Response:
        size = len(api.entries)
        if search_text is None:
            matches, understood = list(api.entries.values()), None
        else:
            matches, understood = api.search(search_text)
        # total counts the matches before limit cuts the list, so a client knows how many it did not get.
        return _json(render({"total": len(matches), "vocabulary_size": size, "words": matches[:limit],
                             "interpretation": understood, "studio_terms": api.studio_terms(search_text),
                             "lexicon_terms": api.lexicon_terms(search_text)}, api.grid))

    @router.get("/api/generate", response_model=EQOut, responses=ERROR_RESPONSES)
    async def generate(word: WordQ, intensity: IntensityQ = DEFAULT_INTENSITY, source: SourceQ = None) -> Response:
        w, parts = api.known("word", word)
        return _json(await api.generate(w, intensity, parts, source))

    @router.get("/api/morph", response_model=EQOut, responses=ERROR_RESPONSES)
    async def morph(a: WordQ, b: WordQ, alpha: AlphaQ, intensity: IntensityQ = DEFAULT_INTENSITY,
                    source: SourceQ = None,
                    method: Annotated[str, Query(max_length=16, description=(
                        f"how the words blend, as the CLI's --method: {', '.join(INTERPOLATIONS)} (the default "
                        f"{DEFAULT_INTERPOLATION}, the most monotonic, is the batched one)"))] = DEFAULT_INTERPOLATION,
                    ) -> Response:
        (wa, _), (wb, _) = api.known("a", a), api.known("b", b)
        crowd = api.check_source(source)  # before the batch, so a bad crowd fails alone with its own 422
        method = check_method(method)  # any case (LATENT), as source= and language= are
        if method != DEFAULT_INTERPOLATION:  # a trial: the CLI and the library took method=, the web API a 422
            return _json(api.morph_by(method, wa, wb, alpha, intensity, crowd))
        return _json(await api.morph(wa, wb, alpha, intensity, crowd))

    @router.get("/api/parse", response_model=ParseOut, responses=ERROR_RESPONSES)
    async def parse(text: Annotated[str, Query(min_length=1, max_length=MAX_TEXT_CHARS,
                                               description="a word or a phrase: 'a bit brighter', 'less muddy'")],
                    ) -> dict[str, Any]:
        return api.parse(text)

    @router.get("/api/describe", response_model=DescribeOut, responses=ERROR_RESPONSES)
    async def describe(word: OptionalWordQ = None, a: OptionalWordQ = None, b: OptionalWordQ = None,
                       alpha: OptionalAlphaQ = None, intensity: IntensityQ = DEFAULT_INTENSITY,
                       source: SourceQ = None,
                       k: Annotated[int, Query(ge=1, le=MAX_DESCRIBE_WORDS, description="how many words")] = 5,
                       language: Annotated[str, Query(max_length=16, description=", ".join(DESCRIBE_LANGUAGES))
                                           ] = DEFAULT_LANGUAGE,
                       ) -> Response:
        words_of = api.check_language(language)  # before the EQ: a bad language fails alone with its own 422
        eq, meta, _, notes = api.requested_eq(word, a, b, alpha, intensity, source)
        return _json(render({**meta, "notes": notes, **api.describe(eq, k, language=words_of,
                                                                    source=meta.get("source"))}, api.grid))

    @router.post("/api/match", response_model=MatchOut, responses=ERROR_RESPONSES)
    def match(request: MatchRequest) -> Response:
        return _json(render(api.match(request), api.grid))

    @router.post("/api/blend", response_model=EQOut, responses=ERROR_RESPONSES)
    def blend(request: BlendRequest) -> Response:
        crowd = api.check_source(request.source)
        weights: dict[str, float] = {}
        for word, weight in request.weights.items():
            w, _ = api.known("weights", word)
            weights[w] = weights.get(w, 0.0) + weight
        eq = morpher.blend(weights, request.intensity, source=crowd)
        applied = morpher.applied_intensity(request.intensity, *weights)  # what blend applied: a phrase caps it
        return _json(render(api.body(eq, list(weights), applied, weights=weights, source=crowd,
                                     notes=api.notes(crowd, *weights)), api.grid))

    @router.get("/api/sample", response_model=SampleOut, responses=ERROR_RESPONSES)
    def sample(word: WordQ,
               n: Annotated[int, Query(ge=1, le=MAX_SAMPLES, description="how many variations")] = 5,
               temperature: Annotated[float, Query(ge=0.0, le=10.0, allow_inf_nan=False,
                                                   description="spread of the variations; 0 is the word")] = 1.0,
               seed: Annotated[int | None, Query(ge=0, le=2**32 - 1, description="same seed, same variations")] = None,
               source: SourceQ = None,
               ) -> Response:
        w, _ = api.known("word", word)
        crowd = api.check_source(source)
        eqs = morpher.sample(w, n, temperature=temperature, seed=seed, source=crowd)
        notes = api.notes(crowd, w)
        bodies = [api.body(eq, [w], 1.0, source=crowd, notes=notes) for eq in eqs]
        return _json(render({"word": w, "n": n, "temperature": temperature, "seed": seed, "source": crowd,
                             "eqs": bodies}, api.grid))

    @router.get("/api/export", responses={**ERROR_RESPONSES, 200: {
        "description": "the preset as a download", "content": {t: {} for t, _ in EXPORT_TYPES.values()}}})
    def export(word: OptionalWordQ = None, a: OptionalWordQ = None, b: OptionalWordQ = None,
               alpha: OptionalAlphaQ = None, intensity: IntensityQ = DEFAULT_INTENSITY, source: SourceQ = None,
               format: Annotated[str, Query(max_length=16, description=", ".join(EXPORT_TYPES))] = "json",
               ) -> Response:
        kind = format.strip().lower()  # "JSON" is read in any case, as a crowd's name is ("source=SAFE")
        if kind not in EXPORT_TYPES:
            raise ParameterError("format", format, ", ".join(EXPORT_TYPES))
        eq, meta, stem, _ = api.requested_eq(word, a, b, alpha, intensity, source)
        media_type, ending = EXPORT_TYPES[kind]
        disposition = "inline" if kind in INLINE_FORMATS else f'attachment; filename="{stem}{ending}"'
        return Response(content=format_eq(eq, kind, **meta), media_type=media_type,
                        headers={"Content-Disposition": disposition})

    return router
