"""One Equalizer APO ``Filter:`` line: its type, Fc, Gain and Q (or ``BW Oct``, or a shelf's slope in dB), and the
values any preset may hold.

What eqmorph reads and how the values are checked is described in :mod:`eqmorph.io.apo`, which reads
whole texts with this module; a line is parsed token by token, without regex backtracking or ``eval``.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from eqmorph.core.ranges import BAND_KINDS, DEFAULT_SHELF_Q, PARAM_NAMES, ParamRange, param_range
from eqmorph.errors import DataFormatError, ParameterError

_APO_KINDS = {
    "LS": "low_shelf", "LSC": "low_shelf", "LSQ": "low_shelf",
    "PK": "peaking", "PEQ": "peaking",
    "HS": "high_shelf", "HSC": "high_shelf", "HSQ": "high_shelf",
}  # fmt: skip
# Equalizer APO's pass filters (12 dB/octave HP/LP, with a Q for HPQ/LPQ) and the band words that stand in for them.
_PASS_FILTERS = {"HP": ("high-pass", "low cut"), "HPQ": ("high-pass", "low cut"),
                 "LP": ("low-pass", "high cut"), "LPQ": ("low-pass", "high cut")}
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_GLUED = re.compile(r"([+-]?(\d+\.?\d*|\.\d+))([a-zA-Z%]+)")  # a number with a unit and no space: "1.5kHz"
_TYPES = "low shelves (LS, LSC, LSQ), peaking filters (PK, PEQ) and high shelves (HS, HSC, HSQ)"
_UNITS = {"FC": "HZ", "GAIN": "DB", "Q": ""}  # the unit that may follow each value (Q has none)
_KEY_NAMES = {"FC": "Fc", "GAIN": "Gain", "Q": "the width (Q or BW Oct)"}


def quote_short(text: str, limit: int = 60) -> str:
    """``repr`` of at most ``limit`` characters, so error messages stay on one short line."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def parse_number(token: str, name: str, where: str) -> float:
    if not _NUMBER.fullmatch(token):
        comma = "; use '.' as the decimal point" if _NUMBER.fullmatch(token.replace(",", ".", 1)) else ""
        raise DataFormatError(f"{where}: {name} {quote_short(token)} is not a number{comma}")
    return float(token)


def decimal_point(cell: str, delimiter: str) -> str:
    """A CSV number cell with its decimal comma read as a point where ``;`` separates the cells: that is how European
    spreadsheets write CSV, and there "3,5" can only be 3.5."""
    return cell.replace(",", ".", 1) if delimiter == ";" and cell.count(",") == 1 else cell


class ApoFilter(NamedTuple):
    """One active filter as the text gave it (any values a biquad can have); ``where`` names its line."""

    kind: str  # "low_shelf", "peaking" or "high_shelf"
    gain_db: float
    freq_hz: float
    q: float
    where: str


# What a filter's values may be in any preset (see eqmorph.io.apo's docstring): wider than eqmorph's bands, whose
# ranges (eqmorph.core.ranges) decide only between placing a preset exactly and fitting it.
READABLE: dict[str, ParamRange] = {
    "gain_db": ParamRange(-100.0, 100.0, "dB", log=False),
    "freq_hz": ParamRange(1.0, 24000.0, "Hz", log=True),
    "q": ParamRange(1e-3, 1e3, "", log=True),
}


def _q_from_octaves(octaves: float, where: str) -> float:
    """Peaking Q from a bandwidth in octaves: ``1/Q = 2 sinh(ln(2)/2 * BW)`` (RBJ Audio-EQ-Cookbook)."""
    readable = READABLE["q"]  # the same limits as a Q given as such
    low, high = (2.0 / math.log(2.0) * math.asinh(1.0 / (2.0 * q)) for q in (readable.high, readable.low))
    if not low <= octaves <= high:
        allowed = readable_rule("peaking", "q", f"{low:.4g}..{high:.4g} octaves (Q {readable.describe()})")
        raise ParameterError(f"{where}: peaking.bw_oct", octaves, allowed)
    return 1.0 / (2.0 * math.sinh(math.log(2.0) / 2.0 * octaves))


def parse_filter(rest: str, where: str) -> ApoFilter | None:
    """One ``Filter:`` line after the colon; None for filters switched OFF and for Room EQ Wizard's unused ones
    (``ON None``)."""
    tokens = rest.split()
    if not tokens or tokens[0].upper() not in ("ON", "OFF"):
        raise DataFormatError(f"{where}: a Filter line starts with ON or OFF, found {quote_short(rest.strip())}")
    if tokens[0].upper() == "OFF" or [t.upper() for t in tokens[1:]] == ["NONE"]:
        return None
    if len(tokens) == 1:
        raise DataFormatError(f"{where}: the Filter line is switched ON but names no filter; expected a type and its "
                              f"values, as 'Filter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1'; eqmorph reads {_TYPES}")
    kind = _APO_KINDS.get(tokens[1].upper())
    if kind is None:
        raise DataFormatError(f"{where}: filter type {quote_short(tokens[1])} has no place in eqmorph's EQ; it reads "
                              f"{_TYPES}.{_type_hint(tokens[1].upper())}")
    values: dict[str, float] = {}
    given: dict[str, str] = {}  # each value's text as the line gave it, to name both when one is given twice
    slope = _shelf_slope(tokens, kind)
    i = 2 if slope is None else 2 + len(slope.split())
    slope_db = None if slope is None else parse_number(slope[:-2].strip(), "slope", where)
    while i < len(tokens):
        key = tokens[i].upper()
        if key == "BW" and i + 2 < len(tokens) and tokens[i + 1].upper() == "OCT":
            key, value, end = "Q", _q_from_octaves(parse_number(tokens[i + 2], "BW Oct", where), where), i + 3
        elif key in _UNITS and i + 1 < len(tokens):
            value = parse_number(_without_glued_unit(tokens[i], tokens[i + 1], where), key.capitalize(), where)
            end = i + 2 + _unit_length(tokens, i, where)
        else:
            raise DataFormatError(f"{where}: {_unexpected(tokens, i)}")
        said = " ".join(tokens[i:end])
        if key in given:  # Equalizer APO would keep the last one silently: a +3 dB boost became a -6 dB cut
            raise DataFormatError(f"{where}: the filter gives {_KEY_NAMES[key]} twice, {given[key]!r} and {said!r}; "
                                  f"a Filter line gives each of Fc, Gain and Q (or BW Oct) once: keep the one meant")
        values[key], given[key] = value, said
        i = end
    if slope is not None and "Q" in values:
        raise DataFormatError(f"{where}: the shelf gives both a slope ({slope!r}) and a Q ({values['Q']:g}); a shelf's "
                              f"width is one or the other: remove {slope!r} to read it by its Q, or the Q to read it "
                              "by its slope")
    if kind == "peaking" and "Q" not in values:
        raise DataFormatError(f"{where}: a peaking filter needs Q or BW Oct")
    missing = [name for name in ("Fc", "Gain") if name.upper() not in values]
    if missing:
        raise DataFormatError(f"{where}: filter lacks {' and '.join(missing)}")
    if slope_db is not None:
        values["Q"], values["FC"] = _shelf_from_slope(kind, tokens[1].upper(), slope_db, values["GAIN"],
                                                       values["FC"], where)
    f = ApoFilter(kind, values["GAIN"], values["FC"], values.get("Q", DEFAULT_SHELF_Q), where)
    for name, value in zip(PARAM_NAMES, f[1:4]):
        r = READABLE[name]
        if not (math.isfinite(value) and r.low <= value <= r.high):
            raise ParameterError(f"{where}: {kind}.{name}", value, readable_rule(kind, name))
    return f


def _shelf_from_slope(kind: str, apo_type: str, slope_db: float, gain_db: float, fc_hz: float,
                      where: str) -> tuple[float, float]:
    """``(q, freq_hz)`` of the RBJ shelf Equalizer APO builds from ``LSC 12 dB Fc .. Gain ..`` (a slope in dB/octave).

    Equalizer APO takes the slope as the RBJ Audio-EQ-Cookbook shelf slope ``S = slope_db / 12`` (12 dB/octave is
    S = 1, the steepest shelf without overshoot), and the cookbook relates S and Q by
    ``1/Q = sqrt((A + 1/A)(1/S - 1) + 2)``, ``A = 10^(gain_db/40)``: 12 dB is Q = 1/sqrt(2) at any gain.  A type
    without the final C (``LS``, ``HS``) gives the shelf's corner, not its midpoint: Equalizer APO moves it by
    ``10^(|gain_db| / (80 S))``, up for a low shelf and down for a high one (its "frequency adjustment for
    DCX2496", filters/BiQuadFilter.cpp), and so is it read here.
    """
    if not (math.isfinite(slope_db) and slope_db > 0.0):
        raise ParameterError(f"{where}: {kind}.slope_db", slope_db, "a slope above 0 dB per octave (12 dB is Q 0.7071)")
    s = slope_db / 12.0
    a_plus_inverse = 10.0 ** (gain_db / 40.0) + 10.0 ** (-gain_db / 40.0)
    under_root = a_plus_inverse * (1.0 / s - 1.0) + 2.0
    if under_root <= 0.0:  # only with a gain: at 0 dB, A + 1/A = 2 and the root is 2/S
        steepest = 12.0 / (1.0 - 2.0 / a_plus_inverse)
        raise ParameterError(f"{where}: {kind}.slope_db", slope_db,
                             f"a slope below {steepest:.4g} dB per octave for a {gain_db:g} dB shelf (a steeper one "
                             "has no RBJ shelf Q)")
    if apo_type in ("LS", "HS"):
        shift = 10.0 ** (abs(gain_db) / (80.0 * s))
        fc_hz = fc_hz * shift if kind == "low_shelf" else fc_hz / shift
    return 1.0 / math.sqrt(under_root), fc_hz


def readable_rule(kind: str, name: str, described: str | None = None) -> str:
    """What a preset filter's ``name`` (gain_db, freq_hz, q) may be, and what happens inside that range but outside
    the band's own: the one wording, for every refusal, of the rule in :mod:`eqmorph.io.apo`.

    ``described``: the readable range in other terms (``BW Oct`` in octaves), else :data:`READABLE`'s.
    """
    band = param_range(BAND_KINDS.index(kind), PARAM_NAMES.index(name))
    readable = READABLE[name].describe()
    label = {"gain_db": "gain", "freq_hz": "frequency", "q": "Q"}[name]
    return (f"{described or readable} in a preset; within {readable} a {label} outside eqmorph's "
            f"{kind.replace('_', ' ')} range {band.describe()} is fitted, not refused")


def _shelf_slope(tokens: list[str], kind: str) -> str | None:
    """``"12 dB"`` when a shelf's type is followed by a slope (Equalizer APO's ``LSC 12 dB Fc ...``), else None."""
    if kind == "peaking" or len(tokens) < 3:
        return None
    first = tokens[2]
    if first.upper().endswith("DB") and _NUMBER.fullmatch(first[:-2]):  # "12dB"
        return first
    if _NUMBER.fullmatch(first) and len(tokens) > 3 and tokens[3].upper() == "DB":
        return f"{first} {tokens[3]}"
    return None


def _type_hint(apo_type: str) -> str:
    """What to do with a filter type eqmorph has no band for: the likely strangers in a real preset get advice."""
    passes = _PASS_FILTERS.get(apo_type)
    if passes:
        return (f" The 5 bands have no {passes[0]} filter: switch the line OFF to import the rest; the studio term "
                f"{passes[1]!r} (eqmorph generate {passes[1]!r}) is a shelf in its place")
    if apo_type == "AP":  # an all-pass filter shifts only phase: leaving it out changes no level at any frequency
        return (" The 5-band EQ has no all-pass filter; an all-pass changes only the phase, not the level at any "
                "frequency, so switching the line OFF imports the rest with the same tone")
    return ""


def _without_glued_unit(name: str, token: str, where: str) -> str:
    """``token``, refused with the way to write it when a unit is glued to its number (``1.5k``, ``1000Hz``, ``3dB``):
    the value and its unit are two words, in Hz and dB."""
    glued = _GLUED.fullmatch(token)
    if glued is None or name.upper() == "Q":
        return token  # not a number with a unit: parse_number says what it is
    number, unit = glued.group(1), glued.group(3).upper()
    if name.upper() == "FC":
        hz = float(number) * (1000.0 if unit in ("K", "KHZ") else 1.0)
        example = f"Fc {hz:g} Hz"
    else:
        example = f"Gain {number} dB"
    raise DataFormatError(f"{where}: {quote_short(f'{name} {token}')}: the value and its unit are two words, in Hz "
                          f"for Fc and dB for Gain: write {example!r}")


def _unit_length(tokens: list[str], i: int, where: str) -> int:
    """How many tokens after ``tokens[i]``'s value are its unit (0 or 1); a unit of another kind is refused, saying
    which unit the keyword takes (``Fc 1.5 kHz`` was 'unexpected kHz; expected Fc, Gain, Q or BW Oct')."""
    key, unit = tokens[i].upper(), _UNITS[tokens[i].upper()]
    after = tokens[i + 2] if i + 2 < len(tokens) else ""
    if not unit or not after or after.upper() in (*_UNITS, "BW") or _NUMBER.fullmatch(after):
        return 0  # no unit (Equalizer APO reads 'Fc 1000'), or the next keyword, or a stray number _unexpected names
    if after.upper() == unit:
        return 1
    name, value = tokens[i], tokens[i + 1]
    if key == "FC":
        example = f"Fc {float(value) * 1000.0:g} Hz" if after.upper() == "KHZ" else f"Fc {value} Hz"
        takes = "Fc takes a frequency in Hz"
    else:
        example, takes = f"Gain {value} dB", "Gain takes decibels (not a ratio or a percentage)"
    raise DataFormatError(f"{where}: {quote_short(f'{name} {value} {after}')}: the unit {quote_short(after)} is not "
                          f"read; {takes}: write {example!r}")


def _unexpected(tokens: list[str], i: int) -> str:
    """Why ``tokens[i]`` cannot be read where a keyword belongs: a value without its keyword says which one."""
    token = tokens[i]
    unit = tokens[i + 1].upper() if i + 1 < len(tokens) else ""
    if _NUMBER.fullmatch(token) and unit in ("HZ", "DB"):
        keyword, what = ("Fc", "frequency") if unit == "HZ" else ("Gain", "gain")
        return (f"the {keyword} keyword is missing before {quote_short(f'{token} {tokens[i + 1]}')}; a {what} is "
                f"written '{keyword} {token} {tokens[i + 1]}'")
    if token.upper() == "BW":  # Equalizer APO's 'BW 200 Hz' is a width in Hz, which no band here is given in
        return (f"{quote_short(' '.join(tokens[i:i + 3]))}: eqmorph reads a peaking filter's width as 'BW Oct "
                f"<octaves>' or 'Q <q>', not in Hz")
    return f"unexpected {quote_short(token)}; expected Fc, Gain, Q or BW Oct"
