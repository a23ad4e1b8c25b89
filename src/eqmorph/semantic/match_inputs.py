"""A match's two recordings before the fit: each one's long-term spectrum (from an array, or streamed from a file in
blocks), the two computed at the same time, and what refuses one or warns of it (channels-first, shorter than
``MIN_SECONDS``, silent, nothing but a DC offset or infrasound, clipping, a bad sample rate), every message naming
which recording it is ("the reference is silent", "the input 'x.wav' holds no audio").
:mod:`eqmorph.semantic.match` fits the EQ to their difference.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator

import numpy as np

from eqmorph.audio.filtering import check_audio_shape, check_sample_rate
from eqmorph.audio.spectrum import Spectrum, audio_spectrum, file_spectrum
from eqmorph.core.conventions import AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.threads import run_parallel
from eqmorph.errors import AudioError, ParameterError

MIN_SECONDS = 0.5  # shorter clips are too little to average into a long-term spectrum
SILENCE_DBFS = -100.0  # RMS level below which a recording counts as silent (16-bit dither sits near -96 dBFS)
# A recording whose power from 20 Hz up is this far below its whole power is a DC offset or infrasound, no sound: a
# constant 0.5 (-6 dBFS) had only its window's leakage there (-73 dBFS) and was matched as "less sub bass (1.00)" with
# -13 / +12 dB bands (a twelfth new-user trial). Music riding on a large offset (0.5 DC under a -40 dBFS song) is
# 34 dB below, and kept. The frames of a clip shorter than about 3 s leak an offset past 20 Hz (a 1 s one 39 dB
# below, 0.5 s 13 dB), so there an offset alone is not told from sound and is matched as before.
INAUDIBLE_DB = 60.0


def check_spectrum(spec: Spectrum, role: str) -> list[str]:
    """Raise :class:`AudioError` naming ``role`` for a short or silent recording; return warnings."""
    _check_length(spec.frames, spec.sample_rate, role)
    if not spec.rms_dbfs > SILENCE_DBFS:
        raise AudioError(
            f"the {role} is silent (RMS {spec.rms_dbfs:.0f} dBFS): expected audio above {SILENCE_DBFS:g} dBFS"
        )
    total = float(spec.power.sum())
    audible = float(spec.power[spec.freqs_hz >= AUDIBLE_LOW_HZ].sum())
    if total > 0.0 and audible < total * 10.0 ** (-INAUDIBLE_DB / 10.0):
        below_db = 10.0 * np.log10(total / max(audible, 1e-300))
        raise AudioError(f"the {role} holds almost nothing from {AUDIBLE_LOW_HZ:g} Hz up ({below_db:.0f} dB below its "
                         f"whole level): a DC offset or infrasound, no sound to match; expected audio in "
                         f"{AUDIBLE_LOW_HZ:g} Hz-{AUDIBLE_HIGH_HZ / 1000:g} kHz")
    if spec.clipped_runs:
        return [f"the {role} clips in {spec.clipped_runs} place(s) (flattened peaks: equal full-scale samples in a "
                "row); the match includes the distortion's added high frequencies"]
    return []


def array_analysis(samples: np.ndarray, sample_rate: float, role: str) -> Callable[[], Spectrum]:
    """The spectrum of one recording ``(frames,)`` or ``(frames, channels)``, to run later; a bad shape or a short
    clip is refused now, before any work.

    The shape is checked first, as ``EQ.process`` checks it: a channels-first ``(2, 44100)`` array measured for
    length would be called 2 samples long, and the user sent looking at the recording instead of its layout.
    Errors, now or from the returned call, name the role.
    """
    rate = _check_rate(sample_rate, "sample_rate" if role == "input" else "reference_sample_rate")
    with _naming(role):
        x = check_audio_shape(samples, rate)
    _check_length(x.shape[0], rate, role)

    def run() -> Spectrum:
        with _naming(role):
            return audio_spectrum(x, sample_rate)

    return run


def file_analysis(path: str | os.PathLike[str], role: str) -> Callable[[], Spectrum]:
    """The spectrum of one audio file, to run later, streamed from disk in blocks (bounded memory); a file that is
    missing, no audio or too short is refused now, before any work. Errors, now or from the returned call, name the
    role."""
    from eqmorph.audio.files import read_info

    with _naming(role):
        info = read_info(path)
        _check_length(info.frames, info.sample_rate, f"{role} {str(path)!r}")

    def run() -> Spectrum:
        with _naming(role):
            return file_spectrum(path)

    return run


def both_spectra(analyses: tuple[Callable[[], Spectrum], Callable[[], Spectrum]]) -> tuple[Spectrum, Spectrum]:
    """The input's and the reference's spectra, computed at the same time.

    The FFTs and numpy reductions release the GIL, so on two cores two threads take about half
    the wall time of one after the other; the input's error, if any, is the one raised. Neither analysis calls
    BLAS (its workers would compete for the same cores), so no thread limit is needed (:mod:`eqmorph.core.threads`).
    """
    spectrum, reference = run_parallel(analyses)  # the input in this thread, the reference in the pool
    return spectrum, reference


def _check_rate(sample_rate: float, name: str) -> float:
    """:func:`eqmorph.audio.filtering.check_sample_rate`, with the error naming parameter ``name``."""
    try:
        return check_sample_rate(sample_rate)
    except ParameterError as exc:
        raise exc.renamed(name) from None


def _check_length(frames: int, sample_rate: float, role: str) -> None:
    if frames < MIN_SECONDS * sample_rate:
        from eqmorph.audio.files import duration_text  # only on this error path: it imports soundfile and tqdm

        raise AudioError(f"the {role} is {duration_text(frames, sample_rate)} long: expected at least "
                         f"{MIN_SECONDS:g} s of audio")


@contextlib.contextmanager
def _naming(role: str) -> Iterator[None]:
    """Prefix an :class:`AudioError` raised inside with ``the {role}: `` so the user knows which file it is."""
    try:
        yield
    except AudioError as exc:
        text = str(exc)
        # "'x.wav' holds no audio" reads "the input 'x.wav' holds no audio"; other messages follow a colon.
        raise AudioError(text if text.startswith(f"the {role}") else
                         f"the {role} {text}" if text.startswith("'") else f"the {role}: {text}") from None


__all__ = ["MIN_SECONDS", "SILENCE_DBFS", "array_analysis", "both_spectra", "check_spectrum", "file_analysis"]
