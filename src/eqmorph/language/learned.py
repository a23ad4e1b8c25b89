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

import functools
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eqmorph.errors import ModelFileError, ParameterError
from eqmorph.io.fileio import folder_writer_main
from eqmorph.language import lexicon
from eqmorph.language.calibration import (
    KINDS,
    Calibration,
    calibrate,
    calibration_from_dict,
    calibration_to_dict,
    kind_of,
)
from eqmorph.language.interpretation import Meaning
from eqmorph.language.terms import normalise_term

__all__ = ["KINDS", "Calibration", "LearnedConfig", "LearnedVocabulary", "LazyVocabulary", "calibrate", "kind_of",
           "read_term_embeddings", "write_term_embeddings"]

TERM_EMBEDDINGS_FILE = "term_embeddings.safetensors"
EMBEDDING_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class LearnedConfig:
    """How the embedding -> response map is trained, calibrated and read.

    The tuple fields are candidates: :func:`calibrate` picks one of each by leave-one-word-out over
    the vocabulary's own words, so no setting is ever chosen on a word the map is asked about.
    """

    template: str = "a {} sound"  # text embedded for a word: a sound context places it nearer its audio sense
    min_count: int = 3  # known words with fewer examples are too noisy to learn from
    # lam: around the kernel's diagonal (1). The first grid (0.1..1) had every fold choose its edge, so it was widened.
    ridges: tuple[float, ...] = (0.1, 0.3, 1.0, 3.0)
    # T: cosine similarities of descriptors spread over ~0.2..0.9; widened like lam (0.2 was always chosen).
    kernel_temperatures: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4)
    lexicon_shares: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)  # weight of the lexicon's reading, when it has one
    # Damping of the answer (1 = as predicted, 0 = flat): an uncertain prediction costs less RMS when smaller.
    shrinks: tuple[float, ...] = tuple(round(0.1 * i, 1) for i in range(1, 16))
    # ... times confidence ** power: confidence = k_q' (K + lam C^-1)^-1 k_q in [0, 1), one minus the kernel's
    # posterior variance at the word (a Gaussian-process reading of the ridge), low far from every training word.
    confidence_powers: tuple[float, ...] = (0.0, 0.5, 1.0, 2.0)
    calibration_min_count: int = 5  # held-out words of the calibration: crowd means of >= 5 examples, as benchmarked
    # Below this best cosine similarity to any known word, a word is treated as unknown. A weak filter: gibberish
    # ("qwertyuiop" 0.61, "asdfgh" 0.83) scores like real words (0.71-0.77); see also looks_like_a_word.
    min_similarity: float = 0.5
    min_share: float = 0.01  # blend weights smaller than this are dropped from the answer

    def __post_init__(self) -> None:
        if not isinstance(self.template, str) or self.template.count("{}") != 1:
            raise ParameterError("template", self.template, 'a string holding "{}" exactly once')
        if not (isinstance(self.confidence_powers, tuple) and self.confidence_powers
                and all(isinstance(x, int | float) and 0.0 <= x < np.inf for x in self.confidence_powers)):
            raise ParameterError("confidence_powers", self.confidence_powers, "a non-empty tuple of numbers >= 0")
        for name in ("ridges", "kernel_temperatures", "shrinks"):
            v = getattr(self, name)
            if not (isinstance(v, tuple) and v and all(isinstance(x, int | float) and 0.0 < x < np.inf for x in v)):
                raise ParameterError(name, v, "a non-empty tuple of positive finite numbers")
        v = self.lexicon_shares
        if not (isinstance(v, tuple) and v and all(isinstance(x, int | float) and 0.0 <= x <= 1.0 for x in v)):
            raise ParameterError("lexicon_shares", v, "a non-empty tuple of numbers in [0, 1]")


@functools.cache
def default_embedder() -> Callable[[list[str]], np.ndarray]:
    """The numpy MiniLM's ``encode``, loaded once per process (needs the ``text`` extra's weights)."""
    from eqmorph.language.minilm import NumpyMiniLM
    from eqmorph.language.openvocab import model_dir

    return NumpyMiniLM(model_dir()).encode


def texts_to_embed(terms: Sequence[str]) -> list[str]:
    """Words whose embeddings a model directory keeps: its vocabulary and every lexicon word."""
    return list(dict.fromkeys([normalise_term(t) for t in terms] + sorted(lexicon.lexicon_words())))


def word_responses(terms: Sequence[str], word_params: Callable[[str], np.ndarray]) -> np.ndarray:
    """dB responses ``(k, F)`` on the fit grid of the known words' ``(5, 3)`` EQs: the map's targets."""
    from eqmorph.core import dsp
    from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
    from eqmorph.core.fit import fit_grid

    return dsp.response_db_np(np.stack([word_params(t) for t in terms]), fit_grid(), ANALYSIS_SAMPLE_RATE)


def vocabulary_key(counts: Mapping[str, int], config: LearnedConfig) -> str:
    """Fingerprint of what a calibration depends on: the words, their counts and the candidate grids."""
    import hashlib

    text = json.dumps([sorted((t, int(c)) for t, c in counts.items()), repr(config)], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_term_embeddings(model_dir: str | Path, config: LearnedConfig | None = None,
                          encode: Callable[[list[str]], np.ndarray] | None = None,
                          word_params: Callable[[str], np.ndarray] | None = None) -> Path:
    """Embed the model's vocabulary and the lexicon into ``model_dir/term_embeddings.safetensors``, with the
    map's :class:`Calibration` for that vocabulary in its metadata.

    Run it after (re)training a model: ``python -m eqmorph.language.learned MODEL_DIR``.
    word_params: known word -> ``(5, 3)`` EQ (default: the model in ``model_dir``'s ``generate_params``).
    """
    from safetensors.numpy import save_file

    from eqmorph.io.fileio import atomic_path
    from eqmorph.semantic.morph import load

    config = config or LearnedConfig()
    morpher = load(model_dir)
    terms, counts = list(morpher.terms), {t: int(c) for t, c in morpher.counts.items()}
    words = texts_to_embed(terms)
    vectors = (encode or default_embedder())([config.template.replace("{}", w) for w in words])
    vocab = LearnedVocabulary(terms, counts, word_responses(terms, word_params or morpher.generate_params),
                              dict(zip(words, np.asarray(vectors, dtype=np.float64))), encode, config)
    out = Path(model_dir) / TERM_EMBEDDINGS_FILE
    meta = {"words": json.dumps(words, ensure_ascii=False), "template": config.template, "model": EMBEDDING_MODEL,
            "calibration": json.dumps(calibration_to_dict(vocab.calibration)),
            "calibrated_for": vocabulary_key(counts, config)}
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


def read_calibration(model_dir: str | Path, counts: Mapping[str, int], config: LearnedConfig) -> Calibration | None:
    """The calibration stored with the term embeddings, if it was made for these words and grids; else None."""
    path = Path(model_dir) / TERM_EMBEDDINGS_FILE
    if not path.is_file():
        return None
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="numpy") as f:
            meta = f.metadata() or {}
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"{path} is not a term-embeddings file ({exc}); rewrite it with "
                             f"python -m eqmorph.language.learned {model_dir}") from exc
    if "calibration" not in meta or meta.get("calibrated_for") != vocabulary_key(counts, config):
        return None  # written before calibrations were stored, or for another vocabulary: calibrate again
    try:
        return calibration_from_dict(json.loads(meta["calibration"]))
    except (ValueError, ParameterError) as exc:
        raise ModelFileError(f"{path} holds an unreadable calibration ({exc}); rewrite it") from exc


class LearnedVocabulary:
    """Signed blends of known words for unknown words, through the learned embedding -> response map.

    terms/counts: the known words; responses: ``(k, F)`` dB responses of their EQs (any grid);
    embeddings: word -> unit vector, precomputed (missing words are embedded on first use);
    encode: ``list[str] -> (n, dim)``, called lazily only for words not in ``embeddings``;
    calibration: fixed settings, or ``None`` to choose them with :func:`calibrate` on these words;
    is_word: the guard for words only the embedding would place (default
    :func:`eqmorph.language.wordlike.looks_like_a_word`): what fails it gets no meaning.
    """

    def __init__(self, terms: Sequence[str], counts: Mapping[str, int], responses: np.ndarray,
                 embeddings: Mapping[str, np.ndarray] | None = None,
                 encode: Callable[[list[str]], np.ndarray] | None = None,
                 config: LearnedConfig | None = None, calibration: Calibration | None = None,
                 is_word: Callable[[str], bool] | None = None) -> None:
        self.config = config or LearnedConfig()
        self._is_word = is_word
        self._encode = encode
        self._vectors = {normalise_term(k): np.asarray(v, dtype=np.float64) for k, v in (embeddings or {}).items()}
        y = np.asarray(responses, dtype=np.float64)
        if y.ndim != 2 or y.shape[0] != len(terms):
            raise ParameterError("responses", f"shape {y.shape}", f"({len(terms)}, F) responses, one per term")
        self.counts = {t: int(counts[t]) for t in terms}
        self._all_y = {t: y[i] for i, t in enumerate(terms)}  # every known word's response, for lexicon readings
        keep = [i for i, t in enumerate(terms) if self.counts[t] >= self.config.min_count]
        if not keep:
            raise ParameterError("terms", f"{len(terms)} words", f"a word with >= {self.config.min_count} examples")
        self.terms = [terms[i] for i in keep]
        self._y = y[keep]  # (k, F)
        self._c = np.sqrt(np.array([float(self.counts[t]) for t in self.terms]))  # row weights, (k,)
        self._keys = [normalise_term(t) for t in self.terms]
        self._index = {w: i for i, w in enumerate(self._keys)}
        self._cache: dict[str, np.ndarray] = {}  # word -> represent(word)
        self._known: np.ndarray | None = None  # the known words' represent() vectors, (k, dim)
        self.calibration = calibration or calibrate(self)
        self._fit = self._fitted(None, self.calibration)

    # --- embeddings -------------------------------------------------------------------------------
    def response_of(self, term: str) -> np.ndarray:
        """The response ``(F,)`` of any known word (also those with too few examples to learn from)."""
        return self._all_y[term]

    def _embed(self, words: list[str]) -> np.ndarray:
        missing = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if missing:
            if self._encode is None:
                self._encode = default_embedder()
            vecs = np.asarray(self._encode([self.config.template.replace("{}", w) for w in missing]), dtype=np.float64)
            for w, v in zip(missing, vecs):
                self._vectors[w] = v / max(float(np.linalg.norm(v)), 1e-12)
        return np.stack([self._vectors[w] for w in words])

    def represent(self, word: str) -> np.ndarray:
        """Unit vector ``(dim,)`` for ``word``: its embedding, or for a Spanish word the lexicon translates,
        the mean of its English translations' embeddings.

        Fixed a priori, not calibrated: MiniLM is an English model ("suave" alone lands among English
        look-alikes such as "uplifting"), so a Spanish word is translated first, then embedded.
        """
        if word not in self._cache:
            texts = [t for t in lexicon.english_translations(word) if " " not in t] or [word]
            v = self._embed(texts).mean(0)
            self._cache[word] = v / max(float(np.linalg.norm(v)), 1e-12)
        return self._cache[word]

    # --- the map ------------------------------------------------------------------------------------
    def _rows(self, exclude: int | None) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """Training rows without known word ``exclude``: their texts, word ``(n,)``, sign ``(n,)`` and weight
        ``(n,)``. Each known word is a row; each lexicon antonym of one that is not itself known is a row
        with the word's response inverted (negative evidence), weighted as an average word."""
        known = {w: i for w, i in self._index.items() if i != exclude}
        texts, words, signs = list(known), list(known.values()), [1.0] * len(known)
        for w, i in known.items():
            for rel in lexicon.related(w):
                if rel.relation == "antonym" and rel.other not in known and " " not in rel.other:
                    texts.append(rel.other)
                    words.append(i)
                    signs.append(-1.0)
        own = self._c[np.array(words[: len(known)])]
        weight = np.concatenate([own, np.full(len(texts) - len(known), own.mean())])
        return texts, np.array(words), np.array(signs), weight

    def _mean_share(self, words: np.ndarray, weight: np.ndarray) -> np.ndarray:
        n_own = len(set(words.tolist()))
        share = np.zeros(len(self.terms))
        share[words[:n_own]] = weight[:n_own] / weight[:n_own].sum()  # mu: a count-weighted blend of the words
        return share

    def _fitted(self, exclude: int | None, cal: Calibration) -> tuple[np.ndarray, ...]:
        """Row vectors ``(n, dim)``, word and sign per row, the solved system ``(n, n)`` and mu's blend ``(k,)``."""
        texts, words, signs, weight = self._rows(exclude)
        x = np.stack([self.represent(t) for t in texts])  # (n, dim)
        kernel = np.exp((x @ x.T - 1.0) / cal.kernel_temperature)
        solve = np.linalg.inv(kernel + cal.ridge * np.diag(1.0 / weight))
        return x, words, signs, solve, self._mean_share(words, weight)

    def _coef(self, words: np.ndarray, signs: np.ndarray, share: np.ndarray, alpha: np.ndarray,
              k_q: np.ndarray) -> tuple[np.ndarray, float]:
        """Blend ``(k,)`` over :attr:`terms` from row weights ``alpha`` ``(n,)``, and the confidence."""
        coef = np.zeros(len(self.terms))
        np.add.at(coef, words, alpha * signs)
        # mu + sum_r alpha_r (sign_r Y_r - mu): mu (a count-weighted blend of the words) keeps 1 - sum alpha.
        return coef + (1.0 - float(alpha.sum())) * share, float(np.clip(k_q @ alpha, 0.0, 1.0))

    def blend(self, word: str) -> tuple[np.ndarray, np.ndarray, float]:
        """Signed weights ``(k,)`` over :attr:`terms` standing for ``word`` (undamped), cosine similarities
        ``(k,)`` of the represented words (:meth:`represent`) and the map's confidence in ``[0, 1]``."""
        key = normalise_term(word)
        x, words, signs, solve, share = self._fit
        k_q = np.exp((x @ self.represent(key) - 1.0) / self.calibration.kernel_temperature)
        coef, confidence = self._coef(words, signs, share, solve @ k_q, k_q)
        # Similarities between the vectors the map uses (a Spanish word's are its English translations').
        if self._known is None:
            self._known = np.stack([self.represent(k) for k in self._keys])  # (k, dim), once
        return coef, self._known @ self.represent(key), confidence

    def meanings(self, word: str, lexicon_meanings: Sequence[Meaning] = ()) -> list[Meaning]:
        """Known words with signed shares for ``word``, given what the lexicon made of it (maybe nothing).

        With a lexicon reading: the calibrated mix of it and the map's, damped. Without: the map's
        reading, damped, or ``[]`` when the word looks like no word or is similar to nothing.
        """
        if not isinstance(word, str) or not normalise_term(word):
            raise ParameterError("word", word, "a non-empty word")
        cal = self.calibration
        kind = kind_of(lexicon_meanings)
        if kind == "embedding":
            if self._is_word is None:
                from eqmorph.language.wordlike import looks_like_a_word

                self._is_word = looks_like_a_word
            if not self._is_word(normalise_term(word)):
                return []
        coef, sims, confidence = self.blend(word)
        shrink = cal.shrink[kind] * confidence ** cal.power[kind]
        if kind == "embedding":
            if float(sims.max()) < self.config.min_similarity:
                return []
            out, coef = [], coef * shrink
        else:
            share = cal.lexicon_share[kind]
            out = [Meaning(m.word, m.share * shrink * share, m.how, m.similarity, m.source) for m in lexicon_meanings
                   if abs(m.share * shrink * share) >= self.config.min_share]
            coef = coef * shrink * (1.0 - share)
        order = np.argsort(-np.abs(coef))
        return out + [Meaning(self.terms[i], float(coef[i]), "embedding", similarity=float(sims[i]))
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
        """The trained map; the first call reads the embeddings and the stored calibration and fits it
        (milliseconds; without a stored calibration for this vocabulary it calibrates, about a second)."""
        if self._model is None:
            embeddings = read_term_embeddings(self.model_dir, self.config.template)
            calibration = read_calibration(self.model_dir, self.counts, self.config)
            self._model = LearnedVocabulary(self.terms, self.counts, word_responses(self.terms, self._word_params),
                                            embeddings, config=self.config, calibration=calibration)
        return self._model

    def meanings(self, word: str, lexicon_meanings: Sequence[Meaning] = ()) -> list[Meaning]:
        """See :meth:`LearnedVocabulary.meanings`."""
        return self.model().meanings(word, lexicon_meanings)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m eqmorph.language.learned MODEL_DIR``: (re)write the model's term embeddings."""
    return folder_writer_main("python -m eqmorph.language.learned", main.__doc__ or "", write_term_embeddings, argv)


if __name__ == "__main__":
    sys.exit(main())
