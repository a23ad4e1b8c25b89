"""Leave-one-word-out evaluation of the open vocabulary.

For each of the most frequent words of the data that the model knows: hide it
from the known vocabulary, let :class:`eqmorph.language.openvocab.OpenVocabulary` pick its
neighbours among the remaining words by sentence embedding, decode the weighted
blend of their latent centroids, and compare that EQ's magnitude response
(256-point log grid 20 Hz-20 kHz, 44.1 kHz, RBJ cookbook via
:func:`eqmorph.core.dsp.response_db_np`) with the mean response of the word's own
examples. Scores are Pearson correlation and RMS error in dB.

References, per word:

* ``flat``: the 0 dB EQ (RMS only: a constant has no correlation);
* ``global mean``: the mean response of every example of the *other* words,
  i.e. the best guess that ignores the word;
* ``own centroid``: the model's answer when it does know the word (upper bound
  for what a blend of centroids can reach through this decoder).

The truth uses every example of the word in the given data (training examples
included): it is the target the known word's centroid was fitted to as well.

Run: ``python -m benchmarks.open_vocab --data /work/shared/data [--model DIR]``.
Without ``--model`` the centroids are the mean model-space parameters of each
word's examples (:class:`ParamMeanModel`), so the benchmark runs before a model
is trained; with it, the model's latent centroids and decoder are used.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol

import numpy as np

from eqmorph.core.dsp import log_freq_grid, response_db_np
from eqmorph.core.eq import canonical_array
from eqmorph.core.ranges import N_BANDS, N_PARAMS, clip_to_ranges, from_model_space, to_model_space
from eqmorph.errors import EqmorphError, ParameterError
from eqmorph.language.openvocab import OpenVocabConfig, OpenVocabulary, SentenceEmbedder, TextEmbedder

SAMPLE_RATE = 44100.0  # the rate SAFE/FlowEQ render at; the grid stays far below Nyquist
N_FREQS = 256  # log grid 20 Hz-20 kHz
N_WORDS = 30  # most frequent words evaluated
METHODS = ("open_vocab", "own_centroid", "global_mean", "flat")


class Model(Protocol):
    """What the benchmark needs of a model (``eqmorph.load`` returns one)."""

    terms: Sequence[str]
    counts: Mapping[str, int]

    def centroid(self, word: str) -> np.ndarray: ...  # (d,)

    def decode_params(self, z: np.ndarray) -> np.ndarray: ...  # (n, d) -> (n, 5, 3)


class Dataset(Protocol):
    """What the benchmark needs of a dataset (``eqmorph.datasets`` loaders return one)."""

    terms: Sequence[str]

    def params_array(self) -> np.ndarray: ...  # (n, 5, 3)


class ParamMeanModel:
    """Stand-in model: a word's centroid is the mean model-space parameter vector ``(15,)`` of its examples."""

    def __init__(self, params: np.ndarray, terms: Sequence[str], min_count: int = 3) -> None:
        x = to_model_space(canonical_array(params)).reshape(len(terms), N_PARAMS)
        counts = Counter(terms)
        self.terms = [t for t, n in counts.most_common() if n >= min_count]
        self.counts = {t: counts[t] for t in self.terms}
        arr = np.asarray(terms, dtype=object)
        self._centroids = {t: x[arr == t].mean(0) for t in self.terms}

    def centroid(self, word: str) -> np.ndarray:
        return self._centroids[word]

    def decode_params(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=np.float64)
        return canonical_array(clip_to_ranges(from_model_space(z.reshape(-1, N_BANDS, 3))))


@dataclass(frozen=True)
class WordResult:
    """Scores of one held-out word; ``None`` where a correlation is undefined."""

    word: str
    count: int  # examples of the word in the data
    neighbours: list[tuple[str, float]]  # the blend used for it
    corr: dict[str, float | None]  # method -> Pearson correlation with the true mean response
    rms_db: dict[str, float]  # method -> RMS difference from the true mean response, dB


def _pearson(a: np.ndarray, b: np.ndarray) -> float | None:
    sa, sb = a.std(), b.std()
    if sa < 1e-9 or sb < 1e-9:
        return None
    return float(np.mean((a - a.mean()) * (b - b.mean())) / (sa * sb))


def _rms(a: np.ndarray) -> float:
    return float(np.sqrt(np.mean(a**2)))


def _combine(datasets: Sequence[Dataset]) -> tuple[np.ndarray, list[str]]:
    """All examples: params ``(n, 5, 3)`` and one term each (the first of a multi-word row)."""
    if not datasets:
        raise ParameterError("datasets", "[]", "at least one dataset")
    params, terms = [], []
    for ds in datasets:
        p = np.asarray(ds.params_array(), dtype=np.float64)
        t = [x if isinstance(x, str) else x[0] for x in ds.terms]
        if p.shape != (len(t), N_BANDS, 3):
            raise ParameterError("datasets", f"params {p.shape} for {len(t)} terms", "(n, 5, 3) params, n terms")
        params.append(p)
        terms.extend(t)
    return np.concatenate(params), terms


def run(
    model: Model,
    datasets: Sequence[Dataset],
    embedder: TextEmbedder | None = None,
    config: OpenVocabConfig | None = None,
    n_words: int = N_WORDS,
) -> dict[str, Any]:
    """Leave-one-word-out scores of the ``n_words`` most frequent known words.

    Returns ``{"words": [WordResult as dict], "summary": {method: {...}}, "config": {...}, "skipped": [...]}``.
    """
    if isinstance(n_words, bool) or not isinstance(n_words, int) or n_words < 1:
        raise ParameterError("n_words", n_words, "an integer >= 1")
    config = config if config is not None else OpenVocabConfig()
    embedder = embedder if embedder is not None else SentenceEmbedder()
    params, terms = _combine(datasets)
    freqs_hz = log_freq_grid(N_FREQS)
    responses = response_db_np(params, freqs_hz, SAMPLE_RATE)  # (n, F)
    term_arr = np.asarray(terms, dtype=object)
    known = set(model.terms)
    ranked = Counter(terms).most_common()
    chosen = [w for w, _ in ranked if w in known][:n_words]
    if not chosen:
        raise ParameterError("model", f"{len(known)} known words", "a model knowing words of the data")
    # Words at least as frequent as the last chosen one that the model lacks (e.g. dropped as junk).
    floor = Counter(terms)[chosen[-1]]
    skipped = [w for w, n in ranked if n >= floor and w not in known]
    counts = {t: int(model.counts[t]) for t in model.terms}

    results = []
    for word in chosen:
        mine = term_arr == word
        truth = responses[mine].mean(0)
        others = [t for t in model.terms if t != word]
        vocab = OpenVocabulary(others, {t: counts[t] for t in others}, embedder, config)
        blend = vocab.neighbours(word)
        z = sum(w * np.asarray(model.centroid(t), dtype=np.float64) for t, w in blend)
        preds = {
            "open_vocab": model.decode_params(np.asarray(z)[None])[0],
            "own_centroid": model.decode_params(np.asarray(model.centroid(word))[None])[0],
        }
        curves = {m: response_db_np(p, freqs_hz, SAMPLE_RATE) for m, p in preds.items()}
        curves["global_mean"] = responses[~mine].mean(0)
        curves["flat"] = np.zeros_like(truth)
        results.append(
            WordResult(
                word=word,
                count=int(mine.sum()),
                neighbours=[(t, round(w, 4)) for t, w in blend],
                corr={m: _pearson(c, truth) for m, c in curves.items()},
                rms_db={m: _rms(c - truth) for m, c in curves.items()},
            )
        )

    summary = {}
    for m in METHODS:
        rms = np.array([r.rms_db[m] for r in results])
        corr = np.array([np.nan if r.corr[m] is None else r.corr[m] for r in results], dtype=np.float64)
        summary[m] = {
            "mean_rms_db": float(rms.mean()),
            "median_rms_db": float(np.median(rms)),
            "mean_corr": None if np.all(np.isnan(corr)) else float(np.nanmean(corr)),
            "median_corr": None if np.all(np.isnan(corr)) else float(np.nanmedian(corr)),
        }
    wins = sum(r.rms_db["open_vocab"] < r.rms_db["global_mean"] for r in results)
    summary["open_vocab"]["beats_global_mean_rms"] = f"{wins}/{len(results)}"
    return {
        "config": asdict(config),
        "words": [asdict(r) for r in results],
        "summary": summary,
        "skipped": skipped,
    }


def _fmt(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def format_markdown(result: Mapping[str, Any]) -> str:
    """The summary table, then one row per held-out word."""
    lines = [
        "| method | mean corr | median corr | mean RMS dB | median RMS dB |",
        "|---|---|---|---|---|",
    ]
    for m in METHODS:
        s = result["summary"][m]
        lines.append(
            f"| {m} | {_fmt(s['mean_corr'])} | {_fmt(s['median_corr'])} | "
            f"{_fmt(s['mean_rms_db'])} | {_fmt(s['median_rms_db'])} |"
        )
    lines += [
        "",
        f"open vocabulary beats the global mean (RMS) on {result['summary']['open_vocab']['beats_global_mean_rms']}"
        f" words; config {result['config']}",
        "",
        "| word | n | corr open | corr own | corr mean | RMS open | RMS own | RMS mean | RMS flat | neighbours |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in result["words"]:
        c, e = r["corr"], r["rms_db"]
        nb = ", ".join(f"{t} {w:.2f}" for t, w in r["neighbours"][:3])
        lines.append(
            f"| {r['word']} | {r['count']} | {_fmt(c['open_vocab'])} | {_fmt(c['own_centroid'])} | "
            f"{_fmt(c['global_mean'])} | {_fmt(e['open_vocab'])} | {_fmt(e['own_centroid'])} | "
            f"{_fmt(e['global_mean'])} | {_fmt(e['flat'])} | {nb} |"
        )
    if result["skipped"]:
        lines += ["", f"frequent words the model does not know (skipped): {', '.join(result['skipped'])}"]
    return "\n".join(lines)


def _load_datasets(data: str) -> list[Any]:
    from eqmorph.datasets import load_safe, load_socialfx

    return [load_socialfx(data), load_safe(data)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.open_vocab", description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder holding socialfx/ and safe/ (e.g. /work/shared/data)")
    parser.add_argument("--model", help="model directory; default: per-word mean parameters (no learned model)")
    parser.add_argument("--words", type=int, default=N_WORDS, help="most frequent words to hold out")
    parser.add_argument("--k", type=int, default=OpenVocabConfig.k, help="neighbours per blend")
    parser.add_argument("--temperature", type=float, default=OpenVocabConfig.temperature, help="softmax temperature")
    parser.add_argument("--template", default=OpenVocabConfig.template, help='text embedded for a word ("{}")')
    parser.add_argument("--json", help="also write the full result as JSON to this file")
    args = parser.parse_args(argv)
    try:
        datasets = _load_datasets(args.data)
        if args.model:
            import eqmorph

            load = getattr(eqmorph, "load", None)
            if load is None:  # until the package re-exports it
                from eqmorph.semantic.morph import load
            model = load(args.model)
        else:
            params, terms = _combine(datasets)
            model = ParamMeanModel(params, terms)
        config = OpenVocabConfig(k=args.k, temperature=args.temperature, template=args.template)
        result = run(model, datasets, config=config, n_words=args.words)
    except EqmorphError as exc:
        print(f"open_vocab: error: {exc}", file=sys.stderr)
        return 2
    result["model"] = args.model or "param-mean (no learned model)"
    print(f"model: {result['model']}")
    print(format_markdown(result))
    if args.json:
        from eqmorph.io.fileio import write_text_atomic

        write_text_atomic(args.json, json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
