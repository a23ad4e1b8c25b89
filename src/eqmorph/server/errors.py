"""How bad requests are answered: JSON bodies that name the parameter, the value and what is allowed.

Every error the app sends has one shape, ``{"error", "parameter", "value", "allowed", "detail"}``
(:func:`error_body`; ``parameter``, ``value`` and ``allowed`` are null where nothing more precise can be
said), with extra keys for some kinds:

* unknown word -> 404 ``"error": "unknown_word"``, plus ``"word"`` and ``"suggestions": [{"word", "count"}]``
* a value out of range, not a number, NaN, a wrong format, a required parameter left out, a query parameter
  given more than once (``?a=warm&a=bright``: no copy silently wins) -> 422 ``"error": "invalid_parameter"``,
  plus ``"errors"`` (each problem) when FastAPI's validation caught it; a
  body that is not JSON (or nested too deeply, or not UTF-8) is ``"parameter": "body"``, and so is a body
  sent without ``Content-Type: application/json`` (curl's ``-d`` sends a form), whose message asks for that header
* errors about a word or phrase name the request's parameter that held it (``word``, ``a``, ``b``,
  ``weights``, ``text``), never the library's own name for it (:func:`as_parameter`)
* a path the server does not have -> 404 ``"not_found"`` (``"parameter": "path"``); a method a path does
  not answer -> 405 ``"method_not_allowed"`` (``"parameter": "method"``, and the ``Allow`` header)
* a body over the size limit -> 413 ``"body_too_large"`` (:mod:`.limits`); a ``Host`` a loopback server
  must refuse -> 400 ``"host_not_allowed"`` (:mod:`.hosts`)
* any other :class:`EqmorphError` -> 400 ``"bad_request"`` with its one-line message; a bug -> 500
  ``"internal_error"`` (the traceback goes to the server's log, not to the client).

Values are echoed as a JSON client wrote them: text as sent, anything else as JSON (``true``, ``null``, ``[1, 2]``),
never as Python's repr (``True``, ``None``), and so are the values quoted in the messages (``source="x"``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from eqmorph.errors import EqmorphError, ParameterError, UnknownWordError, shown_value

MAX_ECHO_CHARS = 80  # values are echoed back for context, never in full


def _cut(text: str) -> str:
    return text if len(text) <= MAX_ECHO_CHARS else text[:MAX_ECHO_CHARS] + "..."


def json_text(value: object) -> str:
    """``value`` written as JSON (``true``, ``null``, ``"warm"``), as the client sent it; a value JSON cannot
    write (none comes from a request) as the library's messages show it."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError):
        return shown_value(value)


def echo(value: object) -> str | None:
    """``value`` as an error body shows it: text as sent, anything else as JSON, cut after MAX_ECHO_CHARS."""
    if value is None:
        return None
    return _cut(value if isinstance(value, str) else json_text(value))


def error_body(error: str, parameter: str | None, value: object, allowed: str | None, detail: str,
               **extra: Any) -> dict[str, Any]:
    """The one shape of every error answer: what went wrong, about which parameter, the value sent (in part),
    what is allowed and a one-line message; ``extra``: keys of one kind of error (an unknown word's suggestions)."""
    return {"error": error, "parameter": parameter, "value": echo(value), "allowed": allowed,
            "detail": detail, **extra}


class MissingParameter(ParameterError):
    """A parameter the request had to send and did not: the message says it is missing, not ``a=None``."""

    def __init__(self, name: str, allowed: str) -> None:
        super().__init__(name, None, allowed)
        self.args = (f"{name} is missing: expected {allowed}",)


class Refused(ParameterError):
    """A :class:`ParameterError` whose message is a sentence of its own (``the reference recording is 0.3 s long;
    ...``) rather than ``name=value is not allowed``, for refusals a person reads on the page."""

    def __init__(self, name: str, value: object, allowed: str, message: str) -> None:
        super().__init__(name, value, allowed)
        self.args = (message,)


class RepeatedParameter(ParameterError):
    """A query parameter given more than once: Starlette keeps the last copy, which would silently decide."""

    def __init__(self, name: str, values: list[str]) -> None:
        super().__init__(name, values, "one value: give each query parameter once")
        given = ", ".join(json_text(v) for v in values)
        self.args = (f"{name} was given {len(values)} times ({_cut(given)}): give it once",)


class UnknownParameter(ParameterError):
    """A query parameter the route does not take: a typo ("intesity=3") was ignored and the default answered."""

    def __init__(self, name: str, value: str, allowed: list[str]) -> None:
        super().__init__(name, value, f"one of this route's parameters: {', '.join(allowed) or 'none'}")
        self.args = (f"unknown query parameter {json_text(name)}; this route takes "
                     f"{', '.join(allowed) or 'no parameters'}",)


async def check_query(request: Request) -> None:
    """A dependency of every route: :class:`RepeatedParameter` for a query parameter of the route given twice,
    and :class:`UnknownParameter` for one an ``/api/`` route does not take (the page itself, ``/``, takes any:
    a link may carry a tracker's). The short path (:mod:`.fastpath`) hands both on to the route. ``async``: a
    plain ``def`` would cost every request a trip to the threadpool.
    """
    dependant = getattr(request.scope.get("route"), "dependant", None)
    names = None if dependant is None else {p.alias for p in dependant.query_params}
    values: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        if names is not None and key not in names and request.scope["path"].startswith("/api/"):
            raise UnknownParameter(key, value, sorted(names))
        if names is None or key in names:
            values.setdefault(key, []).append(value)
    for key, given in values.items():
        if len(given) > 1:
            raise RepeatedParameter(key, given)


class WordNotFound(Exception):
    """An :class:`UnknownWordError` for a known request parameter (``word``, ``a``, ``b``, ``weights``)."""

    def __init__(self, parameter: str, error: UnknownWordError) -> None:
        super().__init__(str(error))
        self.parameter = parameter
        self.error = error


# The name the language layer gives the text it reads (eqmorph.language.parse: ParameterError("text", ...)); it
# cannot know which request parameter the text came in, so the server renames it (see as_parameter).
LANGUAGE_TEXT = "text"


@contextmanager
def as_parameter(parameter: str) -> Iterator[None]:
    """Errors about a word or phrase a request carried, named after the request's ``parameter``.

    An :class:`UnknownWordError` becomes :class:`WordNotFound` (404) for ``parameter``; the language layer's
    :class:`ParameterError` about its ``text`` (only degree words, words that cancel out, too many descriptors)
    is raised again under ``parameter`` with the same value and allowed values, so a client of
    ``/api/generate?word=very`` is told about ``word``, the parameter it sent.
    """
    try:
        yield
    except UnknownWordError as exc:
        raise WordNotFound(parameter, exc) from None
    except ParameterError as exc:
        if exc.name != LANGUAGE_TEXT:
            raise
        raise exc.renamed(parameter) from None


KNOWN_WORD = "a word the model knows (GET /api/words lists them) or a phrase of such words"


def server_hint() -> str:
    """How the server's user turns the open vocabulary on: the text extra, if missing, and the serve option."""
    from eqmorph.language.open_vocab_hint import text_extra_step

    return f"to read words outside the vocabulary by meaning, {text_extra_step()}start the server with " \
        "eqmorph serve --open-vocab"


def unknown_word_body(parameter: str, error: UnknownWordError) -> dict[str, Any]:
    """The 404 body: which parameter held the word, known words spelled like it with their counts, the studio
    terms spelled like it ("presense": presence), and ``hint``: when the open vocabulary is off but would read the
    word, how to turn it on, as a sentence (in ``detail`` too); else null. The library's hint names its own keyword
    (``eqmorph.load(open_vocabulary=True)``): the server says its option instead."""
    hint = None
    if error.hint:
        said = server_hint()
        error.set_hint(said)
        hint = f"{said[0].upper()}{said[1:]}."
    return error_body("unknown_word", parameter, error.word, KNOWN_WORD, str(error), word=echo(error.word),
                      suggestions=[{"word": w, "count": int(n)} for w, n in error.suggestions],
                      studio_terms=list(error.studio_terms), hint=hint)


def _parameter_of(error: dict[str, Any]) -> str:
    """``("query", "alpha")`` -> ``alpha``; ``("body", "weights", "warm")`` -> ``weights.warm``."""
    loc = error.get("loc", ())
    if len(loc) < 2:
        return "body"
    return ".".join(str(p) for p in loc[1:])


def _described(error: dict[str, Any], body: object) -> dict[str, Any]:
    """One validation error as ``{"parameter", "message", "type", "value"}``, the value echoed in part."""
    kind = error.get("type")
    if kind == "json_invalid":
        # FastAPI gives such an error the input {} (nothing was parsed): what was sent is the request's body, and
        # the location's second part is the character where parsing stopped, not a parameter.
        loc = error.get("loc", ())
        where = f" at character {loc[1]}" if len(loc) > 1 else ""
        reason = str((error.get("ctx") or {}).get("error", "")) or "JSON decode error"
        return {"parameter": "body", "type": kind, "value": echo(body),
                "message": f"not valid JSON ({reason}{where}); expected a JSON object"}
    return {"parameter": _parameter_of(error), "message": str(error.get("msg", "")), "type": kind,
            "value": echo(error.get("input")) if kind != "missing" else None}


def _is_json(content_type: str) -> bool:
    """Whether FastAPI parses a body of this Content-Type as JSON (``application/json`` or ``application/*+json``)."""
    mime = content_type.split(";")[0].strip().lower()
    return mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))


def _not_json(content_type: str, body: object) -> dict[str, Any]:
    """The error for a body FastAPI never parsed, because its Content-Type did not say JSON (curl -d sends a form)."""
    sent = f"Content-Type {content_type!r}" if content_type else "no Content-Type"
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    return {"parameter": "body", "type": "content_type", "value": echo(text),
            "message": f"send a JSON object with Content-Type: application/json (this request had {sent})"}


def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [_described(e, exc.body) for e in exc.errors()]
    content_type = request.headers.get("content-type", "")
    if not _is_json(content_type) and any(e["parameter"].split(".")[0] == "body" for e in errors):
        # The body was read as bytes, so every complaint about it ("a valid dictionary") misleads: name the header.
        errors = [_not_json(content_type, exc.body)] + [e for e in errors if e["parameter"].split(".")[0] != "body"]
    first = errors[0] if errors else {"parameter": "request", "message": "invalid request", "value": None}
    # The value was echoed (in part) already: error_body would add "..." to a cut one again.
    body = error_body("invalid_parameter", first["parameter"], None, first["message"],
                      f"{first['parameter']}: {first['message']}", errors=errors)
    return JSONResponse(status_code=422, content={**body, "value": first["value"]})


def _parameter_error(_: Request, exc: ParameterError) -> JSONResponse:
    message = str(exc)
    # The library writes the value as Python's repr ("weights={'warm': True}"); a client of a JSON API wrote JSON.
    said = f"{exc.name}={shown_value(exc.value, with_type=exc.wrong_type)}"
    if not exc.wrong_type and message.startswith(said):
        message = f"{exc.name}={_cut(json_text(exc.value))}{message[len(said):]}"
    return JSONResponse(status_code=422, content=error_body("invalid_parameter", exc.name, exc.value, exc.allowed,
                                                            message[:300]))


def _word_not_found(_: Request, exc: WordNotFound) -> JSONResponse:
    return JSONResponse(status_code=404, content=unknown_word_body(exc.parameter, exc.error))


def _unknown_word(_: Request, exc: UnknownWordError) -> JSONResponse:
    return JSONResponse(status_code=404, content=unknown_word_body("word", exc))


def _eqmorph_error(_: Request, exc: EqmorphError) -> JSONResponse:
    return JSONResponse(status_code=400, content=error_body("bad_request", None, None, None, str(exc)[:300]))


def _api_paths(request: Request) -> str:
    """The API's paths as its OpenAPI schema lists them (built once per app, then cached by FastAPI)."""
    app = request.scope.get("app")
    paths = app.openapi().get("paths", {}) if isinstance(app, FastAPI) else {}
    return "one of the API's paths: " + ", ".join(p for p in paths if p.startswith("/api/"))


def _unreadable_body(cause: BaseException) -> str:
    """Why FastAPI could not parse a JSON body it was given (it raises HTTP 400 from the parser's error)."""
    if isinstance(cause, RecursionError):
        return "nested too deeply"
    if isinstance(cause, UnicodeDecodeError):
        return "not UTF-8 text"
    return type(cause).__name__


def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    """Starlette's and FastAPI's own errors (no such path, wrong method, a body the parser gave up on) in our shape."""
    headers = dict(exc.headers or {})
    path, method = request.url.path, request.method
    if exc.status_code == 404:
        body = error_body("not_found", "path", path, f"the page /, its files under /static/, or {_api_paths(request)}",
                          f"no such path: {echo(path)}")
    elif exc.status_code == 405:
        allow = [m.strip() for m in headers.get("Allow", "").split(",") if m.strip()]
        if "GET" in allow and "HEAD" not in allow:
            allow.append("HEAD")  # the app answers HEAD wherever it answers GET (app._WebApp)
        headers["Allow"] = ", ".join(allow)
        body = error_body("method_not_allowed", "method", method, headers["Allow"],
                          f"{method} is not allowed on {echo(path)}: it answers {headers['Allow']}")
    elif exc.status_code == 400 and exc.__cause__ is not None:
        # FastAPI's "There was an error parsing the body": json.loads raised something other than a decode error.
        message = f"not readable as JSON ({_unreadable_body(exc.__cause__)}); expected a JSON object"
        return JSONResponse(status_code=422, content=error_body("invalid_parameter", "body", None, message,
                                                                f"body: {message}"))
    else:
        body = error_body("bad_request" if exc.status_code < 500 else "internal_error", None, None, None,
                          str(exc.detail))
    return JSONResponse(status_code=exc.status_code, content=body, headers=headers)


def _internal_error(_: Request, exc: Exception) -> JSONResponse:
    # Starlette logs the traceback after this answer; the client learns only that the fault is the server's.
    return JSONResponse(status_code=500, content=error_body(
        "internal_error", None, None, None, f"the server failed on this request ({type(exc).__name__}); "
        "its log has the details"))


def install(app: FastAPI) -> None:
    """Register the handlers above on ``app`` (most specific exception types first)."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(WordNotFound, _word_not_found)
    app.add_exception_handler(UnknownWordError, _unknown_word)
    app.add_exception_handler(ParameterError, _parameter_error)
    app.add_exception_handler(EqmorphError, _eqmorph_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _internal_error)
