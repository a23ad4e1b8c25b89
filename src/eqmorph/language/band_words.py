"""Band words: studio terms for a region of the spectrum ("presence", "sibilance", "rumble"), defined as EQ moves.

The crowd data has no examples of them, so the model cannot learn them; they are the words a mixing
engineer types most ("more presence", "less sibilant", "cut the rumble"), and each names a region
by convention. ``band_words.tsv`` (next to this module) defines each as a bell or shelf at intensity 1,
with its source (Kulka's six ranges, the telephone band, studio usage). The parser reads a word from
this table only when the vocabulary does not know it, so no crowd word is ever replaced.

A band word's EQ is the flat EQ with its band(s) set: a shelf takes the shelf slot, a bell the
peaking slot whose neutral frequency (300, 1,000, 3,000 Hz) lies nearest on a log scale, and the
peaks are kept sorted as every EQ's are.
"""

from __future__ import annotations

import functools
import importlib.resources
import math
import re
from dataclasses import dataclass, replace

import numpy as np

from eqmorph.core.conventions import AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.eq import canonical_array, check_params
from eqmorph.core.ranges import FREQ_HZ, PEAK_SLICE, flat_params
from eqmorph.core.schema import hz_text
from eqmorph.errors import DataFormatError, ParameterError
from eqmorph.language.terms import normalise_term

BAND_WORDS_FILE = "band_words.tsv"
_SLOTS = {"low_shelf": 0, "high_shelf": 4}  # shelves have one slot each; bells take the nearest peaking slot
_KINDS = ("low_shelf", "peaking", "high_shelf")


@dataclass(frozen=True)
class BandMove:
    """One filter of a band word at intensity 1."""

    kind: str  # low_shelf, peaking or high_shelf
    freq_hz: float
    q: float
    gain_db: float


@dataclass(frozen=True)
class BandWord:
    """A studio term and the EQ move it names."""

    name: str  # the first form in the table, e.g. "sibilance"
    forms: tuple[str, ...]  # every spelling that reads as it, the name first
    moves: tuple[BandMove, ...]
    source: str  # kulka, itu or eng (the table's header says what each is)
    range_text: str  # the region in words, e.g. "5.8-8.4 kHz"
    spanish: str | None = None  # its Spanish name, one of the forms ("agudos"); None: no Spanish description says it

    def params(self) -> np.ndarray:
        """Physical ``(5, 3)`` EQ: the flat EQ with this word's bands set (see the module docstring)."""
        p = flat_params()
        for move in self.moves:
            slot = _SLOTS.get(move.kind)
            if slot is None:
                peaks = p[PEAK_SLICE, 1]
                slot = 1 + int(np.argmin(np.abs(np.log(peaks / move.freq_hz))))
            p[slot] = (move.gain_db, move.freq_hz, move.q)
        return canonical_array(p)

    def language_of(self, form: str) -> str | None:
        """"en" or "es" for one of this word's forms: the table lists the English forms first, so the forms from its
        Spanish name on are Spanish ("graves", "bajos"); None for a form of a word whose Spanish name is its name too
        ("nasal"), or not one of its forms."""
        if form not in self.forms:
            return None
        if self.spanish is None:
            return "en"
        first_spanish = self.forms.index(self.spanish)
        if first_spanish == 0:
            return None
        return "es" if self.forms.index(form) >= first_spanish else "en"

    def summary(self) -> str:
        """The move in words, e.g. ``+6 dB bell at 7 kHz, Q 2 (5.8-8.4 kHz ...)``."""
        moves = " and ".join(f"{m.gain_db:+g} dB {_KIND_TEXT[m.kind]} at {hz_text(m.freq_hz)}"
                             + (f", Q {m.q:g}" if m.kind == "peaking" else "") for m in self.moves)
        return f"{moves} ({self.range_text})"

    @property
    def span_text(self) -> str:
        """The region's span alone, without its explanation ("250-1000 Hz")."""
        return self.range_text.split(":")[0]


_KIND_TEXT = {"low_shelf": "low shelf", "peaking": "bell", "high_shelf": "high shelf"}


def parse_band_words(text: str) -> dict[str, BandWord]:
    """Band words by name from a table (``#`` comments; tab-separated ``forms band freq_hz q gain_db source range es``).

    A row whose first form names a word already read adds a filter to it (lo-fi has two shelves). ``es``, the
    Spanish name, is optional and must be one of the row's forms (so a Spanish description reads back).
    :class:`DataFormatError` names the line of a malformed row or one outside the EQ's ranges.
    """
    words: dict[str, BandWord] = {}
    owner: dict[str, str] = {}  # form -> name
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{BAND_WORDS_FILE} line {number}"
        cells = line.split("\t")
        if len(cells) not in (7, 8) or cells[1] not in _KINDS or not all(c.strip() for c in cells):
            raise DataFormatError(f"{where}: expected 'forms<TAB>band<TAB>freq_hz<TAB>q<TAB>gain_db<TAB>source"
                                  f"<TAB>range[<TAB>es]' with band one of {', '.join(_KINDS)}, got {line!r}")
        try:
            freq_hz, q, gain_db = (float(c) for c in cells[2:5])
        except ValueError:
            raise DataFormatError(f"{where}: freq_hz, q and gain_db must be numbers, got {cells[2:5]}") from None
        forms = tuple(dict.fromkeys(normalise_term(f) for f in cells[0].split(",") if f.strip()))
        spanish = normalise_term(cells[7]) if len(cells) == 8 else None
        if spanish is not None and spanish not in forms:
            raise DataFormatError(f"{where}: the Spanish name {spanish!r} is not one of the forms {list(forms)}")
        move = BandMove(cells[1], freq_hz, q, gain_db)
        name = forms[0]
        if name in words:
            w = words[name]
            words[name] = BandWord(name, w.forms, (*w.moves, move), w.source, w.range_text, w.spanish or spanish)
        else:
            words[name] = BandWord(name, forms, (move,), cells[5].strip(), cells[6].strip(), spanish)
        for form in forms:
            if owner.setdefault(form, name) != name:
                raise DataFormatError(f"{where}: {form!r} is already a form of {owner[form]!r}")
    for w in words.values():
        _check_moves(w)
    return words


def _check_moves(word: BandWord) -> None:
    """:class:`DataFormatError` if ``word``'s filters fall outside the EQ's ranges or fight for one slot."""
    kinds = [m.kind for m in word.moves]
    if len(kinds) != len(set(kinds)) or not all(math.isfinite(v) for m in word.moves
                                                 for v in (m.freq_hz, m.q, m.gain_db)):
        raise DataFormatError(f"{BAND_WORDS_FILE}: {word.name!r} needs finite values and one filter per band kind")
    try:
        check_params(word.params())
    except ParameterError as exc:
        raise DataFormatError(f"{BAND_WORDS_FILE}: {word.name!r} is outside the EQ's ranges: {exc}") from None


@functools.cache
def band_words() -> dict[str, BandWord]:
    """Every band word of the bundled table, by name (read once per process)."""
    text = (importlib.resources.files("eqmorph.language") / BAND_WORDS_FILE).read_text(encoding="utf-8")
    return parse_band_words(text)


@functools.cache
def _by_form() -> dict[str, BandWord]:
    return {form: w for w in band_words().values() for form in w.forms}


def band_word(text: str) -> BandWord | None:
    """The band word ``text`` spells (any of its forms, normalised, or a filter word's corner as
    :func:`cornered` names it), else ``None``."""
    key = normalise_term(text)
    return _by_form().get(key) or _corner_by_name(key)


# The filter words whose corner a frequency may set ("low cut at 30 Hz"), with the slot their shelf takes: the
# frequency must lie in that shelf's range (core.ranges). Fixed at 100 Hz and 10 kHz, "low cut at 30 Hz" took 6 dB off
# 100 Hz (a twenty-seventh trial, 2026-12-04).
CORNER_WORDS = {"low cut": "low_shelf", "high cut": "high_shelf"}
# Band words whose name is a cut already: the direction a list carries does not reach them ("cut the mud and hpf" read
# as "less hpf", a 6 dB bass boost: a twenty-eighth trial, 2026-12-04).
CUTTING_WORDS = frozenset({*CORNER_WORDS, "de-ess"})
_CORNER_NAME = re.compile(r"(low cut|high cut) at (\d+(?:\.\d+)?) (k?hz)")


def cornered(word: BandWord, freq_hz: float) -> BandWord | None:
    """The filter word ``word`` (:data:`CORNER_WORDS`) with its shelf at ``freq_hz``, named "low cut at 30 Hz";
    None for another word or a frequency outside its shelf's range."""
    kind = CORNER_WORDS.get(word.name)
    freq_hz = float(round(freq_hz)) if freq_hz < 1000.0 else round(freq_hz, -2)  # as hz_text says it: the name holds it
    if kind is None or not FREQ_HZ[kind].low <= freq_hz <= FREQ_HZ[kind].high:
        return None
    said = hz_text(freq_hz)
    name = f"{word.name} at {said}"
    side = "below" if kind == "low_shelf" else "above"
    return BandWord(name, (normalise_term(name),), tuple(replace(m, freq_hz=freq_hz) for m in word.moves),
                    word.source, f"{side} {said}, the corner asked for; the 5-band EQ has no filter, so its shelf cuts")


@functools.lru_cache(maxsize=64)
def _corner_by_name(key: str) -> BandWord | None:
    found = _CORNER_NAME.fullmatch(key)
    if found is None:
        return None
    freq_hz = float(found.group(2)) * (1000.0 if found.group(3) == "khz" else 1.0)
    word = cornered(band_words()[found.group(1)], freq_hz)
    return word if word is not None and normalise_term(word.name) == key else None


@functools.cache
def _params_by_name() -> dict[str, np.ndarray]:
    out = {}
    for name, w in band_words().items():
        p = w.params()
        p.flags.writeable = False  # shared by every caller, as the Morpher's decoded word table is
        out[name] = p
    return out


def band_params(name: str) -> np.ndarray | None:
    """Read-only ``(5, 3)`` EQ of the band word called ``name`` exactly (its first form, or a corner's name:
    :func:`cornered`), else ``None``."""
    params = _params_by_name().get(name)
    return params if params is not None else _corner_params(name)


@functools.lru_cache(maxsize=64)
def _corner_params(name: str) -> np.ndarray | None:
    """Read-only ``(5, 3)`` EQ of a corner's name ("low cut at 30 Hz"), built once per name, as a band word's is."""
    corner = _corner_by_name(normalise_term(name))
    if corner is None or corner.name != name:
        return None
    params = corner.params()
    params.flags.writeable = False
    return params


def find_band_words(text: str) -> list[BandWord]:
    """Band words with a form holding ``text`` at the start of one of its words (normalised; "pres" finds presence,
    "cut" low cut and high cut, "and" not "air band": it is a joining word), in the table's order; none for empty
    text."""
    key = normalise_term(text)
    return [w for w in band_words().values() if key and any(re.search(rf"(?:^|[\s-]){re.escape(key)}", form)
                                                            for form in map(_content, w.forms))]


# Small words inside multi-word forms ("lost in the mix", "se pierde en la mezcla") that a search does not match.
_FORM_FILLERS = frozenset({"the", "in", "of", "a", "en", "la", "el", "se", "de"})


def _content(form: str) -> str:
    """``form`` without its small words: what a search for a studio term may match."""
    return " ".join(word for word in form.split() if word not in _FORM_FILLERS)


# Band words that name a region of the spectrum, not a problem in it (rumble, honky, nasal, sibilance, hiss) nor an
# action (lo-fi, the filters, de-ess): what a frequency a user typed is said as ("300hz" lies in the low mids).
# Together they cover the audible band, from their rows' range column.
REGION_WORDS = ("sub bass", "bass", "low mids", "mids", "high mids", "presence", "treble")
_RANGE = re.compile(r"(?:(below|above) ([\d.]+)|([\d.]+)-([\d.]+)) (k?Hz)")


def region_hz(word: BandWord) -> tuple[float, float] | None:
    """``(low, high)`` in Hz of the region ``word``'s range column names ("250-1000 Hz", "below 250 Hz": from 20 Hz,
    "above 6 kHz": to 20 kHz), or None when it names none."""
    found = _RANGE.match(word.range_text)
    if found is None:
        return None
    side, edge, low, high, unit = found.groups()
    scale = 1000.0 if unit == "kHz" else 1.0
    if side == "below":
        return AUDIBLE_LOW_HZ, float(edge) * scale
    if side == "above":
        return float(edge) * scale, AUDIBLE_HIGH_HZ
    return float(low) * scale, float(high) * scale


def band_word_at(freq_hz: float) -> BandWord | None:
    """The region word (``REGION_WORDS``) whose region holds ``freq_hz``; of two that overlap, the one whose
    centre (on a log scale) is nearest. None outside them all."""
    held = []
    for name in REGION_WORDS:
        span = region_hz(band_words()[name])
        if span is not None and span[0] <= freq_hz <= span[1]:
            held.append((abs(math.log(freq_hz / math.sqrt(span[0] * span[1]))), band_words()[name]))
    return min(held, key=lambda pair: pair[0])[1] if held else None


def band_word_forms() -> frozenset[str]:
    """Every spelling of every band word (for multi-word matching and tests)."""
    return frozenset(_by_form())


__all__ = ["CORNER_WORDS", "CUTTING_WORDS", "REGION_WORDS", "BandMove", "BandWord", "band_params", "band_word",
           "band_word_at", "band_word_forms", "band_words", "cornered", "find_band_words", "parse_band_words",
           "region_hz"]
