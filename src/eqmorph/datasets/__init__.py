"""Datasets of words and EQs: SocialFX and SAFE-DB loaders, the Audealize renderer, the dataset type."""

from eqmorph.datasets.audealize import render_audealize_db
from eqmorph.datasets.dataset import EQDataset, combine
from eqmorph.datasets.paths import DATA_ENV, find_dataset_file, resolve_data_path
from eqmorph.datasets.safe import load_safe
from eqmorph.datasets.socialfx import load_socialfx, read_socialfx

__all__ = [
    "DATA_ENV",
    "EQDataset",
    "combine",
    "find_dataset_file",
    "load_safe",
    "load_socialfx",
    "read_socialfx",
    "render_audealize_db",
    "resolve_data_path",
]
