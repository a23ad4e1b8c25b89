"""How a preset says eqmorph made it, read back: the words, weights, alpha, intensity, crowd, model, the recordings
of a match and the preset an edit started from (:data:`eqmorph.io.preset_json.META_KEYS`).

JSON holds them as fields; APO and GraphicEQ text in the ``# eqmorph ...`` line before the first filter
(:func:`eqmorph.io.apo.describe_origin` writes it); CSV in its ``eqmorph`` row, which says the same
(:func:`eqmorph.io.preset_csv.origin_cell`; a CSV written before it had one says nothing, as a user's own).
``eqmorph import`` carries them into the file it converts to (it had written the EQ alone: a new-user trial,
2026-12-04), and a match stays known as one, whose level describe leaves out (``Morpher.describe(...,
level_free=True)``). :func:`eqmorph.io.presets.import_preset` reads it from the text it has accepted
(``ImportedPreset.provenance``: the file is read once); a field that does not read as its kind is left out, never an
error: the EQ is the file's content, its provenance a note.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from eqmorph.errors import ParameterError
from eqmorph.io.preset_csv import origin_cell
from eqmorph.io.preset_json import META_KEYS, check_meta
from eqmorph.io.preset_text import read_preset_text

_MATCH = "match of "
_EDITED = "edited from "
_CSV_HEADS = ("name,", "name;", "band,", "band;")  # a CSV preset's header (the older one named the column "band")


def preset_provenance(path: str | Path) -> dict[str, Any]:
    """The provenance fields the preset at ``path`` holds (keys of ``META_KEYS``; only those given and valid)."""
    return text_provenance(read_preset_text(path))


def text_provenance(text: str) -> dict[str, Any]:
    """The provenance fields of a preset's ``text`` in JSON, APO, GraphicEQ or CSV syntax."""
    head = text.lstrip()
    if head.startswith("{"):
        said = _json_fields(text)
    elif head.lower().startswith(_CSV_HEADS):
        said = _origin_fields(origin_cell(text) or "")
    else:
        said = _comment_fields(text)
    out: dict[str, Any] = {}
    for key, value in said.items():
        try:
            out[key] = check_meta({key: value})[key]
        except ParameterError:
            continue  # a hand-edited field: the EQ is still read, the note is dropped
    return {key: value for key, value in out.items() if value is not None}


def match_recordings(preset: str | Path | Mapping[str, Any]) -> tuple[str, str] | None:
    """``(input, reference)``: the recordings of the match a preset is (its path, or its provenance already read:
    ``ImportedPreset.provenance``), else None (an ``eqmorph edit`` of a match is one too)."""
    said = preset if isinstance(preset, Mapping) else preset_provenance(preset)
    return (said["input"], said["reference"]) if "input" in said and "reference" in said else None


def match_origin(preset: str | Path | Mapping[str, Any]) -> str | None:
    """``"match of song.wav to reference.wav"`` when a preset (its path or provenance) says ``eqmorph match`` made it,
    else None. A match's overall level is its fit's choice, not a sound: that is what this tells describe."""
    found = match_recordings(preset)
    return None if found is None else f"{_MATCH}{found[0]} to {found[1]}"


def _json_fields(text: str) -> dict[str, Any]:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return {key: doc[key] for key in META_KEYS if key in doc} if isinstance(doc, dict) else {}


def _comment_fields(text: str) -> dict[str, Any]:
    """The fields of eqmorph's comment line (``# eqmorph 5-band EQ: words warm; intensity 1; model ...``)."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break  # eqmorph's comment comes before the first Preamp or Filter line
        what, _, origin = stripped.partition(":")
        if what.lstrip("# ").startswith("eqmorph"):  # a user's own comment names nothing eqmorph made
            return _origin_fields(origin)
    return {}


def _origin_fields(origin: str) -> dict[str, Any]:
    """The fields of a comment's ``words warm, bright; alpha 0.5; ...`` (the inverse of describe_origin)."""
    out: dict[str, Any] = {}
    for part in (p.strip() for p in origin.split(";")):
        if part.startswith(_MATCH):  # a name holding " to " splits at its last one
            recording, _, reference = part.removeprefix(_MATCH).rpartition(" to ")
            if recording and reference:
                out["input"], out["reference"] = recording, reference
        elif part.startswith(_EDITED):
            start, _, moves = part.removeprefix(_EDITED).partition(": ")
            out["start"] = start
            out["weights"] = _number_map(moves, " ", signs={"more": 1.0, "less": -1.0})
        else:
            key, _, value = part.partition(" ")
            key = "model_id" if key == "model" else key
            if key == "words":
                out[key] = [w.strip() for w in value.split(",") if w.strip()]
            elif key == "weights":
                out[key] = _number_map(value, "=")
            elif key in ("alpha", "intensity", "amount"):
                out[key] = _number(value)
            elif key in ("source", "model_id"):
                out[key] = value
            elif key == "band":  # "band 20.0-7023.5 Hz"
                low, _, high = value.removesuffix(" Hz").partition("-")
                numbers = (_number(low), _number(high))
                if None not in numbers:
                    out["band_hz"] = numbers
    return out


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _number_map(text: str, sep: str, signs: dict[str, float] | None = None) -> dict[str, float] | None:
    """``"warm=0.5, bright=0.5"`` (or an edit's ``"more bright 0.5, less muddy 0.3"``) as ``{word: number}``; None when
    a part does not read so."""
    out: dict[str, float] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        word, _, value = part.rpartition(sep)
        sign = 1.0
        if signs is not None:
            way, _, word = word.partition(" ")
            if way not in signs:
                return None
            sign = signs[way]
        number = _number(value)
        if not word or number is None:
            return None
        out[word.strip()] = sign * number
    return out or None


__all__ = ["match_origin", "match_recordings", "preset_provenance", "text_provenance"]
