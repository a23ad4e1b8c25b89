"""Shared fixtures: a small model trained on synthetic data (seconds, no dataset needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import synthetic_params  # noqa: E402


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    """A model directory trained for a few seconds on 4 synthetic words."""
    pytest.importorskip("torch")
    from eqmorph.model import ModelConfig, TrainConfig, save
    from eqmorph.training.train import TrainData, train_model

    params, terms = synthetic_params(40, seed=0)
    val_params, val_terms = synthetic_params(5, seed=1)
    ckpt = train_model(
        TrainData(params, tuple(terms), np.ones(len(terms))),
        TrainData(val_params, tuple(val_terms), np.ones(len(val_terms))),
        ModelConfig(),
        # Mean-latent centroids: the recipe the tests written against this fixture assume (the default
        # response-fit recipe is covered by tests/model/test_crowds.py).
        TrainConfig(epochs=60, patience=60, batches_per_epoch=8, words_per_batch=4, seed=0, centroid_fit=False,
                    shrink_examples=0.0),
        provenance={"model_name": "tiny-synthetic"},
    )
    return save(ckpt, tmp_path_factory.mktemp("models") / "tiny")


@pytest.fixture(scope="session")
def tiny_model(tiny_model_dir):
    from eqmorph.semantic.morph import load

    return load(tiny_model_dir)
