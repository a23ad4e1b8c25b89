"""Variations of a word: EQs drawn around its latent centroid with the spread of its crowd's examples.

A word's training examples scatter around its centroid in the latent space; the scatter per dimension
(``spreads``, stored in the checkpoint) is the Gaussian's standard deviation, times ``temperature``.
Codes are clipped to [-1, 1], the box the encoder's tanh never leaves, and decoded to ``(5, 3)`` EQs.
A draw that no longer sounds like the word (``MIN_LIKENESS``) is drawn again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.eq import EQ
from eqmorph.errors import ParameterError
from eqmorph.semantic.path import check_number, scale_gains

if TYPE_CHECKING:
    from eqmorph.semantic.morph import Morpher

MAX_SAMPLES = 1000  # EQs per call: more is a loop's job, and 1,000 decode in a few milliseconds
MAX_TEMPERATURE = 10.0  # times the crowd's spread; far beyond it every code sits on the box's corners
# A variation must still sound like the word: its response correlates at least this much with the word's EQ.
# Drawn freely, 12% of the bundled vocabulary's variations correlated negatively with their word (a "harsh"
# variation at -0.60) and 21% below 0.3; such draws are redrawn (rejection sampling: the Gaussian conditioned on
# likeness). Below 0.3 describe no longer names the word among a variation's first words.
MIN_LIKENESS = 0.3
MAX_ROUNDS = 8  # rounds of redrawing; after them the likest of the rest fill the answer (a word of wide spread)
_GRID = dsp.log_freq_grid(64)


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
    parts, plain = model.vocabulary.reading(word)  # plain: "harsh highs" is one word at 1.0, but not harsh's EQ
    strength = sum(abs(w) for _, w in parts)  # the phrase's intensity (1 for a plain word)
    spread = sum(abs(w) * model._spread(t, source) for t, w in parts) / strength
    # Vary the phrase at full strength and scale the gains afterwards: the latent space holds EQs of
    # crowd strength, so the code of a scaled-down EQ decodes back near full strength (the degree was lost).
    if plain is not None:
        centre, gain = model._code(plain[0], source), plain[1]
    else:
        unit = scale_gains(model._word_params(word, source).copy(), 1.0 / strength)
        centre, gain = model.encode_params(unit[None])[0], strength
    rng = np.random.default_rng(seed)
    like = dsp.response_db_np(model.decode_params(centre), _GRID, ANALYSIS_SAMPLE_RATE)
    kept: list[np.ndarray] = []
    rest: list[tuple[float, np.ndarray]] = []  # (likeness, params) of refused draws, the best of them as a last resort
    for _ in range(MAX_ROUNDS):
        z = np.clip(centre + temperature * spread * rng.standard_normal((n, model.latent_dim)), -1.0, 1.0)
        params = model.decode_params(z)
        likeness = _likeness(dsp.response_db_np(params, _GRID, ANALYSIS_SAMPLE_RATE), like)
        kept.extend(params[likeness >= MIN_LIKENESS])
        rest.extend(zip(likeness[likeness < MIN_LIKENESS].tolist(), params[likeness < MIN_LIKENESS]))
        if len(kept) >= n:
            break
    if len(kept) < n:
        kept.extend(p for _, p in sorted(rest, key=lambda lp: -lp[0])[: n - len(kept)])
    return [EQ._trusted(p) for p in scale_gains(np.stack(kept[:n]), gain)]


def _likeness(responses_db: np.ndarray, reference_db: np.ndarray) -> np.ndarray:
    """Pearson correlation ``(n,)`` of each response ``(n, F)`` with ``reference_db`` ``(F,)``; 1 when either is
    flat (a flat word has no shape to stray from)."""
    a = responses_db - responses_db.mean(axis=1, keepdims=True)
    b = reference_db - reference_db.mean()
    norms = np.linalg.norm(a, axis=1) * np.linalg.norm(b)
    return np.where(norms > 1e-9, (a @ b) / np.maximum(norms, 1e-12), 1.0)


__all__ = ["MAX_SAMPLES", "sample_eqs"]
