"""Equalizer APO / AutoEq parametric text: reading any filters and GraphicEQ lines, writing eqmorph's EQ.

The format (AutoEq publishes it as ``ParametricEQ.txt``)::

    Preamp: -3.1 dB
    Filter 1: ON LSC Fc 105.0 Hz Gain 3.00 dB Q 0.710
    Filter 2: ON PK Fc 1000.0 Hz Gain -2.50 dB Q 1.410
    Filter 5: ON HSC Fc 8000.0 Hz Gain 2.00 dB Q 0.710

eqmorph's shelves are RBJ cookbook shelves with ``f0 = Fc`` and a Q, which is how
AutoEq defines LSC/HSC; LS/LSQ and HS/HSQ are read the same way.  A shelf's slope in dB per
octave (Equalizer APO's and Room EQ Wizard's ``LSC 12dB Fc 90 Hz Gain 3 dB``, ``LS 6 dB``, ``HSC 12 dB``)
is read as the cookbook's shelf slope ``S = slope / 12``, its Q ``1/sqrt((A + 1/A)(1/S - 1) + 2)`` (12 dB
is Q 0.7071) and, for LS/HS, Fc as Equalizer APO's corner; a slope <= 0 dB, one too steep for its gain
and a shelf with both a slope and a Q are refused.  A peaking
bandwidth given as ``BW Oct N`` becomes ``Q = 1 / (2 sinh(ln(2) / 2 * N))``
(RBJ Audio-EQ-Cookbook, analogue bandwidth relation).  ``GraphicEQ:`` lines (AutoEq's
GraphicEQ.txt, see :mod:`eqmorph.io.graphiceq`) are read as curves.  Parsing uses no regex
with nested repetition and no ``eval``, so hostile text costs linear time.

One rule for a filter's values, whatever the preset's layout (:data:`READABLE`, applied to each
``Filter`` line by :mod:`eqmorph.io.apo_filter`):

- a value no preset means is refused when the line is read, naming the line, the value and the
  range: gains beyond +-100 dB, Qs outside 0.001..1000 (``BW Oct`` too, through its Q), and
  frequencies outside 1 Hz..24 kHz (above 24 kHz, Nyquist at 48 kHz, a filter acts on nothing the
  streams presets are made for carry).  A lone ``PK Fc 100000 Hz`` and the same filter among
  five are refused alike;
- a preset whose filters fit the layout (at most one low shelf, three peaking filters and one
  high shelf) and each the ranges of its own band is placed exactly (:func:`eqmorph.io.placement.placeable`);
  missing bands are 0 dB;
- anything else readable is fitted (:mod:`eqmorph.io.layout`), alone or among five: a 2 kHz low
  shelf (eqmorph's stops at 1 kHz), a Q 12 notch of a room correction, a 10 Hz shelf, a 30 dB boost.

:func:`read_apo` reads any number of shelves and peaks and any curves; :func:`from_apo` takes
only text in eqmorph's layout and keeps its values exactly; :mod:`eqmorph.io.layout` fits the rest.
The preamp written is :func:`eqmorph.core.preamp.preamp_db`, the one every export uses.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from eqmorph.core.eq import EQ
from eqmorph.core.preamp import preamp_db
from eqmorph.errors import DataFormatError, ParameterError
from eqmorph.io.apo_filter import (  # noqa: F401  (READABLE and readable_rule: the rule's home is this module)
    READABLE,
    ApoFilter,
    decimal_point,
    parse_filter,
    parse_number,
    quote_short,
    readable_rule,
)
from eqmorph.io.graphiceq import GraphicCurve, parse_graphiceq, preamp_text
from eqmorph.io.placement import exact_eq, layout_problem
from eqmorph.io.preset_text import read_preset_text

# A preamp written, read or applied goes as far as a filter's gain may, no further: eqmorph.audio.filtering takes
# the same limit for the gain it applies, so a preset that import accepts is one that apply plays.
MIN_PREAMP_DB = READABLE["gain_db"].low
MAX_PREAMP_DB = READABLE["gain_db"].high
PREAMP_RULE = f"a number of dB from {MIN_PREAMP_DB:g} to {MAX_PREAMP_DB:g}"
MAX_INCLUDE_DEPTH = 8  # Include chains deeper than this are loops or mistakes
APO_DECIMALS = {"gain_db": 2, "freq_hz": 1, "q": 3}  # printed precision; range bounds are exact at it

_APO_WRITE = {"low_shelf": "LSC", "peaking": "PK", "high_shelf": "HSC"}
_COMMAND = re.compile(r"([A-Za-z]+)\s*(\d*)\s*:(.*)")
# Room EQ Wizard's text export starts so; its Filter lines are Equalizer APO's, spaced into columns, with
# "Filter 5: ON None" for a filter REW left unused (skipped as OFF filters are: eqmorph.io.apo_filter).
REW_FIRST_LINE = "Filter Settings file"
# Channel lines naming every channel of a usual layout (stereo, quad, 5.1, 7.1; names or numbers), as a stereo
# config.txt's "Channel: L R" does; read without the recording, "L R" is all channels even for a 5.1 file.
EVERY_CHANNEL = frozenset(frozenset(names.split()) for names in (
    "ALL", "L R", "L R RL RR", "L R C SUB RL RR", "L R C SUB SL SR", "L R C SUB RL RR SL SR", "1 2", "1 2 3 4",
    "1 2 3 4 5 6", "1 2 3 4 5 6 7 8"))


class ApoPreset(NamedTuple):
    """What an Equalizer APO text holds: the EQ and the preamp it asked for (sum of its Preamp lines)."""

    eq: EQ
    preamp_db: float


# --- Equalizer APO / AutoEq --------------------------------------------------
def describe_origin(meta: Mapping[str, Any]) -> str:
    """``words warm, bright; alpha 0.5; ...``: how an EQ was made, for a comment line (empty if unknown).

    An edit (``start``: the preset it began from) reads ``edited from warm.txt: more bright 0.5; model ...``; a match
    (``input`` and ``reference``: the recordings) ``match of guitar.wav to piano.wav; amount 1; model ...``.
    """
    parts = []
    start = meta.get("start")
    if start is not None:
        weights = meta.get("weights") or {}
        moves = ", ".join(f"{'more' if v >= 0 else 'less'} {w} {abs(v):g}" for w, v in weights.items())
        parts.append(f"edited from {start}" + (f": {moves}" if moves else ""))
    said = {"start", "words", "weights"} if start is not None else set()
    if meta.get("input") is not None and meta.get("reference") is not None:
        parts.append(f"match of {meta['input']} to {meta['reference']}")
        said |= {"input", "reference"}
    for key, value in meta.items():
        if value is None or key in said:
            continue
        if key == "words":
            value = ", ".join(value)
        elif key == "band_hz":  # to 0.1 Hz, outward: the same points of any grid finer than that stay inside
            parts.append(f"band {math.floor(value[0] * 10) / 10:.1f}-{math.ceil(value[1] * 10) / 10:.1f} Hz")
            continue
        elif key == "weights":
            value = ", ".join(f"{w}={v:g}" for w, v in value.items())
        elif isinstance(value, float):
            value = f"{value:g}"
        parts.append(f"{key.replace('model_id', 'model')} {value}")
    return " ".join("; ".join(parts).split())  # one line whatever the words hold


def comment_line(what: str, meta: Mapping[str, Any]) -> str:
    """``# what: how it was made`` (:func:`describe_origin`), the first line of eqmorph's APO-syntax files."""
    origin = describe_origin(meta)
    return f"# {what}" + (f": {origin}" if origin else "")


def check_preamp(preamp: float | None) -> float | None:
    """``preamp`` (dB) to write instead of the EQ's own, or None: a finite number within +-:data:`MAX_PREAMP_DB`."""
    if preamp is None:
        return None
    if isinstance(preamp, bool) or not isinstance(preamp, int | float) or not in_preamp_range(preamp):
        raise ParameterError("preamp", preamp, f"{PREAMP_RULE}, or None for the EQ's own preamp")
    return float(preamp)


def in_preamp_range(db: float) -> bool:
    """Whether ``db`` is a preamp eqmorph reads, writes and applies (:data:`MIN_PREAMP_DB`..:data:`MAX_PREAMP_DB`)."""
    return MIN_PREAMP_DB <= db <= MAX_PREAMP_DB


def preamp_or_own(eq: EQ, preamp: float | None) -> float:
    """The preamp a file of ``eq`` says: ``preamp`` when given (a converted preset's own), else the EQ's
    (:func:`eqmorph.core.preamp.preamp_db`)."""
    checked = check_preamp(preamp)
    return preamp_db(eq) if checked is None else checked


def to_apo(eq: EQ, *, preamp: float | None = None, **meta: Any) -> str:
    """Equalizer APO parametric text: a ``#`` line saying how the EQ was made (``meta``), the preamp (the EQ's, or
    ``preamp`` when given: a converted preset's own), 5 filters."""
    d = APO_DECIMALS
    lines = [comment_line("eqmorph 5-band EQ", meta)]
    lines.append(f"Preamp: {preamp_text(preamp_or_own(eq, preamp))} dB")
    for i, b in enumerate(eq.bands, start=1):
        lines.append(
            f"Filter {i}: ON {_APO_WRITE[b.kind]} Fc {b.freq_hz:.{d['freq_hz']}f} Hz "
            f"Gain {fixed(b.gain_db, d['gain_db'])} dB Q {b.q:.{d['q']}f}"
        )
    return "\n".join(lines) + "\n"


def as_saved(params: np.ndarray) -> np.ndarray:
    """``(5, 3)`` rows ``(gain_db, freq_hz, q)`` as an Equalizer APO preset keeps them: each value as its text writes
    it (``APO_DECIMALS``), read back. ``describe`` judges an EQ so, so that an EQ and its saved-then-loaded preset are
    described alike (a 2-decimal gain or a 1-decimal frequency flipped a description: a new-user trial)."""
    rows = np.asarray(params, dtype=np.float64)
    decimals = (APO_DECIMALS["gain_db"], APO_DECIMALS["freq_hz"], APO_DECIMALS["q"])
    return np.array([[float(f"{v:.{d}f}") for v, d in zip(row, decimals)] for row in rows.tolist()])


def fixed(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals, a value that rounds to zero as ``0.00``: "-0.00 dB" reads as a cut."""
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0.0 else text


class ApoText(NamedTuple):
    """Everything an Equalizer APO text holds that shapes the sound: filters, GraphicEQ curves, summed preamp."""

    filters: list[ApoFilter]
    curves: list[GraphicCurve]
    preamp_db: float
    # Whether any Preamp line was given: "Preamp: 0.0 dB" says a curve is at its own level as much as -3 dB does.
    has_preamp: bool = False


def _parse_apo(text: str, root: Path | None, folder: Path | None, label: str, chain: tuple[Path, ...]) -> ApoText:
    """Filters, curves and summed preamp of one APO text; ``chain`` holds the files that included it."""
    filters: list[ApoFilter] = []
    curves: list[GraphicCurve] = []
    preamp = 0.0
    has_preamp = False
    in_rew_header = is_rew_export(text)
    for n, line in enumerate(text.splitlines(), start=1):
        where = f"{label}line {n}"
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _COMMAND.fullmatch(stripped)
        command = m.group(1).lower() if m else ""
        in_rew_header = in_rew_header and command != "filter"
        if in_rew_header:
            continue  # REW's version, date, notes, equaliser and measurement: nothing that shapes the sound
        if command == "filter":
            f = parse_filter(m.group(3), where)
            filters += [f] if f else []
        elif command == "preamp" and not m.group(2):
            tokens = re.sub(r"(?i)db$", " dB", m.group(3).strip()).split()  # "-3dB" is common too
            if not tokens or len(tokens) > 2 or (len(tokens) == 2 and tokens[1].upper() != "DB"):
                raise DataFormatError(f"{where}: expected 'Preamp: <gain> dB', found {quote_short(stripped)}")
            preamp += parse_number(tokens[0], "Preamp", where)
            has_preamp = True
        elif command == "graphiceq" and not m.group(2):
            curves.append(parse_graphiceq(m.group(3), where))
        elif command == "include" and not m.group(2):
            sub = _include(m.group(3).strip(), root, folder, where, chain)
            filters += sub.filters
            curves += sub.curves
            preamp += sub.preamp_db
            has_preamp = has_preamp or sub.has_preamp
        elif command == "device" and not m.group(2):
            continue  # names the sound card a config.txt is for; eqmorph's EQ is not tied to one
        elif command == "channel" and not m.group(2):
            if frozenset(m.group(3).upper().split()) not in EVERY_CHANNEL:  # those are what eqmorph's EQ does
                raise DataFormatError(
                    f"{where}: {quote_short(stripped)} applies the lines after it to some channels only, but "
                    "eqmorph's EQ applies to every channel; remove the Channel lines (or write 'Channel: all') "
                    "to use the filters on every channel"
                )
        else:
            raise DataFormatError(
                f"{where}: {quote_short(stripped)} cannot be read; eqmorph reads Preamp, Filter, GraphicEQ "
                "and Include lines (Device lines and a Channel line naming every channel are skipped)"
            )
    return ApoText(filters, curves, preamp, has_preamp)


def is_rew_export(text: str) -> bool:
    """Whether ``text`` is a Room EQ Wizard "Filter Settings file": its first line says so, and the lines up to its
    first ``Filter`` line are REW's header (version, ``Dated:``, ``Notes:``, ``Equaliser:``, the measurement)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first.lower() == REW_FIRST_LINE.lower()


def _include(name: str, root: Path | None, folder: Path | None, where: str, chain: tuple[Path, ...]) -> ApoText:
    if root is None or folder is None:
        raise DataFormatError(f"{where}: Include {quote_short(name)} needs the preset's folder (base_dir)")
    if len(chain) >= MAX_INCLUDE_DEPTH:
        raise DataFormatError(f"{where}: Include nesting deeper than {MAX_INCLUDE_DEPTH} files (a loop?)")
    try:
        target = (folder / name).resolve()
    except (OSError, ValueError) as exc:
        raise DataFormatError(f"{where}: Include {quote_short(name)} is not a usable path") from exc
    if not target.is_relative_to(root):
        raise DataFormatError(
            f"{where}: Include {quote_short(name)} resolves outside {str(root)!r}; only files inside it can be included"
        )
    if target in chain:
        raise DataFormatError(f"{where}: Include {quote_short(name)} includes itself (loop)")
    try:
        text = read_preset_text(target)
    except DataFormatError as exc:
        raise DataFormatError(f"{where}: Include {quote_short(name)}: {exc}") from exc
    return _parse_apo(text, root, target.parent, f"{target.relative_to(root)} ", (*chain, target))


def read_apo(text: str, *, base_dir: str | Path | None = None) -> ApoText:
    """Every active filter, GraphicEQ curve and the summed preamp of an Equalizer APO text.

    OFF filters, comments and blank lines are ignored (a text of nothing else is refused as empty), and so is the
    header of a Room EQ Wizard "Filter Settings file" (:func:`is_rew_export`) and its unused filters (``ON None``);
    ``Include:`` files are read relative to ``base_dir`` and must stay inside it.  An Equalizer APO
    config.txt's ``Device:`` lines and a ``Channel:`` naming every channel of a usual layout (``all``, ``L R``,
    :data:`EVERY_CHANNEL`) are skipped; one naming some channels (``L``, ``L C``) is refused, as eqmorph's EQ
    applies to every channel.
    """
    root = None if base_dir is None else Path(base_dir).resolve()
    if not any(line.strip() and not line.strip().startswith("#") for line in text.splitlines()):
        # An empty file is more likely a failed save than a flat EQ: say so rather than import nothing.
        raise DataFormatError("no Preamp, Filter, GraphicEQ or Include line: the preset is empty (only blank "
                              "or comment lines)")
    content = _parse_apo(text, root, root, "", ())
    if not in_preamp_range(content.preamp_db):  # refused here, not later by apply under another name
        raise DataFormatError(f"the Preamp lines add up to {content.preamp_db:g} dB; expected {PREAMP_RULE}")
    return content


def from_apo(text: str, *, base_dir: str | Path | None = None) -> ApoPreset:
    """Read Equalizer APO / AutoEq text in eqmorph's layout into an :class:`ApoPreset` ``(eq, preamp_db)``, exactly.

    At most one low shelf, up to three peaking filters and at most one high shelf; missing bands
    become 0 dB bands (see :func:`eqmorph.io.placement.exact_eq`).  Other layouts raise :class:`DataFormatError` saying
    what was found, and values outside their band's range :class:`ParameterError`;
    :func:`eqmorph.io.layout.import_apo` fits both instead.
    """
    content = read_apo(text, base_dir=base_dir)
    problem = layout_problem(content)
    if problem:
        raise DataFormatError(problem)
    return ApoPreset(exact_eq(content.filters), content.preamp_db)


