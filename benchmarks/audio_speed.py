"""Speed and memory of eqmorph's audio processing.

Run: ``.venv/bin/python -m benchmarks.audio_speed [--rss-minutes 60] [--model DIR --word A --to B]``.

Measures, on synthetic noise (no data needed):

* x real time of a static EQ on 60 s of stereo 44.1 kHz audio: eqmorph's processor one-shot (wall time, and its CPU
  time over all threads: channels are filtered in parallel) and in 65536-frame blocks, beside a plain
  ``scipy.signal.sosfilt`` call on the same sections;
* x real time of a morph whose alpha moves for the whole minute (the worst case: new
  coefficients every 64 samples); by default the model is a stand-in interpolating two EQs,
  with ``--model`` the real one's ``interpolate_params``;
* x real time file to file (WAV PCM_16 in, WAV and FLAC out), static and morph;
* peak RSS of a fresh process filtering a ``--rss-minutes`` long stereo 44.1 kHz WAV
  (generated block by block in a temporary folder; default one hour, 635 MB), measured with
  ``resource.getrusage`` in that process, beside the RSS of the same process before processing.

Targets: static >= 1,000x real time; peak RSS of the one-hour file < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import soundfile as sf
from scipy import signal

from eqmorph import EQ
from eqmorph.audio.automation import parse_automation
from eqmorph.audio.files import BLOCK_FRAMES, process_file
from eqmorph.audio.filtering import EQProcessor, apply_eq, apply_morph

SAMPLE_RATE = 44100
SECONDS = 60.0
REPEATS = 5  # best of, so a busy moment of the machine does not count
TARGETS = {"static_x_realtime": 1000.0, "rss_mb": 500.0}

_EQ_A = [[4.0, 120.0, 0.71], [-3.0, 400.0, 1.5], [2.0, 1500.0, 2.0], [-2.0, 5000.0, 1.0], [1.0, 9000.0, 0.71]]
_EQ_B = [[-5.0, 300.0, 0.71], [6.0, 800.0, 1.0], [-4.0, 2500.0, 3.0], [3.0, 7000.0, 1.0], [6.0, 6000.0, 0.71]]

# Runs in a fresh interpreter so its peak RSS is this processing alone.  ru_maxrss (KiB on Linux)
# starts at the parent's RSS, which exec carries over; VmHWM (Linux) is this process's own peak.
_RSS_SCRIPT = """
import resource, sys, numpy as np
from pathlib import Path
from eqmorph import EQ
from eqmorph.audio.files import process_file
from eqmorph.audio.automation import parse_automation
a, b = np.array({a}), np.array({b})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if sys.argv[3] == "static":
    process_file(sys.argv[1], sys.argv[2], eq=EQ.from_array(b), auto_gain=True)
else:
    def params_at(al):
        al = np.asarray(al)[:, None, None]
        return a * (1 - al) + b * al
    process_file(sys.argv[1], sys.argv[2], params_at=params_at, automation=parse_automation(sys.argv[4]))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
status = Path("/proc/self/status")
hwm = [int(l.split()[1]) for l in status.read_text().splitlines() if l.startswith("VmHWM:")] if status.exists() else []
print(before, after, hwm[0] if hwm else -1)
"""


def _lerp_params_at(a: np.ndarray, b: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    def params_at(alphas: np.ndarray) -> np.ndarray:
        al = np.asarray(alphas, dtype=np.float64)[:, None, None]
        out = a * (1 - al) + b * al
        out[..., 1:] = np.exp(np.log(a[..., 1:]) * (1 - al) + np.log(b[..., 1:]) * al)
        return out

    return params_at


def _best_seconds(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    return _best_wall_and_cpu(fn, repeats)[0]


def _best_wall_and_cpu(fn: Callable[[], object], repeats: int = REPEATS) -> tuple[float, float]:
    """Wall and process CPU seconds (all threads) of the repeat with the least wall time."""
    times = []
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0, time.process_time() - c0))
    return min(times)


def _blockwise(x: np.ndarray, eq: EQ) -> None:
    proc = EQProcessor.from_eq(eq, SAMPLE_RATE, x.shape[1])
    for start in range(0, len(x), BLOCK_FRAMES):
        proc.process(x[start : start + BLOCK_FRAMES])


def _write_long_wav(path: Path, minutes: float) -> None:
    """Stereo PCM_16 noise written block by block, so making it needs no memory either."""
    rng = np.random.default_rng(0)
    frames = int(minutes * 60 * SAMPLE_RATE)
    with sf.SoundFile(path, "w", SAMPLE_RATE, 2, "PCM_16", format="WAV") as f:
        for start in range(0, frames, BLOCK_FRAMES):
            f.write(rng.uniform(-0.3, 0.3, (min(BLOCK_FRAMES, frames - start), 2)))


def _peak_rss_mb(src: Path, out: Path, mode: str, automation: str) -> tuple[float, float, float, float]:
    """Peak RSS (MB) of a fresh process: getrusage before and after processing, VmHWM, and wall time."""
    script = _RSS_SCRIPT.format(a=_EQ_A, b=_EQ_B)
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, str(src), str(out), mode, automation],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"RSS measurement failed: {done.stderr.strip()}")
    before_kib, after_kib, hwm_kib = (int(v) for v in done.stdout.split())
    return before_kib / 1024, after_kib / 1024, hwm_kib / 1024 if hwm_kib >= 0 else float("nan"), wall


def measure(rss_minutes: float = 60.0, params_at: Callable[[np.ndarray], np.ndarray] | None = None) -> dict:
    """Run every measurement; returns the numbers (x real time, MB, seconds)."""
    a, b = np.array(_EQ_A), np.array(_EQ_B)
    eq = EQ.from_array(b)
    params_at = params_at or _lerp_params_at(a, b)
    res: dict = {"signal": f"{SECONDS:g} s stereo {SAMPLE_RATE} Hz", "python": platform.python_version()}
    with tempfile.TemporaryDirectory(prefix="eqmorph-bench-") as tmp:
        folder = Path(tmp)
        # First, while this process is small: a child's ru_maxrss starts at its parent's RSS.
        long_src = folder / "long.wav"
        t0 = time.perf_counter()
        _write_long_wav(long_src, rss_minutes)
        res["rss_file"] = f"{rss_minutes:g} min stereo {SAMPLE_RATE} Hz PCM_16, {long_src.stat().st_size / 1e6:.0f} MB"
        res["rss_file_write_s"] = time.perf_counter() - t0
        before, after, hwm, wall = _peak_rss_mb(long_src, folder / "long_out.wav", "static", "0:0")
        res.update(rss_before_mb=before, rss_static_mb=after, hwm_static_mb=hwm)
        res["rss_static_x_realtime"] = rss_minutes * 60 / wall
        morph_spec = f"0:0,{rss_minutes * 60:g}:1"
        _, after, hwm, wall = _peak_rss_mb(long_src, folder / "long_morph.wav", "morph", morph_spec)
        res.update(rss_morph_mb=after, hwm_morph_mb=hwm, rss_morph_x_realtime=rss_minutes * 60 / wall)
        long_src.unlink()

        x = np.random.default_rng(1).uniform(-0.3, 0.3, (int(SECONDS * SAMPLE_RATE), 2))
        sos = eq.sos(SAMPLE_RATE)
        moving = parse_automation(f"0:0,{SECONDS:g}:1")
        res["scipy_sosfilt_x_realtime"] = SECONDS / _best_seconds(lambda: signal.sosfilt(sos, x, axis=0))
        wall, cpu = _best_wall_and_cpu(lambda: apply_eq(x, SAMPLE_RATE, eq))
        res["static_x_realtime"], res["static_cpu_x_realtime"] = SECONDS / wall, SECONDS / cpu
        res["static_blocks_x_realtime"] = SECONDS / _best_seconds(lambda: _blockwise(x, eq))
        res["morph_x_realtime"] = SECONDS / _best_seconds(lambda: apply_morph(x, SAMPLE_RATE, params_at, moving), 3)
        src = folder / "in.wav"
        sf.write(src, x, SAMPLE_RATE, subtype="PCM_16")
        for name, out, kwargs in [
            ("file_static_wav_x_realtime", "out.wav", {"eq": eq}),
            ("file_static_flac_x_realtime", "out.flac", {"eq": eq}),
            ("file_morph_wav_x_realtime", "morph.wav", {"params_at": params_at, "automation": moving}),
        ]:
            res[name] = SECONDS / _best_seconds(lambda o=out, k=kwargs: process_file(src, folder / o, **k), 3)
    res["targets_met"] = {
        "static_x_realtime": res["static_x_realtime"] >= TARGETS["static_x_realtime"],
        # VmHWM, not getrusage: Linux carries ru_maxrss across execve, so a child started from a
        # large parent reports the parent's peak (seen: 640 MB from a benchmark process holding torch).
        "rss_mb": max(res["hwm_static_mb"], res["hwm_morph_mb"]) < TARGETS["rss_mb"] and rss_minutes >= 60,
    }
    return res


def markdown(res: dict) -> str:
    """The results as a markdown table."""
    rows = [
        ("static EQ, plain scipy sosfilt (one call)", f"{res['scipy_sosfilt_x_realtime']:.0f}x real time"),
        ("static EQ, eqmorph one-shot (wall; a thread per channel, up to one per core)",
         f"{res['static_x_realtime']:.0f}x real time (target >= 1000x)"),
        ("the same, CPU time of all threads", f"{res['static_cpu_x_realtime']:.0f}x real time"),
        ("static EQ, eqmorph in 65536-frame blocks", f"{res['static_blocks_x_realtime']:.0f}x real time"),
        ("morph moving all the time (64-sample updates)", f"{res['morph_x_realtime']:.0f}x real time"),
        ("file to file, static, WAV -> WAV", f"{res['file_static_wav_x_realtime']:.0f}x real time"),
        ("file to file, static, WAV -> FLAC", f"{res['file_static_flac_x_realtime']:.0f}x real time"),
        ("file to file, morph, WAV -> WAV", f"{res['file_morph_wav_x_realtime']:.0f}x real time"),
        (f"peak RSS (getrusage) after imports, {res['rss_file']}", f"{res['rss_before_mb']:.0f} MB"),
        (
            "peak RSS (getrusage / VmHWM), static with auto gain, file to file",
            f"{res['rss_static_mb']:.0f} / {res['hwm_static_mb']:.0f} MB "
            f"({res['rss_static_x_realtime']:.0f}x real time)",
        ),
        (
            "peak RSS (getrusage / VmHWM), morph over the whole file, file to file",
            f"{res['rss_morph_mb']:.0f} / {res['hwm_morph_mb']:.0f} MB ({res['rss_morph_x_realtime']:.0f}x real time)",
        ),
    ]
    lines = [f"Audio processing, {res['signal']} (best of {REPEATS}), Python {res['python']}", "",
             "| measurement | result |", "|---|---|"]  # fmt: skip
    lines += [f"| {name} | {value} |" for name, value in rows]
    lines.append(f"\ntargets met: {json.dumps(res['targets_met'])}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rss-minutes", type=float, default=60.0, help="length of the RSS test file (default 60)")
    parser.add_argument("--model", default=None, help="model directory: morph with its interpolate_params")
    parser.add_argument("--word", default="warm", help="morph start word with --model")
    parser.add_argument("--to", default="bright", help="morph end word with --model")
    args = parser.parse_args(argv)
    if not args.rss_minutes > 0:
        parser.error(f"--rss-minutes={args.rss_minutes!r} is not allowed: expected a number of minutes > 0")
    params_at = None
    if args.model:
        import eqmorph

        model = eqmorph.load(args.model)

        def params_at(alphas: np.ndarray) -> np.ndarray:
            return model.interpolate_params(args.word, args.to, alphas)

    res = measure(args.rss_minutes, params_at)
    print(markdown(res))
    return res


if __name__ == "__main__":
    main()
