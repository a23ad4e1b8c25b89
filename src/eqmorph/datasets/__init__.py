"""Datasets of words and EQs: SocialFX and SAFE-DB loaders, the 40-band -> 5-band fit, the dataset type."""

from eqmorph.datasets.dataset import EQDataset, combine
from eqmorph.datasets.fit import FitConfig, FitResult, fit_curves, fit_grid, render_audealize_db
from eqmorph.datasets.paths import DATA_ENV, find_dataset_file, resolve_data_path
from eqmorph.datasets.safe import load_safe
from eqmorph.datasets.socialfx import load_socialfx, read_socialfx
from eqmorph.datasets.terms import normalise_term, split_descriptor

__all__ = [
    "DATA_ENV",
    "EQDataset",
    "FitConfig",
    "FitResult",
    "combine",
    "find_dataset_file",
    "fit_curves",
    "fit_grid",
    "load_safe",
    "load_socialfx",
    "normalise_term",
    "read_socialfx",
    "render_audealize_db",
    "resolve_data_path",
    "split_descriptor",
]
