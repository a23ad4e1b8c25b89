"""Unknown-word speed, a part of benchmarks/open_vocab.py: what a user waits for a word the model lacks.

Rows: the extra wall time of ``eqmorph generate WORD --open-vocab`` over a known word (fresh interpreters,
median of 3; target <= 1.5 s), and, in a warm process, the time from an unknown word's text to its EQ
(median over ``SPEED_WORDS``, after one warm-up word; target <= 50 ms).

Run alone: ``python -m benchmarks.open_vocab_speed [--model DIR]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from typing import Any

TARGET_CLI_EXTRA_S = 1.5  # an unknown word from the CLI costs at most this much more than a known one
TARGET_SERVER_MS = 50.0  # an unknown word in a warm process
# Words only the embedding reads ("boxey", used until 2026-12-02, is now refused as a slip of boxy)
SPEED_WORDS = ("sparkly", "fluffy", "glassy", "velvety", "nasal", "honky", "buttery", "silky", "woolly", "zingy")

_CLI = "import sys; from eqmorph.cli import main; sys.exit(main(sys.argv[1:]))"  # what the console script runs


def _cli_seconds(args: list[str], repeats: int = 3) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``eqmorph ARGS`` in a fresh interpreter.

    CPU time is shown next to wall time because on a shared machine the wall time mostly measures
    the other processes.
    """
    import resource

    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", _CLI, *args, "--format", "apo", "--quiet"], check=True,
                       capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def measure_speed(model_dir: str | None = None) -> dict[str, float]:
    """CLI seconds for a known and an unknown word, and in-process ms per unknown word after warm-up."""
    import eqmorph

    extra = ["--model", model_dir] if model_dir else []
    known, known_cpu = _cli_seconds(["generate", "warm", *extra])
    unknown, unknown_cpu = _cli_seconds(["generate", "sparkly", "--open-vocab", *extra])
    m = eqmorph.load(model_dir, open_vocabulary=True)
    m.generate("fluffy")  # warm-up: the text model and the learned map load once
    per_word, per_word_cpu = [], []
    for w in SPEED_WORDS:
        start, cpu = time.perf_counter(), time.process_time()
        m.generate(w)
        per_word.append((time.perf_counter() - start) * 1000.0)
        per_word_cpu.append((time.process_time() - cpu) * 1000.0)
    return {"cli_known_s": known, "cli_unknown_s": unknown, "cli_extra_s": unknown - known,
            "cli_extra_cpu_s": unknown_cpu - known_cpu,
            "server_unknown_ms_median": statistics.median(per_word), "server_unknown_ms_max": max(per_word),
            "server_unknown_cpu_ms_median": statistics.median(per_word_cpu), "load_average": os.getloadavg()[0]}


def speed_targets(speed: Mapping[str, float]) -> list[dict[str, Any]]:
    return [
        {"what": "CLI: unknown word minus known word (s, median of 3)", "target": f"<= {TARGET_CLI_EXTRA_S}",
         "value": speed["cli_extra_s"], "met": speed["cli_extra_s"] <= TARGET_CLI_EXTRA_S},
        {"what": "warm process: unknown word to EQ (ms, median of 10 words)", "target": f"<= {TARGET_SERVER_MS:g}",
         "value": speed["server_unknown_ms_median"], "met": speed["server_unknown_ms_median"] <= TARGET_SERVER_MS},
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="model directory (default: the bundled model)")
    args = parser.parse_args(argv)
    speed = measure_speed(args.model)
    print(json.dumps({"speed": speed, "targets": speed_targets(speed)}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
