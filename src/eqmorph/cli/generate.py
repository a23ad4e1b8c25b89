"""``eqmorph generate``: the EQ for a word or phrase."""

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
from eqmorph.cli.phrases import applied_intensity, word_text
from eqmorph.semantic.path import MAX_INTENSITY

# The range the library enforces, said in the help (a new-user trial: the help gave none, the error [-4, 4]).
INTENSITY_HELP = (f"0 flat, 1 the word, >1 more, <0 the opposite; from {-MAX_INTENSITY:g} to {MAX_INTENSITY:g} "
                  "(default 1)")


def run_generate(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph generate``; returns the exit code."""
    m = load_model(args)
    word = " ".join(args.word)  # `eqmorph generate a bit brighter` unquoted is the phrase "a bit brighter"
    eq = m.generate(word, intensity=args.intensity, source=args.source)
    say_resolved(m, word, command="generate", quiet=args.quiet, source=args.source)
    intensity = applied_intensity("generate", m, args.intensity, [word])  # what generate applied, said if capped
    emit(eq, args, **model_meta(m, words=[word], intensity=intensity))
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph generate WORD``."""
    p = subparsers.add_parser(
        "generate",
        help="the EQ for a word or phrase, e.g. warm, 'a bit brighter', 'warm but not muddy'",
        description="Print the 5-band EQ a word or phrase asks for (a table), or write it as a preset with -o "
        "(Equalizer APO text, GraphicEQ, JSON or CSV, told by the name). How a phrase was understood is said on "
        "stderr (-q hides it).",
        **examples(("eqmorph generate warm -o warm.txt", "Equalizer APO text (format from the name), Preamp line"),
                   ('eqmorph generate "a bit brighter"', "a phrase: degree, more/less/not/without, several words"),
                   ('eqmorph generate "warm but not muddy"', "muddy takes away only what it adds to warm"),
                   ('eqmorph generate "bass -3dB, more presence"', "a studio term takes a dB amount (quoted)"),
                   ('eqmorph generate "un poco más cálido" --source socialfx', "Spanish, in one crowd's words"),
                   ("eqmorph generate velvety --open-vocab", "an unknown word by meaning (extra: text)")),
    )
    p.add_argument("word", nargs="+", metavar="WORD", type=word_text,
                   help="a descriptor or phrase, e.g. warm, 'less muddy', 'un poco más cálido' (quotes optional, "
                   "except around a dB amount with a minus: 'bass -3dB')")
    p.add_argument("--intensity", type=float, default=1.0, help=INTENSITY_HELP)
    add_word_args(p)
    add_format_args(p)
    p.set_defaults(func=run_generate)
