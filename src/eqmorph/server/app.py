"""``create_app``: the web app's wiring: the service, the middleware in front of it, the routes and the page.

Clients never name files: the model is fixed when the app is created.
"""

from __future__ import annotations

import mimetypes
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.errors import ParameterError
from eqmorph.semantic.morph import Morpher
from eqmorph.server import errors
from eqmorph.server.fastpath import ShortPath
from eqmorph.server.limits import DEFAULT_MAX_BODY_BYTES, BodySizeLimit, check_max_body_bytes
from eqmorph.server.payload import CurveGrid
from eqmorph.server.routes import make_router
from eqmorph.server.service import Service


def web_dir() -> Path:
    """Folder of the page's static files inside the package."""
    return Path(str(resources.files("eqmorph") / "web"))


def create_app(morpher: Morpher, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, n_points: int = 128,
               sample_rate: float = ANALYSIS_SAMPLE_RATE, short_path: bool = True) -> FastAPI:
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
    api = Service(morpher, CurveGrid(n_points=n_points, sample_rate=sample_rate))
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
    app.include_router(make_router(api, static / "index.html"))
    return app
