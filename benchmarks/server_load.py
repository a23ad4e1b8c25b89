"""Load on the web app's morph endpoint, the one a slider drag calls every frame.

Starts ``eqmorph serve`` (as ``python -m eqmorph.cli.serve``) in a subprocess on a free
loopback port, then, for 1, 20 and 100 concurrent clients, asks ``/api/morph`` for random
alphas until 5,000 requests are answered or 10 s pass, in four modes:

* ``flat-out``: every client on the first two words of the vocabulary; each sends its next
  request as soon as the previous answer is read (closed loop, no pause): the server's best
  case, where batching and the answer cache share work between clients;
* ``drag``: the same pair, each client behaving like the page while a slider is dragged: at most
  one request per 60 Hz frame and never two in flight, with alphas at the slider's 0.001 resolution;
* ``pair-per-client``: flat-out, but each client morphs its own random word pair (as many users
  each on their own page): nothing is shared between clients;
* ``random-pairs``: flat-out, with a new random word pair on every request: every answer starts
  from a pair the server has not prepared (the model's cold path).

The rows with targets (issue 15, item 18; 20 clients, on the same 2 cores as the client):
``pair-per-client`` p99 <= 5 ms; ``random-pairs`` p99 <= 8 ms and >= 3,000 requests/s.

Reports latency p50/p99 (request written to body read), requests per second and errors,
plus the server's resident memory at rest after start-up (VmRSS and its high-water mark
VmHWM from ``/proc/<pid>/status``, Linux only) and its high-water mark after the load.

The client is a minimal HTTP/1.1 keep-alive client on asyncio streams, one connection per
simulated client, all in one thread. Every client opens its connection before the clock
starts, as a page does once when it loads: TCP handshakes are not morph latency, and counted,
20 of them are 2 % of 1,000 samples, enough to set the p99. ``httpx`` was tried first: on a
2-core machine its own per-request CPU time (about 1.5 ms) was larger than the server's and
hid what was measured. The client freezes its heap (``gc.freeze``) while it loads the server, so that a
garbage collection of whatever else the benchmark process holds is not counted as server latency. The
client's loop is uvloop (the server's too): on asyncio's own loop the client
took about 15 % more of the shared CPU, which the server's latency paid for (rows measured before
2026-12-01 used it). For the same reason each word pair's query is quoted once, and a request's
timeout is ``asyncio.timeout`` rather than ``wait_for`` (a task per request): together about 15 us
of client CPU per request (rows measured before 2026-12-02 paid it). Client and server still share
the machine's cores, so the numbers are an upper bound.

Run: ``python -m benchmarks.server_load [--model DIR] [--requests 5000] [--seconds 10] [--modes ...]
[--clients 1 20 100] [--json OUT]``.
Without ``--model`` the bundled model is used (it must exist).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import numpy as np
import uvloop

from eqmorph.errors import EqmorphError, ModelFileError, ParameterError
from eqmorph.io.fileio import write_text_atomic
from eqmorph.semantic.morph import bundled_model_dir

LEVELS = (1, 20, 100)  # concurrent clients: one user, a busy session, an overload
MODES = ("flat-out", "drag", "pair-per-client", "random-pairs")
# (mode, clients) -> (p99 at most, ms; requests/s at least or None)
TARGETS: dict[tuple[str, int], tuple[float, float | None]] = {
    ("pair-per-client", 20): (5.0, None),
    ("random-pairs", 20): (8.0, 3000.0),
}
MAX_REQUESTS = 5000  # per level and mode: a p99 from fewer than a few thousand samples is mostly noise
MAX_SECONDS = 10.0  # per level and mode, whichever comes first
FRAME_S = 1.0 / 60.0  # a display frame: the page sends at most one morph request per frame
WARMUP_REQUESTS = 50  # imports, caches and the first numpy calls are paid before timing
START_TIMEOUT_S = 60.0  # loading a model and importing FastAPI on a slow machine
REQUEST_TIMEOUT_S = 30.0  # a request that takes longer counts as an error
ENDPOINT = "/api/morph"
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.IGNORECASE)


def _proc_status_mb(pid: int, key: str) -> float | None:
    """``VmRSS``/``VmHWM`` of a process in MB, None where /proc is not available."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
    return round(int(found.group(1)) / 1024, 1) if found else None


class ServerProcess:
    """``eqmorph serve --port 0`` in a subprocess; a context manager with ``host``, ``port`` and ``pid``."""

    def __init__(self, model_dir: Path) -> None:
        self.model_dir = model_dir
        self.proc: subprocess.Popen[str] | None = None
        self.host, self.port, self.pid = "", 0, 0

    def __enter__(self) -> ServerProcess:
        cmd = [sys.executable, "-m", "eqmorph.cli.serve", "--port", "0", "--model", str(self.model_dir)]
        self.proc = proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.pid = proc.pid
        stderr = proc.stderr
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.append(stderr.readline() if stderr else ""), daemon=True)
        reader.start()
        reader.join(START_TIMEOUT_S)
        found = re.search(r"http://([\d.]+):(\d+)/", lines[0]) if lines else None
        if not found:
            self.__exit__()
            raise EqmorphError(f"server did not start: {lines[0].strip() if lines else 'no output'}")
        self.host, self.port = found.group(1), int(found.group(2))
        if stderr is not None:  # keep the pipe drained so the server never blocks on a log line
            threading.Thread(target=stderr.read, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class _Connection:
    """One keep-alive HTTP/1.1 connection that sends GETs and reads ``Content-Length`` bodies."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self.reader, self.writer

    async def get(self, target: str) -> tuple[int, bytes]:
        reader, writer = await self.connect()  # again after an error or a server's "connection: close"
        writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode("latin-1"))
        head = await reader.readuntil(b"\r\n\r\n")
        length = _CONTENT_LENGTH.search(head)
        body = await reader.readexactly(int(length.group(1)) if length else 0)
        if b"connection: close" in head.lower():
            self.close()
        return int(head.split(b" ", 2)[1]), body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


@functools.cache
def _pair_target(a: str, b: str) -> str:
    """``/api/morph?a=..&b=..&alpha=`` for a word pair, quoted once: the client's own CPU time is the
    server's loss on shared cores (``urlencode`` on every request cost about 15 us of it)."""
    return f"{ENDPOINT}?{urlencode({'a': a, 'b': b})}&alpha="


def _pair(rng: np.random.Generator, vocabulary: Sequence[str]) -> tuple[str, str]:
    """Two different words drawn at random."""
    i, j = rng.choice(len(vocabulary), 2, replace=False)
    return vocabulary[i], vocabulary[j]


async def _level(host: str, port: int, vocabulary: Sequence[str], clients: int, mode: str, max_requests: int,
                 max_seconds: float, seed: int) -> dict[str, Any]:
    """One concurrency level in one mode; latencies in ms. ``vocabulary``: the words, most examples first."""
    issued = 0
    latencies: list[float] = []
    errors: list[str] = []
    conns = [_Connection(host, port) for _ in range(clients)]
    await asyncio.gather(*(c.connect() for c in conns))  # once, as a page does when it loads; not timed
    start = time.perf_counter()
    deadline = start + max_seconds
    digits = 3 if mode == "drag" else 6  # the slider's step is 0.001; flat-out avoids the answer cache

    async def client(k: int) -> None:
        nonlocal issued
        rng = np.random.default_rng(seed + k)
        conn = conns[k]
        words = _pair(rng, vocabulary) if mode == "pair-per-client" else (vocabulary[0], vocabulary[1])
        next_frame = time.perf_counter() + rng.random() * FRAME_S  # clients' frames are not in step
        try:
            while True:
                if mode == "drag":
                    await asyncio.sleep(max(0.0, next_frame - time.perf_counter()))
                    next_frame = max(next_frame + FRAME_S, time.perf_counter())
                if issued >= max_requests or time.perf_counter() >= deadline:
                    break
                issued += 1
                if mode == "random-pairs":
                    words = _pair(rng, vocabulary)
                target = f"{_pair_target(*words)}{rng.random():.{digits}f}"
                t0 = time.perf_counter()
                try:
                    async with asyncio.timeout(REQUEST_TIMEOUT_S):
                        status, _ = await conn.get(target)
                except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
                    errors.append(type(exc).__name__)
                    conn.close()
                    continue
                if status == 200:
                    latencies.append((time.perf_counter() - t0) * 1e3)
                else:
                    errors.append(f"HTTP {status}")
        finally:
            conn.close()

    await asyncio.gather(*(client(k) for k in range(clients)))
    elapsed = time.perf_counter() - start
    lat = np.asarray(latencies) if latencies else np.full(1, np.nan)
    p99, rate = float(np.percentile(lat, 99)), (len(latencies) + len(errors)) / elapsed
    target = TARGETS.get((mode, clients))
    met = None if target is None else bool(p99 <= target[0] and (target[1] is None or rate >= target[1]))
    return {
        "mode": mode,
        "clients": clients,
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "p50_ms": float(np.percentile(lat, 50)),
        "p99_ms": p99,
        "max_ms": float(np.max(lat)),
        "requests_per_s": rate,
        "seconds": elapsed,
        "target": None if target is None else {"p99_ms": target[0], "requests_per_s": target[1]},
        "met": met,
    }


async def _first_words(host: str, port: int) -> tuple[str, dict[str, Any], list[str]]:
    conn = _Connection(host, port)
    try:
        status, health = await conn.get("/api/health")
        _, words = await conn.get("/api/words")
    finally:
        conn.close()
    if status != 200:
        raise EqmorphError(f"/api/health answered HTTP {status}")
    info = json.loads(health)
    return info["model_id"], info, [w["word"] for w in json.loads(words)["words"]]


def run(model_dir: str | os.PathLike[str] | None = None, *, levels: Sequence[int] = LEVELS,
        modes: Sequence[str] = MODES, max_requests: int = MAX_REQUESTS, max_seconds: float = MAX_SECONDS,
        seed: int = 0) -> dict[str, Any]:
    """Start the server with ``model_dir`` (None: the bundled model) and load ``/api/morph``.

    Returns ``{"model_id", "words", "endpoint", "rss_at_rest_mb", "peak_rss_at_rest_mb", "peak_rss_after_mb",
    "levels": [{"mode", "clients", "requests", "errors", "p50_ms", "p99_ms", "requests_per_s", ...}]}``.
    """
    path = Path(model_dir) if model_dir is not None else bundled_model_dir()
    if not path.is_dir():
        which = "--model" if model_dir is not None else "the bundled model"
        raise ModelFileError(f"{which}: no model directory at {str(path)!r}; train one or pass --model DIR")
    if not levels or any(isinstance(c, bool) or not isinstance(c, int) or c < 1 for c in levels):
        raise ParameterError("levels", levels, "positive integers (concurrent clients)")
    if not modes or any(m not in MODES for m in modes):
        raise ParameterError("modes", modes, " and/or ".join(MODES))
    with ServerProcess(path) as server:
        model_id, _, vocab = asyncio.run(_first_words(server.host, server.port))
        if len(vocab) < 2:
            raise ModelFileError(f"model {model_id} knows fewer than two words; nothing to morph")

        async def all_levels() -> tuple[float | None, float | None, list[dict[str, Any]]]:
            await _level(server.host, server.port, vocab, 1, "flat-out", WARMUP_REQUESTS, max_seconds, seed + 999_983)
            rest = _proc_status_mb(server.pid, "VmRSS"), _proc_status_mb(server.pid, "VmHWM")
            out = [await _level(server.host, server.port, vocab, c, mode, max_requests, max_seconds, seed + 1000 * i)
                   for mode in modes for i, c in enumerate(levels)]
            return rest[0], rest[1], out

        # The client's own garbage collections are not server latency: inside `python -m benchmarks` this process
        # holds every earlier section's objects (datasets, models), and walking them stalled every request in
        # flight (random pairs, 20 clients: p99 6.3-6.6 ms with a 2-million-object heap, 4.6-5.0 ms frozen).
        gc.collect()
        gc.freeze()
        try:
            with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
                rest, rest_peak, results = runner.run(all_levels())
        finally:
            gc.unfreeze()
        peak = _proc_status_mb(server.pid, "VmHWM")
    return {"model_id": model_id, "words": vocab[:2], "vocabulary": len(vocab), "endpoint": ENDPOINT,
            "cpus": os.cpu_count(),
            "rss_at_rest_mb": rest, "peak_rss_at_rest_mb": rest_peak, "peak_rss_after_mb": peak,
            "levels": results}


def markdown(result: dict[str, Any]) -> str:
    """The result as a markdown table plus a line about memory."""
    lines = [f"`{result['endpoint']}`, model {result['model_id']} ({result['vocabulary']} words), "
             f"{result['cpus']} CPUs shared by client and server", "",
             "| mode | clients | requests | errors | p50 (ms) | p99 (ms) | requests/s | target | met |",
             "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in result["levels"]:
        target = r["target"]
        goal = "" if target is None else f"p99 <= {target['p99_ms']:g} ms" + (
            "" if target["requests_per_s"] is None else f", >= {target['requests_per_s']:,.0f}/s")
        met = "" if r["met"] is None else ("met" if r["met"] else "not met")
        lines.append(f"| {r['mode']} | {r['clients']} | {r['requests']} | {r['errors']} | {r['p50_ms']:.2f} "
                     f"| {r['p99_ms']:.2f} | {r['requests_per_s']:.0f} | {goal} | {met} |")
    lines += ["", "Each client opens its keep-alive connection before timing starts (a page does so once). flat-out: "
              f"every client on {result['words'][0]} -> {result['words'][1]}, the next request as soon as the answer "
              "is read, 6-digit alphas (no cache hits); drag: the same pair, at most one request per 60 Hz frame, "
              "alphas on the slider's 0.001 grid; pair-per-client: flat-out, each client on its own random pair; "
              "random-pairs: flat-out, a new random pair on every request.",
              "", f"server RSS at rest: {result['rss_at_rest_mb']} MB (high-water mark {result['peak_rss_at_rest_mb']} "
              f"MB); high-water mark after the load: {result['peak_rss_after_mb']} MB"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--model", metavar="DIR", default=None, help="model directory (default: bundled model)")
    parser.add_argument("--requests", type=int, default=MAX_REQUESTS, help="requests per level and mode")
    parser.add_argument("--seconds", type=float, default=MAX_SECONDS, help="time limit per level and mode")
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES), help="which modes to run")
    parser.add_argument("--clients", nargs="+", type=int, default=list(LEVELS), help="concurrency levels")
    parser.add_argument("--json", metavar="OUT", default=None, help="also write the result as JSON")
    args = parser.parse_args(argv)
    try:
        result = run(args.model, levels=args.clients, modes=args.modes, max_requests=args.requests,
                     max_seconds=args.seconds)
    except EqmorphError as exc:
        print(f"server_load: error: {exc}", file=sys.stderr)
        return 2
    print(markdown(result))
    if args.json:
        write_text_atomic(args.json, json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
