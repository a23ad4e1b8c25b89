"""A morph's position over time: alpha(t) as :class:`Automation`, and its text form ``"0:0,8:1"``.

An automation is a list of ``(seconds, alpha)`` points, times strictly increasing from 0 or later
and each alpha in [0, 1]; alpha is piecewise linear between the points and held outside them.
:mod:`eqmorph.audio.filtering` reads it to move a morph while filtering, the CLI's ``--automate`` parses it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from eqmorph.errors import ParameterError

_AUTOMATE_FORM = (
    "comma-separated SECONDS:ALPHA points, times increasing from 0 or later, alpha in [0, 1], e.g. '0:0,8:1'"
)


@dataclass(frozen=True)
class Automation:
    """A morph position over time: alpha(t) piecewise linear between points, held outside them."""

    times_s: tuple[float, ...]  # strictly increasing, >= 0
    alphas: tuple[float, ...]  # each in [0, 1], one per time

    def __post_init__(self) -> None:
        times = tuple(float(t) for t in self.times_s)
        alphas = tuple(float(a) for a in self.alphas)
        if not times or len(times) != len(alphas):
            raise ParameterError("automation", (times, alphas), "one alpha per time, at least one point")
        if not all(math.isfinite(t) and t >= 0 for t in times) or any(b <= a for a, b in zip(times, times[1:])):
            raise ParameterError("automation.times_s", times, "finite times >= 0, strictly increasing")
        if not all(0.0 <= a <= 1.0 for a in alphas):
            raise ParameterError("automation.alphas", alphas, "alphas in [0, 1]")
        object.__setattr__(self, "times_s", times)
        object.__setattr__(self, "alphas", alphas)

    def alpha_at(self, times_s: np.ndarray) -> np.ndarray:
        """alpha at ``times_s`` ``(n,)`` -> ``(n,)``."""
        return np.interp(np.asarray(times_s, dtype=np.float64), self.times_s, self.alphas)

    def alpha_range(self, duration_s: float) -> tuple[float, float]:
        """Smallest and largest alpha reached between 0 and ``duration_s``."""
        inside = [t for t in self.times_s if 0.0 < t < duration_s]
        values = self.alpha_at(np.array([0.0, max(duration_s, 0.0), *inside]))
        return float(values.min()), float(values.max())

    def __str__(self) -> str:
        return ",".join(f"{t:g}:{a:g}" for t, a in zip(self.times_s, self.alphas))


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
