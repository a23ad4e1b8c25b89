"""Choosing the learned map's settings by leave-one-word-out over the vocabulary's own words.

:func:`calibrate` holds out each known word with enough examples in turn, refits the map without it
and asks for it, and scores the answer against the word's own response. From the candidate grids of
:class:`eqmorph.language.learned.LearnedConfig` it picks the kernel temperature, the ridge and the
share of the lexicon's reading per kind of lexicon evidence (highest mean correlation), then the
damping of each kind of answer (lowest mean RMS). A word the map is later asked about is never among
the held-out words, so the benchmark (benchmarks/open_vocab.py), which builds a map per held-out
word, is a nested selection.

The chosen :class:`Calibration` is stored with the term embeddings in the model directory, so a
CLI call does not redo it (:func:`eqmorph.language.learned.write_term_embeddings`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from eqmorph.errors import ParameterError
from eqmorph.language.interpretation import Meaning
from eqmorph.language.terms import normalise_term

if TYPE_CHECKING:
    from eqmorph.language.learned import LearnedConfig, LearnedVocabulary

KINDS = ("equivalent", "antonym", "embedding")  # how a word was placed: lexicon equivalents, lexicon opposites, or
# the embedding alone. The lexicon's two kinds of evidence are weighed and damped separately: a translation and an
# everyday opposite are not equally reliable about a sound.


@dataclass(frozen=True)
class Calibration:
    """The settings :func:`calibrate` chose for one vocabulary, and the inner score that chose them."""

    kernel_temperature: float
    ridge: float
    lexicon_share: dict[str, float]  # per lexicon kind: lexicon reading x share + map's reading x (1 - share)
    shrink: dict[str, float]  # per kind (KINDS): damping of the answer, 1 = as predicted, 0 = flat ...
    power: dict[str, float]  # ... times the map's confidence to this power (0: no matter how far the word)
    inner_corr: float  # mean correlation of the inner held-out words under these settings
    inner_words: int  # how many inner held-out words scored them


def kind_of(lexicon_meanings: Sequence[Meaning]) -> str:
    """The kind (KINDS) of a lexicon reading: only opposites, any equivalent, or none at all."""
    if not lexicon_meanings:
        return "embedding"
    return "antonym" if all(m.how == "antonym" for m in lexicon_meanings) else "equivalent"


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    sa, sb = float(a.std()), float(b.std())
    return 0.0 if sa < 1e-9 or sb < 1e-9 else float(np.mean((a - a.mean()) * (b - b.mean())) / (sa * sb))


def _rms(a: np.ndarray) -> float:
    return float(np.sqrt(np.mean(a**2)))


def _lexicon_reading(vocab: LearnedVocabulary, word: str) -> tuple[str, np.ndarray | None]:
    """How the parser would read known word ``word`` were it unknown: its kind (KINDS) and the lexicon's
    response ``(F,)``; ``("other", None)`` when inflections place it (the map is not asked)."""
    from eqmorph.language.parse import Parser

    parser = Parser({t: c for t, c in vocab.counts.items() if normalise_term(t) != word})
    found = parser.lexicon_meanings(word)
    if found:
        return kind_of(found), sum(m.share * vocab.response_of(m.word) for m in found)
    return ("other", None) if parser.meanings(word) else ("embedding", None)


def held_out_words(vocab: LearnedVocabulary) -> tuple[list[int], dict[int, tuple[str, np.ndarray | None]]]:
    """The calibration's held-out words (indices into ``vocab.terms``: >= ``calibration_min_count`` examples and
    not placed by inflections) and how the lexicon reads each (:func:`_lexicon_reading`)."""
    held = [i for i, t in enumerate(vocab.terms) if vocab.counts[t] >= vocab.config.calibration_min_count]
    readings = {i: _lexicon_reading(vocab, vocab._keys[i]) for i in held}
    return [i for i in held if readings[i][0] != "other"], readings


def calibrate(vocab: LearnedVocabulary) -> Calibration:
    """Choose the map's settings by leave-one-word-out over ``vocab``'s own words.

    Each known word with >= ``calibration_min_count`` examples is held out in turn; the map is refitted
    without it (its own row and antonym rows gone) and asked for it, and the lexicon reads it against the
    vocabulary without it. First the embedding variant, T, lam and the lexicon share of each kind that give
    the highest mean correlation with the held-out word's own response; then, for those, the damping of each
    kind that gives the lowest mean RMS. A word asked for later is never among these.
    """
    cfg = vocab.config
    held, readings = held_out_words(vocab)
    if len(held) < 3:  # too few words to learn settings from: the middle candidates, half and half, undamped
        return Calibration(sorted(cfg.kernel_temperatures)[len(cfg.kernel_temperatures) // 2],
                           sorted(cfg.ridges)[len(cfg.ridges) // 2], {k: 0.5 for k in KINDS[:2]},
                           {k: 1.0 for k in KINDS}, {k: 0.0 for k in KINDS}, float("nan"), len(held))
    # Hundreds of small solves: OpenBLAS's threads only wait on each other for 150 x 150 systems (0.7 ms on one
    # thread, 40 ms with two threads on the shared 2-core machine, measured), so they run on one thread.
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _calibrate(vocab, held, readings)


class InnerFolds:
    """The calibration's leave-one-word-out folds over ``held`` (indices into ``vocab.terms``): each fold's
    training rows, and every row text's vector, embedded once for all folds and settings."""

    def __init__(self, vocab: LearnedVocabulary, held: Sequence[int]) -> None:
        self.vocab, self.held = vocab, list(held)
        self.rows = {i: vocab._rows(i) for i in self.held}
        texts = list(dict.fromkeys(t for i in self.held for t in self.rows[i][0]))
        self.where = {t: j for j, t in enumerate(texts)}
        x = np.stack([vocab.represent(t) for t in texts])  # every row text of every fold, (m, dim)
        self.gram = x @ x.T

    def predictions(self, temperature: float, ridge: float) -> tuple[dict[int, np.ndarray], dict[int, float]]:
        """Each held-out word's map response ``(F,)`` (undamped, no lexicon) and the map's confidence in it."""
        vocab = self.vocab
        kernel = np.exp((self.gram - 1.0) / temperature)  # (m, m), sliced per fold
        pred, conf = {}, {}
        for i in self.held:
            fold_texts, words, signs, weight = self.rows[i]
            idx = np.array([self.where[t] for t in fold_texts])
            k_q = kernel[idx, self.where[vocab._keys[i]]]  # the held-out word is a row of the other folds
            alpha = np.linalg.solve(kernel[np.ix_(idx, idx)] + ridge * np.diag(1.0 / weight), k_q)
            coef, conf[i] = vocab._coef(words, signs, vocab._mean_share(words, weight), alpha, k_q)
            pred[i] = coef @ vocab._y
        return pred, conf


def _calibrate(vocab: LearnedVocabulary, held: list[int],
               readings: Mapping[int, tuple[str, np.ndarray | None]]) -> Calibration:
    cfg = vocab.config
    truth = {i: vocab._y[i] for i in held}
    folds = InnerFolds(vocab, held)
    tried = []
    for temperature in cfg.kernel_temperatures:
        for ridge in cfg.ridges:
            pred, conf = folds.predictions(temperature, ridge)
            shares, answers = best_shares(cfg.lexicon_shares, pred, readings, truth)
            score = float(np.mean([_corr(answers[i], truth[i]) for i in held]))
            tried.append((score, temperature, ridge, shares, answers, conf))
    score, temperature, ridge, shares, answers, conf = max(tried, key=lambda t: t[0])  # first of equals
    damp = {k: best_damping(cfg, [i for i in held if readings[i][0] == k], conf, answers, truth) for k in KINDS}
    return Calibration(temperature, ridge, shares, {k: d[0] for k, d in damp.items()},
                       {k: d[1] for k, d in damp.items()}, score, len(held))


def best_damping(cfg: LearnedConfig, group: Sequence[int], conf: Mapping[int, float],
                 answers: Mapping[int, np.ndarray], truth: Mapping[int, np.ndarray]) -> tuple[float, float]:
    """The damping factor and confidence power (from ``cfg``'s grids) with the lowest mean RMS over ``group``;
    ``(1, 0)`` (undamped) for an empty group."""
    if not group:
        return 1.0, 0.0
    return min(((float(s), float(p)) for p in cfg.confidence_powers for s in cfg.shrinks),
               key=lambda sp: np.mean([_rms(sp[0] * conf[i] ** sp[1] * answers[i] - truth[i]) for i in group]))


def best_shares(shares: Sequence[float], pred: Mapping[int, np.ndarray],
                 readings: Mapping[int, tuple[str, np.ndarray | None]],
                 truth: Mapping[int, np.ndarray]) -> tuple[dict[str, float], dict[int, np.ndarray]]:
    """Per lexicon kind, the share with the highest mean correlation over the words of that kind, and every
    held-out word's answer ``(F,)`` under those shares."""
    answers = dict(pred)
    chosen = {}
    for kind in KINDS[:2]:
        group = [i for i in pred if readings[i][0] == kind]
        if not group:
            chosen[kind] = 0.5  # nothing to learn from: half and half
            continue

        def mix(a: float, i: int) -> np.ndarray:
            return a * readings[i][1] + (1.0 - a) * pred[i]

        chosen[kind] = float(max(shares, key=lambda a: np.mean([_corr(mix(a, i), truth[i]) for i in group])))
        answers.update({i: mix(chosen[kind], i) for i in group})
    return chosen, answers


def calibration_to_dict(cal: Calibration) -> dict[str, Any]:
    """JSON-ready form of ``cal`` (for the term-embeddings file's metadata)."""
    return asdict(cal)


def calibration_from_dict(data: Mapping[str, Any]) -> Calibration:
    """Inverse of :func:`calibration_to_dict`; ParameterError if a field is missing or of the wrong kind."""
    try:
        cal = Calibration(float(data["kernel_temperature"]), float(data["ridge"]),
                          {k: float(data["lexicon_share"][k]) for k in KINDS[:2]},
                          {k: float(data["shrink"][k]) for k in KINDS}, {k: float(data["power"][k]) for k in KINDS},
                          float(data["inner_corr"]), int(data["inner_words"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ParameterError("calibration", str(exc), "the fields of eqmorph.language.calibration.Calibration") from exc
    return cal
