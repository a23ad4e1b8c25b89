"""``eqmorph describe``: what a preset does, in the model's words."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from typing import Any

from eqmorph.cli.common import add_input_arg, add_model_arg, add_source_arg, examples, load_model

DEFAULT_TOP = 5  # words listed; enough to see the neighbourhood without a wall of numbers
# The command speaks English unless asked: "a bit claro, a bit bright" reads as a slip to an English reader. The same
# default as Morpher.describe's and /api/describe's (semantic/describe.DEFAULT_LANGUAGE; a test holds them equal),
# not imported here, so that `--help` loads no model code.
DEFAULT_LANGUAGE = "en"


# Below this best |score| no word's shape is much like the EQ's (a room correction's narrow notches at 45 and 82 Hz
# scored 0.17 at best and read "a bit thick": a thirteenth new-user trial): the phrase is said to be loose.
LOOSE_SCORE = 0.3


def run_describe(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph describe``; returns the exit code."""
    from eqmorph.core.schema import hz_text
    from eqmorph.errors import ParameterError
    from eqmorph.io.preset_text import AudioGivenAsPreset
    from eqmorph.io.presets import import_preset
    from eqmorph.io.provenance import match_origin

    if args.top < 1:
        raise ParameterError("--top", args.top, "an integer >= 1")
    try:
        imported = import_preset(args.preset)  # before the model loads, so a bad preset fails fast
    except AudioGivenAsPreset as exc:
        raise exc.instead(f"to say in words how {args.preset!r} differs "
                          f"from another recording, run eqmorph match {shlex.quote(args.preset)} REFERENCE") from None
    eq = imported.eq
    match = match_origin(imported.provenance)
    why = level_free_reason(args.level_free, match, imported.level_db)
    level_free = why is not None
    # A match is judged in the band it covers, as `eqmorph match` judged it (its preset says the band).
    band_hz = imported.provenance.get("band_hz") if match else None
    from eqmorph.semantic.describe import level_only_db, sound_words

    m = load_model(args)
    language = None if args.language == "any" else args.language
    text = m.describe_text(eq, source=args.source, language=language, level_free=level_free, band_hz=band_hz)
    # A flat EQ is like no word (every score 0): listing five words at +0.00 would suggest otherwise.
    ranked = m.describe(eq, k=None, source=args.source, language=language, level_free=level_free,
                        band_hz=band_hz) if text else []
    if len(ranked) < args.top:  # as describe(k=...) answers: a larger --top listed every word, silently
        n = len(ranked) if text else len(m.describe(eq, k=None, source=args.source, language=language,
                                                    level_free=level_free, band_hz=band_hz))
        if n < args.top:
            raise ParameterError("--top", args.top, f"an integer from 1 to {n} (the words a description ranks: the "
                                                    "vocabulary and the studio terms)")
    words = sound_words(ranked, args.top)
    # The most negative scores too: a cut EQ is best said by the word it cuts ("less muddy" is muddy at -1.00),
    # which a list of the highest scores never shows (a new-user trial, 2026-12-04).
    opposites = [(w, s) for w, s in sound_words(ranked[::-1], args.top) if s < 0]
    # A preset fitted into the 5-band layout is described as fitted, and said so as import, edit and apply say it
    # (a new-user trial, 2026-12-03: a 10-filter AutoEq file was described with no word of the fit).
    # A gain is no tone: said as a level (with the file's preamp), while the words judge the shape (a new-user trial:
    # a flat +6 dB preset read as "much more bass", and so did one whose Preamp took the 6 dB back off).
    grid = m.describer_for(args.source)
    bands_db = level_only_db(eq.response_db(grid.freqs_hz, grid.sample_rate))
    if bands_db is None and eq == type(eq).flat() and imported.preamp_db != 0.0:
        bands_db = 0.0  # flat bands and a Preamp line: a level change alone ("Preamp: 6 dB" read as "the EQ is flat")
    level_db = None if bands_db is None else bands_db + imported.preamp_db
    fit = {"fitted": imported.fitted, "fit_rms_db": round(imported.rms_db, 4) if imported.fitted else None,
           "fit_max_db": round(imported.max_error_db, 4) if imported.fitted else None}
    if args.json:
        print(json.dumps({"words": [[w, round(s, 4)] for w, s in words],
                          "opposites": [[w, round(s, 4)] for w, s in opposites], "phrase": text, "source": args.source,
                          "language": language, "level_free": level_free, "level_free_because": why,
                          "band_hz": None if band_hz is None else list(band_hz),
                          "level_db": None if level_db is None else round(level_db, 2), "model_id": m.model_id,
                          **fit}))
        return 0
    if imported.fitted:
        print(f"eqmorph describe: {imported.describe_fit()}", file=sys.stderr)
    if bands_db is not None and not text:
        said = ("no change at all: the preamp takes the bands' level back" if abs(level_db) < 0.05 else
                f"only {'louder' if level_db > 0 else 'quieter'}: a level change of {level_db:+.1f} dB")
        print(f"{args.preset}: sounds like nothing new, {said} (the bands {bands_db:+.1f} dB, the preamp "
              f"{imported.preamp_db:+.1f} dB), no change of tone")
    else:
        print(f"{args.preset}: sounds like {text or 'nothing: the EQ is flat'}")
    if bands_db is not None and text:
        print(f"judged on its shape: its overall level change ({level_db:+.1f} dB with the preamp) is no tone")
    if why is not None:
        print(f"judged on its shape alone, level-free: {why}")
    if band_hz is not None and (band_hz[0] > grid.freqs_hz[0] * 1.01 or band_hz[1] < grid.freqs_hz[-1] / 1.01):
        print(f"judged where the match looked, {hz_text(band_hz[0])}-{hz_text(band_hz[1])}: outside it one of the "
              "recordings had no sound, so what the EQ does there was not matched")
    closest = max((abs(s) for _, s in ranked), default=0.0)
    if text and closest < LOOSE_SCORE:
        print(f"no word is much like this EQ (the closest scores {closest:.2f}; a word's own EQ scores 1): the phrase "
              "names the nearest, loosely")
    if words:
        # The phrase is the few words whose EQs add up to this one; the list ranks each word alone by shape, so
        # the two can name different words: labelled so neither reads as a summary of the other.
        print("words most alike in shape, each on its own (1: the word's EQ, -1: its opposite):")
        _print_scores(words)
    if opposites:
        print("words most opposite in shape (the EQ is less of them):")
        _print_scores(opposites)
    return 0


def _print_scores(words: list[tuple[str, float]]) -> None:
    width = max(len(w) for w, _ in words)
    for word, score in words:
        print(f"  {word:<{width}}  {score:+.2f}")


def level_free_reason(asked: bool, match: str | None, fitted_level_db: float) -> str | None:
    """Why a preset is described by its shape alone (None: it is not): asked for, a match, or a curve whose level the
    fit found.  Its overall level would otherwise read as words of loudness ("very loud", "strong") that the file
    does not mean (a user trial: a level-neutral match of "less soothing, more low mids" read as "very loud")."""
    if asked:
        return "--level-free leaves out the EQ's overall level"
    if match is not None:
        return f"the preset is a {match}, whose overall level is the fit's choice, not a sound"
    if fitted_level_db != 0.0:
        return (f"the curve has no preamp of its own, and its level ({fitted_level_db:+.1f} dB) was found by the fit, "
                "not written in the file")
    return None


def register(subparsers: Any) -> None:
    """Add ``eqmorph describe PRESET [--top K] [--json] [--level-free] [--source CROWD] [--model DIR]``."""
    p = subparsers.add_parser(
        "describe",
        help="say in words what a preset does",
        description="Read a preset (eqmorph JSON, Equalizer APO/AutoEq text, Equalizer APO GraphicEQ text, CSV; "
        "any other layout than eqmorph's 5 bands is fitted into them first, as 'eqmorph import' does) and print a "
        "short phrase that 'eqmorph generate' reads back as a similar EQ (the few words whose EQs add up to it), then "
        "the words most alike in shape each on its own, with scores from -1 (the opposite) to 1 (the word's own "
        "EQ). A flat EQ lists no words. A preset 'eqmorph match' or the web page's Match card wrote (JSON, APO or "
        "GraphicEQ text, CSV) is judged on its shape alone, level-free, as --level-free asks for any preset; the "
        "output says so.",
        **examples(("eqmorph describe warm.txt", "any preset, in English words"),
                   ("eqmorph describe match.txt", "a preset 'match -o' wrote is judged level-free"),
                   ("eqmorph describe eq.csv --level-free --language es", "its shape alone, in Spanish words"),
                   ("eqmorph describe warm.json --top 10 --json", "ten words, as one JSON object")),
    )
    add_input_arg(p, "preset", metavar="PRESET", kind="a preset file",
                  help="preset file, read as 'eqmorph import' reads it: .json (eqmorph), .txt/.apo (Equalizer APO "
                  "filters, AutoEq ParametricEQ, or a GraphicEQ curve, fitted into 5 bands) or .csv (bands, or a "
                  "curve: AutoEq's results CSV, frequency,gain_db; fitted)")
    p.add_argument("--top", type=int, default=DEFAULT_TOP, metavar="K",
                   help=f"how many words to list (default {DEFAULT_TOP})")
    p.add_argument("--json", action="store_true", help="print one JSON object: words, phrase, source, language, "
                   "level_free (and level_free_because), band_hz (a match's: where it was judged; else null), level_db "
                   "(a preset that is mostly a gain: its level with the preamp; else null), model_id")
    p.add_argument("--level-free", action="store_true",
                   help="judge the EQ's shape alone, leaving out its overall level (an EQ that is mostly a gain is "
                   "judged by its shape anyway, and its level said apart); automatic for a preset 'eqmorph match' "
                   "wrote, in any format (a match's level is the fit's choice; a CSV says so in its 'eqmorph' row, "
                   "which CSVs written before 2026-12 lack)")
    p.add_argument("--language", choices=("en", "es", "any"), default=DEFAULT_LANGUAGE,
                   help="describe in English (en, the default), Spanish (es) or any of the model's words (any); any "
                   "case, as --source", type=str.lower)
    add_source_arg(p)
    add_model_arg(p)
    p.set_defaults(func=run_describe)
