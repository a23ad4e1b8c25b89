"""How to install an optional extra, said the way eqmorph was installed (a checkout or the package index).

A hint must work when pasted: from a checkout (``pip install -e .``) the command is
``pip install -e "/path/to/checkout[server]"``; from the index it is ``pip install "eqmorph[server]"``.
pip records which in the installed distribution's ``direct_url.json`` (PEP 610).

And it must be the pip of the Python running eqmorph: a bare ``pip`` is whichever is first on PATH, and
``make demo`` installs into ``.venv``, which is not on PATH (README). Inside a virtual environment the hint names
its pip (``.venv/bin/pip`` when it lies under the working folder, else its full path); elsewhere
``/usr/bin/python3 -m pip``.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse


def install_hint(extra: str) -> str:
    """The pip command that adds ``extra`` (e.g. ``"server"``) to this installation of eqmorph."""
    from importlib import metadata  # only on error paths: importlib.metadata costs ~10 ms to import

    try:
        direct = json.loads(metadata.distribution("eqmorph").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        direct = {}
    url = urlparse(str(direct.get("url", "")))
    if url.scheme == "file" and direct.get("dir_info", {}).get("editable"):
        return f"{pip_command()} install -e {shlex.quote(unquote(url.path) + f'[{extra}]')}"
    return f"{pip_command()} install {shlex.quote(f'eqmorph[{extra}]')}"


def pip_command() -> str:
    """The pip of the running Python, as a user types it from the working folder."""
    if sys.prefix != sys.base_prefix:  # a virtual environment
        pip = Path(sys.prefix) / ("Scripts/pip.exe" if os.name == "nt" else "bin/pip")
        if pip.is_file():
            try:
                shown = str(pip.relative_to(Path.cwd()))
            except ValueError:
                shown = str(pip)
            return shlex.quote(shown)
    return f"{shlex.quote(sys.executable)} -m pip"
