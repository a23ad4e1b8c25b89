"""``eqmorph evaluate``: measure a trained model and the baselines on its held-out test split.

The model directory's ``provenance.json`` says which data and which split it was trained on;
the same split is rebuilt through :mod:`eqmorph.datasets.experiment`, after checking that the data files
are the very files the model was trained on (otherwise "test" rows could have been training
rows). The word-mean and FlowEQ baselines are trained on the same train part, and every model is
evaluated on the test part, per dataset and combined.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

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


def _run(args: argparse.Namespace) -> int:
    import eqmorph
    from eqmorph.evaluation.evaluate import evaluate_all
    from eqmorph.evaluation.report import write_report

    model_dir = Path(args.model)
    if not model_dir.is_dir():
        raise ParameterError("--model", args.model, "a trained model folder")
    out = Path(args.out) if args.out else default_out_dir(model_dir)
    if out.exists() and not out.is_dir():
        raise ParameterError("--out", str(out), "a folder (or a path where one can be created)")

    model = eqmorph.load(model_dir)
    train, test, split = load_test_split(model, args.data)
    if len(test) == 0:
        raise ParameterError("test_fraction", split.get("test_fraction"), "a split that leaves test examples")
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
        help="evaluate a model and the baselines on its held-out test split",
        description=(
            "Rebuild the model's test split from its provenance, train the word-mean and FlowEQ baselines "
            "(beta 0, 0.001, 0.01) on the same train split, and write evaluation.json and evaluation.md."
        ),
    )
    p.add_argument("--model", required=True, metavar="DIR", help="trained model folder")
    p.add_argument(
        "--data", metavar="PATH", default=None,
        help="folder holding socialfx/ and safe/ (or a data file); default $EQMORPH_DATA",
    )
    p.add_argument("--out", metavar="DIR", default=None, help="output folder (default: <model dir>/../eval)")
    p.set_defaults(func=_run)
