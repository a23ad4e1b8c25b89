"""Unknown words, leave one word out: how well the language layer stands in for a word the model lacks.

For every word the model knows that has at least ``MIN_EXAMPLES`` examples in the data: remove it
from the vocabulary, ask each method for it, and compare the EQ's magnitude response (256-point log
grid 20 Hz-20 kHz, 44.1 kHz, RBJ cookbook via :func:`eqmorph.core.dsp.response_db_np`) with the mean
response of the word's own crowd examples. Scores: Pearson correlation and RMS error (dB); a sign
error is a correlation below -0.3 (the EQ does the opposite). English and Spanish words are scored
separately (a word's language is the one most of its examples were given in).

Methods:

* ``knn (old)``: the previous open vocabulary, softmax blend of the 5 nearest words in embedding space;
* ``learned``: :class:`eqmorph.language.learned.LearnedVocabulary`, the embedding -> response map
  trained on the remaining words, with the lexicon's antonyms as negative evidence, asked without the
  lexicon's reading (a Spanish word is still embedded through its English translations: MiniLM is English-only);
* ``lexicon``: inflections, synonyms and translations only (:mod:`eqmorph.language.lexicon`); words
  it cannot place get the flat EQ;
* ``pipeline``: what ``eqmorph.load(open_vocabulary=True)`` does: the parser with the lexicon, and the
  learned map mixed in (with the calibrated share) or alone where the lexicon knows nothing, damped;
* ``own centroid``: the model's answer when it does know the word (the ceiling); ``flat``: 0 dB.

Nested selection: every setting of the learned map (ridge, kernel temperature, the
lexicon share and the damping of each kind of answer) is chosen *inside* each outer fold by
:func:`eqmorph.language.learned.calibrate`, a leave-one-word-out over the remaining words only, scored
against those words' own model responses. The held-out word is never seen by the selection; the table
shows which settings the folds chose. The vocabulary is nested too: each held-out word is answered from
the model's vocabulary rebuilt without its rows (:func:`vocabulary_without`), because shrinkage lets a word's
examples reach its EQ neighbours' and its translations' EQs. What is not nested: the lexicon (written by hand
from dictionary knowledge, docs/language.md), the candidate grids (fixed a priori in ``LearnedConfig``), and the
network, which was trained on every row, the held-out word's included.

Also measured: the gibberish guard (:mod:`eqmorph.language.wordlike`) on the crowd's own single words (the
share it would refuse) and on random letter strings (the share it refuses); and, for the sign errors, how
well the crowd's answers for a Spanish word and for its dictionary translations agree (when they disagree,
no translation can help). Why the Spanish words miss, word by word, and the variants tried against it:
:mod:`benchmarks.open_vocab_diagnosis`.

Run: ``python -m benchmarks.open_vocab --data /work/shared/data [--model DIR]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from benchmarks.open_vocab_speed import measure_speed, speed_targets
from eqmorph.core.dsp import log_freq_grid, response_db_np
from eqmorph.errors import EqmorphError, ParameterError
from eqmorph.language.compose import signed_blend_params
from eqmorph.language.learned import (
    LearnedConfig,
    LearnedVocabulary,
    default_embedder,
    read_term_embeddings,
    word_responses,
)
from eqmorph.language.openvocab import OpenVocabulary
from eqmorph.language.parse import Parser
from eqmorph.semantic.path import scale_gains

SAMPLE_RATE = 44100.0  # the rate SAFE/FlowEQ render at; the grid stays far below Nyquist
N_FREQS = 256  # log grid 20 Hz-20 kHz
MIN_EXAMPLES = 5  # words with fewer examples have crowd means too noisy to score against
SIGN_ERROR_CORR = -0.3  # below this correlation the EQ does the opposite of the word
METHODS = ("pipeline", "learned", "lexicon", "knn (old)", "own centroid", "flat")
# Targets (issue 13), per language, for the pipeline.
TARGET_CORR = 0.5
TARGET_RMS_RATIO = 0.85  # mean RMS at most this share of the flat EQ's
TARGET_SIGN_SHARE = 0.10


class Dataset(Protocol):
    """What the benchmark needs of a dataset (``eqmorph.datasets`` loaders return one)."""

    terms: Sequence[Any]
    lang: Sequence[str]

    def params_array(self) -> np.ndarray: ...  # (n, 5, 3)


def _pearson(a: np.ndarray, b: np.ndarray) -> float | None:
    sa, sb = a.std(), b.std()
    if sa < 1e-9 or sb < 1e-9:
        return None
    return float(np.mean((a - a.mean()) * (b - b.mean())) / (sa * sb))


def _rms(a: np.ndarray) -> float:
    return float(np.sqrt(np.mean(a**2)))


def _spanish(lang: str) -> bool:
    return str(lang).strip().lower() in ("es", "español", "espanol", "spanish")


def _combine(datasets: Sequence[Dataset]) -> tuple[np.ndarray, list[str], list[bool]]:
    """All examples: params ``(n, 5, 3)``, one term each (the first of a multi-word row), Spanish or not."""
    if not datasets:
        raise ParameterError("datasets", "[]", "at least one dataset")
    params, terms, spanish = [], [], []
    for ds in datasets:
        p = np.asarray(ds.params_array(), dtype=np.float64)
        t = [x if isinstance(x, str) else x[0] for x in ds.terms]
        langs = list(getattr(ds, "lang", None) or [""] * len(t))
        if p.shape != (len(t), 5, 3) or len(langs) != len(t):
            raise ParameterError("datasets", f"params {p.shape} for {len(t)} terms", "(n, 5, 3) params, n terms")
        params.append(p)
        terms.extend(t)
        spanish.extend(_spanish(x) for x in langs)
    return np.concatenate(params), terms, spanish


def _summary(rows: list[dict[str, Any]], method: str) -> dict[str, Any]:
    corr = np.array([np.nan if r["corr"][method] is None else r["corr"][method] for r in rows], dtype=np.float64)
    rms = np.array([r["rms_db"][method] for r in rows])
    flat = np.array([r["rms_db"]["flat"] for r in rows])
    return {
        "words": len(rows),
        "mean_corr": None if np.all(np.isnan(corr)) else float(np.nanmean(corr)),
        "mean_rms_db": float(rms.mean()),
        "rms_ratio_to_flat": float(rms.mean() / flat.mean()),
        # an undefined correlation (a flat answer) is no sign error
        "sign_error_share": float(np.mean(np.nan_to_num(corr, nan=0.0) < SIGN_ERROR_CORR)),
    }


@dataclass(frozen=True)
class HeldOutSetup:
    """What every leave-one-word-out run starts from (this benchmark and its diagnosis).

    responses ``(n, F)``: every example's dB response on ``freqs_hz`` ``(F,)``; term_arr, spanish_arr ``(n,)``:
    its word and whether its crowd is Spanish; chosen: the words held out in turn; without(word): the model
    that answers for ``word`` (rebuilt without its examples when nested).
    """

    freqs_hz: np.ndarray
    responses: np.ndarray
    term_arr: np.ndarray
    spanish_arr: np.ndarray
    n_examples: Counter[str]
    chosen: list[str]
    config: LearnedConfig
    embeddings: dict[str, np.ndarray]
    encode: Any
    without: Callable[[str], Any]


def held_out_setup(model: Any, datasets: Sequence[Dataset], min_examples: int, model_dir: str | None,
                   nested: bool) -> HeldOutSetup:
    """The examples' responses, the words to hold out (>= ``min_examples`` examples), the text side, the answerer."""
    from eqmorph.semantic.morph import bundled_model_dir

    params, terms, spanish = _combine(datasets)
    freqs_hz = log_freq_grid(N_FREQS)
    n_examples = Counter(terms)
    chosen = [w for w in model.terms if n_examples[w] >= min_examples]
    if not chosen:
        raise ParameterError("model", f"{len(model.terms)} known words", f"known words with >= {min_examples} examples")
    config = LearnedConfig()
    return HeldOutSetup(
        freqs_hz=freqs_hz,
        responses=response_db_np(params, freqs_hz, SAMPLE_RATE),
        term_arr=np.asarray(terms, dtype=object),
        spanish_arr=np.asarray(spanish),
        n_examples=n_examples,
        chosen=chosen,
        config=config,
        embeddings=read_term_embeddings(model_dir or bundled_model_dir(), config.template),
        encode=default_embedder(),
        without=vocabulary_without(model, datasets) if nested else (lambda word: model),
    )


def run(model: Any, datasets: Sequence[Dataset], min_examples: int = MIN_EXAMPLES, speed: bool = True,
        model_dir: str | None = None, nested: bool = True) -> dict[str, Any]:
    """Leave-one-word-out scores per language and method, the targets, and (``speed``) the timings.

    nested: answer each held-out word from a vocabulary rebuilt without its examples (:func:`vocabulary_without`;
    needs torch and datasets with crowds); otherwise from the model's own vocabulary, which borrowed from it.
    """
    held = held_out_setup(model, datasets, min_examples, model_dir, nested)
    freqs_hz, responses, term_arr, spanish_arr = held.freqs_hz, held.responses, held.term_arr, held.spanish_arr
    chosen, config, embeddings, encode, without = held.chosen, held.config, held.embeddings, held.encode, held.without
    own_params = {t: np.asarray(model.generate_params(t)) for t in model.terms}

    knn_encoder = _Encoder(encode, {config.template.replace("{}", w): v for w, v in embeddings.items()})
    rows = []
    for word in chosen:
        mine = term_arr == word
        truth = responses[mine].mean(0)
        vocab_model = without(word)
        others, other_counts, word_params, map_resp = answering_words(vocab_model, word)

        def eq_of(weights: Sequence[tuple[str, float]], word_params: dict[str, np.ndarray] = word_params) -> np.ndarray:
            return signed_blend_params(list(weights), word_params.__getitem__, scale_gains)

        learned = LearnedVocabulary(others, other_counts, np.stack([map_resp[t] for t in others]),
                                    embeddings, encode, config)  # calibrates itself on ``others`` only
        answers: dict[str, list[tuple[str, float]]] = {
            "learned": [(m.word, m.share) for m in learned.meanings(word)],
            "knn (old)": [],
        }
        for name, vocab in (("lexicon", None), ("pipeline", learned)):
            try:
                answers[name] = list(Parser(other_counts, vocab).parse(word).weights)
            except EqmorphError:
                answers[name] = []
        knn = OpenVocabulary(others, other_counts, knn_encoder)
        blend = knn.neighbours(word)
        z = sum(w * np.asarray(vocab_model.centroid(t), dtype=np.float64) for t, w in blend)
        curves = {
            "knn (old)": response_db_np(model.decode_params(np.asarray(z, dtype=np.float32)[None])[0],
                                        freqs_hz, SAMPLE_RATE),
            "own centroid": response_db_np(own_params[word], freqs_hz, SAMPLE_RATE),
            "flat": np.zeros_like(truth),
        }
        for name in ("learned", "lexicon", "pipeline"):
            curves[name] = (response_db_np(eq_of(answers[name]), freqs_hz, SAMPLE_RATE) if answers[name]
                            else np.zeros_like(truth))
        rows.append({
            "word": word,
            "language": "Spanish" if spanish_arr[mine].mean() > 0.5 else "English",
            "examples": int(mine.sum()),
            "pipeline": [(t, round(w, 3)) for t, w in answers["pipeline"][:4]],
            "calibration": _calibration_label(learned.calibration),
            "corr": {m: _pearson(c, truth) for m, c in curves.items()},
            "rms_db": {m: _rms(c - truth) for m, c in curves.items()},
            "answer_rms_db": _rms(curves["pipeline"]),
        })

    summary = {lang: {m: _summary([r for r in rows if r["language"] == lang], m) for m in METHODS}
               for lang in ("English", "Spanish") if any(r["language"] == lang for r in rows)}
    result: dict[str, Any] = {"min_examples": min_examples, "config": config.__dict__, "words": rows,
                              "summary": summary, "nested": nested}
    result["targets"] = _targets(summary)
    result["calibrations"] = Counter(r["calibration"] for r in rows).most_common()
    result["translation_agreement"] = _translation_agreement(rows, responses, term_arr, model.terms)
    result["guard"] = _guard_rates(term_arr.tolist())
    result["oracle_damping"] = {lang: _oracle_damping([r for r in rows if r["language"] == lang])
                                for lang in summary}
    if speed:
        result["speed"] = measure_speed(model_dir)
        result["targets"] += speed_targets(result["speed"])
    return result


def answering_words(vocab_model: Any, word: str) -> tuple[list[str], dict[str, int], dict[str, np.ndarray],
                                                          dict[str, np.ndarray]]:
    """What answers held-out ``word``: the other words of ``vocab_model``, their counts, their EQs ``(5, 3)`` and
    the learned map's training targets, exactly as the product builds them (fit grid, analysis rate)."""
    others = [t for t in vocab_model.terms if t != word]
    counts = {t: int(vocab_model.counts[t]) for t in others}
    word_params = {t: np.asarray(vocab_model.generate_params(t)) for t in others}
    return others, counts, word_params, dict(zip(others, word_responses(others, word_params.__getitem__)))


def vocabulary_without(model: Any, datasets: Sequence[Any]) -> Callable[[str], Any]:
    """``word -> Morpher``: ``model``'s network with its vocabulary rebuilt from every row but ``word``'s.

    The vocabulary's shrinkage lets a word's examples reach other words' EQs (its EQ neighbours and, with the
    lexicon prior, its translations: the very words the lexicon answers an unknown word with). Rebuilding
    without the held-out word's rows (same network, same recipe, :func:`eqmorph.training.train.with_vocabulary`,
    about 4 s a word) keeps it out of every answer. The network itself was trained on all rows.
    """
    from eqmorph.model.config import TrainConfig
    from eqmorph.semantic.morph import Morpher
    from eqmorph.training.train import TrainData, with_vocabulary

    parts = [TrainData.from_dataset(ds) for ds in datasets]
    params = np.concatenate([p.params for p in parts])
    terms = np.asarray([t for p in parts for t in p.terms], dtype=object)
    weight = np.concatenate([p.weight for p in parts])
    source = np.asarray([s for p in parts for s in (p.source or ("",) * len(p.terms))], dtype=object)
    lang = np.asarray([x for p in parts for x in (p.lang or (None,) * len(p.terms))], dtype=object)
    cfg = TrainConfig(**{k: tuple(v) if isinstance(v, list) else v for k, v in model.checkpoint.train_config.items()})

    def rebuilt(word: str) -> Any:
        keep = terms != word
        data = TrainData(params[keep], tuple(terms[keep]), weight[keep], tuple(source[keep]), tuple(lang[keep]))
        return Morpher(with_vocabulary(model.checkpoint, data, cfg))

    return rebuilt


def _oracle_damping(rows: list[dict[str, Any]]) -> tuple[float, float]:
    """Diagnosis only, never used by the product: the one damping factor s (0..1.5) that would minimise the
    pipeline's mean RMS / flat *on the held-out words themselves*, and that ratio. Assumes the response scales
    linearly with s (exact for one word; close for blends): |s p - t|^2 = s^2 |p|^2 - s (|p|^2 + |t|^2 - |p - t|^2)
    + |t|^2, all from per-word RMS values."""
    a = np.array([r["answer_rms_db"] for r in rows]) ** 2
    f = np.array([r["rms_db"]["flat"] for r in rows]) ** 2
    e = np.array([r["rms_db"]["pipeline"] for r in rows]) ** 2
    grid = np.linspace(0.0, 1.5, 151)
    ratios = [np.sqrt(np.maximum(s * s * a - s * (a + f - e) + f, 0.0)).mean() / np.sqrt(f).mean() for s in grid]
    best = int(np.argmin(ratios))
    return float(grid[best]), float(ratios[best])


def _calibration_label(cal: Any) -> str:
    kinds = ", ".join(f"{k} x{cal.shrink[k]:g} conf^{cal.power[k]:g}" for k in cal.shrink)
    shares = ", ".join(f"{k} {v:g}" for k, v in cal.lexicon_share.items())
    return (f"T {cal.kernel_temperature:g}, lam {cal.ridge:g}; "
            f"lexicon share {shares}; damping {kinds}")


def _translation_agreement(rows: list[dict[str, Any]], responses: np.ndarray, term_arr: np.ndarray,
                           known: Sequence[str]) -> list[dict[str, Any]]:
    """For each sign error: the correlation of the word's crowd mean with each lexicon equivalent's crowd mean."""
    from eqmorph.language import lexicon

    out = []
    for r in rows:
        c = r["corr"]["pipeline"]
        if c is None or c >= SIGN_ERROR_CORR:
            continue
        truth = responses[term_arr == r["word"]].mean(0)
        pairs = []
        for rel in lexicon.related(r["word"]):
            if rel.other in known and np.any(term_arr == rel.other):
                other = responses[term_arr == rel.other].mean(0)
                pairs.append((rel.relation, rel.other, _pearson(truth, other)))
        out.append({"word": r["word"], "corr": c, "equivalents": pairs})
    return out


def _guard_rates(terms: Sequence[str]) -> dict[str, Any]:
    """Share of the crowd's single-word descriptors and of random letter strings the gibberish guard refuses."""
    import random
    import re

    from eqmorph.language.terms import normalise_term
    from eqmorph.language.wordlike import looks_like_a_word

    words = sorted({w for w in (normalise_term(t) for t in terms) if re.fullmatch(r"[^\W\d_]+", w)})
    refused = [w for w in words if not looks_like_a_word(w)]
    rng = random.Random(0)  # fixed strings: the same every run
    letters = "abcdefghijklmnopqrstuvwxyz"
    noise = ["".join(rng.choice(letters) for _ in range(rng.randint(5, 10))) for _ in range(500)]
    return {"real_words": len(words), "real_refused": refused,
            "random_strings": len(noise), "random_refused": sum(not looks_like_a_word(w) for w in noise)}


class _Encoder:
    """The numpy MiniLM as the old open vocabulary's embedder, answering from a cache of texts first."""

    def __init__(self, encode: Any, known: dict[str, np.ndarray]) -> None:
        self._encode = encode
        self._known = known  # text -> vector, shared by every held-out word

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            self._known.update(zip(missing, np.asarray(self._encode(missing), dtype=np.float64)))
        return np.stack([self._known[t] for t in texts])


def _targets(summary: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    for lang, by_method in summary.items():
        s = by_method["pipeline"]
        out += [
            {"what": f"{lang}: mean correlation with the held-out word ({s['words']} words)",
             "target": f">= {TARGET_CORR}", "value": s["mean_corr"],
             "met": s["mean_corr"] is not None and s["mean_corr"] >= TARGET_CORR},
            {"what": f"{lang}: mean RMS / flat EQ's RMS", "target": f"<= {TARGET_RMS_RATIO}",
             "value": s["rms_ratio_to_flat"], "met": s["rms_ratio_to_flat"] <= TARGET_RMS_RATIO},
            {"what": f"{lang}: share of sign errors (corr < {SIGN_ERROR_CORR})", "target": f"<= {TARGET_SIGN_SHARE}",
             "value": s["sign_error_share"], "met": s["sign_error_share"] <= TARGET_SIGN_SHARE},
        ]
    return out


def _fmt(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def format_markdown(result: Mapping[str, Any]) -> str:
    """Targets (met / not met), the per-language summary by method, then one row per held-out word."""
    lines = [("Each held-out word is answered from the vocabulary rebuilt without its examples (nested)."
              if result.get("nested") else "Answers come from the model's own vocabulary, which was built with the "
              "held-out word's examples (not nested: a diagnosis only, not the benchmark)."), "",
             "| target | goal | measured | met |", "|---|---|---|---|"]
    for t in result["targets"]:
        lines.append(f"| {t['what']} | {t['target']} | {_fmt(t['value'])} | {'met' if t['met'] else 'not met'} |")
    lines += ["", "| language | method | words | mean corr | mean RMS dB | RMS / flat | sign errors |",
              "|---|---|---|---|---|---|---|"]
    for lang, by_method in result["summary"].items():
        for m in METHODS:
            s = by_method[m]
            lines.append(f"| {lang} | {m} | {s['words']} | {_fmt(s['mean_corr'])} | {_fmt(s['mean_rms_db'])} | "
                         f"{_fmt(s['rms_ratio_to_flat'])} | {s['sign_error_share']:.0%} |")
    if "speed" in result:
        sp = result["speed"]
        lines += ["", f"CLI `generate warm` {sp['cli_known_s']:.2f} s, `generate sparkly --open-vocab` "
                  f"{sp['cli_unknown_s']:.2f} s (extra CPU time {sp['cli_extra_cpu_s']:.2f} s); warm process: "
                  f"unknown word {sp['server_unknown_ms_median']:.1f} ms median (CPU "
                  f"{sp['server_unknown_cpu_ms_median']:.1f} ms), {sp['server_unknown_ms_max']:.1f} ms max; "
                  f"load average {sp['load_average']:.1f} during the run."]
    lines += ["", "Settings chosen by the inner leave-one-word-out (folds choosing them):", ""]
    lines += [f"- {n} x {label}" for label, n in result["calibrations"]]
    lines += ["", "Could damping alone reach the RMS target? The single factor that would be best *on the held-out "
              "words themselves* (a diagnosis, not a setting the product uses): " + "; ".join(
                  f"{lang}: x{s:.2f} -> RMS / flat {r:.3f}" for lang, (s, r) in result["oracle_damping"].items())
              + "."]
    g = result["guard"]
    lines += ["", f"Gibberish guard: refuses {g['random_refused']} of {g['random_strings']} random letter strings "
              f"and {len(g['real_refused'])} of {g['real_words']} distinct single-word crowd descriptors "
              f"({', '.join(g['real_refused'])})."]
    if result["translation_agreement"]:
        lines += ["", "Sign errors, and how the crowd's answers for the word and for its lexicon equivalents agree "
                  "(correlation of the two crowd means):", "", "| word | corr pipeline | equivalents |",
                  "|---|---|---|"]
        for t in result["translation_agreement"]:
            eq = ", ".join(f"{rel} {o} {_fmt(c)}" for rel, o, c in t["equivalents"]) or "none known"
            lines.append(f"| {t['word']} | {_fmt(t['corr'])} | {eq} |")
    lines += ["", f"Words with >= {result['min_examples']} examples; candidate grids {result['config']}.", "",
              "| word | language | n | corr pipeline | corr learned | corr knn (old) | RMS pipeline | RMS flat | "
              "pipeline reads it as |", "|---|---|---|---|---|---|---|---|---|"]
    for r in result["words"]:
        c, e = r["corr"], r["rms_db"]
        reads = ", ".join(f"{t} {w:+.2f}" for t, w in r["pipeline"]) or "nothing (flat)"
        lines.append(f"| {r['word']} | {r['language']} | {r['examples']} | {_fmt(c['pipeline'])} | "
                     f"{_fmt(c['learned'])} | {_fmt(c['knn (old)'])} | {_fmt(e['pipeline'])} | {_fmt(e['flat'])} | "
                     f"{reads} |")
    return "\n".join(lines)


def _load_datasets(data: str) -> list[Any]:
    from eqmorph.datasets import load_safe, load_socialfx

    return [load_socialfx(data), load_safe(data)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.open_vocab", description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder holding socialfx/ and safe/ (e.g. /work/shared/data)")
    parser.add_argument("--model", help="model directory (default: the bundled model)")
    parser.add_argument("--min-examples", type=int, default=MIN_EXAMPLES, help="words with at least this many")
    parser.add_argument("--no-speed", action="store_true", help="skip the CLI and warm-process timings")
    parser.add_argument("--no-nested", action="store_true",
                        help="answer from the model's own vocabulary, which saw the held-out word (a diagnosis)")
    parser.add_argument("--json", help="also write the full result as JSON to this file")
    args = parser.parse_args(argv)

    def compute(model: Any) -> dict[str, Any]:
        return run(model, _load_datasets(args.data), args.min_examples, speed=not args.no_speed, model_dir=args.model,
                   nested=not args.no_nested)

    return report("open_vocab", args.model, compute, format_markdown, args.json)


def report(prog: str, model_dir: str | None, compute: Callable[[Any], dict[str, Any]],
           fmt: Callable[[Mapping[str, Any]], str], json_path: str | None) -> int:
    """Load the model, ``compute(model)`` the result, print ``fmt(result)`` and, with ``json_path``, write the
    result there as JSON (atomically); an eqmorph error is printed as ``PROG: error: ...`` with exit code 2."""
    try:
        import eqmorph

        result = compute(eqmorph.load(model_dir))
    except EqmorphError as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 2
    print(fmt(result))
    if json_path:
        from eqmorph.io.fileio import write_text_atomic

        write_text_atomic(json_path, json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
