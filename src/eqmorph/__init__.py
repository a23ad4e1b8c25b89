"""eqmorph: words to 5-band parametric EQ, morphing between words, applied to audio.

eqmorph turns descriptors such as "warm", "a bit brighter" or "less muddy" into a 5-band parametric EQ (low
shelf, three peaking bands, high shelf), learned from crowdsourced EQ data (SocialFX, SAFE-DB); blends and
morphs between words; says an EQ back in words; matches one recording's tone to another's; and filters audio.
The bundled model needs no dataset and no torch.

The main calls::

    import eqmorph
    m = eqmorph.load()                              # the bundled model (a Morpher); load("runs/model") for yours
    warm = m.generate("warm")                       # a word or phrase -> eqmorph.EQ
    m.interpolate("warm", "bright", 0.3)            # the slider between two words: 0 is warm, 1 bright
    m.describe_text(warm)                           # an EQ back to words: "warm, ..."
    y = warm.process(audio, 44100, auto_gain=True)  # filter (frames,) or (frames, channels) samples
    eqmorph.match(audio, reference, 44100)          # the EQ that moves audio's tone toward reference's

``auto_gain=True`` keeps the output as loud as the input and never lets it clip (``EQ.process``).
Presets (Equalizer APO, AutoEq, GraphicEQ, JSON, CSV) are in :mod:`eqmorph.io.presets`, audio files in
:mod:`eqmorph.audio.files`; every refusal is an :class:`EqmorphError` (a :class:`ParameterError` names the
parameter, the value and what is allowed). The ``eqmorph`` command offers the same from a shell
(``eqmorph --help``).
"""

from eqmorph.core.eq import EQ, Band
from eqmorph.errors import (
    AudioError,
    AutoGainPeakWarning,
    ClippingPreampWarning,
    DataFormatError,
    DataUnavailableError,
    EqmorphError,
    ModelFileError,
    ParameterError,
    UnknownWordError,
)

__version__ = "0.1.0"

from eqmorph.language.interpretation import Interpretation  # noqa: E402  (needs __version__ defined first)
from eqmorph.language.phrase_text import MAX_TEXT_CHARS  # noqa: E402, F401  (kept importable; the parser's limit, not in __all__)
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
    """The public names (:data:`__all__`, the lazily imported match functions included) and ``__version__``: tab
    completion shows no submodule loaded on the way or private helper."""
    return sorted({*__all__, "__version__"})


__all__ = [
    "EQ",
    "Band",
    "Interpretation",
    "Morpher",
    "MorphPath",
    "WordInfo",
    "load",
    "match",
    "match_files",
    "match_result",
    "MatchResult",
    "AudioError",
    "AutoGainPeakWarning",
    "ClippingPreampWarning",
    "DataFormatError",
    "DataUnavailableError",
    "EqmorphError",
    "ModelFileError",
    "ParameterError",
    "UnknownWordError",
]
