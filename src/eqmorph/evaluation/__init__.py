"""Held-out evaluation: metrics, the protocol over eqmorph and the baselines, and the report."""

from eqmorph.evaluation.evaluate import (
    LabelledEQs,
    LatentEQModel,
    WordEQModel,
    evaluate_all,
    evaluate_model,
    evaluate_models,
    train_baselines,
)
from eqmorph.evaluation.metrics import reconstruction_errors, retrieval, semantic_fidelity, silhouette
from eqmorph.evaluation.report import SEED_REPORT_CLAIMS, render_markdown, write_report

__all__ = [
    "SEED_REPORT_CLAIMS",
    "LabelledEQs",
    "LatentEQModel",
    "WordEQModel",
    "evaluate_all",
    "evaluate_model",
    "evaluate_models",
    "reconstruction_errors",
    "render_markdown",
    "retrieval",
    "semantic_fidelity",
    "silhouette",
    "train_baselines",
    "write_report",
]
