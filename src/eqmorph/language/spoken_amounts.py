"""dB amounts as people write them, rewritten before a phrase is split into clauses so that the amount pattern of
:mod:`eqmorph.language.numbers` reads them: the unit spelt out ("2 decibeles"), a range ("2-3 dB", "2 to 3 dB", "3
or 4 dB": its middle), a hedge before it ("by about 2 dB"), numbers said in words ("two and a half dB", "three or four
dB"), and an amount hedged after a comma as the end of its request ("more bass, like 3 dB"). Each was refused or read
as another amount (a twenty-eighth trial, a forty-fourth round). Called by :mod:`eqmorph.language.sentences`.
"""

from __future__ import annotations

import re

from eqmorph.core.ranges import GAIN_DB

_DECIBELS = re.compile(r"(?<![^\W_])(?:decibel(?:e?s)?|decibelios?)(?![^\W_])")
_DB_RANGE = re.compile(r"(?<![^\W_.,])(\d+(?:[.,]\d+)?)\s?(?:-|to|a|or|o)\s?(\d+(?:[.,]\d+)?)\s?(dbs?)(?![^\W_])")
# "i think", "como", "más o menos" hedge as "about" does ("más graves, como 2 db" was "unknown word 'como'", "more
# bass, I think 2 dB" "unknown words 'i', 'think'": a forty-sixth round)
_HEDGE_WORDS = (r"(?:about|around|roughly|approximately|approx|maybe|like|unos|aproximadamente|como|i think|i guess|"
                r"probably|something like|más o menos|mas o menos)")
_HEDGED_DB = re.compile(rf"(?<![^\W_]){_HEDGE_WORDS}\s+"
                        r"(?=(?:(?:minus|plus|menos)\s+)?[-−+]?\s?\d+(?:[.,]\d+)?\s?dbs?(?![^\W_])"
                        r"|(?:a|one|un|two|dos|three|tres) (?:db|dbs)\b)")
# "2 dB or so" is about 2 dB ("more bass, about 2 dB or so" was refused naming no amount); "a dB or two" is 1.5 dB
# ("a dB or two of air" read one dB and refused it, a forty-sixth round)
_OR_SO = re.compile(r"(?<![^\W_])(\d+(?:[.,]\d+)?\s?dbs?)\s+(?:or so|o así|o asi|más o menos|mas o menos)(?![^\W_])")
_DB_OR_TWO = re.compile(r"(?<![^\W_])(?:a|one|un|uno)\s+dbs?\s+(?:or|o)\s+(?:two|dos|2)(?![^\W_])")

# A number that names a recording or a part of one ("track 2 is muddy" read 2 dB of mud, "on track 5 the highs are
# harsh" boosted them: a twenty-eighth trial); the number is dropped.
_NAMING_NUMBER = re.compile(r"(?<![^\W_])(track|song|version|mix|guest|episode|part|bar|bars|verse|chorus|pista|"
                            r"toma|versión|canción|cancion|episodio)\s?#?\s?\d+(?![^\W_]|[.,]\d|\s?(?:dbs?|hz|khz|k|%))")

# Mains frequency said in cycles ("a 60 cycle hum" was read as a 60 dB gain of hum, refused: a thirty-second trial)
_CYCLES = re.compile(r"(?<![^\W_])(\d+)\s?-?\s?cycles?(?![^\W_])")

# Numbers said in words, read as digits only where a dB unit follows them (or the other end of a range does): "add
# two and a half dB of air" read the half alone (0.5 dB, "two" ignored), "like three or four dB" was refused. "one"
# and "a" before "dB" alone are sized_moves.SPOKEN_DB's.
_WORD_NUMBERS = {word: n for n, words in enumerate((
    (), ("one", "uno", "una"), ("two", "dos"), ("three", "tres"), ("four", "cuatro"), ("five", "cinco"),
    ("six", "seis"), ("seven", "siete"), ("eight", "ocho"), ("nine", "nueve"), ("ten", "diez"), ("eleven", "once"),
    ("twelve", "doce"), ("thirteen", "trece"), ("fourteen", "catorce"), ("fifteen", "quince"),
    ("sixteen", "dieciséis", "dieciseis"), ("seventeen", "diecisiete"), ("eighteen", "dieciocho"),
    ("nineteen", "diecinueve"), ("twenty", "veinte"), ("twenty one", "twenty-one", "veintiuno", "veintiún"),
    ("twenty two", "twenty-two", "veintidós", "veintidos"),
    ("twenty three", "twenty-three", "veintitrés", "veintitres"),
    ("twenty four", "twenty-four", "veinticuatro"))) for word in words}
# Past the gains' range, read so the amount is refused naming it, as digits are ("add twenty dB of bass" was +6 dB,
# "twenty" ignored, while "add 20 dB" was +20: an eleventh new-user trial)
_WORD_NUMBERS |= {"thirty": 30, "treinta": 30, "forty": 40, "cuarenta": 40, "fifty": 50, "cincuenta": 50,
                  "a hundred": 100, "one hundred": 100, "hundred": 100, "cien": 100}
_NUMBER = r"(?:" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r"|\d+(?:[.,]\d+)?)"
_HALF = r"(?:\s+and\s+a\s+half|\s+y\s+medio)"
_AMOUNT_AHEAD = rf"(?=(?:\s*(?:-|to|or|a|o)\s*{_NUMBER}{_HALF}?)?\s*dbs?(?![^\W_]))"
_SAID_NUMBER = re.compile(rf"(?<![^\W_.,])({_NUMBER})({_HALF})?{_AMOUNT_AHEAD}")
# A multiple said with "times" or "veces" is the literal multiple "2x" writes: "3 times brighter" read 3 dB of bright
# (x0.54) and "10 veces más brillante" 10 dB, "dos veces más cálido" ignored "dos" (a fourteenth new-user trial).
# Not before "less": "ten times less mud" is a tenth of it, no multiple of the cut.
_SAID_MULTIPLE = re.compile(rf"(?<![^\W_.,])({_NUMBER})({_HALF})?\s+(?:times|veces)(?![^\W_])"
                            r"(?!\s+(?:less|fewer|menos)(?![^\W_]))")
# An amount hedged after a comma, with nothing after it in its clause, belongs to the request before it: "more bass,
# like 3 dB" was refused as an amount with no word. Unhedged ("bass, -3dB") it stays refused: a clause of its own.
# A sign said in words stays with it: "more bass, like minus 2 dB" is refused naming the amount, whose way is not
# the request's (it was "unknown word 'like'").
_TRAILING_AMOUNT = re.compile(rf",\s*(?=(?:{_HEDGE_WORDS}|say)\s+(?:(?:minus|plus|menos)\s+)?[-−+]?\s?\d+(?:[.,]\d+)?"
                              r"\s?dbs?\s*(?:$|[,;.!?]))")


def _digits(found: re.Match[str]) -> str:
    """A number said in words or digits, with its half, as digits: "two and a half" -> "2.5"."""
    said = found.group(1)
    value = _WORD_NUMBERS[said] if said in _WORD_NUMBERS else float(said.replace(",", "."))
    return f"{value + (0.5 if found.group(2) else 0.0):g}"


def spoken_amounts(text: str) -> str:
    """``text`` (normalised) with dB amounts written as the amount pattern reads them: "2 decibeles" -> "2 db", "2-3 dB"
    and "three or four dB" -> "3.5 db", "two and a half dB" -> "2.5 db", "by about 2 dB" -> "by 2 dB", "more bass,
    like 3 dB" -> "more bass 3 db", "a dB or two" -> "1.5 db", "2 dB or so" -> "2 db"; a multiple said as one:
    "3 times" and "tres veces" -> "3x"; a number that names a track dropped ("track 2"); "60 cycle" -> "60 hz"."""
    text = _CYCLES.sub(r"\1 hz", _NAMING_NUMBER.sub(r"\1", _DECIBELS.sub("db", text)))
    text = _OR_SO.sub(r"\1", _SAID_NUMBER.sub(_digits, _DB_OR_TWO.sub("1.5 db", text)))
    text = _SAID_MULTIPLE.sub(lambda found: f"{_digits(found)}x", text)

    def middle(found: re.Match[str]) -> str:
        low, high = (float(g.replace(",", ".")) for g in found.group(1, 2))
        if not low < high <= GAIN_DB.high:  # "boost 100 to 3 db": a frequency and a gain, not a range
            return found.group(0)
        return f"{(low + high) / 2:g} db"

    return _HEDGED_DB.sub("", _TRAILING_AMOUNT.sub(" ", _DB_RANGE.sub(middle, text)))


__all__ = ["spoken_amounts"]
