"""The preamp: how far to lower an EQ so no frequency is raised above 0 dB.

One function on one grid for every user: Equalizer APO/JSON/CSV export and the web API. (Auto gain on audio,
``apply`` and ``EQ.process(auto_gain=True)``, measures the filtered samples instead:
:mod:`eqmorph.audio.autogain`.)  The response is searched from :data:`AUDIBLE_LOW_HZ` to
``min(AUDIBLE_HIGH_HZ, sample_rate / 2)`` (:func:`eqmorph.core.dsp.max_gain_db`).  A file's
sample rate is known when audio is filtered; a preset can be played at any rate, so without
one the worst of :data:`PREAMP_SAMPLE_RATES` is used (a biquad's response near Nyquist
depends on the rate).  The result is rounded down to :data:`PREAMP_STEP_DB`, the precision
Equalizer APO files are written with, so the number in a file, in JSON and in auto gain is
the same number.
"""

from __future__ import annotations

import math

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.eq import EQ

PREAMP_SAMPLE_RATES = (44100.0, 48000.0, 96000.0)  # rates a preset must stay unclipped at
PREAMP_STEP_DB = 0.1  # preamps are multiples of this, rounded towards more headroom
# A peak a hair above a step (float noise in peak / step) still counts as that step; the peak search's own
# error is about 1e-5 dB (dsp.max_gain_db), far below anything audible.
_STEP_TOLERANCE = 1e-6


def max_response_db(eq: EQ | np.ndarray, sample_rate: float | None = None) -> float:
    """Largest gain in dB of ``eq`` (an :class:`EQ`, or parameters ``(5, 3)`` / ``(n, 5, 3)``).

    Over 20 Hz..min(20 kHz, Nyquist) at ``sample_rate``; ``None``: the worst of :data:`PREAMP_SAMPLE_RATES`.
    """
    params = eq.to_array() if isinstance(eq, EQ) else np.asarray(eq, dtype=np.float64)
    rates = PREAMP_SAMPLE_RATES if sample_rate is None else (float(sample_rate),)
    return max(dsp.max_gain_db(params, sr, AUDIBLE_LOW_HZ, AUDIBLE_HIGH_HZ) for sr in rates)


def preamp_db(eq: EQ | np.ndarray, sample_rate: float | None = None) -> float:
    """Gain <= 0 dB, a multiple of 0.1 dB, that keeps ``eq``'s response at or below 0 dB (see the module doc)."""
    peak = max_response_db(eq, sample_rate)
    if peak <= 0.0:  # a flat or cut-only EQ cannot clip
        return 0.0
    steps = math.ceil(peak / PREAMP_STEP_DB - _STEP_TOLERANCE)
    return -round(steps * PREAMP_STEP_DB, 6)
