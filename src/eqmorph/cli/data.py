"""``eqmorph data stats``: what the datasets hold, after loading and fitting."""

from __future__ import annotations

import argparse

from eqmorph.datasets import EQDataset, combine, load_safe, load_socialfx, resolve_data_path
from eqmorph.datasets.paths import DATA_ENV

TOP_TERMS = 20  # most frequent terms listed
MIN_COUNT = 8  # terms with at least this many examples are listed as well covered


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``data`` and its sub-command ``stats``."""
    data = subparsers.add_parser("data", help="inspect the training datasets", description="Inspect the datasets.")
    sub = data.add_subparsers(dest="data_command", required=True, metavar="SUBCOMMAND")
    stats = sub.add_parser(
        "stats",
        help="examples, terms, languages, skipped rows and fit error",
        description="Load the datasets (fitting SocialFX's curves) and print what they hold.",
    )
    stats.add_argument("--dataset", choices=("socialfx", "safe", "all"), default="all", help="which dataset (all)")
    stats.add_argument(
        "--data",
        metavar="PATH",
        help=f"data file, or a folder holding socialfx/ and safe/ (default: ${DATA_ENV}; "
        "else SocialFX is downloaded from the Hugging Face hub)",
    )
    stats.add_argument("--no-fit", action="store_true", help="skip the 5-band fit of SocialFX (faster; no fit error)")
    stats.set_defaults(func=run_stats)


def load(dataset: str, data: str | None, *, fit: bool = True) -> EQDataset:
    """Load ``dataset`` (``socialfx`` or ``safe``) from ``data`` as ``resolve_data_path`` finds it."""
    path = resolve_data_path(data, dataset)
    return load_socialfx(path, fit=fit) if dataset == "socialfx" else load_safe(path)


def format_stats(name: str, ds: EQDataset, *, top: int = TOP_TERMS, min_count: int = MIN_COUNT) -> str:
    """The stats block of one dataset."""
    counts = ds.term_counts()
    langs = sorted(((lang or "none", ds.lang.count(lang)) for lang in set(ds.lang)), key=lambda kv: (-kv[1], kv[0]))
    common = [(t, c) for t, c in counts.items() if c >= min_count]
    lines = [
        f"== {name} ==",
        f"examples:        {len(ds)}",
        f"distinct terms:  {len(counts)}",
        "languages:       " + ", ".join(f"{k} {v}" for k, v in langs),
        f"top {top} terms:   " + ", ".join(f"{t} ({c})" for t, c in list(counts.items())[:top]),
        f"terms with >= {min_count} examples: {len(common)} terms, {sum(c for _, c in common)} examples",
        "  " + (", ".join(f"{t} ({c})" for t, c in common) or "none"),
        "skipped rows:    "
        + (", ".join(f"{k} {v}" for k, v in sorted(ds.skipped.items(), key=lambda kv: -kv[1])) or "none"),
    ]
    fit = ds.fit_error_summary()
    if fit:
        lines.append(f"fit error (RMS dB, 40-band -> 5-band): {fit}")
    return "\n".join(lines)


def run_stats(args: argparse.Namespace) -> int:
    names = ("socialfx", "safe") if args.dataset == "all" else (args.dataset,)
    loaded = [(name, load(name, args.data, fit=not args.no_fit)) for name in names]
    blocks = [format_stats(name, ds) for name, ds in loaded]
    if len(loaded) > 1:
        blocks.append(format_stats("all", combine(*(ds for _, ds in loaded))))
    print("\n\n".join(blocks))
    return 0
