"""``eqmorph demo``: print two words' EQs and their morph, and plot them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from eqmorph.cli.common import add_model_arg, load_model, wrote


def run_demo(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph demo``; returns the exit code."""
    m = load_model(args)
    a, b = args.a, args.b
    curves = [(a, m.generate(a)), (b, m.generate(b)), (f"{a} -> {b} 50/50", m.interpolate(a, b, 0.5))]
    print(f"eqmorph demo on model {m.model_id} ({len(m.terms)} words)\n")
    for label, eq in curves:
        print(f"== {label}\n{eq}\n")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from eqmorph.plots.figures import plot_eqs

    png = out / "demo_curves.png"
    plot_eqs(curves, png, title=f"eqmorph: {a}, {b} and their 50/50 morph")
    wrote(png)
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph demo``."""
    p = subparsers.add_parser("demo", help="print warm, bright and their morph, and plot them")
    p.add_argument("--a", default="warm", help="the first word (default warm)")
    p.add_argument("--b", default="bright", help="the second word (default bright)")
    p.add_argument("--out", default="demo-output", help="folder for the curve PNG (default demo-output)")
    add_model_arg(p)
    p.set_defaults(func=run_demo)
