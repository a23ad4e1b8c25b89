"""The real server over TCP: bad traffic, slow clients and SIGTERM do not hurt good requests."""

from __future__ import annotations

import signal
import socket
from concurrent.futures import ThreadPoolExecutor

import httpx
import numpy as np
import pytest
from server_fixtures import start_server_process

CLIENT_TIMEOUT_S = 10.0  # only a guard against a hang; answers take milliseconds


def _raw(server, payload: bytes) -> bytes:
    """Send raw bytes and end the stream, return whatever comes back before the server closes."""
    with socket.create_connection((server.host, server.port), timeout=CLIENT_TIMEOUT_S) as s:
        data = b""
        try:
            s.sendall(payload)
            s.shutdown(socket.SHUT_WR)  # no more requests: the server closes after answering
            while chunk := s.recv(65536):
                data += chunk
        except (TimeoutError, ConnectionResetError, BrokenPipeError):
            pass
        return data


def _good_morph(server, alpha: float) -> dict:
    r = httpx.get(server.url + "/api/morph", params={"a": "warm", "b": "bright", "alpha": alpha},
                  timeout=CLIENT_TIMEOUT_S)
    assert r.status_code == 200
    return r.json()


def test_a_burst_of_bad_requests_does_not_break_good_ones(live_server, tiny_model):
    url = live_server.url
    oversized = b"{" + b" " * 40000 + b"}"
    chunked = (b"POST /api/blend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n" + b"".join(b"400\r\n" + b" " * 1024 + b"\r\n" for _ in range(20))
               + b"0\r\n\r\n")
    bad_http = [
        lambda: httpx.get(url + "/api/morph", params={"a": "wram", "b": "bright", "alpha": 0.5}),
        lambda: httpx.get(url + "/api/morph", params={"a": "warm", "b": "bright", "alpha": "nan"}),
        lambda: httpx.get(url + "/api/generate", params={"word": "x" * 5000}),
        lambda: httpx.post(url + "/api/blend", content=oversized, headers={"content-type": "application/json"}),
        lambda: httpx.post(url + "/api/blend", content=b'{"weights": ', headers={"content-type": "application/json"}),
        lambda: httpx.get(url + "/../../etc/passwd"),
        lambda: httpx.get(url + "/static/../server/app.py"),
    ]
    bad_raw = [b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x00\xff" * 500, chunked,
               b"GET /api/health HTTP/1.1\r\nHost: x\r\n" + b"X-Long: " + b"a" * 100000 + b"\r\n\r\n"]

    def bad(i: int) -> int:
        if i % 3 == 0:
            _raw(live_server, bad_raw[i % len(bad_raw)])
            return 0
        return bad_http[i % len(bad_http)]().status_code

    alphas = np.linspace(0.05, 0.95, 20)
    with ThreadPoolExecutor(8) as pool:
        bad_codes = pool.map(bad, range(60))
        good = list(pool.map(lambda a: _good_morph(live_server, a), alphas))
        assert all(code in (0, 404, 413, 422) for code in bad_codes)
    for a, body in zip(alphas, good):
        np.testing.assert_array_equal(body["vector"], tiny_model.interpolate("warm", "bright", a).to_vector())
    assert _good_morph(live_server, 0.5)["alpha"] == 0.5
    for path in ("/../../etc/passwd", "/static/../server/app.py"):
        assert httpx.get(url + path).status_code == 404


def test_a_slow_client_does_not_block_other_clients(live_server):
    partial_head = socket.create_connection((live_server.host, live_server.port))
    partial_body = socket.create_connection((live_server.host, live_server.port))
    try:
        partial_head.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")  # never finishes its headers
        partial_body.sendall(b"POST /api/blend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             b"Content-Length: 100\r\n\r\n{\"weights\":")  # promises 100 bytes, sends 11
        for alpha in (0.1, 0.9):
            assert _good_morph(live_server, alpha)["alpha"] == alpha
    finally:
        partial_head.close()
        partial_body.close()


def test_sigterm_stops_the_server_cleanly_with_exit_code_0(tiny_model_dir):
    proc, url = start_server_process(tiny_model_dir)
    try:
        assert httpx.get(url + "/api/health", timeout=CLIENT_TIMEOUT_S).json()["status"] == "ok"
        idle = socket.create_connection((httpx.URL(url).host, httpx.URL(url).port))
        idle.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")  # and a request that never completes
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=20)
        except Exception:  # pragma: no cover - the assertion below reports it
            code = None
        idle.close()
        assert code == 0, proc.stderr.read()
        assert "stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("sig", [signal.SIGINT])
def test_ctrl_c_also_stops_the_server_with_exit_code_0(tiny_model_dir, sig):
    proc, url = start_server_process(tiny_model_dir)
    try:
        assert httpx.get(url + "/api/health", timeout=CLIENT_TIMEOUT_S).status_code == 200
        proc.send_signal(sig)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
