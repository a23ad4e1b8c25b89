"""Baselines eqmorph is measured against: the per-word mean EQ and a FlowEQ-style beta-VAE."""

from eqmorph.baselines.floweq import DEFAULT_BETAS, FlowEQBaseline, FlowEQConfig
from eqmorph.baselines.word_mean import WordMeanBaseline

__all__ = ["DEFAULT_BETAS", "FlowEQBaseline", "FlowEQConfig", "WordMeanBaseline"]
