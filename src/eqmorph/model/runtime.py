"""numpy forward pass of the autoencoder: inference without torch.

Reads the same tensor names as ``network.py`` writes. The three decoder heads are
merged into one ``(width, 15)`` matrix and ``2 sigmoid(h) - 1`` is computed as
``tanh(h / 2)``, so decoding ends in a single matmul and a single tanh. Work is in
float32 like the torch model; outputs agree with torch within about 1e-6.
"""

from __future__ import annotations

import math

import numpy as np

from eqmorph.core.ranges import N_BANDS, N_PARAMS
from eqmorph.errors import ModelFileError
from eqmorph.model.config import ModelConfig

LAYER_NORM_EPS = 1e-5  # torch.nn.LayerNorm's default


def _block_shapes(prefix: str, d_in: int, d_out: int) -> dict[str, tuple[int, ...]]:
    shapes = {
        f"{prefix}.linear.weight": (d_out, d_in),
        f"{prefix}.linear.bias": (d_out,),
        f"{prefix}.norm.weight": (d_out,),
        f"{prefix}.norm.bias": (d_out,),
    }
    if d_in != d_out:
        shapes[f"{prefix}.skip.weight"] = (d_out, d_in)
    return shapes


def expected_shapes(cfg: ModelConfig) -> dict[str, tuple[int, ...]]:
    """Every tensor name of a model with config ``cfg`` and its shape."""
    shapes: dict[str, tuple[int, ...]] = {}
    enc = [N_PARAMS, *cfg.hidden]
    for i, (a, b) in enumerate(zip(enc[:-1], enc[1:])):
        shapes.update(_block_shapes(f"encoder.blocks.{i}", a, b))
    shapes["encoder.out.weight"] = (cfg.latent_dim, cfg.hidden[-1])
    shapes["encoder.out.bias"] = (cfg.latent_dim,)
    dec = [cfg.latent_dim, *reversed(cfg.hidden)]
    for i, (a, b) in enumerate(zip(dec[:-1], dec[1:])):
        shapes.update(_block_shapes(f"decoder.blocks.{i}", a, b))
    for head in ("gain_head", "freq_head", "q_head"):
        shapes[f"decoder.{head}.weight"] = (N_BANDS, cfg.hidden[0])
        shapes[f"decoder.{head}.bias"] = (N_BANDS,)
    shapes["projector.net.0.weight"] = (2 * cfg.proj_dim, cfg.latent_dim)
    shapes["projector.net.0.bias"] = (2 * cfg.proj_dim,)
    shapes["projector.net.2.weight"] = (cfg.proj_dim, 2 * cfg.proj_dim)
    shapes["projector.net.2.bias"] = (cfg.proj_dim,)
    return shapes


def check_weights(cfg: ModelConfig, weights: dict[str, np.ndarray]) -> None:
    """Raise :class:`ModelFileError` saying which tensors are missing, extra or of the wrong shape."""
    want = expected_shapes(cfg)
    missing = sorted(set(want) - set(weights))
    extra = sorted(set(weights) - set(want))
    wrong = [f"{k}: {tuple(weights[k].shape)} != {want[k]}" for k in sorted(set(want) & set(weights))
             if tuple(weights[k].shape) != want[k]]
    if missing or extra or wrong:
        parts = []
        if missing:
            parts.append(f"missing {missing[:5]}{' ...' if len(missing) > 5 else ''}")
        if extra:
            parts.append(f"unexpected {extra[:5]}{' ...' if len(extra) > 5 else ''}")
        if wrong:
            parts.append(f"shape mismatch {wrong[:5]}")
        raise ModelFileError(
            f"weights disagree with config (latent_dim={cfg.latent_dim}, hidden={list(cfg.hidden)}): "
            + "; ".join(parts)
        )
    for k, v in weights.items():
        if not np.all(np.isfinite(v)):
            raise ModelFileError(f"weights: tensor {k!r} holds NaN or Inf values")


class _Block:
    """One residual block; the main and skip matmuls are fused into one ``(d_in, 2 d_out)`` product."""

    __slots__ = ("w", "b", "g", "beta", "n", "has_skip")

    def __init__(self, weights: dict[str, np.ndarray], prefix: str) -> None:
        f32 = np.float32
        w = weights[f"{prefix}.linear.weight"].T
        b = weights[f"{prefix}.linear.bias"]
        skip = weights.get(f"{prefix}.skip.weight")
        self.n = w.shape[1]
        self.has_skip = skip is not None
        if self.has_skip:
            w = np.concatenate([w, skip.T], axis=1)
            b = np.concatenate([b, np.zeros(self.n)])
        self.w = np.ascontiguousarray(w, dtype=f32)
        self.b = np.asarray(b, dtype=f32)
        self.g = weights[f"{prefix}.norm.weight"].astype(f32)
        self.beta = weights[f"{prefix}.norm.bias"].astype(f32)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        if x.ndim == 1:
            return self._one(x)
        hs = x @ self.w
        hs += self.b
        h, skip = (hs[..., : self.n], hs[..., self.n :]) if self.has_skip else (hs, x)
        d = h - h.mean(-1, keepdims=True)
        h = d / np.sqrt((d * d).mean(-1, keepdims=True) + LAYER_NORM_EPS)
        h *= self.g
        h += self.beta
        np.maximum(h, 0.0, out=h)
        h += skip
        return h

    def _one(self, x: np.ndarray) -> np.ndarray:
        # Same maths for one vector with fewer numpy calls: this is the slider's hot path.
        hs = x @ self.w
        hs += self.b
        h, skip = (hs[: self.n], hs[self.n :]) if self.has_skip else (hs, x)
        h -= h.mean()
        h *= self.g * np.float32(1.0 / math.sqrt(float(h @ h) / self.n + LAYER_NORM_EPS))
        h += self.beta
        np.maximum(h, 0.0, out=h)
        h += skip
        return h


class NumpyAutoencoder:
    """Encoder and decoder of a trained model, evaluated with numpy (eval mode: no dropout)."""

    def __init__(self, cfg: ModelConfig, weights: dict[str, np.ndarray]) -> None:
        check_weights(cfg, weights)
        self.cfg = cfg
        self._enc = [_Block(weights, f"encoder.blocks.{i}") for i in range(len(cfg.hidden))]
        self._enc_w = np.ascontiguousarray(weights["encoder.out.weight"].T, dtype=np.float32)
        self._enc_b = weights["encoder.out.bias"].astype(np.float32)
        self._dec = [_Block(weights, f"decoder.blocks.{i}") for i in range(len(cfg.hidden))]
        # Interleave heads so column 3*band + param matches the (5, 3) output layout;
        # halve freq and Q columns because 2 sigmoid(h) - 1 == tanh(h / 2).
        scale = np.array([1.0, 0.5, 0.5], dtype=np.float32)
        heads = ("gain_head", "freq_head", "q_head")
        w = np.stack([weights[f"decoder.{h}.weight"] for h in heads], axis=1)  # (5, 3, width)
        b = np.stack([weights[f"decoder.{h}.bias"] for h in heads], axis=1)  # (5, 3)
        self._dec_w = np.ascontiguousarray((w * scale[None, :, None]).reshape(N_PARAMS, -1).T, dtype=np.float32)
        self._dec_b = (b * scale[None, :]).reshape(N_PARAMS).astype(np.float32)

    def encode(self, x: np.ndarray) -> np.ndarray:
        """Model space ``(..., 15)`` -> latent ``(..., latent_dim)`` float32."""
        h = np.asarray(x, dtype=np.float32)
        for block in self._enc:
            h = block(h)
        return np.tanh(h @ self._enc_w + self._enc_b)

    def decode(self, z: np.ndarray) -> np.ndarray:
        """Latent ``(..., latent_dim)`` -> model space ``(..., 5, 3)`` float32 in (-1, 1)."""
        h = np.asarray(z, dtype=np.float32)
        for block in self._dec:
            h = block(h)
        out = h @ self._dec_w
        out += self._dec_b
        return np.tanh(out, out=out).reshape(*out.shape[:-1], N_BANDS, 3)
