"""How to install an optional extra, said the way eqmorph was installed (a checkout or the package index).

A hint must work when pasted: from a checkout (``pip install -e .``) the command is
``pip install -e "/path/to/checkout[server]"``; from the index it is ``pip install "eqmorph[server]"``.
pip records which in the installed distribution's ``direct_url.json`` (PEP 610).
"""

from __future__ import annotations

import json
import shlex
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
        return f"pip install -e {shlex.quote(unquote(url.path) + f'[{extra}]')}"
    return f"pip install {shlex.quote(f'eqmorph[{extra}]')}"
