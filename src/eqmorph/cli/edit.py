"""``eqmorph edit``: move any preset towards or away from words."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

from eqmorph.cli.common import (
    add_format_args,
    add_word_args,
    emit,
    load_model,
    model_meta,
)
from eqmorph.cli.phrases import say_understood
from eqmorph.errors import EqmorphError, ParameterError


def run_edit(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph edit``; returns the exit code."""
    from eqmorph.io.fileio import refuse_same_path
    from eqmorph.io.presets import import_preset
    from eqmorph.semantic.path import MAX_INTENSITY

    if args.output:
        refuse_same_path(args.preset, args.output)
    if not math.isfinite(args.amount) or not 0.0 < args.amount <= MAX_INTENSITY:  # before --less negates it
        raise ParameterError("--amount", args.amount, f"a number in (0, {MAX_INTENSITY:g}]")
    changes = {w: args.amount for w in args.more} | {w: -args.amount for w in args.less}
    if not changes:
        raise EqmorphError(f"nothing to move {args.preset} by: add --more WORD or --less WORD, "
                           f"e.g. eqmorph edit {args.preset} --more warm")
    imported = import_preset(args.preset)
    if imported.fitted:
        print(f"eqmorph edit: {imported.describe_fit()}", file=sys.stderr)
    m = load_model(args)
    eq = m.edit(imported.eq, changes, source=args.source)
    say_understood(m, *changes, quiet=args.quiet)
    emit(eq, args, inputs=[args.preset], **model_meta(m, words=list(changes), weights=changes,
                                                      start=Path(args.preset).name))
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph edit PRESET --more WORD --less WORD``."""
    p = subparsers.add_parser("edit", help="move any preset towards or away from words")
    p.add_argument("preset", metavar="PRESET",
                   help="preset file (JSON, Equalizer APO/AutoEq text, GraphicEQ or CSV); other layouts are fitted")
    p.add_argument("--more", action="append", default=[], metavar="WORD", help="move towards WORD (repeatable)")
    p.add_argument("--less", action="append", default=[], metavar="WORD", help="move away from WORD (repeatable)")
    p.add_argument("--amount", type=float, default=0.5, help="step size per word, > 0 (default 0.5)")
    add_word_args(p)
    add_format_args(p)
    p.set_defaults(func=run_edit)
