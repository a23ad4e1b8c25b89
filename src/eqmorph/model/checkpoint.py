"""Model directories: what a trained model is on disk, and loading it safely.

A model directory holds:

- ``config.json``: format tag, :class:`ModelConfig`, training config, band layout and ranges;
- ``weights.safetensors``: network tensors (names as in ``network.py``), no pickle anywhere;
- ``vocab.json``: known words, most examples first, and their training example counts; optionally
  (models trained on labelled crowds) ``sources`` with ``source_counts (S, k)``, ``languages`` with
  ``language_counts (L, k)`` and ``reliability (k,)`` (split-half reliability of each word's mean response);
- ``latents.safetensors``: per-word ``centroids (k, d)``, ``spreads (k, d)`` (std per latent
  dimension), ``word_map (k, 2)`` (2-D projection for display) and ``flat (d,)`` (latent of the 0 dB EQ);
  with ``sources``, also ``source_centroids (S, k, d)`` and ``source_spreads (S, k, d)`` (one set per crowd;
  a word a crowd never used gets the combined centroid there, and a count of 0).

The optional entries were added later; a directory without them still loads (the model then has no
per-crowd words and its confidence falls back to the example count alone).
- ``provenance.json`` (data files, rows, split) and ``metrics.json`` (validation metrics), optional
  ``history.json`` (loss per epoch).

Loading checks every file, resolves paths inside the directory only, and cross-checks sizes, so a
directory whose parts disagree is rejected with a message saying what disagrees.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from eqmorph.core.ranges import BAND_KINDS, BAND_NAMES, HIGH, LOW
from eqmorph.errors import ModelFileError, ParameterError
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
    sources: tuple[str, ...] = ()  # crowds with their own centroids, e.g. ("safe", "socialfx")
    source_counts: np.ndarray | None = None  # (S, k) training examples per crowd and word
    source_centroids: np.ndarray | None = None  # (S, k, d)
    source_spreads: np.ndarray | None = None  # (S, k, d)
    languages: tuple[str, ...] = ()  # e.g. ("en", "es", "none"); "none" for rows without a language
    language_counts: np.ndarray | None = None  # (L, k)
    reliability: np.ndarray | None = None  # (k,) split-half (Spearman-Brown) reliability, NaN when undefined

    def __post_init__(self) -> None:
        check_weights(self.config, self.weights)
        k, d = len(self.terms), self.config.latent_dim
        s, n_lang = len(self.sources), len(self.languages)
        expect = {"counts": (k,), "centroids": (k, d), "spreads": (k, d), "flat": (d,), "word_map": (k, 2)}
        optional = {"source_counts": (s, k), "source_centroids": (s, k, d), "source_spreads": (s, k, d),
                    "language_counts": (n_lang, k), "reliability": (k,)}
        for name, shape in optional.items():
            # Per-crowd and per-language tables come with their names; given without them they are an error.
            named = s if name.startswith("source") else n_lang if name == "language_counts" else None
            if named or getattr(self, name) is not None:
                expect[name] = shape
        for name, shape in expect.items():
            got = tuple(np.shape(getattr(self, name)))
            if got != shape:
                raise ModelFileError(
                    f"{name} has shape {got} but the vocabulary has {k} words and latent_dim is {d}: expected {shape}"
                )
        if len(set(self.terms)) != k:
            raise ModelFileError("vocabulary: words are not unique")
        if len(set(self.sources)) != s or len(set(self.languages)) != n_lang:
            raise ModelFileError("vocabulary: sources and languages must be unique names")


def fingerprint(ckpt: Checkpoint) -> str:
    """Hex sha256 of what a model answers: its network's weights, its words and crowds, and their centroids.

    A vocabulary rebuilt on the same network (another shrinkage recipe) gives other EQs, so another print.
    """
    digest = hashlib.sha256()
    for k in sorted(ckpt.weights):
        digest.update(k.encode())
        digest.update(np.ascontiguousarray(ckpt.weights[k], dtype=np.float32).tobytes())
    digest.update(json.dumps([list(ckpt.terms), list(ckpt.sources)], ensure_ascii=False).encode())
    for table in (ckpt.centroids, ckpt.source_centroids):
        if table is not None:
            digest.update(np.ascontiguousarray(table, dtype=np.float32).tobytes())
    return digest.hexdigest()


def _layout() -> dict[str, Any]:
    return {"bands": list(BAND_NAMES), "kinds": list(BAND_KINDS), "low": LOW.tolist(), "high": HIGH.tolist()}


def is_model_dir(directory: str | os.PathLike[str]) -> bool:
    """Whether ``directory`` is a folder holding an eqmorph model (its ``config.json`` says so)."""
    try:
        config = json.loads((Path(directory) / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(config, dict) and config.get("format") == FORMAT


def model_target(directory: str | os.PathLike[str], parameter: str = "directory") -> Path:
    """``directory`` resolved, when a model may be written there: a new path, an empty folder or an earlier
    model (replaced whole). Anything else raises ParameterError naming ``parameter``: a file, or a folder of
    other files, would be lost (a new-user trial's ``train --out song.wav`` and ``--out .`` deleted them)."""
    target = Path(directory).expanduser().resolve()
    if target.is_dir() and any(target.iterdir()) and not is_model_dir(target):
        raise ParameterError(parameter, str(directory), "a new or empty folder, or an earlier eqmorph model folder "
                                                        "(this folder holds other files, which would be lost)")
    if target.exists() and not target.is_dir():
        raise ParameterError(parameter, str(directory), "a folder for the model (this is an existing file)")
    return target


def save(ckpt: Checkpoint, directory: str | os.PathLike[str]) -> Path:
    """Write ``ckpt`` to ``directory`` all at once: files go to a temporary folder renamed into place.
    ``directory`` is checked first (:func:`model_target`): only a new path, an empty folder or an earlier
    model is replaced."""
    from safetensors.numpy import save_file

    target = model_target(directory)
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
        (tmp / "vocab.json").write_text(json.dumps(_vocab_json(ckpt), ensure_ascii=False, indent=1),
                                        encoding="utf-8")
        latents = {"centroids": ckpt.centroids, "spreads": ckpt.spreads, "flat": ckpt.flat, "word_map": ckpt.word_map}
        if ckpt.sources:
            latents.update(source_centroids=ckpt.source_centroids, source_spreads=ckpt.source_spreads)
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


def _vocab_json(ckpt: Checkpoint) -> dict[str, Any]:
    vocab: dict[str, Any] = {"terms": list(ckpt.terms), "counts": [int(c) for c in ckpt.counts]}
    if ckpt.sources:
        vocab["sources"] = list(ckpt.sources)
        vocab["source_counts"] = np.asarray(ckpt.source_counts, dtype=np.int64).tolist()
    if ckpt.languages:
        vocab["languages"] = list(ckpt.languages)
        vocab["language_counts"] = np.asarray(ckpt.language_counts, dtype=np.int64).tolist()
    if ckpt.reliability is not None:
        # JSON has no NaN: an undefined reliability (a word with one example) is written as null.
        vocab["reliability"] = [None if not np.isfinite(r) else round(float(r), 6) for r in ckpt.reliability]
    return vocab


def _optional_vocab(vocab: dict[str, Any]) -> dict[str, Any]:
    """The optional crowd, language and reliability entries of ``vocab.json``, type-checked (sizes are
    checked against the vocabulary by :class:`Checkpoint`)."""
    out: dict[str, Any] = {}
    for names, counts in (("sources", "source_counts"), ("languages", "language_counts")):
        if names not in vocab:
            continue
        labels, table = vocab[names], vocab.get(counts)
        if labels == []:
            continue
        if not (isinstance(labels, list) and all(isinstance(x, str) for x in labels) and isinstance(table, list)
                and len(table) == len(labels) and all(isinstance(row, list) for row in table)
                and len({len(row) for row in table}) <= 1
                and all(isinstance(c, int) and c >= 0 for row in table for c in row)):
            raise ModelFileError(f"vocab.json: {names!r} must be a list of names and {counts!r} one equally long "
                                 "list of integers >= 0 per name")
        out[names] = tuple(labels)
        out[counts] = np.asarray(table, dtype=np.int64).reshape(len(labels), -1)
    if "reliability" in vocab:
        rel = vocab["reliability"]
        if not (isinstance(rel, list)
                and all(r is None or (isinstance(r, int | float) and -1.0 <= r <= 1.0) for r in rel)):
            raise ModelFileError("vocab.json: 'reliability' must be a list of numbers in [-1, 1] or null")
        out["reliability"] = np.array([np.nan if r is None else float(r) for r in rel], dtype=np.float64)
    return out


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
    if not isinstance(directory, str | os.PathLike):
        raise ParameterError("path", directory, "a model folder (a str or os.PathLike path)")
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
    extra = _optional_vocab(vocab)
    if extra.get("sources"):
        absent = {"source_centroids", "source_spreads"} - set(latents)
        if absent:
            raise ModelFileError(f"vocab.json names sources but latents.safetensors lacks {sorted(absent)}")
        extra.update(source_centroids=latents["source_centroids"], source_spreads=latents["source_spreads"])
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
        **extra,
    )
