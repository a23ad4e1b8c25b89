"""``eqmorph blend``: the EQ of several words mixed by weight."""

from __future__ import annotations

import argparse
import math
import sys
from typing import Any

from eqmorph.cli.common import (
    add_format_args,
    add_word_args,
    emit,
    load_model,
    model_meta,
)
from eqmorph.cli.generate import INTENSITY_HELP
from eqmorph.cli.phrases import applied_intensity, say_understood
from eqmorph.errors import ParameterError
from eqmorph.language.terms import normalise_term


def parse_weights(items: list[str]) -> dict[str, float]:
    """``["warm=0.6", "bright=0.4"]`` -> ``{"warm": 0.6, "bright": 0.4}``; a repeated word's weights add up.

    Adding is what ``Morpher.blend`` does with one word given twice (``{"warm": 1, "Warm": 2}`` blends as
    ``{"warm": 3}``) and what the server's blend does. Each weight is checked on its own first, as the library
    checks each of its weights, so a negative one is refused rather than hidden in a sum.
    """
    weights: dict[str, float] = {}
    spellings: dict[str, str] = {}  # a word's normalised text -> its first spelling
    for item in items:
        word, sep, value = item.rpartition("=")
        try:
            if not sep or not word.strip():
                raise ValueError
            weight = float(value)
            if not (math.isfinite(weight) and weight >= 0.0):
                raise ValueError
        except ValueError:
            raise ParameterError("WORD=WEIGHT", item, "a word, '=' and a finite number >= 0, e.g. warm=0.6") from None
        word = spellings.setdefault(normalise_term(word), word.strip())  # "WARM=1 warm=1" is warm=2, as typed first
        weights[word] = weights.get(word, 0.0) + weight
    if not any(weights.values()):  # said here, as typed: the library would show its dict of weights
        raise ParameterError("WORD=WEIGHT", " ".join(items), "at least one weight above 0, e.g. warm=0.6 bright=0.4")
    return weights


def run_blend(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph blend``; returns the exit code."""
    m = load_model(args)
    weights = parse_weights(args.weights)
    eq = m.blend(weights, intensity=args.intensity, source=args.source)
    say_understood(m, *weights, command="blend", quiet=args.quiet, source=args.source)
    total = sum(weights.values())
    if not args.quiet and not math.isclose(total, 1.0, rel_tol=1e-6):
        # A trial: warm=0.1 was taken for a light touch of warm; a blend is a mix, so it was all warm.
        said = f"{total:g}" if math.isfinite(total) else f"more than {sys.float_info.max:g}"  # 1e308 twice: inf
        print(f"blend: weights are shares of the mix, scaled to add up to 1 (these add up to {said}); for a lighter "
              "or stronger EQ use --intensity", file=sys.stderr)
    intensity = applied_intensity("blend", m, args.intensity, list(weights))  # Morpher.blend caps as generate does
    emit(eq, args, **model_meta(m, words=list(weights), weights=weights, intensity=intensity))
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph blend WORD=WEIGHT ...``."""
    p = subparsers.add_parser("blend", help="the EQ of several words mixed, e.g. warm=0.6 bright=0.4",
                              description="Print the EQ of several words mixed by weight (shares of the mix), or "
                              "write it as a preset with -o; for a lighter or stronger EQ use --intensity.")
    p.add_argument("weights", nargs="+", metavar="WORD=WEIGHT",
                   help="a word and its weight, e.g. warm=0.6 (a repeated word's weights add up); weights are "
                   "shares of the mix, scaled to add up to 1 (warm=0.1 alone is all warm: use --intensity)")
    p.add_argument("--intensity", type=float, default=1.0, help=INTENSITY_HELP)
    add_word_args(p)
    add_format_args(p)
    p.set_defaults(func=run_blend)
