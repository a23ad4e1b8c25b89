"""``eqmorph evaluate``: cross-validate eqmorph against fair baselines, or measure one trained model.

Without ``--model`` (the default): k-fold cross-validation over all the data
(:mod:`eqmorph.evaluation.cv`), writing ``cv.json`` and ``cv.md`` (the tables docs/benchmarks.md quotes).

With ``--model DIR``: the model directory's ``provenance.json`` says which data and which split it was
trained on; the same split is rebuilt through :mod:`eqmorph.datasets.experiment`, after checking that the
data files are the very files the model was trained on (otherwise "test" rows could have been training
rows). The word-mean and FlowEQ baselines are trained on the same train part, and every model is
evaluated on the test part, per dataset and combined. A model trained on every row (the bundled one)
has no test part: use cross-validation for it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from eqmorph.cli.common import add_model_arg, require_module
from eqmorph.errors import DataFormatError, ParameterError
from eqmorph.io.fileio import file_sha256


def check_same_files(provenance: Mapping[str, Any], files: Mapping[str, Path]) -> None:
    """Raise :class:`DataFormatError` if a data file differs from the one recorded in ``provenance``.

    files: source -> data file found now. Sources without a recorded hash are not checked.
    """
    recorded = provenance.get("files")
    if not isinstance(recorded, Mapping):
        return
    for source, path in files.items():
        want = recorded.get(source, {}).get("sha256") if isinstance(recorded.get(source), Mapping) else None
        if want and file_sha256(path) != want:
            raise DataFormatError(
                f"{source} data {str(path)!r} is not the file the model was trained on (sha256 differs from "
                f"provenance.json), so the rebuilt test split would not be held out; pass --data pointing at "
                f"the training data"
            )


def load_test_split(model: Any, data: str | None) -> tuple[Any, Any, dict[str, Any]]:
    """``(train, test, split settings)`` of ``model``, rebuilt from its provenance and ``data``."""
    from eqmorph.datasets.experiment import SplitSpec, data_files, load_dataset, split_dataset

    prov = model.checkpoint.provenance
    spec = SplitSpec.from_provenance(prov)
    check_same_files(prov, data_files(spec.dataset, data))
    train, _val, test = split_dataset(load_dataset(spec.dataset, data), spec)
    return train, test, dict(prov["split"])


def default_out_dir(model_dir: str | Path) -> Path:
    """``<model dir's parent>/eval``; for a bare relative name that is ``./eval``."""
    return Path(model_dir).expanduser().resolve().parent / "eval"


def run_cross_validation(args: argparse.Namespace) -> int:
    """``eqmorph evaluate`` without ``--model``: k-fold CV, tables to ``--out`` (default ./eval-cv)."""
    import json
    from dataclasses import replace

    from eqmorph.core import dsp
    from eqmorph.datasets.responses import load_with_references
    from eqmorph.evaluation.cv import CV_TRAIN, CVConfig, default_variant, run_cv
    from eqmorph.evaluation.cv_report import render_markdown
    from eqmorph.io.fileio import write_text_atomic

    out = Path(args.out) if args.out else Path("eval-cv")
    if out.exists() and not out.is_dir():
        raise ParameterError("--out", str(out), "a folder (or a path where one can be created)")
    if args.folds < 2:
        raise ParameterError("--folds", args.folds, "an integer >= 2")
    epochs = args.epochs if args.epochs is not None else CV_TRAIN.epochs
    if epochs < 1:
        raise ParameterError("--epochs", epochs, "an integer >= 1")
    cfg = CVConfig(folds=args.folds, train=replace(CV_TRAIN, epochs=epochs, patience=epochs),
                   floweq=not args.no_floweq)
    require_module("pyarrow.parquet", "reading SocialFX", "train")  # the CV covers both crowds
    freqs = dsp.log_freq_grid(cfg.n_freqs)
    ds, ref = load_with_references("all", args.data, freqs)
    results = run_cv(ds, ref, freqs, cfg, progress=lambda msg: print(f"eqmorph evaluate: {msg}", file=sys.stderr))
    md = render_markdown(results, default_variant(cfg.variants))
    out.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out / "cv.json", json.dumps(results, indent=1) + "\n")
    write_text_atomic(out / "cv.md", md + "\n")
    print(md)
    print(f"wrote {out / 'cv.json'} and {out / 'cv.md'}")
    return 0


def _run(args: argparse.Namespace) -> int:
    require_module("torch", "evaluation", "train")  # every fold and baseline is a trained network
    if args.model is None:
        return run_cross_validation(args)
    import eqmorph
    from eqmorph.evaluation.evaluate import evaluate_all
    from eqmorph.evaluation.report import write_report

    model_dir = Path(args.model)
    if not model_dir.is_dir():
        raise ParameterError("--model", args.model, "a trained model folder; make one with "
                             f"'eqmorph train --out {args.model}', or leave out --model")
    out = Path(args.out) if args.out else default_out_dir(model_dir)
    if out.exists() and not out.is_dir():
        raise ParameterError("--out", str(out), "a folder (or a path where one can be created)")

    model = eqmorph.load(model_dir)
    train, test, split = load_test_split(model, args.data)
    if len(test) == 0:
        raise ParameterError("--model", args.model, "a model trained with a held-out test split (this one saw "
                             "every row: run 'eqmorph evaluate' without --model to cross-validate its recipe)")
    min_count = int(getattr(model.checkpoint, "train_config", {}).get("min_count", 1))

    def progress(msg: str) -> None:
        print(f"eqmorph evaluate: {msg}", file=sys.stderr)

    results = evaluate_all(model, train, test, min_count=max(1, min_count), progress=progress)
    results["provenance"] = {"model": str(model_dir), **split, "centroid_min_count": min_count}
    out.mkdir(parents=True, exist_ok=True)
    json_path, md_path = write_report(results, out)
    for scope, block in results["scopes"].items():
        row = block["results"]["eqmorph"]
        top1 = (row["retrieval"] or {}).get("top1", float("nan"))
        print(f"{scope}: {block['n_test']} test examples; eqmorph retrieval top-1 {top1:.3f}, "
              f"fidelity r {row['fidelity']['mean_pearson_r']:.3f}")
    print(f"wrote {json_path} and {md_path}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph evaluate`` to the CLI."""
    p = subparsers.add_parser(
        "evaluate",
        help="cross-validate eqmorph against fair baselines (or evaluate one model on its test split)",
        description=(
            "Without --model: 5-fold cross-validation over all the data against the crowd-mean, 5-band-fit, "
            "parameter-mean and FlowEQ-style baselines; writes cv.json and cv.md. With --model DIR: rebuild "
            "that model's test split from its provenance, train the word-mean and FlowEQ baselines (beta 0, "
            "0.001, 0.01) on its train split, and write evaluation.json and evaluation.md."
        ),
    )
    add_model_arg(p, help="trained model folder (held-out evaluation)")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    p.add_argument("--epochs", type=int, default=None, help="epochs of each fold's network (default 10, the CV recipe)")
    p.add_argument("--no-floweq", action="store_true", help="cross-validation without the FlowEQ-style baseline")
    p.add_argument(
        "--data", metavar="PATH", default=None,
        help="folder holding socialfx/ and safe/ (or a data file); default $EQMORPH_DATA; else SocialFX is "
        "downloaded from the Hugging Face hub, but SAFE-DB has no hub copy, so the cross-validation (both crowds) "
        "needs --data",
    )
    p.add_argument("--out", metavar="DIR", default=None,
                   help="output folder (default: ./eval-cv; with --model, <model dir>/../eval)")
    p.set_defaults(func=_run)
