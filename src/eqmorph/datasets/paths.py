"""Where the datasets live: a file, a folder in one of the known layouts, or the hub download.

Accepted layouts (``PATH`` from ``--data`` or the ``EQMORPH_DATA`` environment variable):

- a file: used as it is;
- a dataset folder: the hub layout ``data/eq-*.parquet`` (or any ``*.parquet``) for SocialFX,
  ``SAFEEqualiserUserData.csv`` for SAFE;
- a data root holding ``socialfx/`` and ``safe/`` in those layouts (like ``shared/data``).

SocialFX can also be downloaded from the Hugging Face hub (``seungheondoh/socialfx-original``);
SAFE has no such mirror, so without a path it is an error that says where to get it.
"""

from __future__ import annotations

import os
from pathlib import Path

from eqmorph.errors import DataUnavailableError, EqmorphError, ParameterError

DATA_ENV = "EQMORPH_DATA"
SOCIALFX_REPO = "seungheondoh/socialfx-original"
SAFE_FILENAME = "SAFEEqualiserUserData.csv"
DATASETS = ("socialfx", "safe")

_SOCIALFX_PATTERNS = (
    "data/eq-*.parquet",
    "eq-*.parquet",
    "socialfx/data/eq-*.parquet",
    "socialfx/*.parquet",
    "*.parquet",
)
_SAFE_PATTERNS = (SAFE_FILENAME, f"safe/{SAFE_FILENAME}", f"data/safe/{SAFE_FILENAME}", "safe/*.csv", "*.csv")
_HOW_TO_POINT = f"pass --data PATH (or set {DATA_ENV}) to a file or a folder holding socialfx/ and safe/"


def _check_dataset(dataset: str) -> None:
    if dataset not in DATASETS:
        raise ParameterError("dataset", dataset, " or ".join(DATASETS))


def find_dataset_file(path: str | os.PathLike[str], dataset: str) -> Path:
    """The data file of ``dataset`` at ``path``: the file itself, or found in a known folder layout."""
    _check_dataset(dataset)
    root = Path(path).expanduser()
    if root.is_file():
        return root
    if not root.exists():
        raise DataUnavailableError(f"{dataset} data path {str(root)!r} does not exist; {_HOW_TO_POINT}")
    patterns = _SOCIALFX_PATTERNS if dataset == "socialfx" else _SAFE_PATTERNS
    for pattern in patterns:
        found = sorted(p for p in root.glob(pattern) if p.is_file())
        if found:
            return found[0]
    raise DataUnavailableError(
        f"no {dataset} data in folder {str(root)!r} (looked for {', '.join(patterns)}); {_HOW_TO_POINT}"
    )


def download_socialfx() -> Path:
    """Download the SocialFX EQ split from the hub into the user cache; returns its parquet file."""
    try:
        from huggingface_hub import snapshot_download
    except ImportError as exc:
        raise EqmorphError(
            f"downloading SocialFX needs huggingface_hub: pip install eqmorph[data] (or {_HOW_TO_POINT})"
        ) from exc
    try:
        folder = snapshot_download(repo_id=SOCIALFX_REPO, repo_type="dataset", allow_patterns=["data/eq-*.parquet"])
    except Exception as exc:  # any hub or network failure means the same thing to the user
        raise DataUnavailableError(
            f"cannot download SocialFX ({SOCIALFX_REPO}) from the Hugging Face hub: {exc}; offline, {_HOW_TO_POINT}"
        ) from exc
    return find_dataset_file(folder, "socialfx")


def resolve_data_path(data: str | os.PathLike[str] | None, dataset: str) -> Path:
    """The data file for ``dataset`` (``"socialfx"`` or ``"safe"``).

    ``data`` (a file or folder) wins; else ``$EQMORPH_DATA``; else SocialFX is downloaded
    and SAFE raises :class:`DataUnavailableError` naming ``--data``.
    """
    _check_dataset(dataset)
    if data is None or str(data) == "":
        data = os.environ.get(DATA_ENV) or None
    if data is not None:
        return find_dataset_file(data, dataset)
    if dataset == "socialfx":
        return download_socialfx()
    raise DataUnavailableError(
        "SAFE-DB equaliser data is not bundled and has no hub mirror: download SAFEEqualiserUserData.csv "
        f"from the SAFE-DB site (semanticaudio.co.uk, datasets page), then {_HOW_TO_POINT}"
    )
