"""A response seen through a power average: how a smoothed spectrum sees an EQ.

A match compares two recordings' spectra smoothed over fractional-octave bands (:mod:`eqmorph.audio.spectrum`):
each point of the target is the mean power over a band, weighted as the input's power is spread over it. An EQ
applied to the input changes that point by the power-weighted mean of its response over the band, not by its
response at the point; :class:`PowerAverage` holds those weights so the response fit (:mod:`eqmorph.core.fit`) can
take an EQ's response through them, with the chain rule's Jacobian.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from eqmorph.errors import ParameterError


@dataclass(frozen=True)
class PowerAverage:
    """How a target was measured: its point ``i`` is ``10 log10(sum_c weights[i, c] * 10**(r(freqs_hz[c]) / 10))``
    of a response ``r`` in dB, a power average over frequencies ``freqs_hz`` ``(C,)`` with ``weights`` ``(F, C)``
    (non-negative, each row summing to 1; :func:`eqmorph.audio.smoothing.power_average` makes them for a smoothed
    spectrum)."""

    freqs_hz: np.ndarray
    weights: np.ndarray

    def __post_init__(self) -> None:
        weights = np.asarray(self.weights, dtype=np.float64)
        points = np.asarray(self.freqs_hz, dtype=np.float64)
        if (weights.ndim != 2 or points.ndim != 1 or weights.shape[1] != len(points) or not np.all(np.isfinite(weights))
                or np.any(weights < 0.0) or not np.allclose(weights.sum(axis=1), 1.0)):
            raise ParameterError("average", f"weights of shape {weights.shape} for {points.shape} frequencies",
                                 "non-negative weights of shape (F, C) for C frequencies, each row summing to 1")
        # Each point averages a few neighbouring frequencies (a match's smoothing band: at most 7 of 272), so the
        # fit gathers those, ``(F, K)`` columns and weights, instead of multiplying by the mostly-zero matrix (a
        # 4-start polish's Jacobian: 0.05 against 0.5 ms).
        k = max(int(np.count_nonzero(weights, axis=1).max(initial=0)), 1)
        columns = np.argsort(weights == 0.0, axis=1, kind="stable")[:, :k]
        object.__setattr__(self, "_columns", columns)
        object.__setattr__(self, "_values", np.take_along_axis(weights, columns, axis=1))

    def _power(self, power: np.ndarray) -> np.ndarray:
        """The averaged power ``(..., F)`` of powers ``(..., C)``."""
        return np.sum(power[..., self._columns] * self._values, axis=-1)

    def of(self, response_db: np.ndarray) -> np.ndarray:
        """The averaged response ``(..., F)`` in dB of responses ``(..., C)`` in dB at ``freqs_hz``."""
        return 10.0 * np.log10(self._power(10.0 ** (0.1 * np.asarray(response_db, dtype=np.float64))))

    def jacobian(self, response_db: np.ndarray, jac: np.ndarray) -> np.ndarray:
        """Jacobian ``(m, F, k)`` of :meth:`of` at responses ``(m, C)`` from theirs ``(m, C, k)``: each averaged
        point moves as the power-weighted mean of the points it averages."""
        power = 10.0 ** (0.1 * response_db)
        gathered = (power[..., None] * jac)[:, self._columns]  # (m, F, K, k)
        return np.einsum("mfkp,fk->mfp", gathered, self._values) / self._power(power)[..., None]


__all__ = ["PowerAverage"]
