"""The ``eqmorph`` command: a thin layer over the library.

Each sub-command lives in the module of this package named after it (``import`` in
``import_preset``, as ``import`` is a keyword), with a ``register(subparsers)`` function
that adds its parser and sets ``func`` to a handler ``(args) -> int``.  Options several
commands share (``--model``, ``--format``/``-o``) are in :mod:`eqmorph.cli.common`, the error
handling in :mod:`eqmorph.cli.handler`: errors the library raises on purpose
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
import re
import shlex
import sys
from collections.abc import Sequence

from eqmorph.cli.handler import command_parser, run_handler

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


# A dB amount or a signed number typed as its own argument ("-3dB", "+2.5db", "-3", "3dB"): a phrase's, unquoted.
_AMOUNT_ARG = re.compile(r"[-−+]\s?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:\s?dbs?)?|(?:\d+(?:[.,]\d+)?|[.,]\d+)\s?dbs?",
                         re.IGNORECASE)
_UNIT_ARG = re.compile(r"dbs?", re.IGNORECASE)  # the "dB" of "-3 dB" typed apart
_PHRASE_METAVARS = frozenset({"WORD", "WORD2"})  # the arguments that take a phrase ("generate WORD...", "--more WORD")
_NEGATIVE_NUMBER = re.compile(r"-\d+|-\d*\.\d+")  # what argparse takes as a value, not an option ("-3")


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
        start = argv.index(args.command) + 1 if args.command in argv else 0
        at = next((i for i in range(start, len(argv)) if argv[i] in unknown and _AMOUNT_ARG.fullmatch(argv[i])), None)
        hint = "" if at is None else "; " + _quote_hint(command, argv, start, at)
        alpha = _alpha_hint(command, argv, unknown)
        if alpha:
            hint = f"; {alpha}"
        elif at is None and all(not u.startswith("-") for u in unknown):  # "apply IN OUT --word a bit warm"
            hint = "; a phrase of several words goes in quotes, e.g. 'a bit warm'"
            if args.command in _WORDS_GO or (len(unknown) == 1 and " " in unknown[0]):  # quoted already (a trial)
                hint = f"; {_WORDS_GO.get(args.command, 'the command takes no further words')}"
        command.error(f"unrecognized arguments: {' '.join(unknown)}{hint}")
    return run_handler(args.command, args.func, args, command, argv)


# Where a phrase goes for a command that takes it only by an option ("edit p.txt 'a bit brighter'" was told to quote
# what it had quoted: a new-user trial, 2026-12-04)
_WORDS_GO = {"edit": "a change goes after --more or --less, e.g. --more 'a bit brighter'"}


def _alpha_hint(command: argparse.ArgumentParser, argv: list[str], unknown: list[str]) -> str:
    """``eqmorph morph warm bright 0.3``: a lone number in [0, 1] after the words of a command with ``--alpha`` is
    almost surely the slider's place, not a word to quote (a new-user trial was told to quote a phrase): the command
    line with ``--alpha`` before it. Empty when the extra argument is anything else, or --alpha is given already."""
    if len(unknown) != 1 or "--alpha" not in command._option_string_actions or any(
            a == "--alpha" or a.startswith("--alpha=") for a in argv):
        return ""
    try:
        value = float(unknown[0])
    except ValueError:
        return ""
    if not 0.0 <= value <= 1.0:
        return ""
    at = argv.index(unknown[0])
    shown = " ".join(map(shlex.quote, [*argv[:at], "--alpha", unknown[0], *argv[at + 1:]]))
    return f"where the morph sits is an option: eqmorph {shown}"


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
    for at, token in enumerate(argv[start:], start):
        if token == "--":
            return
        if token.startswith("-") and _AMOUNT_ARG.fullmatch(token) and not _NEGATIVE_NUMBER.fullmatch(token):
            # "-3dB" looks like an option to argparse, which said only "unrecognized arguments" (a user trial).
            command.error(f"unrecognized arguments: {token}; {_quote_hint(command, argv, start, at)}")
        taken = _option(command, token)
        value = argv[at + 1] if at + 1 < len(argv) else ""
        # argparse takes "-" and a text with a space ("-3 dB bass") as values, like a negative number.
        if (taken is not None and taken.nargs is None and value.startswith("-") and value != "--"
                and len(value) > 1 and " " not in value
                and not _NEGATIVE_NUMBER.fullmatch(value) and not _AMOUNT_ARG.fullmatch(value)
                and _option(command, value.split("=", 1)[0]) is None):
            # "--automate -1:0,8:1": argparse reads the value as an option and says only "expected one argument".
            command.error(f"argument {token}: expected one argument; a value that starts with '-' reads as an "
                          f"option: write {token}={shlex.quote(value)}")
        name = token.split("=", 1)[0]
        # argparse takes any unambiguous prefix of an option ("--inten"): only a name that starts none is unknown.
        if name.startswith("--") and not any(o.startswith(name) for o in known):
            close = difflib.get_close_matches(name, known, n=1)
            command.error(f"unrecognized option {name}" + (f"; did you mean {close[0]}?" if close else ""))


def _quote_hint(command: argparse.ArgumentParser, argv: list[str], start: int, at: int) -> str:
    """What to type instead of the dB amount ``argv[at]`` that the shell split from its phrase: the command line with
    the phrase quoted (``eqmorph generate "bass -3dB"``) when the amount sits in a phrase the command reads (a WORD
    argument: all of ``generate``'s words, or the value of ``--more``, ``--word``, ``--to``...), with a ``dB`` typed
    after it; else (beside a file, or blend's WORD=WEIGHT) how a dB amount is written, with no command to copy."""
    generic = 'a dB amount goes in a quoted phrase beside the studio term it sets, e.g. "bass -3dB"'
    phrase_args = any(not a.option_strings and a.nargs in ("+", "*") and a.metavar in _PHRASE_METAVARS
                      for a in command._actions)
    end = at + 1
    # After the amount: its "dB" typed apart, more amounts, and for a command whose arguments are the phrase the words
    # up to the next option ("generate -3dB bass").
    while end < len(argv) and (_UNIT_ARG.fullmatch(argv[end]) or _AMOUNT_ARG.fullmatch(argv[end])
                               or (phrase_args and not argv[end].startswith("-"))):
        end += 1
    begin = at if phrase_args else None
    for k in range(at - 1, start - 1, -1):
        token = argv[k]
        if token.startswith("-") and not _AMOUNT_ARG.fullmatch(token):
            break  # an option: the phrase starts after it
        previous = _option(command, argv[k - 1]) if k > start else None
        if previous is not None and previous.nargs != 0:  # an option's value: a phrase if the option takes one
            begin = k if previous.metavar in _PHRASE_METAVARS else None
            break
        if not phrase_args:  # a file or a WORD=WEIGHT beside the amount: no phrase to quote
            break
        begin = k
    if begin is None or not start or end - begin == 1:  # nothing around the amount to quote it with
        return generic
    shown = [*map(shlex.quote, argv[:begin]), '"' + " ".join(argv[begin:end]) + '"', *map(shlex.quote, argv[end:])]
    return f"a dB amount belongs to its phrase: quote the phrase, eqmorph {' '.join(shown)}"


def _option(command: argparse.ArgumentParser, token: str) -> argparse.Action | None:
    """The option ``token`` names (a unique prefix too, as argparse takes ``--mor``), else None."""
    if not token.startswith("-") or "=" in token:
        return None
    if token in command._option_string_actions:
        return command._option_string_actions[token]
    found = {a for o, a in command._option_string_actions.items() if o.startswith("--") and o.startswith(token)}
    return found.pop() if len(found) == 1 else None


if __name__ == "__main__":
    sys.exit(main())
