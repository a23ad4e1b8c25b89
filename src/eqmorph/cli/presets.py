"""``eqmorph import``, and the ``--format``/``-o`` output every EQ-producing command shares."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from eqmorph.core.eq import EQ
from eqmorph.io.fileio import refuse_same_path
from eqmorph.io.presets import FORMATS, SUFFIX_FORMATS, format_eq, format_for_path, load_preset, save_preset


def add_format_args(parser: argparse.ArgumentParser) -> None:
    """Add ``--format {json,apo,csv,table}`` and ``-o/--output OUT`` to ``parser``."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: table on screen; with -o, told by OUT's extension: "
        f"{', '.join(f'{s} {f}' for s, f in SUFFIX_FORMATS.items())})",
    )
    parser.add_argument("-o", "--output", metavar="OUT", default=None, help="write the preset to OUT atomically")


def emit(eq: EQ, args: argparse.Namespace, *, inputs: Sequence[str | os.PathLike[str]] = (), **meta: Any) -> None:
    """Print ``eq`` in ``args.format``, or write it to ``args.output`` (never over one of ``inputs``).

    ``meta`` (words, alpha, intensity, model_id) is recorded in JSON and shown in the table.
    """
    if args.output:
        for path in inputs:
            refuse_same_path(path, args.output)
        save_preset(args.output, eq, args.format or format_for_path(args.output), **meta)
    else:
        sys.stdout.write(format_eq(eq, args.format or "table", **meta))


def _run_import(args: argparse.Namespace) -> int:
    if args.output:
        refuse_same_path(args.preset, args.output)  # before reading, so a typo never costs the input
    emit(load_preset(args.preset), args, inputs=[args.preset])
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph import PRESET [--format ...] [-o OUT]``."""
    parser = subparsers.add_parser(
        "import",
        help="read a preset (eqmorph JSON, Equalizer APO/AutoEq text, CSV) and show or convert it",
        description="Read a preset and print it (table by default) or write it to OUT in another format. "
        "Equalizer APO text may have one low shelf, up to three peaking filters and one high shelf.",
    )
    parser.add_argument("preset", metavar="PRESET", help="preset file: .json, .txt/.apo (Equalizer APO) or .csv")
    add_format_args(parser)
    parser.set_defaults(func=_run_import)
