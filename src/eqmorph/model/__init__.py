"""The residual EQ autoencoder: configs, checkpoints and the numpy runtime (torch network in network.py)."""

from eqmorph.model.checkpoint import Checkpoint, load, save
from eqmorph.model.config import ModelConfig, TrainConfig
from eqmorph.model.runtime import NumpyAutoencoder

__all__ = ["Checkpoint", "ModelConfig", "NumpyAutoencoder", "TrainConfig", "load", "save"]
