"""``eqmorph generate``: the EQ for a word."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eqmorph.cli.common import (
    add_format_args,
    add_word_args,
    emit,
    load_model,
    model_meta,
    say_resolved,
)
from eqmorph.semantic.path import MAX_INTENSITY, capped_intensity

INTENSITY_HELP = "0 flat, 1 the word, >1 more, <0 the opposite (default 1)"


def run_generate(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph generate``; returns the exit code."""
    m = load_model(args)
    word = " ".join(args.word)  # `eqmorph generate a bit brighter` unquoted is the phrase "a bit brighter"
    eq = m.generate(word, intensity=args.intensity, source=args.source)
    say_resolved(m, word, quiet=args.quiet, source=args.source)
    strength = m.strength(word)  # a phrase's degree (1 for a word), kept from generate: no second parse
    intensity = capped_intensity(args.intensity, strength)  # what generate applied (semantic/path.py)
    if intensity != args.intensity:
        print(f"eqmorph generate: note: --intensity {args.intensity:g} on a phrase of degree {strength:.3g} would "
              f"scale its words {abs(args.intensity) * strength:.3g} times; it stops at {MAX_INTENSITY:g}: "
              f"intensity {intensity:.3g} applied", file=sys.stderr)
    emit(eq, args, **model_meta(m, words=[word], intensity=intensity))
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph generate WORD``."""
    p = subparsers.add_parser("generate", help="the EQ for a word")
    p.add_argument("word", nargs="+", metavar="WORD",
                   help="a descriptor or phrase, e.g. warm, 'less muddy', 'un poco más cálido' (quotes optional)")
    p.add_argument("--intensity", type=float, default=1.0, help=INTENSITY_HELP)
    add_word_args(p)
    add_format_args(p)
    p.set_defaults(func=run_generate)
