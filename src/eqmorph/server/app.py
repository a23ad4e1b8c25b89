"""``create_app``: the web app's wiring: the service, the middleware in front of it, the routes and the page.

Clients never name files: the model is fixed when the app is created. In front of everything, a request
reaching the server on a loopback address must name it as localhost (:mod:`.hosts`), and ``HEAD`` is
answered wherever ``GET`` is: as that GET, without its body.
"""

from __future__ import annotations

import functools
import mimetypes
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.errors import ParameterError
from eqmorph.semantic.morph import Morpher
from eqmorph.server import errors
from eqmorph.server.fastpath import ShortPath
from eqmorph.server.hosts import HostGuard
from eqmorph.server.limits import (
    DEFAULT_MAX_BODY_BYTES,
    PATH_MAX_BODY_BYTES,
    BodySizeLimit,
    Message,
    Receive,
    Scope,
    Send,
    check_max_body_bytes,
)
from eqmorph.server.payload import CurveGrid
from eqmorph.server.routes import make_router
from eqmorph.server.service import Service


def web_dir() -> Path:
    """Folder of the page's static files inside the package."""
    return Path(str(resources.files("eqmorph") / "web"))


def _without_body(send: Send) -> Send:
    """``send`` for a HEAD request answered as a GET: the status and headers (Content-Length too), no body."""
    async def send_head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_head


class _WebApp(FastAPI):
    """FastAPI with the Host check, HEAD, and the short path (:mod:`eqmorph.server.fastpath`) in front of its
    whole middleware stack.

    Added with ``add_middleware``, the short path ran inside Starlette's error middleware, FastAPI's
    own (body limit, exception telemetry) and the body-size limit: wrappers that took about a third
    of the server's time per slider answer under load (py-spy on benchmarks/server_load.py). It only
    answers requests without a body, so the body-size limit has nothing to check in them.
    FastAPI's routes answer only the methods they are declared with; rather than declaring HEAD on each
    (and listing it twice in the OpenAPI schema), a HEAD is turned into a GET here, for every path at once.
    """

    short_path: ShortPath | None = None
    host_guard: HostGuard = HostGuard()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refused = self.host_guard.refused_host(scope)
            if refused is not None:
                await self.host_guard.refuse(refused, send)
                return
            if scope["method"] == "HEAD":
                scope, send = {**scope, "method": "GET"}, _without_body(send)
        if self.short_path is None:
            await super().__call__(scope, receive, send)
        else:
            await self.short_path(scope, receive, send)


def create_app(morpher: Morpher, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, n_points: int = 128,
               sample_rate: float = ANALYSIS_SAMPLE_RATE, short_path: bool = True,
               allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The web app serving ``morpher``.

    ``max_body_bytes``: larger request bodies get 413 (``/api/match``'s two spectra may take more:
    :data:`.limits.MATCH_MAX_BODY_BYTES`); ``n_points`` and ``sample_rate``: the
    log-frequency grid (20 Hz-20 kHz) every magnitude response is evaluated on;
    ``short_path``: answer valid slider requests without FastAPI's validation layer
    (:mod:`eqmorph.server.fastpath`); False sends every request through it, same answers, slower;
    ``allowed_hosts``: host names a request reaching the server on a loopback address may give in its
    ``Host`` header besides localhost and loopback addresses (a reverse proxy's public name; :mod:`.hosts`).
    """
    if not isinstance(morpher, Morpher):
        raise ParameterError("morpher", morpher, "an eqmorph.Morpher (from eqmorph.load)", wrong_type=True)
    if not isinstance(short_path, bool):
        raise ParameterError("short_path", short_path, "True or False")
    guard = HostGuard(allowed_hosts)
    api = Service(morpher, CurveGrid(n_points=n_points, sample_rate=sample_rate))
    # /docs and /redoc would load Swagger UI from a CDN; the page must work with no network but localhost.
    app = _WebApp(title="eqmorph", version="1", docs_url=None, redoc_url=None,
                  description="Words to 5-band parametric EQ, and morphs between two words.")
    app.state.api = api
    app.host_guard = guard
    errors.install(app)
    app.add_middleware(BodySizeLimit, max_body_bytes=check_max_body_bytes(max_body_bytes),
                       path_limits=PATH_MAX_BODY_BYTES)
    if short_path:
        app.short_path = ShortPath(functools.partial(FastAPI.__call__, app), vocabulary=api.short_words(),
                                   morph=api.morph, generate=api.generate)
    static = web_dir()
    # The page's scripts are ES modules, which browsers run only when served with a JavaScript type;
    # some systems' registries map .js to text/plain, and StaticFiles asks the mimetypes table.
    mimetypes.add_type("text/javascript", ".js")
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.include_router(make_router(api, static / "index.html"))
    return app
