"""Where a crowd word acts: a region word after it ("less boomy low end", "reduce the harsh highs", "more warmth in
the low end") or after its verb ("tighten the low end", "clean up the low end").

The region says where the user means the word, not a move of its own ("reduce the harsh highs" read as a band word
beside it boosted the treble 3 dB: a new-user trial). The piece keeps its word and weight (``Piece.region``), and
:mod:`eqmorph.language.compose` keeps the word's move inside the region's window (:func:`region_window`).

A region is read only where nothing else can take it: at the end of its clause or before a joining word. A dB
amount, number or direction after it ("warm, bass boost", "bright top end -2dB") leaves it a band word move, as
before. After a region verb ("tighten", "clean up") the band word is its region wherever it stands, and "clean up"
before a crowd word removes that word ("clean up the mud" is less muddy, not clean and muddy).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

import numpy as np

from eqmorph.core import dsp
from eqmorph.errors import ParameterError
from eqmorph.language import lemmas
from eqmorph.language.band_words import REGION_WORDS, BandWord, band_params, band_word, region_hz
from eqmorph.language.complaints import COPULAS, FLAW_WORDS, LEVEL_WORDS, LOUDNESS_WORDS, SENTENCE_WORDS
from eqmorph.language.grammar_words import BY_WORDS, FUNCTION_WORDS, JOINERS, LESS, MORE, NOT, PARTICLES, STOP
from eqmorph.language.interpretation import Meaning, Piece
from eqmorph.language.numbers import db_amount
from eqmorph.language.stoplist import stoplist

T = TypeVar("T")

# Region words a crowd word can be confined to: the spectrum's regions and the studio's air band, each one band.
WHERE_WORDS = frozenset({*REGION_WORDS, "air band"})
# Words between a crowd word and its region: "more warmth in the low end", "harsh on top", "aire en los agudos".
PREPOSITIONS = frozenset({"in", "on", "at", "around", "across", "throughout", "en", "sobre",
                          "from"})  # "less boom from the low end" boosted the bass beside the boom cut (a 31st trial)
# Crowd words whose verb takes a region ("tighten the low end") or, followed by "up" or "the", is one ("clean up
# the low end"). Both words' crowd EQs cut the low end, which is what a mixer asking this means.
REGION_VERB_WORDS = frozenset({"tight", "clean"})
# Between a region word and the crowd word it places: "the low end is too boomy", "highs too harsh", "los graves
# suenan demasiado retumbantes".
COPULAS_AND_EXCESS = frozenset({"is", "are", "isn't", "aren't", "sounds", "sound", "feels", "feel", "seems", "seem",
                                "looks", "look", "gets", "es", "son", "está", "esta", "están",
                                "suena", "suenan", "too", "overly", "demasiado", "demasiada", "demasiados",
                                "demasiadas"})
# Region words that also name an instrument, and the verbs of need after which they are the instrument: "the bass
# needs more presence", "el bajo necesita más medios".
INSTRUMENT_REGIONS = frozenset({"bass", "bajo", "el bajo", "double bass", "double basses", "upright bass", "contrabass",
                                "contrabajo", "reese bass", "wobble bass", "growl bass"})  # an instrument's band forms
NEEDS = frozenset({"need", "needs", "necesita", "necesitan", "wants", "could"})
BETWEEN = COPULAS_AND_EXCESS | LESS | MORE | NOT  # "make the low end less boomy", "low end without mud"
# A word's own way wins in a region where it reaches this share of the region's largest move (see confine), when it
# is the word's way by this factor: boxy's +6 dB boost is 1.46 times its largest cut, full's 4 dB boost and cut tie.
OWN_WAY_SHARE = 1.0 / 3.0
# A word whose other way in a region reaches this share of its main way there keeps both (confine): punchy's low end
# is a sub cut of 2.2 dB and a 2.0 dB bump at 86 Hz, and "more punch in the low end", kept to the cut, was a
# -1.8 dB shelf at 40 Hz with no punch (a twenty-fifth trial). Ripple stays out: boxy's 0.8 dB beside a 1.2 dB dip in
# the mids is 0.67 of it.
BOTH_WAYS_SHARE = 0.8
OWN_WAY_DOMINANCE = 1.25
MAX_REGION_GAIN = 2.0  # most a word's move kept to a region is scaled up to reach the word's own strength
VERB_NEXT = frozenset({"up", "the"})  # after a region verb's own word: a verb ("clean up"), not an adjective
REMOVING_VERB_WORDS = frozenset({"clean"})  # "clean up the mud": less of the crowd word after it

Terms = Callable[[Sequence[str], int], tuple[str, ...]]  # the (multi-word) term the tokens start at index i with


def region_at(tokens: Sequence[str], i: int, term_at: Terms, *, verb: bool,
              closes: Callable[[Sequence[str], int], bool] | None = None) -> tuple[BandWord, int] | None:
    """The region word at ``tokens[i]`` (after prepositions and stop words, and after a verb its particles) and the
    index after it, else None. Without ``verb`` the region must end its piece: ``closes(tokens, end)`` (by default
    the clause's end or a joining word; the parser's also takes a degree after it: "less boomy low end a bit")."""
    j = i
    while j < len(tokens) and (tokens[j] in PREPOSITIONS or tokens[j] in STOP or (verb and tokens[j] in PARTICLES)):
        j += 1
    if j >= len(tokens):
        return None
    words = term_at(tokens, j)
    band = band_word(" ".join(words))
    if band is None or band.name not in WHERE_WORDS:
        return None
    end = j + len(words)
    # A dB amount after it sets the band word ("clean up the low end -3dB" is clean and a 3 dB bass cut).
    amount_at = end + 1 if end < len(tokens) and tokens[end] in BY_WORDS else end
    if amount_at < len(tokens) and db_amount(tokens[amount_at]) is not None:
        return None
    if not verb and not (closes(tokens, end) if closes else end >= len(tokens) or tokens[end] in JOINERS):
        return None
    return band, end


def region_of(tokens: Sequence[str], i: int, piece: Piece, meaning: Meaning, derived: bool, term_at: Terms,
              closes: Callable[[Sequence[str], int], bool] | None = None) -> tuple[Piece, int, str] | None:
    """The ``piece`` just read (its first meaning ``meaning``, an inflection when ``derived``) with the region word
    after it that says where it acts, the index after that and a note for the reader; else None.

    A band word's move is a region's already: a region holding it says where it is and adds no move ("less hiss up
    top", "less nasal mids"), while one that does not is a piece of its own ("bass treble": a list).
    """
    typed = piece.term
    as_verb = derived and lemmas.adjective_of_verb(typed) == meaning.word
    if as_verb and meaning.word not in REGION_VERB_WORDS:
        return None  # "brighten the bass" is bright and the bass: bright's EQ cuts the bass, so "where" would cut it
    verb = meaning.word in REGION_VERB_WORDS and (
        as_verb or (meaning.how == "exact" and i < len(tokens) and tokens[i] in VERB_NEXT))
    where = region_at(tokens, i, term_at, verb=verb, closes=closes)
    if where is None:
        return None
    band, end = where
    said = " ".join(t for t in tokens[i:end] if t not in STOP and t not in PARTICLES and t not in PREPOSITIONS)
    text = " ".join([piece.text, *tokens[i:end]])
    if meaning.how == "defined":
        own = band_word(meaning.word)
        if own is None or not _holds(band, own):
            return None
        return replace(piece, text=text), end, f"{said}: read as where {typed} is"
    doing = f"to {typed}" if verb else f"{typed} acts"
    level = level_move(replace(piece, text=text), band)
    if level is not None:  # "louder highs"
        return level, end, f"{typed} {said}: read as the {band.name} move"
    return (replace(piece, text=text, region=band.name), end,
            f"{said}: read as where {doing}, not as a {band.name} move of its own")


def level_move(piece: Piece, band: BandWord) -> Piece | None:
    """A level word in a region ("louder highs", "the bass isn't loud enough", "the highs are too loud") as the region's
    own move, turned for a quiet word; None for another word. The crowds' "loud" EQ cuts 12 kHz by 5 dB, so kept to
    the highs it cut them for "louder highs" and boosted them for "the highs are too loud" (a review, 2026-12-03)."""
    way = LEVEL_WORDS.get(piece.meanings[0].word) if len(piece.meanings) == 1 else None
    if way is None:
        return None
    return replace(piece, term=band.name, sign=piece.sign * way, region=None,
                   meanings=(Meaning(band.name, 1.0, "defined", source=band.source),))


def _band_of(piece: Piece) -> BandWord | None:
    """The band word ``piece`` is, when it is one band word alone ("low end", "esses"), else None."""
    only = piece.meanings[0] if len(piece.meanings) == 1 else None
    return band_word(only.word) if only is not None and only.how == "defined" else None


def is_region_word(text: str) -> bool:
    """Whether ``text`` spells a region word (:data:`WHERE_WORDS`: "highs", "low mids", "los agudos" without its
    article is "agudos")."""
    band = band_word(text)
    return band is not None and band.name in WHERE_WORDS


def _region_of(piece: Piece) -> BandWord | None:
    """The region word (:data:`WHERE_WORDS`) ``piece`` is, else None."""
    band = _band_of(piece)
    return band if band is not None and band.name in WHERE_WORDS else None


def region_before(before: Piece, piece: Piece, between: Sequence[str], set_by_amount: bool) -> tuple[Piece, str] | None:
    """``piece`` acting in the region word ``before`` it ("the low end is too boomy", "highs too harsh") and a note,
    when a copula, an excess or a direction word stands between them ("make the low end less boomy") and the region
    asked for nothing itself, or when ``piece`` is a level word ("make the highs quieter": the region's move,
    :func:`level_move`); else None. Read as a list, the region was a boost: "low end too boomy" boosted the bass
    3 dB while it cut boomy."""
    flaw = _band_of(before)
    if (flaw is not None and flaw.name in FLAW_WORDS and not set_by_amount and before.sign > 0 and piece.sign < 0
            and not COPULAS_AND_EXCESS.isdisjoint(between)):
        # "the esses are harsh", "the hiss is noisy": a flaw the subject names is what is asked away (read as a list,
        # the sibilance was boosted beside less harsh: a fifteenth trial, 2026-12-03)
        return (replace(before, text=f"{before.text} {piece.text}", sign=-1.0, degree=piece.degree),
                f"{before.term} {piece.term}: read as less {flaw.name}")
    region = _region_of(before)
    if region is None or set_by_amount or before.sign <= 0 or piece.region is not None:
        return None
    level = level_move(replace(piece, text=f"{before.text} {piece.text}"), region)
    if level is not None:  # "the highs are too loud", "make the highs quieter"
        return level, f"{before.term} {piece.term}: read as the {region.name} move"
    # "make the highs smoother", "make the bass tighter": a comparative right after the region says how it should be
    # (read as a list, the region was boosted 2-4 dB: a seventeenth trial)
    comparative = piece.meanings[0].how == "inflection" and piece.term.endswith("er")
    if BETWEEN.isdisjoint(between) and not comparative:
        return None
    note = f"{before.term}: read as where {piece.term} is, not as a {region.name} move of its own"
    if piece.meanings[0].how == "defined":  # "the highs are too sibilant": a band word the region holds, as it is
        own = band_word(piece.meanings[0].word)
        if own is not None and not _holds(region, own) and before.term in INSTRUMENT_REGIONS and \
                not (NEEDS | COPULAS).isdisjoint(between):  # not a list's "not enough bass too much treble"
            # "the bass needs more presence": the bass guitar's presence (read as a list, a 6 dB bass shelf beside it:
            # a twenty-seventh trial); "the (reese) bass is too nasal" its nasality (a thirty-first trial)
            return (replace(piece, text=f"{before.text} {piece.text}"),
                    f"{before.term}: read as the instrument, not as a {region.name} move")
        return (replace(piece, text=f"{before.text} {piece.text}"), note) if own and _holds(region, own) else None
    return replace(piece, text=f"{before.text} {piece.text}", region=region.name), note


def region_compound(before: Piece, piece: Piece, noun: bool) -> tuple[Piece, str] | None:
    """``piece``, a noun said right after the region word ``before`` ("less low-mid mud", "too much sub rumble",
    "more low end punch"), as that noun in the region, with the direction and degree said of the pair; and a note.
    None otherwise. Read as two pieces, the direction reached the region only and the noun was asked for: "less
    low-mid mud" boosted 150 Hz 2 dB (a seventeenth trial, 2026-12-03). A band word the region does not hold stays
    a list ("bass treble")."""
    region = _region_of(before)
    if (region is None or not noun or piece.sign != 1.0 or piece.degree != 1.0 or piece.region is not None
            or len(piece.meanings) != 1):
        return None
    own = _band_of(piece)  # "sub rumble": a band word the region holds, as it is (its move is a region's already)
    if piece.meanings[0].how == "defined" and (own is None or not _holds(region, own)):
        return None
    return (replace(piece, text=f"{before.text} {piece.text}", sign=before.sign, degree=before.degree,
                    region=None if own is not None else region.name),
            f"{before.term} {piece.term}: read as {piece.term} in the {region.name}")


def left_subject(pieces: list[Piece], run: list[int], between: Sequence[str], unknown: str,
                 stated: bool = True) -> list[str]:
    """Drop the last of ``pieces`` (and of ``run``, the list's pieces) when it is a region word a copula in
    ``between`` (the words after it) says to be ``unknown``, a word eqmorph does not know: "the low mids are
    congested". Read as a request, the region was boosted 6 dB (a fifteenth trial, 2026-12-03), though what is said
    of a region is mostly a flaw. Also when ``unknown`` follows the region right away, a noun of the region ("there's
    a low end resonance", a 6 dB boost: a twenty-eighth trial) in a ``stated`` clause (not "improve the bass
    response", a request). Returns the note for the reader (``[]`` when nothing was dropped)."""
    piece = pieces[-1]
    said_to_be = not COPULAS_AND_EXCESS.isdisjoint(between)
    noun = stated and not between and unknown not in FUNCTION_WORDS  # "low end resonance", not "treble boost for"
    if _region_of(piece) is None or piece.sign <= 0 or not (said_to_be or noun):
        return []
    pieces.pop()
    run.pop()
    said = "said to be" if said_to_be else "said to have"
    return [f"{piece.term}: {said} {unknown}, a word eqmorph does not know: left as it is"]


def placed_unknown(meaning: Meaning, between: Sequence[str], unknown: str) -> str | None:
    """The note for a region word placed by a preposition after ``unknown``, a word eqmorph does not know ("feedback
    in the low mids", "cargado en los medios"), with no direction word said: ``between`` the words between the two.
    None when ``meaning`` is no region word or the two are not so joined. Read as a request, the region was boosted
    5-7 dB (an eighteenth trial, 2026-12-04), as "the mids are crowded" had been (:func:`left_subject`)."""
    band = band_word(meaning.word) if meaning.how == "defined" else None
    if (band is None or band.name not in WHERE_WORDS or PREPOSITIONS.isdisjoint(between)
            or not all(t in PREPOSITIONS or t in STOP for t in between)):
        return None
    return f"{band.name}: where {unknown} is, a word eqmorph does not know: left as it is"


# "they're too loud": what they are is some sources of the mix (read as the whole sound, it was the crowds' loud; a
# twenty-ninth trial)
_PLURAL_PRONOUNS = frozenset({"they", "ellos", "ellas"})


def source_level_error(text: str, piece: Piece, before: Sequence[str],
                       unknown: Sequence[str] = ()) -> ParameterError | None:
    """The :class:`ParameterError` for ``piece`` when it is a level word ("loud", "quiet") stated of a source that no
    band word places (``before``: the clause's words before it, e.g. "the vocals are too"), or of a word eqmorph does
    not know (one of ``unknown``: "the mix is too loud", "the reverb is too loud"). Read without its subject, "the
    vocals are too loud" was the crowds' loud turned, a 3 dB lift at 10 kHz (a fifteenth trial, 2026-12-03; the mix,
    the master and the reverb an eighteenth, 2026-12-04): an EQ turns a region up or down, not one instrument of a
    mix, nor the whole of it. None for any other piece. Beside another request the parser leaves the piece out and
    says so ("the master is too loud and a bit harsh" was refused whole until a twenty-eighth trial)."""
    if len(piece.meanings) != 1 or piece.meanings[0].word not in LOUDNESS_WORDS or piece.region is not None:
        return None
    sources = [k for k, t in enumerate(before) if (t in stoplist() or t in unknown and t not in SENTENCE_WORDS
                                                   or t in _PLURAL_PRONOUNS) and band_word(t) is None]
    if sources and not COPULAS_AND_EXCESS.isdisjoint(before[sources[-1]:]):
        said = before[sources[-1]]
        what = "names a source" if said in stoplist() else "is no region of the spectrum eqmorph knows"
        return ParameterError("text", text, f"a sound to change: '{said}' {what}, and an EQ cannot turn one source "
                                            "of a mix, nor the whole of it, up or down; say which region, e.g. 'less "
                                            "presence' or 'the low mids are too loud'")
    return None


def without_source_levels(pieces: list[Piece], amounts: dict[int, T], refused: Sequence[tuple[Piece, ParameterError]],
                          notes: list[str]) -> tuple[list[Piece], dict[int, T]]:
    """``pieces`` and their dB ``amounts`` (piece index -> amount, re-keyed) without the ``refused`` ones (each with
    its :func:`source_level_error`), each said in ``notes``; the first refusal raised when nothing else was asked ("the
    snare is too loud")."""
    if not refused:
        return pieces, amounts
    # by its meanings, which a degree said after it keeps ("la voz pica mucho": the piece is replaced, not they)
    kept = [k for k, piece in enumerate(pieces) if all(piece.meanings is not gone.meanings for gone, _ in refused)]
    if not kept:
        raise refused[0][1]
    stated = tuple(f"{gone.term}: said of the sound as it is" for gone, _ in refused)
    notes[:] = [note for note in notes if not note.startswith(stated)]
    notes.extend(f"{gone.text}: an EQ cannot turn one source of a mix up or down, left out" for gone, _ in refused)
    return [pieces[k] for k in kept], {n: amounts[k] for n, k in enumerate(kept) if k in amounts}


def _holds(region: BandWord, word: BandWord) -> bool:
    """Whether ``region``'s range reaches ``word``'s, within an octave ("less presence up top": presence, 3.5-7 kHz,
    and the top, above 6 kHz; not "bass treble", a list of two moves)."""
    outer, inner = region_hz(region), region_hz(word)
    return (outer is not None and inner is not None and inner[0] <= 2.0 * outer[1] and outer[0] <= 2.0 * inner[1])


def removed_at(tokens: Sequence[str], i: int, meaning: Meaning, term_at: Terms,
               known: Callable[[str], bool]) -> int | None:
    """After a removing verb ("clean" in "clean up the mud"), where the word it takes away starts: past "up" or
    "the" and stop words, a ``known`` word that is no region word ("clean up the low end" is clean there). None
    otherwise, and when neither "up" nor "the" follows (then "clean" is an adjective: "clean and bright")."""
    if meaning.how != "exact" or meaning.word not in REMOVING_VERB_WORDS:
        return None
    if i >= len(tokens) or tokens[i] not in VERB_NEXT or region_at(tokens, i, term_at, verb=True) is not None:
        return None
    j = i
    while j < len(tokens) and (tokens[j] in STOP or tokens[j] in PARTICLES):
        j += 1
    return j if j < len(tokens) and tokens[j] not in JOINERS and known(" ".join(term_at(tokens, j))) else None


def confine(response_db: np.ndarray, region: str, freqs_hz: np.ndarray, sample_rate: float, *,
            cut_only: bool = False, flaw: bool = False) -> np.ndarray:
    """A word's response ``(F,)`` in dB at ``freqs_hz`` ``(F,)`` kept to ``region`` (:func:`region_window`), its
    main way only, at the word's strength.

    The main way is the sign of the word's largest move inside the region (full's in the low end is a boost, though
    its largest anywhere is a 4 dB cut at 6 kHz), unless the word's own way (the sign of its largest move anywhere,
    ``OWN_WAY_DOMINANCE`` times its largest the other way) reaches ``OWN_WAY_SHARE`` of that move there too: boxy
    (+6 dB at 150 Hz) is +0.8 dB in the mids' window at 600 Hz beside a 1.2 dB dip at 1.2 kHz, and "less boxy mids"
    boosted 1.2 kHz (a review); áspero's "agudos" are its 6 kHz boost, not its 12 kHz dip. Only the part going that
    way is kept, so a region holds one move, the word's, not its ripple ("tame the muddy low mids" cut 300 Hz and
    boosted 1.2 kHz, where muddy's own EQ dips), unless the other way nearly ties with it there
    (``BOTH_WAYS_SHARE``: punchy's low end is a sub cut and a bump, both kept). It is then scaled so its largest
    move is the word's own, by at most ``MAX_REGION_GAIN`` (a word that barely acts in the region stays small).

    ``cut_only`` (a region verb's word, :data:`REGION_VERB_WORDS`: "clean up the mids", "tighten the highs"): its cut
    there, whatever its main way; where it cuts less than ``OWN_WAY_SHARE`` of its strength, the region's own shape cut
    by that strength. Clean's and tight's crowd EQs cut the low end only, so "clean up the mids" and "tighten the
    highs" were 4-5 dB boosts (a fifteenth trial, 2026-12-03).
    ``flaw`` (a flaw word whose own way is a boost: "the mids are muddy"): the same with its boost, so less of it cuts
    the region (muddy dips 1-2 kHz: "the mids are muddy" boosted them, a thirty-second trial).
    """
    window = region_window(region, freqs_hz, sample_rate)
    there = response_db * window
    peak = float(np.max(np.abs(response_db)))
    own = float(np.sign(response_db[np.argmax(np.abs(response_db))]))  # the way the word goes most, anywhere
    if cut_only or (flaw and own > 0):
        way = -1.0 if cut_only else 1.0
        move = np.maximum(way * there, 0.0)
        move_peak = float(np.max(move, initial=0.0))
        if move_peak < OWN_WAY_SHARE * peak:
            return way * window * peak
        return way * move * min(peak / move_peak, MAX_REGION_GAIN)
    main = float(np.sign(there[np.argmax(np.abs(there))]))
    dominant = np.max(own * response_db) >= OWN_WAY_DOMINANCE * np.max(-own * response_db, initial=0.0)
    overruled = bool(own != main and dominant
                     and np.max(own * there, initial=0.0) >= OWN_WAY_SHARE * np.max(np.abs(there)))
    if overruled:
        main = own  # boxy in the mids: its 600 Hz boost, not the 1.2 kHz dip beside it
    if not overruled and np.max(-main * there, initial=0.0) >= BOTH_WAYS_SHARE * np.max(np.abs(there)):
        kept = there  # punchy in the low end: its 20 Hz cut and its 86 Hz bump are both its shape there
    else:
        kept = np.where(np.sign(there) == main, there, 0.0)
    kept_peak = float(np.max(np.abs(kept)))
    return kept * (min(peak / kept_peak, MAX_REGION_GAIN) if kept_peak > 0.0 else 0.0)


def region_start(region: str, target_db: np.ndarray, freqs_hz: np.ndarray, sample_rate: float) -> np.ndarray:
    """Physical ``(5, 3)`` EQ to start fitting ``target_db`` ``(F,)`` from: the region word's own EQ with the gain
    the target has where the region holds most of it (a region's word fitted from its full EQ spread every band over
    the region, with shelves left at 0 dB and Q 10)."""
    params = np.array(band_params(region), dtype=np.float64)
    band = int(np.argmax(np.abs(params[:, 0])))
    at = int(np.argmax(region_window(region, freqs_hz, sample_rate) * np.abs(target_db)))
    params[band, 0] = target_db[at]
    return params


def region_window(name: str, freqs_hz: np.ndarray, sample_rate: float) -> np.ndarray:
    """``(F,)`` share (0 to 1) of a word's move that region ``name`` keeps at each of ``freqs_hz`` ``(F,)``: the
    region word's own response over its gain (1 deep in a shelf's side or at a bell's centre, 0.5 at a shelf's
    corner frequency or a bell's half-gain band edges)."""
    params = band_params(name)
    if params is None or name not in WHERE_WORDS:
        raise ValueError(f"{name!r} is no region word; expected one of {sorted(WHERE_WORDS)}")
    gain_db = float(params[np.argmax(np.abs(params[:, 0])), 0])
    return np.clip(dsp.response_db_np(params, np.asarray(freqs_hz, dtype=np.float64), sample_rate) / gain_db,
                   0.0, 1.0)


__all__ = [
    "BETWEEN",
    "COPULAS_AND_EXCESS",
    "MAX_REGION_GAIN",
    "PREPOSITIONS",
    "REGION_VERB_WORDS",
    "REMOVING_VERB_WORDS",
    "WHERE_WORDS",
    "confine",
    "is_region_word",
    "left_subject",
    "placed_unknown",
    "region_at",
    "region_before",
    "region_compound",
    "region_of",
    "region_start",
    "region_window",
    "source_level_error",
    "without_source_levels",
    "removed_at",
]
