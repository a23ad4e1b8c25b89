"""``eqmorph edit``: move any preset towards or away from words."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eqmorph.cli.common import (
    add_format_args,
    add_input_arg,
    add_word_args,
    emit,
    load_model,
    model_meta,
    refuse_overwriting_input,
)
from eqmorph.cli.edit_amounts import DEFAULT_AMOUNT, MAX_AMOUNT, db_texts, refuse_negated_less
from eqmorph.cli.phrases import say_understood, word_text
from eqmorph.errors import EqmorphError, ParameterError

if TYPE_CHECKING:
    from eqmorph.semantic.morph import Morpher


def word_changes(m: Morpher, more: list[str], less: list[str], amount: float,
                 in_db: frozenset[str] = frozenset()) -> dict[str, float]:
    """``--more``/``--less`` words -> signed amounts, read the way the phrase grammar reads "more warm, less warm".

    Words are compared by what they mean to ``m`` (``Bright``, ``brighter`` and ``bright`` are one word): one
    asked for both ways is refused, as the grammar refuses "more warm, less warm"; one repeated the same way
    counts once, as "more warm, more warmer" is warm x 1, and keeps its first spelling.  A text of ``in_db``
    (:func:`eqmorph.cli.edit_amounts.db_texts`) moves by 1, its dB as written, not by ``amount``.
    """
    seen: dict[tuple[tuple[str, float], ...], tuple[str, str]] = {}  # signed meaning -> (option, word as typed)
    changes: dict[str, float] = {}
    for option, words, sign in (("--more", more, 1.0), ("--less", less, -1.0)):
        for word in words:
            meaning = tuple(sorted((term, sign * weight) for term, weight in m.resolve(word)))
            opposite = seen.get(tuple((term, -weight) for term, weight in meaning))
            if opposite is not None:
                first_option, first = opposite
                what = meaning[0][0] if len(meaning) == 1 else repr(word)
                raise ParameterError(option, word, f"each word asked for one way only ({first_option} {first!r} "
                                                   f"and {option} {word!r} ask for {what} both ways)")
            if meaning not in seen:
                seen[meaning] = (option, word)
                changes[word] = sign * (1.0 if word in in_db else amount)
    return changes


def run_edit(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph edit``; returns the exit code."""
    from eqmorph.io.presets import import_preset
    from eqmorph.io.provenance import match_recordings

    if args.output:
        refuse_overwriting_input("-o", args.output, {"PRESET": args.preset})
    amount = DEFAULT_AMOUNT if args.amount is None else args.amount
    if not math.isfinite(amount) or not 0.0 < amount <= MAX_AMOUNT:  # before --less negates it
        raise ParameterError("--amount", amount, f"a number in (0, {MAX_AMOUNT:g}]")
    if not args.more and not args.less:
        raise EqmorphError(f"nothing to move {args.preset} by: add --more WORD or --less WORD, "
                           f"e.g. eqmorph edit {args.preset} --more warm")
    imported = import_preset(args.preset)
    m = load_model(args)
    in_db = db_texts(m, args.more, args.less, args.amount)
    refuse_negated_less(m, args.less)
    changes = word_changes(m, args.more, args.less, amount, in_db)  # before the fit note: nothing said, then refused
    if imported.fitted:
        print(f"eqmorph edit: {imported.describe_fit()}", file=sys.stderr)
    eq = m.edit(imported.eq, changes, source=args.source)
    say_understood(m, *changes, command="edit", quiet=args.quiet, source=args.source, scales=changes)
    from eqmorph.core.preamp import preamp_db

    # The edit changes the EQ, so its preamp is the new EQ's; said, since import and apply keep the preset's own
    # and a -10 dB preamp turned -4.3 dB without a word (a new-user trial, 2026-12-03); not when the two round alike
    # ("-3.5 dB is replaced by -3.5 dB", a new-user trial, 2026-12-04).
    if imported.preamp_db != 0.0 and not args.quiet and f"{imported.preamp_db:.1f}" != f"{preamp_db(eq):.1f}":
        print(f"eqmorph edit: note: the preset's preamp ({imported.preamp_db:+.1f} dB, {imported.describe_preamp()}) "
              f"is replaced by the edited EQ's preamp for no clipping ({preamp_db(eq):.1f} dB)", file=sys.stderr)
    # An edited match is still a match: its overall level is the fit's, so describe judges it level-free too.
    recordings = match_recordings(imported.provenance) or (None, None)
    emit(eq, args, inputs={"PRESET": args.preset}, **model_meta(m, words=list(changes), weights=changes,
                                                                start=Path(args.preset).name, input=recordings[0],
                                                                reference=recordings[1]))
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph edit PRESET --more WORD --less WORD``."""
    p = subparsers.add_parser("edit", help="move any preset towards or away from words",
                              description="Read a preset and move it towards the words of --more and away from those "
                              "of --less, keeping the rest of its sound; print the result or write it with -o.")
    add_input_arg(p, "preset", metavar="PRESET", kind="a preset file",
                  help="preset file (JSON, Equalizer APO/AutoEq text, GraphicEQ or CSV); other layouts are fitted")
    p.add_argument("--more", action="append", default=[], metavar="WORD", type=word_text,
                   help="move towards WORD (repeatable; a word repeated counts once)")
    p.add_argument("--less", action="append", default=[], metavar="WORD", type=word_text,
                   help="move away from WORD (repeatable); a dB amount goes unsigned here: --less 'bass 3dB' cuts 3 dB")
    p.add_argument("--amount", type=float, default=None,
                   help=f"how far each word moves, a number in (0, {MAX_AMOUNT:g}] (default {DEFAULT_AMOUNT:g}: "
                   "half the word's EQ); a text with a dB amount is applied as written instead, whole ('bass +3dB' "
                   "is +3 dB; 'bright, bass +3dB' all of bright too) and takes no --amount")
    add_word_args(p)
    add_format_args(p)
    p.set_defaults(func=run_edit)
