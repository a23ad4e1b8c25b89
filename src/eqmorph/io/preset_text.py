"""A preset file's text, read safely: missing files, folders, devices, binary and oversized files, audio files given
by mistake, and the encodings Equalizer APO users meet (UTF-8 with or without a BOM, UTF-16, an ANSI code page)."""

from __future__ import annotations

import re
from pathlib import Path

from eqmorph.errors import DataFormatError

MAX_PRESET_BYTES = 1 << 20  # presets are a few hundred bytes; anything bigger is not one


def _audio_kind(head: bytes) -> str | None:
    """``"a WAV"`` (FLAC, Ogg, AIFF, MP3) when a file's first bytes are an audio container's signature, else None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE" or head[:4] == b"RF64":
        return "a WAV"
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return "an AIFF"
    signatures = {b"fLaC": "a FLAC", b"OggS": "an Ogg", b"ID3": "an MP3"}
    return next((kind for magic, kind in signatures.items() if head.startswith(magic)), None)


class AudioGivenAsPreset(DataFormatError):
    """An audio file given where a preset was expected: ``what`` it is and what a preset is, then where a recording
    goes instead.  A command that already takes a recording (``apply IN OUT --preset``) says its own way on
    (:meth:`instead`): the general advice, "EQ it with 'eqmorph apply'", told a user running apply nothing."""

    def __init__(self, what: str, hint: str) -> None:
        super().__init__(f"{what}; {hint}")
        self.what = what

    def instead(self, hint: str) -> DataFormatError:
        """The same refusal with the caller's ``hint`` in place of the general one."""
        return DataFormatError(f"{self.what}; {hint}")


def read_preset_text(path: str | Path) -> str:
    """The text of a preset file; missing, a folder, unreadable, binary or > 1 MiB -> :class:`DataFormatError`."""
    p = Path(path)
    try:
        # Each case said as it is: "not a readable file" for a typo in the name sent users looking at permissions.
        if not p.exists():
            raise DataFormatError(f"cannot read preset {str(p)!r}: no such file")
        if p.is_dir():
            raise DataFormatError(f"preset {str(p)!r} is a folder, not a preset file")
        if not p.is_file():  # a device or a pipe would otherwise read as an empty or endless preset
            raise DataFormatError(f"preset {str(p)!r} is not a regular file")
        with p.open("rb") as fh:
            data = fh.read(MAX_PRESET_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        if isinstance(exc, DataFormatError):
            raise
        raise DataFormatError(f"cannot read preset {str(p)!r}: {getattr(exc, 'strerror', None) or exc}") from exc
    audio = _audio_kind(data[:12])
    if audio is not None:  # a trial: a WAV given to import was "larger than 1048576 bytes; not a preset"
        raise AudioGivenAsPreset(
            f"preset {str(p)!r} is {audio} audio file, not a preset: expected a preset file (eqmorph JSON, Equalizer "
            "APO/AutoEq text, GraphicEQ or CSV), as 'eqmorph generate WORD -o FILE' or 'eqmorph match IN "
            "REFERENCE -o FILE' writes one",
            "a recording is EQed with 'eqmorph apply IN OUT --word WORD' and matched to another with 'eqmorph match'")
    if len(data) > MAX_PRESET_BYTES:
        raise DataFormatError(f"preset {str(p)!r} is larger than {MAX_PRESET_BYTES} bytes; not a preset")
    try:
        text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # older Windows editors write APO files in an ANSI code page
    if re.search(r"[\x00-\x08\x0e-\x1f\x7f]", text):
        raise DataFormatError(f"preset {str(p)!r} is a binary file, not a text preset")
    return text


__all__ = ["MAX_PRESET_BYTES", "AudioGivenAsPreset", "read_preset_text"]
