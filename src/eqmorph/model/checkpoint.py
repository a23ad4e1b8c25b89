"""Model directories: what a trained model is on disk, and loading it safely.

A model directory holds:

- ``config.json``: format tag, :class:`ModelConfig`, training config, band layout and ranges;
- ``weights.safetensors``: network tensors (names as in ``network.py``), no pickle anywhere;
- ``vocab.json``: known words, most examples first, and their training example counts;
- ``latents.safetensors``: per-word ``centroids (k, d)``, ``spreads (k, d)`` (std per latent
  dimension), ``word_map (k, 2)`` (2-D projection for display) and ``flat (d,)`` (latent of the 0 dB EQ);
- ``provenance.json`` (data files, rows, split) and ``metrics.json`` (validation metrics), optional
  ``history.json`` (loss per epoch).

Loading checks every file, resolves paths inside the directory only, and cross-checks sizes, so a
directory whose parts disagree is rejected with a message saying what disagrees.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from eqmorph.core.ranges import BAND_KINDS, BAND_NAMES, HIGH, LOW
from eqmorph.errors import ModelFileError
from eqmorph.model.config import ModelConfig, config_from_dict, config_to_dict
from eqmorph.model.runtime import check_weights

FORMAT = "eqmorph-model"
VERSION = 1
MAX_JSON_BYTES = 20 * 1024 * 1024  # far above any real vocabulary; stops a hostile file early
MAX_TENSOR_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Checkpoint:
    """Everything a trained model is; arrays are numpy, so no torch is needed to use it."""

    config: ModelConfig
    weights: dict[str, np.ndarray]
    terms: tuple[str, ...]  # most examples first
    counts: np.ndarray  # (k,) training examples per word
    centroids: np.ndarray  # (k, d)
    spreads: np.ndarray  # (k, d) std of training latents per dimension
    flat: np.ndarray  # (d,) latent of the 0 dB EQ
    word_map: np.ndarray  # (k, 2) 2-D projection of the centroids
    train_config: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    history: list[dict[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_weights(self.config, self.weights)
        k, d = len(self.terms), self.config.latent_dim
        expect = {"counts": (k,), "centroids": (k, d), "spreads": (k, d), "flat": (d,), "word_map": (k, 2)}
        for name, shape in expect.items():
            got = tuple(np.shape(getattr(self, name)))
            if got != shape:
                raise ModelFileError(
                    f"{name} has shape {got} but the vocabulary has {k} words and latent_dim is {d}: expected {shape}"
                )
        if len(set(self.terms)) != k:
            raise ModelFileError("vocabulary: words are not unique")


def _layout() -> dict[str, Any]:
    return {"bands": list(BAND_NAMES), "kinds": list(BAND_KINDS), "low": LOW.tolist(), "high": HIGH.tolist()}


def save(ckpt: Checkpoint, directory: str | os.PathLike[str]) -> Path:
    """Write ``ckpt`` to ``directory`` all at once: files go to a temporary folder renamed into place."""
    from safetensors.numpy import save_file

    target = Path(directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        config = {
            "format": FORMAT,
            "version": VERSION,
            "model": config_to_dict(ckpt.config),
            "train": ckpt.train_config,
            "band_layout": _layout(),
        }
        (tmp / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
        save_file({k: np.ascontiguousarray(v, dtype=np.float32) for k, v in ckpt.weights.items()},
                  str(tmp / "weights.safetensors"))
        vocab = {"terms": list(ckpt.terms), "counts": [int(c) for c in ckpt.counts]}
        (tmp / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), encoding="utf-8")
        latents = {"centroids": ckpt.centroids, "spreads": ckpt.spreads, "flat": ckpt.flat, "word_map": ckpt.word_map}
        save_file({k: np.ascontiguousarray(v, dtype=np.float32) for k, v in latents.items()},
                  str(tmp / "latents.safetensors"))
        for name, obj in (("provenance", ckpt.provenance), ("metrics", ckpt.metrics), ("history", ckpt.history)):
            (tmp / f"{name}.json").write_text(json.dumps(obj, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp.chmod(0o755)  # mkdtemp makes 0700 folders; a model is meant to be shared
        for f in tmp.iterdir():
            f.chmod(0o644)
        backup = None
        if target.exists():
            backup = target.with_name(f".{target.name}.old")
            shutil.rmtree(backup, ignore_errors=True)
            os.replace(target, backup)
        os.replace(tmp, target)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _inside(root: Path, name: str, required: bool = True) -> Path | None:
    path = (root / name).resolve()
    if path.parent != root:
        raise ModelFileError(f"{name} in {root} resolves to {path}, outside the model directory; refusing to read it")
    if not path.is_file():
        if required:
            raise ModelFileError(f"model directory {root} has no {name}")
        return None
    return path


def _read_json(root: Path, name: str, required: bool = True) -> Any:
    path = _inside(root, name, required)
    if path is None:
        return None
    if path.stat().st_size > MAX_JSON_BYTES:
        raise ModelFileError(f"{name} is larger than {MAX_JSON_BYTES} bytes")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{name} in {root} is not valid JSON: {exc}") from exc


def _read_tensors(root: Path, name: str) -> dict[str, np.ndarray]:
    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    path = _inside(root, name)
    if path.stat().st_size > MAX_TENSOR_BYTES:
        raise ModelFileError(f"{name} is larger than {MAX_TENSOR_BYTES} bytes")
    try:
        tensors = load_file(str(path))
    except (SafetensorError, OSError, ValueError, MemoryError) as exc:
        raise ModelFileError(f"{name} in {root} is not a readable safetensors file: {exc}") from exc
    return {k: v.astype(np.float64) if v.dtype != np.float32 else v for k, v in tensors.items()}


def load(directory: str | os.PathLike[str]) -> Checkpoint:
    """Read and check a model directory written by :func:`save`."""
    root = Path(directory)
    if not root.is_dir():
        raise ModelFileError(f"model path {str(directory)!r} is not a directory")
    root = root.resolve()
    config = _read_json(root, "config.json")
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise ModelFileError(f"config.json in {root} is not an eqmorph model config (format must be {FORMAT!r})")
    if config.get("version") != VERSION:
        raise ModelFileError(f"config.json version {config.get('version')!r} is not supported; expected {VERSION}")
    if config.get("band_layout") != _layout():
        raise ModelFileError("config.json band_layout differs from this eqmorph's 5-band layout and ranges")
    cfg = config_from_dict(ModelConfig, config.get("model"), "config.json model")
    vocab = _read_json(root, "vocab.json")
    if not (isinstance(vocab, dict) and isinstance(vocab.get("terms"), list) and isinstance(vocab.get("counts"), list)
            and all(isinstance(t, str) for t in vocab["terms"])
            and all(isinstance(c, int) and c >= 0 for c in vocab["counts"])):
        raise ModelFileError("vocab.json must hold 'terms' (list of strings) and 'counts' (list of integers >= 0)")
    if len(vocab["terms"]) != len(vocab["counts"]):
        raise ModelFileError(
            f"vocab.json has {len(vocab['terms'])} terms but {len(vocab['counts'])} counts"
        )
    latents = _read_tensors(root, "latents.safetensors")
    missing = {"centroids", "spreads", "flat", "word_map"} - set(latents)
    if missing:
        raise ModelFileError(f"latents.safetensors lacks {sorted(missing)}")
    for k, v in latents.items():
        if not np.all(np.isfinite(v)):
            raise ModelFileError(f"latents.safetensors: {k!r} holds NaN or Inf values")
    return Checkpoint(
        config=cfg,
        weights=_read_tensors(root, "weights.safetensors"),
        terms=tuple(vocab["terms"]),
        counts=np.asarray(vocab["counts"], dtype=np.int64),
        centroids=latents["centroids"],
        spreads=latents["spreads"],
        flat=latents["flat"],
        word_map=latents["word_map"],
        train_config=config.get("train") or {},
        provenance=_read_json(root, "provenance.json", required=False) or {},
        metrics=_read_json(root, "metrics.json", required=False) or {},
        history=_read_json(root, "history.json", required=False) or [],
    )
