"""The FlowEQ-style beta-VAE baseline: learns word regions, valid output, numpy == torch, files."""

import json

import numpy as np
import pytest

from eqmorph import EQ, ModelFileError, ParameterError
from eqmorph.baselines import FlowEQBaseline, FlowEQConfig
from eqmorph.baselines.floweq import torch_modules
from eqmorph.core.dsp import log_freq_grid, response_db_np
from eqmorph.core.ranges import flat_params, to_model_space

torch = pytest.importorskip("torch")

SMALL = FlowEQConfig(hidden=32, epochs=150, batch_size=16, kl_warmup_epochs=10, beta=0.001, seed=3)


def two_words(n_per_word=30, seed=0):
    """'warm' boosts the low shelf, 'bright' the high shelf; small noise everywhere."""
    rng = np.random.default_rng(seed)
    p = flat_params(2 * n_per_word)
    p[:, :, 0] = rng.normal(0.0, 0.5, (2 * n_per_word, 5))
    p[:n_per_word, 0, :2] = np.c_[rng.normal(9.0, 1.0, n_per_word), 200.0 * np.exp(rng.normal(0, 0.1, n_per_word))]
    p[n_per_word:, 4, :2] = np.c_[rng.normal(9.0, 1.0, n_per_word), 5000.0 * np.exp(rng.normal(0, 0.1, n_per_word))]
    return p, ["warm"] * n_per_word + ["bright"] * n_per_word


@pytest.fixture(scope="module")
def data():
    return two_words()


@pytest.fixture(scope="module")
def model(data):
    return FlowEQBaseline.fit(*data, config=SMALL)


def test_decoded_centroids_sound_like_their_own_word(model, data):
    params, terms = data
    freqs = log_freq_grid(128)
    labels = np.array(terms)
    mean_db = {w: response_db_np(params[labels == w], freqs).mean(0) for w in ("warm", "bright")}
    for word, other in (("warm", "bright"), ("bright", "warm")):
        gen_db = response_db_np(model.generate_params(word), freqs)
        own = np.sqrt(np.mean((gen_db - mean_db[word]) ** 2))
        cross = np.sqrt(np.mean((gen_db - mean_db[other]) ** 2))
        assert own < cross / 2


def test_the_latent_is_two_dimensional_and_centroids_are_mean_latents(model, data):
    params, terms = data
    z = model.encode_params(params)
    assert z.shape == (len(terms), 2)
    np.testing.assert_allclose(model.centroid("warm"), z[: len(terms) // 2].mean(0), atol=1e-12)
    assert model.terms == ["bright", "warm"]  # equal counts: alphabetical


def test_decoded_eqs_are_always_valid_and_canonical(model):
    rng = np.random.default_rng(1)
    z = np.vstack([rng.normal(0, 1, (50, 2)), rng.normal(0, 1e3, (50, 2)), [[1e9, -1e9]]])
    out = model.decode_params(z)
    assert out.shape == (len(z), 5, 3)
    for p in out:
        eq = EQ.from_array(p)  # raises on any out-of-range value
        np.testing.assert_array_equal(eq.to_array(), p)  # already in canonical order


def test_numpy_inference_matches_the_torch_forward(model, data):
    net = torch_modules(model.config)
    net.load_state_dict({k: torch.as_tensor(v, dtype=torch.float32) for k, v in model._w.items()})
    params, _ = data
    x = model.encode_params(params)  # numpy
    xm = torch.as_tensor(to_model_space(params).reshape(-1, 15), dtype=torch.float32)
    with torch.no_grad():
        mu, _ = net["encoder"](xm)
        dec = net["decoder"](mu)
    np.testing.assert_allclose(x, mu.numpy(), atol=1e-5)
    np.testing.assert_allclose(model._decode_model_space(x), dec.numpy(), atol=1e-5)


def test_save_then_load_gives_identical_outputs(model, data, tmp_path):
    model.save(tmp_path / "fe")
    loaded = FlowEQBaseline.load(tmp_path / "fe")
    params, _ = data
    np.testing.assert_array_equal(loaded.encode_params(params), model.encode_params(params))
    z = np.random.default_rng(2).normal(size=(10, 2))
    np.testing.assert_array_equal(loaded.decode_params(z), model.decode_params(z))
    assert loaded.terms == model.terms and loaded.config == model.config
    for w in model.terms:
        np.testing.assert_array_equal(loaded.generate_params(w), model.generate_params(w))
    assert not list((tmp_path / "fe").glob("*.pkl")) and not list((tmp_path / "fe").glob("*.part*"))


def test_training_is_deterministic_for_a_seed_and_leaves_torch_state_alone(data):
    cfg = FlowEQConfig(hidden=8, epochs=3, batch_size=16, seed=5)
    threads = torch.get_num_threads()
    torch.manual_seed(123)
    expected_next = torch.rand(3)
    torch.manual_seed(123)
    a = FlowEQBaseline.fit(*data, config=cfg)
    assert torch.equal(torch.rand(3), expected_next)  # caller's RNG stream untouched
    assert torch.get_num_threads() == threads
    b = FlowEQBaseline.fit(*data, config=cfg)
    c = FlowEQBaseline.fit(*data, config=FlowEQConfig(hidden=8, epochs=3, batch_size=16, seed=6))
    params, _ = data
    np.testing.assert_array_equal(a.encode_params(params), b.encode_params(params))
    assert not np.allclose(a.encode_params(params), c.encode_params(params))


@pytest.mark.parametrize(
    "kwargs,name",
    [({"beta": -0.1}, "beta"), ({"hidden": 0}, "hidden"), ({"lr": 0.0}, "lr"), ({"epochs": 1.5}, "epochs")],
)
def test_bad_config_values_name_the_parameter(kwargs, name):
    with pytest.raises(ParameterError) as err:
        FlowEQConfig(**kwargs)
    assert err.value.name == name


def test_loading_a_folder_with_missing_or_inconsistent_files_is_a_model_file_error(model, tmp_path):
    with pytest.raises(ModelFileError, match="missing"):
        FlowEQBaseline.load(tmp_path)
    model.save(tmp_path)
    meta = json.loads((tmp_path / "floweq.json").read_text())
    meta["config"]["hidden"] = 64  # weights were saved for 32 units
    (tmp_path / "floweq.json").write_text(json.dumps(meta))
    with pytest.raises(ModelFileError, match="shape"):
        FlowEQBaseline.load(tmp_path)


def test_decoding_the_wrong_latent_shape_is_a_parameter_error(model):
    with pytest.raises(ParameterError, match="z.shape"):
        model.decode_params(np.zeros((3, 5)))
