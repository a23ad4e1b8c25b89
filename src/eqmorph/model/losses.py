"""Training losses: reconstruction that cares about sound, and supervised contrastive.

Supervised contrastive loss: Khosla et al., "Supervised Contrastive Learning", NeurIPS 2020
(the "L_out" form: the mean over positives sits outside the log).
"""

from __future__ import annotations

import torch

from eqmorph.core import dsp, ranges
from eqmorph.core.conventions import SAFE_SAMPLE_RATE

RESPONSE_SCALE_DB = 12.0  # squared errors are divided by this squared, so 12 dB off costs about 1


def model_to_physical(x: torch.Tensor) -> torch.Tensor:
    """Differentiable ``ranges.from_model_space`` (the same code, :func:`ranges.model_to_physical`)."""
    return ranges.model_to_physical(torch, x)


def response_loss(pred: torch.Tensor, target: torch.Tensor, freqs_hz: torch.Tensor, weight: torch.Tensor,
                  sample_rate: float = SAFE_SAMPLE_RATE) -> torch.Tensor:
    """Weighted mean squared error of magnitude responses in dB, scaled by ``RESPONSE_SCALE_DB``.

    pred, target: model space ``(batch, 5, 3)``; weight ``(batch,)``.
    """
    r_pred = dsp.response_db(torch, model_to_physical(pred), freqs_hz, sample_rate)
    with torch.no_grad():
        r_true = dsp.response_db(torch, model_to_physical(target), freqs_hz, sample_rate)
    err = ((r_pred - r_true) / RESPONSE_SCALE_DB).pow(2).mean(-1)
    return (err * weight).sum() / weight.sum()


def param_loss(pred: torch.Tensor, target: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """Weighted MSE in model space; pred, target ``(batch, 5, 3)``, weight ``(batch,)``."""
    err = (pred - target).pow(2).flatten(1).mean(-1)
    return (err * weight).sum() / weight.sum()


def supcon_loss(proj: torch.Tensor, labels: torch.Tensor, temperature: float) -> torch.Tensor:
    """Supervised contrastive loss over unit vectors ``proj (batch, dim)`` with int ``labels (batch,)``.

    Anchors without any positive in the batch are left out; returns 0 if none has one.
    """
    n = proj.shape[0]
    sim = proj @ proj.T / temperature
    self_mask = torch.eye(n, dtype=torch.bool, device=proj.device)
    sim = sim.masked_fill(self_mask, float("-inf"))
    log_prob = sim - torch.logsumexp(sim, dim=1, keepdim=True)
    pos = (labels[:, None] == labels[None, :]) & ~self_mask
    n_pos = pos.sum(1)
    has_pos = n_pos > 0
    if not has_pos.any():
        return proj.sum() * 0.0
    mean_log_prob_pos = log_prob.masked_fill(~pos, 0.0).sum(1)[has_pos] / n_pos[has_pos]
    return -mean_log_prob_pos.mean()


def centroid_loss(decoder: torch.nn.Module, z: torch.Tensor, x: torch.Tensor, labels: torch.Tensor,
                  freqs_hz: torch.Tensor, sample_rate: float = SAFE_SAMPLE_RATE) -> torch.Tensor:
    """Decoded word centroids should sound like the word's average: scaled response MSE.

    For every word with at least two examples in the batch, the mean latent ``z (batch, d)`` of
    its examples is decoded and its response compared with the mean response of their targets
    ``x (batch, 5, 3)`` (model space). This is what ``generate(word)`` relies on: the decoder is
    otherwise only trained on single examples, never on the averages it is asked to decode.
    """
    uniq, inverse, counts = torch.unique(labels, return_inverse=True, return_counts=True)
    keep = counts >= 2
    if not keep.any():
        return z.sum() * 0.0
    onehot = torch.nn.functional.one_hot(inverse, len(uniq)).to(z.dtype)  # (batch, words)
    z_mean = (onehot.T @ z) / counts[:, None].to(z.dtype)
    with torch.no_grad():
        r_true = dsp.response_db(torch, model_to_physical(x), freqs_hz, sample_rate)
        r_mean = (onehot.T.to(r_true.dtype) @ r_true) / counts[:, None].to(r_true.dtype)
    r_pred = dsp.response_db(torch, model_to_physical(decoder(z_mean[keep])), freqs_hz, sample_rate)
    return ((r_pred - r_mean[keep]) / RESPONSE_SCALE_DB).pow(2).mean()
