"""source= in the web API: a crowd's own words where the model has them, a clear 422 where it does not."""

from __future__ import annotations

import json

import httpx
import numpy as np
import pytest
from browser_fixtures import open_page, shown
from fastapi.testclient import TestClient
from server_fixtures import LiveServer
from synthetic import synthetic_params

from eqmorph.server import create_app

torch = pytest.importorskip("torch")


@pytest.fixture(scope="module")
def crowd_model(tmp_path_factory):
    """A model whose two crowds mean different things by "warm" (as in tests/model/test_crowds.py)."""
    from eqmorph.model import ModelConfig, TrainConfig, save
    from eqmorph.semantic.morph import load
    from eqmorph.training.train import TrainData, train_model

    social, _ = synthetic_params(20, seed=2, words={"warm": (0, 9.0, 150.0), "bright": (4, 8.0, 5000.0)})
    safe, _ = synthetic_params(30, seed=3, words={"warm": (2, -9.0, 600.0), "bright": (4, 8.0, 5000.0)})
    params = np.concatenate([social, safe])
    terms = ["warm"] * 20 + ["bright"] * 20 + ["warm"] * 30 + ["bright"] * 30
    source = ["socialfx"] * 40 + ["safe"] * 60
    data = TrainData(params, tuple(terms), np.ones(len(terms)), tuple(source), tuple([None] * len(terms)))
    ckpt = train_model(data, None, ModelConfig(),
                       TrainConfig(epochs=30, patience=30, batches_per_epoch=8, words_per_batch=2, seed=0))
    return load(save(ckpt, tmp_path_factory.mktemp("models") / "crowds"))


@pytest.fixture(scope="module")
def crowd_app(crowd_model):
    return create_app(crowd_model)


@pytest.fixture(scope="module")
def crowd_client(crowd_app, crowd_model):
    with TestClient(crowd_app) as c:
        c.model = crowd_model
        yield c


def test_health_lists_the_crowds(crowd_client):
    assert sorted(crowd_client.get("/api/health").json()["sources"]) == ["safe", "socialfx"]


@pytest.mark.parametrize("source", ["socialfx", "safe"])
def test_morph_generate_and_export_use_the_crowd_asked_for(crowd_client, source):
    m = crowd_client.model
    morph = crowd_client.get("/api/morph", params={"a": "warm", "b": "bright", "alpha": "0.25", "source": source})
    assert morph.json()["source"] == source
    np.testing.assert_array_equal(morph.json()["vector"],
                                  m.interpolate("warm", "bright", 0.25, source=source).to_vector())
    gen = crowd_client.get("/api/generate", params={"word": "warm", "source": source}).json()
    np.testing.assert_array_equal(gen["vector"], m.generate("warm", source=source).to_vector())
    export = crowd_client.get("/api/export", params={"word": "warm", "source": source, "format": "json"})
    assert source in export.headers["content-disposition"]


def test_the_crowds_differ_and_both_is_the_default(crowd_client):
    answers = {s: crowd_client.get("/api/generate", params={"word": "warm", **({"source": s} if s else {})}).json()
               for s in ("socialfx", "safe", None)}
    assert answers["socialfx"]["vector"] != answers["safe"]["vector"]
    assert answers[None]["source"] is None


def test_an_unknown_crowd_is_a_422_naming_source(crowd_client, client):
    for c in (crowd_client, client):  # the tiny model has no crowds at all
        r = c.get("/api/morph", params={"a": "warm", "b": "bright", "alpha": "0.5", "source": "reddit"})
        assert r.status_code == 422 and r.json()["parameter"] == "source"


def test_the_page_offers_the_crowds_and_shows_the_one_chosen(browser, crowd_app):
    with LiveServer(crowd_app) as server, open_page(browser, server.url) as page:
        assert page.is_visible("#crowd")
        shown(page, "warm", "bright", "0.5")
        page.select_option("#crowd", "safe")
        page.wait_for_selector("#curve[data-source='safe']", state="attached")
        api = httpx.get(server.url + "/api/morph", params={"a": "warm", "b": "bright", "alpha": "0.5",
                                                           "source": "safe"}).json()
        np.testing.assert_allclose(json.loads(page.get_attribute("#curve", "data-points")), api["response"]["db"],
                                   atol=1e-3)
        assert "source=safe" in page.get_attribute("#export-apo", "href")
        assert "src=safe" in page.evaluate("() => location.hash")


def test_a_model_without_crowds_shows_no_crowd_choice(browser, live_server):
    with open_page(browser, live_server.url) as page:
        assert page.is_hidden("#crowd-row")
