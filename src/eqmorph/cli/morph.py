"""Words to EQs on the command line: generate, morph, blend, sample, words, edit, demo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eqmorph.cli.presets import add_format_args, emit
from eqmorph.errors import ParameterError
from eqmorph.semantic.morph import DEFAULT_INTERPOLATION, INTERPOLATIONS, Morpher, load


def _model(args: argparse.Namespace) -> Morpher:
    return load(args.model, open_vocabulary=getattr(args, "open_vocab", False))


def _say_resolved(m: Morpher, *words: str) -> None:
    """Tell the user, on stderr, which known words stand for an unknown one."""
    for w in words:
        parts = m.resolve(w)
        if len(parts) > 1 or parts[0][0] != w:
            used = ", ".join(f"{t} {wt:.2f}" for t, wt in parts)
            print(f"{w!r} is not in the vocabulary; using {used}", file=sys.stderr)


def _meta(m: Morpher, **kw: Any) -> dict[str, Any]:
    return {"model_id": m.model_id, **{k: v for k, v in kw.items() if v is not None}}


def _run_generate(args: argparse.Namespace) -> int:
    m = _model(args)
    eq = m.generate(args.word, intensity=args.intensity)
    _say_resolved(m, args.word)
    emit(eq, args, **_meta(m, words=[args.word], intensity=args.intensity))
    return 0


def _run_morph(args: argparse.Namespace) -> int:
    m = _model(args)
    eq = m.interpolate(args.a, args.b, args.alpha, intensity=args.intensity, method=args.method)
    _say_resolved(m, args.a, args.b)
    emit(eq, args, **_meta(m, words=[args.a, args.b], alpha=args.alpha, intensity=args.intensity))
    return 0


def parse_weights(items: list[str]) -> dict[str, float]:
    """``["warm=0.6", "bright=0.4"]`` -> ``{"warm": 0.6, "bright": 0.4}``."""
    weights: dict[str, float] = {}
    for item in items:
        word, sep, value = item.rpartition("=")
        try:
            if not sep or not word.strip():
                raise ValueError
            weights[word.strip()] = float(value)
        except ValueError:
            raise ParameterError("WORD=WEIGHT", item, "a word, '=' and a number, e.g. warm=0.6") from None
    return weights


def _run_blend(args: argparse.Namespace) -> int:
    m = _model(args)
    weights = parse_weights(args.weights)
    eq = m.blend(weights, intensity=args.intensity)
    emit(eq, args, **_meta(m, words=list(weights), weights=weights, intensity=args.intensity))
    return 0


def _run_sample(args: argparse.Namespace) -> int:
    m = _model(args)
    eqs = m.sample(args.word, args.n, temperature=args.temperature, seed=args.seed)
    if args.output:
        raise ParameterError("-o", args.output, "no -o with sample: it prints n presets; use --format")
    for i, eq in enumerate(eqs, 1):
        print(f"# {args.word} variation {i} of {len(eqs)}")
        emit(eq, args, **_meta(m, words=[args.word]))
    return 0


def _run_words(args: argparse.Namespace) -> int:
    m = _model(args)
    from eqmorph.language.spelling import search

    chosen = search(args.search, m.counts, args.limit) if args.search else [(w, m.counts[w]) for w in m.terms]
    print(f"{'word':<24}{'examples':>9}{'confidence':>12}")
    for word, _ in chosen[: args.limit]:
        info = m.word_info(word)
        print(f"{word:<24}{info.count:>9}{info.confidence:>12.2f}")
    return 0


def _run_edit(args: argparse.Namespace) -> int:
    from eqmorph.io.presets import load_preset

    if args.output:
        from eqmorph.io.fileio import refuse_same_path

        refuse_same_path(args.preset, args.output)
    changes = {w: args.amount for w in args.more} | {w: -args.amount for w in args.less}
    if not changes:
        raise ParameterError("--more/--less", None, "at least one word to move towards or away from")
    m = _model(args)
    eq = m.edit(load_preset(args.preset), changes)
    emit(eq, args, inputs=[args.preset], **_meta(m, words=list(changes), weights=changes))
    return 0


def _run_demo(args: argparse.Namespace) -> int:
    m = _model(args)
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
    print(f"wrote {png}")
    return 0


def _common(p: argparse.ArgumentParser, *, fmt: bool = True, open_vocab: bool = True) -> None:
    p.add_argument("--model", metavar="DIR", default=None, help="model directory (default: the bundled model)")
    if open_vocab:
        p.add_argument("--open-vocab", action="store_true",
                       help="map unknown words to known ones by meaning (needs the text extra)")
    if fmt:
        add_format_args(p)


def register(subparsers: Any) -> None:
    """Add generate, morph, blend, sample, words, edit and demo."""
    p = subparsers.add_parser("generate", help="the EQ for a word")
    p.add_argument("word")
    p.add_argument("--intensity", type=float, default=1.0, help="0 flat, 1 the word, >1 more, <0 the opposite")
    _common(p)
    p.set_defaults(func=_run_generate)

    p = subparsers.add_parser("morph", help="the EQ between two words")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--alpha", type=float, required=True, help="0 is A, 1 is B")
    p.add_argument("--intensity", type=float, default=1.0)
    p.add_argument("--method", choices=INTERPOLATIONS, default=DEFAULT_INTERPOLATION)
    _common(p)
    p.set_defaults(func=_run_morph)

    p = subparsers.add_parser("blend", help="the EQ of several words mixed, e.g. warm=0.6 bright=0.4")
    p.add_argument("weights", nargs="+", metavar="WORD=WEIGHT")
    p.add_argument("--intensity", type=float, default=1.0)
    _common(p, open_vocab=False)
    p.set_defaults(func=_run_blend)

    p = subparsers.add_parser("sample", help="n plausible variations of a word")
    p.add_argument("word")
    p.add_argument("-n", type=int, default=5)
    p.add_argument("--temperature", type=float, default=1.0, help="spread of the variations (0 = the word)")
    p.add_argument("--seed", type=int, default=None)
    _common(p)
    p.set_defaults(func=_run_sample)

    p = subparsers.add_parser("words", help="known words with example counts and confidence")
    p.add_argument("--search", default=None, help="only words matching this text")
    p.add_argument("--limit", type=int, default=50)
    _common(p, fmt=False, open_vocab=False)
    p.set_defaults(func=_run_words)

    p = subparsers.add_parser("edit", help="move an existing preset towards or away from words")
    p.add_argument("preset", metavar="PRESET", help="preset file (JSON, Equalizer APO text or CSV)")
    p.add_argument("--more", action="append", default=[], metavar="WORD", help="move towards WORD (repeatable)")
    p.add_argument("--less", action="append", default=[], metavar="WORD", help="move away from WORD (repeatable)")
    p.add_argument("--amount", type=float, default=0.5, help="step size per word (default 0.5)")
    _common(p)
    p.set_defaults(func=_run_edit)

    p = subparsers.add_parser("demo", help="print warm, bright and their morph, and plot them")
    p.add_argument("--a", default="warm")
    p.add_argument("--b", default="bright")
    p.add_argument("--out", default="demo-output", help="folder for the curve PNG (default demo-output)")
    _common(p, fmt=False, open_vocab=False)
    p.set_defaults(func=_run_demo)
