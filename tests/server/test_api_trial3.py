"""Trial 3: /api/sample honours source= as the other endpoints do; /api/blend takes numbers only, as the library."""

from __future__ import annotations

import json

import numpy as np
import pytest


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
    assert body["value"] == (weight if isinstance(weight, str) or weight is None else json.dumps(weight))  # as sent


@pytest.mark.parametrize("intensity", [True, "2"])
def test_blend_refuses_an_intensity_that_is_not_a_number(client, intensity):
    r = client.post("/api/blend", json={"weights": {"warm": 1}, "intensity": intensity})
    assert r.status_code == 422 and r.json()["parameter"] == "intensity"


def test_blend_still_takes_integer_weights_and_intensity(client, tiny_model):
    body = client.post("/api/blend", json={"weights": {"warm": 1, "bright": 3}, "intensity": 2}).json()
    np.testing.assert_allclose(body["vector"], tiny_model.blend({"warm": 1, "bright": 3}, 2).to_vector())


def test_a_phrase_morph_is_capped_and_labelled_with_the_intensity_applied_as_the_library_does(bundled):
    m = bundled.model
    phrase = "very very very warm"  # degree 1.95: intensity 4 stops at 4 / 1.95
    got = bundled.get("/api/morph", params={"a": phrase, "b": "bright", "alpha": 0.0, "intensity": 4}).json()
    applied = m.applied_intensity(4.0, phrase, "bright")
    assert applied < 4.0
    assert got["intensity"] == pytest.approx(applied)
    expected = m.interpolate(phrase, "bright", 0.0, 4.0).to_array()
    np.testing.assert_allclose(np.reshape(got["vector"], (5, 3)), expected, rtol=1e-6, atol=1e-6)


def test_a_phrase_generated_at_a_capped_intensity_says_the_intensity_applied(bundled):
    got = bundled.get("/api/generate", params={"word": "very very very warm", "intensity": 4}).json()
    assert got["intensity"] == pytest.approx(bundled.model.applied_intensity(4.0, "very very very warm"))
    assert got["intensity"] < 4.0


def test_a_blend_of_a_phrase_says_the_intensity_applied(bundled):
    phrase = "very very very warm"
    got = bundled.post("/api/blend", json={"weights": {phrase: 1.0}, "intensity": 4}).json()
    assert got["intensity"] == pytest.approx(bundled.model.applied_intensity(4.0, phrase))
    assert got["intensity"] < 4.0
