"""A phrase's reading finished once its clauses are read (language/parse.py): what was said of a source left out or
refused, too many descriptors refused, a phrase with nothing read blamed on the words that could name a sound, dB
amounts set, and the ignored words reported as they were typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.language.complaints import PRAISE_WORDS, SENTENCE_WORDS, nothing_asked
from eqmorph.language.direction_slips import refuse_direction_slips
from eqmorph.language.grammar_words import EXCLAIMING, FUNCTION_WORDS
from eqmorph.language.interpretation import Interpretation, Piece, interpret
from eqmorph.language.numbers import Amount, set_amounts
from eqmorph.language.regions import without_source_levels

# Words an error never blames as the unknown one: a sentence's words, and praise ("it's very bright, perfect": what
# is fine, not 'perfect')
_NOT_BLAMED = SENTENCE_WORDS | FUNCTION_WORDS | PRAISE_WORDS
MAX_PIECES = 8  # descriptors in one phrase; more is a paragraph, not an EQ request
MAX_DEGREE = 4.0  # stacked degree words stop here: the Morpher's MAX_INTENSITY, where gains pin to the range ends


def concluded(text: str, source: str | None, pieces: list[Piece], amounts: dict[int, Amount],
              refused: list[tuple[Piece, ParameterError]], notes: list[str],
              said: tuple[list[str], list[str], list[str], set[str]], capped: bool,
              peak_db: Callable[[Sequence[tuple[str, float]]], float] | None,
              unknown_error: Callable[[Sequence[str]], UnknownWordError]) -> Interpretation:
    """The :class:`Interpretation` of ``text`` from its read ``pieces`` (``amounts``: piece index -> the dB amount
    that sets it; ``refused``: pieces said of a source, with their errors). ``said``: the unknown words, the flaws said
    to be absent, the ignored words and every word typed. Raises ParameterError or UnknownWordError when nothing, or
    too much, was read."""
    unknown, absent, ignored, shown = said
    pieces, amounts = without_source_levels(pieces, amounts, refused, notes)  # "the master is too loud and ..."
    if len(pieces) > MAX_PIECES:
        raise ParameterError("text", text, f"at most {MAX_PIECES} descriptors (this text has {len(pieces)})")
    if not pieces:
        # Blame the words that could name a sound, not "my", "I", "like" or "needs" (an eighteenth trial: "my
        # voice sounds far away" was "unknown word 'my'"); with none of those, no descriptor was said.
        unknown = [t for t in unknown if t not in _NOT_BLAMED]
        raise unknown_error(unknown) if unknown else nothing_asked(text, absent)
    refuse_direction_slips(unknown, _NOT_BLAMED)  # "lss treble": read without its "less", it asked the other way
    notes.extend(set_amounts(text, pieces, amounts, peak_db, MAX_DEGREE))
    ignored = [t for t in ignored + unknown if shown.issuperset(t.split())]  # "kick drum": both typed
    if any(": said of the sound as it is" in note for note in notes):  # "so muddy": "so" stated it, not ignored
        ignored = [t for t in ignored if t not in EXCLAIMING]
    return interpret(text, pieces, source, tuple(ignored), notes, capped=MAX_DEGREE if capped else None)


__all__ = ["MAX_DEGREE", "MAX_PIECES", "concluded"]
