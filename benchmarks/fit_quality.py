"""How well eqmorph's 5-band EQ reproduces SocialFX's 40-band curves, and how long the fit takes.

Run: ``.venv/bin/python -m benchmarks.fit_quality --data /work/shared/data`` (or set EQMORPH_DATA).
Fits every SocialFX row, prints the RMS error distribution (dB over 256 log-spaced points,
20 Hz-20 kHz) and the wall time, and writes ``docs/fit_quality.json`` and a figure of the three
worst fits, ``docs/figures/fit_worst.png``.  Targets: median <= 0.75 dB, p95 <= 2 dB, < 30 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.fit import fit_curves, fit_grid
from eqmorph.datasets.audealize import AUDEALIZE_SAMPLE_RATE, render_audealize_db
from eqmorph.datasets.paths import resolve_data_path
from eqmorph.datasets.socialfx import read_socialfx
from eqmorph.errors import EqmorphError
from eqmorph.io.fileio import write_text_atomic
from eqmorph.plots.figures import fit_examples

TARGETS = {"median_db": 0.75, "p95_db": 2.0, "wall_s": 30.0}
N_WORST = 3


def measure(data: str | None) -> tuple[dict, dict]:
    """Fit every distinct SocialFX curve; returns (numbers for the JSON, arrays for the figure)."""
    rows = read_socialfx(resolve_data_path(data, "socialfx"))
    curves, first = np.unique(rows.curves, axis=0, return_index=True)
    freqs = fit_grid()
    c0, t0 = time.process_time(), time.perf_counter()
    target = render_audealize_db(curves, freqs)
    t1 = time.perf_counter()
    result = fit_curves(target, freqs, AUDEALIZE_SAMPLE_RATE)
    t2, c2 = time.perf_counter(), time.process_time()
    rms = result.rms_db
    max_gain_db = np.abs(result.params[..., 0]).max(axis=1)
    numbers = {
        "curves": int(len(curves)),
        "rms_db": {
            "median": float(np.median(rms)),
            "p90": float(np.percentile(rms, 90)),
            "p95": float(np.percentile(rms, 95)),
            "max": float(rms.max()),
            "mean": float(rms.mean()),
            "share_le_1db": float(np.mean(rms <= 1.0)),
        },
        "max_band_gain_db": {
            "median": float(np.median(max_gain_db)),
            "curves_over_15db": int(np.sum(max_gain_db > 15.0)),
            "curves_over_20db": int(np.sum(max_gain_db > 20.0)),
        },
        "wall_s": {"render": t1 - t0, "fit": t2 - t1, "total": t2 - t0},
        "cpu_s": c2 - c0,
        "targets": TARGETS,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_1min": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
            "python": platform.python_version(),
            "numpy": np.__version__,
        },
    }
    worst = np.argsort(rms)[::-1][:N_WORST]
    arrays = {
        "freqs": freqs,
        "target": target[worst],
        "fitted": dsp.response_db(np, result.params[worst], freqs, AUDEALIZE_SAMPLE_RATE),
        "rms": rms[worst],
        "labels": [f"{rows.ids[first[i]]} '{rows.terms[first[i]]}'" for i in worst],
        "params": result.params[worst],
    }
    numbers["worst"] = [{"id": lab, "rms_db": float(r)} for lab, r in zip(arrays["labels"], arrays["rms"])]
    return numbers, arrays


def report(numbers: dict) -> str:
    r, w, g = numbers["rms_db"], numbers["wall_s"], numbers["max_band_gain_db"]
    ok = {
        "median": r["median"] <= TARGETS["median_db"],
        "p95": r["p95"] <= TARGETS["p95_db"],
        "time": w["total"] < TARGETS["wall_s"],
    }
    mark = {True: "ok", False: "MISSED"}
    lines = [
        f"SocialFX 40-band -> 5-band fit, {numbers['curves']} curves, RMS error in dB over 256 points 20 Hz-20 kHz",
        f"{'statistic':<22}{'value':>10}  target",
        f"{'median':<22}{r['median']:>10.3f}  <= {TARGETS['median_db']} {mark[ok['median']]}",
        f"{'p90':<22}{r['p90']:>10.3f}",
        f"{'p95':<22}{r['p95']:>10.3f}  <= {TARGETS['p95_db']} {mark[ok['p95']]}",
        f"{'max':<22}{r['max']:>10.3f}",
        f"{'share <= 1 dB':<22}{r['share_le_1db']:>10.1%}",
        f"{'wall time render (s)':<22}{w['render']:>10.2f}",
        f"{'wall time fit (s)':<22}{w['fit']:>10.2f}",
        f"{'wall time total (s)':<22}{w['total']:>10.2f}  < {TARGETS['wall_s']} {mark[ok['time']]}",
        f"{'CPU time (s)':<22}{numbers['cpu_s']:>10.2f}  (all threads)",
        f"largest band gain: median {g['median']:.1f} dB; curves with a band beyond 15 dB: "
        f"{g['curves_over_15db']}, beyond 20 dB: {g['curves_over_20db']}",
        f"machine: {numbers['machine']['cpus']} CPUs, 1-min load average {numbers['machine']['load_average_1min']}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fit_quality", description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="SocialFX file or a folder holding socialfx/ (default: $EQMORPH_DATA)")
    parser.add_argument("--out", default="docs", help="folder for fit_quality.json and figures/fit_worst.png")
    args = parser.parse_args(argv)
    try:
        numbers, arrays = measure(args.data)
    except EqmorphError as exc:
        print(f"fit_quality: error: {exc}", file=sys.stderr)
        return 2
    print(report(numbers))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out / "fit_quality.json", json.dumps(numbers, indent=2) + "\n")
    (out / "figures").mkdir(exist_ok=True)
    fit_examples(arrays, out / "figures" / "fit_worst.png")
    print(f"wrote {out / 'fit_quality.json'} and {out / 'figures' / 'fit_worst.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
