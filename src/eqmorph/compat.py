"""The seed report's interface, kept as a thin facade over the real API (no second implementation).

The seed report used::

    system = NeuralEQMorphingSystem()
    system.train()
    system.generate_eq_from_semantic("warm")
    system.interpolate_semantic_terms("warm", "bright", alpha=0.5)

Each method forwards to :mod:`eqmorph.semantic.morph` / :mod:`eqmorph.training.train`; results are the
project's :class:`~eqmorph.core.eq.EQ`.
"""

from __future__ import annotations

import os
from typing import Any

from eqmorph.core.eq import EQ
from eqmorph.semantic.morph import Morpher, load


class NeuralEQMorphingSystem:
    """Seed-report names over :class:`eqmorph.Morpher` (the bundled model unless ``model_dir`` is given)."""

    def __init__(self, model_dir: str | os.PathLike[str] | None = None) -> None:
        self._model_dir = model_dir
        self._morpher: Morpher | None = None

    @property
    def morpher(self) -> Morpher:
        if self._morpher is None:
            self._morpher = load(self._model_dir)
        return self._morpher

    def train(self, data: str | os.PathLike[str] | None = None, out: str | os.PathLike[str] = "runs/model",
              dataset: str = "all", **train_config: Any) -> Morpher:
        """Train on real data (see ``eqmorph train``) and switch this system to the new model."""
        from eqmorph.datasets.experiment import SplitSpec
        from eqmorph.model import TrainConfig
        from eqmorph.training.train import train_on_data

        train_on_data(SplitSpec(dataset), data, out, train_cfg=TrainConfig(**train_config))
        self._model_dir, self._morpher = out, None
        return self.morpher

    def generate_eq_from_semantic(self, term: str, intensity: float = 1.0) -> EQ:
        """Same as ``Morpher.generate``."""
        return self.morpher.generate(term, intensity=intensity)

    def interpolate_semantic_terms(self, term_a: str, term_b: str, alpha: float = 0.5) -> EQ:
        """Same as ``Morpher.interpolate``."""
        return self.morpher.interpolate(term_a, term_b, alpha)
