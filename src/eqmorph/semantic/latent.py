"""A trained model's latent side: its numpy network, its words' codes and spreads, and which crowd ``source=`` names.

:class:`eqmorph.semantic.morph.Morpher` builds on it (words and phrases to EQs, morphs, blends, describe).
Everything here runs on numpy (see ``model/runtime.py``); torch is only needed to train.
Latent codes have shape ``(latent_dim,)`` or ``(n, latent_dim)``; EQ arrays are physical
``(n, 5, 3)`` rows of ``(gain_db, freq_hz, q)``.

Decoder outputs are clipped into range and put in canonical order by ``decode_params``, so
they become EQs through ``EQ._trusted`` without re-validation (the slider's hot path).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from eqmorph.core.eq import EQ, canonical_array
from eqmorph.core.ranges import clip_to_ranges, from_model_space, to_model_space
from eqmorph.errors import ParameterError
from eqmorph.language.band_words import band_params
from eqmorph.language.spelling import unknown_word_error
from eqmorph.model.checkpoint import Checkpoint
from eqmorph.model.runtime import NumpyAutoencoder
from eqmorph.semantic.cache import read_only


class LatentModel:
    """A checkpoint's network and the latent tables of its words: each word's centroid and spread, for both crowds
    and for each crowd (``sources``).

    index: each known word's row of the tables; counts: the known words' example counts (an unknown word's error
    suggests the nearest of them).
    """

    def __init__(self, ckpt: Checkpoint, index: Mapping[str, int], counts: Mapping[str, int]) -> None:
        self._net = NumpyAutoencoder(ckpt.config, ckpt.weights)
        self._index, self._known = index, counts
        self._centroids = np.asarray(ckpt.centroids, dtype=np.float32)
        self._spreads = np.asarray(ckpt.spreads, dtype=np.float32)
        self._flat = np.asarray(ckpt.flat, dtype=np.float32)
        # Each crowd's own centroids (source="socialfx" / "safe"); a word a crowd never used keeps the
        # combined centroid there (count 0 in word_info). source=None uses the combined ones above.
        self.sources: tuple[str, ...] = tuple(ckpt.sources)
        self._crowd: dict[str, tuple[np.ndarray, np.ndarray]] = {
            s: (np.asarray(ckpt.source_centroids[i], dtype=np.float32),
                np.asarray(ckpt.source_spreads[i], dtype=np.float32))
            for i, s in enumerate(self.sources)}
        self.latent_dim = ckpt.config.latent_dim
        self._band_codes: dict[str, np.ndarray] = {}  # band word -> latent code of its defined EQ

    def _check_source(self, source: str | None) -> str | None:
        """The crowd ``source`` names if this model has its words (any case, as the CLI's ``--source``); ``None``
        means both crowds."""
        if source is None or source in self._crowd:
            return source
        key = source.strip().lower() if isinstance(source, str) else None
        if key in self._crowd:
            return key
        allowed = (" or ".join([*self.sources, "None (both crowds)"]) if self.sources
                   else "None (this model has no per-crowd words)")
        raise ParameterError("source", source, allowed)

    def _code(self, term: str, source: str | None) -> np.ndarray:
        """Centroid of a known ``term`` for one crowd (``None``: combined); a band word's is its EQ's code."""
        j = self._index.get(term)
        if j is None:
            return self._band_code(term)
        source = self._check_source(source)
        table = self._centroids if source is None else self._crowd[source][0]
        return table[j]

    def _band_code(self, name: str) -> np.ndarray:
        """Latent code of band word ``name``'s defined EQ (the same for every crowd: no crowd described it)."""
        code = self._band_codes.get(name)
        if code is None:
            params = band_params(name)
            if params is None:
                raise unknown_word_error(name, self._known)
            code = self._band_codes[name] = read_only(self.encode_params(params[None])[0])
        return code

    def _spread(self, term: str, source: str | None) -> np.ndarray:
        """Latent spread ``(latent_dim,)`` of a known ``term``'s training examples in crowd ``source`` (None: both)."""
        source = self._check_source(source)
        table = self._spreads if source is None else self._crowd[source][1]
        j = self._index.get(term)
        # A band word has no examples: its variations spread as a typical word's do.
        return np.median(table, axis=0) if j is None else table[j]

    def encode_params(self, params: np.ndarray) -> np.ndarray:
        """Physical ``(n, 5, 3)`` -> latent ``(n, latent_dim)``."""
        p = np.asarray(params, dtype=np.float64)
        return self._net.encode(to_model_space(p).reshape(*p.shape[:-2], 15))

    def decode_params(self, z: np.ndarray) -> np.ndarray:
        """Latent ``(..., latent_dim)`` -> physical ``(..., 5, 3)``, valid and in canonical order."""
        return canonical_array(clip_to_ranges(from_model_space(self._net.decode(z))))

    def encode(self, eq: EQ) -> np.ndarray:
        """Latent code ``(latent_dim,)`` of an EQ."""
        return self.encode_params(eq.to_array()[None])[0]

    def decode(self, z: np.ndarray) -> EQ:
        """The EQ a latent code ``(latent_dim,)`` stands for."""
        z = np.asarray(z, dtype=np.float32)
        if z.shape != (self.latent_dim,) or not np.all(np.isfinite(z)):
            raise ParameterError("z", f"array of shape {z.shape}", f"{self.latent_dim} finite numbers")
        return EQ.from_array(self.decode_params(z))
