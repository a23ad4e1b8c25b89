"""A short path for the slider's requests: well-formed ``GET /api/morph`` and ``/api/generate``.

A slider drag asks for a morph on every display frame, from every open page. Going through
FastAPI's routing, dependency resolution and pydantic validation cost about 150 us a
request, more than computing the answer, and capped one process at about 2,000 morphs/s.

This pure ASGI middleware answers only requests it can prove are valid: a GET to one of
those two paths whose query holds each parameter at most once, words spelled exactly as in
the vocabulary, and plain decimal numbers inside the allowed ranges. It parses the query
as Starlette does, so a request it answers gets the same bytes and headers the FastAPI
route would send. Anything else (a missing, unknown or repeated parameter, a word in another case,
an unknown word, ``1e-3``, ``nan``, a value out of range, a request with a body) goes on to
the FastAPI app unchanged, which owns every error answer and the OpenAPI schema: there is
one validation and one error path, and this module only skips it for requests that pass.
"""

from __future__ import annotations

import math
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from urllib.parse import parse_qsl

from eqmorph.server.bounds import ALPHA, INTENSITY, Bound
from eqmorph.server.limits import ASGIApp, Receive, Scope, Send

# What the short path accepts as a number: an optional minus, digits with at most one point.
# Every such string means the same float to Python and to pydantic; exponents, signs, "inf"
# and "nan", spaces and non-ASCII digits are left to the validating route.
_DECIMAL = re.compile(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
MAX_NUMBER_CHARS = 40  # a slider sends a handful of digits; longer numbers go the validating way
_HEADERS = [(b"content-type", b"application/json")]
DEFERRED = frozenset({"source"})  # parameters the short path leaves to the validating route (crowds: rarely used)


def _number(text: str, low: float, high: float) -> float | None:
    """``text`` as a float in ``[low, high]``, or None where the validating route must decide."""
    if len(text) > MAX_NUMBER_CHARS or not _DECIMAL.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) and low <= value <= high else None


def _query_pairs(query: str) -> list[tuple[str, str]]:
    """``parse_qsl(query, keep_blank_values=True)``, as Starlette parses a query, without its cost when
    nothing needs unquoting (a slider's query: plain words and numbers, no ``%`` or ``+``)."""
    if "%" in query or "+" in query:
        return parse_qsl(query, keep_blank_values=True)
    pairs = []
    for part in query.split("&"):
        if part:
            key, _, value = part.partition("=")
            pairs.append((key, value))
    return pairs


class _Route:
    """One short-path route: its word and number parameters and the function that renders it."""

    def __init__(self, words: tuple[str, ...], numbers: tuple[Bound, ...],
                 answer: Callable[..., Awaitable[bytes]], vocabulary: Mapping[str, str]) -> None:
        self.words = words  # parameters holding a vocabulary word
        self.vocabulary = vocabulary  # spelling accepted -> the word the validating route answers with
        self.numbers = numbers  # number parameters with their bounds and defaults (None: required)
        self.answer = answer  # awaited with the words then the numbers, in the order above
        self.names = frozenset(words) | frozenset(b.name for b in numbers)

    def args(self, query: bytes) -> list[str | float] | None:
        """The answer's arguments from a raw query string, or None to hand the request on."""
        vocabulary = self.vocabulary
        found: dict[str, str] = {}
        for key, value in _query_pairs(query.decode("latin-1")):
            if key in DEFERRED:
                return None
            if key not in self.names or key in found:  # an unknown or repeated parameter: the route's 422
                return None
            found[key] = value
        out: list[str | float] = []
        for name in self.words:
            word = vocabulary.get(found.get(name, ""))
            if word is None:
                return None
            out.append(word)
        for bound in self.numbers:
            if bound.name not in found:
                if bound.default is None:
                    return None
                out.append(bound.default)
                continue
            number = _number(found[bound.name], bound.low, bound.high)
            if number is None:
                return None
            out.append(number)
        return out


class ShortPath:
    """ASGI middleware answering valid slider requests directly and passing on everything else.

    ``vocabulary``: the words the short path may accept, each exactly as the validating route
    would report it back, or a mapping from a spelling the short path accepts to the word the
    validating route answers with ("brighter" -> "bright", a rare comparative that stands for its
    base); ``morph(a, b, alpha, intensity)`` and ``generate(word, intensity)`` are the coroutines
    the FastAPI routes await for the JSON bytes they send.
    """

    def __init__(self, app: ASGIApp, *, vocabulary: Iterable[str] | Mapping[str, str],
                 morph: Callable[..., Awaitable[bytes]], generate: Callable[..., Awaitable[bytes]]) -> None:
        self.app = app
        words = dict(vocabulary) if isinstance(vocabulary, Mapping) else {w: w for w in vocabulary}
        self.routes = {
            "/api/morph": _Route(("a", "b"), (ALPHA, INTENSITY), morph, words),
            "/api/generate": _Route(("word",), (INTENSITY,), generate, words),
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = self.routes.get(scope["path"]) if scope["type"] == "http" and scope["method"] == "GET" else None
        if route is not None and not any(k in (b"content-length", b"transfer-encoding") for k, _ in scope["headers"]):
            args = route.args(scope["query_string"])
            if args is not None:
                body = await route.answer(*args)
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-length", str(len(body)).encode()), *_HEADERS]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
