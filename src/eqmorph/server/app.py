"""The web app: a JSON API over the one model it was started with, and the page that morphs two words.

Endpoints (all ``GET`` but blend; every EQ answer has the shape of :class:`schemas.EQOut`):

* ``/api/health``: model id, vocabulary size, curve grid
* ``/api/words?search=&limit=``: vocabulary with counts, confidence and word-map positions
* ``/api/generate?word=&intensity=``, ``/api/morph?a=&b=&alpha=&intensity=``, ``POST /api/blend``,
  ``/api/sample?word=&n=&temperature=&seed=``
* ``/api/export?word=`` or ``?a=&b=&alpha=``, with ``&intensity=&format=json|apo|csv|table``: a download
* ``/``: the page; ``/static/*``: its script and style sheet; ``/openapi.json``: the schema.

The morph endpoint is called on every frame of a slider drag, so it does the least work it
can: the grid and vocabulary are prepared once; valid morph and generate requests are answered
by a short path in front of FastAPI (:mod:`.fastpath`); morphs in flight together are computed
in one numpy pass, behind an LRU cache of answers keyed by exactly the values asked for
(dragging back and forth revisits the same positions) (:mod:`.batching`).
Clients never name files: the model is fixed when the app is created.

Cheap endpoints (health, words, generate, morph: well under a millisecond of numpy) are
``async def`` and run on the event loop; handing them to the threadpool would only add a
thread switch and GIL contention to every slider frame. Endpoints whose work grows with the
request (blend, sample, export with its preamp search) are plain ``def`` and run in the
threadpool, so they never hold up the loop.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from eqmorph.core.eq import EQ
from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.io.presets import FORMATS, format_eq
from eqmorph.language.spelling import fold, normalise_term, search
from eqmorph.semantic.morph import MAX_INTENSITY, Morpher
from eqmorph.server import errors
from eqmorph.server.batching import Batcher
from eqmorph.server.fastpath import ShortPath
from eqmorph.server.limits import DEFAULT_MAX_BODY_BYTES, BodySizeLimit, check_max_body_bytes
from eqmorph.server.payload import CurveGrid, eq_body, render
from eqmorph.server.schemas import (
    ERROR_RESPONSES,
    MAX_WORD_CHARS,
    BlendRequest,
    EQOut,
    HealthOut,
    SampleOut,
    WordsOut,
)

MorphKey = tuple[str, str, float, float]  # a, b, alpha, intensity
MORPH_CACHE_SIZE = 4096  # rendered morph answers (~3 KB each, ~12 MB at most): a few drags' worth
MAX_SAMPLES = 64  # variations per /api/sample request; the library allows more, a page never shows them
EXPORT_TYPES = {  # format -> (media type, file extension)
    "json": ("application/json", "json"),
    "apo": ("text/plain; charset=utf-8", "txt"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "table": ("text/plain; charset=utf-8", "txt"),
}
# The page loads nothing from anywhere but this server.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}

WordQ = Annotated[str, Query(min_length=1, max_length=MAX_WORD_CHARS, description="a word the model knows")]
IntensityQ = Annotated[float, Query(ge=-MAX_INTENSITY, le=MAX_INTENSITY, allow_inf_nan=False,
                                    description="0 flat, 1 the word, > 1 stronger, < 0 the opposite")]
AlphaQ = Annotated[float, Query(ge=0.0, le=1.0, allow_inf_nan=False, description="0 is word a, 1 is word b")]


def web_dir() -> Path:
    """Folder of the page's static files inside the package."""
    return Path(str(resources.files("eqmorph") / "web"))


def _json(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


def _slug(word: str) -> str:
    """A file-name-safe, ASCII form of a word (``"Cálido brillo"`` -> ``"calido-brillo"``)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(word)).strip("-")[:32] or "word"


class _Api:
    """The model, the grid and the prepared vocabulary that the routes share (read-only after init)."""

    def __init__(self, morpher: Morpher, grid: CurveGrid) -> None:
        self.m = morpher
        self.grid = grid
        xy = morpher.word_map
        self.entries: dict[str, dict[str, Any]] = {}  # most examples first, as Morpher.words() lists them
        for i, word in enumerate(morpher.terms):
            info = morpher.word_info(word)
            self.entries[word] = {"word": word, "count": info.count, "confidence": round(info.confidence, 4),
                                  "x": round(float(xy[i, 0]), 4), "y": round(float(xy[i, 1]), 4)}
        self.morphs: Batcher[MorphKey] = Batcher(self.morph_many, MORPH_CACHE_SIZE)

    def known(self, parameter: str, word: str) -> tuple[str, list[tuple[str, float]] | None]:
        """The vocabulary spelling of ``word`` and, for open-vocabulary words, what stands in for it."""
        try:
            parts = self.m.resolve(word)
        except UnknownWordError as exc:
            raise errors.WordNotFound(parameter, exc) from None
        if len(parts) == 1 and parts[0][1] == 1.0:
            return parts[0][0], None
        return normalise_term(word), parts

    def body(self, eq: EQ, words: list[str], intensity: float, **kw: Any) -> dict[str, Any]:
        return eq_body(eq, self.grid, model_id=self.m.model_id, words=words, intensity=intensity, **kw)

    def morph_many(self, keys: Sequence[MorphKey]) -> list[bytes]:
        """Rendered morphs for ``(a, b, alpha, intensity)`` keys: one numpy pass per word pair and intensity."""
        groups: dict[tuple[str, str, float], list[int]] = {}
        for i, (a, b, _, intensity) in enumerate(keys):
            groups.setdefault((a, b, intensity), []).append(i)
        out: list[bytes] = [b""] * len(keys)
        for (a, b, intensity), rows in groups.items():
            alphas = [keys[i][2] for i in rows]
            params = self.m.interpolate_params(a, b, alphas, intensity)  # (n, 5, 3)
            curves = self.grid.responses_db(params)  # (n, n_points)
            for i, alpha, p, db in zip(rows, alphas, params, curves):
                body = self.body(EQ._trusted(p), [a, b], intensity, alpha=alpha, response_db=db)
                out[i] = render(body, self.grid)
        return out

    async def morph(self, a: str, b: str, alpha: float, intensity: float) -> bytes:
        """The rendered morph of two vocabulary words, cached, batched with others in flight."""
        return await self.morphs.get((a, b, alpha, intensity))

    async def generate(self, word: str, intensity: float, parts: list[tuple[str, float]] | None = None) -> bytes:
        """The rendered EQ of one word (a dictionary look-up and one response: not worth batching)."""
        eq = self.m.generate(word, intensity)
        return render(self.body(eq, [word], intensity, resolved={word: parts} if parts else None), self.grid)

    def exact_words(self) -> list[str]:
        """Vocabulary words a route would accept as spelled and report back unchanged."""
        return [w for w in self.m.terms if len(w) <= MAX_WORD_CHARS and self.known("word", w) == (w, None)]

    def export_eq(self, word: str | None, a: str | None, b: str | None, alpha: float | None,
                  intensity: float) -> tuple[EQ, dict[str, Any], str]:
        """The EQ an export asks for, its metadata and a file stem."""
        if word is not None:
            if a is not None or b is not None or alpha is not None:
                raise ParameterError("word", word, "either word=, or a=, b= and alpha=, not both")
            w, _ = self.known("word", word)
            stem = f"eqmorph-{_slug(w)}"
            eq, meta = self.m.generate(w, intensity), {"words": [w]}
        else:
            if a is None or b is None:
                missing = "a" if a is None else "b"
                raise ParameterError(missing, None, "word=WORD, or two words a= and b= with alpha=")
            if alpha is None:
                raise ParameterError("alpha", None, "a number in [0, 1] when a and b are given")
            (wa, _), (wb, _) = self.known("a", a), self.known("b", b)
            stem = f"eqmorph-{_slug(wa)}-{_slug(wb)}-{alpha:.3f}"
            eq, meta = self.m.interpolate(wa, wb, alpha, intensity), {"words": [wa, wb], "alpha": alpha}
        if intensity != 1.0:
            stem += f"-x{intensity:g}"
        return eq, {**meta, "intensity": intensity, "model_id": self.m.model_id}, stem


def create_app(morpher: Morpher, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, n_points: int = 128,
               sample_rate: float = 48000.0, short_path: bool = True) -> FastAPI:
    """The web app serving ``morpher``.

    ``max_body_bytes``: larger request bodies get 413; ``n_points`` and ``sample_rate``: the
    log-frequency grid (20 Hz-20 kHz) every magnitude response is evaluated on;
    ``short_path``: answer valid slider requests without FastAPI's validation layer
    (:mod:`eqmorph.server.fastpath`); False sends every request through it, same answers, slower.
    """
    if not isinstance(morpher, Morpher):
        raise ParameterError("morpher", type(morpher).__name__, "an eqmorph.Morpher (from eqmorph.load)")
    if not isinstance(short_path, bool):
        raise ParameterError("short_path", short_path, "True or False")
    api = _Api(morpher, CurveGrid(n_points=n_points, sample_rate=sample_rate))
    # /docs and /redoc would load Swagger UI from a CDN; the page must work with no network but localhost.
    app = FastAPI(title="eqmorph", version="1", docs_url=None, redoc_url=None,
                  description="Words to 5-band parametric EQ, and morphs between two words.")
    app.state.api = api
    errors.install(app)
    if short_path:  # added first, so it runs inside the body-size limit
        app.add_middleware(ShortPath, vocabulary=api.exact_words(), morph=api.morph, generate=api.generate)
    app.add_middleware(BodySizeLimit, max_body_bytes=check_max_body_bytes(max_body_bytes))
    static = web_dir()
    # The page's scripts are ES modules, which browsers run only when served with a JavaScript type;
    # some systems' registries map .js to text/plain, and StaticFiles asks the mimetypes table.
    mimetypes.add_type("text/javascript", ".js")
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)

    @app.get("/api/health", response_model=HealthOut)
    async def health() -> dict[str, Any]:
        return {"status": "ok", "model_id": morpher.model_id, "words": len(morpher.terms),
                "grid": api.grid.describe(), "max_intensity": MAX_INTENSITY, "formats": list(FORMATS)}

    @app.get("/api/words", response_model=WordsOut)
    async def words(search_text: Annotated[str | None, Query(alias="search", max_length=MAX_WORD_CHARS,
                                                       description="only words starting with or holding this")] = None,
              limit: Annotated[int | None, Query(ge=1, le=100_000, description="at most this many words")] = None,
              ) -> Response:
        total = len(api.entries)
        if search_text is None:
            chosen = list(api.entries.values())[:limit]
        else:
            chosen = [api.entries[w] for w, _ in search(search_text, morpher.counts, limit or max(total, 1))]
        return _json(render({"total": total, "words": chosen}, api.grid))

    @app.get("/api/generate", response_model=EQOut, responses=ERROR_RESPONSES)
    async def generate(word: WordQ, intensity: IntensityQ = 1.0) -> Response:
        w, parts = api.known("word", word)
        return _json(await api.generate(w, intensity, parts))

    @app.get("/api/morph", response_model=EQOut, responses=ERROR_RESPONSES)
    async def morph(a: WordQ, b: WordQ, alpha: AlphaQ, intensity: IntensityQ = 1.0) -> Response:
        (wa, _), (wb, _) = api.known("a", a), api.known("b", b)
        return _json(await api.morph(wa, wb, alpha, intensity))

    @app.post("/api/blend", response_model=EQOut, responses=ERROR_RESPONSES)
    def blend(request: BlendRequest) -> Response:
        weights = {}
        for word, weight in request.weights.items():
            w, _ = api.known("weights", word)
            weights[w] = weights.get(w, 0.0) + weight
        eq = morpher.blend(weights, request.intensity)
        return _json(render(api.body(eq, list(weights), request.intensity, weights=weights), api.grid))

    @app.get("/api/sample", response_model=SampleOut, responses=ERROR_RESPONSES)
    def sample(word: WordQ,
               n: Annotated[int, Query(ge=1, le=MAX_SAMPLES, description="how many variations")] = 5,
               temperature: Annotated[float, Query(ge=0.0, le=10.0, allow_inf_nan=False,
                                                   description="spread of the variations; 0 is the word")] = 1.0,
               seed: Annotated[int | None, Query(ge=0, le=2**32 - 1, description="same seed, same variations")] = None,
               ) -> Response:
        w, _ = api.known("word", word)
        eqs = morpher.sample(w, n, temperature=temperature, seed=seed)
        bodies = [api.body(eq, [w], 1.0) for eq in eqs]
        return _json(render({"word": w, "n": n, "temperature": temperature, "seed": seed, "eqs": bodies}, api.grid))

    @app.get("/api/export", responses={**ERROR_RESPONSES, 200: {
        "description": "the preset as a download", "content": {t: {} for t, _ in EXPORT_TYPES.values()}}})
    def export(word: Annotated[str | None, Query(min_length=1, max_length=MAX_WORD_CHARS)] = None,
               a: Annotated[str | None, Query(min_length=1, max_length=MAX_WORD_CHARS)] = None,
               b: Annotated[str | None, Query(min_length=1, max_length=MAX_WORD_CHARS)] = None,
               alpha: Annotated[float | None, Query(ge=0.0, le=1.0, allow_inf_nan=False)] = None,
               intensity: IntensityQ = 1.0,
               format: Annotated[str, Query(max_length=16, description="json, apo, csv or table")] = "json",
               ) -> Response:
        if format not in EXPORT_TYPES:
            raise ParameterError("format", format, ", ".join(EXPORT_TYPES))
        eq, meta, stem = api.export_eq(word, a, b, alpha, intensity)
        media_type, ext = EXPORT_TYPES[format]
        return Response(content=format_eq(eq, format, **meta), media_type=media_type,
                        headers={"Content-Disposition": f'attachment; filename="{stem}.{ext}"'})

    return app
