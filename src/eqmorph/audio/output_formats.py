"""The audio files eqmorph writes: WAV, FLAC or OGG (Vorbis), chosen by OUT's extension (:func:`output_format`), in a
sample format (subtype) chosen by :func:`output_subtype` from what the output format holds: the input's when the
output holds it exactly (PCM_16 stays PCM_16, FLOAT WAV stays FLOAT), else FLOAT for WAV (a decoded MP3 or Vorbis, or
a float file, is float audio that may exceed full scale: FLOAT keeps every sample, overs included) and PCM_24 for
FLAC (integers only; 24 bits keep any source's noise floor); OGG is always VORBIS.  Limits of the formats, checked
before anything is written (:func:`check_output`): FLAC holds at most 8 channels, and OGG Vorbis at most 192 kHz
(libsndfile 1.2 crashes on higher rates instead of reporting an error).
"""

from __future__ import annotations

import os
from pathlib import Path

import soundfile as sf

from eqmorph.errors import AudioError, ParameterError

OUTPUT_FORMATS = {".wav": "WAV", ".flac": "FLAC", ".ogg": "OGG"}
MAX_CHANNELS = {"FLAC": 8}
MAX_RATE_HZ = {"OGG": 192000.0}
_ALLOWED_OUT = ", ".join(OUTPUT_FORMATS)

# Sample formats each output format holds exactly; anything else (MP3, Vorbis, Opus, ADPCM, A-law, ...) is a codec,
# decoded to float samples and written as FALLBACK_SUBTYPE.
KEPT_SUBTYPES = {"WAV": frozenset({"PCM_U8", "PCM_16", "PCM_24", "PCM_32", "FLOAT", "DOUBLE"}),
                 "FLAC": frozenset({"PCM_S8", "PCM_16", "PCM_24"})}
FALLBACK_SUBTYPE = {"WAV": "FLOAT", "FLAC": "PCM_24"}

PathLike = str | os.PathLike[str]


def output_format(out_path: PathLike, option: str | None = None) -> str:
    """libsndfile format for OUT's extension; :class:`AudioError` for anything but .wav, .flac, .ogg, or a
    :class:`ParameterError` naming ``option`` when OUT came from one ("--apply='o.mp3'": which output it was)."""
    suffix = Path(out_path).suffix.lower()
    if Path(out_path).is_dir():
        raise AudioError(f"cannot write {str(out_path)!r}: it is a folder; give a file name such as "
                         f"{str(Path(out_path) / 'out.wav')!r}")
    if suffix not in OUTPUT_FORMATS and option is not None:
        raise ParameterError(option, str(out_path), f"an audio file name ending in {_ALLOWED_OUT}")
    if suffix not in OUTPUT_FORMATS:
        raise AudioError(
            f"cannot write {str(out_path)!r}: extension {suffix or '(none)'!r} is not one of {_ALLOWED_OUT}"
        )
    return OUTPUT_FORMATS[suffix]


def output_subtype(fmt: str, in_subtype: str | None) -> str:
    """The sample format to write ``fmt`` ("WAV", "FLAC", "OGG") in, for an input of ``in_subtype``.

    The input's when ``fmt`` holds it exactly (:data:`KEPT_SUBTYPES`), PCM_16 for 8-bit PCM it does not, else
    :data:`FALLBACK_SUBTYPE`: FLOAT WAV, PCM_24 FLAC. libsndfile's own ``check_format`` is no guide: it
    accepts WAV + MPEG_LAYER_III, which then fails to open ("Supported file format but unsupported encoding").
    ``in_subtype`` None (arrays with no file behind them): libsndfile's default for ``fmt``.
    """
    if fmt == "OGG":
        return "VORBIS"
    if in_subtype is None:
        return sf.default_subtype(fmt)
    if in_subtype in KEPT_SUBTYPES[fmt]:
        return in_subtype
    if in_subtype in ("PCM_S8", "PCM_U8"):  # 8-bit WAV is unsigned, 8-bit FLAC signed: 16 bits hold either
        return "PCM_16"
    return FALLBACK_SUBTYPE[fmt]


def check_output(out_path: PathLike, fmt: str, sample_rate: float, channels: int) -> None:
    """Raise :class:`AudioError` if ``fmt`` cannot hold this rate or channel count."""
    if channels > MAX_CHANNELS.get(fmt, channels):
        raise AudioError(
            f"cannot write {str(out_path)!r}: {fmt} holds at most {MAX_CHANNELS[fmt]} channels, the audio has "
            f"{channels}; expected .wav for more"
        )
    if sample_rate > MAX_RATE_HZ.get(fmt, sample_rate):
        raise AudioError(
            f"cannot write {str(out_path)!r}: {fmt} holds at most {MAX_RATE_HZ[fmt]:g} Hz, the audio has "
            f"{sample_rate:g} Hz; expected .wav or .flac for higher rates"
        )


__all__ = ["FALLBACK_SUBTYPE", "KEPT_SUBTYPES", "OUTPUT_FORMATS", "check_output", "output_format", "output_subtype"]
