"""Semantic fidelity, measured fairly: k-fold cross-validation of eqmorph against crowd-mean baselines.

Runs :func:`eqmorph.evaluation.cv.run_cv` (5 folds over all the data, one network per fold, every
centroid recipe of the ablation, the crowd mean (a), its 5-band fit (b), the parameter mean (c) and the
FlowEQ-style baseline (d)) and renders its tables with met / not met for the targets of issue 12.

Run alone: ``python -m benchmarks.fidelity_cv --data ../shared/data [--json F] [--md F]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eqmorph.core import dsp
from eqmorph.datasets.paths import data_root
from eqmorph.datasets.responses import load_with_references
from eqmorph.evaluation.cv import CVConfig, default_variant, run_cv
from eqmorph.evaluation.cv_report import fidelity_summary, render_markdown, retrieval_summary, targets
from eqmorph.io.fileio import write_text_atomic


def run(data: Path, cfg: CVConfig | None = None) -> dict[str, Any]:
    """The CV results (summaries, targets) with a ``markdown`` entry; per-observation records are left out."""
    cfg = cfg or CVConfig()
    freqs = dsp.log_freq_grid(cfg.n_freqs)
    ds, ref = load_with_references("all", data, freqs)
    res = run_cv(ds, ref, freqs, cfg, progress=lambda msg: print(f"[fidelity_cv] {msg}", file=sys.stderr, flush=True))
    method = default_variant(cfg.variants)
    return {"recipe": method, "seconds": res["seconds"], "fold_sizes": res["fold_sizes"],
            "fidelity": fidelity_summary(res), "retrieval": retrieval_summary(res),
            "targets": targets(res, method), "markdown": render_markdown(res, method)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fidelity_cv", description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="data folder (default $EQMORPH_DATA or ../shared/data)")
    parser.add_argument("--json", default=None, help="write the results here")
    parser.add_argument("--md", default=None, help="write the tables here")
    args = parser.parse_args(argv)
    data = data_root(args.data, Path(__file__).resolve().parents[2] / "shared" / "data")
    if data is None:
        parser.error("no data folder: pass --data PATH or set EQMORPH_DATA")
    res = run(data)
    if args.json:
        write_text_atomic(args.json, json.dumps(res, indent=1) + "\n")
    if args.md:
        write_text_atomic(args.md, res["markdown"] + "\n")
    print(res["markdown"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
