"""A morph's position over time: alpha(t) as :class:`Automation`, and its text form ``"0:0,8:1"``.

An automation is a list of ``(seconds, alpha)`` points, times strictly increasing from 0 or later
and each alpha in [0, 1]; alpha is piecewise linear between the points and held outside them.
:mod:`eqmorph.audio.filtering` reads it to move a morph while filtering, the CLI's ``--automate`` parses it.

Alpha never moves faster than a full 0 -> 1 in :data:`RAMP_S` (0.1 s): where the points ask for more (a
jump, ``2:0,2.001:1``), alpha follows them at that rate and catches up, so the jump becomes a ramp that
starts at the jump (2.0 -> 2.1 s).  An instantaneous switch of the EQ between two samples is a click: on a
0.3 sine at 440 Hz morphing warm -> bright, a second difference of 0.11 against 0.0015 elsewhere.  Why
0.1 s and not the 10-20 ms often used to de-zipper a gain: :mod:`eqmorph.audio.filtering` moves the
coefficients in steps, one every 64 samples (1.5 ms at 44.1 kHz), so a ramp is heard as its steps, and
each must be small; a full jump over 20 ms is 14 steps of ~0.7 dB on that sine and still 17 times the
sine's own second difference, over 50 ms 7 times, over 0.1 s (69 steps) 4 times.  0.1 s is still a quick
change to the ear, not a fade.  Slower moves (``0:0,8:1``, even ``0:0,0.4:1``) are followed exactly, so a
morph a user wrote at a speed the filter can follow is not altered; ``Automation(..., ramp_s=0)`` follows
every point as written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from eqmorph.errors import ParameterError

RAMP_S = 0.1  # the fastest alpha moves: 0 -> 1 in this many seconds (see the module docstring)
MAX_RAMP_S = 1.0  # a slower limit would rewrite the automation a user wrote, not just de-click it

_AUTOMATE_FORM = (
    "comma-separated SECONDS:ALPHA points, times increasing from 0 or later, alpha in [0, 1], e.g. '0:0,8:1'"
)


@dataclass(frozen=True)
class Automation:
    """A morph position over time: alpha(t) piecewise linear between points, held outside them, never faster than
    a full 0 -> 1 in ``ramp_s`` seconds (a jump becomes a ramp, not a click; 0: as fast as the points say)."""

    times_s: tuple[float, ...]  # strictly increasing, >= 0
    alphas: tuple[float, ...]  # each in [0, 1], one per time
    ramp_s: float = RAMP_S
    # The curve followed, as points (the given ones, and where a too-fast move ends): see _rate_limited.
    _curve: tuple[np.ndarray, np.ndarray] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        times = tuple(float(t) for t in self.times_s)
        alphas = tuple(float(a) for a in self.alphas)
        if not times or len(times) != len(alphas):
            raise ParameterError("automation", (times, alphas), "one alpha per time, at least one point")
        if not all(math.isfinite(t) and t >= 0 for t in times) or any(b <= a for a, b in zip(times, times[1:])):
            raise ParameterError("automation.times_s", times, "finite times >= 0, strictly increasing")
        if not all(0.0 <= a <= 1.0 for a in alphas):
            raise ParameterError("automation.alphas", alphas, "alphas in [0, 1]")
        ramp = self.ramp_s
        if isinstance(ramp, bool) or not isinstance(ramp, int | float) or not 0.0 <= ramp <= MAX_RAMP_S:
            raise ParameterError("automation.ramp_s", ramp, f"a number of seconds from 0 to {MAX_RAMP_S:g}")
        object.__setattr__(self, "times_s", times)
        object.__setattr__(self, "alphas", alphas)
        object.__setattr__(self, "ramp_s", float(ramp))
        curve = _rate_limited(times, alphas, 1.0 / ramp) if ramp > 0.0 else (times, alphas)
        object.__setattr__(self, "_curve", (np.array(curve[0]), np.array(curve[1])))

    def alpha_at(self, times_s: np.ndarray) -> np.ndarray:
        """alpha at ``times_s`` ``(n,)`` -> ``(n,)``: the points' curve, moving no faster than 1 per ``ramp_s``."""
        return np.interp(np.asarray(times_s, dtype=np.float64), *self._curve)

    def alpha_range(self, duration_s: float) -> tuple[float, float]:
        """Smallest and largest alpha reached between 0 and ``duration_s``."""
        inside = [t for t in self._curve[0] if 0.0 < t < duration_s]
        values = self.alpha_at(np.array([0.0, max(duration_s, 0.0), *inside]))
        return float(values.min()), float(values.max())

    def past_end(self, duration_s: float, lasting: str) -> str | None:
        """What a listener misses when the points outlast the audio (``duration_s`` long, ``lasting`` said as
        "guitar.wav lasts 10.24 s"): "reaches 100 s but ...; the morph stops at alpha 0.10"; None when they do not."""
        if self.times_s[-1] <= duration_s:
            return None
        return (f"reaches {self.times_s[-1]:g} s but {lasting}; the morph stops at alpha "
                f"{self.alpha_at(np.array([duration_s]))[0]:.2f}")

    def __str__(self) -> str:
        return ",".join(f"{t:g}:{a:g}" for t, a in zip(self.times_s, self.alphas))


def _rate_limited(times: tuple[float, ...], alphas: tuple[float, ...],
                  rate: float) -> tuple[list[float], list[float]]:
    """The points' piecewise-linear curve followed at most ``rate`` alpha per second, as points ``(times, alphas)``.

    Alpha follows the curve while the curve is slow enough; where it is faster, alpha moves at ``rate`` towards it
    and catches up where it can (on a later segment, or after the last point, where the curve is held).  The result
    is piecewise linear again: its points are the given ones and the places where alpha catches up.
    """
    out_t, out_a = [times[0]], [alphas[0]]
    y, on_curve = alphas[0], True  # the curve is held before the first point, so alpha starts on it
    segments = [*zip(times, alphas, times[1:], alphas[1:]), (times[-1], alphas[-1], math.inf, alphas[-1])]
    for t0, a0, t1, a1 in segments:
        slope = 0.0 if math.isinf(t1) else (a1 - a0) / (t1 - t0)
        t = t0
        if not on_curve:
            gap = a0 + slope * (t - t0) - y  # > 0: alpha is below the curve
            direction = math.copysign(1.0, gap)
            closing = direction * rate - slope  # how fast alpha gains on the curve
            catch = gap / closing if closing * gap > 0.0 else math.inf
            if t0 + catch < t1:  # alpha reaches the curve inside this segment
                t, y, on_curve = t0 + catch, a0 + slope * catch, True
                _add(out_t, out_a, t, y)
            else:  # still behind at the segment's end (never past the curve: it moves towards it)
                y += direction * rate * (t1 - t0)
        if on_curve:
            if abs(slope) <= rate:  # slow enough: follow the curve to the segment's end
                y = a1
            else:  # too fast: alpha falls behind, moving at the rate
                y += math.copysign(rate, slope) * (t1 - t)
                on_curve = False
        if not math.isinf(t1):
            _add(out_t, out_a, t1, y)
    return out_t, [min(1.0, max(0.0, a)) for a in out_a]  # rounding could step past [0, 1]; a morph refuses that


def _add(times: list[float], alphas: list[float], t: float, alpha: float) -> None:
    """Append the point ``(t, alpha)``, or replace the last one if it is at the same time (np.interp needs increase)."""
    if t <= times[-1]:
        alphas[-1] = alpha
    else:
        times.append(t)
        alphas.append(alpha)


def parse_automation(text: str, name: str = "--automate") -> Automation:
    """Parse ``"0:0,8:1"`` (seconds:alpha points) into an :class:`Automation`.

    Raises :class:`ParameterError` naming ``name``, the text and the expected form.
    """

    def fail(reason: str) -> ParameterError:
        return ParameterError(name, text, f"{_AUTOMATE_FORM} ({reason})")

    if not isinstance(text, str) or not text.strip():
        raise fail("got no points")
    times: list[float] = []
    alphas: list[float] = []
    for point in text.split(","):
        parts = point.strip().split(":")
        if len(parts) != 2:
            raise fail(f"point {point.strip()!r} is not SECONDS:ALPHA")
        try:
            t, a = float(parts[0]), float(parts[1])
        except ValueError:
            raise fail(f"point {point.strip()!r} holds something other than numbers") from None
        if not (math.isfinite(t) and t >= 0):
            raise fail(f"time {parts[0].strip()!r} is not a finite number of seconds >= 0")
        if not 0.0 <= a <= 1.0:
            raise fail(f"alpha {parts[1].strip()!r} is outside [0, 1]")
        if times and t <= times[-1]:
            raise fail(f"time {t:g} does not come after {times[-1]:g}")
        times.append(t)
        alphas.append(a)
    return Automation(tuple(times), tuple(alphas))
