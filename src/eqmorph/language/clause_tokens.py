"""One clause of a phrase made into the tokens the grammar reads (language/parse.py reads them one by one).

Before the parser's loop a clause is rewritten in layers, each its own module: a frequency said after its word
("the 60 hz hum") moves to it and a frequency placing a word or a filter's corner is taken out
(:mod:`~eqmorph.language.numbers`), verbs that are nouns too are read where a request starts and phrasal verbs as
their direction (:mod:`~eqmorph.language.trailing`), a descriptor judged after its copula becomes a statement
(:mod:`~eqmorph.language.judged`), statements are rewritten (:mod:`~eqmorph.language.statements`), and an "enough"
moves next to its negation.
"""

from __future__ import annotations

from eqmorph.language.band_words import BandWord
from eqmorph.language.comparisons import worse_than_before
from eqmorph.language.judged import judged_subjects
from eqmorph.language.numbers import frequency_after_its_word, frequency_error, placed_frequencies
from eqmorph.language.ringing import placed_ring
from eqmorph.language.spanish_verbs import SPANISH_CUT
from eqmorph.language.statements import statement_tokens
from eqmorph.language.trailing import imperatives, move_enough
from eqmorph.language.words import WordReader


def clause_tokens(reader: WordReader, text: str, clause: str, notes: list[str],
                  praised_text: bool, liked: bool = False) -> tuple[list[str], list[str], list[BandWord]]:
    """``(typed, tokens, corners)`` of ``clause`` (of the phrase ``text``, for errors): the tokens as typed, as the
    grammar reads them, and the filter corners the clause places ("low cut at 30 Hz"). Notes on what was placed are
    added to ``notes``; a frequency that names no place raises ParameterError. ``praised_text``: the phrase praises
    the sound somewhere (language/complaints.praises); ``liked``: it likes or keeps what it says is there
    (language/complaints.likes)."""
    clause = frequency_after_its_word(clause, reader.names_a_sound)  # "the 60 hz hum": "the hum at 60 hz"
    # "less harshness around 3k": harsh, where the high mids are; "low cut at 30 Hz": the filter's corner
    clause, corners = placed_frequencies(clause, reader.names_a_sound, notes)
    frequency = frequency_error(text, clause)
    if frequency is not None:
        raise frequency
    typed = reader.tokens(clause)
    # "not bright enough" -> "not enough bright"; "the low end is fine" -> "keep the low end"
    # "the toms ring in the low mids" -> "a bit less low mids", said in a note
    tokens = worse_than_before(placed_ring(typed, notes), reader.names_flaw)  # "more mud than before": too much
    tokens = move_enough(statement_tokens(judged_subjects(imperatives(tokens), reader.names_flaw, praised_text), liked))
    # the one form a cutting verb is read as is no word typed: "el brillo sácalo" said "ignored: bájale" (a 36th trial)
    return [t for t in typed if t != SPANISH_CUT or t in text], tokens, corners
