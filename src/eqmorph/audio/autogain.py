"""Auto gain: the one meaning of ``auto_gain`` for every caller (``apply --word`` and ``match --apply``
by default, ``apply --preset --auto-gain``, :meth:`eqmorph.EQ.process`, :func:`eqmorph.audio.arrays.morph_audio`,
:func:`eqmorph.audio.files.process_file`).

Auto gain keeps the output as loud as the input and never lets it clip:

1. **loudness**: the gain that gives the filtered audio the input's mean-square level (all channels, the whole
   signal), measured on the audio itself. A preamp of minus the EQ's largest boost, the earlier meaning, paid for
   boosts where a recording has nothing (a piano matched to drums came out 25 dB quieter) and still clipped where
   it has much (a trial saw 758 samples at +2.2 dBFS). It is the level measure of a match's ``level_gain_db``
   (power weighted by the EQ's power gain, :func:`eqmorph.semantic.match.level_change_db`), here on the samples.
2. **peak**: when that gain would put the sample peak above :data:`CEILING_DBFS`, the gain is lowered further
   by the difference, and :meth:`AutoGain.describe` says by how much.

The gain needs the filtered signal: a file is filtered twice (a measuring pass, then the written one), an array
once and then scaled. Filtering is deterministic, so the peak measured is the peak written. The ceiling is a
sample peak before any encoding: a lossy format (Ogg Vorbis) may decode a little above it.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np

from eqmorph.audio.filtering import MIN_GAIN_DB
from eqmorph.errors import AutoGainPeakWarning, user_stacklevel
from eqmorph.io.apo import MAX_PREAMP_DB

# 0.1 dB below full scale: integer PCM rounds a sample at exactly 1.0 to one code past its largest value.
CEILING_DBFS = -0.1
PEAK_CUT_SAID_DB = 0.05  # a peak cut that rounds to 0.1 dB or more is said (AutoGain.describe writes 0.1 dB steps)
# Said instead of "peak -inf dBFS": a user reads -inf as a bug, not as "this file holds no sound".
SILENT_INPUT = "the input is digital silence (every sample is 0), so the output is silent too"


@dataclass(frozen=True)
class AutoGain:
    """The auto gain chosen for one signal: ``gain_db = loudness_db - peak_cut_db``."""

    loudness_db: float  # the gain that keeps the input's loudness
    peak_cut_db: float  # >= 0: how much further it was lowered so the peak stays at CEILING_DBFS
    peak_dbfs: float  # of the output with the whole gain applied (-inf for silence)

    @property
    def gain_db(self) -> float:
        return self.loudness_db - self.peak_cut_db

    @property
    def silent(self) -> bool:
        """True when the output is digital silence, which an EQ gives only from a silent input: no level to keep."""
        return self.peak_dbfs == -math.inf

    def describe(self) -> str:
        """One clause for a report, e.g. ``-3.2 dB auto gain (keeps the input's loudness)``."""
        if self.silent:
            return f"no auto gain: {SILENT_INPUT}"
        head = f"{_db(self.gain_db)} dB auto gain"
        if self.peak_cut_db <= 0.0:
            return f"{head} (keeps the input's loudness)"
        return (f"{head} ({_db(self.loudness_db)} dB keeps the input's loudness, lowered {self.peak_cut_db:.1f} dB "
                f"more so the peak stays at {CEILING_DBFS:g} dBFS: the output is {self.peak_cut_db:.1f} dB quieter "
                "than the input)")


def _db(value: float) -> str:
    """``value`` signed to 0.1 dB, with no "-0.0" for a gain that rounds to nothing."""
    return f"{round(value, 1) + 0.0:+.1f}"


class LevelMeter:
    """Sum of squares of the input and the filtered output, and the output's peak, fed block by block."""

    def __init__(self) -> None:
        self.input_energy = 0.0
        self.output_energy = 0.0
        self.output_peak = 0.0

    def update(self, block_in: np.ndarray, block_out: np.ndarray, output_peak: float | None = None) -> None:
        """Account for one ``(frames, channels)`` block before and after filtering (at 0 dB gain).

        output_peak: the output's peak so far, when the caller already measures it (a
        :class:`~eqmorph.audio.filtering.PeakMeter`): one pass over the output instead of two.
        """
        if block_out.size:
            self.input_energy += float(np.vdot(block_in, block_in).real)
            self.output_energy += float(np.vdot(block_out, block_out).real)
            peak = float(np.abs(block_out).max()) if output_peak is None else output_peak
            self.output_peak = max(self.output_peak, peak)

    def result(self) -> AutoGain:
        """The auto gain for what was fed: the loudness gain, then the peak's limit."""
        return auto_gain_from(self.input_energy, self.output_energy, self.output_peak)

    @property
    def change_db(self) -> float:
        """The output's mean-square level minus the input's, in dB (0 when either is silent)."""
        return -loudness_gain_db(self.input_energy, self.output_energy)


def loudness_gain_db(input_energy: float, output_energy: float) -> float:
    """The gain in dB that brings the output's sum of squares back to the input's (0 when either is silent)."""
    if input_energy > 0.0 and output_energy > 0.0:
        return 10.0 * math.log10(input_energy / output_energy)
    return 0.0


def auto_gain_from(input_energy: float, output_energy: float, output_peak: float) -> AutoGain:
    """:class:`AutoGain` from the input's and the 0 dB output's sums of squares and the output's peak (linear).

    Silence in or out leaves the loudness gain at 0 dB; the gain stays within what a processor applies.
    """
    loudness_db = min(max(loudness_gain_db(input_energy, output_energy), MIN_GAIN_DB), MAX_PREAMP_DB)
    if output_peak <= 0.0:
        return AutoGain(loudness_db, 0.0, -math.inf)
    peak_db = 20.0 * math.log10(output_peak)
    cut_db = max(0.0, peak_db + loudness_db - CEILING_DBFS)
    return AutoGain(loudness_db, cut_db, peak_db + loudness_db - cut_db)


def auto_gain_for(audio: np.ndarray, filtered: np.ndarray) -> AutoGain:
    """:class:`AutoGain` for a whole float signal ``audio`` and its 0 dB-gain ``filtered`` version (same shape)."""
    meter = LevelMeter()
    meter.update(np.asarray(audio, dtype=np.float64), np.asarray(filtered, dtype=np.float64))
    return meter.result()


def apply_auto_gain(audio: np.ndarray, filtered: np.ndarray) -> np.ndarray:
    """``filtered`` (float64, filtered at 0 dB) scaled in place by the auto gain for ``audio``; returned.

    :class:`~eqmorph.errors.AutoGainPeakWarning` (at the user's line) when the peak's limit left it quieter than
    ``audio``, said to 0.1 dB as the command line's report says it.
    """
    chosen = auto_gain_for(audio, filtered)
    if chosen.peak_cut_db >= PEAK_CUT_SAID_DB:  # a new-user trial: EQ.process(auto_gain=True) lost 0.2 dB unsaid
        warnings.warn(f"auto gain: {chosen.describe()}", AutoGainPeakWarning, stacklevel=user_stacklevel())
    gain = 10.0 ** (chosen.gain_db / 20.0)
    if gain != 1.0:
        filtered *= gain
    return filtered


__all__ = ["CEILING_DBFS", "SILENT_INPUT", "AutoGain", "LevelMeter", "apply_auto_gain", "auto_gain_for",
           "auto_gain_from", "loudness_gain_db"]
