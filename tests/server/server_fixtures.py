"""Servers for the web app tests: uvicorn in a thread, and ``eqmorph serve`` in a subprocess."""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading
import time

from eqmorph.cli.serve import bind_socket

START_TIMEOUT_S = 60.0  # a cold interpreter importing numpy, FastAPI and the model on a busy CI machine


class LiveServer:
    """uvicorn serving ``app`` from a background thread on a free loopback port."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = bind_socket("127.0.0.1", 0)
        self.host, self.port = self.sock.getsockname()[:2]
        self.url = f"http://{self.host}:{self.port}"
        config = uvicorn.Config(app, log_level="error", access_log=False, lifespan="off",
                                timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def read_line(stream, timeout_s: float) -> str:
    """One line from a subprocess pipe, or '' if none comes within ``timeout_s``."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout_s)
    except queue.Empty:
        return ""


def start_server_process(model_dir) -> tuple[subprocess.Popen, str]:
    """``python -m eqmorph.cli.serve --port 0`` and the URL it prints once it listens."""
    proc = subprocess.Popen([sys.executable, "-m", "eqmorph.cli.serve", "--port", "0", "--model", str(model_dir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = read_line(proc.stderr, START_TIMEOUT_S)
    found = re.search(r"http://\S+/", line)
    if not found:
        proc.kill()
        proc.wait()
        raise RuntimeError(f"server did not start: {line!r}")
    return proc, found.group(0).rstrip("/")
