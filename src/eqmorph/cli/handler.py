"""Running a sub-command's handler: the checks every command makes before it runs, exit codes (errors 2, Ctrl-C
130, SIGTERM 143, a closed pipe 141), and an error said in the user's terms (the option they typed, not the library's
parameter; the ``--open-vocab`` hint).

Kept free of numpy and model imports, as :mod:`eqmorph.cli.common` is: ``eqmorph --help`` imports it.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from eqmorph.cli.common import refuse_bad_preset_output, refuse_folder_inputs
from eqmorph.errors import EqmorphError, ParameterError, UnknownWordError


def run_handler(command: str, func: Callable[[argparse.Namespace], int | None], args: argparse.Namespace,
                parser: argparse.ArgumentParser | None = None, argv: Sequence[str] = ()) -> int:
    """Run a sub-command's handler: eqmorph's errors become one line on stderr and exit code 2; Ctrl-C exits with
    130 and SIGTERM with 143, both after the handler's cleanup (no partial output); a closed output pipe, 141.

    With the sub-command's ``parser`` and the ``argv`` typed, a :class:`ParameterError` from the library
    names the option or argument the user gave (``-o``, ``--intensity``, ``OUT``), not the library's parameter.
    """
    with _sigterm_raises():
        try:
            refuse_folder_inputs(args)
            refuse_bad_preset_output(args)
            code = int(func(args) or 0)
            sys.stdout.flush()  # here, not at exit, so a reader that went away is handled below
            return code
        except BrokenPipeError:
            # The reader closed the pipe (`eqmorph words | head -3`): stop quietly, as command-line tools do, and
            # point stdout at /dev/null so the interpreter's final flush cannot fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 128 + signal.SIGPIPE
        except EqmorphError as exc:
            if isinstance(exc, UnknownWordError):
                exc.set_hint("")  # the library's names its keyword; open_vocab_hint says the command's option
            shown = exc if parser is None else in_user_terms(exc, parser, args, argv)
            print(f"eqmorph {command}: error: {shown}{open_vocab_hint(exc, args)}", file=sys.stderr)
            return 2
        except OSError as exc:
            if exc.errno != errno.ENAMETOOLONG:
                raise
            # A name longer than the file system allows fails the first look at it (is_dir, is_file), wherever that
            # is: every file-taking command printed a traceback (a new-user trial, 2026-12-03).
            name = os.fsdecode(exc.filename) if exc.filename is not None else "a path"
            print(f"eqmorph {command}: error: cannot use {name!r}: the file name is longer than the file system "
                  "allows (usually 255 bytes per name)", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(f"eqmorph {command}: interrupted", file=sys.stderr)
            return 130
        except Terminated:
            print(f"eqmorph {command}: terminated", file=sys.stderr)
            return 128 + signal.SIGTERM


class Terminated(BaseException):
    """SIGTERM (``timeout``, ``kill``, a service manager stopping a job), raised where the program was.

    A BaseException like KeyboardInterrupt, so that no ``except Exception`` swallows it and every ``finally`` and
    the atomic writer's cleanup run as they do for Ctrl-C: no partial output is left behind.
    """


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` while a command runs; the previous handler is restored afterwards."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # main() called from another thread (an embedding program): its signals are not ours
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# Library parameter names whose value a CLI option of another name carries (eqmorph.plots.canvas "path", the
# phrase parser's "text", eqmorph.plots.figures "out_dir"); a name and value the command line gave is used first.
LIBRARY_NAMES: dict[str, tuple[str, ...]] = {"path": ("output",), "text": ("word",), "out_dir": ("out",)}


def in_user_terms(exc: EqmorphError, parser: argparse.ArgumentParser, args: argparse.Namespace,
                  argv: Sequence[str]) -> EqmorphError:
    """``exc`` with a library parameter's name replaced by the option the user typed, when one gave its value.

    ``output='x'`` from :mod:`eqmorph.io.fileio` becomes ``-o='x'`` (or ``--output``, as typed), ``OUT='x'`` for a
    positional, ``--apply='x'`` when that option gave the path; a name that is already an option is kept.
    """
    if not isinstance(exc, ParameterError) or exc.name.startswith("-"):
        return exc
    command = command_parser(parser, args)
    action = _action_for(exc, command, args)
    if action is None:
        return exc
    # The library's hint "(or format=json|apo|...)" names its own keyword; here the choice is --format.
    has_format = any("--format" in a.option_strings for a in command._actions)
    allowed = exc.allowed.replace("format=", "--format ") if has_format else exc.allowed
    return exc.renamed(_as_typed(action, argv), allowed)


def command_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the (sub-)sub-command ``args`` ran: ``eqmorph data stats`` -> the ``stats`` parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(getattr(args, action.dest, None) or "")
            return parser if chosen is None else command_parser(chosen, args)
    return parser


def _action_for(exc: ParameterError, parser: argparse.ArgumentParser,
                args: argparse.Namespace) -> argparse.Action | None:
    """The argument that gave ``exc``'s value: named like the parameter, else the only one with that value."""
    names = {exc.name, *LIBRARY_NAMES.get(exc.name, ())}
    actions = [a for a in parser._actions if a.dest != argparse.SUPPRESS and a.dest != "help"]
    given = [a for a in actions if _holds(getattr(args, a.dest, None), exc.value)]
    for found in ([a for a in given if a.dest in names], given if len(given) == 1 else [],
                  [a for a in actions if a.dest in names]):
        if found:
            return found[0]
    return None


def _holds(arg: Any, value: Any) -> bool:
    """Whether a parsed argument (a value or a list of them, e.g. ``nargs="+"``) is ``value``."""
    if arg is None or isinstance(arg, bool) or isinstance(value, bool):
        return False
    # An empty list holds nothing: its join is "", which matched "--more ''" to --less too (a new-user trial)
    items = ([*arg, " ".join(map(str, arg))] if arg else []) if isinstance(arg, list) else [arg]
    return any(item == value or str(item) == str(value) for item in items)


def _as_typed(action: argparse.Action, argv: Sequence[str]) -> str:
    """How the user wrote ``action``: the option string in ``argv`` (``-o`` or ``--output``), else its longest
    spelling; a positional by its metavar (``OUT``)."""
    if not action.option_strings:
        return str(action.metavar or action.dest.upper())
    for token in argv:
        if token == "--":
            break
        for option in action.option_strings:
            short = len(option) == 2 and not token.startswith("--")  # -oNAME
            if token == option or token.startswith(option + "=") or (short and token.startswith(option)):
                return option
    return max(action.option_strings, key=len)


def open_vocab_hint(exc: EqmorphError, args: argparse.Namespace) -> str:
    """For an unknown word on a command that has ``--open-vocab`` but was run without it: say it exists. Not for a
    stop-listed word ("hello"), a slip of a studio term ("mdis") or a word no EQ makes ("glue"): the open vocabulary
    refuses those too."""
    if isinstance(exc, UnknownWordError) and getattr(args, "open_vocab", None) is False and not exc.studio_terms:
        from eqmorph.language.not_eq import NOT_EQ_WORDS
        from eqmorph.language.stoplist import stoplist
        from eqmorph.language.terms import normalise_term

        if normalise_term(exc.word) not in stoplist() and normalise_term(exc.word) not in NOT_EQ_WORDS:
            # "or" after the closest words (take one, or this); alone it followed "no similar known words" oddly.
            either = "or " if exc.suggestions else ""
            return f"; {either}add --open-vocab to map it to known words by meaning (extra: text)"
    return ""
