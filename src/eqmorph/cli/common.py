"""What every ``eqmorph`` sub-command shares: ``--model``, the EQ output options, "wrote PATH", error handling.

Kept free of numpy and model imports so that building the parser stays cheap; what a handler
needs is imported when it runs.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from eqmorph.errors import EqmorphError, ParameterError, UnknownWordError

if TYPE_CHECKING:
    from eqmorph.core.eq import EQ
    from eqmorph.semantic.morph import Morpher

# eqmorph.io.presets' formats and the names that ask for them, here so the parser needs no numpy (a test keeps
# them equal).
FORMATS: tuple[str, ...] = ("json", "apo", "csv", "graphiceq", "table")
SUFFIXES = ".json json, .txt/.apo apo, .csv csv, '... GraphicEQ.txt' graphiceq"


def add_model_arg(parser: argparse.ArgumentParser, *, help: str | None = None) -> None:
    """``--model DIR``, the one declaration every model-using command shares."""
    parser.add_argument("--model", metavar="DIR", default=None,
                        help=help or "model directory (default: the bundled model)")


SOURCES = ("socialfx", "safe")  # the crowds a model may hold words of (eqmorph.datasets.paths.SOURCES)


def add_source_arg(parser: argparse.ArgumentParser) -> None:
    """``--source socialfx|safe``: one crowd's words instead of both crowds' (the default), in any case (``SAFE``,
    ``SocialFX``), as words are."""
    parser.add_argument("--source", type=str.lower, choices=SOURCES, default=None,
                        help="use one crowd's meaning of the words: socialfx or safe, any case (default: both crowds)")


def add_input_arg(parser: argparse.ArgumentParser, dest: str, *, metavar: str, kind: str, help: str) -> None:
    """A positional naming a file the command reads, e.g. ``IN``, an audio file; :func:`run_handler` refuses a
    folder there before the command runs, for every command alike."""
    parser.add_argument(dest, metavar=metavar, help=help)
    parser.set_defaults(input_files={**(parser.get_default("input_files") or {}), dest: kind})


def refuse_folder_inputs(args: argparse.Namespace) -> None:
    """Refuse a folder given where a command reads a file (:func:`add_input_arg`).

    The readers below would call it a missing or unreadable file, which sends the user looking for a typo.
    """
    for dest, kind in (getattr(args, "input_files", None) or {}).items():
        path = getattr(args, dest, None)
        if path is not None and Path(path).is_dir():
            raise ParameterError(dest, str(path), f"{kind}, not a folder")


def output_name(text: str) -> str:
    """argparse type of ``-o``: an empty name (``-o "$UNSET_VAR"``) is refused, not taken as "no -o"."""
    if not text.strip():
        raise argparse.ArgumentTypeError(f"expected a file name, not {text!r}")
    return text


OPEN_VOCAB_HELP = "map unknown words to known ones by meaning (needs the text extra)"


def add_open_vocab_arg(parser: argparse.ArgumentParser) -> None:
    """``--open-vocab``; a command that has it gets :func:`open_vocab_hint` on its unknown-word errors."""
    parser.add_argument("--open-vocab", action="store_true", help=OPEN_VOCAB_HELP)


def add_word_args(parser: argparse.ArgumentParser, *, quiet: bool = True) -> None:
    """The options of every command that turns words into EQs: ``--model``, ``--source``, ``--open-vocab``
    and (``quiet``) ``--quiet``, which hides how phrases were understood."""
    add_model_arg(parser)
    add_source_arg(parser)
    add_open_vocab_arg(parser)
    if quiet:
        from eqmorph.cli.phrases import add_quiet_arg

        add_quiet_arg(parser)


def add_format_args(parser: argparse.ArgumentParser) -> None:
    """``--format`` and ``-o/--output OUT`` for commands that produce an EQ; :func:`run_handler` checks the pair
    before the command runs (:func:`refuse_bad_preset_output`)."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help=f"output format (default: table on screen; with -o, told by OUT's extension: {SUFFIXES}; a "
        "format OUT's name does not ask for is refused, and table is never written to a file)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", type=output_name, default=None,
                        help="write the preset to OUT atomically; never to an audio file's name (.wav, .flac, ...)")
    parser.set_defaults(preset_output=True)


def refuse_bad_preset_output(args: argparse.Namespace) -> None:
    """Refuse ``-o``/``--format`` that cannot go together (``--format csv -o x.txt``, ``--format table -o t``) before
    the command does any work, for every command alike (:func:`eqmorph.io.presets.output_format` has the rule)."""
    if getattr(args, "preset_output", False) and getattr(args, "output", None):
        from eqmorph.io.presets import output_format

        if args.output == "-":  # with --format it wrote a file named "-" (a new-user trial)
            raise ParameterError("-o", "-", "a file name; without -o the preset is printed to stdout")
        output_format(args.output, args.format)


def check_out_folder(option: str, out: str, model: str | None) -> Path:
    """``out`` as a folder to write into (``demo --out``, ``figures --out``), checked before any work: not a file, not
    inside the model, and created only if its parent exists (a typo in the parent must not build a tree of folders).
    :func:`make_out_folder` creates it."""
    refuse_inside_model(option, out, model)
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ParameterError(option, out, "a folder, not a file")
    if not folder.parent.is_dir():
        raise ParameterError(option, out, "a folder whose parent exists (only the last folder is created)")
    return folder


def make_out_folder(folder: Path) -> Path:
    """Create ``folder`` if missing (its parent exists: :func:`check_out_folder`); a place that cannot hold it (a
    read-only disk, no permission) is the one-line "cannot write" every command says, not a traceback."""
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise EqmorphError(f"cannot write {str(folder)!r}: {exc.strerror or exc}") from None
    return folder


def existed(path: str | os.PathLike[str]) -> bool:
    """Whether the file a command writes at ``path`` is there before it does (through a link: a broken link's file
    is not), for :func:`wrote`."""
    from eqmorph.io.fileio import written_path

    return written_path(path).exists()


def wrote(path: str | os.PathLike[str], existed_before: bool = False, file: TextIO | None = None) -> None:
    """Tell the user a file was written, ``overwrote PATH`` when one was there before: every command says it the
    same way.

    Outputs replace an existing file (as cp, sox and compilers' -o do: re-running a command is the common case),
    never an input (:func:`refuse_overwriting_input`), and atomically: a failed run leaves the old file whole.
    Saying it is what keeps the replacement from being silent. ``file``: stdout unless the command prints data
    there (``match --format json``), which must stay parseable.
    """
    from eqmorph.io.fileio import written_path

    through = f" (the file it links to, {written_path(path)})" if os.path.islink(path) else ""
    print(f"{'overwrote' if existed_before else 'wrote'} {path}{through}", file=file or sys.stdout)


def refuse_overwriting_input(option: str, output: str | os.PathLike[str],
                             inputs: Mapping[str, str | os.PathLike[str] | None]) -> None:
    """Refuse ``output`` (given as ``option``: ``OUT``, ``-o``, ``--apply``) when it is one of ``inputs``
    (``{"REFERENCE": path}``), naming the input it is, also through a link."""
    from eqmorph.io.fileio import same_file

    for label, path in inputs.items():
        if path is not None and same_file(path, output):
            raise ParameterError(option, str(output), f"a path different from {label} {str(path)!r}, which is read")


# What auto gain means, for every command that has --auto-gain (eqmorph.audio.autogain holds the logic).
AUTO_GAIN_HELP = ("keep OUT as loud as the input (the same mean-square level) and never let it clip: when that "
                  "level would put the peak above -0.1 dBFS, lower the gain further (the report says by how much)")


def emit(eq: EQ, args: argparse.Namespace, *, inputs: Mapping[str, str | os.PathLike[str] | None] | None = None,
         preamp: float | None = None, preamp_is: str = "the preset's own", **meta: Any) -> None:
    """Print ``eq`` in ``args.format``, or write it to ``args.output`` (never over one of ``inputs``, named as the
    command line names them: ``{"PRESET": path}``; :func:`refuse_overwriting_input`).

    ``meta`` (words, weights, alpha, intensity, model_id, source) is recorded in the file and shown in the table;
    ``preamp``: the preamp to write instead of the EQ's own (a converted preset's; see
    :func:`eqmorph.io.presets.format_eq`), which the table calls ``preamp_is``.
    """
    from eqmorph.io.presets import format_eq, output_format, save_preset

    if getattr(args, "source", None) is not None:
        meta.setdefault("source", args.source)  # exports name the crowd whose words made them
    if args.output:
        refuse_overwriting_input("-o", args.output, inputs or {})
        existed_before = existed(args.output)
        save_preset(args.output, eq, output_format(args.output, args.format), preamp=preamp, **meta)
        wrote(args.output, existed_before)
    else:
        sys.stdout.write(format_eq(eq, args.format or "table", preamp=preamp, preamp_is=preamp_is, **meta))


def load_model(args: argparse.Namespace) -> Morpher:
    """The model ``--model`` names (the bundled one by default), with the open vocabulary if asked for."""
    from eqmorph.semantic.morph import load

    return load(args.model, open_vocabulary=getattr(args, "open_vocab", False))


def say_resolved(m: Morpher, *words: str, command: str, quiet: bool = False, source: str | None = None) -> None:
    """Tell the user, on stderr, how each word or phrase was understood (:mod:`eqmorph.cli.phrases`)."""
    from eqmorph.cli.phrases import say_understood

    say_understood(m, *words, command=command, quiet=quiet, source=source)


def model_meta(m: Morpher, **kw: Any) -> dict[str, Any]:
    """Preset metadata: the model's id and every given (not None) item of ``kw``."""
    return {"model_id": m.model_id, **{k: v for k, v in kw.items() if v is not None}}


def refuse_inside_model(option: str, output: str | os.PathLike[str], model: str | None) -> None:
    """The model directory is an input: nothing may be written into it."""
    from eqmorph.semantic.morph import bundled_model_dir

    model_dir = Path(model if model is not None else bundled_model_dir()).resolve()
    out = Path(output).resolve()
    if out == model_dir or model_dir in out.parents:
        raise ParameterError(option, str(output), f"a path outside the model directory {str(model_dir)!r}")


def require_module(module: str, task: str, extra: str) -> None:
    """Fail before any work, with the pip command that adds ``extra``, when ``module`` (e.g. torch) is missing.

    Found later, after the data has loaded, it would cost the user that wait first; and the library's own hint
    names the package's extra (``data`` for pyarrow), while the command needs ``extra`` (``train``), which
    installs everything it uses.
    """
    import importlib.util

    try:
        found = importlib.util.find_spec(module) is not None  # also None for a module blocked in sys.modules
    except ModuleNotFoundError:  # "pyarrow.parquet" imports its parent first, which raises when pyarrow is missing
        found = False
    if not found:
        from eqmorph.core.install import install_hint

        raise EqmorphError(f"{task} needs {module.split('.')[0]}: {install_hint(extra)}")


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
    stop-listed word ("hello") or a slip of a studio term ("presense"): the open vocabulary refuses those too."""
    if isinstance(exc, UnknownWordError) and getattr(args, "open_vocab", None) is False and not exc.studio_terms:
        from eqmorph.language.stoplist import stoplist
        from eqmorph.language.terms import normalise_term

        if normalise_term(exc.word) not in stoplist():
            return "; or add --open-vocab to map it to known words by meaning (extra: text)"
    return ""


def clip_warning(report: Any, remedy: str = "") -> str | None:
    """The warning for an audio file written with samples above full scale (None if none were), then what to do:
    ``--auto-gain`` unless it was on (auto gain never clips: the advice never names a flag already given), and
    ``remedy`` ("a lower --amount") if given.

    ``report``: :class:`eqmorph.audio.files.ProcessReport` (``apply`` and ``match --apply`` both write through it).
    """
    if not report.clipped:
        return None
    # Float WAV and Ogg Vorbis store samples as floats: their overs stay in the file (a trial found +20 dBFS in an
    # .ogg said to be clipped); integer PCM (WAV, FLAC) clips them.
    if report.format == "WAV" and report.subtype in ("FLOAT", "DOUBLE"):
        fate = "kept above full scale in the float file"
    elif report.format == "OGG":
        fate = "kept above full scale in the Ogg Vorbis file (it stores floats), to clip in whatever plays it"
    else:
        fate = "clipped in the output"
    remedies = [r for r in ("--auto-gain" if report.auto_gain is None else "", remedy) if r]
    advice = f"; use {' or '.join(remedies)}" if remedies else ""
    return (f"{report.clipped_samples} sample(s) exceed full scale (peak {report.peak_dbfs:+.1f} dBFS) and were "
            f"{fate}{advice}")
