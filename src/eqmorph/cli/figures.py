"""``eqmorph figures``: every figure (curves, morph, word map, training, network) into one folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from eqmorph.cli.common import add_model_arg, check_out_folder, load_model, make_out_folder, wrote
from eqmorph.errors import ParameterError


def run_figures(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph figures``; returns the exit code."""
    out = check_out_folder("--out", args.out, args.model)  # the rule demo --out follows, checked before any work
    if args.data is not None and Path(args.data).resolve() == out.resolve():
        raise ParameterError("--out", args.out, "a folder other than the --data path")
    from eqmorph.plots.figures import make_all

    model = load_model(args)
    make_out_folder(out)  # here, so a place that cannot be written is one line, not make_all's traceback
    for path in make_all(model, out, data_path=args.data):
        wrote(path)
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph figures``."""
    p = subparsers.add_parser("figures", help="draw every figure (curves, morph, word map, training, network)",
                              description="Draw the documentation's figures for a model (word curves, morphs, the "
                              "word map, training curves, the network) into --out; with --data also the fit figure.")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if only it is missing)")
    add_model_arg(p)
    p.add_argument("--data", metavar="PATH", default=None,
                   help="SocialFX file or folder: also draw the 40-band -> 5-band fit figure")
    p.set_defaults(func=run_figures)
