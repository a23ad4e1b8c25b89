"""The numpy runtime computes what the torch network computes."""

import numpy as np
import pytest

from eqmorph.model.config import ModelConfig
from eqmorph.model.runtime import NumpyAutoencoder

torch = pytest.importorskip("torch")


@pytest.mark.parametrize("latent_dim", [32, 64])
def test_numpy_encode_and_decode_equal_torch_within_1e_4(latent_dim):
    from eqmorph.model.network import EQAutoencoder

    torch.manual_seed(0)
    cfg = ModelConfig(latent_dim=latent_dim)
    net = EQAutoencoder(cfg).eval()
    for p in net.parameters():  # move LayerNorm affine params off their 1/0 init too
        p.data += 0.05 * torch.randn_like(p)
    weights = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    rt = NumpyAutoencoder(cfg, weights)
    x = np.random.default_rng(0).uniform(-1, 1, (50, 15)).astype(np.float32)
    with torch.no_grad():
        z_t = net.encoder(torch.from_numpy(x)).numpy()
        y_t = net.decoder(torch.from_numpy(z_t)).numpy()
    np.testing.assert_allclose(rt.encode(x), z_t, atol=1e-4)
    np.testing.assert_allclose(rt.decode(z_t), y_t, atol=1e-4)
    # one vector at a time takes another code path; it must agree too
    np.testing.assert_allclose(rt.decode(z_t[3]), y_t[3], atol=1e-4)


def test_decoder_outputs_stay_inside_model_space_for_any_latent():
    from eqmorph.model.network import EQAutoencoder

    cfg = ModelConfig()
    weights = {k: v.detach().numpy() for k, v in EQAutoencoder(cfg).state_dict().items()}
    out = NumpyAutoencoder(cfg, weights).decode(np.random.default_rng(1).normal(0, 50, (200, 32)))
    assert out.shape == (200, 5, 3)
    assert np.all(np.abs(out) <= 1.0)
