"""Why the Spanish open-vocabulary targets are missed: evidence per held-out word, and two variants measured.

The same leave-one-word-out as :mod:`benchmarks.open_vocab` (words with >= 5 examples, scored against the
held-out word's crowd mean response, sign error = correlation < -0.3, each word answered from the vocabulary
rebuilt without its examples; nothing about the metric, the words or the thresholds changes here). For
every held-out word it adds:

* **how much the word's own crowd agrees with itself**: the split-half correlation of its examples' mean
  responses (200 random halves, Spearman-Brown corrected to the whole crowd) and the share of examples
  whose response correlates negatively with the mean of the others. A crowd mean its own examples do not
  agree on cannot be predicted from anything else either;
* **what the crowd's answer sounds like**: the known words whose crowd means correlate most with it, in
  the word's own language and in the other; and how it agrees with the same crowd's own equivalents (the
  Spanish words the lexicon translates to the same English word, e.g. alegre and feliz: happy);
* **how the pipeline answered**: the kind of lexicon evidence it had (translation or synonym =
  ``equivalent``, only an opposite = ``antonym``, none = ``embedding``).

Also: every Spanish crowd word against the English crowd words it translates to (how often translation
can be right at all). Two principled variants, each with every setting chosen inside the fold as the product does
(:func:`eqmorph.language.calibration.calibrate` over the other words only):

* ``same-language map (rho)``: the learned map with its kernel multiplied by ``rho`` between words of
  different languages (the known words' language from the model's per-language counts; an asked word is
  Spanish when the lexicon translates it), so a Spanish word leans on the Spanish crowd's own words.
  ``rho = 1`` is the product's map; answers are undamped map readings (the damping is one factor per
  answer and does not change a correlation);
* ``per-language calibration``: the pipeline with the lexicon share and the damping of each kind chosen
  on the inner held-out words *of the asked word's language* only (a translation's reliability learned
  per language); T and lam stay the pooled choice; a kind with no inner word of that language keeps the
  pooled setting.

Run: ``python -m benchmarks.open_vocab_diagnosis --data /work/shared/data [--model DIR] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from benchmarks.open_vocab import (
    MIN_EXAMPLES,
    N_FREQS,
    SAMPLE_RATE,
    _fmt,
    _load_datasets,
    _pearson,
    _rms,
    _summary,
    answering_words,
    held_out_setup,
    report,
)
from eqmorph.core.dsp import response_db_np
from eqmorph.errors import EqmorphError, ParameterError
from eqmorph.language import lexicon
from eqmorph.language.calibration import (
    KINDS,
    Calibration,
    InnerFolds,
    best_damping,
    best_shares,
    held_out_words,
    kind_of,
)
from eqmorph.language.compose import signed_blend_params
from eqmorph.language.learned import (
    LearnedVocabulary,
)
from eqmorph.language.parse import Parser
from eqmorph.semantic.path import scale_gains

RHOS = (1.0, 0.5, 0.25, 0.0)  # cross-language kernel factors tried: the product's map, then ever more same-language
SPLITS = 200  # random half splits per word for the split-half agreement


def crowd_agreement(examples: np.ndarray, splits: int = SPLITS, seed: int = 0) -> dict[str, float]:
    """How well a crowd's examples ``(m, F)`` (dB responses) agree on their mean.

    ``split_half``: mean correlation of the mean responses of two random disjoint halves;
    ``reliability``: that corrected to the whole crowd (Spearman-Brown, ``2 r / (1 + r)``), 0 when the halves
    do not agree at all (r <= 0); ``against_rest``: share of examples correlating negatively with the others' mean.
    """
    from eqmorph.training.vocabulary import split_half_correlation  # the model's own reliability measure

    x = np.asarray(examples, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2:
        raise ParameterError("examples", f"shape {x.shape}", "(m, F) responses with m >= 2")
    r = split_half_correlation(x, np.random.default_rng(seed), splits)
    rest = [_pearson(x[i], np.delete(x, i, 0).mean(0)) for i in range(x.shape[0])]
    return {"split_half": r, "reliability": 2 * r / (1 + r) if r > 0 else 0.0,
            "against_rest": float(np.mean([c is not None and c < 0 for c in rest]))}


def same_language_coef(vocab: LearnedVocabulary, word: str, rho: float, spanish: Callable[[str], bool]) -> np.ndarray:
    """The learned map's blend ``(k,)`` over ``vocab.terms`` for ``word``, its kernel multiplied by ``rho`` between
    row texts (and the asked word) of different languages (``spanish(text)``); ``rho = 1`` is the product's map."""
    if not 0.0 <= rho <= 1.0:
        raise ParameterError("rho", rho, "a number in [0, 1]")
    cal = vocab.calibration
    texts, words, signs, weight = vocab._rows(None)
    x = np.stack([vocab.represent(t) for t in texts])  # (n, dim)
    lang = np.array([spanish(t) for t in texts])
    cross = np.where(lang[:, None] == lang[None, :], 1.0, rho)
    kernel = np.exp((x @ x.T - 1.0) / cal.kernel_temperature) * cross
    k_q = np.exp((x @ vocab.represent(word) - 1.0) / cal.kernel_temperature) * np.where(lang == spanish(word), 1.0, rho)
    alpha = np.linalg.solve(kernel + cal.ridge * np.diag(1.0 / weight), k_q)
    coef, _ = vocab._coef(words, signs, vocab._mean_share(words, weight), alpha, k_q)
    return coef


def per_language_calibration(vocab: LearnedVocabulary, spanish: bool, is_spanish: Callable[[str], bool]) -> Calibration:
    """``vocab``'s calibration with each kind's lexicon share and damping re-chosen on the inner held-out words of
    one language only (``spanish``); T and lam, and any kind without such a word, keep the pooled choice."""
    pooled = vocab.calibration
    held, readings = held_out_words(vocab)
    mine = [i for i in held if is_spanish(vocab.terms[i]) == spanish]
    if len(mine) < 3:  # too few words of that language to choose anything: the pooled settings
        return pooled
    pred, conf = InnerFolds(vocab, mine).predictions(pooled.kernel_temperature, pooled.ridge)
    truth = {i: vocab._y[i] for i in mine}
    shares, answers = best_shares(vocab.config.lexicon_shares, pred, readings, truth)
    share, shrink, power = dict(pooled.lexicon_share), dict(pooled.shrink), dict(pooled.power)
    for kind in KINDS:
        group = [i for i in mine if readings[i][0] == kind]
        if group:
            if kind in share:
                share[kind] = shares[kind]
            shrink[kind], power[kind] = best_damping(vocab.config, group, conf, answers, truth)
    return Calibration(pooled.kernel_temperature, pooled.ridge, share, shrink, power, pooled.inner_corr, len(mine))


def run(model: Any, datasets: Sequence[Any], model_dir: str | None = None,
        min_examples: int = MIN_EXAMPLES, nested: bool = True) -> dict[str, Any]:
    """Per held-out word: crowd agreement, nearest crowds, answer kind, and the variants' scores; summaries.

    nested: each held-out word is answered from the vocabulary rebuilt without its examples, as in
    :func:`benchmarks.open_vocab.run`.
    """
    held = held_out_setup(model, datasets, min_examples, model_dir, nested)
    freqs_hz, responses, term_arr, spanish_arr = held.freqs_hz, held.responses, held.term_arr, held.spanish_arr
    n_examples, chosen, without = held.n_examples, held.chosen, held.without
    config, embeddings, encode = held.config, held.embeddings, held.encode
    crowd = {t: responses[term_arr == t].mean(0) for t in model.terms if n_examples[t] > 0}
    crowd_spanish = {t: bool(spanish_arr[term_arr == t].mean() > 0.5) for t in crowd}
    known_spanish = {t: _spanish_by_counts(model.word_info(t).counts_by_language) for t in model.terms}

    def text_spanish(text: str) -> bool:  # a known word: its crowd's language; any other: translated = Spanish
        return known_spanish.get(text, bool(lexicon.english_translations(text)))

    rows = []
    for word in chosen:
        truth = crowd[word]
        others, counts, word_params, map_resp = answering_words(without(word), word)

        def response_of(weights: Sequence[tuple[str, float]],
                        word_params: dict[str, np.ndarray] = word_params) -> np.ndarray:
            if not weights:
                return np.zeros(N_FREQS)
            return response_db_np(signed_blend_params(list(weights), word_params.__getitem__, scale_gains),
                                  freqs_hz, SAMPLE_RATE)

        learned = LearnedVocabulary(others, counts, np.stack([map_resp[t] for t in others]), embeddings, encode,
                                    config)
        parser = Parser(counts, learned)
        found = parser.lexicon_meanings(word)
        answers = {"pipeline": _weights(parser, word)}
        cal = per_language_calibration(learned, bool(lexicon.english_translations(word)), text_spanish)
        answers["per-language calibration"] = _weights(
            Parser(counts, LearnedVocabulary(others, counts, np.stack([map_resp[t] for t in others]), embeddings,
                                             encode, config, calibration=cal)), word)
        for rho in RHOS:
            coef = same_language_coef(learned, word, rho, text_spanish)
            answers[f"same-language map (rho {rho:g})"] = [
                (t, float(c)) for t, c in zip(learned.terms, coef) if abs(c) >= config.min_share]
        curves = {name: response_of(w) for name, w in answers.items()} | {"flat": np.zeros_like(truth)}
        near = sorted(((_pearson(truth, crowd[t]) or 0.0, t) for t in crowd if t != word), reverse=True)
        lang = "Spanish" if crowd_spanish[word] else "English"
        rows.append({
            "word": word, "language": lang, "examples": int(n_examples[word]),
            "agreement": crowd_agreement(responses[term_arr == word]),
            "kind": "other" if not found and Parser(counts).meanings(word) else kind_of(found),
            "lexicon": [(m.word, m.how) for m in found],
            "near_same": [(t, c) for c, t in near if crowd_spanish[t] == crowd_spanish[word]][:3],
            "near_other": [(t, c) for c, t in near if crowd_spanish[t] != crowd_spanish[word]][:2],
            # the Spanish words sharing an English translation with it: the same crowd's own equivalents
            "same_crowd_equivalents": [(t, _pearson(truth, crowd[t]) or 0.0) for t in crowd if t != word
                                       and crowd_spanish[t] and set(lexicon.english_translations(t))
                                       & set(lexicon.english_translations(word))],
            "corr": {m: _pearson(c, truth) for m, c in curves.items()},
            "rms_db": {m: _rms(c - truth) for m, c in curves.items()},
        })
    methods = list(answers)
    summary = {lang: {m: _summary([r for r in rows if r["language"] == lang], m) for m in methods}
               for lang in ("English", "Spanish") if any(r["language"] == lang for r in rows)}
    # Every Spanish crowd word against each English crowd word it translates to: how often the crowds agree.
    pairs = [(t, e, _pearson(crowd[t], crowd[e]) or 0.0) for t in crowd if crowd_spanish[t]
             for e in lexicon.english_translations(t) if e in crowd and not crowd_spanish[e]]
    return {"words": rows, "summary": summary, "methods": methods, "translation_pairs": pairs}


def _spanish_by_counts(by_language: Mapping[str, int]) -> bool:
    spanish = int(by_language.get("es", 0))
    return spanish > sum(int(c) for k, c in by_language.items() if k != "es")


def _weights(parser: Parser, word: str) -> list[tuple[str, float]]:
    try:
        return list(parser.parse(word).weights)
    except EqmorphError:
        return []


def format_markdown(result: Mapping[str, Any]) -> str:
    """The variants' summary per language, then the evidence per Spanish word and per sign error."""
    lines = ["| language | method | words | mean corr | RMS / flat | sign errors |", "|---|---|---|---|---|---|"]
    for lang, by_method in result["summary"].items():
        for m in result["methods"]:
            s = by_method[m]
            lines.append(f"| {lang} | {m} | {s['words']} | {_fmt(s['mean_corr'])} | "
                         f"{_fmt(s['rms_ratio_to_flat'])} | {s['sign_error_share']:.0%} |")
    pairs = result["translation_pairs"]
    if pairs:
        corr = np.array([c for _, _, c in pairs])
        lines += ["", f"Spanish crowd words against the English crowd words they translate to ({len(pairs)} pairs): "
                  f"mean correlation of the crowd means {corr.mean():.2f}, negative for {int((corr < 0).sum())} "
                  f"({', '.join(f'{t}-{e} {c:+.2f}' for t, e, c in pairs if c < 0)})."]
    lines += ["", "| word | language | n | crowd split-half r (whole crowd) | examples against the rest | "
              "answered by | corr pipeline | same crowd's equivalents | its crowd sounds like (same language; other) |",
              "|---|---|---|---|---|---|---|---|---|"]
    for r in result["words"]:
        if r["language"] != "Spanish" and (r["corr"]["pipeline"] or 0.0) >= -0.3:
            continue
        a = r["agreement"]
        how = r["kind"] + (" (" + ", ".join(f"{how} {w}" for w, how in r["lexicon"]) + ")" if r["lexicon"] else "")
        same = ", ".join(f"{t} {c:+.2f}" for t, c in r["same_crowd_equivalents"])
        near = (", ".join(f"{t} {c:+.2f}" for t, c in r["near_same"]) + "; "
                + ", ".join(f"{t} {c:+.2f}" for t, c in r["near_other"]))
        lines.append(f"| {r['word']} | {r['language']} | {r['examples']} | {a['split_half']:+.2f} "
                     f"({a['reliability']:.2f}) | {a['against_rest']:.0%} | {how} | {_fmt(r['corr']['pipeline'])} | "
                     f"{same or '—'} | {near} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.open_vocab_diagnosis",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder holding socialfx/ and safe/ (e.g. /work/shared/data)")
    parser.add_argument("--model", help="model directory (default: the bundled model)")
    parser.add_argument("--json", help="also write the full result as JSON to this file")
    args = parser.parse_args(argv)
    return report("open_vocab_diagnosis", args.model,
                  lambda model: run(model, _load_datasets(args.data), args.model), format_markdown, args.json)


if __name__ == "__main__":
    sys.exit(main())
