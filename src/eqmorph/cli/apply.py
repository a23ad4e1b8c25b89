"""``eqmorph apply``: filter an audio file through a word's EQ, a blend of two words, a morph over time, or a preset."""

from __future__ import annotations

import argparse
import math
import shlex
import sys
from pathlib import Path
from typing import Any

import numpy as np

from eqmorph.audio.autogain import SILENT_INPUT
from eqmorph.audio.automation import RAMP_S, parse_automation
from eqmorph.audio.files import ProcessReport, duration_text, process_file, read_info
from eqmorph.audio.output_formats import OUTPUT_FORMATS, output_format
from eqmorph.cli.common import (
    AUTO_GAIN_HELP,
    add_input_arg,
    add_word_args,
    clip_warning,
    clips_in_file,
    examples,
    existed,
    level_note,
    load_model,
    refuse_overwriting_input,
    wrote,
)
from eqmorph.cli.phrases import applied_intensity, say_understood, word_text
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE, AUDIBLE_LOW_HZ
from eqmorph.core.dsp import NYQUIST_FRACTION
from eqmorph.core.eq import EQ
from eqmorph.core.ranges import BAND_NAMES
from eqmorph.core.schema import one_line
from eqmorph.errors import ParameterError
from eqmorph.io.fileio import check_writable
from eqmorph.semantic.morph import DEFAULT_INTERPOLATION, INTERPOLATIONS
from eqmorph.semantic.path import MAX_INTENSITY


def register(subparsers: Any) -> None:
    """Add ``eqmorph apply IN OUT (--word WORD [--to WORD2 (--alpha ALPHA | --automate SPEC) [--method M]] | --preset
    PRESET) ...``."""
    parser = subparsers.add_parser(
        "apply",
        help="apply a word's EQ (or a morph between two words) or a preset file to an audio file",
        description="Filter IN through the EQ of WORD, or of the preset file PRESET, and write OUT (.wav, .flac "
        "or .ogg, told by its extension) with IN's sample rate, channels, length and sample format. With --to, "
        "use the EQ at --alpha between WORD (0) and WORD2 (1), or morph along --automate over time. A preset is "
        "read as 'eqmorph import' reads it (a layout other than eqmorph's 5 bands is fitted and the fit error "
        "reported); its Preamp line is applied, as Equalizer APO does (--auto-gain replaces it). OUT is "
        "written atomically and may never be IN or PRESET; an existing OUT is replaced (said as 'overwrote OUT'). "
        "A word's EQ keeps the input's loudness and never clips (auto gain, as 'match --apply' does); with "
        "--no-auto-gain it is applied as it is: its boosts may take the peak past full scale, and samples past it "
        "are clipped in an integer WAV or FLAC (the report warns).",
        **examples(("eqmorph apply song.wav out.wav --word warm", "as loud as the input, never clipping"),
                   ("eqmorph apply song.wav out.wav --preset warmer.txt", "any preset 'import' reads, Preamp applied"),
                   ('eqmorph apply song.wav out.wav --word warm --to bright --automate "0:0,8:1"',
                    "warm at 0 s to bright at 8 s"),
                   ("eqmorph apply song.wav out.wav --word warm --no-auto-gain", "the EQ as it is: louder, may clip"),
                   ("eqmorph apply song.mp3 out.flac --word warm", "MP3 in, FLAC out")),
    )
    add_input_arg(parser, "input", metavar="IN", kind="an audio file",
                  help="audio file to read (WAV, FLAC, OGG, AIFF, ...)")
    parser.add_argument("output", metavar="OUT", help=f"audio file to write: {', '.join(OUTPUT_FORMATS)}")
    source = parser.add_mutually_exclusive_group(required=True)  # argparse names both when neither or both are given
    source.add_argument("--word", metavar="WORD", type=word_text,
                        help="descriptor or phrase, e.g. warm, 'a bit brighter'")
    source.add_argument("--preset", metavar="PRESET", default=None,
                        help="preset file instead of a word: .json, .txt/.apo (Equalizer APO, AutoEq, GraphicEQ) "
                        "or .csv, as 'eqmorph import' reads it")
    parser.set_defaults(input_files={**(parser.get_default("input_files") or {}), "preset": "a preset file"})
    parser.add_argument("--to", metavar="WORD2", type=word_text, default=None,
                        help="second word to blend or morph towards")
    position = parser.add_mutually_exclusive_group()
    position.add_argument(
        "--alpha", type=float, default=None, metavar="ALPHA",
        help="position between WORD (0) and WORD2 (1); default 0.5",
    )
    position.add_argument(
        "--automate",
        metavar="SPEC",
        default=None,
        help="morph over time as SECONDS:ALPHA points, e.g. '0:0,8:1' (alpha held before the first "
        f"and after the last point; a jump, e.g. '2:0,2.001:1', becomes a {RAMP_S * 1000:g} ms ramp, with no click); "
        "write --automate=SPEC when SPEC starts with '-', which would read as an option",
    )
    parser.add_argument(
        "--method",
        type=str.lower,  # any case, as --source
        choices=INTERPOLATIONS,
        default=None,  # DEFAULT_INTERPOLATION, applied in run_apply so that --method without --to is refused
        help="how WORD and WORD2 are blended: params (their EQs, in log frequency and log Q), latent "
        f"(decode the blend of their latent codes) or slerp (spherical latent blend); default {DEFAULT_INTERPOLATION}",
    )
    parser.add_argument(  # default None, read as 1 for words, so that --intensity with --preset is refused
        "--intensity", type=float, default=None,
        help=f"scale of the word's EQ gains (default 1; 0 is flat; from {-MAX_INTENSITY:g} to {MAX_INTENSITY:g}); with "
        "--word only",
    )
    parser.add_argument("--auto-gain", action=argparse.BooleanOptionalAction, default=None,
                        help=f"on by default for a word's EQ, off for a preset (its own Preamp is applied): "
                        f"{AUTO_GAIN_HELP}; for a morph over time it is one gain for the whole file, so the level "
                        "still moves along the morph as the two words' EQs differ; --no-auto-gain applies a word's "
                        "EQ as it is, which may clip")
    add_word_args(parser, quiet=False)
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar and no report (warnings still shown)")
    parser.set_defaults(func=run_apply)


# Options that only a word's EQ takes, with the value that means "not given".
WORD_ONLY: dict[str, tuple[str, object]] = {
    "--to": ("to", None), "--alpha": ("alpha", None), "--automate": ("automate", None), "--method": ("method", None),
    "--intensity": ("intensity", None), "--model": ("model", None), "--source": ("source", None),
    "--open-vocab": ("open_vocab", False),
}


def run_apply(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph apply``; returns the exit code."""
    if args.preset is not None:
        return _apply_preset(args)
    automation = None
    if args.to is None:
        if args.alpha is not None:
            raise ParameterError("--alpha", args.alpha, "--alpha together with --to WORD2")
        if args.automate is not None:
            raise ParameterError("--automate", args.automate, "--automate together with --to WORD2")
        if args.method is not None:
            raise ParameterError("--method", args.method, "--method together with --to WORD2")
    elif args.automate is not None:
        automation = parse_automation(args.automate, "--automate")
    alpha = 0.5 if args.alpha is None else args.alpha
    if not (math.isfinite(alpha) and 0.0 <= alpha <= 1.0):
        raise ParameterError("--alpha", args.alpha, "a number in [0, 1]")
    # Everything about the files is checked before the model loads, so typos fail fast.
    output_format(args.output)
    refuse_overwriting_input("OUT", args.output, {"IN": args.input})
    check_writable(args.output, "OUT")  # a read-only folder or file, before the model loads and auto gain measures
    existed_before = existed(args.output)
    info = read_info(args.input)
    past = None if automation is None else automation.past_end(
        info.seconds, f"{args.input} lasts {duration_text(info.frames, info.sample_rate)}")
    if past is not None:
        print(f"eqmorph apply: warning: --automate {past}", file=sys.stderr)

    # A word's EQ changes tone; its boosts should not make the file louder or clip it (a new-user trial, after
    # learning that 'match --apply' keeps loudness, got 271 clipped samples from 'apply --word "more bass"').
    auto_gain = args.auto_gain is not False
    model = load_model(args)
    word, to = args.word, args.to
    intensity = 1.0 if args.intensity is None else args.intensity
    words = [w for w in (word, to) if w is not None]
    say_understood(model, *words, command="apply", quiet=args.quiet, source=args.source)
    method = args.method or DEFAULT_INTERPOLATION
    if automation is not None:

        def params_at(alphas: np.ndarray) -> np.ndarray:
            return model.interpolate_params(word, to, alphas, intensity=intensity, method=method, source=args.source)

        low, high = automation.alpha_range(info.seconds)
        ends = params_at(np.array([low, high]))
        applied = applied_intensity("apply", model, intensity, words)  # what interpolate applies, said if capped
        what = [f"morph {word!r} -> {to!r} along {automation} ({method}, intensity {applied:.3g})"]
        # A constant alpha (one point, or the file ends before the morph moves) is one EQ: listed once.
        what += [f"  alpha {a:.2f}: {one_line(e)}" for a, e in zip((low, high), ends)][:1 if low == high else 2]
        applied_eqs = [EQ.from_array(e) for e in ends]
        report = process_file(
            args.input, args.output, params_at=params_at, automation=automation,
            auto_gain=auto_gain, progress=not args.quiet,
        )  # fmt: skip
    else:
        if to is None:
            eq = model.generate(word, intensity=intensity, source=args.source)
        else:
            eq = model.interpolate(word, to, alpha, intensity=intensity, method=method, source=args.source)
        applied = applied_intensity("apply", model, intensity, words)  # after generating: the strength is kept
        head = f"{word!r} (" if to is None else f"{word!r} -> {to!r} at alpha {alpha:g} ({method}, "
        what = [f"{head}intensity {applied:.3g}): {one_line(eq)}"]
        applied_eqs = [eq]
        report = process_file(args.input, args.output, eq=eq, auto_gain=auto_gain, progress=not args.quiet)
    say_nyquist(args.input, info.sample_rate, applied_eqs)
    _finish(args, report, what, "a lower --intensity", "", existed_before, auto_gain="drop --no-auto-gain")
    return 0


def _apply_preset(args: argparse.Namespace) -> int:
    """``eqmorph apply IN OUT --preset PRESET``: the preset's EQ as ``eqmorph import`` reads it; no model is loaded."""
    from eqmorph.io.preset_text import AudioGivenAsPreset
    from eqmorph.io.presets import import_preset

    for option, (dest, unset) in WORD_ONLY.items():
        value = getattr(args, dest, unset)
        if value != unset:
            raise ParameterError(option, value, f"{option} together with --word WORD; a preset is applied as it is")
    # Every file is checked before the preset is read (and perhaps fitted), so typos fail fast.
    output_format(args.output)
    refuse_overwriting_input("OUT", args.output, {"IN": args.input, "--preset": args.preset})
    check_writable(args.output, "OUT")
    existed_before = existed(args.output)
    info = read_info(args.input)
    try:
        imported = import_preset(args.preset)
    except AudioGivenAsPreset as exc:
        word = f"to EQ {args.input!r} with a word's EQ, give --word WORD instead of --preset"
        if Path(args.input).resolve() == Path(args.preset).resolve():  # matching a file to itself is no advice
            raise exc.instead(word) from None
        match = " ".join(shlex.quote(str(a)) for a in ("eqmorph", "match", args.input, args.preset, "--apply",
                                                         args.output))
        raise exc.instead(f"{word}; to make it sound like that recording, run {match}") from None
    if imported.fitted:  # the audio goes through an approximation of the preset: said even with --quiet
        print(f"eqmorph apply: {imported.describe_fit()}", file=sys.stderr)
    # The preset's Preamp line is applied, as Equalizer APO applies it; --auto-gain replaces it with its own.
    auto_gain = args.auto_gain is True
    report = process_file(args.input, args.output, eq=imported.eq, auto_gain=auto_gain,
                          gain_db=None if auto_gain else imported.preamp_db, progress=not args.quiet)
    say_nyquist(args.input, info.sample_rate, [imported.eq])
    # The gain is the preset's own Preamp unless --auto-gain replaced it: named for what it is (a GraphicEQ curve's
    # level found by the fit is no Preamp line of the file).
    gain = "preset Preamp" if imported.level_db == 0.0 else f"preamp: {imported.describe_preamp()}"
    _finish(args, report, [f"preset {args.preset!r}: {one_line(imported.eq)}"], "", gain, existed_before)
    return 0


def nyquist_note(sample_rate: float, eqs: list[EQ]) -> str | None:
    """What a file's rate does to the EQs printed for it (None if nothing): the bands placed below its Nyquist
    (:data:`eqmorph.core.dsp.NYQUIST_FRACTION`), and the largest difference, 20 Hz to the Nyquist, between the
    response applied and the printed EQ's (its response at 48 kHz, where every band is where it says)."""
    limit_hz = NYQUIST_FRACTION * sample_rate
    moved = {(name, b.freq_hz) for eq in eqs for name, b in zip(BAND_NAMES, eq.bands)
             if b.freq_hz > limit_hz and b.gain_db != 0.0}
    if not moved:
        return None
    freqs = np.geomspace(AUDIBLE_LOW_HZ, limit_hz, 512)
    diffs = [eq.response_db(freqs, sample_rate) - eq.response_db(freqs, ANALYSIS_SAMPLE_RATE) for eq in eqs]
    worst = max(diffs, key=lambda d: float(np.abs(d).max()))
    at = int(np.argmax(np.abs(worst)))
    bands = ", ".join(f"{name.replace('_', ' ')} {freq_hz:.0f} Hz" for name, freq_hz in sorted(moved))
    return (f"the file's sample rate {sample_rate:g} Hz (Nyquist {sample_rate / 2:g} Hz) cannot hold {bands}: "
            f"placed at {limit_hz:.0f} Hz, so the EQ applied differs from the one printed by up to "
            f"{worst[at]:+.1f} dB (at {freqs[at]:.0f} Hz)")


def say_nyquist(path: str, sample_rate: float, eqs: list[EQ]) -> None:
    """:func:`nyquist_note` on stderr, even with --quiet: the audio was filtered by other values than printed."""
    note = nyquist_note(sample_rate, eqs)
    if note:
        print(f"eqmorph apply: note: {path}: {note}", file=sys.stderr)


def _finish(args: argparse.Namespace, report: ProcessReport, what: list[str], remedy: str, gain: str,
            existed_before: bool, auto_gain: str = "--auto-gain") -> None:
    """The report (unless ``--quiet``) and the clipping warning (always), the same for words and presets; ``gain``
    names the level change applied when it is not the auto gain ("preset Preamp"); ``remedy``, a way out of
    clipping besides auto gain ("a lower --intensity"), or ""; ``auto_gain``: how to have auto gain ("--auto-gain",
    "drop --no-auto-gain")."""
    if not args.quiet:
        print(_report_text(report, what, gain, auto_gain))
        wrote(report.out_path, existed_before)
    how = auto_gain if auto_gain.startswith("--") else f"auto gain ({auto_gain})"
    warning = clip_warning(report, remedy, auto_gain=how)
    if warning:
        print(f"eqmorph apply: warning: {warning}", file=sys.stderr)


def _report_text(report: ProcessReport, what: list[str], gain_name: str, auto_gain: str) -> str:
    silent = report.peak_dbfs == -math.inf
    if report.auto_gain is not None:
        level = report.auto_gain.describe() + ("" if silent else f", peak {report.peak_dbfs:+.1f} dBFS")
    elif silent:
        level = SILENT_INPUT
    else:
        gain = f"{report.gain_db:+.1f} dB {gain_name}, " if report.gain_db else ""
        # The peak is the filtered signal's; an integer file holds it clipped at 0 dBFS (the warning says how often).
        clipped = " before clipping" if clips_in_file(report) else ""
        level = f"{gain}peak {report.peak_dbfs:+.1f} dBFS{clipped}{level_note(report, auto_gain)}"
    return "\n".join(
        [
            f"{report.in_path} -> {report.out_path}: {duration_text(report.frames, report.sample_rate)}, "
            f"{report.sample_rate} Hz, {report.channels} ch, {report.format} {report.subtype}",
            "EQ: " + what[0],
            *what[1:],
            f"output: {level}",
        ]
    )


