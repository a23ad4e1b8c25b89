"""``eqmorph words``: the known words with their example counts and confidence."""

from __future__ import annotations

import argparse
from typing import Any

from eqmorph.cli.common import add_model_arg, load_model


def run_words(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph words``; returns the exit code."""
    if args.limit < 1:
        from eqmorph.errors import ParameterError

        raise ParameterError("--limit", args.limit, "an integer >= 1")
    m = load_model(args)
    from eqmorph.language.spelling import search, suggest

    chosen = search(args.search, m.counts, args.limit) if args.search else [(w, m.counts[w]) for w in m.terms]
    if not chosen:
        # A typo ("brigth") contains no known word: offer the words spelled like it, as generate does.
        close = ", ".join(w for w, _ in suggest(args.search, m.counts))
        hint = f"closest known words: {close}; " if close else ""
        print(f"no known word matches {args.search!r}; {hint}run 'eqmorph words' for all {len(m.terms)} words")
        return 0
    # Per crowd and language: the training rows behind each word (the bundled model saw every row, so these
    # equal `eqmorph data stats`; stop-listed and rarer words are not in a model, see docs/model.md).
    crowds = list(m.sources)
    print(f"{'word':<24}{'examples':>9}" + "".join(f"{c:>10}" for c in crowds) + f"{'languages':>14}{'confidence':>12}")
    for word, _ in chosen[: args.limit]:
        info = m.word_info(word)
        langs = " ".join(f"{k} {v}" for k, v in sorted(info.counts_by_language.items()) if k != "none") or "-"
        print(f"{word:<24}{info.count:>9}" + "".join(f"{info.counts_by_source.get(c, 0):>10}" for c in crowds)
              + f"{langs:>14}{info.confidence:>12.2f}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph words [--search TEXT]``."""
    p = subparsers.add_parser("words", help="known words with example counts and confidence")
    p.add_argument("--search", default=None, help="only words matching this text")
    p.add_argument("--limit", type=int, default=50, help="at most this many words (default 50)")
    add_model_arg(p)
    p.set_defaults(func=run_words)
