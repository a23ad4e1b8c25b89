"""One benchmark command: ``python -m benchmarks [--data PATH] [--model DIR] [--quick]``.

Runs every measurement side by side in one process tree on this machine and writes
``docs/benchmarks.md`` (tables, machine, date, commit) and ``docs/benchmarks.json``.
``--quick`` skips what needs the datasets or minutes of work and says so; it takes one to two minutes on a 2-core
machine (48 s and 92 s on 2026-12-04 with other work running, 2 min in a new-user trial), most of it the command-line
wall times, audio speed and the match section.
Data comes from ``--data``, else ``$EQMORPH_DATA``, else ``../shared/data``; missing data
is reported as skipped, never faked.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from eqmorph.cli.common import require_module
from eqmorph.errors import EqmorphError

try:  # a clear line, not a traceback, after `make demo` alone (its sections train and evaluate models)
    require_module("torch", "python -m benchmarks", "train")
except EqmorphError as exc:
    sys.exit(f"python -m benchmarks: {exc}")

from benchmarks import edit_steps, fidelity_cv, inference_speed, match_describe, morph_quality, report  # noqa: E402
from eqmorph.datasets.paths import data_root  # noqa: E402
from eqmorph.io.fileio import write_text_atomic
from eqmorph.semantic.morph import bundled_model_dir, load

ROOT = Path(__file__).resolve().parent.parent


def machine() -> dict[str, Any]:
    """What this ran on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines()
                      if x.startswith("MemTotal"))
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    versions = {"python": platform.python_version(), "numpy": np.__version__}
    for mod in ("scipy", "torch", "fastapi", "onnxruntime"):
        try:
            versions[mod] = __import__(mod).__version__
        except ModuleNotFoundError:
            pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kb / 2**20, 1),
            "platform": platform.platform(), "load_average_at_start": os.getloadavg(), "versions": versions}


def commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return sha + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def peak_rss_mb(argv: list[str]) -> float:
    """Peak RSS of a command, measured in a fresh Python whose only child it is."""
    probe = ("import resource, subprocess, sys; "
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True).stdout
    code, kb = out.split()
    if code != "0":
        raise EqmorphError(f"{' '.join(argv)} exited with {code}")
    return int(kb) / 1024.0


def memory_section() -> dict[str, Any]:
    eqmorph_cli = str(Path(sys.executable).with_name("eqmorph"))
    with tempfile.TemporaryDirectory() as tmp:
        demo = peak_rss_mb([eqmorph_cli, "demo", "--out", tmp])
        generate = peak_rss_mb([eqmorph_cli, "generate", "warm"])
    return {"demo_peak_rss_mb": demo, "generate_peak_rss_mb": generate,
            "markdown": "| command | peak RSS |\n|---|---:|\n"
                        f"| `eqmorph demo` (bundled model, curve PNG) | {demo:.0f} MB |\n"
                        f"| `eqmorph generate warm` | {generate:.0f} MB |"}


def _data_path(arg: str | None) -> Path | None:
    return data_root(arg, ROOT.parent / "shared" / "data")


def run(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "commit": commit(),
                               "machine": machine(), "quick": args.quick, "sections": {}, "skipped": {}}
    data = _data_path(args.data)
    model = load(args.model)
    model_dir = Path(args.model) if args.model else bundled_model_dir()
    results["model"] = {"id": model.model_id, "dir": str(model_dir), "words": len(model.terms),
                        "bytes": sum(f.stat().st_size for f in model_dir.iterdir())}

    def section(name: str, fn: Callable[[], Any], needs_data: bool = False, slow: bool = False) -> None:
        if needs_data and data is None:
            results["skipped"][name] = "no data: pass --data PATH or set EQMORPH_DATA"
        elif slow and args.quick:
            results["skipped"][name] = "skipped in --quick"
        elif name in args.skip:
            results["skipped"][name] = "skipped by --skip"
        else:
            print(f"[benchmarks] {name} ...", file=sys.stderr, flush=True)
            start = time.perf_counter()
            try:
                results["sections"][name] = fn()
            except (EqmorphError, OSError) as exc:
                results["skipped"][name] = f"failed: {exc}"
            print(f"[benchmarks] {name} done in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)

    from benchmarks import sections

    held_out = sections.HeldOut(data, model) if data is not None else None
    section("inference", lambda: inference_speed.run(
        model, quick=args.quick, floweq=held_out.floweq() if held_out and not args.quick else None))
    section("morph_quality", lambda: morph_quality.run(model))
    section("edit", lambda: edit_steps.run_all(model))
    section("audio", lambda: sections.audio(quick=args.quick))
    section("memory", memory_section)
    section("cli_walltime", lambda: importlib.import_module("benchmarks.cli_walltime").run(args.model, args.quick))
    section("server", lambda: sections.server(args.model, quick=args.quick), slow=False)
    section("fit", lambda: sections.fit(data), needs_data=True, slow=True)
    section("training", lambda: held_out.training(), needs_data=True, slow=True)
    section("quality", lambda: held_out.quality(), needs_data=True, slow=True)
    section("open_vocab", lambda: held_out.open_vocab(), needs_data=True, slow=True)
    section("fidelity_cv", lambda: fidelity_cv.run(data), needs_data=True, slow=True)
    section("match_describe", lambda: match_describe.run(model, data, quick=args.quick))
    section("audio_semantic", lambda: sections.audio_semantic(args.model, data, quick=args.quick), needs_data=True,
            slow=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="data folder (default $EQMORPH_DATA or ../shared/data)")
    parser.add_argument("--model", default=None, help="model directory (default: the bundled model)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run, one to two minutes on 2 cores; skips data and training")
    parser.add_argument("--out", default=str(ROOT / "docs"), help="folder for benchmarks.md / benchmarks.json")
    parser.add_argument("--skip", action="append", default=[], help="section to leave out (repeatable)")
    args = parser.parse_args(argv)
    results = run(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = "benchmarks-quick" if args.quick else "benchmarks"
    md = report.render(results)
    write_text_atomic(out / f"{name}.md", md)
    write_text_atomic(out / f"{name}.json", json.dumps(report.jsonable(results), indent=1) + "\n")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
