"""``eqmorph data stats``: what the datasets hold, after loading and fitting.

Counts here are rows of the data files (a comma-separated descriptor gives one row per word).
``eqmorph words`` shows a model's training counts: the bundled model is trained on every row, so
its counts equal these for every word it knows; words below the model's ``min_count`` and
stop-listed words have no entry there, and this command says how many of each there are.
"""

from __future__ import annotations

import argparse

from eqmorph.datasets.dataset import EQDataset, combine
from eqmorph.datasets.paths import DATA_ENV, DATASETS

TOP_TERMS = 20  # most frequent terms listed
MIN_COUNT = 8  # terms with at least this many examples are listed as well covered
VOCAB_MIN_COUNT = 3  # TrainConfig.min_count: a model's words need this many examples


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``data`` and its sub-command ``stats``."""
    data = subparsers.add_parser("data", help="inspect the training datasets", description="Inspect the datasets.")
    sub = data.add_subparsers(dest="data_command", required=True, metavar="SUBCOMMAND")
    stats = sub.add_parser(
        "stats",
        help="examples, terms, languages, stop-listed and skipped rows, fit error",
        description="Load the datasets (fitting SocialFX's curves) and print what they hold.",
    )
    stats.add_argument("--dataset", choices=DATASETS, default="all", help="which dataset (all)")
    stats.add_argument(
        "--data",
        metavar="PATH",
        help=f"data file, or a folder holding socialfx/ and safe/ (default: ${DATA_ENV}; "
        "else SocialFX is downloaded from the Hugging Face hub)",
    )
    stats.add_argument("--no-fit", action="store_true", help="skip the 5-band fit of SocialFX (faster; no fit error)")
    stats.set_defaults(func=run_stats)


def format_stats(name: str, ds: EQDataset, *, top: int = TOP_TERMS, min_count: int = MIN_COUNT) -> str:
    """The stats block of one dataset: :meth:`EQDataset.summary` plus coverage lines."""
    counts = ds.term_counts()
    stop = ds.stoplisted()
    common = [(t, c) for t, c in counts.items() if c >= min_count]
    vocab = [t for t, c in counts.items() if c >= VOCAB_MIN_COUNT and t not in stop]
    return "\n".join([
        f"== {name} ==",
        ds.summary(top),
        f"terms with >= {min_count} examples: {len(common)} terms, {sum(c for _, c in common)} examples",
        "  " + (", ".join(f"{t} ({c})" for t, c in common) or "none"),
        f"model vocabulary (>= {VOCAB_MIN_COUNT} examples, not stop-listed): {len(vocab)} terms",
    ])


def run_stats(args: argparse.Namespace) -> int:
    from eqmorph.datasets.experiment import data_files, load_source

    files = data_files(args.dataset, args.data)
    loaded = [(src, load_source(src, path, fit=not args.no_fit)) for src, path in files.items()]
    blocks = [format_stats(name, ds) for name, ds in loaded]
    if len(loaded) > 1:
        blocks.append(format_stats("all", combine(*(ds for _, ds in loaded))))
    print("\n\n".join(blocks))
    return 0
