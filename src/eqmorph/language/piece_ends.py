"""Where a piece of a clause ends: the parser's look-ahead after a descriptor (language/parse.py).

A piece ends where its clause does, or where only what is said after a descriptor is left: a degree ("a bit"), a
direction ("down"), a dB amount ("by 3 dB"), a region ("off the top") or what the move is for ("for the vocals").
Region and trailing readers take these checks as callbacks, so they are methods of the parser's word reader.
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.language.grammar_words import BY_WORDS, DEGREE_PHRASES, JOINERS, POSTFIX_DIRECTION, STOP
from eqmorph.language.numbers import amount_at, number_degree
from eqmorph.language.regions import region_at
from eqmorph.language.trailing import subject_span
from eqmorph.language.words import WordReader


class PieceEnds(WordReader):
    """A :class:`~eqmorph.language.words.WordReader` that also tells where a piece of ``tokens`` ends."""

    def _ends_piece(self, tokens: Sequence[str], j: int) -> bool:
        """Nothing of the piece is left at ``tokens[j]`` but a region word or a degree said after the word ("take
        the harshness off the top", "take the mud out a bit"): see :meth:`_closes`."""
        return self._closes(tokens, j) or bool(region_at(tokens, j, self._term_at, verb=False, closes=self._closes))

    def _closes(self, tokens: Sequence[str], j: int) -> bool:
        """The clause ends at ``tokens[j]`` or a joining word comes, after stop words, degrees ("a bit", "2x",
        "please") and a direction ("down") said after the piece."""
        while j < len(tokens) and tokens[j] not in JOINERS:
            span = self._phrase_at(tokens, j)  # before the stop words: "a touch" starts with one
            if span and span[0] in DEGREE_PHRASES:
                j += len(span[0])
            # "turn the boomy low end down": the way said after the region is the word's (_postfix reads it next)
            elif tokens[j] in STOP or tokens[j] in POSTFIX_DIRECTION or number_degree(tokens[j]) is not None:
                j += 1
            elif tokens[j] in BY_WORDS and amount_at(tokens, j):  # "take the mud out by 3 dB"
                j += 2
            elif span := subject_span(tokens, j):  # "... for the vocals": what the move is for
                j += span
            else:
                return False
        return True
