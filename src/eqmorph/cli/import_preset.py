"""``eqmorph import``: read a preset of any layout, fit it into the 5-band EQ if needed, show or convert it."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eqmorph.cli.common import add_format_args, add_input_arg, emit


def run_import(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph import``; returns the exit code."""
    from eqmorph.io.fileio import refuse_same_path
    from eqmorph.io.presets import import_preset

    if args.output:
        refuse_same_path(args.preset, args.output)  # before reading, so a typo never costs the input
    imported = import_preset(args.preset)
    if imported.fitted:
        print(f"eqmorph import: {imported.describe_fit()}", file=sys.stderr)
    emit(imported.eq, args, inputs=[args.preset])
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph import PRESET [--format ...] [-o OUT]``."""
    parser = subparsers.add_parser(
        "import",
        help="read a preset (eqmorph JSON, Equalizer APO/AutoEq text, GraphicEQ, CSV) and show or convert it",
        description="Read a preset and print it (table by default) or write it to OUT in another format. "
        "A preset that already has eqmorph's layout (one low shelf, up to three peaking filters, one high "
        "shelf) is kept exactly; any other (more peaks, missing shelves, a GraphicEQ curve) is fitted into "
        "the 5-band layout by its response, and the fit error is reported.",
    )
    add_input_arg(parser, "preset", metavar="PRESET", kind="a preset file",
                  help="preset file: .json, .txt/.apo (Equalizer APO, AutoEq, GraphicEQ) or .csv")
    add_format_args(parser)
    parser.set_defaults(func=run_import)
