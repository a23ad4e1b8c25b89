"""Trial 3: /api/sample honours source= as the other endpoints do; /api/blend takes numbers only, as the library."""

from __future__ import annotations

import numpy as np
import pytest
from fastapi.testclient import TestClient

import eqmorph
from eqmorph.server import create_app


@pytest.fixture(scope="module")
def bundled():
    """The bundled model, which has both crowds (the tiny model has none)."""
    model = eqmorph.load()
    with TestClient(create_app(model)) as c:
        c.model = model
        yield c


@pytest.mark.parametrize("source", ["safe", "socialfx"])
def test_sample_gives_the_variations_of_the_crowd_asked_for(bundled, source):
    params = {"word": "warm", "n": "3", "seed": "7", "source": source}
    body = bundled.get("/api/sample", params=params).json()
    assert body["source"] == source and all(eq["source"] == source for eq in body["eqs"])
    expected = bundled.model.sample("warm", 3, seed=7, source=source)
    for eq, got in zip(expected, body["eqs"]):
        np.testing.assert_allclose(got["vector"], eq.to_vector())
    both = bundled.get("/api/sample", params={"word": "warm", "n": "3", "seed": "7"}).json()
    assert both["source"] is None and both["eqs"][0]["vector"] != body["eqs"][0]["vector"]


@pytest.mark.parametrize("c", ["bundled", "client"])
def test_sample_refuses_a_crowd_the_model_does_not_have_naming_source(request, c):
    r = request.getfixturevalue(c).get("/api/sample", params={"word": "warm", "source": "reddit"})
    assert r.status_code == 422 and r.json()["parameter"] == "source" and r.json()["value"] == "reddit"


def test_blend_takes_a_source_in_its_body(bundled):
    weights = {"warm": 0.6, "bright": 0.4}
    body = bundled.post("/api/blend", json={"weights": weights, "source": "safe"}).json()
    assert body["source"] == "safe"
    np.testing.assert_allclose(body["vector"], bundled.model.blend(weights, source="safe").to_vector())
    r = bundled.post("/api/blend", json={"weights": weights, "source": "reddit"})
    assert r.status_code == 422 and r.json()["parameter"] == "source"


@pytest.mark.parametrize("weight", [True, False, "0.5", "1", None, [1]])
def test_blend_refuses_a_weight_that_is_not_a_number_naming_it(client, weight):
    r = client.post("/api/blend", json={"weights": {"warm": weight, "bright": 1}})
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "invalid_parameter" and body["parameter"] == "weights.warm"
    assert "number" in body["allowed"]
    assert body["value"] == (weight if isinstance(weight, str) or weight is None else repr(weight))  # as sent


@pytest.mark.parametrize("intensity", [True, "2"])
def test_blend_refuses_an_intensity_that_is_not_a_number(client, intensity):
    r = client.post("/api/blend", json={"weights": {"warm": 1}, "intensity": intensity})
    assert r.status_code == 422 and r.json()["parameter"] == "intensity"


def test_blend_still_takes_integer_weights_and_intensity(client, tiny_model):
    body = client.post("/api/blend", json={"weights": {"warm": 1, "bright": 3}, "intensity": 2}).json()
    np.testing.assert_allclose(body["vector"], tiny_model.blend({"warm": 1, "bright": 3}, 2).to_vector())
