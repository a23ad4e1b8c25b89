"""``eqmorph plot``: one word's EQ, or two words and their morph, as a PNG."""

from __future__ import annotations

import argparse
from typing import Any

from eqmorph.cli.common import (
    add_word_args,
    existed,
    load_model,
    output_name,
    refuse_inside_model,
    say_resolved,
    wrote,
)
from eqmorph.cli.generate import INTENSITY_HELP
from eqmorph.cli.phrases import applied_intensity, word_text
from eqmorph.errors import ParameterError
from eqmorph.semantic.morph import DEFAULT_INTERPOLATION, INTERPOLATIONS

DEFAULT_ALPHA = 0.5  # where the plotted morph sits without --alpha


def default_plot_name(word: str, to: str | None, alpha: float | None = None, intensity: float = 1.0,
                      source: str | None = None) -> str:
    """``warm.png``, ``un-poco-mas-calido-to-bright-0.500.png``: named by the one rule for the names eqmorph makes up
    (:func:`eqmorph.io.names.eq_stem`; the page's downloads are named so too), with the intensity asked for."""
    from eqmorph.io.names import eq_stem

    alpha = None if to is None else DEFAULT_ALPHA if alpha is None else alpha
    return f"{eq_stem(word, to, alpha=alpha, intensity=intensity, source=source)}.png"


def run_plot(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph plot``; returns the exit code."""
    if args.alpha is not None and args.to is None:
        raise ParameterError("--alpha", args.alpha, "--alpha together with --to WORD2")
    if args.method is not None and args.to is None:  # accepted and ignored until a new-user trial, as --alpha was not
        raise ParameterError("--method", args.method, "--method together with --to WORD2")
    word = " ".join(args.word)  # `eqmorph plot less muddy` unquoted is the phrase "less muddy", as in generate
    output = args.output or default_plot_name(word, args.to, args.alpha, args.intensity, args.source)
    refuse_inside_model("-o", output, args.model)
    from eqmorph.plots.figures import plot_eqs

    m = load_model(args)
    k = args.intensity
    if args.to is None:
        eq = m.generate(word, k, source=args.source)
        say_resolved(m, word, command="plot", quiet=args.quiet, source=args.source)
        # Labelled with the intensity applied: a phrase's degree may cap it (applied_intensity says so in a note).
        suffix = _intensity_suffix(applied_intensity("plot", m, k, [word]))
        curves = [(word + suffix, eq)]
        title = f"eqmorph: '{word}'{suffix}"
    else:
        alpha = DEFAULT_ALPHA if args.alpha is None else args.alpha
        mixed = m.interpolate(word, args.to, alpha, intensity=k, method=args.method or DEFAULT_INTERPOLATION,
                              source=args.source)
        ends = [(w, m.generate(w, k, source=args.source)) for w in (word, args.to)]
        say_resolved(m, word, args.to, command="plot", quiet=args.quiet, source=args.source)
        applied = applied_intensity("plot", m, k, [word, args.to])  # the morph's: the larger degree of its ends
        curves = []
        for w, eq in ends:  # each end is its word's own EQ, capped by its own degree: labelled if not the title's
            own = m.applied_intensity(k, w)
            curves.append((w if own == applied else w + _intensity_suffix(own), eq))
        curves.append((f"{word} \u2192 {args.to} at alpha {alpha:g}", mixed))
        title = f"eqmorph: '{word}', '{args.to}' and their morph{_intensity_suffix(applied)}"
    existed_before = existed(output)
    wrote(plot_eqs(curves, output, title=title), existed_before)
    return 0


def _intensity_suffix(intensity: float) -> str:
    """`` (intensity 3.2)`` for a curve or a title; nothing at 1, the word itself."""
    return "" if intensity == 1.0 else f" (intensity {intensity:.3g})"


def register(subparsers: Any) -> None:
    """Add ``eqmorph plot``."""
    p = subparsers.add_parser("plot", help="plot a word's EQ, or two words and their morph, to a PNG",
                              description="Draw the response of a word's or phrase's EQ, or with --to of both words "
                              "and their morph at --alpha, to a PNG (needs the plots extra).")
    p.add_argument("word", nargs="+", metavar="WORD", type=word_text,
                   help="the word or phrase to plot, e.g. warm, 'less muddy' (quotes optional)")
    p.add_argument("--to", metavar="WORD2", type=word_text, default=None,
                   help="also plot WORD2 and the morph between them")
    p.add_argument("--alpha", type=float, default=None,
                   help=f"where the plotted morph sits: 0 WORD, 1 WORD2 ({DEFAULT_ALPHA})")
    p.add_argument("--intensity", type=float, default=1.0, help=INTENSITY_HELP)
    p.add_argument("--method", type=str.lower, choices=INTERPOLATIONS,  # any case, as --source
                   default=None,  # None: not given, refused without --to
                   help=f"how the morph mixes the two words (default {DEFAULT_INTERPOLATION}); with --to only")
    add_word_args(p)
    p.add_argument("-o", "--output", metavar="PNG", type=output_name, default=None,
                   help="output image (.png); default WORD.png or WORD-to-WORD2-ALPHA.png in the current folder (lower "
                   "case, accents stripped, hyphens: 'un poco más cálido' to bright is "
                   "un-poco-mas-calido-to-bright-0.500.png; -xINTENSITY and -CROWD added when given)")
    p.set_defaults(func=run_plot)
