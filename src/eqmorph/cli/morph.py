"""``eqmorph morph``: the EQ between two words."""

from __future__ import annotations

import argparse
from typing import Any

from eqmorph.cli.common import (
    add_format_args,
    add_word_args,
    emit,
    examples,
    load_model,
    model_meta,
    say_resolved,
)
from eqmorph.cli.generate import INTENSITY_HELP
from eqmorph.cli.phrases import applied_intensity, word_text
from eqmorph.semantic.morph import DEFAULT_INTERPOLATION, INTERPOLATIONS


def run_morph(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph morph``; returns the exit code."""
    m = load_model(args)
    eq = m.interpolate(args.a, args.b, args.alpha, intensity=args.intensity, method=args.method, source=args.source)
    say_resolved(m, args.a, args.b, command="morph", quiet=args.quiet, source=args.source)
    intensity = applied_intensity("morph", m, args.intensity, [args.a, args.b])  # what interpolate applied
    emit(eq, args, **model_meta(m, words=[args.a, args.b], alpha=args.alpha, intensity=intensity))
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph morph A B [--alpha ALPHA]``."""
    p = subparsers.add_parser(
        "morph",
        help="the EQ between two words or phrases (the slider)",
        description="Print the EQ at --alpha between A (0) and B (1), either a word or a phrase, or write it as a "
        "preset with -o; the web page's slider.",
        **examples(("eqmorph morph warm bright --alpha 0.3 --format json", "--alpha defaults to 0.5"),
                   ('eqmorph morph warm "less harsh" --alpha 0.25 -o morph.txt', "either end may be a phrase"),
                   ("eqmorph morph warm bright --method latent", "blend the words' latent codes instead")),
    )
    p.add_argument("a", metavar="A", type=word_text, help="the first word (alpha 0)")
    p.add_argument("b", metavar="B", type=word_text, help="the second word (alpha 1)")
    p.add_argument("--alpha", type=float, default=0.5, help="0 is A, 1 is B (default 0.5, as in apply and plot)")
    p.add_argument("--intensity", type=float, default=1.0, help=INTENSITY_HELP)
    p.add_argument("--method", type=str.lower, choices=INTERPOLATIONS, default=DEFAULT_INTERPOLATION,
                   help="how the words are mixed: params (their EQs), latent (their codes) or slerp "
                   f"(spherical code blend); default {DEFAULT_INTERPOLATION}")
    add_word_args(p)
    add_format_args(p)
    p.set_defaults(func=run_morph)
