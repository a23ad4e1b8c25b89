"""The ``Host`` check that keeps web pages on other sites from reading a loopback server (DNS rebinding).

A page on ``evil.example`` can point its own name at 127.0.0.1 once it has loaded; the browser then
sends that page's requests to the local server as same-origin requests it may read, with
``Host: evil.example``. The server has no authentication, so the defence is the ``Host`` header: a
request that reaches the server on a loopback address must name the server as a browser on this
machine does: ``localhost`` or a loopback IP literal (``127.0.0.1``, ``[::1]``, ...), with any port or
none (an SSH tunnel or port forward changes the port; only the name can be an attacker's). A request
that arrived on another address came from the network, which ``eqmorph serve --allow-remote`` chose to
let in, so its ``Host`` (a name or address of this machine) is not checked. Refused requests get 400
in the one error shape (:func:`.errors.error_body`), naming the header and the names allowed.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Iterable

from eqmorph.errors import ParameterError
from eqmorph.server.errors import echo, error_body
from eqmorph.server.limits import Scope, Send, send_json

LOOPBACK_NAMES = frozenset({"localhost", "localhost."})
ALLOWED_TEXT = "localhost, 127.0.0.1 or [::1] (any loopback address), with any port"
# A host name as DNS allows it (letters, digits, hyphens, dots); what a reverse proxy's public name looks like.
_HOST_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?")
_PORT = re.compile(r"(:[0-9]*)?")


@functools.lru_cache(maxsize=64)
def is_loopback_address(address: object) -> bool:
    """True for a loopback IP literal (``127.0.0.1``, ``::1``; IPv6 with or without brackets)."""
    if not isinstance(address, str):
        return False
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str | None:
    """The name part of a ``Host`` header in lower case (``"[::1]:8000"`` -> ``"[::1]"``), None if it is malformed."""
    text = header.strip().lower()
    if text.startswith("["):
        end = text.find("]")
        name, port = (text[:end + 1], text[end + 1:]) if end > 0 else ("", "")
    else:
        name, colon, digits = text.partition(":")
        port = colon + digits
    return name if name and _PORT.fullmatch(port) else None


def check_allowed_hosts(names: object) -> frozenset[str]:
    """``names`` as a set of lower-case host names, or :class:`ParameterError` naming ``allowed_hosts``."""
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise ParameterError("allowed_hosts", names, "a list of host names such as ['eqmorph.example.org']")
    out = set()
    for name in names:
        if not isinstance(name, str) or not _HOST_NAME.fullmatch(name.lower()):
            raise ParameterError("allowed_hosts", name, "a host name without a port, such as 'eqmorph.example.org'")
        out.add(name.lower())
    return frozenset(out)


class HostGuard:
    """Decides whether a request's ``Host`` may be answered, and sends the refusal when not.

    ``allowed_hosts``: names accepted besides the loopback ones (a reverse proxy on this machine that
    forwards its public name).
    """

    def __init__(self, allowed_hosts: Iterable[str] = ()) -> None:
        self.names = LOOPBACK_NAMES | check_allowed_hosts(allowed_hosts)
        self._accepted = functools.lru_cache(maxsize=256)(self._name_accepted)

    def _name_accepted(self, header: bytes) -> bool:
        name = host_name(header.decode("latin-1"))
        return name is not None and (name in self.names or is_loopback_address(name))

    def refused_host(self, scope: Scope) -> bytes | None:
        """The ``Host`` header that must be refused, or None when the request may go on."""
        server = scope.get("server")
        if not server or not is_loopback_address(server[0]):
            return None  # from the network (or a Unix socket): not a browser on this machine
        for key, value in scope["headers"]:
            if key == b"host" and not self._accepted(value):
                return value
        return None  # HTTP/1.0 without a Host: no browser sends that

    async def refuse(self, host: bytes, send: Send) -> None:
        shown = host.decode("latin-1")
        await send_json(send, 400, error_body(
            "host_not_allowed", "Host", shown, ALLOWED_TEXT,
            f"Host {echo(shown)!r} is not allowed: a request reaching this server on a loopback address must name it "
            f"as {ALLOWED_TEXT}, so that pages on other sites cannot read it; open http://localhost:PORT/"))
