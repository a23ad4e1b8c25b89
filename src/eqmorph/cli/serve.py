"""``eqmorph serve``: the local web app (JSON API and the morph page) on uvicorn.

Listens on loopback only unless ``--allow-remote`` is given: the server has no
authentication, so exposing it is a decision the user makes explicitly. SIGTERM
and Ctrl-C stop it gracefully (open requests get a few seconds) with exit code 0.

Run as ``eqmorph serve`` or, before the sub-command is registered, ``python -m eqmorph.cli.serve``.
"""

from __future__ import annotations

import argparse
import gc
import ipaddress
import signal
import socket
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eqmorph.cli.common import add_model_arg
from eqmorph.cli.handler import run_handler
from eqmorph.errors import EqmorphError, ParameterError

if TYPE_CHECKING:
    from eqmorph.semantic.morph import Morpher

GRACEFUL_SHUTDOWN_S = 3  # open requests get this long after SIGTERM; morph answers take milliseconds
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback IP addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_port(port: object) -> int:
    """``port`` if it is a TCP port number (0 asks the system for a free one)."""
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        raise ParameterError("--port", port, "an integer from 0 to 65535 (0: any free port)")
    return port


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port); failures name the parameter."""
    check_port(port)
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except (OSError, UnicodeError) as exc:
        raise ParameterError("--host", host, f"an address or host name this machine can resolve ({exc})") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ParameterError("--port", port, f"a port free on {host} ({exc.strerror or exc})") from None
    sock.set_inheritable(True)
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"


# A word no model knows, asked once at start-up so the first visitor's unknown word does not wait for
# the sentence model to load (about 0.1 s plus the embedding of the vocabulary on a cold disk).
WARM_UP_WORD = "velvety"


def load_for_web(model: str | None, open_vocab: bool | None) -> Morpher:
    """The model the page talks to; unknown words go through the open vocabulary when the ``text`` extra is there.

    ``open_vocab`` None: on when the MiniLM weights package is installed, otherwise off with a note on stderr
    (the page then answers unknown words with spelling suggestions). True: required, an error without it.
    """
    from eqmorph.language.open_vocab_hint import text_extra_installed
    from eqmorph.semantic.morph import load

    if open_vocab is None:
        open_vocab = text_extra_installed()
        if not open_vocab:
            from eqmorph.core.install import install_hint

            print("eqmorph serve: unknown words get spelling suggestions only; for the open vocabulary: "
                  f"{install_hint('text')}", file=sys.stderr)
    morpher = load(model, open_vocabulary=open_vocab)
    if open_vocab:
        morpher.generate(WARM_UP_WORD)  # fails here, with the install hint, if the text extra is broken
    # Built before the server listens: the page asks /api/describe as it opens, and the first description in Spanish
    # reads every Spanish name back (semantic/translations.py), 0.6 s with the open vocabulary.
    morpher.describer.in_language("es")
    return morpher


def _run_serve(args: argparse.Namespace) -> int:
    check_port(args.port)  # every check that needs no model comes before loading it
    if not is_loopback(args.host):
        if not args.allow_remote:
            raise ParameterError("--host", args.host, "a loopback address (127.0.0.1, ::1, localhost); "
                                 "add --allow-remote to let other machines reach the server")
        print(f"eqmorph serve: warning: listening on {args.host}: anyone who can reach this machine can use "
              "the server, which has no authentication", file=sys.stderr)
    try:
        import uvicorn

        from eqmorph.server import create_app
    except ImportError as exc:
        from eqmorph.core.install import install_hint

        raise EqmorphError(f"the web app needs the server extra ({exc.name} is missing): "
                           f"{install_hint('server')}") from exc
    morpher = load_for_web(args.model, args.open_vocab)
    app = create_app(morpher)
    sock = bind_socket(args.host, args.port)
    # proxy_headers off: no access log reads the client address it rewrites, and its layer wrapped every request.
    config = uvicorn.Config(app, log_level=args.log_level, access_log=False, server_header=False,
                            lifespan="off", timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S, proxy_headers=False)
    server = uvicorn.Server(config)
    # Everything loaded so far (model, app, libraries) lives as long as the server: out of the collector's
    # sight, a full collection no longer walks it. One took about 40 ms, stalling every request in flight
    # (the 29 ms p99 of random word pairs in benchmarks/server_load.py).
    gc.freeze()
    stops: list[int] = []
    # uvicorn shuts down on SIGINT/SIGTERM, then re-raises the signal through the handler that was
    # installed before it started; this one records it, so the process ends with exit code 0.
    previous = {sig: signal.signal(sig, lambda signum, _frame: stops.append(signum))
                for sig in (signal.SIGINT, signal.SIGTERM)}
    print(f"eqmorph serve: {_url(sock)} (model {morpher.model_id}, {len(morpher.terms)} words); "
          "Ctrl-C to stop", file=sys.stderr, flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sock.close()
    if stops:
        print("eqmorph serve: stopped", file=sys.stderr)
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph serve [--host H] [--port P] [--model DIR] [--allow-remote] [--log-level L]``."""
    p = subparsers.add_parser("serve", help="the local web app: morph between words with a slider and listen",
                              description="Serve the eqmorph web app and its JSON API (loopback only by default). On "
                              "loopback it answers only requests addressed to localhost, 127.0.0.1 or [::1] (any "
                              "port), so that web pages on other sites cannot read it (DNS rebinding).")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="TCP port (default 8000; 0 picks a free one)")
    add_model_arg(p)
    p.add_argument("--allow-remote", action="store_true",
                   help="allow a non-loopback --host (the server has no authentication)")
    p.add_argument("--open-vocab", action=argparse.BooleanOptionalAction, default=None,
                   help="unknown words through the open vocabulary (default: on when the text extra is installed)")
    p.add_argument("--log-level", choices=LOG_LEVELS, default="warning", help="uvicorn log level (default warning)")
    p.set_defaults(func=_run_serve)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m eqmorph.cli.serve [options]``: the same as ``eqmorph serve [options]``."""
    parser = argparse.ArgumentParser(prog="eqmorph")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["serve", *(sys.argv[1:] if argv is None else argv)])
    return run_handler("serve", args.func, args)


if __name__ == "__main__":
    sys.exit(main())
