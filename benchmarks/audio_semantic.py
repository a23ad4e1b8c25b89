"""Audio-domain semantic evaluation (after LLM2Fx, Doh et al. 2025): does eqmorph's "warm" sound like the crowd's?

For each English word with >= ``MIN_WORD_EXAMPLES`` examples (SocialFX English rows and SAFE-DB,
whose descriptors are English) that the model knows, and each recording in ``DATA/audio``:

- the reference is the crowd's held-out EQs for the word (the model's test split, rebuilt from its
  provenance; val+test when the test split holds fewer than ``MIN_TEST_REFERENCE`` rows);
- every EQ is turned into relative audio features of the recording (:mod:`benchmarks.audio_features`,
  |H|^2 times the dry Welch PSD), z-scored with one :class:`Standardizer` per recording fitted on the
  pooled crowd EQs of all evaluated words (all splits), so every method is measured in the same units;
- each method is compared with the reference by unbiased MMD^2 (Gaussian kernel, one bandwidth per
  recording: the median heuristic on that pooled crowd set).  Lower is better.

Methods: ``eqmorph`` (the word's EQ, one point = a deterministic generator), ``eqmorph_sample``
(``n`` = reference size variations, averaged over ``REPEATS`` seeds), ``word_mean`` (mean training EQ),
``floweq`` (FlowEQ-style beta-VAE centroid, trained on the model's train split), ``random`` (lower
bound: parameters uniform in model space, i.e. over eqmorph's ranges, log in frequency and Q,
``REPEATS`` draws of reference size), ``crowd_train`` (upper bound: the crowd's own train-split EQs of
the word).  Also reported: the distance of each single EQ to the reference mean (z units) next to
the reference's own RMS spread, a direction check (spectral centroid, low-mid vs high energy, tilt)
for eqmorph's EQ and the crowd, and the shortcut's largest deviation from real filtering of eqmorph's EQ.

SocialFX's curve fits are cached by :mod:`eqmorph.datasets.fit_cache`; the trained FlowEQ is cached
here, in ``audio_semantic/`` of the same cache folder, keyed by its training data, config, the eqmorph
version and the baseline's source, so repeated runs (and ``--quick``) skip both.

Run: ``python -m benchmarks.audio_semantic --data ../shared/data [--model DIR] [--quick] [--json F] [--md F]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from scipy import signal

import eqmorph
from benchmarks import audio_features as af
from eqmorph.audio.files import read_audio
from eqmorph.baselines import FlowEQBaseline, FlowEQConfig, WordMeanBaseline
from eqmorph.baselines import floweq as floweq_module
from eqmorph.core import dsp
from eqmorph.core.eq import canonical_array
from eqmorph.core.ranges import from_model_space
from eqmorph.datasets.experiment import SplitSpec, load_dataset, split_dataset
from eqmorph.datasets.fit_cache import cache_dir
from eqmorph.datasets.paths import data_root
from eqmorph.errors import DataUnavailableError, EqmorphError, ModelFileError
from eqmorph.io.fileio import write_text_atomic
from eqmorph.semantic.morph import load

INSTRUMENTS = ("drums", "guitar", "piano")
SECONDS = 8.0  # analysed from the start of each recording: ~43 Welch segments, plenty for band energies
QUICK_SECONDS = 4.0
QUICK_WORDS = ("warm", "bright")
QUICK_INSTRUMENTS = ("guitar",)
MIN_WORD_EXAMPLES = 20  # English examples over all splits for a word to be evaluated
MIN_TEST_REFERENCE = 10  # fewer test rows than this: the reference is val+test
REPEATS = 5  # seeds averaged for the stochastic methods (eqmorph_sample, random)
SEED = 0
METHODS = ("eqmorph", "eqmorph_sample", "word_mean", "floweq", "random", "crowd_train", "best_crowd_point")
POINT_METHODS = ("eqmorph", "word_mean", "floweq")
LABELS = {"eqmorph": "eqmorph", "eqmorph_sample": "eqmorph sample", "word_mean": "word mean", "floweq": "FlowEQ",
          "random": "random (lower)", "crowd_train": "crowd train (upper)", "best_crowd_point": "best 1 crowd EQ"}
EXPECTED = {"bright": ("centroid_oct", 1.0), "warm": ("low_mid_vs_high_db", 1.0)}  # producer's expectations
DIRECTION_MEASURES = ("centroid_oct", "low_mid_vs_high_db", "tilt_db_per_oct")
_IDX = {n: i for i, n in enumerate(af.FEATURE_NAMES)}
Log = Callable[[str], None]


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- data and cache -----------------------------------------------------------------------------
def load_split(spec: SplitSpec, data_path: str, log: Log) -> dict[str, np.ndarray]:
    """Every row of the model's dataset with its part: params ``(n, 5, 3)``, terms, lang, part (0/1/2) ``(n,)``."""
    log(f"loading the {spec.dataset!r} data (SocialFX curve fits are cached by eqmorph.datasets after the first run)")
    full = load_dataset(spec.dataset, data_path)
    parts = split_dataset(full, spec)
    part_of = {i: p for p, ds in enumerate(parts) for i in ds.ids}
    return {"params": full.params_array(), "terms": np.array(full.terms, dtype=str),
            "lang": np.array([lang or "" for lang in full.lang], dtype=str),
            "part": np.array([part_of[i] for i in full.ids], dtype=np.int8)}


def floweq_cache_dir(params: np.ndarray, terms: Sequence[str], config: FlowEQConfig) -> Path:
    """Cache folder of a FlowEQ trained on ``params`` ``(n, 5, 3)`` / ``terms`` with ``config``.

    The key hashes the training data, the config, the eqmorph version and the baseline's source.
    """
    h = hashlib.sha256(np.ascontiguousarray(params, dtype=np.float64).tobytes())
    h.update("\n".join(terms).encode())
    h.update(json.dumps(asdict(config), sort_keys=True).encode())
    h.update(eqmorph.__version__.encode())
    h.update(Path(floweq_module.__file__).read_bytes())
    return cache_dir() / "audio_semantic" / f"floweq-{h.hexdigest()[:20]}"


def choose_words(data: dict[str, np.ndarray], known: set[str], quick: bool, log: Log) -> dict[str, int]:
    """English words with >= MIN_WORD_EXAMPLES examples that every model knows -> example count."""
    english = data["lang"] != "es"
    words, counts = np.unique(data["terms"][english], return_counts=True)
    frequent = sorted(((str(w), int(c)) for w, c in zip(words, counts) if c >= MIN_WORD_EXAMPLES),
                      key=lambda wc: (-wc[1], wc[0]))
    chosen = {}
    for w, c in frequent:
        if w in known:
            chosen[w] = c
        else:
            log(f"skipped word {w!r} ({c} examples): not in every model's vocabulary")
    if quick:
        keep = [w for w in QUICK_WORDS if w in chosen] or list(chosen)[:2]
        chosen = {w: chosen[w] for w in keep}
    return chosen


def load_recordings(data_path: str, instruments: Sequence[str], seconds: float, log: Log) -> dict[str, Any]:
    """Instrument -> (mono samples, sample rate), first ``seconds`` of ``DATA/audio/<name>.wav``."""
    out = {}
    for name in instruments:
        path = Path(data_path) / "audio" / f"{name}.wav"
        if not path.is_file():
            log(f"skipped instrument {name!r}: {path} is missing")
            continue
        x, sr = read_audio(path)
        out[name] = (af.mono(x[: int(seconds * sr)]), float(sr))
    if not out:
        raise DataUnavailableError(f"no recordings found in {Path(data_path) / 'audio'}: expected "
                                   f"{', '.join(n + '.wav' for n in instruments)}")
    return out


def floweq_baseline(data: dict[str, np.ndarray], use_cache: bool, quick: bool,
                    log: Log) -> tuple[FlowEQBaseline | None, str]:
    """FlowEQ trained on the train split (cached), or None and the reason it is not available."""
    cfg = FlowEQConfig()
    train = data["part"] == 0
    params, terms = data["params"][train], [str(t) for t in data["terms"][train]]
    folder = floweq_cache_dir(params, terms, cfg)
    if use_cache and folder.is_dir():
        return FlowEQBaseline.load(folder), f"FlowEQ-style beta-VAE (beta={cfg.beta:g}), train split, cached"
    if quick:
        return None, "not available: --quick does not train FlowEQ (run the full benchmark once to cache it)"
    log(f"training the FlowEQ baseline on {len(terms)} train rows ({cfg.epochs} epochs; cached afterwards)")
    try:
        model = FlowEQBaseline.fit(params, terms, cfg)
    except ModuleNotFoundError as exc:
        if exc.name != "torch":
            raise
        return None, "not available: training FlowEQ needs torch"
    if use_cache:
        folder.parent.mkdir(parents=True, exist_ok=True)
        model.save(folder)
    return model, f"FlowEQ-style beta-VAE (beta={cfg.beta:g}), trained on the train split"


# --- evaluation ---------------------------------------------------------------------------------
def _random_params(n: int, rng: np.random.Generator) -> np.ndarray:
    return canonical_array(from_model_space(rng.uniform(-1.0, 1.0, (n, 5, 3))))


def _direction(f: np.ndarray) -> dict[str, np.ndarray]:
    """Direction measures of features ``(n, F)`` -> name -> ``(n,)``."""
    return {"centroid_oct": f[:, _IDX["centroid_oct"]],
            "low_mid_vs_high_db": f[:, _IDX["share_low_mid_db"]] - f[:, _IDX["share_high_db"]],
            "tilt_db_per_oct": f[:, _IDX["tilt_db_per_oct"]]}


def evaluate_recording(dry: np.ndarray, sample_rate: float, generators: dict[str, Any], word_rows: dict[str, Any],
                       seed: int = SEED) -> dict[str, Any]:
    """Every word on one recording: MMD^2 per method, distances, direction and shortcut check.

    generators: method -> ``f(word, n, seed) -> (k, 5, 3)`` (None: not available);
    word_rows: word -> {"reference": (n, 5, 3), "train": (m, 5, 3)} crowd EQs.
    """
    spec = af.dry_spectrum(dry, sample_rate)

    def feats(params: np.ndarray) -> np.ndarray:
        return af.features_for_eqs(spec, params, sample_rate)

    pooled = np.concatenate([np.concatenate([r["reference"], r["train"]]) for r in word_rows.values()])
    pooled_feats = feats(pooled)
    scaler = af.Standardizer.fit(pooled_feats)  # once per recording; every method is scored in these units
    bandwidth = af.median_bandwidth(scaler.transform(pooled_feats), seed=seed)
    out: dict[str, Any] = {"bandwidth": bandwidth, "words": {}}
    for w, rows in word_rows.items():
        ref_raw = feats(rows["reference"])
        ref = scaler.transform(ref_raw)
        n = len(ref)
        res: dict[str, Any] = {"mmd2": {}, "distance_to_reference_mean": {},
                               "reference_spread": float(np.sqrt(((ref - ref.mean(0)) ** 2).sum(1).mean()))}
        raw_points = {}
        for method, gen in generators.items():
            if gen is None:
                continue
            repeats = REPEATS if method in ("eqmorph_sample", "random") else 1
            values = []
            for r in range(repeats):
                raw = feats(gen(w, n, seed + r))
                values.append(af.mmd_rbf(scaler.transform(raw), ref, bandwidth))
            res["mmd2"][method] = float(np.mean(values))
            if method in POINT_METHODS:
                raw_points[method] = raw[0]
                res["distance_to_reference_mean"][method] = float(np.linalg.norm(scaler.transform(raw[0])
                                                                                 - ref.mean(0)))
        crowd_train = scaler.transform(feats(rows["train"]))
        res["mmd2"]["crowd_train"] = af.mmd_rbf(crowd_train, ref, bandwidth)
        # The floor for one-EQ methods: no single point matches a spread-out crowd.  Picked on the
        # reference itself, so it is an optimistic (oracle) value, for scale only.
        res["mmd2"]["best_crowd_point"] = min(af.mmd_rbf(c[None], ref, bandwidth) for c in crowd_train)
        crowd = _direction(ref_raw)
        res["direction"] = {m: {"crowd_mean": float(crowd[m].mean()), "crowd_sd": float(crowd[m].std()),
                                **{k: float(_direction(v[None])[m][0]) for k, v in raw_points.items()}}
                            for m in DIRECTION_MEASURES}
        if w in EXPECTED:
            m, sign = EXPECTED[w]
            res["direction"][m]["expected_sign"] = sign
            res["direction"][m]["agrees"] = {k: bool(np.sign(v) == sign) for k, v in res["direction"][m].items()
                                             if k in (*POINT_METHODS, "crowd_mean")}
        if "eqmorph" in generators:
            p = generators["eqmorph"](w, 1, seed)[0]
            wet = signal.sosfilt(dsp.sos_np(p, sample_rate), dry)
            res["shortcut_check_max_abs"] = float(np.abs(af.features(dry, wet, sample_rate) - raw_points["eqmorph"])
                                                  .max())
        out["words"][w] = res
    return out


def run(model_path: str | None = None, data_path: str = "../shared/data", *, quick: bool = False,
        use_cache: bool = True, log: Log = _stderr) -> dict[str, Any]:
    """The whole evaluation; returns the JSON-ready result (see the module docstring)."""
    t0 = time.perf_counter()
    try:
        model = load(model_path)
    except ModelFileError as exc:
        if model_path is not None:
            raise
        hint = "the bundled model is not there yet: pass --model DIR (e.g. runs/model-v1)"
        raise ModelFileError(f"{exc}; {hint}") from exc
    spec = SplitSpec.from_provenance(model.checkpoint.provenance)
    if spec.val_fraction == 0.0 and spec.test_fraction == 0.0:
        raise EqmorphError("the model was trained on every row: no held-out crowd EQs to compare it with; pass "
                           "--model of a model trained with a split (eqmorph train without --all-data)")
    data = load_split(spec, data_path, log)
    t_data = time.perf_counter()
    train = data["part"] == 0
    word_mean = WordMeanBaseline.fit(data["params"][train], list(data["terms"][train]))
    floweq, floweq_note = floweq_baseline(data, use_cache, quick, log)
    if floweq is None:
        log(f"FlowEQ column left out: {floweq_note}")
    known = set(model.terms) & set(word_mean.terms) & (set(floweq.terms) if floweq is not None else set(model.terms))
    words = choose_words(data, known, quick, log)
    if not words:
        raise EqmorphError(f"no English word has >= {MIN_WORD_EXAMPLES} examples known to every model")
    recordings = load_recordings(data_path, QUICK_INSTRUMENTS if quick else INSTRUMENTS,
                                 QUICK_SECONDS if quick else SECONDS, log)
    t_ready = time.perf_counter()

    english = data["lang"] != "es"
    word_rows, word_info = {}, {}
    for w, count in words.items():
        rows = english & (data["terms"] == w)
        parts = {name: int((rows & (data["part"] == p)).sum()) for p, name in enumerate(("train", "val", "test"))}
        which = "test" if parts["test"] >= MIN_TEST_REFERENCE else "val+test"
        ref = rows & ((data["part"] == 2) if which == "test" else (data["part"] >= 1))
        if ref.sum() < 2 or parts["train"] < 2:
            log(f"skipped word {w!r}: {int(ref.sum())} held-out and {parts['train']} train rows (need 2 each)")
            continue
        if which != "test":
            log(f"word {w!r}: only {parts['test']} test rows, the reference is val+test ({int(ref.sum())} rows)")
        word_rows[w] = {"reference": data["params"][ref], "train": data["params"][rows & (data["part"] == 0)]}
        word_info[w] = {"examples_english": count, **parts, "reference": which, "n_reference": int(ref.sum())}
    if not word_rows:
        raise EqmorphError("no word has enough held-out and train rows to evaluate (see the messages above)")

    def sample(w: str, n: int, s: int) -> np.ndarray:
        return np.stack([e.to_array() for e in model.sample(w, n, seed=s)])

    generators = {
        "eqmorph": lambda w, n, s: model.generate_params(w)[None],
        "eqmorph_sample": sample,
        "word_mean": lambda w, n, s: word_mean.generate_params(w)[None],
        "floweq": None if floweq is None else (lambda w, n, s: floweq.generate_params(w)[None]),
        "random": lambda w, n, s: _random_params(n, np.random.default_rng(1000 + s)),
    }
    results = {}
    for name, (dry, sr) in recordings.items():
        log(f"evaluating on {name}")
        results[name] = evaluate_recording(dry, sr, generators, word_rows)
    t_end = time.perf_counter()

    cells = [results[i]["words"][w]["mmd2"] for i in results for w in word_rows]
    average = {m: float(np.mean([c[m] for c in cells])) for m in METHODS if all(m in c for c in cells)}
    return {
        "model": {"path": str(model_path) if model_path else "bundled", "model_id": model.model_id,
                  "split": asdict(spec)},
        "quick": quick,
        "instruments": {n: {"seconds": len(d) / sr, "sample_rate": sr} for n, (d, sr) in recordings.items()},
        "words": word_info,
        "methods": {"eqmorph": "model.generate (one EQ)", "eqmorph_sample": f"model.sample, n = reference size, "
                    f"mean of {REPEATS} seeds", "word_mean": "per-word mean of the train split",
                    "floweq": floweq_note, "random": f"uniform in model space, n = reference size, mean of {REPEATS}",
                    "crowd_train": "the crowd's train-split EQs of the word",
                    "best_crowd_point": "oracle floor for one-EQ methods: the train-split crowd EQ of the word with "
                                        "the lowest MMD^2 to the reference (chosen on the reference)"},
        "results": results,
        "average_mmd2": average,
        "protocol": {"features": list(af.FEATURE_NAMES), "mmd": "unbiased MMD^2, Gaussian kernel, median-heuristic "
                     "bandwidth on the pooled crowd features of each recording; one-point samples are point masses",
                     "standardisation": "z-score per recording, fitted once on the pooled crowd EQs of all words",
                     "min_word_examples": MIN_WORD_EXAMPLES, "min_test_reference": MIN_TEST_REFERENCE},
        "seconds": {"data": t_data - t0, "setup": t_ready - t_data, "evaluation": t_end - t_ready,
                    "total": t_end - t0},
    }


# --- output -------------------------------------------------------------------------------------
def _f(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def format_markdown(result: dict[str, Any]) -> str:
    """The MMD table (per word and instrument, and the average) and the direction check, as markdown."""
    methods = [m for m in METHODS if m in result["average_mmd2"]]
    head = ["word", "instrument", "n ref", *(LABELS[m] for m in methods), "eqmorph dist / ref spread"]
    # No top-level heading: benchmarks/report.py puts this under its own "## Audio-domain semantic ..." title.
    lines = [f"{'Quick' if result['quick'] else 'Full'} run, model {result['model']['model_id']} "
             f"({result['model']['path']}): unbiased MMD² of z-scored relative audio features against the crowd's "
             "held-out EQs of each word; lower is better.", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for inst, rec in result["results"].items():
        for w, res in rec["words"].items():
            d = res["distance_to_reference_mean"].get("eqmorph")
            lines.append(f"| {w} | {inst} | {result['words'][w]['n_reference']} | "
                         + " | ".join(_f(res["mmd2"].get(m)) for m in methods)
                         + f" | {_f(d, 2)} / {_f(res['reference_spread'], 2)} |")
    lines.append("| **average** | | | " + " | ".join(f"**{_f(result['average_mmd2'][m])}**" for m in methods) + " | |")
    notes = [f"- {w}: {i['examples_english']} English examples (train {i['train']}, val {i['val']}, test "
             f"{i['test']}); reference = {i['reference']} ({i['n_reference']} EQs)" for w, i in result["words"].items()]
    missing = [f"- {LABELS[m]}: {d}" for m, d in result["methods"].items() if str(d).startswith("not available")]
    lines += ["", *notes, *missing, "", "### Direction check (raw feature changes, crowd = held-out mean ± sd)", "",
              "| word | instrument | measure | expected | eqmorph | word mean | crowd |", "|---" * 7 + "|"]
    for inst, rec in result["results"].items():
        for w, res in rec["words"].items():
            for m, v in res["direction"].items():
                sign = v.get("expected_sign")
                expected = "" if sign is None else ("> 0" if sign > 0 else "< 0") + (
                    " ✓" if v["agrees"].get("eqmorph") else " ✗ (eqmorph)")
                lines.append(f"| {w} | {inst} | {m} | {expected} | {_f(v.get('eqmorph'), 2)} | "
                             f"{_f(v.get('word_mean'), 2)} | {v['crowd_mean']:.2f} ± {v['crowd_sd']:.2f} |")
    checks = [res["shortcut_check_max_abs"] for rec in result["results"].values() for res in rec["words"].values()
              if "shortcut_check_max_abs" in res]
    if checks:
        lines += ["", f"Shortcut check: features of eqmorph's EQs from |H|² × dry PSD differ from real filtering by "
                  f"at most {max(checks):.3f} (dB, octaves or dB/oct) over all words and recordings."]
    s = result["seconds"]
    lines += ["", f"Time: {s['total']:.1f} s (data {s['data']:.1f} s, baselines and audio {s['setup']:.1f} s, "
              f"evaluation {s['evaluation']:.1f} s)."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.audio_semantic", description=__doc__.splitlines()[0])
    shared = Path(__file__).resolve().parents[2] / "shared" / "data"
    parser.add_argument("--data", default=str(data_root(None, shared) or shared),
                        help="folder holding socialfx/, safe/ and audio/ (default $EQMORPH_DATA or ../shared/data)")
    parser.add_argument("--model", help="model directory (default: the bundled model)")
    parser.add_argument("--quick", action="store_true", help=f"{len(QUICK_WORDS)} words, "
                        f"{', '.join(QUICK_INSTRUMENTS)} only, {QUICK_SECONDS:g} s, FlowEQ only if cached")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the FlowEQ cache")
    parser.add_argument("--json", help="write the full result as JSON to this file")
    parser.add_argument("--md", help="write the markdown tables to this file")
    args = parser.parse_args(argv)
    try:
        result = run(args.model, args.data, quick=args.quick, use_cache=not args.no_cache)
        text = format_markdown(result)
        if args.json:
            write_text_atomic(args.json, json.dumps(result, indent=1, ensure_ascii=False) + "\n")
        if args.md:
            write_text_atomic(args.md, text)
    except EqmorphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
