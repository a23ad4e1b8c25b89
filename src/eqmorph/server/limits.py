"""Request body size limit as a pure ASGI middleware.

Two checks, because a client can lie or say nothing: a declared ``Content-Length``
above the limit is refused before a byte of the body is read, and a body sent
without one (chunked) is counted while it streams and refused as soon as it
passes the limit. Either way the answer is ``413`` with a JSON body naming the
limit. Bodies within the limit are buffered (they are a few hundred bytes, a
match's spectra about half a megabyte) and replayed to the app unchanged.

``/api/match`` has a larger limit of its own (:data:`MATCH_MAX_BODY_BYTES`), sized so that every request its
schema admits fits with its numbers written in full (as ``json.dumps`` writes numpy's floats, unindented).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

from eqmorph.errors import ParameterError
from eqmorph.server.errors import error_body
from eqmorph.server.schemas import MAX_SPECTRUM_BINS

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# A blend of MAX_BLEND_WORDS words of MAX_TEXT_CHARS is ~15 KB: anything bigger is not a request of ours.
DEFAULT_MAX_BODY_BYTES = 96 * 1024
# POST /api/match: two spectra of MAX_SPECTRUM_BINS numbers each (3.4 MB). A float64 written in full
# ("-123.45678901234567, ") takes up to 25 bytes; the rest of the body is under 1 KB. At the default limit only values
# rounded to 0.1 dB fitted, which the schema did not say, so clients writing numpy's floats got 413. The page sends
# the library's spectrum (32,769 bins at 44.1 and 48 kHz, 65,537 at most) rounded to 0.1 dB: 0.4-0.9 MB.
MATCH_NUMBER_BYTES = 26
MATCH_MAX_BODY_BYTES = 2 * MAX_SPECTRUM_BINS * MATCH_NUMBER_BYTES + 4096
PATH_MAX_BODY_BYTES = {"/api/match": MATCH_MAX_BODY_BYTES}  # paths whose requests need more than the default


async def send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    """Answer with ``body`` as JSON and close the connection (the request's body may be left unread)."""
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": data})


def check_max_body_bytes(value: object) -> int:
    """``value`` if it is a byte count (an integer >= 0), else :class:`ParameterError`."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ParameterError("max_body_bytes", value, "an integer number of bytes >= 0")
    return value


class BodySizeLimit:
    """Refuse HTTP requests whose body is larger than ``max_body_bytes`` with 413.

    ``path_limits``: paths whose bodies may be larger, path -> bytes (a path's limit is never below
    ``max_body_bytes``).
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
                 path_limits: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.max_body_bytes = check_max_body_bytes(max_body_bytes)
        self.path_limits = {path: max(check_max_body_bytes(limit), self.max_body_bytes)
                            for path, limit in (path_limits or {}).items()}

    @staticmethod
    def _too_large(send: Send, size: str, limit: int) -> Awaitable[None]:
        return send_json(send, 413, error_body(
            "body_too_large", "body", None, f"a body of at most {limit} bytes",
            f"request body of {size} is larger than the limit of {limit} bytes", limit_bytes=limit))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.path_limits.get(scope.get("path", ""), self.max_body_bytes)
        declared = [v for k, v in scope.get("headers", ()) if k.lower() == b"content-length"]
        if declared:
            text = declared[0].decode("latin-1").strip()
            if len(declared) > 1 or not text.isdigit():
                await send_json(send, 400, error_body(
                    "bad_request", "content-length", ", ".join(v.decode("latin-1") for v in declared),
                    "one non-negative integer", "Content-Length must be one non-negative integer"))
                return
            if int(text) > limit:
                await self._too_large(send, f"{int(text)} bytes", limit)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: nothing to answer
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._too_large(send, f"more than {limit} bytes", limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()  # after the body only http.disconnect can come

        await self.app(scope, replay, send)
