"""One error shape for every error, HEAD wherever GET, honest word counts, the Host check and bounded blend weights."""

from __future__ import annotations

import httpx
import numpy as np
import pytest
from fastapi.testclient import TestClient

from eqmorph.errors import ParameterError
from eqmorph.server import create_app
from eqmorph.server.schemas import MAX_BLEND_WEIGHT

SHAPE = {"error", "parameter", "value", "allowed", "detail"}
SILENT = {"sample_rate": 48000, "power_db": [-300.0] * 65, "seconds": 1.0, "channels": 1, "rms_dbfs": None}
# Two recordings with sound in bands that do not overlap: the library's AudioError, a 400
LOWS = {**SILENT, "power_db": [0.0] * 20 + [-300.0] * 45, "rms_dbfs": -20.0}
HIGHS = {**LOWS, "power_db": [-300.0] * 45 + [0.0] * 20}


def _error(r: httpx.Response, status: int) -> dict:
    """The body of an error answer, checked to have the one shape every error has."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert SHAPE <= set(body), body
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["detail"], str) and body["detail"]
    return body


@pytest.fixture(scope="module")
def local_client(app):
    """The app as a browser on this machine reaches it: over a loopback address, naming it in Host."""
    return TestClient(app, base_url="http://127.0.0.1:8000")


# --- describe and export with nothing to describe -----------------------------------------------
@pytest.mark.parametrize("path", ["/api/describe", "/api/export"])
def test_describe_with_no_parameters_names_word_or_a_and_b_as_what_is_missing(client, path):
    body = _error(client.get(path), 422)
    assert (body["error"], body["parameter"], body["value"]) == ("invalid_parameter", "word", None)
    assert "word=WORD" in body["allowed"] and "a=WORD and b=WORD" in body["allowed"]
    assert body["detail"].startswith("word is missing") and "None" not in body["detail"]


@pytest.mark.parametrize("params,missing", [({"a": "warm", "alpha": "0.5"}, "b"), ({"b": "warm"}, "a"),
                                            ({"a": "warm", "b": "bright"}, "alpha")])
def test_a_morph_missing_one_part_names_that_part_as_missing(client, params, missing):
    body = _error(client.get("/api/describe", params=params), 422)
    assert (body["parameter"], body["value"]) == (missing, None)
    assert body["detail"].startswith(f"{missing} is missing") and "None" not in body["detail"]


# --- one error shape ------------------------------------------------------------------------------
def test_an_unknown_path_is_404_in_the_error_shape_listing_the_api_paths(client):
    for path in ("/api/nope", "/static/nope.js", "/nope"):
        body = _error(client.get(path), 404)
        assert (body["error"], body["parameter"], body["value"]) == ("not_found", "path", path)
        assert "/api/morph" in body["allowed"] and "/api/health" in body["allowed"]


@pytest.mark.parametrize("method,path,allow", [("POST", "/api/morph", "GET, HEAD"), ("PUT", "/", "GET, HEAD"),
                                               ("GET", "/api/blend", "POST"), ("DELETE", "/api/match", "POST")])
def test_a_wrong_method_is_405_in_the_error_shape_with_the_allowed_methods(client, method, path, allow):
    r = client.request(method, path)
    body = _error(r, 405)
    assert (body["error"], body["parameter"], body["value"], body["allowed"]) == (
        "method_not_allowed", "method", method, allow)
    assert r.headers["allow"] == allow


@pytest.mark.parametrize("payload,reason", [(b"[" * 20000, "nested too deeply"),
                                            (b'{"weights": {"w\xffrm": 1}}', "not UTF-8 text")])
def test_a_body_the_json_parser_gives_up_on_is_422_naming_the_body(client, payload, reason):
    r = client.post("/api/blend", content=payload, headers={"content-type": "application/json"})
    body = _error(r, 422)
    assert (body["error"], body["parameter"]) == ("invalid_parameter", "body")
    assert reason in body["allowed"] and "There was an error" not in r.text


@pytest.mark.parametrize("send,status", [
    (lambda c: c.get("/api/generate", params={"word": "wram"}), 404),
    (lambda c: c.get("/api/morph", params={"a": "warm", "b": "bright", "alpha": "2"}), 422),
    (lambda c: c.post("/api/blend", content='{"weights": ', headers={"content-type": "application/json"}), 422),
    (lambda c: c.post("/api/match", json={"input": SILENT, "reference": SILENT}), 422),
    (lambda c: c.post("/api/match", json={"input": LOWS, "reference": HIGHS}), 400),
    (lambda c: c.post("/api/blend", content=b" " * 200_000, headers={"content-type": "application/json"}), 413),
])
def test_every_kind_of_refusal_has_the_one_error_shape(client, send, status):
    _error(send(client), status)


def test_an_unknown_word_keeps_its_suggestions_in_the_one_shape(client):
    body = _error(client.get("/api/generate", params={"word": "wram"}), 404)
    assert (body["value"], body["word"]) == ("wram", "wram")
    assert "warm" in [s["word"] for s in body["suggestions"]]


def test_a_server_fault_is_a_500_in_the_error_shape_without_the_traceback(tiny_model, monkeypatch):
    app = create_app(tiny_model)

    def broken(text):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.state.api, "parse", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/parse", params={"text": "warm"})
    body = _error(r, 500)
    assert body["error"] == "internal_error" and "secret internals" not in r.text


# --- HEAD -----------------------------------------------------------------------------------------
GET_URLS = ["/", "/static/app.js", "/api/health", "/api/limits", "/api/words?search=w",
            "/api/generate?word=warm", "/api/generate?word=Warm",  # a slider's answer and the validating route's
            "/api/morph?a=warm&b=bright&alpha=0.5", "/api/parse?text=less%20muddy",
            "/api/describe?word=warm", "/api/sample?word=warm&n=2&seed=3",
            "/api/export?word=warm&format=apo", "/api/export?a=warm&b=bright&alpha=0.3&format=csv",
            "/api/morph?a=wram&b=bright&alpha=0.5", "/api/nope"]


@pytest.mark.parametrize("url", GET_URLS)
def test_head_answers_wherever_get_does_with_the_same_headers_and_no_body(client, url):
    got, head = client.get(url), client.head(url)
    assert head.status_code == got.status_code
    assert head.content == b""
    assert head.headers == got.headers


def test_head_over_tcp_gets_the_headers_of_the_export(live_server):
    url = live_server.url + "/api/export?word=warm&format=json"
    got, head = httpx.get(url), httpx.head(url)
    assert head.status_code == 200 and head.content == b""
    for name in ("content-type", "content-length", "content-disposition"):
        assert head.headers[name] == got.headers[name]


# --- /api/words total -----------------------------------------------------------------------------
def test_words_total_counts_the_matches_of_a_search_not_the_vocabulary(client, tiny_model):
    from eqmorph.language.spelling import search

    matching = search("r", tiny_model.counts, len(tiny_model.terms))
    assert 1 < len(matching) < len(tiny_model.terms)  # the test needs a search that leaves words out
    body = client.get("/api/words", params={"search": "r", "limit": 1}).json()
    assert (body["total"], len(body["words"])) == (len(matching), 1)
    assert body["vocabulary_size"] == len(tiny_model.terms)
    none = client.get("/api/words", params={"search": "zzz"}).json()
    assert (none["total"], none["words"], none["vocabulary_size"]) == (0, [], len(tiny_model.terms))
    every = client.get("/api/words", params={"limit": 1}).json()
    assert every["total"] == every["vocabulary_size"] == len(tiny_model.terms)


# --- Host (DNS rebinding) -------------------------------------------------------------------------
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example",
                                  "127.0.0.1.evil.example", "localhost:http", "[::1", ""])
def test_a_loopback_server_refuses_a_host_that_is_not_localhost(local_client, host):
    for url in ("/api/health", "/api/morph?a=warm&b=bright&alpha=0.5", "/"):  # the slider's short path too
        body = _error(local_client.get(url, headers={"host": host}), 400)
        assert (body["error"], body["parameter"], body["value"]) == ("host_not_allowed", "Host", host)
        assert "localhost" in body["allowed"] and "127.0.0.1" in body["allowed"]


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "LocalHost:1234", "127.0.0.1", "127.0.0.1:8000",
                                  "127.5.6.7:80", "[::1]", "[::1]:8000"])
def test_a_loopback_server_answers_localhost_names_with_any_port(local_client, host):
    assert local_client.get("/api/morph?a=warm&b=bright&alpha=0.5", headers={"host": host}).status_code == 200


def test_a_request_from_the_network_is_not_held_to_loopback_names(app):
    # Reached on a LAN address, the server was started with --allow-remote: its clients name it as they like.
    with TestClient(app, base_url="http://192.168.1.20:8000") as remote:
        assert remote.get("/api/health", headers={"host": "studio.lan:8000"}).status_code == 200


def test_allowed_hosts_adds_a_reverse_proxys_name(tiny_model):
    app = create_app(tiny_model, allowed_hosts=["EQ.Example.org"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/health", headers={"host": "eq.example.org"}).status_code == 200
        assert c.get("/api/health", headers={"host": "other.example.org"}).status_code == 400


@pytest.mark.parametrize("bad", ["eq.example.org", ["eq.example.org:8000"], [""], [3], None])
def test_allowed_hosts_must_be_host_names(tiny_model, bad):
    with pytest.raises(ParameterError, match="allowed_hosts"):
        create_app(tiny_model, allowed_hosts=bad)


def test_a_rebinding_host_is_refused_over_tcp(live_server):
    r = httpx.get(live_server.url + "/api/morph", params={"a": "warm", "b": "bright", "alpha": 0.5},
                  headers={"host": "rebound.evil.example"})
    assert _error(r, 400)["error"] == "host_not_allowed"
    assert httpx.get(live_server.url + "/api/health").status_code == 200


# --- blend weights --------------------------------------------------------------------------------
@pytest.mark.parametrize("weight", [1e308, 1e300, MAX_BLEND_WEIGHT * 1.01])
def test_a_blend_weight_above_the_bound_is_422_naming_it(client, weight):
    r = client.post("/api/blend", json={"weights": {"warm": weight, "bright": weight}})
    body = _error(r, 422)
    assert body["parameter"] == "weights.warm"
    assert "1000000" in body["allowed"]


def test_blend_weights_at_the_bound_give_the_same_eq_as_equal_small_weights(client):
    big = client.post("/api/blend", json={"weights": {"warm": MAX_BLEND_WEIGHT, "bright": MAX_BLEND_WEIGHT}}).json()
    small = client.post("/api/blend", json={"weights": {"warm": 1, "bright": 1}}).json()
    np.testing.assert_allclose(big["vector"], small["vector"], rtol=1e-12, atol=1e-12)
