"""The names eqmorph gives the files it names itself: one rule for the command line's default names (``eqmorph plot``
without ``-o``) and the web page's downloads (``/api/export``'s, and the Match card's, built in ``web/filenames.js``,
which mirrors :func:`slug` and :func:`file_stem`).

Each piece of text is lower case, its accents stripped ("cálido" -> "calido"), every run of other characters one
hyphen, at most :data:`MAX_PART_CHARS` characters; the pieces are joined by hyphens. Numbers are written as they are
("0.300", "x1.5"). ``un poco más cálido`` to ``bright`` at 0.3 is ``un-poco-mas-calido-to-bright-0.300``; the page
puts ``eqmorph-`` before its downloads' names, as they land in a downloads folder among other programs' files.
(A new-user trial: the command line wrote ``un_poco_más_cálido-to-less_muddy.png``, the page
``eqmorph-un-poco-mas-calido-bright-0.300.json`` and a bare ``eqmorph-match.txt``.)
"""

from __future__ import annotations

import re
import unicodedata

MAX_PART_CHARS = 32  # a long phrase's name stays well under every file system's 255
FALLBACK_STEM = "eq"  # a text with no letter or digit to keep ("???", "温暖")


def slug(text: str) -> str:
    """``text`` as a piece of a file name: ``"Un poco más cálido!"`` -> ``"un-poco-mas-calido"`` ("" if nothing is
    left: no letter or digit of a-z, 0-9 once its accents are stripped)."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:MAX_PART_CHARS].strip("-")


def file_stem(*parts: str) -> str:
    """The pieces' :func:`slug` s joined by hyphens, the empty ones left out (:data:`FALLBACK_STEM` if none is left)."""
    return "-".join(s for s in map(slug, parts) if s) or FALLBACK_STEM


def eq_stem(word: str, to: str | None = None, *, alpha: float | None = None, intensity: float = 1.0,
            source: str | None = None) -> str:
    """The stem of a file of one word's EQ (``warm``) or of a morph (``warm-to-bright-0.300``), with the intensity
    when it is not 1 (``-x0.5``) and the crowd when one is named (``-safe``)."""
    stem = file_stem(word) if to is None else file_stem(word, "to", to)
    if alpha is not None:
        stem += f"-{alpha:.3f}"
    if intensity != 1.0:
        stem += f"-x{intensity:g}"
    return stem + (f"-{slug(source)}" if source and slug(source) else "")


__all__ = ["FALLBACK_STEM", "MAX_PART_CHARS", "eq_stem", "file_stem", "slug"]
