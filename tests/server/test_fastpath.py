"""The slider's short path: it answers exactly what the validating routes answer, and only valid requests."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from urllib.parse import parse_qsl

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eqmorph.errors import ParameterError
from eqmorph.server import create_app
from eqmorph.server.fastpath import ShortPath, _query_pairs


@pytest.fixture(scope="module")
def slow_client(tiny_model) -> Iterator[TestClient]:
    """The same app with every request going through FastAPI's validation."""
    with TestClient(create_app(tiny_model, short_path=False)) as c:
        yield c


def _same_answer(fast, slow) -> None:
    assert fast.status_code == slow.status_code
    assert fast.headers["content-type"] == slow.headers["content-type"]
    if fast.status_code == 200:  # computed by two apps independently: the bytes must still agree
        assert fast.content == slow.content
    else:
        assert fast.json() == slow.json()


# Query fragments a slider, a typo or a hostile client might send.
WORDS = ["warm", "bright", "muddy", "thin", "Warm", " warm", "warmm", "", "x" * 100, "w%C3%A4rm", "bright%00"]
NUMBERS = ["0", "1", "0.5", ".5", "5.", "-0", "-0.0", "00.25", "0.3333333333333333333333", "1.0000001", "-0.1",
           "2", "4", "4.5", "-4", "1e-3", "+0.5", " 0.5", "nan", "inf", "-inf", "0x1", "1_0", "", "abc", "0.5.5",
           "\u0661", "1" + "0" * 50]


def _query(parts: list[tuple[str, str]]) -> str:
    return "&".join(f"{k}={v}" for k, v in parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(
    st.tuples(st.sampled_from(["a", "b", "word"]), st.sampled_from(WORDS)),
    st.tuples(st.sampled_from(["alpha", "intensity"]), st.sampled_from(NUMBERS)),
    st.tuples(st.sampled_from(["other", "alpha[]", "A"]), st.sampled_from(["1", "warm"]))), max_size=6),
    path=st.sampled_from(["/api/morph", "/api/generate"]))
def test_any_query_gets_the_same_answer_with_and_without_the_short_path(client, slow_client, parts, path):
    url = f"{path}?{_query(parts)}"
    _same_answer(client.get(url), slow_client.get(url))


@given(query=st.text(alphabet="ab=&%+;2F. \u00e9", max_size=30))
def test_the_short_path_reads_a_query_as_starlette_does(query):
    assert _query_pairs(query) == parse_qsl(query, keep_blank_values=True)


@pytest.mark.parametrize("url", [
    "/api/morph?a=warm&b=bright&alpha=0.25",
    "/api/morph?alpha=1&b=muddy&a=thin&intensity=-2.5",
    "/api/morph?a=warm&b=warm&alpha=0.5&unused=1",
    "/api/generate?word=bright",
    "/api/generate?word=muddy&intensity=0",
])
def test_valid_slider_requests_get_the_validating_routes_answer(client, slow_client, url):
    _same_answer(client.get(url), slow_client.get(url))


class _Recorder:
    """An inner ASGI app that only notes that it was called."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, scope, receive, send) -> None:
        self.calls += 1


def _call(short: ShortPath, path: str, query: bytes, method: str = "GET",
          headers: tuple[tuple[bytes, bytes], ...] = ()) -> list[dict]:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": query, "headers": list(headers)}
    asyncio.run(short(scope, receive, send))
    return sent


def _short_path() -> tuple[ShortPath, _Recorder, list[tuple]]:
    inner, asked = _Recorder(), []

    async def morph(*args):
        asked.append(("morph", *args))
        return b'{"m":1}'

    async def generate(*args):
        asked.append(("generate", *args))
        return b'{"g":1}'

    return ShortPath(inner, vocabulary={"warm": "warm", "bright": "bright", "brighter": "bright"},
                     morph=morph, generate=generate), inner, asked


def test_a_word_standing_for_another_is_answered_as_that_word():
    short, inner, asked = _short_path()
    _call(short, "/api/morph", b"a=brighter&b=warm&alpha=0.5")
    _call(short, "/api/generate", b"word=brighter")
    assert (inner.calls, asked) == (0, [("morph", "bright", "warm", 0.5, 1.0), ("generate", "bright", 1.0)])


@pytest.mark.parametrize("path", ["/api/morph?a={w}&b={other}&alpha=0.3", "/api/generate?word={w}"])
def test_a_word_standing_for_another_gets_the_same_answer_either_way(path):
    import eqmorph

    model = eqmorph.load()
    shadowed = [w for w in model.terms if model.resolve(w) != [(w, 1.0)] and len(model.resolve(w)) == 1]
    if not shadowed:
        pytest.skip("the bundled model has no word that stands for another")
    url = path.format(w=shadowed[0], other=model.terms[0])
    with TestClient(create_app(model)) as fast, TestClient(create_app(model, short_path=False)) as slow:
        _same_answer(fast.get(url), slow.get(url))


def test_the_short_path_answers_before_the_middleware_stack(tiny_model):
    app, seen = create_app(tiny_model), []

    class Counting:
        def __init__(self, inner):
            self.inner = inner

        async def __call__(self, scope, receive, send):
            seen.append(scope.get("path"))
            await self.inner(scope, receive, send)

    app.add_middleware(Counting)
    with TestClient(app) as c:
        assert c.get("/api/morph?a=warm&b=bright&alpha=0.5").status_code == 200
        assert c.get("/api/words").status_code == 200
    assert "/api/morph" not in seen and "/api/words" in seen


def test_a_valid_morph_is_answered_without_the_inner_app_and_with_parsed_values():
    short, inner, asked = _short_path()
    sent = _call(short, "/api/morph", b"a=warm&b=bright&alpha=.25&intensity=-1.5")
    assert inner.calls == 0
    assert asked == [("morph", "warm", "bright", 0.25, -1.5)]
    assert sent[0]["status"] == 200
    assert dict(sent[0]["headers"]) == {b"content-length": b"7", b"content-type": b"application/json"}
    assert sent[1]["body"] == b'{"m":1}'


def test_intensity_defaults_to_1_as_in_the_routes():
    short, _, asked = _short_path()
    _call(short, "/api/generate", b"word=warm")
    assert asked == [("generate", "warm", 1.0)]


@pytest.mark.parametrize("path,query,method,headers", [
    ("/api/morph", b"a=warm&b=bright", "GET", ()),  # alpha missing
    ("/api/morph", b"a=warm&b=bright&alpha=0.5&alpha=0.6", "GET", ()),  # repeated
    ("/api/morph", b"a=Warm&b=bright&alpha=0.5", "GET", ()),  # another spelling: the route normalises it
    ("/api/morph", b"a=warm&b=dull&alpha=0.5", "GET", ()),  # unknown word: the route answers 404
    ("/api/morph", b"a=warm&b=bright&alpha=1.5", "GET", ()),  # out of range: 422
    ("/api/morph", b"a=warm&b=bright&alpha=5e-1", "GET", ()),  # not a plain decimal
    ("/api/generate", b"word=warm&intensity=4.01", "GET", ()),
    ("/api/morph", b"a=warm&b=bright&alpha=0.5", "HEAD", ()),
    ("/api/morph", b"a=warm&b=bright&alpha=0.5", "GET", ((b"content-length", b"5"),)),  # a body: size limit first
    ("/api/words", b"", "GET", ()),
])
def test_anything_else_goes_to_the_validating_app_untouched(path, query, method, headers):
    short, inner, asked = _short_path()
    assert _call(short, path, query, method, headers) == []
    assert (inner.calls, asked) == (1, [])


def test_short_path_must_be_a_bool(tiny_model):
    with pytest.raises(ParameterError, match="short_path"):
        create_app(tiny_model, short_path="yes")
