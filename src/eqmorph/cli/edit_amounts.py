"""``eqmorph edit``'s texts with a dB amount ("bass +3dB"): found with the phrase parser, moved by their own dB.

``--amount`` scales a word's EQ (0.5, its default, is half the word); a text with a dB amount already says how far
to move, so it moves by 1, its dB as written. A user trial found ``--more "bass +3dB"`` giving +1.5 dB (halved by
the default) and ``--less "bass -3dB" --amount 1`` boosting the bass (the two minus signs cancelled), silently;
both are now said or refused here, as is a ``--less`` text that already asks against its words
(``--less "less muddy"`` made the preset muddier, silently: :func:`refuse_negated_less`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eqmorph.errors import ParameterError

if TYPE_CHECKING:
    from eqmorph.language.numbers import Amount
    from eqmorph.semantic.morph import Morpher

DEFAULT_AMOUNT = 0.5  # half a word's EQ per step: a nudge, as an edit usually is
MAX_AMOUNT = 4.0  # eqmorph.semantic.path.MAX_INTENSITY, here so the parser needs no numpy (a test keeps them equal)


def db_texts(m: Morpher, more: list[str], less: list[str], amount: float | None) -> frozenset[str]:
    """The ``--more``/``--less`` texts that hold a dB amount, read as ``m``'s parser reads them.

    Refuses ``amount`` (an explicit ``--amount``; None when not given) beside any of them, and a ``--less`` text
    whose amount has a sign or whose words already go against the studio term ("cut bass 3 dB"): ``--less`` turns
    the text around, so its minus and the option's would cancel.
    """
    found: set[str] = set()
    for option, texts in (("--more", more), ("--less", less)):
        for text in texts:
            amounts = _amounts(m, text)
            if not amounts:
                continue
            found.add(text)
            if amount is not None:
                raise ParameterError("--amount", amount, (
                    f"no --amount with a dB amount: {option} {text!r} moves by the dB it says ({amounts[0][0].text!r})"
                    f"; drop --amount (words without a dB amount then move by the default {DEFAULT_AMOUNT:g}; a "
                    "degree in their text, e.g. 'very warm', moves them further)"))
            if option == "--less":
                _refuse_double_negative(text, amounts)
    return frozenset(found)


def _amounts(m: Morpher, text: str) -> list[tuple[Amount, float, str | None]]:
    """Each dB amount of ``text``: the amount, the direction its piece moves (1 the studio term's own way, -1
    against it) and the studio term it sets (None for a piece of several meanings)."""
    from eqmorph.language.numbers import NUMBER_TOKEN, db_amount

    found = []
    for piece in m.parse(text).pieces:  # refuses what the parser refuses, with the parser's message
        if not piece.absolute:  # no dB amount set this piece's move
            continue
        term = piece.meanings[0].word if len(piece.meanings) == 1 and piece.meanings[0].how == "defined" else None
        amounts = [a for a in map(db_amount, re.findall(NUMBER_TOKEN, piece.text)) if a is not None]
        found += [(amount, piece.sign, term) for amount in amounts[:1]]  # the parser takes one amount per piece
    return found


def _refuse_double_negative(text: str, amounts: list[tuple[Amount, float, str | None]]) -> None:
    """Refuse ``--less TEXT`` when ``text``'s dB amount is signed or its words already go against the term."""
    from eqmorph.language.band_words import band_word

    for amount, direction, term in amounts:
        if not amount.signed and direction > 0:
            continue
        if not amount.signed:  # "cut bass 3 dB": the text cuts already
            raise ParameterError("--less", text, (
                f"a text that goes the studio term's own way with --less, which turns it around: {text!r} already "
                f"goes against it, so the two would cancel; write --more {text!r}"))
        band = band_word(term) if term is not None else None
        against = "-" if band is None or band.moves[0].gain_db > 0 else "+"
        magnitude = amount.text.lstrip("+-−").strip()
        instead = f"--more {_with(text, amount, against + magnitude)!r} or --less {_with(text, amount, magnitude)!r}"
        raise ParameterError("--less", text, (
            f"a dB amount without a sign with --less: {amount.text!r} has a sign, which says the direction already, "
            f"and --less would turn it around (a double negative); write {instead}"))


def _with(text: str, amount: Amount, written: str) -> str:
    """``text`` with ``amount`` written as ``written`` instead, in the user's spelling where it can be found."""
    pattern = r"\s?".join(re.escape(c) for c in amount.text.replace(" ", ""))
    found = re.search(pattern, text, flags=re.IGNORECASE)
    if found is None:
        return text
    unit = re.search(r"dbs?$", found.group(0), flags=re.IGNORECASE)
    if unit is not None:  # keep "dB" as the user cased it
        written = written[: len(written) - len(unit.group(0))] + unit.group(0)
    return text[:found.start()] + written + text[found.end():]


def refuse_negated_less(m: Morpher, less: list[str]) -> None:
    """Refuse a ``--less`` text every moving piece of which asks against its word ("less muddy", "not bright",
    "sin barro"): --less turns it around, so the two negatives would cancel and the preset would get muddier.

    Read from the pieces' direction, not the weights' sign: "rough", read as the antonym of smooth (smooth x -1),
    is a request for rough that --less rightly turns around.  A text with a dB amount was judged by
    :func:`db_texts` first.
    """
    for text in less:
        pieces = m.parse(text).pieces
        moving = [p for p in pieces if p.sign != 0]
        if not moving or any(p.sign > 0 for p in moving):
            continue
        terms = ", ".join(dict.fromkeys(p.term for p in moving))
        instead = f"--more {_arg(text)}"
        # Only a text of plain "less WORD" pieces says the same as its words under --less: a kept word, a region
        # or a dB amount would be lost.
        if all(p.sign < 0 and p.region is None and not p.absolute for p in pieces):
            instead = (" ".join(f"--less {_arg(p.term)}" for p in moving) + f" or {instead} ("
                       + " ".join(f"--more {_arg(p.term)}" for p in moving) + " if more is what you meant)")
        raise ParameterError("--less", text, (
            f"a text naming what to move away from: {text!r} already asks against {terms}, and --less would turn "
            f"that around (a double negative); write {instead}"))


def _arg(text: str) -> str:
    """``text`` as it would be typed in a shell: quoted when it has more than one word or any sign."""
    return text if re.fullmatch(r"[\w-]+", text) else repr(text)
