"""``eqmorph demo``: print two words' EQs, their morph and a few phrases, in words too, and plot the curves."""

from __future__ import annotations

import argparse
from typing import Any

from eqmorph.cli.common import (
    add_model_arg,
    add_open_vocab_arg,
    check_out_folder,
    existed,
    load_model,
    make_out_folder,
    wrote,
)
from eqmorph.errors import ParameterError

DEFAULT_PHRASES = ("a bit brighter", "warm but not muddy")


def run_demo(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph demo``; returns the exit code."""
    a, b = args.a, args.b
    if args.phrases is None:  # argparse's append would add to a list default instead of replacing it
        args.phrases = list(DEFAULT_PHRASES)
    for phrase in args.phrases:
        if not phrase.strip():
            raise ParameterError("--phrase", phrase, "a phrase with at least one word, e.g. 'a bit brighter'")
    out = check_out_folder("--out", args.out, args.model)
    m = load_model(args)
    # Everything is computed before anything is printed, so an unknown word fails with no half-printed demo.
    curves = [(a, m.generate(a)), (b, m.generate(b)), (f"{a} -> {b} 50/50", m.interpolate(a, b, 0.5))]

    def sounds_like(eq: Any) -> str:
        return f"(sounds like: {m.describe_text(eq, language='en') or 'nothing, flat'})"

    blocks = [f"== {label}  {sounds_like(eq)}\n{eq}\n" for label, eq in curves]
    # What people type: phrases go through the language layer, and each says how it was understood and, as the words
    # do, what its EQ sounds like (README promised the phrases "in words too": a new-user trial found them without).
    phrased = [(phrase, m.generate(phrase)) for phrase in args.phrases]
    blocks += [f"== {m.parse(phrase)}\n   {sounds_like(eq)}\n{eq}\n" for phrase, eq in phrased]
    from eqmorph.plots.figures import plot_eqs

    make_out_folder(out)  # before printing: a place that cannot be written fails with one line and nothing else
    print(f"eqmorph demo on model {m.model_id} ({len(m.terms)} words)\n")
    print("\n".join(blocks))
    png = out / "demo_curves.png"
    existed_before = existed(png)
    plot_eqs(curves, png, title=f"eqmorph: {a}, {b} and their 50/50 morph")
    wrote(png, existed_before)
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph demo``."""
    p = subparsers.add_parser("demo", help="print warm, bright and their morph, and plot them",
                              description="Print two words' EQs, their morph and two phrases, each with what it "
                              "sounds like, and plot the curves to a PNG in --out (what 'make demo' runs).")
    p.add_argument("--a", default="warm", help="the first word (default warm)")
    p.add_argument("--b", default="bright", help="the second word (default bright)")
    p.add_argument("--phrase", dest="phrases", action="append", default=None,
                   help="a phrase to show as well (repeatable; default: 'a bit brighter' and 'warm but not muddy')")
    p.add_argument("--out", default="demo-output",
                   help="folder for the curve PNG, created if only it is missing (default demo-output)")
    add_model_arg(p)
    add_open_vocab_arg(p)
    p.set_defaults(func=run_demo)
