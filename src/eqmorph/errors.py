"""The project's own exceptions.

Every public entry point raises one of these for bad input, so that the CLI
and the server can turn them into one-line messages and status codes without
catching unrelated bugs.
"""

from __future__ import annotations


class EqmorphError(Exception):
    """Base class for every error eqmorph raises on purpose."""


class ParameterError(EqmorphError, ValueError):
    """A value is outside what a parameter allows."""

    def __init__(self, name: str, value: object, allowed: str) -> None:
        self.name = name
        self.value = value
        self.allowed = allowed
        super().__init__(f"{name}={value!r} is not allowed: expected {allowed}")


class DataFormatError(EqmorphError, ValueError):
    """A file is not in the format it claims to be (dataset, preset, audio)."""


class ModelFileError(EqmorphError, ValueError):
    """A model directory is missing files, corrupt, or inconsistent."""


class UnknownWordError(EqmorphError, LookupError):
    """A descriptor the model has no centroid for."""

    def __init__(self, word: str, suggestions: list[tuple[str, int]]) -> None:
        self.word = word
        self.suggestions = suggestions
        if suggestions:
            hint = ", ".join(f"{w} ({n} examples)" for w, n in suggestions)
            msg = f"unknown word {word!r}; closest known words: {hint}"
        else:
            msg = f"unknown word {word!r}; no similar known words"
        super().__init__(msg)

    def __str__(self) -> str:
        # LookupError would otherwise quote the message like a dict key.
        return self.args[0]


class DataUnavailableError(EqmorphError, RuntimeError):
    """A dataset could not be found locally nor downloaded."""


class AudioError(EqmorphError, ValueError):
    """An audio file cannot be read, processed or written as asked."""
