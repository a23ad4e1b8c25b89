"""Morphing with a trained model: words to EQs, blends, variations and edits.

Everything here runs on numpy (see ``model/runtime.py``); torch is only needed to train.
Latent codes have shape ``(latent_dim,)`` or ``(n, latent_dim)``; EQ arrays are physical
``(n, 5, 3)`` rows of ``(gain_db, freq_hz, q)``.

Decoder outputs are clipped into range and put in canonical order by ``decode_params``, so
they become EQs through ``EQ._trusted`` without re-validation (the slider's hot path).

Intensity scales the decoded gains (dB), as the Audealize "amount" does: 0 is the flat EQ,
1 the word, above 1 exaggerates, negative values invert. Frequencies and Qs are the word's.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.eq import EQ, canonical_array
from eqmorph.core.fit import FitConfig, fit_curves, fit_grid
from eqmorph.core.ranges import GAIN_DB, PEAK_SLICE, clip_to_ranges, from_model_space, to_model_space
from eqmorph.errors import ParameterError
from eqmorph.language.spelling import normalise_term, unknown_word_error
from eqmorph.model import checkpoint
from eqmorph.model.checkpoint import Checkpoint
from eqmorph.model.runtime import NumpyAutoencoder

INTERPOLATIONS = ("latent", "slerp", "params")
DEFAULT_INTERPOLATION = "params"  # the most monotonic morph in benchmarks/morph_quality.py
EDIT_METHODS = ("response", "latent")
EDIT_SAMPLE_RATE = 48000.0  # where edit targets are fitted; the same grid the SocialFX fit uses
# Edits start from the EQ itself and from the latent step, plus one generic start; a light gain ridge
# (the SocialFX fit uses 0.3) keeps cancelling peak pairs away without shrinking what the user asked for.
EDIT_FIT = FitConfig(greedy_starts=((150.0, 6000.0, 1.4),), fixed_peaks_hz=(), polish_iterations=15,
                     gain_penalty=0.05)
WORD_CACHE_SIZE = 4096  # decoded word EQs kept; a slider asks for the same two words again and again
_PEAK_PERMS = np.array(list(itertools.permutations(range(3))))  # (6, 3) pairings of B's peaks with A's
_MATCH_FREQS = np.geomspace(20.0, 20000.0, 64)


@dataclass(frozen=True)
class WordInfo:
    """What the model knows about one word."""

    word: str
    count: int  # training examples behind the centroid
    confidence: float  # 0..1: 1 / (1 + standard error of the centroid / typical distance between words)
    spread: float  # RMS std of the word's training latents


def _check_number(name: str, value: float, low: float = -math.inf, high: float = math.inf) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError) as exc:
        raise ParameterError(name, value, f"a number in [{low:g}, {high:g}]") from exc
    if not (math.isfinite(v) and low <= v <= high):
        raise ParameterError(name, value, f"a finite number in [{low:g}, {high:g}]")
    return v


MAX_INTENSITY = 4.0  # beyond this gains pin to the range ends and the word's shape is lost


class Morpher:
    """A trained model ready to turn words into EQs.

    Satisfies the evaluation protocol (``terms``, ``latent_dim``, ``encode_params``,
    ``decode_params``, ``centroid``, ``generate_params``).
    """

    def __init__(self, ckpt: Checkpoint, *, open_vocabulary: object | None = None) -> None:
        self.checkpoint = ckpt
        self._net = NumpyAutoencoder(ckpt.config, ckpt.weights)
        self.terms: list[str] = list(ckpt.terms)
        self.counts: dict[str, int] = {t: int(c) for t, c in zip(ckpt.terms, ckpt.counts)}
        self._index = {t: i for i, t in enumerate(self.terms)}
        self._centroids = np.asarray(ckpt.centroids, dtype=np.float32)
        self._spreads = np.asarray(ckpt.spreads, dtype=np.float32)
        self._flat = np.asarray(ckpt.flat, dtype=np.float32)
        self.latent_dim = ckpt.config.latent_dim
        self.word_map = np.asarray(ckpt.word_map, dtype=np.float64)
        self._open_vocabulary = open_vocabulary
        self._cache: dict[str, np.ndarray] = {}
        digest = hashlib.sha256()
        for k in sorted(ckpt.weights):
            digest.update(k.encode())
            digest.update(np.ascontiguousarray(ckpt.weights[k], dtype=np.float32).tobytes())
        self.model_id = str(ckpt.provenance.get("model_name", "eqmorph")) + "-" + digest.hexdigest()[:12]
        self._info = self._word_infos()

    # --- vocabulary -------------------------------------------------------
    def _word_infos(self) -> dict[str, WordInfo]:
        c = self._centroids.astype(np.float64)
        if len(c) > 1:
            d = np.linalg.norm(c[:, None] - c[None], axis=-1)
            np.fill_diagonal(d, np.inf)
            typical = float(np.median(d.min(1)))
        else:
            typical = 1.0
        out = {}
        for t, i in self._index.items():
            spread = float(np.sqrt(np.mean(self._spreads[i].astype(np.float64) ** 2)))
            se = spread / math.sqrt(max(self.counts[t], 1))
            out[t] = WordInfo(t, self.counts[t], 1.0 / (1.0 + se / max(typical, 1e-9)), spread)
        return out

    def word_info(self, word: str) -> WordInfo:
        """Count, confidence and spread of a known word."""
        return self._info[self._lookup(word)]

    def words(self) -> list[WordInfo]:
        """Every known word, most examples first."""
        return [self._info[t] for t in self.terms]

    def _lookup(self, word: str) -> str:
        if not isinstance(word, str):
            raise ParameterError("word", word, "a text descriptor such as 'warm'")
        if word in self._index:
            return word
        norm = normalise_term(word)
        if norm in self._index:
            return norm
        raise unknown_word_error(word, self.counts)

    def resolve(self, word: str) -> list[tuple[str, float]]:
        """Known words and weights that stand for ``word``: itself, or (open vocabulary) its neighbours."""
        try:
            return [(self._lookup(word), 1.0)]
        except LookupError:
            if self._open_vocabulary is None:
                raise
            return list(self._open_vocabulary.neighbours(normalise_term(word)))  # type: ignore[attr-defined]

    # --- latent codes -------------------------------------------------------
    def centroid(self, word: str) -> np.ndarray:
        """Latent centroid ``(latent_dim,)`` of ``word`` (a blend of neighbours for open-vocabulary words)."""
        parts = self.resolve(word)
        if len(parts) == 1:
            return self._centroids[self._index[parts[0][0]]]
        return self._blend_code(dict(parts))

    def _blend_code(self, weights: Mapping[str, float]) -> np.ndarray:
        if not weights:
            raise ParameterError("weights", dict(weights), "at least one word with a weight > 0")
        ws = {self._lookup(w): _check_number(f"weight of {w!r}", v, 0.0) for w, v in weights.items()}
        total = sum(ws.values())
        if total <= 0:
            raise ParameterError("weights", dict(weights), "weights >= 0 with a positive sum")
        return sum((v / total) * self._centroids[self._index[w]] for w, v in ws.items())  # type: ignore[return-value]

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

    # --- words to EQs -------------------------------------------------------
    @staticmethod
    def _scale(params: np.ndarray, intensity: float) -> np.ndarray:
        """Scale gains of ``(..., 5, 3)`` by ``intensity``, saturating all bands together.

        Once the largest gain reaches the range limit the whole EQ stops growing; clipping
        bands one by one would let the others keep growing and change the word's shape.
        """
        if intensity != 1.0:
            gains = params[..., 0]
            peak = np.abs(gains).max(-1, keepdims=True)
            limit = np.where(peak > 0, GAIN_DB.high / np.maximum(peak, 1e-12), np.inf)
            k = np.sign(intensity) * np.minimum(abs(intensity), limit)
            params[..., 0] = np.clip(gains * k, GAIN_DB.low, GAIN_DB.high)
        return params

    def generate_params(self, word: str, intensity: float = 1.0) -> np.ndarray:
        """Physical ``(5, 3)`` EQ for ``word`` at ``intensity``."""
        intensity = _check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        return self._scale(self._word_params(word).copy(), intensity)

    def generate(self, word: str, intensity: float = 1.0) -> EQ:
        """The EQ for ``word``; ``intensity`` 0 is flat, 1 the word, > 1 stronger, < 0 the opposite."""
        return EQ._trusted(self.generate_params(word, intensity))

    def _cached(self, key: str, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """``compute()`` once per key, kept read-only; the cache starts over when full."""
        value = self._cache.get(key)
        if value is None:
            if len(self._cache) >= WORD_CACHE_SIZE:
                self._cache.clear()
            value = self._cache[key] = compute()
            value.flags.writeable = False
        return value

    def _word_params(self, word: str) -> np.ndarray:
        """Decoded ``(5, 3)`` EQ of ``word`` at intensity 1, cached: the ends of every morph."""
        return self._cached(word, lambda: self.decode_params(self.centroid(word)))

    def _matched_ends(self, a: str, b: str, pa: np.ndarray, pb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Model-space ends of the params morph, with B's peaks paired to A's peaks.

        Which peak of A turns into which peak of B is free (the EQ sorts them afterwards); of the
        six pairings, keep the one whose response moves most monotonically on a coarse alpha grid
        (ties: least frequency travel). Cached per word pair: a slider asks for it at every move.
        """
        ends = self._cached(f"{a}\x00{b}", lambda: _pair_peaks(to_model_space(pa), to_model_space(pb)))
        return ends[0], ends[1]

    def _path(self, a: str, b: str, al: np.ndarray, method: str) -> np.ndarray:
        """Physical ``(n, 5, 3)`` at alphas ``al (n,)``; the ends are exactly the words' EQs."""
        if method not in INTERPOLATIONS:
            raise ParameterError("method", method, " or ".join(INTERPOLATIONS))
        pa, pb = self._word_params(a), self._word_params(b)
        if method == "params":
            xa, xb = self._matched_ends(a, b, pa, pb)
            x = (1.0 - al)[:, None, None] * xa + al[:, None, None] * xb
            out = canonical_array(clip_to_ranges(from_model_space(x)))
        else:
            z = _mix(self.centroid(a), self.centroid(b), al, method)
            out = self.decode_params(z[0])[None] if len(al) == 1 else self.decode_params(z)
        out[al == 0.0] = pa
        out[al == 1.0] = pb
        return out

    def interpolate_params(self, a: str, b: str, alphas: Sequence[float] | np.ndarray, intensity: float = 1.0,
                           method: str = DEFAULT_INTERPOLATION) -> np.ndarray:
        """Physical ``(n, 5, 3)`` EQs along the morph from ``a`` (alpha 0) to ``b`` (alpha 1)."""
        al = np.asarray(alphas, dtype=np.float64).reshape(-1)
        if al.size == 0 or not np.all(np.isfinite(al)) or al.min() < 0.0 or al.max() > 1.0:
            raise ParameterError("alpha", alphas if al.size < 8 else f"{al.size} values", "numbers in [0, 1]")
        intensity = _check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        return self._scale(self._path(a, b, al, method), intensity)

    def interpolate(self, a: str, b: str, alpha: float, intensity: float = 1.0,
                    method: str = DEFAULT_INTERPOLATION) -> EQ:
        """The EQ at ``alpha`` between words ``a`` (0) and ``b`` (1); the ends equal ``generate``.

        ``method``: "params" (default) blends the two words' EQs linearly in model space
        (log frequency, log Q); "latent" decodes the linear blend of the two centroids;
        "slerp" decodes a spherical blend. docs/benchmarks.md compares them.
        """
        alpha = _check_number("alpha", alpha, 0.0, 1.0)
        intensity = _check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        return EQ._trusted(self._scale(self._path(a, b, np.array([alpha]), method)[0], intensity))

    def blend(self, weights: Mapping[str, float], intensity: float = 1.0) -> EQ:
        """EQ of a weighted mix of words, e.g. ``{"warm": 0.6, "bright": 0.3, "clear": 0.1}`` (weights >= 0)."""
        if not isinstance(weights, Mapping):
            raise ParameterError("weights", weights, "a mapping of word -> weight")
        intensity = _check_number("intensity", intensity, -MAX_INTENSITY, MAX_INTENSITY)
        return EQ._trusted(self._scale(self.decode_params(self._blend_code(weights)), intensity))

    def sample(self, word: str, n: int, temperature: float = 1.0, seed: int | None = None) -> list[EQ]:
        """``n`` plausible variations of ``word``, drawn from a Gaussian with its latent spread."""
        if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 1 <= n <= 1000:
            raise ParameterError("n", n, "an integer from 1 to 1000")
        temperature = _check_number("temperature", temperature, 0.0, 10.0)
        parts = self.resolve(word)
        spread = sum(w * self._spreads[self._index[t]] for t, w in parts)
        rng = np.random.default_rng(seed)
        z = self.centroid(word) + temperature * spread * rng.standard_normal((n, self.latent_dim))
        z = np.clip(z, -1.0, 1.0)  # the encoder's tanh never leaves this box
        return [EQ._trusted(p) for p in self.decode_params(z)]

    def edit(self, eq: EQ, changes: Mapping[str, float], method: str = "response") -> EQ:
        """Move ``eq`` towards (amount > 0) or away from (< 0) words, keeping the rest of it.

        ``method="latent"``: step along each word's latent direction (centroid minus flat) at the
        latent code of ``eq`` and add only the resulting change of the decoded parameters to
        ``eq`` (model space), so amount 0 returns ``eq`` unchanged even where the autoencoder would
        not reproduce it. ``method="response"`` (default) takes the sound that asks for,
        ``response(eq) + sum(amount x response(generate(word)))``, and fits the 5-band EQ closest
        to it by least squares, starting from ``eq`` and from the latent step; it follows the words
        more faithfully (docs/benchmarks.md, edit steps).
        """
        if not isinstance(changes, Mapping) or not changes:
            raise ParameterError("changes", changes, "a mapping of word -> amount, e.g. {'warm': 0.5}")
        if method not in EDIT_METHODS:
            raise ParameterError("method", method, " or ".join(EDIT_METHODS))
        amounts = {w: _check_number(f"amount of {w!r}", a, -MAX_INTENSITY, MAX_INTENSITY) for w, a in changes.items()}
        if all(a == 0.0 for a in amounts.values()):
            return eq
        z0 = self.encode(eq)
        step = np.zeros(self.latent_dim, dtype=np.float64)
        for word, amount in amounts.items():
            step += amount * (self.centroid(word).astype(np.float64) - self._flat)
        moved = self._net.decode(np.stack([z0, np.clip(z0 + step, -1.0, 1.0)]).astype(np.float32))
        x = eq.to_model_space() + (moved[1].astype(np.float64) - moved[0])
        latent = canonical_array(clip_to_ranges(from_model_space(np.clip(x, -1.0, 1.0))))
        if method == "latent":
            return EQ.from_array(latent)
        freqs = fit_grid()
        target = eq.response_db(freqs, EDIT_SAMPLE_RATE)
        for word, amount in amounts.items():
            target = target + amount * dsp.response_db_np(self._word_params(word), freqs, EDIT_SAMPLE_RATE)
        starts = np.stack([eq.to_array(), latent])[:, None]  # (2 starts, 1 curve, 5, 3)
        fit = fit_curves(target[None], freqs, EDIT_SAMPLE_RATE, EDIT_FIT, starts=starts)
        return EQ.from_array(canonical_array(fit.params[0]))


def _pair_peaks(xa: np.ndarray, xb: np.ndarray) -> np.ndarray:
    """``(2, 5, 3)``: model-space ``xa`` and ``xb`` with B's peaks reordered for the most monotonic blend."""
    candidates = np.repeat(xb[None], len(_PEAK_PERMS), axis=0)
    candidates[:, PEAK_SLICE] = xb[PEAK_SLICE][_PEAK_PERMS]
    al = np.linspace(0.0, 1.0, 11)[None, :, None, None]
    paths = from_model_space((1.0 - al) * xa + al * candidates[:, None])  # (6, 11, 5, 3)
    steps = np.diff(dsp.response_db_np(paths, _MATCH_FREQS, 44100.0), axis=1)  # (6, 10, F)
    mono = np.mean(np.all(steps >= -1e-6, axis=1) | np.all(steps <= 1e-6, axis=1), axis=-1)
    travel = np.abs(candidates[:, PEAK_SLICE, 1] - xa[PEAK_SLICE, 1]).sum(-1)
    return np.stack([xa, candidates[int(np.lexsort((travel, -mono))[0])]])


def _mix(za: np.ndarray, zb: np.ndarray, alphas: np.ndarray, method: str) -> np.ndarray:
    """Latent points ``(n, d)`` between ``za`` and ``zb``; alpha 0 and 1 give the ends exactly."""
    al = alphas.astype(np.float32)[:, None]
    if method == "slerp":
        na, nb = float(np.linalg.norm(za)), float(np.linalg.norm(zb))
        cos = float(np.dot(za, zb) / max(na * nb, 1e-12))
        omega = math.acos(min(1.0, max(-1.0, cos)))
        if omega > 1e-4:
            # Spherical on direction, linear on length, so the path stays inside the latent box.
            ua, ub = za / max(na, 1e-12), zb / max(nb, 1e-12)
            wa = np.sin((1.0 - al) * omega) / math.sin(omega)
            wb = np.sin(al * omega) / math.sin(omega)
            z = (wa * ua + wb * ub) * ((1.0 - al) * na + al * nb)
            z = np.where(al == 0.0, za, np.where(al == 1.0, zb, z))
            return z.astype(np.float32)
    return ((1.0 - al) * za + al * zb).astype(np.float32)


def bundled_model_dir() -> Path:
    """Folder of the pretrained model shipped inside the package."""
    return Path(__file__).resolve().parents[1] / "pretrained" / "default"


def load(path: str | os.PathLike[str] | None = None, *, open_vocabulary: bool = False) -> Morpher:
    """Load a model directory (``None``: the bundled pretrained model).

    ``open_vocabulary=True`` maps unknown words to blends of known ones through offline
    sentence embeddings (needs the ``text`` extra).
    """
    ckpt = checkpoint.load(bundled_model_dir() if path is None else path)
    vocab = None
    if open_vocabulary:
        from eqmorph.language.openvocab import OpenVocabulary, SentenceEmbedder

        vocab = OpenVocabulary(list(ckpt.terms), dict(zip(ckpt.terms, (int(c) for c in ckpt.counts))),
                               SentenceEmbedder())
    return Morpher(ckpt, open_vocabulary=vocab)
