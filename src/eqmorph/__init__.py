"""eqmorph: words to 5-band parametric EQ, morphing between words, applied to audio."""

from eqmorph.core.eq import EQ, Band
from eqmorph.errors import (
    AudioError,
    DataFormatError,
    DataUnavailableError,
    EqmorphError,
    ModelFileError,
    ParameterError,
    UnknownWordError,
)

__version__ = "0.1.0"

from eqmorph.language.interpretation import Interpretation  # noqa: E402  (needs __version__ defined first)
from eqmorph.language.parse import MAX_TEXT_CHARS  # noqa: E402
from eqmorph.semantic.morph import Morpher, WordInfo, load  # noqa: E402
from eqmorph.semantic.path import MorphPath  # noqa: E402

# Matching needs the audio analysis and the response fit, which generating a word's EQ does not: these names are
# imported on first use (PEP 562), so ``import eqmorph`` stays that much lighter.
_MATCH_NAMES = ("match", "match_files", "match_result", "MatchResult")


def __getattr__(name: str) -> object:
    """``eqmorph.match``, ``match_files``, ``match_result`` and ``MatchResult`` (:mod:`eqmorph.semantic.match`),
    imported on first use."""
    if name in _MATCH_NAMES:
        from eqmorph.semantic import match

        return getattr(match, name)
    raise AttributeError(f"module 'eqmorph' has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every public name, the lazily imported match functions included (tab completion, ``help``)."""
    return sorted(set(globals()) | set(_MATCH_NAMES))


__all__ = [
    "EQ",
    "Band",
    "Interpretation",
    "MAX_TEXT_CHARS",
    "Morpher",
    "MorphPath",
    "WordInfo",
    "load",
    "match",
    "match_files",
    "match_result",
    "MatchResult",
    "AudioError",
    "DataFormatError",
    "DataUnavailableError",
    "EqmorphError",
    "ModelFileError",
    "ParameterError",
    "UnknownWordError",
    "__version__",
]
