"""Request bodies over the limit get 413, whether their size is declared or only seen while streaming."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from eqmorph.errors import ParameterError
from eqmorph.server import create_app
from eqmorph.server.limits import DEFAULT_MAX_BODY_BYTES, BodySizeLimit

LIMIT = 256


@pytest.fixture(scope="module")
def small_limit_client(tiny_model):
    with TestClient(create_app(tiny_model, max_body_bytes=LIMIT)) as c:
        yield c


def _blend_body(size: int) -> bytes:
    """A valid blend request padded with JSON whitespace to exactly ``size`` bytes."""
    core = json.dumps({"weights": {"warm": 1.0}}).encode()
    return core[:-1] + b" " * (size - len(core)) + b"}"


def test_a_body_at_the_limit_is_accepted(small_limit_client):
    r = small_limit_client.post("/api/blend", content=_blend_body(LIMIT), headers={"content-type": "application/json"})
    assert r.status_code == 200


@pytest.mark.parametrize("path", ["/api/blend", "/api/morph", "/"])
def test_a_declared_content_length_over_the_limit_is_413(small_limit_client, path):
    r = small_limit_client.post(path, content=_blend_body(LIMIT + 1), headers={"content-type": "application/json"})
    assert r.status_code == 413
    body = r.json()
    assert (body["error"], body["parameter"], body["limit_bytes"]) == ("body_too_large", "body", LIMIT)


def test_a_streamed_body_without_content_length_is_cut_off_at_the_limit(small_limit_client):
    def chunks():
        for _ in range(10):
            yield b" " * 100

    r = small_limit_client.post("/api/blend", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["limit_bytes"] == LIMIT


def test_the_default_limit_refuses_a_large_blend(client):
    weights = {f"word{i}": 1.0 for i in range(DEFAULT_MAX_BODY_BYTES // 10)}
    r = client.post("/api/blend", json={"weights": weights})
    assert r.status_code == 413


@pytest.mark.parametrize("value", [b"12abc", b"-5", b""])
def test_a_malformed_content_length_is_400(small_limit_client, value):
    # httpx refuses to send a bad Content-Length, so call the ASGI app directly.
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    async def app(scope, receive, send):  # pragma: no cover - must not be reached
        raise AssertionError("the request reached the app")

    import asyncio

    scope = {"type": "http", "method": "POST", "path": "/api/blend", "headers": [(b"content-length", value)]}
    asyncio.run(BodySizeLimit(app, 10)(scope, receive, send))
    assert sent[0]["status"] == 400
    assert json.loads(sent[1]["body"])["parameter"] == "content-length"


@pytest.mark.parametrize("bad", [-1, 1.5, True, "16k"])
def test_the_limit_itself_must_be_a_byte_count(tiny_model, bad):
    with pytest.raises(ParameterError, match="max_body_bytes"):
        create_app(tiny_model, max_body_bytes=bad)
