"""A missing-extra hint is a command that works for how eqmorph was installed."""

import json
from importlib import metadata

from eqmorph.core import install
from eqmorph.core.install import install_hint, pip_command


class _Dist:
    def __init__(self, direct_url):
        self._text = None if direct_url is None else json.dumps(direct_url)

    def read_text(self, name):
        return self._text if name == "direct_url.json" else None


def test_a_checkout_installed_with_pip_install_e_gets_an_editable_command(monkeypatch):
    monkeypatch.setattr(metadata, "distribution",
                        lambda name: _Dist({"url": "file:///home/me/eq%20morph", "dir_info": {"editable": True}}))
    assert install_hint("server") == f"{pip_command()} install -e '/home/me/eq morph[server]'"


def test_an_index_install_gets_the_package_name(monkeypatch):
    monkeypatch.setattr(metadata, "distribution", lambda name: _Dist(None))
    assert install_hint("plots") == f"{pip_command()} install 'eqmorph[plots]'"


def test_this_checkout_is_editable():
    assert install_hint("train").startswith(f"{pip_command()} install -e ") and install_hint("train").endswith(
        "[train]'")


def test_the_hint_names_the_pip_of_the_running_virtual_environment_not_a_bare_pip(tmp_path, monkeypatch):
    # `make demo` installs into .venv, which is not on PATH: a bare `pip` would install into another Python.
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "pip").write_text("")
    monkeypatch.setattr(install.sys, "prefix", str(venv))
    monkeypatch.setattr(install.sys, "base_prefix", "/usr")
    monkeypatch.setattr(install.os, "name", "posix")
    monkeypatch.chdir(tmp_path)
    assert pip_command() == ".venv/bin/pip"
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert pip_command() == str(venv / "bin" / "pip")


def test_outside_a_virtual_environment_the_hint_runs_pip_through_the_running_python(monkeypatch):
    monkeypatch.setattr(install.sys, "prefix", "/usr")
    monkeypatch.setattr(install.sys, "base_prefix", "/usr")
    monkeypatch.setattr(install.sys, "executable", "/usr/bin/python3")
    assert pip_command() == "/usr/bin/python3 -m pip"


def test_the_train_extra_holds_every_package_of_the_data_extra():
    # eqmorph train names [train] when pyarrow (a [data] package) is missing: that must bring it.
    import re
    import tomllib
    from pathlib import Path

    extras = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]

    def names(extra):
        return {re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", r).group(0)).lower() for r in extras[extra]}

    assert names("data") and names("data") <= names("train")
