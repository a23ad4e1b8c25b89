"""Pictures on the command line: ``eqmorph plot`` (one word or a morph) and ``eqmorph figures`` (all of them)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from eqmorph.errors import ParameterError
from eqmorph.semantic.morph import DEFAULT_INTERPOLATION, INTERPOLATIONS, bundled_model_dir, load


def _refuse_inside_model(option: str, output: str, model: str | None) -> None:
    """The model directory is the only input here: nothing may be written into it."""
    model_dir = Path(model if model is not None else bundled_model_dir()).resolve()
    out = Path(output).resolve()
    if out == model_dir or model_dir in out.parents:
        raise ParameterError(option, output, f"a path outside the model directory {str(model_dir)!r}")


def _run_plot(args: argparse.Namespace) -> int:
    if args.alpha is not None and args.to is None:
        raise ParameterError("--alpha", args.alpha, "--alpha together with --to WORD2")
    _refuse_inside_model("-o", args.output, args.model)
    from eqmorph.plots.figures import plot_eqs

    m = load(args.model)
    k = args.intensity
    suffix = "" if k == 1.0 else f" (intensity {k:g})"
    if args.to is None:
        curves = [(args.word + suffix, m.generate(args.word, k))]
        title = f"eqmorph: '{args.word}'{suffix}"
    else:
        alpha = 0.5 if args.alpha is None else args.alpha
        mixed = m.interpolate(args.word, args.to, alpha, intensity=k, method=args.method)
        curves = [(args.word, m.generate(args.word, k)), (args.to, m.generate(args.to, k)),
                  (f"{args.word} \u2192 {args.to} at alpha {alpha:g}", mixed)]
        title = f"eqmorph: '{args.word}', '{args.to}' and their morph{suffix}"
    print(f"wrote {plot_eqs(curves, args.output, title=title)}")
    return 0


def _run_figures(args: argparse.Namespace) -> int:
    _refuse_inside_model("--out", args.out, args.model)
    if args.data is not None and Path(args.data).resolve() == Path(args.out).resolve():
        raise ParameterError("--out", args.out, "a folder other than the --data path")
    from eqmorph.plots.figures import make_all

    for path in make_all(load(args.model), args.out, data_path=args.data):
        print(f"wrote {path}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``plot`` and ``figures``."""
    p = subparsers.add_parser("plot", help="plot a word's EQ, or two words and their morph, to a PNG")
    p.add_argument("word")
    p.add_argument("--to", metavar="WORD2", default=None, help="also plot WORD2 and the morph between them")
    p.add_argument("--alpha", type=float, default=None, help="where the plotted morph sits: 0 WORD, 1 WORD2 (0.5)")
    p.add_argument("--intensity", type=float, default=1.0, help="0 flat, 1 the word, >1 more, <0 the opposite")
    p.add_argument("--method", choices=INTERPOLATIONS, default=DEFAULT_INTERPOLATION, help="how the morph mixes")
    p.add_argument("--model", metavar="DIR", default=None, help="model directory (default: the bundled model)")
    p.add_argument("-o", "--output", required=True, metavar="PNG", help="output image (.png)")
    p.set_defaults(func=_run_plot)

    p = subparsers.add_parser("figures", help="draw every figure (curves, morph, word map, training, network)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if only it is missing)")
    p.add_argument("--model", metavar="DIR", default=None, help="model directory (default: the bundled model)")
    p.add_argument("--data", metavar="PATH", default=None,
                   help="SocialFX file or folder: also draw the 40-band -> 5-band fit figure")
    p.set_defaults(func=_run_figures)
