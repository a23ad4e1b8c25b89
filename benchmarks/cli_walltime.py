"""End-to-end wall time of the ``eqmorph`` command as a user runs it: interpreter start, imports, model, work, exit.

Every row is a fresh process started the way a shell starts it (the ``eqmorph`` console script
of this environment).  Two states are measured and labelled:

* **cold**: the first run with an empty bytecode cache (``PYTHONPYCACHEPREFIX`` pointing at a new
  folder), so every imported module is compiled again, as on the first run after a clone or an
  upgrade; the OS file cache is left as it is (dropping it needs root), so disk reads are not included;
* **warm**: the median of the runs after that, with the bytecode cached: the everyday case.

``apply`` filters a 60 s stereo 44.1 kHz 16-bit WAV of noise (one word, and a 60 s morph between
two words).  Reference rows: the bare interpreter and ``import numpy``, which every command pays.
``python -m benchmarks.cli_walltime`` runs this section alone.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

from eqmorph.datasets.paths import data_root

AUDIO_SECONDS = 60.0  # the "apply on a 60 s file"
AUDIO_RATE = 44100
WARM_RUNS = 5  # median of this many warm runs (3 with --quick)


def _eqmorph() -> str:
    return str(Path(sys.executable).with_name("eqmorph"))


def _time(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of ``argv``; a failing run raises."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:  # a benchmark of an error is no benchmark
        raise RuntimeError(f"{' '.join(argv)} exited with {done.returncode}: {done.stderr.strip()[-300:]}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(argv: list[str], warm_runs: int) -> dict[str, float]:
    """Cold and warm wall seconds and warm CPU seconds of one command (cold and warm: see the module docstring)."""
    with tempfile.TemporaryDirectory() as pycache:
        cold, _ = _time(argv, {"PYTHONPYCACHEPREFIX": pycache})
    _time(argv)  # make sure the regular bytecode cache is filled before the warm runs
    warm = [_time(argv) for _ in range(warm_runs)]
    return {"cold_s": cold, "warm_s": statistics.median(w for w, _ in warm),
            "warm_cpu_s": statistics.median(c for _, c in warm)}


def _noise_wav(path: Path) -> Path:
    rng = np.random.default_rng(0)
    frames = int(AUDIO_SECONDS * AUDIO_RATE)
    sf.write(path, 0.1 * rng.standard_normal((frames, 2)), AUDIO_RATE, subtype="PCM_16")
    return path


def run(model_dir: str | None = None, quick: bool = False) -> dict[str, Any]:
    """Measure every row; returns JSON-ready numbers and a ``markdown`` table."""
    runs = 3 if quick else WARM_RUNS
    cli = _eqmorph()
    model = ["--model", model_dir] if model_dir else []
    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        wav = _noise_wav(Path(tmp) / "noise60.wav")
        out = str(Path(tmp) / "out.wav")
        commands = {
            "python -c pass (interpreter alone)": [sys.executable, "-c", "pass"],
            "python -c 'import numpy'": [sys.executable, "-c", "import numpy"],
            "eqmorph --help (every command's parser)": [cli, "--help"],
            "eqmorph generate warm": [cli, "generate", "warm", *model],
            "eqmorph generate warm --format apo -o warm.txt": [cli, "generate", "warm", "--format", "apo", "-o",
                                                               str(Path(tmp) / "warm.txt"), *model],
            # Auto gain is the default since 2026-12-05: it filters the file twice (measure, then write).
            f"eqmorph apply ({AUDIO_SECONDS:.0f} s stereo WAV, one word; auto gain, the default)": [
                cli, "apply", str(wav), out, "--word", "warm", "--quiet", *model],
            f"eqmorph apply ({AUDIO_SECONDS:.0f} s stereo WAV, one word, --no-auto-gain)": [
                cli, "apply", str(wav), out, "--word", "warm", "--quiet", "--no-auto-gain", *model],
            f"eqmorph apply ({AUDIO_SECONDS:.0f} s, morph warm -> bright over the file; auto gain, the default)": [
                cli, "apply", str(wav), out, "--word", "warm", "--to", "bright", "--automate",
                f"0:0,{AUDIO_SECONDS:g}:1", "--quiet", *model],
            f"eqmorph apply ({AUDIO_SECONDS:.0f} s, morph warm -> bright over the file, --no-auto-gain)": [
                cli, "apply", str(wav), out, "--word", "warm", "--to", "bright", "--automate",
                f"0:0,{AUDIO_SECONDS:g}:1", "--quiet", "--no-auto-gain", *model],
        }
        for label, argv in commands.items():
            rows[label] = measure(argv, runs)
        train = None if quick else _train_walltime(cli, Path(tmp))
    result = {"warm_runs": runs, "rows": rows, "train": train}
    return {**result, "markdown": markdown(rows, runs, train)}


def _train_walltime(cli: str, tmp: Path) -> dict[str, Any] | None:
    """One ``eqmorph train`` as a user runs it from the README, on an empty fit cache: data loading, the
    SocialFX fit and training included. One run: it takes minutes, and training is seeded (same epochs on
    one machine)."""
    data = data_root(None, Path(__file__).resolve().parents[1].parent / "shared" / "data")
    if data is None:
        return None
    cache = tmp / "fit-cache"
    argv = [cli, "train", "--data", str(data), "--out", str(tmp / "model"), "--quiet"]
    wall, cpu = _time(argv, {"EQMORPH_CACHE": str(cache)})
    history = json.loads((tmp / "model" / "metrics.json").read_text())
    command = " ".join(["eqmorph", *argv[1:3], "DATA", "--out", "MODEL", "--quiet"])
    return {"command": command, "cold_cache_wall_s": wall,
            "cpu_s": cpu, "epochs_run": history.get("epochs_run")}


def markdown(rows: dict[str, dict[str, float]], runs: int, train: dict[str, Any] | None = None) -> str:
    lines = [
        "End-to-end wall time of fresh processes, interpreter start included (one machine, its other load "
        f"as it was). Cold: first run with an empty bytecode cache (every module compiled, OS file cache warm). "
        f"Warm: median of {runs} runs after that. CPU: user + system time of the warm runs (median), which "
        "other load on the machine changes less than wall time.",
        "",
        "| command | cold wall | warm wall | warm CPU |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| `{label}` | {r['cold_s'] * 1000:.0f} ms | {r['warm_s'] * 1000:.0f} ms | "
              f"{r['warm_cpu_s'] * 1000:.0f} ms |" for label, r in rows.items()]
    lines.append("")
    if train is None:
        lines.append("`eqmorph train` wall time: not measured (quick run, or no data folder).")
    else:
        lines.append(f"`{train['command']}` on an empty fit cache (data loading, the SocialFX fit and "
                     f"{train['epochs_run']} epochs): {train['cold_cache_wall_s']:.0f} s wall, {train['cpu_s']:.0f} s "
                     "CPU, one run (target 180 s for the training alone; machine speed varies; the epochs are the "
                     "same in every run on one machine, and another processor's rounding can end at another epoch).")
    return "\n".join(lines)


if __name__ == "__main__":
    result = run(quick="--quick" in sys.argv)
    print(result["markdown"])
