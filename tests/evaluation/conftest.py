"""Fixtures for the evaluation tests: synthetic labelled EQs from two sources and an oracle model."""

from collections import Counter
from types import SimpleNamespace

import numpy as np
import pytest

from eqmorph.core.eq import canonical_array
from eqmorph.core.ranges import clip_to_ranges, flat_params, from_model_space, to_model_space
from eqmorph.evaluation import LabelledEQs

# word -> (source, band, gain_db, freq_hz)
WORDS = {
    "warm": ("safe", 0, 8.0, 200.0),
    "bright": ("safe", 4, 8.0, 5000.0),
    "muddy": ("socialfx", 2, 9.0, 300.0),
    "thin": ("socialfx", 0, -9.0, 400.0),
}


def make_split(n_per_word, seed):
    rng = np.random.default_rng(seed)
    params, terms, source = [], [], []
    for word, (src, band, gain_db, freq_hz) in WORDS.items():
        for _ in range(n_per_word):
            p = flat_params()
            p[:, 0] = rng.normal(0.0, 0.3, 5)
            p[band, :2] = [gain_db + rng.normal(0, 0.5), freq_hz * np.exp(rng.normal(0, 0.05))]
            params.append(canonical_array(p))
            terms.append(word)
            source.append(src)
    return LabelledEQs.from_arrays(np.array(params), terms, source)


@pytest.fixture(scope="session")
def train_split():
    return make_split(12, seed=0)


@pytest.fixture(scope="session")
def test_split():
    return make_split(6, seed=1)


class OracleModel:
    """A lossless 'latent' model: the latent is the 15 model-space parameters."""

    latent_dim = 15

    def __init__(self, train):
        self._z = {}
        labels = np.array(train.terms)
        z = self.encode_params(train.params)
        counts = Counter(train.terms)
        self.terms = sorted(counts, key=lambda w: (-counts[w], w))
        self._cent = {w: z[labels == w].mean(0) for w in self.terms}
        self.checkpoint = SimpleNamespace(provenance={})

    def encode_params(self, params):
        return to_model_space(np.asarray(params)).reshape(-1, 15)

    def decode_params(self, z):
        return canonical_array(clip_to_ranges(from_model_space(np.asarray(z).reshape(-1, 5, 3))))

    def centroid(self, word):
        return self._cent[word]

    def generate_params(self, word):
        return self.decode_params(self._cent[word][None])[0]


@pytest.fixture(scope="session")
def oracle(train_split):
    return OracleModel(train_split)


TINY_FLOWEQ = dict(hidden=16, epochs=20, batch_size=16, kl_warmup_epochs=5, seed=0)


@pytest.fixture(scope="session")
def all_results(oracle, train_split, test_split):
    pytest.importorskip("torch")
    from eqmorph.baselines import FlowEQConfig
    from eqmorph.evaluation import evaluate_all

    return evaluate_all(oracle, train_split, test_split, floweq_config=FlowEQConfig(**TINY_FLOWEQ))
