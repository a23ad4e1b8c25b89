"""Which data a model sees: named datasets, the held-out split, and provenance records.

Training, evaluation and the benchmarks all go through here, so a model's test split can
be rebuilt exactly from the ``split`` entry of its provenance.
"""

from __future__ import annotations

import os
import platform
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from eqmorph.datasets import EQDataset, combine, load_safe, load_socialfx, resolve_data_path
from eqmorph.datasets.paths import DATASETS, sources_for
from eqmorph.errors import ModelFileError, ParameterError
from eqmorph.io.fileio import file_sha256


@dataclass(frozen=True)
class SplitSpec:
    """A deterministic train/val/test split of a named dataset (fractions 0 and 0: train on every row)."""

    dataset: str = "all"  # socialfx, safe, or all (both combined)
    val_fraction: float = 0.1  # early stopping and model selection
    test_fraction: float = 0.1  # never seen in training nor selection
    seed: int = 0

    def __post_init__(self) -> None:
        if self.dataset not in DATASETS:
            raise ParameterError("dataset", self.dataset, " or ".join(DATASETS))

    @classmethod
    def from_provenance(cls, provenance: dict[str, Any]) -> SplitSpec:
        split = provenance.get("split")
        if not isinstance(split, dict):
            raise ModelFileError("provenance.json has no 'split' entry: cannot rebuild the held-out data")
        try:
            return cls(**split)
        except (TypeError, ValueError) as exc:
            raise ModelFileError(f"provenance.json 'split' is not usable: {exc}") from exc


def data_files(name: str, data: str | os.PathLike[str] | None) -> dict[str, Path]:
    """Source name -> file for dataset ``name`` (see :func:`eqmorph.datasets.resolve_data_path`)."""
    return {src: resolve_data_path(data, src) for src in sources_for(name, data)}


def load_source(source: str, path: Path, *, fit: bool = True) -> EQDataset:
    """One crowd's data file; ``fit=False`` skips SocialFX's 5-band fit (params flat, no fit error)."""
    return load_socialfx(path, fit=fit) if source == "socialfx" else load_safe(path)


def load_dataset(name: str, data: str | os.PathLike[str] | None = None, *, fit: bool = True) -> EQDataset:
    """SocialFX, SAFE-DB, or both combined (``"all"``), from ``data`` or ``$EQMORPH_DATA``."""
    return combine(*(load_source(src, path, fit=fit) for src, path in data_files(name, data).items()))


def split_dataset(ds: EQDataset, spec: SplitSpec) -> tuple[EQDataset, EQDataset, EQDataset]:
    """(train, val, test) of ``ds`` as ``spec`` says."""
    return ds.split(val_fraction=spec.val_fraction, test_fraction=spec.test_fraction, seed=spec.seed)


def provenance(spec: SplitSpec, files: dict[str, Path], full: EQDataset, train: EQDataset, val: EQDataset,
               test: EQDataset, **extra: Any) -> dict[str, Any]:
    """What a model was trained on, enough to check and rebuild it."""
    import numpy as np

    from eqmorph import __version__

    return {
        "split": asdict(spec),
        "files": {src: {"name": p.name, "sha256": file_sha256(p), "bytes": p.stat().st_size}
                  for src, p in files.items()},
        "rows": {"total": len(full), "train": len(train), "val": len(val), "test": len(test)},
        "rows_by_source": {s: int(sum(1 for x in full.source if x == s)) for s in sorted(set(full.source))},
        "skipped": dict(full.skipped),
        "distinct_terms": len(set(full.terms)),
        "eqmorph_version": __version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        **extra,
    }
