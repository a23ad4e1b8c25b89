"""The ``eqmorph`` command: a thin layer over the library.

Each sub-command lives in the module of this package named after it (``import`` in
``import_preset``, as ``import`` is a keyword), with a ``register(subparsers)`` function
that adds its parser and sets ``func`` to a handler ``(args) -> int``.  Options several
commands share (``--model``, ``--format``/``-o``) and the error handling are in
:mod:`eqmorph.cli.common`: errors the library raises on purpose
(:class:`eqmorph.errors.EqmorphError`) become one line on stderr and exit code 2, naming the
option the user typed (``-o``, not the library's ``output``); an unknown option is refused with
the sub-command's usage.

Only the invoked command's module is imported, so ``eqmorph generate`` does not pay for
the audio, dataset or server imports of other commands; ``eqmorph --help`` imports all.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import sys
from collections.abc import Sequence

from eqmorph.cli.common import command_parser, run_handler

# Command -> module of this package, in the order `eqmorph --help` lists them.
COMMANDS: dict[str, str] = {
    "generate": "generate",
    "morph": "morph",
    "blend": "blend",
    "sample": "sample",
    "words": "words",
    "edit": "edit",
    "import": "import_preset",
    "describe": "describe",
    "apply": "apply",
    "match": "match",
    "plot": "plot",
    "figures": "figures",
    "demo": "demo",
    "serve": "serve",
    "data": "data",
    "train": "train",
    "evaluate": "evaluate",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: with ``command`` (a key of :data:`COMMANDS`) only that sub-command, else all."""
    from eqmorph import __version__

    parser = argparse.ArgumentParser(prog="eqmorph", description="Words to 5-band parametric EQ.")
    parser.add_argument("--version", action="version", version=f"eqmorph {__version__}",
                        help="print eqmorph's version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in [command] if command in COMMANDS else dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"eqmorph.cli.{COMMANDS.get(name, name)}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``eqmorph`` console script; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(first)
    _refuse_unknown_options(parser, argv)
    args, unknown = parser.parse_known_args(argv)
    command = command_parser(parser, args)
    if unknown:  # said by the sub-command's parser, with its usage, not by the top-level one
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    return run_handler(args.command, args.func, args, command, argv)


def _refuse_unknown_options(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """Refuse a long option the command does not have, before argparse checks its required options: a typo such as
    ``apply IN OUT --wrod warm`` was answered "one of the arguments --word --preset is required" (a user trial)."""
    command, start = parser, 0
    while True:  # down to the command that reads the options ("data stats")
        subs = next((a for a in command._actions if isinstance(a, argparse._SubParsersAction)), None)
        at = next((i for i in range(start, len(argv)) if not argv[i].startswith("-")), None)
        if subs is None or at is None or argv[at] not in subs.choices:
            break
        command, start = subs.choices[argv[at]], at + 1
    if command is parser:
        return
    known = [o for o in command._option_string_actions if o.startswith("--")]
    for token in argv[start:]:
        if token == "--":
            return
        name = token.split("=", 1)[0]
        # argparse takes any unambiguous prefix of an option ("--inten"): only a name that starts none is unknown.
        if name.startswith("--") and not any(o.startswith(name) for o in known):
            close = difflib.get_close_matches(name, known, n=1)
            command.error(f"unrecognized option {name}" + (f"; did you mean {close[0]}?" if close else ""))


if __name__ == "__main__":
    sys.exit(main())
