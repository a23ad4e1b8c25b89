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

from eqmorph.semantic.morph import Morpher, WordInfo, load  # noqa: E402  (needs __version__ defined first)

__all__ = [
    "EQ",
    "Band",
    "Morpher",
    "WordInfo",
    "load",
    "AudioError",
    "DataFormatError",
    "DataUnavailableError",
    "EqmorphError",
    "ModelFileError",
    "ParameterError",
    "UnknownWordError",
    "__version__",
]
