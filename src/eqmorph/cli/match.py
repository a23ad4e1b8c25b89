"""``eqmorph match``: the EQ that makes one recording sound like another, what it means in words, applied."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eqmorph.cli.common import (
    AUTO_GAIN_HELP,
    LEVEL_NOTE_DB,
    add_format_args,
    add_input_arg,
    add_model_arg,
    clip_warning,
    emit,
    examples,
    existed,
    load_model,
    model_meta,
    refuse_overwriting_input,
    wrote,
)


def run_match(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph match``; returns the exit code."""
    from eqmorph.audio.files import process_file
    from eqmorph.audio.output_formats import output_format
    from eqmorph.errors import EqmorphError, ParameterError
    from eqmorph.io.fileio import check_writable, same_file
    from eqmorph.io.presets import output_format as preset_format
    from eqmorph.semantic.match import check_amount, match_files

    inputs = {"INPUT": args.input, "REFERENCE": args.reference}
    outputs = {"--apply": args.apply, "output": args.output}
    check_amount(args.amount, "--amount")
    # Every output is checked before any work, so a typo or a read-only folder never costs the inputs or a minute
    # of analysis. The option is named here: an --apply path equal to INPUT would otherwise be told apart from -o
    # by value only.
    for option, out in outputs.items():
        if out is not None:
            refuse_overwriting_input(option, out, inputs)
    if args.output is not None:
        preset_format(args.output, args.format)  # a folder or a name of no format fails before the analysis
    if args.apply is not None:
        output_format(args.apply, "--apply")  # named as the other options are ("cannot write 'o.mp3'": a 12th trial)
        if args.output is not None and same_file(args.apply, args.output):
            raise ParameterError("-o", args.output, "a path different from --apply's")
    elif args.auto_gain is not None:
        # --auto-gain / --no-auto-gain set the level of a processed file; without one they would be silently ignored.
        flag = "--auto-gain" if args.auto_gain else "--no-auto-gain"
        raise EqmorphError(f"{flag} sets the level of the file --apply writes, and no --apply AUDIO_OUT was "
                           f"given: add --apply AUDIO_OUT (e.g. --apply {Path(args.input).stem}-matched.wav) or drop "
                           f"{flag}")
    # A match changes tone, not loudness (its EQ's level is the fit's choice: a new-user trial's drums at 96 kHz came
    # out 2.2 dB louder and clipped at +5.3 dBFS), so the processed file keeps the input's loudness unless asked.
    auto_gain = args.auto_gain is not False
    for option, out in outputs.items():
        if out is not None:
            check_writable(out, option)
    m = load_model(args)  # before the analysis, so a wrong --model fails at once
    result = match_files(args.input, args.reference, amount=args.amount)
    for note in result.warnings:
        print(f"eqmorph match: warning: {note}", file=sys.stderr)
    # The full match is what the recordings' difference is, whatever --amount applies of it: the sentence and the
    # fit error describe it (at --amount 0 the EQ applied is flat, the recordings still differ).
    sentence = result.difference_text(m.describer)
    eq = result.eq
    if args.amount != 1.0:
        sentence += f"; {amount_text(args.amount)}"
    # Machine-readable formats on stdout stay parseable: the sentence then goes to stderr.
    said = sys.stdout if args.output is not None or args.format in (None, "table") else sys.stderr
    print(sentence, file=said)
    # The preset says what it matches, as generate's says its words: the recordings by name, the amount, and the band
    # the match covers, where `eqmorph describe` judges it as this sentence does.
    meta = model_meta(m, input=Path(args.input).name, reference=Path(args.reference).name, amount=args.amount,
                      band_hz=result.partial_band_hz)
    if args.apply is None or args.output is None:
        emit(eq, args, inputs=inputs, **meta)  # the only output, or printed: nothing to take back if the audio fails
    if args.apply is None:
        return 0
    # A run that fails writes nothing: the preset (quick) only once the audio (long, and where a disk fills up)
    # is whole, and the audio taken back if the preset still fails, unless it replaced a file (that one is gone).
    existed_before = existed(args.apply)
    report = process_file(args.input, args.apply, eq=eq, auto_gain=auto_gain, progress=not args.quiet)
    if args.output is not None:
        try:
            emit(eq, args, inputs=inputs, **meta)
        except BaseException:
            if not existed_before:
                Path(args.apply).unlink(missing_ok=True)
            raise
    if not args.quiet and report.auto_gain is not None:
        print(f"{args.apply}: {report.auto_gain.describe()}", file=said)
    wrote(args.apply, existed_before, file=said)
    if not auto_gain and abs(report.level_change_db) > LEVEL_NOTE_DB:
        print(f"eqmorph match: note: {args.apply} is {abs(report.level_change_db):.1f} dB "
              f"{'louder' if report.level_change_db > 0 else 'quieter'} than {args.input}: the match changes the "
              "tone, and its EQ applied as fitted (--no-auto-gain) changes the level too; drop --no-auto-gain to keep "
              "INPUT's loudness", file=sys.stderr)
    warning = clip_warning(report, "a lower --amount" if args.amount > 0 else "",
                           auto_gain="auto gain (drop --no-auto-gain)")
    if warning:
        print(f"eqmorph match: warning: {args.apply}: {warning}", file=sys.stderr)
    return 0


def amount_text(amount: float) -> str:
    """What ``--amount`` applies of the difference just described, e.g. ``--amount 0.5 applies half of it``."""
    if amount == 0.0:
        return "--amount 0 applies none of it: the EQ is flat"
    share = {0.5: "half of it", 2.0: "twice as much"}.get(amount, f"{amount:g} times as much")
    return f"--amount {amount:g} applies {share}"


def register(subparsers: Any) -> None:
    """Add ``eqmorph match INPUT REFERENCE [--amount A] [--apply AUDIO_OUT] [-o PRESET_OUT] [--format F]``."""
    p = subparsers.add_parser(
        "match",
        help="the EQ that makes INPUT sound like REFERENCE, in words; write it or apply it",
        description="Compare the long-term spectra of two recordings (1/4-octave smoothed, loudness removed) "
        "and fit the 5-band EQ that moves INPUT's toward REFERENCE's. Prints the EQ (or writes it with -o) "
        "and what it means in words; --apply writes INPUT through it. Files are read in blocks: any length "
        "works in bounded memory. Outputs are written atomically and never over an input; an existing output is "
        "replaced (said as 'overwrote'). In the sentence, each word's number (0 to 1) is describe's score of the "
        "recordings' difference for that word: how closely its shape follows the word's EQ, judged on shape alone "
        "and only in the band the match covers; 'eqmorph describe' of the written preset judges the whole preset, "
        "so it can name other words. The sentence then gives the EQ's largest boost and cut in that band, in dB, "
        "as words judge a shape and a listener hears the largest move first.",
        **examples(("eqmorph match mix.wav reference.wav", "the EQ and what it means in words"),
                   ("eqmorph match mix.wav reference.wav --apply out.wav -o match.txt",
                    "apply it at the input's loudness, and keep the preset"),
                   ("eqmorph match mix.wav reference.wav --amount 0.5 -o half.txt", "half of the difference")),
    )
    add_input_arg(p, "input", metavar="INPUT", kind="an audio file",
                  help="the recording to change (WAV, FLAC, OGG, AIFF, ...)")
    add_input_arg(p, "reference", metavar="REFERENCE", kind="an audio file",
                  help="the recording whose tone to match")
    p.add_argument("--amount", type=float, default=1.0, metavar="A",
                   help="how much of the difference to apply, 0..2 (default 1: the full match; 0.5 half-way); the "
                   "words and the fit error always describe the full difference")
    p.add_argument("--apply", metavar="AUDIO_OUT", default=None, help="also write INPUT through the EQ to AUDIO_OUT "
                   "(.wav, .flac or .ogg)")
    p.add_argument("--auto-gain", action=argparse.BooleanOptionalAction, default=None,
                   help=f"with --apply (on by default: a match changes tone, not loudness): {AUTO_GAIN_HELP}; "
                   "--no-auto-gain applies the EQ as fitted, whose level is the fit's choice, and clips past full "
                   "scale in an integer WAV or FLAC")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no auto gain line")
    add_model_arg(p, help="model whose words describe the match (default: the bundled model)")
    add_format_args(p, metavar="PRESET_OUT")  # two outputs: the names say which is which
    p.set_defaults(func=run_match)
