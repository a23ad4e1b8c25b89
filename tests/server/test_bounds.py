"""One set of request bounds: what /api/limits serves is what the routes, the short path and the body models enforce."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eqmorph.semantic.morph import MAX_INTENSITY
from eqmorph.server import create_app
from eqmorph.server.bounds import ALPHA, INTENSITY


@pytest.fixture(scope="module", params=[True, False], ids=["short-path", "validating"])
def any_client(request, tiny_model):
    with TestClient(create_app(tiny_model, short_path=request.param)) as c:
        yield c


def test_limits_are_the_library_limits(client):
    limits = client.get("/api/limits").json()
    assert (limits["intensity"]["low"], limits["intensity"]["high"]) == (-MAX_INTENSITY, MAX_INTENSITY)
    assert (limits["alpha"]["low"], limits["alpha"]["high"]) == (0.0, 1.0)
    assert limits["intensity"]["default"] == 1.0 and limits["alpha"]["default"] is None
    assert client.get("/api/health").json()["max_intensity"] == limits["intensity"]["high"]


@pytest.mark.parametrize("bound", [ALPHA, INTENSITY], ids=lambda b: b.name)
def test_every_route_accepts_the_served_ends_and_refuses_just_beyond(any_client, bound):
    limits = any_client.get("/api/limits").json()[bound.name]
    base = {"a": "warm", "b": "bright", "alpha": "0.5", "intensity": "1"}
    for value, status in ((limits["low"], 200), (limits["high"], 200),
                          (limits["low"] - 0.001, 422), (limits["high"] + 0.001, 422)):
        r = any_client.get("/api/morph", params={**base, bound.name: f"{value:.3f}"})
        assert r.status_code == status, (bound.name, value)
        if status == 422:
            assert r.json()["parameter"] == bound.name


def test_blend_bodies_use_the_same_intensity_bound(client):
    top = client.get("/api/limits").json()["intensity"]["high"]
    ok = client.post("/api/blend", json={"weights": {"warm": 1}, "intensity": top})
    over = client.post("/api/blend", json={"weights": {"warm": 1}, "intensity": top + 0.5})
    assert (ok.status_code, over.status_code) == (200, 422)
