"""Speed of match and describe, wall and CPU time (a section of benchmarks/match_describe.py).

What is timed (target: match <= 0.1 s per minute of stereo 44.1 kHz audio, after imports):
``match`` of one minute of stereo 44.1 kHz against one minute of reference in memory, warm (best
of 3) and cold (the first call in a fresh interpreter, timed after its imports; the median of 3
interpreters), split into
analysis and fit; ``match_files`` of 1, 5 and 10-minute stereo WAVs against references as long,
per minute of input, decoding included; ``describe`` per EQ (target <= 100 us).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

from benchmarks.match_describe import SR, pink_noise, random_eq
from eqmorph.audio.filtering import apply_eq
from eqmorph.audio.spectrum import audio_spectrum
from eqmorph.semantic.match import match, match_files, match_spectra
from eqmorph.semantic.morph import Morpher

COLD_PROCESSES = 3  # fresh interpreters whose first match is timed; the median is reported
# The first match in a fresh interpreter, timed after its imports: what a one-off CLI call or script pays. The
# recordings are the warm row's (pink noise and it through a random EQ), so the fit runs: two independent noises
# differ by less than FLAT_TARGET_RMS_DB and get the flat EQ without one.
_COLD_SCRIPT = """
import time
import numpy as np
from benchmarks.match_describe import SR, pink_noise, random_eq
from eqmorph.audio.filtering import apply_eq
from eqmorph.semantic.match import match
dry = pink_noise(60.0, seed=1)
wet = apply_eq(dry, SR, random_eq(np.random.default_rng(3)))
w, c = time.perf_counter(), time.process_time()
eq = match(dry, wet, SR)
print(time.perf_counter() - w, time.process_time() - c, int(eq == type(eq).flat()))
"""


def _best(fn: Any, repeats: int) -> tuple[float, float]:
    """Best wall and best CPU seconds of ``fn()`` over ``repeats`` calls.

    CPU time (this process's) is shown beside wall time because the benchmark machine is shared: with
    other jobs on both cores, wall time includes waiting for a core.
    """
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return min(wall), min(cpu)


def speed(model: Morpher, file_minutes: tuple[int, ...] = (1, 5, 10)) -> dict[str, Any]:
    """Match and describe timings, wall and CPU (see the module docstring for what each one covers)."""
    dry = pink_noise(60.0, seed=1)
    wet = apply_eq(dry, SR, random_eq(np.random.default_rng(3)))
    cold = _cold_match()
    match(dry[:SR], wet[:SR], SR)  # warm-up: scipy.fft's plans and the fit's first calls
    total = _best(lambda: match(dry, wet, SR), 3)
    analysis = _best(lambda: (audio_spectrum(dry, SR), audio_spectrum(wet, SR)), 3)
    a, b = audio_spectrum(dry, SR), audio_spectrum(wet, SR)
    fitting = _best(lambda: match_spectra(a, b), 3)
    eqs = [model.generate(w) for w in model.terms]

    def describe_all() -> None:
        for eq in eqs:
            model.describe(eq, language=None)  # every word, as measured before describe spoke English by default

    describe_all()
    describe = _best(describe_all, 20)
    text = _best(lambda: [model.describe_text(eq, language=None) for eq in eqs], 3)
    per_eq = 1e6 / len(eqs)
    return {"match_s_per_minute": total[0], "match_cpu_s": total[1], "cold_s": cold[0], "cold_cpu_s": cold[1],
            "analysis_s": analysis[0], "analysis_cpu_s": analysis[1], "fit_s": fitting[0], "fit_cpu_s": fitting[1],
            "files": {m: _file_match(dry, wet, m) for m in file_minutes},
            "describe_us": describe[0] * per_eq, "describe_cpu_us": describe[1] * per_eq,
            "describe_text_us": text[0] * per_eq, "load_average": list(os.getloadavg())}


def _cold_match(processes: int = COLD_PROCESSES) -> tuple[float, float]:
    """Wall and CPU seconds of the first ``match`` in a fresh interpreter, after its imports (1 min vs 1 min):
    the median of ``processes`` interpreters, each timed once (one first call is one noisy sample)."""
    runs = []
    for _ in range(processes):
        out = subprocess.run([sys.executable, "-c", _COLD_SCRIPT], capture_output=True, text=True, check=True,
                             cwd=Path(__file__).resolve().parent.parent).stdout.split()
        if out[2] != "0":
            raise RuntimeError("the cold match returned the flat EQ: its fit was not timed")
        runs.append([float(v) for v in out[:2]])
    wall, cpu = np.median(np.array(runs), axis=0)
    return float(wall), float(cpu)


def _file_match(dry: np.ndarray, wet: np.ndarray, minutes: int) -> dict[str, float]:
    """``match_files`` of a ``minutes``-long stereo 44.1 kHz PCM_16 WAV against one as long (the minute looped),
    warm, one run: wall and CPU seconds per minute of input (decoding included)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp) / "input.wav", Path(tmp) / "reference.wav"]
        for path, x in zip(paths, (dry, wet / np.abs(wet).max() * 0.5)):
            with sf.SoundFile(path, "w", SR, 2, subtype="PCM_16") as f:
                for _ in range(minutes):
                    f.write(x)
        match_files(*paths)  # warm-up: the page cache and the file reader
        wall, cpu = _best(lambda: match_files(*paths), 1)
    return {"wall_s_per_minute": wall / minutes, "cpu_s_per_minute": cpu / minutes}
