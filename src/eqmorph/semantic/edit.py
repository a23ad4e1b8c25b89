"""Editing an EQ with words: move it towards (amount > 0) or away from (< 0) words, keeping the rest.

Two methods (``benchmarks/edit_steps.py`` compares them):
- ``"latent"``: step along each word's latent direction (centroid minus flat) at the latent code
  of the EQ, and add only the resulting change of the decoded parameters to the EQ (model space),
  so amount 0 returns the EQ unchanged even where the autoencoder would not reproduce it.
- ``"response"`` (default): take the sound that asks for,
  ``response(eq) + sum(amount x response(generate(word)))``, and fit the 5-band EQ closest to it
  by least squares, starting from the EQ and from the latent step. It follows the words more
  faithfully.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.eq import EQ, canonical_array, check_eq
from eqmorph.core.fit import FitConfig, fit_curves, fit_grid
from eqmorph.core.ranges import clip_to_ranges, from_model_space
from eqmorph.errors import ParameterError
from eqmorph.semantic.path import MAX_INTENSITY, check_number

if TYPE_CHECKING:
    from eqmorph.semantic.morph import Morpher

EDIT_METHODS = ("response", "latent")
EDIT_SAMPLE_RATE = ANALYSIS_SAMPLE_RATE  # where edit targets are fitted; the same grid the SocialFX fit uses
# Edits start from the EQ itself and from the latent step, plus one generic start; a light gain ridge
# (the SocialFX fit uses 0.3) keeps cancelling peak pairs away without shrinking what the user asked for.
EDIT_FIT = FitConfig(greedy_starts=((150.0, 6000.0, 1.4),), fixed_peaks_hz=(), polish_iterations=15,
                     gain_penalty=0.05)


def edit_eq(model: Morpher, eq: EQ, changes: Mapping[str, float], method: str = "response", *,
            source: str | None = None) -> EQ:
    """``eq`` moved by ``changes`` (word -> amount in [-4, 4]) with ``model``'s words (crowd ``source``).

    ``Morpher.edit`` is the public entry point; the methods are described in the module docstring.
    This is the Morpher's own editing moved out of its class, so it reads the model's decoder and
    flat code directly.
    """
    check_eq(eq)
    if not isinstance(changes, Mapping) or not changes:
        raise ParameterError("changes", changes, "a mapping of word -> amount, e.g. {'warm': 0.5}")
    if method not in EDIT_METHODS:
        raise ParameterError("method", method, " or ".join(EDIT_METHODS))
    amounts = {w: check_number(f"amount of {w!r}", a, -MAX_INTENSITY, MAX_INTENSITY) for w, a in changes.items()}
    if all(a == 0.0 for a in amounts.values()):
        return eq
    latent = _latent_step(model, eq, amounts, source)
    if method == "latent":
        return EQ.from_array(latent)
    return _response_fit(model, eq, amounts, latent, source)


def _latent_step(model: Morpher, eq: EQ, amounts: Mapping[str, float], source: str | None) -> np.ndarray:
    """Physical ``(5, 3)``: ``eq`` plus the change the decoder makes along the words' latent directions."""
    z0 = model.encode(eq)
    step = np.zeros(model.latent_dim, dtype=np.float64)
    for word, amount in amounts.items():
        step += amount * (model.centroid(word, source).astype(np.float64) - model._flat)
    # The raw decoder output (model space, before clipping and sorting): the change must pair band by band.
    moved = model._net.decode(np.stack([z0, np.clip(z0 + step, -1.0, 1.0)]).astype(np.float32))  # (2, 5, 3)
    x = eq.to_model_space() + (moved[1].astype(np.float64) - moved[0])
    return canonical_array(clip_to_ranges(from_model_space(np.clip(x, -1.0, 1.0))))


def _response_fit(model: Morpher, eq: EQ, amounts: Mapping[str, float], latent: np.ndarray,
                  source: str | None) -> EQ:
    """The 5-band EQ closest to ``response(eq) + sum(amount x response(word))``, from two starts."""
    freqs = fit_grid()
    target = eq.response_db(freqs, EDIT_SAMPLE_RATE)
    for word, amount in amounts.items():
        word_params = model.generate_params(word, source=source)
        target = target + amount * dsp.response_db_np(word_params, freqs, EDIT_SAMPLE_RATE)
    starts = np.stack([eq.to_array(), latent])[:, None]  # (2 starts, 1 curve, 5, 3)
    fit = fit_curves(target[None], freqs, EDIT_SAMPLE_RATE, EDIT_FIT, starts=starts)
    return EQ.from_array(canonical_array(fit.params[0]))
