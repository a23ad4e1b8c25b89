"""Fixtures for the web app: an in-process client and a live server in a thread."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from fastapi.testclient import TestClient  # noqa: E402
from server_fixtures import LiveServer  # noqa: E402

from eqmorph.server import create_app  # noqa: E402


@pytest.fixture(scope="session")
def app(tiny_model):
    return create_app(tiny_model)


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for the page tests (skips where it cannot run; see browser_fixtures.py).

    Per module, not per session: Playwright's sync API keeps an event loop running in this thread
    while a browser is open, and later tests (the load benchmark's) start their own with asyncio.run.
    """
    from browser_fixtures import launch

    with launch() as b:
        yield b


@pytest.fixture
def page(browser, live_server):
    """A fresh page on the tiny model's server (its console errors fail the test: browser_fixtures.open_page)."""
    from browser_fixtures import open_page

    with open_page(browser, live_server.url) as pg:
        yield pg


@pytest.fixture(scope="module")
def bundled_server() -> Iterator[LiveServer]:
    """The page over the bundled model: 110 words, words inside other words (air, airy), a crowded word map."""
    from eqmorph.semantic.morph import load

    with LiveServer(create_app(load())) as server:
        yield server


@pytest.fixture(scope="module")
def bundled() -> Iterator[TestClient]:
    """A client of the bundled model, which has both crowds (the tiny model has none) and Spanish words; the model
    is ``client.model``."""
    from eqmorph.semantic.morph import load

    model = load()
    with TestClient(create_app(model)) as c:
        c.model = model
        yield c
