"""Unknown words through a map learned from the EQ data: text embedding -> EQ response.

The old open vocabulary blended the known words nearest in embedding space, and the embedding
puts antonyms close together (warm ~ cold, soft ~ hard): "cold" came out warm. Here the
embedding is only the input of a kernel ridge regression whose targets are what the words
*sound* like, the dB responses of the model's own word EQs, trained on the known words:

    response(u) = mu + sum_i alpha_i(u) (Y_i - mu),    alpha(u) = (K + lam C^-1)^-1 k(u)

with ``k(u)_i = exp((cos(u, x_i) - 1) / T)``, ``C`` the words' example counts (square root), and
``mu`` their count-weighted mean. Antonym pairs of the lexicon are negative evidence: a known word
``a`` with antonym ``b`` adds the row ``(embedding(b), -Y_a)``, so the map learns that the opposite
word sounds the other way even where the embedding puts the two together. Because the prediction
is linear in the ``Y_i``, it *is* a signed blend of known words, reported as their weights.

Embeddings come from :class:`eqmorph.language.minilm.NumpyMiniLM` (no torch); the vocabulary's are
precomputed into the model directory (:data:`TERM_EMBEDDINGS_FILE`, written by
:func:`write_term_embeddings`), so an unknown word costs one short forward pass.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eqmorph.errors import EqmorphError, ModelFileError, ParameterError
from eqmorph.language import lexicon
from eqmorph.language.interpretation import Meaning
from eqmorph.language.terms import normalise_term

TERM_EMBEDDINGS_FILE = "term_embeddings.safetensors"
EMBEDDING_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class LearnedConfig:
    """How the embedding -> response map is trained and read."""

    template: str = "a {} sound"  # text embedded for a word; a sound context beat the bare word (benchmarks)
    min_count: int = 3  # known words with fewer examples are too noisy to learn from
    ridge: float = 0.3  # lam: LOWO scores (benchmarks/open_vocab.py) varied < 0.02 over 0.1..1
    kernel_temperature: float = 0.1  # T: cosine similarities of descriptors spread over ~0.2..0.9
    # Below this best cosine similarity to any known word, a word is treated as unknown. A weak filter: gibberish
    # ("qwertyuiop" 0.61, "asdfgh" 0.83) scores like real words (0.71-0.77), so the answer shows the similarity.
    min_similarity: float = 0.5
    min_share: float = 0.01  # blend weights smaller than this are dropped from the answer

    def __post_init__(self) -> None:
        if not isinstance(self.template, str) or self.template.count("{}") != 1:
            raise ParameterError("template", self.template, 'a string holding "{}" exactly once')
        for name in ("ridge", "kernel_temperature"):
            v = getattr(self, name)
            if not (isinstance(v, int | float) and 0.0 < v < np.inf):
                raise ParameterError(name, v, "a positive finite number")


@functools.cache
def default_embedder() -> Callable[[list[str]], np.ndarray]:
    """The numpy MiniLM's ``encode``, loaded once per process (needs the ``text`` extra's weights)."""
    from eqmorph.language.minilm import NumpyMiniLM
    from eqmorph.language.openvocab import model_dir

    return NumpyMiniLM(model_dir()).encode


def texts_to_embed(terms: Sequence[str]) -> list[str]:
    """Words whose embeddings a model directory keeps: its vocabulary and every lexicon word."""
    return list(dict.fromkeys([normalise_term(t) for t in terms] + sorted(lexicon.lexicon_words())))


def write_term_embeddings(model_dir: str | Path, config: LearnedConfig | None = None,
                          encode: Callable[[list[str]], np.ndarray] | None = None) -> Path:
    """Embed the model's vocabulary and the lexicon into ``model_dir/term_embeddings.safetensors``.

    Run it after (re)training a model: ``python -m eqmorph.language.learned MODEL_DIR``.
    """
    from safetensors.numpy import save_file

    from eqmorph.io.fileio import atomic_path
    from eqmorph.model import checkpoint

    config = config or LearnedConfig()
    ckpt = checkpoint.load(model_dir)
    words = texts_to_embed(ckpt.terms)
    vectors = (encode or default_embedder())([config.template.replace("{}", w) for w in words])
    out = Path(model_dir) / TERM_EMBEDDINGS_FILE
    meta = {"words": json.dumps(words, ensure_ascii=False), "template": config.template, "model": EMBEDDING_MODEL}
    with atomic_path(out) as tmp:
        save_file({"embeddings": np.ascontiguousarray(vectors, dtype=np.float32)}, str(tmp), metadata=meta)
    return out


def read_term_embeddings(model_dir: str | Path, template: str) -> dict[str, np.ndarray]:
    """Word -> unit embedding ``(384,)`` from a model directory; ``{}`` if the file is absent."""
    path = Path(model_dir) / TERM_EMBEDDINGS_FILE
    if not path.is_file():
        return {}
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="numpy") as f:
            meta = f.metadata() or {}
            vectors = f.get_tensor("embeddings")
        words = json.loads(meta["words"])
    except (OSError, ValueError, KeyError) as exc:
        raise ModelFileError(f"{path} is not a term-embeddings file ({exc}); rewrite it with "
                             f"python -m eqmorph.language.learned {model_dir}") from exc
    if meta.get("template") != template or vectors.shape[0] != len(words):
        raise ModelFileError(f"{path} was written for template {meta.get('template')!r} and {len(words)} words, "
                             f"not {template!r} and {vectors.shape[0]} vectors; rewrite it")
    return {w: np.asarray(v, dtype=np.float64) for w, v in zip(words, vectors)}


class LearnedVocabulary:
    """Signed blends of known words for unknown words, through the learned embedding -> response map.

    terms/counts: the known words; responses: ``(k, F)`` dB responses of their EQs (any grid);
    embeddings: word -> unit vector, precomputed (missing words are embedded on first use);
    encode: ``list[str] -> (n, dim)``, called lazily only for words not in ``embeddings``.
    """

    def __init__(self, terms: Sequence[str], counts: Mapping[str, int], responses: np.ndarray,
                 embeddings: Mapping[str, np.ndarray] | None = None,
                 encode: Callable[[list[str]], np.ndarray] | None = None,
                 config: LearnedConfig | None = None) -> None:
        self.config = config or LearnedConfig()
        self._encode = encode
        self._vectors = {normalise_term(k): np.asarray(v, dtype=np.float64) for k, v in (embeddings or {}).items()}
        y = np.asarray(responses, dtype=np.float64)
        if y.ndim != 2 or y.shape[0] != len(terms):
            raise ParameterError("responses", f"shape {y.shape}", f"({len(terms)}, F) responses, one per term")
        keep = [i for i, t in enumerate(terms) if int(counts[t]) >= self.config.min_count]
        if not keep:
            raise ParameterError("terms", f"{len(terms)} words", f"a word with >= {self.config.min_count} examples")
        self.terms = [terms[i] for i in keep]
        c = np.sqrt(np.array([float(counts[t]) for t in self.terms]))
        rows_word = list(range(len(self.terms)))  # which known word each training row's target belongs to
        rows_sign = [1.0] * len(self.terms)
        row_text = [normalise_term(t) for t in self.terms]
        index = {normalise_term(t): i for i, t in enumerate(self.terms)}
        for word, i in index.items():  # antonyms as negative evidence: embedding(opposite) -> -response(word)
            for rel in lexicon.related(word):
                if rel.relation == "antonym" and rel.other not in index:
                    rows_word.append(i)
                    rows_sign.append(-1.0)
                    row_text.append(rel.other)
        x = self._embed(row_text)  # (n_rows, dim)
        weight = np.concatenate([c, np.full(len(row_text) - len(c), c.mean())])
        self._x = x
        self._known = x[: len(self.terms)]
        self._rows_word = np.array(rows_word)
        self._rows_sign = np.array(rows_sign)
        kernel = np.exp((x @ x.T - 1.0) / self.config.kernel_temperature)
        self._solve = np.linalg.inv(kernel + self.config.ridge * np.diag(1.0 / weight))  # (n_rows, n_rows)
        self._mean_share = c / c.sum()  # mu as a blend of the known words, (k,)
        self._y = y[keep]

    def _embed(self, words: list[str]) -> np.ndarray:
        missing = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if missing:
            if self._encode is None:
                self._encode = default_embedder()
            vecs = np.asarray(self._encode([self.config.template.replace("{}", w) for w in missing]), dtype=np.float64)
            for w, v in zip(missing, vecs):
                self._vectors[w] = v / max(float(np.linalg.norm(v)), 1e-12)
        return np.stack([self._vectors[w] for w in words])

    def blend(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        """Signed weights ``(k,)`` over :attr:`terms` standing for ``word``, and cosine similarities ``(k,)``."""
        q = self._embed([normalise_term(word)])[0]
        alpha = self._solve @ np.exp((self._x @ q - 1.0) / self.config.kernel_temperature)  # (n_rows,)
        coef = np.zeros(len(self.terms))
        np.add.at(coef, self._rows_word, alpha * self._rows_sign)
        # mu + sum_r alpha_r (sign_r Y_r - mu): mu (a count-weighted blend of the words) keeps 1 - sum alpha.
        coef += (1.0 - float(alpha.sum())) * self._mean_share
        return coef, self._known @ q

    def meanings(self, word: str) -> list[Meaning]:
        """Known words with signed shares for ``word``, largest first; ``[]`` if nothing is similar enough."""
        if not isinstance(word, str) or not normalise_term(word):
            raise ParameterError("word", word, "a non-empty word")
        coef, sims = self.blend(word)
        if float(sims.max()) < self.config.min_similarity:
            return []
        order = np.argsort(-np.abs(coef))
        return [Meaning(self.terms[i], float(coef[i]), "embedding", similarity=float(sims[i]))
                for i in order if abs(coef[i]) >= self.config.min_share]


class LazyVocabulary:
    """A model's :class:`LearnedVocabulary`, built on the first unknown word (exact words never pay for it).

    model_dir: where :data:`TERM_EMBEDDINGS_FILE` lives (missing: the words are embedded on first use);
    word_params: known word -> ``(5, 3)`` EQ, whose responses on the fit grid are the map's targets.
    """

    def __init__(self, model_dir: str | Path, terms: Sequence[str], counts: Mapping[str, int],
                 word_params: Callable[[str], np.ndarray], config: LearnedConfig | None = None) -> None:
        self.model_dir = Path(model_dir)
        self.terms = list(terms)
        self.counts = dict(counts)
        self.config = config or LearnedConfig()
        self._word_params = word_params
        self._model: LearnedVocabulary | None = None

    def model(self) -> LearnedVocabulary:
        """The trained map; the first call reads the embeddings and fits it (milliseconds)."""
        if self._model is None:
            from eqmorph.core import dsp
            from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
            from eqmorph.core.fit import fit_grid

            params = np.stack([self._word_params(t) for t in self.terms])
            responses = dsp.response_db_np(params, fit_grid(), ANALYSIS_SAMPLE_RATE)
            embeddings = read_term_embeddings(self.model_dir, self.config.template)
            self._model = LearnedVocabulary(self.terms, self.counts, responses, embeddings, config=self.config)
        return self._model

    def meanings(self, word: str) -> list[Meaning]:
        """See :meth:`LearnedVocabulary.meanings`."""
        return self.model().meanings(word)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m eqmorph.language.learned MODEL_DIR``: (re)write the model's term embeddings."""
    parser = argparse.ArgumentParser(prog="python -m eqmorph.language.learned", description=main.__doc__)
    parser.add_argument("model_dir", help="model directory, e.g. src/eqmorph/pretrained/default")
    args = parser.parse_args(argv)
    try:
        print(f"wrote {write_term_embeddings(args.model_dir)}")
    except EqmorphError as exc:
        print(f"eqmorph.language.learned: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
