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


def test_centroid_loss_of_identical_examples_equals_their_own_response_error():
    from eqmorph.core import dsp
    from eqmorph.model.config import ModelConfig
    from eqmorph.model.losses import centroid_loss, response_loss
    from eqmorph.model.network import EQAutoencoder

    torch.manual_seed(0)
    net = EQAutoencoder(ModelConfig()).eval()
    x = torch.rand(1, 5, 3) * 1.6 - 0.8
    batch = x.repeat(3, 1, 1)
    freqs = torch.tensor(dsp.log_freq_grid(32))
    with torch.no_grad():
        z = net.encoder(batch.flatten(1))
        cent = centroid_loss(net.decoder, z, batch.double(), torch.tensor([7, 7, 7]), freqs)
        own = response_loss(net.decoder(z[:1]).double(), x.double(), freqs, torch.ones(1))
    assert cent.item() == pytest.approx(own.item(), rel=1e-3)  # float32 latents averaged


def test_centroid_loss_is_zero_without_two_examples_of_a_word():
    from eqmorph.core import dsp
    from eqmorph.model.config import ModelConfig
    from eqmorph.model.losses import centroid_loss
    from eqmorph.model.network import EQAutoencoder

    net = EQAutoencoder(ModelConfig()).eval()
    x = torch.rand(3, 5, 3) - 0.5
    z = net.encoder(x.flatten(1))
    loss = centroid_loss(net.decoder, z, x.double(), torch.tensor([0, 1, 2]), torch.tensor(dsp.log_freq_grid(8)))
    assert loss.item() == 0.0
