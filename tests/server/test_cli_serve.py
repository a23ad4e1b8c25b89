"""``eqmorph serve``: loopback unless told otherwise, one-line errors, and a clean start."""

from __future__ import annotations

import socket

import pytest

from eqmorph import cli
from eqmorph.cli import serve
from eqmorph.errors import ParameterError


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize("host", ["127.0.0.1", "127.3.2.1", "::1", "[::1]", "localhost", "LocalHost"])
def test_loopback_hosts_are_recognised(host):
    assert serve.is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "example.com", "localhost.evil.com"])
def test_other_hosts_are_not_loopback(host):
    assert not serve.is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20"])
def test_a_non_loopback_host_without_allow_remote_is_a_one_line_error(capsys, host):
    assert serve.main(["--host", host]) == 2
    err = _one_line_error(capsys)
    assert err.startswith("eqmorph serve: error: --host=") and "--allow-remote" in err


def test_the_registered_sub_command_refuses_a_remote_host_the_same_way(capsys):
    assert cli.main(["serve", "--host", "0.0.0.0"]) == 2
    assert "--allow-remote" in _one_line_error(capsys)


def test_allow_remote_warns_before_anything_else(capsys, tmp_path):
    # A missing model stops the command right after the host check, so no server starts here.
    assert serve.main(["--host", "0.0.0.0", "--allow-remote", "--model", str(tmp_path / "no-model")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("eqmorph serve: warning: listening on 0.0.0.0")
    assert err[1].startswith("eqmorph serve: error:") and len(err) == 2


@pytest.mark.parametrize("port", ["-1", "65536"])
def test_a_port_out_of_range_is_a_one_line_error(capsys, port):
    assert serve.main(["--port", port]) == 2
    assert "--port=" in _one_line_error(capsys)


def test_a_port_in_use_is_a_one_line_error_naming_the_port(capsys, tiny_model_dir):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert serve.main(["--port", str(port), "--model", str(tiny_model_dir)]) == 2
    assert f"--port={port}" in _one_line_error(capsys)


def test_bind_socket_on_port_0_picks_a_free_port():
    with serve.bind_socket("127.0.0.1", 0) as s:
        assert s.getsockname()[1] > 0


@pytest.mark.parametrize("port", [-5, 70000, 1.5, True])
def test_bind_socket_refuses_bad_ports(port):
    with pytest.raises(ParameterError, match="--port"):
        serve.bind_socket("127.0.0.1", port)
