"""Audio files in and out: reading, streaming block by block, and processing file to file.

Files are read with soundfile (libsndfile) in blocks of ``BLOCK_FRAMES``
frames, so memory stays bounded whatever the file's length.  Output is WAV,
FLAC or OGG (Vorbis), chosen by OUT's extension, with the input's sample rate,
channel count and length, and a sample format (subtype) chosen from what the output format holds
(:mod:`eqmorph.audio.output_formats`, which also holds the formats' limits, checked before anything is written).

``auto_gain`` is :mod:`eqmorph.audio.autogain`'s: the input's loudness kept, the peak kept below full scale;
it costs a second, measuring pass through the filter.

Output is written to a temporary file beside OUT and renamed at the end
(:func:`eqmorph.io.fileio.atomic_path`, which also gives it the permissions a new file
gets), so an error leaves no partial file; OUT naming the input itself (also through a link) is refused before any work.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
from tqdm import tqdm

from eqmorph.audio.autogain import AutoGain, LevelMeter
from eqmorph.audio.automation import Automation
from eqmorph.audio.filtering import (
    MAX_SAMPLE_RATE,
    MIN_SAMPLE_RATE,
    EQProcessor,
    MorphProcessor,
    ParamsAt,
    PeakMeter,
    check_audio,
    non_finite_message,
    non_finite_report,
)
from eqmorph.audio.output_formats import check_output, output_format, output_subtype
from eqmorph.core.eq import EQ
from eqmorph.errors import AudioError, ParameterError
from eqmorph.io.fileio import atomic_path, refuse_same_path

_SFE_SYSTEM = 2  # libsndfile's error code for a failed system call ("System error.")
BLOCK_FRAMES = 65536  # 1.5 s at 44.1 kHz: 1 MB per stereo block, large enough that Python overhead vanishes
PROGRESS_MIN_FRAMES = 20 * BLOCK_FRAMES  # about 30 s at 44.1 kHz; shorter files finish before a bar helps
# Integer PCM is read as integers and scaled by numpy: libsndfile's own conversion to float took 16 ms per
# stereo minute of PCM_16 at 44.1 kHz, an int16 read 1-3 ms and the scaling 3 ms. The values are the same
# bits (libsndfile's normalisation multiplies by the same power of two, after the same int -> float rounding;
# 24-bit samples arrive in the top bytes of an int32). Other subtypes (FLOAT, compressed formats' own
# decoders) are read as floats.
INTEGER_READS = {"PCM_16": ("int16", 2.0**-15), "PCM_24": ("int32", 2.0**-31), "PCM_32": ("int32", 2.0**-31)}

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class AudioInfo:
    """What a readable audio file holds."""

    path: str
    frames: int
    sample_rate: int
    channels: int
    format: str  # libsndfile major format, e.g. "WAV"
    subtype: str  # libsndfile sample format, e.g. "PCM_16"

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate


def duration_text(frames: int, sample_rate: float) -> str:
    """A file's length as a person reads it: ``12.35 s``, or under a second in ms and samples (``100 samples,
    2.3 ms``), where ``0.00 s`` would say nothing."""
    seconds = frames / sample_rate
    if seconds >= 1.0:
        return f"{seconds:.2f} s"
    return f"{frames} sample{'s' if frames != 1 else ''}, {1000.0 * seconds:.3g} ms"


@dataclass(frozen=True)
class ProcessReport:
    """What :func:`process_file` did."""

    in_path: str
    out_path: str
    frames: int
    seconds: float
    sample_rate: int
    channels: int
    format: str  # of the output
    subtype: str  # of the output
    gain_db: float  # preamp applied (0 unless auto gain or an explicit gain_db)
    peak_dbfs: float  # of the processed signal, before the output format clips it
    clipped_samples: int  # samples beyond full scale; integer PCM output clips them, FLOAT WAV and Vorbis keep them
    auto_gain: AutoGain | None = None  # how the auto gain was chosen, when asked for
    level_change_db: float = 0.0  # OUT's mean-square level minus IN's, gain included (0 for silence)

    @property
    def clipped(self) -> bool:
        return self.clipped_samples > 0


def read_info(path: PathLike) -> AudioInfo:
    """Describe an audio file; :class:`AudioError` if it is missing, not audio, empty or at an unusable rate."""
    name = str(path)
    if not Path(path).is_file():
        # "/dev/null" is there, yet no file: "no such file" sent the user looking for a typo (a new-user trial)
        what = "not a regular file" if Path(path).exists() else "no such file"
        raise AudioError(f"cannot read {name!r}: {what} (expected an audio file such as WAV, FLAC or OGG)")
    # Said before libsndfile tries: it calls an unreadable file a "System error" and an empty one "Format not
    # recognised" (a new-user trial, 2026-12-04)
    if not os.access(path, os.R_OK):
        raise AudioError(f"cannot read {name!r}: permission denied (make it readable, e.g. chmod u+r)")
    if Path(path).stat().st_size == 0:
        raise AudioError(f"cannot read {name!r} as audio: the file is empty (0 bytes)")
    try:
        with sf.SoundFile(path) as f:
            info = AudioInfo(name, int(f.frames), int(f.samplerate), int(f.channels), f.format, f.subtype)
    except (sf.SoundFileError, OSError) as exc:
        raise AudioError(
            f"cannot read {name!r} as audio: {_reason(exc)} "
            "(expected a file libsndfile reads: WAV, FLAC, OGG, AIFF, MP3, ...)"
        ) from None
    if info.frames <= 0:
        raise AudioError(f"{name!r} holds no audio (0 frames): expected at least one sample")
    if not MIN_SAMPLE_RATE <= info.sample_rate <= MAX_SAMPLE_RATE:
        raise AudioError(
            f"{name!r} has sample rate {info.sample_rate} Hz: expected {MIN_SAMPLE_RATE:g}..{MAX_SAMPLE_RATE:g} Hz"
        )
    return info


def iter_blocks(path: PathLike, block_frames: int = BLOCK_FRAMES, dtype: str = "float64") -> Iterator[np.ndarray]:
    """Yield blocks ``(frames, channels)`` of ``path`` as ``dtype`` ("float64" or "float32"), checking every
    sample is finite.

    On a NaN/Inf the rest of the file is scanned so the :class:`AudioError` can say how many there are.
    """
    info = read_info(path)
    if not isinstance(block_frames, int) or block_frames < 1:
        raise ParameterError("block_frames", block_frames, "an integer >= 1")
    if dtype not in ("float64", "float32"):
        raise ParameterError("dtype", dtype, '"float64" or "float32"')
    if info.subtype in INTEGER_READS:
        yield from _integer_blocks(path, block_frames, dtype, *INTEGER_READS[info.subtype])
        return
    blocks = _raw_blocks(path, block_frames, dtype)
    start = 0
    for block in blocks:
        bad = non_finite_report(block, start)
        if bad is not None:
            count = bad[0] + sum(int(np.count_nonzero(~np.isfinite(b))) for b in blocks)
            raise AudioError(f"{str(path)!r}: " + non_finite_message(count, bad[1], bad[2], info.sample_rate))
        start += block.shape[0]
        yield block


def read_audio(path: PathLike) -> tuple[np.ndarray, int]:
    """Whole file as float64 ``(frames, channels)`` and its sample rate; for short files."""
    info = read_info(path)
    return np.concatenate(list(iter_blocks(path))), info.sample_rate


def write_audio(path: PathLike, samples: np.ndarray, sample_rate: int, subtype: str | None = None) -> None:
    """Write float ``(frames,)`` or ``(frames, channels)`` audio atomically as WAV/FLAC/OGG by extension."""
    fmt = output_format(path)
    x = check_audio(samples, sample_rate)
    check_output(path, fmt, sample_rate, x.shape[1])
    sub = output_subtype(fmt, subtype)
    with atomic_path(path) as tmp:
        try:
            sf.write(tmp, x, int(sample_rate), subtype=sub, format=fmt)
        except (sf.SoundFileError, OSError) as exc:
            raise AudioError(f"cannot write {str(path)!r}: {_reason(exc)}") from None


def process_file(
    in_path: PathLike,
    out_path: PathLike,
    *,
    eq: EQ | None = None,
    params_at: ParamsAt | None = None,
    automation: Automation | None = None,
    auto_gain: bool = False,
    progress: bool = False,
    block_frames: int = BLOCK_FRAMES,
    gain_db: float | None = None,
) -> ProcessReport:
    """Filter ``in_path`` into ``out_path`` through a static ``eq``, or a morph (``params_at`` + ``automation``).

    ``params_at(alphas (n,)) -> (n, 5, 3)`` gives the EQ at each morph position.
    ``auto_gain`` keeps OUT as loud as IN and its peak below full scale (:mod:`eqmorph.audio.autogain`; the
    report's ``auto_gain`` says how, and by how much the peak lowered it); ``gain_db`` is a gain the caller chose
    instead (a preset's Preamp line); ``progress`` shows a tqdm bar on stderr for long files.  Nothing is written
    unless the whole file is processed; the input is never touched.
    """
    _check_what_to_apply(eq, params_at, automation)
    if gain_db is not None:
        if auto_gain:
            raise ParameterError("gain_db", gain_db, "None when auto_gain is True (one preamp or the other)")
        if isinstance(gain_db, bool) or not isinstance(gain_db, int | float) or not -100.0 <= gain_db <= 100.0:
            raise ParameterError("gain_db", gain_db, "a number of dB from -100 to 100, or None")
    fmt = output_format(out_path)
    refuse_same_path(in_path, out_path)
    info = read_info(in_path)
    check_output(out_path, fmt, info.sample_rate, info.channels)
    subtype = output_subtype(fmt, info.subtype)
    auto = None
    if auto_gain:
        auto = _measure(in_path, _processor(info, eq, params_at, automation, 0.0), info, progress=progress,
                        block_frames=block_frames)
        gain_db = auto.gain_db
    proc = _processor(info, eq, params_at, automation, gain_db or 0.0)
    meter, level = _stream(in_path, out_path, proc, info, fmt, subtype, progress=progress, block_frames=block_frames)
    return ProcessReport(str(in_path), str(out_path), info.frames, info.seconds, info.sample_rate, info.channels,
                         fmt, subtype, proc.gain_db, meter.peak_dbfs, meter.clipped_samples, auto, level.change_db)


def _check_what_to_apply(eq: EQ | None, params_at: ParamsAt | None, automation: Automation | None) -> None:
    """Either a static ``eq``, or both ``params_at`` and ``automation``."""
    morph = params_at is not None or automation is not None
    if (eq is None) == (not morph) or (morph and (params_at is None or automation is None)):
        raise ParameterError(
            "eq/params_at/automation",
            "given together" if eq else "missing",
            "either eq, or both params_at and automation",
        )


def _processor(
    info: AudioInfo, eq: EQ | None, params_at: ParamsAt | None, automation: Automation | None, gain_db: float,
) -> EQProcessor | MorphProcessor:
    """The processor for the file, applying ``gain_db`` after the filter."""
    if eq is not None:
        return EQProcessor.from_eq(eq, info.sample_rate, info.channels, float(gain_db))
    return MorphProcessor(params_at, automation, info.sample_rate, info.channels, float(gain_db))


def _shows_progress(progress: bool, info: AudioInfo) -> bool:
    """Whether a bar is drawn: asked for, a file long enough to wait for, and a terminal to draw on (a stderr
    redirected to a file or a CI log kept every redraw: an eighth new-user trial)."""
    return progress and info.frames >= PROGRESS_MIN_FRAMES and sys.stderr.isatty()


def _measure(in_path: PathLike, proc: EQProcessor | MorphProcessor, info: AudioInfo, *, progress: bool,
             block_frames: int) -> AutoGain:
    """The auto gain of ``in_path`` through ``proc`` (at 0 dB): a pass that filters the file and writes nothing."""
    meter = LevelMeter()
    show = _shows_progress(progress, info)
    with tqdm(total=info.frames, unit="frame", unit_scale=True, disable=not show, leave=False, file=sys.stderr,
              desc=f"{Path(in_path).name} (measuring level)") as bar:
        for block in iter_blocks(in_path, block_frames):
            meter.update(block, proc.process(block))
            bar.update(block.shape[0])
    return meter.result()


def _stream(
    in_path: PathLike,
    out_path: PathLike,
    proc: EQProcessor | MorphProcessor,
    info: AudioInfo,
    fmt: str,
    subtype: str,
    *,
    progress: bool,
    block_frames: int,
) -> tuple[PeakMeter, LevelMeter]:
    """Filter ``in_path`` block by block into a temporary file renamed to ``out_path`` once complete."""
    meter, level = PeakMeter(), LevelMeter()
    show = _shows_progress(progress, info)
    bar = tqdm(total=info.frames, unit="frame", unit_scale=True, disable=not show, leave=False, file=sys.stderr,
               desc=Path(in_path).name)
    try:
        with atomic_path(out_path) as tmp, _open_output(tmp, out_path, fmt, subtype, info) as dst, bar:
            for block in iter_blocks(in_path, block_frames):
                out = proc.process(block)
                meter.update(out)
                level.update(block, out, output_peak=meter.peak)
                try:
                    dst.write(out)
                except (sf.SoundFileError, OSError) as exc:  # OSError too, which atomic_path would name vaguer
                    raise AudioError(f"cannot write {str(out_path)!r}: {_reason(exc)}") from None
                bar.update(block.shape[0])
            if proc.frame != info.frames:
                raise AudioError(f"{str(in_path)!r} ended after {proc.frame} of its {info.frames} frames: truncated?")
    except sf.SoundFileError as exc:  # the close, which flushes the last frames and the header
        raise AudioError(f"cannot write {str(out_path)!r}: {_reason(exc)}") from None
    return meter, level


def _raw_blocks(path: PathLike, block_frames: int, dtype: str = "float64") -> Iterator[np.ndarray]:
    try:
        with sf.SoundFile(path) as f:
            yield from f.blocks(blocksize=block_frames, dtype=dtype, always_2d=True)
    except (sf.SoundFileError, OSError) as exc:
        raise AudioError(f"cannot read {str(path)!r}: {_reason(exc)}") from None


def _integer_blocks(path: PathLike, block_frames: int, dtype: str, raw: str, scale: float) -> Iterator[np.ndarray]:
    """Blocks of an integer PCM file read as ``raw`` integers and scaled here (see ``INTEGER_READS``).

    Integer samples are finite by construction, so no block needs the NaN/Inf scan either.
    """
    for block in _raw_blocks(path, block_frames, raw):
        yield np.multiply(block, scale, dtype=dtype)


def _open_output(tmp: Path, out_path: PathLike, fmt: str, subtype: str, info: AudioInfo) -> sf.SoundFile:
    try:
        return sf.SoundFile(tmp, "w", samplerate=info.sample_rate, channels=info.channels, subtype=subtype, format=fmt)
    except (sf.SoundFileError, OSError) as exc:
        raise AudioError(f"cannot write {str(out_path)!r}: {_reason(exc)}") from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if getattr(exc, "code", None) == _SFE_SYSTEM:
        # libsndfile says only "System error."; the failed call's errno says why ("No space left on device"), as a
        # preset's write does. cffi keeps the errno of the thread's last C call, which is the failed one's.
        failed = getattr(getattr(sf, "_ffi", None), "errno", 0)
        if failed:
            return os.strerror(failed)
    text = str(exc)
    # libsndfile messages start with "Error opening '<path>': "; the caller names the path already.
    return text.split(": ", 1)[1] if text.startswith("Error opening") and ": " in text else text


__all__ = [
    "AudioInfo",
    "duration_text",
    "BLOCK_FRAMES",
    "ProcessReport",
    "iter_blocks",
    "process_file",
    "read_audio",
    "read_info",
    "write_audio",
]
