"""The residual EQ autoencoder in torch (training only; inference runs on numpy, see runtime.py).

Encoder: model-space EQ ``(batch, 15)`` -> residual blocks -> tanh latent ``(batch, latent_dim)``.
Decoder: latent -> residual blocks (mirrored widths) -> three heads (gain, frequency, Q), each
``(batch, 5)``, squashed into model space so every output is a valid EQ.
Projection head: latent -> MLP -> ``(batch, proj_dim)``, what the contrastive loss compares.

Parameter names here are the checkpoint's tensor names; ``runtime.py`` reads the same names.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F

from eqmorph.core.ranges import N_BANDS, N_PARAMS
from eqmorph.model.config import ModelConfig


class ResBlock(nn.Module):
    """``relu(layernorm(linear(x)))`` with dropout, plus ``x`` (projected when widths differ)."""

    def __init__(self, d_in: int, d_out: int, dropout: float) -> None:
        super().__init__()
        self.linear = nn.Linear(d_in, d_out)
        self.norm = nn.LayerNorm(d_out)
        self.drop = nn.Dropout(dropout)
        self.skip = nn.Linear(d_in, d_out, bias=False) if d_in != d_out else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.drop(F.relu(self.norm(self.linear(x)))) + self.skip(x)


def _blocks(widths: list[int], dropout: float) -> nn.ModuleList:
    return nn.ModuleList(ResBlock(a, b, dropout) for a, b in zip(widths[:-1], widths[1:]))


class Encoder(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.blocks = _blocks([N_PARAMS, *cfg.hidden], cfg.dropout)
        self.out = nn.Linear(cfg.hidden[-1], cfg.latent_dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(batch, 15)`` model space -> ``(batch, latent_dim)`` in (-1, 1)."""
        for block in self.blocks:
            x = block(x)
        return torch.tanh(self.out(x))


class Decoder(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.blocks = _blocks([cfg.latent_dim, *reversed(cfg.hidden)], cfg.dropout)
        width = cfg.hidden[0]
        self.gain_head = nn.Linear(width, N_BANDS)
        self.freq_head = nn.Linear(width, N_BANDS)
        self.q_head = nn.Linear(width, N_BANDS)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        """``(batch, latent_dim)`` -> model space ``(batch, 5, 3)``, every value in (-1, 1).

        Gains use tanh over the gain range; frequency and Q use a sigmoid into each band's
        log range, written as ``2 sigmoid(h) - 1`` so the output is model space directly.
        """
        h = z
        for block in self.blocks:
            h = block(h)
        gain = torch.tanh(self.gain_head(h))
        freq = 2.0 * torch.sigmoid(self.freq_head(h)) - 1.0
        q = 2.0 * torch.sigmoid(self.q_head(h)) - 1.0
        return torch.stack([gain, freq, q], dim=-1)


class ProjectionHead(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(cfg.latent_dim, 2 * cfg.proj_dim), nn.ReLU(), nn.Linear(2 * cfg.proj_dim, cfg.proj_dim)
        )

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        """``(batch, latent_dim)`` -> unit vectors ``(batch, proj_dim)``."""
        return F.normalize(self.net(z), dim=-1)


class EQAutoencoder(nn.Module):
    """Encoder, decoder and projection head of one model."""

    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.encoder = Encoder(cfg)
        self.decoder = Decoder(cfg)
        self.projector = ProjectionHead(cfg)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """``(batch, 15)`` -> (reconstruction ``(batch, 5, 3)``, latent, projection)."""
        z = self.encoder(x)
        return self.decoder(z), z, self.projector(z)
