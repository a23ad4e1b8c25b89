"""What a phrase may be before it is read: its length, its characters, and a crowd it names.

The checks every entry point shares (the API, the CLI's word arguments, the server's word boxes, whose
413 answer comes from :data:`MAX_TEXT_CHARS`), apart from the grammar that reads the words
(:mod:`eqmorph.language.parse`).
"""

from __future__ import annotations

import re
import unicodedata

from eqmorph.errors import ParameterError
from eqmorph.language.terms import normalise_term

MAX_TEXT_CHARS = 200  # longest text accepted: a descriptor phrase is a few words; the server answers 413 above it
SOURCES = ("socialfx", "safe")  # crowds a phrase may name: "warm (safe)", "safe: warm"

_SOURCE_TAG = re.compile(r"\(\s*(socialfx|safe)\s*\)|^\s*(socialfx|safe)\s*:|\b(?:from|in|en|de)\s+(socialfx|safe)\b")
# Characters a description is written with: letters, digits, spaces and the grammar's punctuation. Anything
# else ("SELECT * FROM", "<img src=x>", "a=b") is no description: refused, not sent to the embedding.
_NOT_TEXT = re.compile(r"[^\w\s,;:/&+|'’\-−×%.!?()\"“”«»¡¿@]")  # "@ 250": at 250 Hz (language/numbers.py)
# Emoji a beginner types beside the words ("more bass 🔥", "too bright 😬"): pictures, skin tones, joiners and the
# emoji presentation selector. Refused with the phrase until an eighteenth trial (2026-12-04), they are dropped.
_PERCENT_WORD = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:percent|per cent|por ciento|porciento)(?![^\W_])")
_EMOJI = re.compile("[\U0001F3FB-\U0001F3FF\u200D\uFE0F]")
# Typography phones and mail clients put in: curly single quotes are apostrophes, a dash between words separates as a
# comma does, one between digits is a range's hyphen (refused until a twenty-eighth trial, 2026-12-04).
_CURLY = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'"})
_DASH = re.compile(r"\s*—\s*|\s+[–‒]\s+")
# Arrows say a direction ("highs ⬇️" was dropped with the emoji, and boosted the highs 6 dB: a thirtieth trial)
_ARROWS = str.maketrans({**dict.fromkeys("⬇↓🔽👇📉", " down "), **dict.fromkeys("⬆↑🔼👆📈", " up ")})


def checked_text(text: object) -> tuple[str, str | None]:
    """``text`` normalised (:func:`~eqmorph.language.terms.normalise_term`) with a named crowd taken out, and
    that crowd ("socialfx", "safe") or None. Raises ParameterError for a non-string, a text longer than
    :data:`MAX_TEXT_CHARS` or one holding characters no description is written with."""
    if not isinstance(text, str):
        raise ParameterError("text", text, "a word or phrase such as 'warm' or 'less muddy'")
    if len(text) > MAX_TEXT_CHARS:
        raise ParameterError("text", text, f"at most {MAX_TEXT_CHARS} characters (this text has {len(text)})")
    if not text.isascii():  # emoji are not; most phrases are, and skip the look at each character
        text = "".join(c for c in _EMOJI.sub("", text.translate(_ARROWS)) if unicodedata.category(c) != "So")
        text = _DASH.sub(", ", text.translate(_CURLY)).replace("–", "-").replace("‒", "-")
    odd = next((c for c in _NOT_TEXT.findall(text) if not unicodedata.category(c).startswith("M")), None)
    if odd:  # combining marks (a decomposed accent) belong to their letter
        raise ParameterError("text", text, f"words, spaces and , ; / & + ' - % . ! ? ( ) @ between them (it has "
                                           f"{odd!r}), e.g. 'warm' or 'a bit brighter, less muddy'")
    norm = _PERCENT_WORD.sub(r"\1%", normalise_term(text))  # "30 percent more treble" (read as 30 dB: refused)
    tag = _SOURCE_TAG.search(norm)
    if tag is None:
        return norm, None
    return _SOURCE_TAG.sub(" ", norm, count=1), next(g for g in tag.groups() if g)


__all__ = ["MAX_TEXT_CHARS", "SOURCES", "checked_text"]
