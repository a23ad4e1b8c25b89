"""How the CLI tells the user what a word or phrase was understood as (one helper for every command).

``eqmorph generate "less muddy"`` prints ``less muddy -> muddy x -1.0`` on stderr, so stdout stays
the preset; a plain vocabulary word (in any case or spacing: ``Warm``) prints nothing, and
``--quiet`` prints nothing at all.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eqmorph.semantic.morph import Morpher


def add_quiet_arg(parser: argparse.ArgumentParser) -> None:
    """``--quiet``: do not print how words were understood."""
    parser.add_argument("--quiet", action="store_true", help="do not print how the words were understood")


def say_understood(m: Morpher, *texts: str, quiet: bool = False, source: str | None = None) -> None:
    """Print, on stderr, the interpretation of each text that is not simply a known word, and with ``source``
    (``--source``) a note for each word that crowd never used: the model gives it both crowds' EQ there
    (docs/model.md), which a user who asked for one crowd's meaning should know."""
    if quiet:
        return
    from eqmorph.language.terms import normalise_term

    for text in texts:
        if normalise_term(text) not in m.counts:
            print(str(m.parse(text)), file=sys.stderr)
        if source is None or not m.sources:
            continue
        for word, _ in m.resolve(text):
            if m.word_info(word).counts_by_source.get(source, 0) == 0:
                print(f"note: {source} never used {word!r}; using its EQ over both crowds", file=sys.stderr)
