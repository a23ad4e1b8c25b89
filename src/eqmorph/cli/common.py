"""What every ``eqmorph`` sub-command shares: ``--model``, the EQ output options, "wrote PATH" (running a handler and
its errors: :mod:`eqmorph.cli.handler`).

Kept free of numpy and model imports so that building the parser stays cheap; what a handler
needs is imported when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from eqmorph.errors import ClippingPreampWarning, EqmorphError, ParameterError

if TYPE_CHECKING:
    from eqmorph.core.eq import EQ
    from eqmorph.semantic.morph import Morpher

# eqmorph.io.presets' formats and the names that ask for them, here so the parser needs no numpy (a test keeps
# them equal).
FORMATS: tuple[str, ...] = ("json", "apo", "csv", "graphiceq", "table")
SUFFIXES = ".json json, .txt/.apo apo, .csv csv, '... GraphicEQ.txt' graphiceq"


class ExamplesFormatter(argparse.HelpFormatter):
    """argparse's help layout, except that a text of several lines (an "examples:" epilog) keeps its lines as written
    (argparse would run the commands together into one paragraph), and a paragraph is never broken at an option's
    hyphen ("--auto-" at a line's end, "gain" on the next)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return textwrap.fill(" ".join(text.split()), width, initial_indent=indent, subsequent_indent=indent,
                             break_on_hyphens=False)


def examples(*lines: tuple[str, str]) -> dict[str, Any]:
    """``add_parser`` keywords for an "examples:" epilog, one ``(command, what it does)`` a line (README's bash
    block was the only place a newcomer found them: a new-user trial); a test parses every command."""
    # What each does above its command, as a shell comment: the commands run to 100 characters and more, too wide for
    # a comment beside them in an 80-column terminal.
    text = "examples:\n" + "".join(f"  # {what}\n  {command}\n" for command, what in lines)
    return {"epilog": text, "formatter_class": ExamplesFormatter}


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
    """A positional naming a file the command reads, e.g. ``IN``, an audio file;
    :func:`~eqmorph.cli.handler.run_handler` refuses a folder there before the command runs, for every command alike."""
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
    """``--open-vocab``; a command that has it gets :func:`~eqmorph.cli.handler.open_vocab_hint` on its unknown-word
    errors."""
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


def add_format_args(parser: argparse.ArgumentParser, *, metavar: str = "OUT") -> None:
    """``--format`` and ``-o/--output OUT`` for commands that produce an EQ (``metavar``: another name than OUT for a
    command that writes audio too); :func:`~eqmorph.cli.handler.run_handler` checks the pair before the command runs
    (:func:`refuse_bad_preset_output`)."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help=f"output format (default: table on screen; with -o, told by {metavar}'s extension: {SUFFIXES}; a "
        f"format {metavar}'s name does not ask for is refused, and table is never written to a file)",
    )
    parser.add_argument("-o", "--output", metavar=metavar, type=output_name, default=None,
                        help=f"write the preset to {metavar} atomically; never to an audio file's name (.wav, .flac, "
                        "...)")
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
        with warnings.catch_warnings():
            # A kept preamp that may clip is said by the command itself (eqmorph import's note), in its words.
            warnings.simplefilter("ignore", ClippingPreampWarning)
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


# A level change the ear notices between two plays of a recording; a smaller one is not worth a note.
LEVEL_NOTE_DB = 1.0


def level_note(report: Any, auto_gain: str) -> str:
    """", 10.6 dB quieter than the input (auto gain would keep its loudness: --auto-gain)" for a file written without
    auto gain whose loudness changed by more than ``LEVEL_NOTE_DB``, else "" (a match preset applied with its Preamp
    came out 10.6 dB quieter, unsaid: a tenth new-user trial). ``report``: :class:`eqmorph.audio.files.ProcessReport`;
    ``auto_gain``: how to have auto gain ("--auto-gain", "drop --no-auto-gain")."""
    change = report.level_change_db
    if report.auto_gain is not None or abs(change) <= LEVEL_NOTE_DB:
        return ""
    direction = "louder" if change > 0 else "quieter"
    return f", {abs(change):.1f} dB {direction} than the input (auto gain would keep its loudness: {auto_gain})"


def clips_in_file(report: Any) -> bool:
    """Whether the samples above full scale of ``report``'s file were clipped: integer PCM (WAV, FLAC) clips them;
    float WAV and Ogg Vorbis (which stores floats) keep them."""
    return report.clipped and not ((report.format == "WAV" and report.subtype in ("FLOAT", "DOUBLE"))
                                   or report.format == "OGG")


def clip_warning(report: Any, remedy: str = "", auto_gain: str = "--auto-gain") -> str | None:
    """The warning for an audio file written with samples above full scale (None if none were), then what to do:
    ``auto_gain`` (how the command turns auto gain on: ``match`` and ``apply --word`` have it on unless
    ``--no-auto-gain``) unless it was on (auto gain never clips: the advice never names a flag already given), and
    ``remedy`` ("a lower --amount").

    ``report``: :class:`eqmorph.audio.files.ProcessReport` (``apply`` and ``match --apply`` both write through it).
    """
    if not report.clipped:
        return None
    # Float WAV and Ogg Vorbis store samples as floats: their overs stay in the file (a trial found +20 dBFS in an
    # .ogg said to be clipped); integer PCM (WAV, FLAC) clips them.
    if clips_in_file(report):
        fate = "clipped in the output"
    elif report.format == "OGG":
        fate = "kept above full scale in the Ogg Vorbis file (it stores floats), to clip in whatever plays it"
    else:
        fate = "kept above full scale in the float file"
    remedies = [r for r in (auto_gain if report.auto_gain is None else "", remedy) if r]
    advice = f"; use {' or '.join(remedies)}" if remedies else ""
    return (f"{report.clipped_samples} sample(s) exceed full scale (peak {report.peak_dbfs:+.1f} dBFS) and were "
            f"{fate}{advice}")
