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
SOURCES = ("socialfx", "safe")  # the crowds: one data file each
DATASETS = (*SOURCES, "all")  # what --dataset accepts everywhere; "all" is both crowds combined

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
    if dataset not in SOURCES:
        raise ParameterError("dataset", dataset, " or ".join(SOURCES))


def _given(data: str | os.PathLike[str] | None) -> str | os.PathLike[str] | None:
    """``data`` if given, else ``$EQMORPH_DATA`` if set, else None: the one rule for "where is the data"."""
    if data is not None and str(data) != "":
        return data
    return os.environ.get(DATA_ENV) or None


def sources_of(dataset: str) -> tuple[str, ...]:
    """The crowds a ``--dataset`` name stands for: ``"all"`` is both."""
    if dataset not in DATASETS:
        raise ParameterError("dataset", dataset, " or ".join(DATASETS))
    return SOURCES if dataset == "all" else (dataset,)


def file_source(path: str | os.PathLike[str]) -> str | None:
    """The crowd whose data a file's kind holds (SocialFX is parquet, SAFE-DB a CSV); None for a folder or another
    kind of file."""
    path = Path(path).expanduser()
    if not path.is_file():
        return None
    return {".parquet": "socialfx", ".csv": "safe"}.get(path.suffix.lower())


def sources_for(dataset: str, data: str | os.PathLike[str] | None) -> tuple[str, ...]:
    """The crowds to load for ``--dataset`` and ``--data``: one data file with ``--dataset all`` (the default) is
    its own crowd's (``data stats --data SAFEEqualiserUserData.csv`` read the CSV as SocialFX parquet); a file of
    the other crowd's kind than ``--dataset`` names is refused."""
    sources = sources_of(dataset)
    given = _given(data)
    kind = file_source(given) if given is not None else None
    if kind is None:
        return sources
    if dataset == "all":
        return (kind,)
    if kind not in sources:
        kind_of_file = "a .parquet file" if dataset == "socialfx" else "a CSV file"
        raise ParameterError("--data", str(given), f"{dataset} data ({kind_of_file}) or a folder holding socialfx/ "
                                                   f"and safe/; this file is {kind} data: use --dataset {kind}")
    return sources


def data_root(data: str | os.PathLike[str] | None, fallback: str | os.PathLike[str] | None = None) -> Path | None:
    """The data folder to use: ``data``, else ``$EQMORPH_DATA``, else ``fallback``; ``None`` if that is no folder.

    The one place that decides where data comes from when no file is named (benchmarks pass the
    checkout's ``../shared/data`` as ``fallback``); :func:`resolve_data_path` finds each file in it.
    """
    chosen = _given(data) or fallback
    if chosen is None:
        return None
    path = Path(chosen).expanduser()
    return path if path.is_dir() else None


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
        from eqmorph.core.install import install_hint

        raise EqmorphError(
            f"downloading SocialFX needs huggingface_hub: {install_hint('data')} (or {_HOW_TO_POINT})"
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
    data = _given(data)
    if data is not None:
        return find_dataset_file(data, dataset)  # a file or a folder
    if dataset == "socialfx":
        return download_socialfx()
    raise DataUnavailableError(
        "SAFE-DB equaliser data is not bundled and has no hub mirror: download SAFEEqualiserUserData.csv "
        f"from the SAFE-DB site (semanticaudio.co.uk, datasets page), then {_HOW_TO_POINT}"
    )
