"""Every word pair's peak pairing, computed once per model and kept beside its weights.

Choosing which peak of word A turns into which peak of word B (:func:`eqmorph.semantic.path.best_pairings`)
is most of what a new word pair costs. A model's vocabulary is small (k words, k x k ordered pairs),
so :func:`write_pairings` computes the choice for every ordered pair, for both crowds together and for
each crowd with its own words, and stores it as ``pairings.safetensors`` in the model directory:
one ``uint8`` table ``(1 + S, k, k)`` (row 0: both crowds, then the crowds in ``Morpher.sources``
order; entry ``[s, i, j]`` indexes ``PEAK_PERMS`` for the morph from word ``i`` to word ``j``).

The table belongs to one model: its metadata holds a key hashed from the model's fingerprint
(``Morpher.fingerprint``: weights, words, crowds and centroids) and the version of the pairing rule. A table whose key
differs (a retrained model, an older rule) is ignored with a warning and pairs are computed as
before; a file that is not such a table is a :class:`ModelFileError`. Phrases and spelling variants
are not in the table and are computed on demand, by the same function.

Write it after (re)training a model: ``python -m eqmorph.semantic.pairings MODEL_DIR``.
"""

from __future__ import annotations

import hashlib
import json
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core.ranges import PEAK_PERMS, to_model_space
from eqmorph.errors import ModelFileError
from eqmorph.io.fileio import folder_writer_main
from eqmorph.semantic.path import best_pairings

if TYPE_CHECKING:
    from eqmorph.semantic.morph import Morpher

PAIRINGS_FILE = "pairings.safetensors"
FORMAT = "eqmorph-pairings"
# The pairing rule's version: bump it when best_pairings or its grids change, so older tables are ignored.
RULE_VERSION = "1"
# Pairs per vectorised pass. Measured on 2 busy cores (CPU time per pair): 1 pair 400 us, 8-16 pairs 130 us,
# 32 pairs 370-1000 us (the (n, 3, 11, 5, 64) temporaries leave the cache and OpenBLAS starts a second thread).
CHUNK_PAIRS = 8


def pairing_table(ends: np.ndarray) -> np.ndarray:
    """``(k, k)`` uint8: the pairing of every ordered pair of physical word EQs ``ends (k, 5, 3)``.

    Entry ``[i, j]`` is :func:`best_pairings` of the morph from EQ ``i`` to EQ ``j`` (an index into
    ``PEAK_PERMS``), the same value a path computes when the table is absent.
    """
    x = to_model_space(np.asarray(ends, dtype=np.float64))  # (k, 5, 3)
    k = len(x)
    first, second = np.divmod(np.arange(k * k), k)
    out = np.empty(k * k, dtype=np.uint8)
    for s in range(0, k * k, CHUNK_PAIRS):
        part = slice(s, s + CHUNK_PAIRS)
        out[part] = best_pairings(x[first[part]], x[second[part]])
    return out.reshape(k, k)


def model_key(model: Morpher) -> str:
    """Hex digest of what a model's pairings depend on: the model (``Morpher.fingerprint``: weights, words,
    crowds and centroids) and the pairing rule."""
    return hashlib.sha256(f"{FORMAT} {RULE_VERSION} {model.fingerprint}".encode()).hexdigest()


def compute_pairings(model: Morpher) -> np.ndarray:
    """``(1 + S, k, k)`` uint8: :func:`pairing_table` of the model's words, both crowds then each crowd."""
    return np.stack([pairing_table(np.stack([model.generate_params(w, source=source) for w in model.terms]))
                     for source in (None, *model.sources)])


def write_pairings(model_dir: str | Path) -> Path:
    """Compute the pairing table of the model in ``model_dir`` and write ``model_dir/pairings.safetensors``.

    Run it after (re)training a model: ``python -m eqmorph.semantic.pairings MODEL_DIR``.
    """
    from safetensors.numpy import save_file

    from eqmorph.io.fileio import FILE_MODE, atomic_path
    from eqmorph.semantic.morph import load

    model = load(model_dir)
    meta = {"format": FORMAT, "rule_version": RULE_VERSION, "key": model_key(model), "model_id": model.model_id,
            "words": str(len(model.terms)), "sources": json.dumps(list(model.sources))}
    out = Path(model_dir) / PAIRINGS_FILE
    with atomic_path(out) as tmp:
        save_file({"pairings": compute_pairings(model)}, str(tmp), metadata=meta)
        tmp.chmod(FILE_MODE)  # safetensors replaces the file atomic_path made, and its permissions with it
    return out


def read_pairings(model_dir: str | Path, key: str, shape: tuple[int, int, int]) -> np.ndarray | None:
    """The table ``shape = (1 + S, k, k)`` in ``model_dir`` if it was written for the model ``key`` names.

    ``None`` if there is no table, or (with a warning saying how to rewrite it) if it was written for
    another model or rule; :class:`ModelFileError` if the file is not a pairing table.
    """
    path = Path(model_dir) / PAIRINGS_FILE
    if not path.is_file():
        return None
    from safetensors import SafetensorError, safe_open

    rewrite = f"rewrite it with: python -m eqmorph.semantic.pairings {model_dir}"
    try:
        with safe_open(str(path), framework="numpy") as f:
            meta = f.metadata() or {}
            table = f.get_tensor("pairings")
    except (SafetensorError, OSError, ValueError, KeyError) as exc:
        raise ModelFileError(f"{path} is not a pairing table ({exc}); {rewrite}") from exc
    if meta.get("format") != FORMAT:
        raise ModelFileError(f"{path} is not a pairing table (format {meta.get('format')!r}); {rewrite}")
    if meta.get("key") != key or meta.get("rule_version") != RULE_VERSION:
        warnings.warn(f"{path} was written for another model or pairing rule (model {meta.get('model_id')!r}, "
                      f"rule {meta.get('rule_version')!r}); ignoring it, word pairs are computed as needed. "
                      f"To make new pairs fast again, {rewrite}", stacklevel=3)
        return None
    if table.dtype != np.uint8 or table.shape != shape or table.size and int(table.max()) >= len(PEAK_PERMS):
        raise ModelFileError(f"{path} holds a {table.dtype} pairing table of shape {table.shape}, expected "
                             f"uint8 {shape} with values below {len(PEAK_PERMS)}; {rewrite}")
    return table


class PairingLookup:
    """A model directory's pairing table, read on the first new word pair (a model loads without reading it)."""

    __slots__ = ("_dir", "_key", "_rows", "_shape", "_table", "_read")

    def __init__(self, model_dir: str | Path, model: Morpher) -> None:
        self._dir = Path(model_dir)
        self._key = model_key(model)
        self._rows = {source: i for i, source in enumerate((None, *model.sources))}
        self._shape = (len(self._rows), len(model.terms), len(model.terms))
        self._table: list[list[list[int]]] | None = None
        self._read = False

    def get(self, source: str | None, a: int | None, b: int | None) -> int | None:
        """The pairing of vocabulary words ``a`` -> ``b`` (indices) for crowd ``source``; ``None``: not in a table."""
        if a is None or b is None:
            return None
        if not self._read:
            table = read_pairings(self._dir, self._key, self._shape)
            self._table = None if table is None else table.tolist()  # list look-ups beat numpy scalar indexing
            self._read = True
        return None if self._table is None else self._table[self._rows[source]][a][b]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m eqmorph.semantic.pairings MODEL_DIR``: (re)write the model's pairing table."""
    return folder_writer_main("python -m eqmorph.semantic.pairings", main.__doc__ or "", write_pairings, argv)


if __name__ == "__main__":
    sys.exit(main())
