"""Variations of a word: EQs drawn around its latent centroid with the spread of its crowd's examples.

A word's training examples scatter around its centroid in the latent space; the scatter per dimension
(``spreads``, stored in the checkpoint) is the Gaussian's standard deviation, times ``temperature``.
Codes are clipped to [-1, 1], the box the encoder's tanh never leaves, and decoded to ``(5, 3)`` EQs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core.eq import EQ
from eqmorph.errors import ParameterError
from eqmorph.semantic.path import check_number, scale_gains

if TYPE_CHECKING:
    from eqmorph.semantic.morph import Morpher

MAX_SAMPLES = 1000  # EQs per call: more is a loop's job, and 1,000 decode in a few milliseconds
MAX_TEMPERATURE = 10.0  # times the crowd's spread; far beyond it every code sits on the box's corners


def sample_eqs(model: Morpher, word: str, n: int, temperature: float = 1.0, seed: int | None = None, *,
               source: str | None = None) -> list[EQ]:
    """``n`` variations of ``word`` (a word or phrase) in crowd ``source`` (``None``: both crowds).

    A phrase's degree and direction scale the variations' gains as they scale ``generate``'s EQ:
    "a bit warm" gives warm's variations at half their gains, "less warm" inverts them.
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 1 <= n <= MAX_SAMPLES:
        raise ParameterError("n", n, f"an integer from 1 to {MAX_SAMPLES}")
    temperature = check_number("temperature", temperature, 0.0, MAX_TEMPERATURE)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0):
        raise ParameterError("seed", seed, "a non-negative integer or None")  # numpy's seeds
    parts = model.resolve(word)
    strength = sum(abs(w) for _, w in parts)  # the phrase's intensity (1 for a plain word)
    spread = sum(abs(w) * model._spread(t, source) for t, w in parts) / strength
    # Vary the phrase at full strength and scale the gains afterwards: the latent space holds EQs of
    # crowd strength, so the code of a scaled-down EQ decodes back near full strength (the degree was lost).
    if len(parts) == 1:
        centre, gain = model._code(parts[0][0], source), parts[0][1]
    else:
        unit = scale_gains(model._word_params(word, source).copy(), 1.0 / strength)
        centre, gain = model.encode_params(unit[None])[0], strength
    rng = np.random.default_rng(seed)
    z = centre + temperature * spread * rng.standard_normal((n, model.latent_dim))
    z = np.clip(z, -1.0, 1.0)
    return [EQ._trusted(p) for p in scale_gains(model.decode_params(z), gain)]


__all__ = ["MAX_SAMPLES", "sample_eqs"]
