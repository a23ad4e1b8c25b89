"""The project's own exceptions.

Every public entry point raises one of these for bad input, so that the CLI
and the server can turn them into one-line messages and status codes without
catching unrelated bugs.
"""

from __future__ import annotations

import os
import re
import sys

# Messages stay one short line: a value is echoed for context, never in full (a 500-word phrase, an EQ's repr).
MAX_VALUE_CHARS = 60
# ... except a path, which the user needs whole to know which file is meant; this only bounds the line.
MAX_PATH_CHARS = 1024


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def user_stacklevel() -> int:
    """The ``stacklevel`` for :func:`warnings.warn`, called where it is, that names the first line outside eqmorph:
    the user's, however deep inside the package the warning is raised (``EQ.process`` pointed at core/eq.py, one
    call short of the user's line: a new-user trial, 2026-12-04)."""
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame, level = frame.f_back, level + 1
    return level


def shown_value(value: object, *, with_type: bool = False) -> str:
    """``value`` as a message shows it: its repr on one line, cut to :data:`MAX_VALUE_CHARS` characters.

    A path (an ``os.PathLike``, or text holding a ``/`` or the system's separator) may take :data:`MAX_PATH_CHARS`.
    ``with_type``: ``<str 'warm'>``, for a value of the wrong type (a bare ``'str'`` would read as the value).
    """
    text = re.sub(r"\s*\n\s*", " ", repr(value))  # an array's repr spans lines
    is_path = isinstance(value, os.PathLike) or (isinstance(value, str) and ("/" in value or os.sep in value))
    limit = MAX_PATH_CHARS if is_path else MAX_VALUE_CHARS
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    return f"<{type(value).__name__} {text}>" if with_type else text


class EqmorphError(Exception):
    """Base class for every error eqmorph raises on purpose."""


class ParameterError(EqmorphError, ValueError):
    """A value is outside what a parameter allows.

    ``wrong_type``: the value is not even of the kind asked for (a word where an EQ is expected), so the
    message shows its type as well as its value.
    """

    def __init__(self, name: str, value: object, allowed: str, *, wrong_type: bool = False) -> None:
        self.name = name
        self.value = value
        self.allowed = allowed
        self.wrong_type = wrong_type
        super().__init__(f"{name}={shown_value(value, with_type=wrong_type)} is not allowed: expected {allowed}")

    def renamed(self, name: str, allowed: str | None = None) -> ParameterError:
        """The same error about parameter ``name`` (as the caller knows it), optionally with other allowed values."""
        return ParameterError(name, self.value, self.allowed if allowed is None else allowed,
                              wrong_type=self.wrong_type)


class DataFormatError(EqmorphError, ValueError):
    """A file is not in the format it claims to be (dataset, preset, audio)."""


class ModelFileError(EqmorphError, ValueError):
    """A model directory is missing files, corrupt, or inconsistent."""


class UnknownWordError(EqmorphError, LookupError):
    """A descriptor the model has no centroid for."""

    def __init__(self, word: str, suggestions: list[tuple[str, int]], message: str | None = None,
                 studio_terms: tuple[str, ...] = ()) -> None:
        """``suggestions``: known words with their example counts; ``message``: instead of the spelling hint;
        ``studio_terms``: studio terms (band words, which have no examples) spelled like ``word``."""
        self.word = word
        self.suggestions = suggestions
        self.studio_terms = tuple(studio_terms)
        shown = shown_value(word)
        if message is not None:
            msg = message
        elif suggestions:
            hint = ", ".join(f"{w} ({n} examples)" for w, n in suggestions)
            msg = f"unknown word {shown}; closest known words: {hint}"
        else:
            # In brackets: a hint that follows ("; add --open-vocab ...") reads on from the word, not from a "no".
            msg = f"unknown word {shown} (no similar known words)" if not studio_terms else f"unknown word {shown}"
        if studio_terms and message is None:
            msg += f"; studio term{'s' if len(studio_terms) > 1 else ''} spelled like it: {', '.join(studio_terms)}"
        self.base_message = msg
        self.hint = ""
        super().__init__(msg)

    def set_hint(self, hint: str) -> None:
        """Say ``hint`` after the message (``""``: none): how the open vocabulary, which would read this word, is
        turned on, said by the front end the user is in (the library's keyword, the server's option)."""
        self.hint = hint
        self.args = (f"{self.base_message}; {hint}" if hint else self.base_message,)

    def __str__(self) -> str:
        # LookupError would otherwise quote the message like a dict key.
        return self.args[0]


class DataUnavailableError(EqmorphError, RuntimeError):
    """A dataset could not be found locally nor downloaded."""


class AudioError(EqmorphError, ValueError):
    """An audio file cannot be read, processed or written as asked."""


class AutoGainPeakWarning(UserWarning):
    """Auto gain on an array left the output quieter than the input, so that its peak stays below full scale (the
    command line says so in its report; an array has no report)."""


class ClippingPreampWarning(UserWarning):
    """A preset written with a preamp under which its EQ's boosts take a full-scale input past 0 dBFS."""
