"""``eqmorph import``: read a preset of any layout, fit it into the 5-band EQ if needed, show or convert it."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eqmorph.cli.common import add_format_args, add_input_arg, emit, refuse_overwriting_input


def run_import(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph import``; returns the exit code."""
    from eqmorph.core.preamp import max_response_db
    from eqmorph.io.presets import import_preset

    if args.output:
        refuse_overwriting_input("-o", args.output, {"PRESET": args.preset})  # before reading: a typo costs nothing
    imported = import_preset(args.preset)
    if imported.fitted:
        print(f"eqmorph import: {imported.describe_fit()}", file=sys.stderr)
    # The preset's own Preamp is carried over, not replaced by eqmorph's, so the converted file plays exactly as
    # loud as the original (`apply --preset` and Equalizer APO apply the Preamp either file says).  Said when that
    # Preamp leaves the EQ above 0 dB: the original could clip too, and the user may want eqmorph's headroom.
    if imported.level_db != 0.0 and not args.quiet:
        # A curve with no Preamp line: the level is the fit's finding, said as such rather than as the file's Preamp.
        print("eqmorph import: note: the curve has no preamp of its own; the fit set its level "
              f"{imported.level_db:+.1f} dB apart from the bands (a 5-band EQ has no level band), kept as the "
              "preamp so the EQ plays as loud as the curve", file=sys.stderr)
    peak = max_response_db(imported.eq) + imported.preamp_db
    # Preamp lines are written to 0.1 dB: a hair over 0 dB is their rounding, not a boost.
    if peak > 0.05 and not args.quiet:
        from eqmorph.core.preamp import preamp_db

        # "kept the preset's Preamp +0.0 dB" of a file with no Preamp line (a new-user trial, 2026-12-04)
        kept = ("the preset's level (the file has no preamp: 0 dB)" if imported.preamp_db == 0.0 else
                f"the preset's Preamp {imported.preamp_db:+.1f} dB" if imported.level_db == 0.0 else
                f"the preamp {imported.preamp_db:+.1f} dB ({imported.describe_preamp()})")
        print(f"eqmorph import: note: kept {kept}, with which the EQ peaks at {peak:+.1f} dB and may clip; for no "
              f"clipping it would be {preamp_db(imported.eq):.1f} dB", file=sys.stderr)
    # What the preset says made it goes with the EQ (words, model, a match's recordings): a converted match is
    # still a match, whose level describe leaves out (a new-user trial, 2026-12-03), and a converted word's EQ still
    # names its words (they were dropped: a new-user trial, 2026-12-04)
    emit(imported.eq, args, inputs={"PRESET": args.preset}, preamp=imported.preamp_db,
         preamp_is=imported.describe_preamp(), **imported.provenance)
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph import PRESET [--format ...] [-o OUT]``."""
    parser = subparsers.add_parser(
        "import",
        help="read a preset (eqmorph JSON, Equalizer APO/AutoEq text, GraphicEQ, CSV) and show or convert it",
        description="Read a preset and print it (table by default) or write it to OUT in another format. "
        "A preset that already has eqmorph's layout (one low shelf, up to three peaking filters, one high "
        "shelf) is kept exactly; any other (more peaks, missing shelves, a GraphicEQ curve) is fitted into "
        "the 5-band layout by its response, and the fit error is reported. The preset's own Preamp (0 dB "
        "if it has none) is carried over, so OUT plays as loud as PRESET; a note says when it lets the EQ clip.",
    )
    add_input_arg(parser, "preset", metavar="PRESET", kind="a preset file",
                  help="preset file: .json, .txt/.apo (Equalizer APO, AutoEq, GraphicEQ) or .csv (bands, or "
                  "a curve: AutoEq's results CSV, frequency,gain_db)")
    add_format_args(parser)
    # The fit's error is said even with --quiet, as 'apply --preset' says it: the output is then an approximation.
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print no notes about the preamp (a fitted preset's fit error is still said)")
    parser.set_defaults(func=run_import)
