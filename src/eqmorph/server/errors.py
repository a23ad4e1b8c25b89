"""How bad requests are answered: JSON bodies that name the parameter, the value and what is allowed.

* unknown word -> 404 ``{"error": "unknown_word", "parameter", "word", "suggestions": [{"word", "count"}]}``
* a value out of range, not a number, NaN, a wrong format -> 422
  ``{"error": "invalid_parameter", "parameter", "value", "allowed", "detail"}``
  (whether FastAPI's validation or the library's :class:`ParameterError` caught it); a body that is not
  JSON is ``"parameter": "body"`` with the start of the body as its value, and so is a body sent without
  ``Content-Type: application/json`` (curl's ``-d`` sends a form), whose message asks for that header
* errors about a word or phrase name the request's parameter that held it (``word``, ``a``, ``b``,
  ``weights``, ``text``), never the library's own name for it (:func:`as_parameter`)
* any other :class:`EqmorphError` -> 400 with its one-line message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from eqmorph.errors import EqmorphError, ParameterError, UnknownWordError

MAX_ECHO_CHARS = 80  # values are echoed back for context, never in full


def _echo(value: object) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= MAX_ECHO_CHARS else text[:MAX_ECHO_CHARS] + "..."


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


def unknown_word_body(parameter: str, error: UnknownWordError) -> dict[str, Any]:
    """The 404 body: which parameter held the word, and known words spelled like it with their counts."""
    return {
        "error": "unknown_word",
        "parameter": parameter,
        "word": _echo(error.word),
        "suggestions": [{"word": w, "count": int(n)} for w, n in error.suggestions],
        "detail": str(error),
    }


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
        return {"parameter": "body", "type": kind, "value": _echo(body),
                "message": f"not valid JSON ({reason}{where}); expected a JSON object"}
    return {"parameter": _parameter_of(error), "message": str(error.get("msg", "")), "type": kind,
            "value": _echo(error.get("input")) if kind != "missing" else None}


def _is_json(content_type: str) -> bool:
    """Whether FastAPI parses a body of this Content-Type as JSON (``application/json`` or ``application/*+json``)."""
    mime = content_type.split(";")[0].strip().lower()
    return mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))


def _not_json(content_type: str, body: object) -> dict[str, Any]:
    """The error for a body FastAPI never parsed, because its Content-Type did not say JSON (curl -d sends a form)."""
    sent = f"Content-Type {content_type!r}" if content_type else "no Content-Type"
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    return {"parameter": "body", "type": "content_type", "value": _echo(text),
            "message": f"send a JSON object with Content-Type: application/json (this request had {sent})"}


def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [_described(e, exc.body) for e in exc.errors()]
    content_type = request.headers.get("content-type", "")
    if not _is_json(content_type) and any(e["parameter"].split(".")[0] == "body" for e in errors):
        # The body was read as bytes, so every complaint about it ("a valid dictionary") misleads: name the header.
        errors = [_not_json(content_type, exc.body)] + [e for e in errors if e["parameter"].split(".")[0] != "body"]
    first = errors[0] if errors else {"parameter": "request", "message": "invalid request", "value": None}
    return JSONResponse(status_code=422, content={
        "error": "invalid_parameter",
        "parameter": first["parameter"],
        "value": first["value"],
        "allowed": first["message"],
        "detail": f"{first['parameter']}: {first['message']}",
        "errors": errors,
    })


def _parameter_error(_: Request, exc: ParameterError) -> JSONResponse:
    return JSONResponse(status_code=422, content={
        "error": "invalid_parameter", "parameter": exc.name, "value": _echo(exc.value), "allowed": exc.allowed,
        "detail": str(exc)[:300],
    })


def _word_not_found(_: Request, exc: WordNotFound) -> JSONResponse:
    return JSONResponse(status_code=404, content=unknown_word_body(exc.parameter, exc.error))


def _unknown_word(_: Request, exc: UnknownWordError) -> JSONResponse:
    return JSONResponse(status_code=404, content=unknown_word_body("word", exc))


def _eqmorph_error(_: Request, exc: EqmorphError) -> JSONResponse:
    return JSONResponse(status_code=400, content={"error": "bad_request", "detail": str(exc)[:300]})


def install(app: FastAPI) -> None:
    """Register the handlers above on ``app`` (most specific exception types first)."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(WordNotFound, _word_not_found)
    app.add_exception_handler(UnknownWordError, _unknown_word)
    app.add_exception_handler(ParameterError, _parameter_error)
    app.add_exception_handler(EqmorphError, _eqmorph_error)
