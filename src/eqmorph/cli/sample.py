"""``eqmorph sample``: n plausible variations of a word, printed or written to numbered files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eqmorph.cli.common import (
    add_format_args,
    add_word_args,
    emit,
    load_model,
    model_meta,
    say_resolved,
)
from eqmorph.cli.phrases import word_text
from eqmorph.errors import ParameterError
from eqmorph.semantic.sample import MAX_TEMPERATURE


def numbered_paths(output: str, n: int) -> list[Path]:
    """``s.txt`` and 3 -> ``s-1.txt, s-2.txt, s-3.txt``: one preset per file, as every preset format holds one EQ.
    A name ending in "GraphicEQ" keeps that ending (``s GraphicEQ.txt`` -> ``s-1 GraphicEQ.txt``): numbered after
    it, the names asked for APO text (:func:`eqmorph.io.presets.format_for_path`)."""
    p = Path(output)
    if not p.stem.lower().endswith("graphiceq"):
        return [p.with_name(f"{p.stem}-{i}{p.suffix}") for i in range(1, n + 1)]
    cut = len(p.stem) - len("graphiceq")
    name = p.stem[:cut].rstrip(" _-")
    tail = (p.stem[len(name):cut] or " ") + p.stem[cut:]  # the separator as written, then "GraphicEQ"
    return [p.with_name(f"{name}{'-' if name else ''}{i}{tail}{p.suffix}") for i in range(1, n + 1)]


def run_sample(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph sample``; returns the exit code."""
    from eqmorph.io.presets import format_eqs, output_format

    if args.seed is not None and args.seed < 0:  # the library would offer "None", which no one can type here
        raise ParameterError("--seed", args.seed, "an integer >= 0, or leave --seed out for a random seed")
    # The format comes from the name the user typed (numbered_paths keeps its "GraphicEQ" ending, so each file's
    # name asks for what it holds). A wrong name fails before the model loads.
    fmt = output_format(args.output, args.format) if args.output else args.format
    m = load_model(args)
    word = " ".join(args.word)  # `eqmorph sample a bit warm` unquoted is the phrase "a bit warm"
    eqs = m.sample(word, args.n, temperature=args.temperature, seed=args.seed, source=args.source)
    say_resolved(m, word, command="sample", quiet=args.quiet, source=args.source)
    meta = model_meta(m, words=[word], source=args.source)
    if not args.output:
        # One text on stdout that stays valid in its format: CSV with a variation column, a JSON array, "#" lines
        # between the EQs of formats whose comments they are (io/presets.py: format_eqs).
        sys.stdout.write(format_eqs(eqs, fmt or "table", f"{word} variation", **meta))
        return 0
    from eqmorph.io.fileio import check_writable

    paths = numbered_paths(args.output, len(eqs))
    for path in paths:  # every name before any file: the set is written whole or not at all (a trial, 2026-12-04:
        output_format(str(path), fmt)  # p-1 and p-2 were left behind when p-3 was a folder)
        check_writable(path, "-o")
    for eq, path in zip(eqs, paths):
        emit(eq, argparse.Namespace(**{**vars(args), "format": fmt, "output": str(path)}), **meta)
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph sample WORD [-n N]``."""
    p = subparsers.add_parser("sample", help="n plausible variations of a word",
                              description="Print (or write with -o) N EQs drawn around a word's EQ with the spread "
                              "of the crowd's own examples of it; each still sounds like the word.")
    p.add_argument("word", nargs="+", metavar="WORD", type=word_text,
                   help="a descriptor or phrase, e.g. warm, 'a bit warm' (its degree scales the variations)")
    p.add_argument("-n", type=int, default=5, help="how many variations (default 5)")
    p.add_argument("--temperature", type=float, default=1.0,
                   help="spread of the variations, in units of the spread of the crowd's own examples of the word: 0 "
                   f"the word's EQ every time, 1 (default) as varied as the crowd, up to {MAX_TEMPERATURE:g}")
    p.add_argument("--seed", type=int, default=None,
                   help="random seed >= 0, for the same variations every run (default: a random seed)")
    add_word_args(p)
    add_format_args(p)
    p.epilog = "With -o OUT, variation i is written to OUT's name with -i before the extension (s.txt: s-1.txt, ...)."
    p.set_defaults(func=run_sample)
