"""Baselines eqmorph is measured against: crowd means (response and its 5-band fit), the per-word parameter mean
and a FlowEQ-style beta-VAE."""

from eqmorph.baselines.crowd_mean import CrowdMeanBaseline
from eqmorph.baselines.floweq import DEFAULT_BETAS, FlowEQBaseline, FlowEQConfig
from eqmorph.baselines.word_mean import WordMeanBaseline

__all__ = ["DEFAULT_BETAS", "CrowdMeanBaseline", "FlowEQBaseline", "FlowEQConfig", "WordMeanBaseline"]
