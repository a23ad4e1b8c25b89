"""The phrase grammar: "a bit brighter", "warm but not muddy", "un poco más cálido" -> :class:`Interpretation`.

A phrase is split into pieces at commas, semicolons and the conjunctions "and", "but", "y",
"pero" (and between two descriptors written one after the other: "more air less boomy").
Within a piece, degree words multiply the intensity, direction words set the sign, numbers are degrees or
dB amounts (:mod:`eqmorph.language.numbers`), and the descriptor is resolved to known words
(:mod:`eqmorph.language.words`: exact, accents, band word, lexicon, inflection, embedding). A multi-word term is
read before a grammar word takes one of its words ("lower mids" is the low mids; "lower the mids" cuts the mids).

The tables and the numbers are documented, and each row tested, in docs/language.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from eqmorph.errors import ParameterError
from eqmorph.language import lemmas
from eqmorph.language.band_words import CUTTING_WORDS
from eqmorph.language.clause_tokens import clause_tokens
from eqmorph.language.complaints import (
    AMOUNT_SAID,
    COMPLAINT_DEGREE,
    COPULAS,
    FLAW_WORDS,
    drop_praised,
    hedged,
    is_praise,
    is_wished,
    likes,
    praises,
    said_again,
    stated_reading,
    states_next,
)
from eqmorph.language.conclusion import MAX_DEGREE, MAX_PIECES, concluded
from eqmorph.language.earlier import undo_error
from eqmorph.language.grammar_words import (
    AGAINST,
    APPROXIMATE_DEGREE,
    BY_WORDS,
    DEGREE_PHRASES,
    DIRECTION_WORDS,
    ENOUGH,
    EXCESS,
    JOINERS,
    KEEP,
    LESS,
    LITOTES,
    MORE,
    NOR,
    NOT,
    OPPOSITE,
    OR,
    OVERRIDING_PARTICLES,
    PARTICLES,
    STOP,
    SUPERLATIVE_DEGREE,
    degree_of,
    direction_after,
)
from eqmorph.language.interpretation import Interpretation, Meaning, Piece
from eqmorph.language.numbers import (
    Amount,
    ambiguous_number,
    ambiguous_number_error,
    amount_at,
    amount_in_region_error,
    dangling_amount,
    db_amount,
    is_bare_decimal,
    number_degree,
    set_corners,
)
from eqmorph.language.phrase_text import checked_text
from eqmorph.language.piece_ends import PieceEnds
from eqmorph.language.regions import (
    left_subject,
    placed_unknown,
    region_at,
    region_before,
    region_compound,
    region_of,
    removed_at,
    source_level_error,
)
from eqmorph.language.sentences import clauses, sentence_text
from eqmorph.language.stoplist import stoplist
from eqmorph.language.trailing import (
    LIST_JOINERS,
    VERBS,
    degree_after,
    flip,
    is_noun,
    nouns_of,
    particle_way,
    postfix_move,
    stands_alone,
)


class Parser(PieceEnds):
    """Grammar plus the vocabulary of one model (:class:`~eqmorph.language.words.WordReader`: its words).

    counts: every known word -> training examples; open_vocabulary: optional embedding fallback.
    """

    # The largest dB of the response of a (word, share) blend, from the model's EQs: what a dB amount sets for a
    # crowd word ("cut 2 dB of mud"; language/numbers.set_amounts). None: such an amount is refused.
    peak_db: Callable[[Sequence[tuple[str, float]]], float] | None = None

    # --- phrases --------------------------------------------------------------
    def parse(self, text: str) -> Interpretation:
        """The :class:`Interpretation` of ``text``; raises ParameterError or UnknownWordError if none."""
        norm, source = checked_text(text)
        if error := undo_error(text, norm):  # "undo the bass boost": no earlier change is known
            raise error
        praised_text = praises(norm)  # "it's very bright, perfect": praise said anywhere in the phrase
        liked = likes(norm, praised_text)  # "there's a dip in the mids, which I like": what is there is kept
        norm = sentence_text(norm)  # "the highs, they're a bit much": the comma would cut the subject off
        pieces: list[Piece] = []
        absent: list[str] = []  # flaws the text says are not there ("it isn't muddy")
        ignored: list[str] = []
        unknown: list[str] = []
        after_unknown: int | None = None  # the index after the last unknown word
        notes: list[str] = []
        amounts: dict[int, Amount] = {}  # piece index -> the dB amount that sets it ("bass -3dB")
        capped = False
        stating: list[str] = []  # a copula said in an earlier clause: "it's not harsh, just dull" states dull too
        refused: list[tuple[Piece, ParameterError]] = []  # level words said of a source: left out, or refused
        stated_earlier: list[Piece] = []  # sounds stated as they are in earlier clauses, naming no flaw
        said_alone: list[Piece] = []  # earlier clauses that were one bare word ("Bright.")
        shown: set[str] = set()  # the words typed: one the statements put in ("I like" -> "keep") is not reported
        for clause in clauses(norm):
            first, unread = len(pieces), len(unknown)  # unread: unknown words before the clause's last piece
            typed, tokens, corners = clause_tokens(self, text, clause, notes, praised_text, liked)
            shown.update(typed)
            # sign: negations (not, too, rather than); way: the direction words' say (0 none, +1 more, -1 less)
            sign, degree, start, i, way, keep = 1.0, 1.0, 0, 0, 0.0, False
            # a kept piece's list keeps the next noun too ("keep the bass and the low mids": the second was boosted)
            kept_last, keep_carried = False, False
            # carry: the direction a list's joining word passes to its next noun; run: the list's pieces no
            # direction word set, which a particle after the last one turns ("take the mud and boom out")
            last_way, carry, run, last_degree, carry_degree = 0.0, 0.0, [], 1.0, 1.0
            praised: list[tuple[int, Piece]] = []  # stated as they are, naming no flaw ("it's warm but muddy")
            complained: set[str] = set()  # words the clause states a flaw or an excess of
            flawed = False  # the clause states a flaw or a lack
            unasked: list[tuple[int, Piece]] = []  # flaws said to be absent: "it isn't muddy"
            after_piece = False  # the last token read closed a descriptor (a postfix may follow)
            trailing = False  # the last tokens read were a degree said after a descriptor ("the bass a lot")
            pending: list[str] = []  # degree and direction words still waiting for their descriptor
            amount: Amount | None = None  # a dB amount waiting for its descriptor ("-3 dB bass")
            bare: str | None = None  # a bare decimal waiting for its descriptor ("2.5 bass": dB or a multiple?)
            while i < len(tokens):
                tok = tokens[i]
                closes, after_piece = after_piece, False
                # a degree said after a piece still ends it for a list ("cut the bass a lot and the treble": the
                # treble was boosted, the cut not carried past "a lot")
                closes_list, trailing = closes or trailing, False
                span = self._phrase_at(tokens, i)
                # A multi-word term is read before a grammar word takes one of its tokens: "lower mids" is the low
                # mids, not less of the mids (a new-user trial), while "lower the mids" still cuts them.
                term = span[0] if span and len(span[0]) > 1 and span[0] in self._multi else None
                if span and span[0] in AGAINST:  # "bright rather than dark": the next piece is asked against
                    ignored.extend(pending)
                    sign, degree, i, pending, way = -1.0, 1.0, i + len(span[0]), [], 0.0
                    start = i
                    continue
                if span and span[0] in OPPOSITE:  # "the opposite of warm": the word inverted, as "not warm"
                    sign = -sign
                    pending.extend(span[0])
                    i += len(span[0])
                    continue
                if span and span[0] in DEGREE_PHRASES:
                    trailing = closes_list
                    degree *= degree_of(span[0], tokens[i + len(span[0]):])
                    if span[0] in EXCESS or span[0] in LITOTES:
                        sign = -sign
                    pending.extend(span[0])
                    i += len(span[0])
                    continue
                if tok in BY_WORDS and (amount_at(tokens, i) or (  # "cut bass by 3 dB", "cut the bass by a lot"
                        closes_list and (said := self._phrase_at(tokens, i + 1)) and said[0] in DEGREE_PHRASES)):
                    after_piece, trailing, i = closes, closes_list, i + 1
                    continue
                thing = tok in stoplist()  # "the 808 is too boomy": a drum machine, not 808 dB
                number = None if term or thing else number_degree(tok)
                if number is not None and closes and ambiguous_number(tok, pieces[-1]):  # "bass 2.5"
                    raise ambiguous_number_error(text, tok, pieces[-1].term)
                gain = None if term or thing or number is not None else db_amount(tok)
                if gain is not None and closes and len(pieces) - 1 not in amounts:  # "bass -3dB": it sets the word
                    amounts[len(pieces) - 1] = gain
                    pieces[-1] = replace(pieces[-1], text=f"{pieces[-1].text} {tok}")
                    start = i = i + 1
                    after_piece = True
                    continue
                if gain is not None:  # "-3 dB bass": it waits for its word
                    if amount is not None:
                        raise self._unknown(unknown) if unknown else dangling_amount(text, amount)
                    amount = gain
                    pending.append(tok)
                    i += 1
                    continue
                postfix = None if term else postfix_move(tokens, i, closes, number, last_way, self._closes,
                                                          self._ends_piece, amount_at)
                if postfix is not None:  # "warm x2", "treble cut": it changes the descriptor just before it
                    last = pieces[-1]
                    # "turn the bass down" sets the way ("pull the bass up" is a boost); "treble cut" turns it
                    way_set = abs(last.sign) if tok in OVERRIDING_PARTICLES else last.sign
                    pieces[-1] = replace(last, text=f"{last.text} {tok}", sign=way_set * postfix[0],
                                         degree=min(last.degree * postfix[1], MAX_DEGREE))
                    capped = capped or last.degree * postfix[1] > MAX_DEGREE
                    i += 1
                    where = None if len(pieces) - 1 in amounts else region_of(  # "turn the harshness down on top"
                        tokens, i, pieces[-1], last.meanings[0], False, self._term_at, self._closes)
                    if where is not None:
                        pieces[-1], i, note = where
                        notes.append(note)
                    start, after_piece = i, True
                    continue
                if number is not None:
                    degree *= number
                    bare = tok if is_bare_decimal(tok) else bare
                    pending.append(tok)
                    i += 1
                    continue
                if (not term and tok in LIST_JOINERS and after_unknown == i and pending and KEEP.isdisjoint(pending)
                        and i + 1 < len(tokens) and tokens[i + 1] not in DIRECTION_WORDS
                        and not states_next(tokens, i + 1)):
                    # "too compressed and bright", "a little more glue and warmth": the degree and way said of both
                    i += 1  # (bright was asked for, +5.5 dB; warmth had its whole strength)
                    continue
                if not term and tok in JOINERS:
                    if amount is not None:
                        raise self._unknown(unknown) if unknown else dangling_amount(text, amount)
                    # "nor" negates the next piece; "or" carries a negation on ("not warm or bright")
                    negate = tok in NOR or (tok in OR and closes and pieces[-1].sign < 0)
                    carry, carry_degree = (last_way, last_degree) if closes_list and tok in LIST_JOINERS else (0.0, 1.0)
                    run = run if tok in LIST_JOINERS else []
                    if not degree_after(pieces, pending, degree, sign, way, keep, amounts, MAX_DEGREE, last_way):
                        ignored.extend(pending)
                    sign, degree, start, i, pending, way = -1.0 if negate else 1.0, 1.0, i + 1, i + 1, [], 0.0
                    keep = keep_carried = kept_last and closes and tok in LIST_JOINERS and DIRECTION_WORDS.isdisjoint(
                        tokens[i + 1:]) and PARTICLES.keys().isdisjoint(tokens[i + 1:])  # not "keep X and the mud down"
                    continue
                if not term and tok in KEEP:
                    keep = True
                    pending.append(tok)
                    i += 1
                    continue
                directional = tok in LESS or tok in MORE
                alone = directional and stands_alone(tokens, i, self._phrase_at, self._known_alone)  # "soften"
                if not term and (tok in NOT or tok in PARTICLES or (directional and not alone)):
                    keep = keep and not keep_carried  # "keep the bass and add air": a request of its own
                    # Each negation flips the sign ("not not warm" is warm, "not less muddy" is muddy), but a
                    # "less" word says which way only once: "less less muddy" is a stammer, not "muddier".
                    if tok in LESS and way < 0:
                        ignored.append(tok)  # said so: "less less muddy" -> muddy x -1.0 (ignored: less)
                    else:
                        if tok in NOT and sign < 0:  # "not not warm" is warm: said, not done silently
                            notes.append(f"{tok}: a second negation, cancelling the first")
                        before = tokens[i - 1] if i else None  # "tidy up": the verb "up" completes
                        sign, way = (-sign, way) if tok in NOT else (sign, direction_after(tok, way, before))
                        pending.append(tok)
                    i += 1
                    continue
                if not term and tok in STOP:
                    run = [] if tok in VERBS else run  # "warm and take the mud out": a new request, its own list
                    i += 1
                    continue
                words = term or (tok,)
                term_text = " ".join(words)
                negated, found = self.descriptor_meanings(  # "not mudy": refused, not dropped with its "not"
                    term_text, notes, before=tokens[:i])
                if found and after_unknown is not None and not way and sign == 1.0 and not keep and amount is None and (
                        placed := placed_unknown(found[0], tokens[after_unknown:i], unknown[-1])):
                    notes.append(placed)  # "there's feedback in the low mids": the region is where, not a boost
                    i += len(words)
                    continue
                if not found:
                    unknown.append(term_text)
                    after_unknown = i + len(words)
                    if run and run[-1] == len(pieces) - 1 and self._closes(tokens, i + len(words)):
                        notes.extend(left_subject(pieces, run, tokens[start:i], term_text,  # "the mids are crowded"
                                                  stated=not COPULAS.isdisjoint(tokens[:i])))
                    i += len(words)
                    continue
                derived = found[0].how == "inflection"
                if (carry and not way and sign == 1.0 and degree == 1.0 and not keep and amount is None
                        and (found[0].word in FLAW_WORDS or is_noun(term_text, found[0]))
                        and found[0].word not in CUTTING_WORDS  # "cut the mud and hpf": a cut by its name
                        and not states_next(tokens, i + len(words))):  # "... and the highs are quiet": a new subject
                    way, degree = carry, carry_degree  # "cut the mud and the harshness", "a bit more bass and treble"
                piece_degree = degree * (SUPERLATIVE_DEGREE if derived and lemmas.is_superlative(term_text) else
                                         APPROXIMATE_DEGREE if derived and lemmas.is_approximate(term_text) else 1.0)
                if sign > 0 and found[0].word in FLAW_WORDS and hedged(pending):
                    sign = -1.0  # "but not too muddy" asks against mud, gently (it had added a quarter of it)
                stated = None if way or keep or amount is not None or negated else stated_reading(
                    stating, tokens[:i], found[0].word, term_text, sign, pending, praised_text)  # "it's muddy"
                flawed = flawed or not AMOUNT_SAID.isdisjoint(pending)  # "it's warm but too muddy": warm is praise
                if (stated is not None and stated != 0.0) or not AMOUNT_SAID.isdisjoint(pending):
                    complained.add(found[0].word)  # "too bright", "it's very bright": the sound said, not a wish
                if stated is not None and stated != 0.0:
                    piece_degree, flawed = piece_degree * COMPLAINT_DEGREE, True
                    notes.append(f"{term_text}: said of the sound as it is, read as asking for "
                                 f"{'less' if stated < 0 else 'more'}")
                if piece_degree > MAX_DEGREE:
                    piece_degree, capped = MAX_DEGREE, True
                pieces.append(Piece(" ".join(tokens[start:i + len(words)]), term_text,
                                    0.0 if keep else stated if stated is not None else
                                    (-sign if way < 0 else sign) * (-1.0 if negated else 1.0),
                                    1.0 if keep else piece_degree, tuple(found)))
                unread = len(unknown)
                if bare is not None and ambiguous_number(bare, pieces[-1]):  # "2.5 bass"
                    raise ambiguous_number_error(text, bare, term_text)
                if amount is not None:
                    amounts[len(pieces) - 1], amount = amount, None
                elif run and run[-1] == len(pieces) - 2 and not keep:  # "the low end is too boomy"
                    merged = region_before(pieces[-2], pieces[-1], tokens[start:i], len(pieces) - 2 in amounts)
                    if merged is not None:
                        pieces[-2:], run = [merged[0]], []
                        if merged[0].meanings[0].how == "defined":  # a level: "the highs are dark" lifts them
                            notes[:] = [n for n in notes if not n.startswith(f"{term_text}: said of the sound")]
                        notes.append(merged[1])
                if (len(pieces) > 1 and closes and not keep and len(pieces) - 2 not in amounts
                        and (merged := region_compound(pieces[-2], pieces[-1], is_noun(term_text, found[0])))):
                    pieces[-2:], run = [merged[0]], []  # "less low-mid mud": the mud in the low mids, less of it
                    notes.append(merged[1])
                if error := source_level_error(text, pieces[-1], tokens[:i], unknown):  # "the vocals are too loud"
                    refused.append((pieces[-1], error))
                i += len(words)
                # an unsigned amount takes the particle's way ("take 3 dB of mud out"); a signed one has its own
                set_by = amounts.get(len(pieces) - 1)
                turn = None if keep or (set_by and set_by.signed) else particle_way(tokens, i, tokens[:i], way)
                # after a noun only: "thin out the low end" is a verb's (the noun check loads LemmInflect: last)
                if turn is not None and self._ends_piece(tokens, i + 1) and is_noun(term_text, found[0]):
                    flip(pieces, [*nouns_of(pieces, run), len(pieces) - 1] if turn < 0 else [])  # "mud and boom out"
                    pieces[-1] = replace(pieces[-1], text=f"{pieces[-1].text} {tokens[i]}")
                    i += 1
                if not keep and len(pieces) - 1 not in amounts:
                    removed = removed_at(tokens, i, found[0], self._term_at,
                                         lambda t: bool(self.meanings(t, embed=False)))
                    if removed is not None:  # "clean up the mud": less of the word after it, not clean and muddy
                        pieces.pop()
                        notes.append(f"{term_text} {tokens[i]}: read as taking away what follows")
                        pending.extend(tokens[i - len(words):removed])
                        i, way = removed, -1.0
                        continue
                    where = region_of(tokens, i, pieces[-1], found[0], derived, self._term_at, self._closes)
                    if where is not None:  # "less boomy low end", "less hiss up top" (language/regions.py)
                        pieces[-1], i, note = where
                        notes.append(note)
                elif keep and (held := region_at(tokens, i, self._term_at, verb=False, closes=self._closes)):
                    # "keep the warmth in the low end": the low end kept (the region was a request of its own)
                    pieces[-1] = Piece(f"{pieces[-1].text} {' '.join(tokens[i:held[1]])}", held[0].name, 0.0, 1.0,
                                       (Meaning(held[0].name, 1.0, "defined"),))
                    i = held[1]
                elif (len(pieces) - 1 in amounts and found[0].how != "defined" and region_of(
                        tokens, i, pieces[-1], found[0], derived, self._term_at, self._closes) is not None):
                    raise amount_in_region_error(text, term_text, amounts[len(pieces) - 1])  # "cut 2 dB of mud at 300"
                unasked += [(len(pieces) - 1, pieces[-1])] if stated == 0.0 else []  # "it isn't muddy": no change asked
                if stated is None and not way and sign == 1.0 and not keep and len(pieces) - 1 not in amounts:
                    praised += [(len(pieces) - 1, pieces[-1])] if is_praise(tokens[:i], pieces[-1]) else []
                # modifiers belong to the descriptor they precede
                last_way, carry = (pieces[-1].sign if way or sign != 1.0 else 0.0), 0.0  # "without mud and boom"
                last_degree = pieces[-1].degree if last_way else 1.0
                # a stated piece ("it has no bass", "not enough bass") is no region for the next ("and too much mud")
                run = [*run, len(pieces) - 1] if not way and pieces[-1].sign > 0 and stated is None and \
                    ENOUGH.isdisjoint(pending) else []
                kept_last = keep
                sign, degree, start, pending, way, keep, bare = 1.0, 1.0, i, [], 0.0, False, None
                after_piece = True
                continue
            if amount is not None:
                raise self._unknown(unknown) if unknown else dangling_amount(text, amount)
            set_corners(pieces, first, corners)  # "low cut at 30 Hz"
            if run and run[-1] == len(pieces) - 1 and pending and pending[-1] in PARTICLES and tokens[start:] and \
                    tokens[start] in COPULAS and all(t in STOP or t in COPULAS for t in tokens[start:-1]):
                # "the highs feel off": said to be what it cannot read (not "the highs are cut off": a lack)
                unknown.append(pending.pop())
                notes.extend(left_subject(pieces, run, tokens[start:], unknown[-1]))
            drop_praised(pieces, (praised if flawed else []) + unasked, amounts, notes)
            said_again(pieces, first, (stated_earlier, said_alone), complained, amounts, notes)  # "Bright. Too bright."
            stated_earlier += [piece for _, piece in praised if not flawed]
            said_alone += [piece for piece in pieces[first:] if len(pieces) - first == 1 and piece.text == piece.term
                           and piece.sign == 1.0 and piece.degree == 1.0]
            absent.extend(piece.term for _, piece in unasked)
            stating = ["is"] if not COPULAS.isdisjoint(tokens) and not is_wished(tokens) else stating
            # "more sub, less kick", "brighter but less ring": a "less" whose word eqmorph cannot read, said after the
            # last piece, does not turn it (brighter was cut 5.5 dB at 3 kHz: a thirty-sixth trial)
            lost = len(pieces) == first or (0 < start and tokens[start - 1] in JOINERS and any(  # after "but"
                t in LESS or t in MORE for t in pending))  # not "soften the vocal a bit", "los graves menos la voz"
            if (lost and len(unknown) > unread) or not degree_after(
                    pieces, pending, degree, sign, way, keep, amounts, MAX_DEGREE, last_way):
                ignored.extend(pending)
        return concluded(text, source, pieces, amounts, refused, notes, (unknown, absent, ignored, shown), capped,
                         self.peak_db, self._unknown)


__all__ = ["MAX_DEGREE", "MAX_PIECES", "Parser"]
