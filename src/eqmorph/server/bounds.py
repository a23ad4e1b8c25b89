"""The bounds of the web API's request values, in one place: the routes, the short path, the schemas and the page.

The library decides what a value may be (``MAX_INTENSITY`` in :mod:`eqmorph.semantic.morph`; alpha is
a fraction of the way from one word to the other, so 0..1; a word or phrase is at most
``MAX_TEXT_CHARS`` long, :mod:`eqmorph.language.phrase_text`); this module turns that into the
server's bounds once. FastAPI's query validation, the request-body models, the slider short path
all read them from here, and ``GET /api/limits`` serves them to the page, whose sliders take
their ranges from that answer: no bound is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eqmorph.language.phrase_text import MAX_TEXT_CHARS
from eqmorph.semantic.morph import MAX_INTENSITY


@dataclass(frozen=True)
class Bound:
    """A number a request may carry: ``low <= value <= high``, ``default`` where it may be left out."""

    name: str
    low: float
    high: float
    default: float | None  # None: the parameter is required
    step: float  # the page's slider step: the finest change a user makes by hand
    description: str

    def as_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "default": self.default, "step": self.step,
                "description": self.description}


ALPHA = Bound("alpha", 0.0, 1.0, None, 0.001, "0 is word a, 1 is word b")
INTENSITY = Bound("intensity", -MAX_INTENSITY, MAX_INTENSITY, 1.0, 0.01,
                  "0 flat, 1 the word, > 1 stronger, < 0 the opposite")
SLIDERS = (ALPHA, INTENSITY)


def limits_body() -> dict[str, Any]:
    """``GET /api/limits``: every bound a page needs, ``{"alpha": {...}, "intensity": {...}, "text_chars": n}``."""
    return {**{b.name: b.as_dict() for b in SLIDERS}, "text_chars": MAX_TEXT_CHARS}
