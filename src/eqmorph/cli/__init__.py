"""The ``eqmorph`` command: a thin layer over the library.

Each sub-command lives in a module of this package with a ``register(subparsers)``
function that adds its parser and sets ``func`` to a handler ``(args) -> int``.
The handler calls typed library functions; errors the library raises on purpose
(:class:`eqmorph.errors.EqmorphError`) become one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from eqmorph.errors import EqmorphError

# Sub-command modules, in the order `eqmorph --help` lists them.
_MODULES = ("data", "model", "morph", "presets", "figures", "audio", "evaluate", "serve")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every sub-command registered."""
    import importlib

    parser = argparse.ArgumentParser(prog="eqmorph", description="Words to 5-band parametric EQ.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in _MODULES:
        importlib.import_module(f"eqmorph.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``eqmorph`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except EqmorphError as exc:
        print(f"eqmorph {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"eqmorph {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
