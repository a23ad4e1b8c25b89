"""Request body size limit as a pure ASGI middleware.

Two checks, because a client can lie or say nothing: a declared ``Content-Length``
above the limit is refused before a byte of the body is read, and a body sent
without one (chunked) is counted while it streams and refused as soon as it
passes the limit. Either way the answer is ``413`` with a JSON body naming the
limit. Bodies within the limit are buffered (they are a few hundred bytes) and
replayed to the app unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from eqmorph.errors import ParameterError
from eqmorph.server.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Two page-measured spectra for /api/match (8193 bins each, ~50 KB) fit; anything bigger is not a request of ours.
DEFAULT_MAX_BODY_BYTES = 96 * 1024


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
    """Refuse HTTP requests whose body is larger than ``max_body_bytes`` with 413."""

    def __init__(self, app: ASGIApp, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body_bytes = check_max_body_bytes(max_body_bytes)

    def _too_large(self, send: Send, size: str) -> Awaitable[None]:
        return send_json(send, 413, error_body(
            "body_too_large", "body", None, f"a body of at most {self.max_body_bytes} bytes",
            f"request body of {size} is larger than the limit of {self.max_body_bytes} bytes",
            limit_bytes=self.max_body_bytes))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = [v for k, v in scope.get("headers", ()) if k.lower() == b"content-length"]
        if declared:
            text = declared[0].decode("latin-1").strip()
            if len(declared) > 1 or not text.isdigit():
                await send_json(send, 400, error_body(
                    "bad_request", "content-length", ", ".join(v.decode("latin-1") for v in declared),
                    "one non-negative integer", "Content-Length must be one non-negative integer"))
                return
            if int(text) > self.max_body_bytes:
                await self._too_large(send, f"{int(text)} bytes")
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: nothing to answer
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self._too_large(send, f"more than {self.max_body_bytes} bytes")
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
