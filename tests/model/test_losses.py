"""Supervised contrastive loss behaves as the paper defines it."""

import pytest

torch = pytest.importorskip("torch")

from eqmorph.model.losses import supcon_loss  # noqa: E402


def test_supcon_is_lower_when_same_word_projections_cluster():
    torch.manual_seed(0)
    labels = torch.tensor([0, 0, 0, 1, 1, 1])
    centres = torch.nn.functional.normalize(torch.randn(2, 8), dim=-1)
    clustered = torch.nn.functional.normalize(centres[labels] + 0.05 * torch.randn(6, 8), dim=-1)
    scattered = torch.nn.functional.normalize(torch.randn(6, 8), dim=-1)
    assert supcon_loss(clustered, labels, 0.1) < supcon_loss(scattered, labels, 0.1)


def test_supcon_is_zero_when_no_example_has_a_positive():
    proj = torch.nn.functional.normalize(torch.randn(4, 8), dim=-1)
    assert supcon_loss(proj, torch.tensor([0, 1, 2, 3]), 0.1).item() == 0.0


def test_supcon_ignores_anchors_without_positives():
    torch.manual_seed(1)
    proj = torch.nn.functional.normalize(torch.randn(5, 8), dim=-1)
    with_single = supcon_loss(proj, torch.tensor([0, 0, 1, 1, 2]), 0.1)
    assert torch.isfinite(with_single)
