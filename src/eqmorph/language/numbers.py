"""Numbers in a phrase: degrees ("50%", "2x"), decibel amounts of studio terms ("bass -3dB"), and frequencies.

A number is one of three things to :mod:`eqmorph.language.parse`:

- a **degree**, written as a multiple: "50% warm", "2x", "x 1.5", a bare decimal ("0.5 warm"): it scales the word;
- a **dB amount**: a number with "dB" ("3dB", "-3 dB"), a signed number ("-2", "+1.5") or a bare integer ("bass
  3"), before or after the word, or after "by" ("cut bass by 3 dB"). It sets a band word's move (a studio term
  with a defined gain, :mod:`eqmorph.language.band_words`): the intensity is the dB over the word's own gain_db
  (its first row's: the mid cut of "scoop"), so "bass -3dB" is bass x -0.5, a -3 dB shelf. The sign comes from
  the number; an unsigned one goes the word's own way ("low cut 6 dB" cuts 6 dB); a cut verb ("cut", "reduce",
  "less") goes against the word's move whatever the number's sign ("cut the bass 3 dB" and "cut bass by -3dB"
  are both -3 dB). The amount is the move's gain, so it is not shared with the phrase's other words as a
  degree is. A crowd word has no defined dB: its amount is its EQ's largest move ("cut 2 dB of mud" is muddy's EQ
  turned and scaled to move 2 dB at most: :func:`set_amounts`). Until 2026-12-04 it was refused, and before that
  ignored ("bass -3dB", then read like "warm 3", boosted 6 dB: a new-user trial);
- a **frequency** ("300hz", "3k", "3 kHz"): refused, with the studio term whose region holds it ("cut 300hz":
  try 'cut the low mids'); except where it places a word that names a sound ("less harshness around 3k", "less mud
  at 300 Hz", "menos barro en 300 Hz"): there it is read as the region that holds it, as "less harshness in the high
  mids" is (:func:`placed_frequency`). The word gives the move's shape and the frequency only where it acts, so the
  region's width is no false precision; "cut 3k" alone would be a region's move passed off as a 3 kHz one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from eqmorph.core.conventions import AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.ranges import GAIN_DB
from eqmorph.core.schema import hz_text
from eqmorph.errors import ParameterError
from eqmorph.language.band_words import BandWord, band_word, band_word_at, cornered
from eqmorph.language.grammar_words import BY_WORDS, KEEP, LESS, MORE, SPANISH_DIRECTIONS
from eqmorph.language.interpretation import Piece

# dB amounts come first in a token pattern: "-3dB" must not lose its sign to the word pattern ("3db"). A signed
# number is a gain ("treble -2"), unless written as a degree ("-20%", "2x" keep their own reading).
# A sign may stand apart from its number ("bass - 3dB"), a decimal may lack its 0 ("-.5dB"), "dbs" is "db" (a review).
_NUM = r"(?:\d+(?:[.,]\d+)?|[.,]\d+)"
_AMOUNT = (r"(?<![^\W_])(?:[-−+]\s?)?" + _NUM + r"\s?dbs?(?![^\W_])"
           r"|(?<![^\W_])[-−+]\s?" + _NUM + r"(?![^\W_]|[.,]\d|\s?[%×]|\s?x(?![^\W_]))")
# A number as producers write a degree ("50%", "2x", "x1.5") is one token; words are letters and digits.
# "x 0.5" and "0.5 x" with a space too: the interpretation prints weights as "warm x 0.5", and people copy it.
# A bare number is one token too ("0.5" stays whole): a decimal ("0.5 warm") is a degree, an integer a dB amount.
NUMBER_TOKEN = (_AMOUNT + r"|\d+(?:[.,]\d+)?\s?%|\d+(?:[.,]\d+)?\s?[x×](?![^\W_])|[x×]\s?\d+(?:[.,]\d+)?(?![^\W_])"
                r"|" + _NUM + r"(?![^\W_])")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s?%")
_TIMES = re.compile(r"(\d+(?:[.,]\d+)?)\s?[x×]|[x×]\s?(\d+(?:[.,]\d+)?)")
_DECIMAL = re.compile(r"(\d*[.,]\d+)")
_DB = re.compile(r"([-−+]?)\s?(\d+(?:[.,]\d+)?|[.,]\d+)\s?(dbs?)?")
# English verbs a frequency's hint repeats ("cut 300hz": try 'cut the low mids'); other direction words ("more",
# "menos") give "more ..." or "less ...".
# verbs of an amount said of a region, not of the region's level: "add 3 dB of bass", not "add the bass by 3 dB"
_VERBS_OF_AN_AMOUNT = frozenset({"add", "remove", "lose", "kill", "eliminate"})
_VERBS_TAKING_THE = frozenset({"cut", "boost", "reduce", "lower", "raise", "increase", "decrease", "remove", "tame",
                               "kill", "attenuate", "dip", "eliminate", "add", "push", "enhance", "emphasize",
                               "emphasise", "accentuate", "lose"})
_FREQUENCY = re.compile(r"(?<![^\W_.,])(\d+(?:[.,]\d+)?)\s?(khz|hz|k)(?![^\W_])")
_AMOUNT_IN_TEXT = re.compile(_AMOUNT)
# A frequency after a word of place, with or without a unit: where a word acts ("less harshness around 3k"). A number
# without a unit after one is a frequency too ("muddy around 250", "-3 dB at 300"): read as a word, "around" was named
# the unknown word, and "at 300" a dB amount with no term (a fifteenth trial, 2026-12-03); "below", "under", "above",
# "over" too ("less boom below 100": "below" was named the unknown word, a twentieth trial).
_SPANISH_PLACE_WORDS = ("en", "cerca de", "alrededor de", "sobre", "de")  # "el zumbido de 50 hz" (a 23rd trial)
_PLACE_WORDS = r"(?:around|at|near|about|@|in|below|under|above|over|" + "|".join(_SPANISH_PLACE_WORDS) + ")"
_PLACING = re.compile(r"(?<![^\W_])(" + _PLACE_WORDS + r")\s?(\d+(?:[.,]\d+)?)\s?(khz|hz|k)?"
                      r"(?![^\W_]|[.,]\d|\s?(?:dbs?|%|x)(?![^\W_]))")


@dataclass(frozen=True)
class PlacedFrequency:
    """A frequency after a word of place in a clause: its span, what was written and the region word holding it."""

    start: int
    end: int
    written: str
    freq_hz: float
    region: BandWord
    spanish: bool  # placed by a Spanish word ("en 3k"): the region is said in Spanish too

    @property
    def region_phrase(self) -> str:
        """The region as the language layer reads a place ("in the high mids", "en los medios agudos")."""
        spanish = self.region.spanish if self.spanish else None
        return f"en los {spanish}" if spanish else f"in the {self.region.name}"

    @property
    def note(self) -> str:
        return (f"{self.written}: {hz_text(self.freq_hz)} lies in the {self.region.name} "
                f"({self.region.span_text}), read as that region")


def placed_frequencies(clause: str, names_a_sound: Callable[[str], bool],
                       notes: list[str]) -> tuple[str, list[BandWord]]:
    """``clause`` with each frequency placed after a word that names a sound read, in turn ("cut the mud at 300 and
    lpf at 15k"): after a filter word, as its corner (removed from the clause, returned: :func:`set_corners` sets it
    once the clause is read); after another word, as the region that holds it ("less harshness around 3k" -> "less
    harshness in the high mids"), with a note added to ``notes``."""
    corners = []
    while (placed := placed_frequency(clause)) is not None and names_a_sound(clause[:placed.start]):
        if corner := corner_placed(clause, placed):
            clause = f"{clause[:placed.start]}{clause[placed.end:]}"
            corners.append(corner)
        else:
            clause = f"{clause[:placed.start]}{placed.region_phrase}{clause[placed.end:]}"
            notes.append(placed.note)
    return clause, corners


def corner_placed(clause: str, placed: PlacedFrequency) -> BandWord | None:
    """The filter word written right before ``placed`` ("low cut at 30 Hz", "filtro pasa altos en 80") with its corner
    there (:func:`~eqmorph.language.band_words.cornered`); None for any other word or a corner out of its shelf's
    range (then the frequency is a region, as for any word)."""
    before = _AMOUNT_IN_TEXT.sub(" ", clause[:placed.start]).split()  # "low cut 6 dB at 30 Hz"
    for n in range(min(4, len(before)), 0, -1):
        word = band_word(" ".join(before[-n:]))
        if word is not None:
            return cornered(word, placed.freq_hz)
    return None


def set_corners(pieces: list[Piece], first: int, corners: Sequence[BandWord]) -> None:
    """Read each filter word among ``pieces[first:]`` (a clause's) as its cornered form in ``corners``."""
    for corner in corners:
        base = corner.name.split(" at ")[0]
        for k in range(first, len(pieces)):
            if len(pieces[k].meanings) == 1 and pieces[k].meanings[0].word == base:
                pieces[k] = replace(pieces[k], meanings=(replace(pieces[k].meanings[0], word=corner.name),))


# A frequency with its unit right before a word: "the 60 hz hum" (refused as a bare frequency, a twenty-third trial).
_FREQUENCY_BEFORE = re.compile(r"(?<![^\W_.,])(\d+(?:[.,]\d+)?\s?(?:khz|hz|k))\s+([^\W\d_][\w'-]*)")


def frequency_after_its_word(clause: str, names_a_sound: Callable[[str], bool]) -> str:
    """``clause`` with a frequency written right before a word that names a sound moved after it, as a place: "the
    60 hz hum" -> "the hum at 60 hz" (then read as :func:`placed_frequency` reads it)."""
    def swap(found: re.Match[str]) -> str:
        return f"{found.group(2)} at {found.group(1)}" if names_a_sound(found.group(2)) else found.group(0)

    return _FREQUENCY_BEFORE.sub(swap, clause)


def placed_frequency(clause: str) -> PlacedFrequency | None:
    """The first audible frequency after a word of place in ``clause`` ("around 3k", "at 300 Hz", "en 250"), or
    None. A number without a unit counts from 20 up: "bass at 3" is 3 dB."""
    for found, freq_hz in _placings(clause):
        region = band_word_at(freq_hz)  # None outside the audible band, which the regions cover
        if region is not None:
            return PlacedFrequency(found.start(), found.end(), found.group(0), freq_hz, region,
                                   spanish=found.group(1) in _SPANISH_PLACE_WORDS)
    return None


def _placings(clause: str) -> Iterator[tuple[re.Match[str], float]]:
    """Each frequency after a word of place in ``clause``, with its Hz; a number without a unit counts from 20 up."""
    for found in _PLACING.finditer(clause):
        _, number, unit = found.groups()
        value = float(number.replace(",", "."))
        if unit is not None or value >= AUDIBLE_LOW_HZ:
            yield found, value * (1000.0 if unit in ("k", "khz") else 1.0)


def is_bare_decimal(token: str) -> bool:
    """A decimal written alone ("2.5", ",5"): a degree with a crowd word, ambiguous with a studio term."""
    return _DECIMAL.fullmatch(token) is not None


def number_degree(token: str) -> float | None:
    """The multiplier a number token writes ("50%" 0.5, "2x", "x2" and "x 2" 2.0, "1,5x" and "0.5" 1.5 and 0.5);
    None for any other token, an integer or a signed number included (those are dB amounts: :func:`db_amount`).

    A zero asks for nothing, so it is refused (the flat EQ is ``intensity=0``, not a phrase).
    """
    percent, times, decimal = _PERCENT.fullmatch(token), _TIMES.fullmatch(token), _DECIMAL.fullmatch(token)
    if percent is None and times is None and decimal is None:
        return None
    digits = (percent.group(1) if percent else decimal.group(1) if decimal
              else next(g for g in times.groups() if g))
    value = float(digits.replace(",", ".")) / (100.0 if percent else 1.0)
    if value <= 0.0:
        raise ParameterError("text", token, "a degree above 0, such as '50%' or '2x' (0 asks for no change)")
    return value


@dataclass(frozen=True)
class Amount:
    """A dB amount as typed: "-3dB" is ``Amount(-3.0, True, "-3db")``."""

    db: float
    signed: bool  # written with + or -: an unsigned amount goes the word's own way
    text: str


def db_amount(token: str) -> Amount | None:
    """The dB amount ``token`` writes ("3db", "-3 db", "+2", "-1.5", "3"), else None; a bare decimal ("0.5")
    is a degree, not an amount (:func:`number_degree`)."""
    found = _DB.fullmatch(token)
    if found is None:
        return None
    sign, digits, unit = found.groups()
    if not sign and not unit and not digits.isdigit():
        return None
    value = float(digits.replace(",", "."))
    return Amount(-value if sign in ("-", "−") else value, bool(sign), token)


def amount_weight(text: str, term: str, band: BandWord | None, amount: Amount, against: bool,
                  peak_db: float | None = None) -> float:
    """The signed intensity ``amount`` gives the band word ``band`` that ``term`` named in ``text``, or the crowd
    word whose EQ's largest move is ``peak_db`` (``band`` None); ``against``: a cut verb or negation came before
    it. Refuses a crowd word with no ``peak_db``, 0 dB, and a gain outside the EQ's range."""
    if band is None and not peak_db:
        raise ParameterError("text", text, (
            f"a degree word ('a bit', 'very') or a multiple ('2x', '50%') for {term!r}: {amount.text!r} reads as "
            f"decibels, and only a studio term has a defined move in dB ('bass -3dB', 'cut the treble 2 dB'); "
            f"{term!r} is a crowd word"))
    own_db = band.moves[0].gain_db if band is not None else peak_db
    if amount.db == 0.0:
        raise ParameterError("text", text, f"a gain other than 0 dB for {term!r} ({amount.text!r} asks for no change)")
    if abs(amount.db) > GAIN_DB.high:
        raise ParameterError("text", text, f"a gain within ±{GAIN_DB.high:g} dB, the EQ's range, for {term!r} "
                                           f"(it has {amount.text!r})")
    db = (-math.copysign(abs(amount.db), own_db) if against
          else amount.db if amount.signed else math.copysign(amount.db, own_db))
    return db / own_db


def amount_at(tokens: Sequence[str], i: int) -> bool:
    """A dB amount at ``tokens[i]``, or "by" and one after it."""
    j = i + 1 if i < len(tokens) and tokens[i] in BY_WORDS else i
    return j < len(tokens) and db_amount(tokens[j]) is not None


def amount_in_region_error(text: str, term: str, amount: Amount) -> ParameterError:
    """The error for a crowd word's dB amount with a region or a frequency ("cut 2 dB of mud at 300"): the amount
    sets the largest move of the word's whole EQ, which may lie outside the region (read together, the region was
    a request of its own: +5 dB at 500 Hz, a twenty-sixth trial)."""
    return ParameterError("text", text, (
        f"a dB amount or a region for {term!r}, not both: {amount.text!r} sets the largest move of its whole EQ, "
        "which may lie outside the region; leave out the region (the amount then moves the whole EQ) or the amount "
        "(the word then acts in the region at its own strength)"))


def dangling_amount(text: str, amount: Amount) -> ParameterError:
    """The error for a dB amount with no word to set ("bass, -3dB": the comma parts them); a bare number too large
    for a gain is the frequency it must be ("cut 400": the low mids' hint, as "cut 400hz" gets)."""
    if amount.text.isdigit() and amount.db > GAIN_DB.high:
        found = frequency_error(text, f"{text.lower()} ".replace(f"{amount.text} ", f"{amount.text}hz ", 1))
        if found is not None:
            return found
    return ParameterError("text", text, f"a dB amount next to the studio term it sets, e.g. 'bass -3dB' or 'cut "
                                        f"the treble by 2 dB' ({amount.text!r} has none)")


def frequency_error(text: str, clause: str) -> ParameterError | None:
    """The error for a frequency written in ``clause`` ("cut 300hz", "3 kHz"), naming the studio term whose region
    holds it and a phrase for it: with the verb before it ("cut the low mids", "keep the bass"), or the direction of
    the MORE or LESS word before it, in Spanish for a Spanish one ("más 3k": 'más medios agudos'); None when the
    clause has no frequency."""
    found = _FREQUENCY.search(clause)
    if found is not None:
        freq_hz = float(found.group(1).replace(",", ".")) * (1.0 if found.group(2) == "hz" else 1000.0)
    else:
        placing = next(_placings(clause), None)  # "around 250"; "bass at 3" is 3 dB
        if placing is None:
            return None
        found, freq_hz = placing
    written = found.group(0)
    region = band_word_at(freq_hz)  # None outside the audible band, which the regions cover
    if region is None:
        return ParameterError("text", text, (
            f"words, not frequencies ({written!r} is outside the audible band, {hz_text(AUDIBLE_LOW_HZ)}-"
            f"{hz_text(AUDIBLE_HIGH_HZ)}): name a region such as 'bass', 'low mids' or 'treble'"))
    words = re.findall(r"[^\W\d_]+", clause[:found.start()])
    verb = next((w for w in reversed(words) if w in MORE | LESS | KEEP), None)
    name = region.name
    amount = _AMOUNT_IN_TEXT.search(clause[:found.start()] + " " + clause[found.end():])
    gain = db_amount(amount.group(0).replace(" ", "")) if amount else None
    if gain is not None and verb not in KEEP:  # "cut 300 Hz by 3 dB": the hint keeps the 3 dB
        name = region.spanish if verb in SPANISH_DIRECTIONS and region.spanish else name  # "baja 3 dB en 250": Spanish
        size = f"{abs(gain.db):g}dB"
        hint = (f"'{name} {'+' if gain.db > 0 else '-'}{size}'" if gain.signed else
                f"'{verb} {size[:-2]} dB of {name}'" if verb in _VERBS_OF_AN_AMOUNT else
                f"'{verb} the {name} by {size[:-2]} dB'" if verb in _VERBS_TAKING_THE else
                f"'{name} -{size}'" if verb in LESS else f"'{name} +{size}'" if verb else
                f"'{name} -{size}' or '{name} +{size}'")
    elif verb in SPANISH_DIRECTIONS and region.spanish:
        hint = f"'{'menos' if verb in LESS else 'más'} {region.spanish}'"
    elif verb in _VERBS_TAKING_THE or verb in KEEP:
        hint = f"'{verb} the {name}'"
    else:
        hint = (f"'less {name}'" if verb in LESS else f"'more {name}'" if verb else f"'more {name}' or 'less {name}'")
    return ParameterError("text", text, (
        f"words, not frequencies: {written!r} ({hz_text(freq_hz)}) lies in the {region.name} "
        f"({region.span_text}), a studio term eqmorph knows; try {hint}"))


def ambiguous_number(token: str, piece: Piece) -> bool:
    """A bare decimal of 1 or more beside a studio term ("bass 2.5"): dB as "bass 2" is, or 2.5 times the move
    as "0.5 warm" is half of warm? Read as a multiple it was a 15 dB boost (a review): asked, not guessed."""
    only = piece.meanings[0] if len(piece.meanings) == 1 else None
    return (is_bare_decimal(token) and (number_degree(token) or 0.0) >= 1.0 and only is not None
            and only.how == "defined")


def ambiguous_number_error(text: str, token: str, term: str) -> ParameterError:
    """The error for a bare decimal beside a studio term (:func:`ambiguous_number`)."""
    return ParameterError("text", text, f"'{term} {token} dB' (a gain) or '{term} x{token}' (a multiple of its move): "
                                        f"{token!r} beside the studio term {term!r} could be either")


def set_amounts(text: str, pieces: list[Piece], amounts: Mapping[int, Amount],
                peak_db: Callable[[Sequence[tuple[str, float]]], float] | None = None,
                max_degree: float = math.inf) -> list[str]:
    """Each piece with a dB amount set to it (numbers.amount_weight), whole: not shared with the other pieces; the
    notes that say how a crowd word's amount was read.

    A band word's amount is its move's gain. A crowd word has no gain of its own, so its amount is its EQ's largest
    move: ``peak_db(meanings)`` gives the largest dB of the response of the ``(word, share)`` blend, and "cut 2 dB
    of mud" scales muddy's EQ so that it moves 2 dB at most (up to ``max_degree`` times the word). Without
    ``peak_db`` (a parser with no model's EQs) a crowd word's amount is refused.
    """
    notes = []
    for index, amount in amounts.items():
        piece = pieces[index]
        if piece.sign == 0:
            raise ParameterError("text", text, f"a dB amount for a word to change, not for {piece.term!r}, "
                                               f"which is kept as it is ({amount.text!r})")
        only = piece.meanings[0] if len(piece.meanings) == 1 else None
        band = band_word(only.word) if only is not None and only.how == "defined" else None
        crowd_db = None if band is not None or peak_db is None else peak_db([(m.word, m.share) for m in piece.meanings])
        if (band is not None or crowd_db is not None) and piece.degree != 1.0:  # "2x bass 3dB": the degree dropped
            moved = "the move" if band is not None else "its largest move"
            raise ParameterError("text", text, f"a dB amount or a degree for {piece.term!r}, not both "
                                               f"({amount.text!r} sets {moved} in dB: leave out the degree)")
        weight = amount_weight(text, piece.term, band, amount, against=piece.sign < 0, peak_db=crowd_db)
        if crowd_db is not None:
            if abs(weight) > max_degree:
                raise ParameterError("text", text, (
                    f"at most {max_degree * crowd_db:.1f} dB for {piece.term!r} ({amount.text!r}): its EQ's largest "
                    f"move is {crowd_db:.1f} dB, and an amount scales a crowd word up to {max_degree:g} times"))
            notes.append(f"{piece.term} {weight * crowd_db:+.3g} dB: its EQ's largest move, {crowd_db:.1f} dB, "
                         f"scaled to {abs(weight * crowd_db):.3g} dB (x{weight:.2f})")
        pieces[index] = replace(piece, sign=1.0 if weight > 0 else -1.0, degree=abs(weight), absolute=True)
    # "bass -3dB, more bass": summed, the amount written was not the move made (+3 dB); asked both ways, say one.
    set_in_db = {m.word: p.text for p in pieces if p.absolute for m in p.meanings}
    for p in pieces:
        twice = [m.word for m in p.meanings if m.word in set_in_db] if p.sign != 0 and not p.absolute else []
        if twice:
            raise ParameterError("text", text, f"one move for {twice[0]!r}: a dB amount or a direction, not both "
                                               f"({set_in_db[twice[0]]!r} has an amount, {p.text!r} a direction)")
    return notes


__all__ = ["NUMBER_TOKEN", "Amount", "PlacedFrequency", "ambiguous_number", "ambiguous_number_error", "amount_at",
           "amount_in_region_error", "amount_weight", "corner_placed", "dangling_amount", "db_amount",
           "frequency_error", "is_bare_decimal", "number_degree", "placed_frequencies", "placed_frequency",
           "set_amounts", "set_corners"]
