"""eqmorph JSON presets, and the fields saying how an EQ was made (:data:`META_KEYS`; APO, GraphicEQ, the table).

The document is the EQ schema of :mod:`eqmorph.core.schema` with units, ``format``/``version``, how the EQ was
made and its preamp (``preamp_db``). Reading takes eqmorph's own documents (version 2, or 1), a hand-written
``{"bands": [...]}`` and the web API's EQ answers; 1 to 5 of eqmorph's bands, each kept exactly. A preamp read from
a file (JSON's ``preamp_db``, CSV's ``preamp`` row) is checked here for both formats (:func:`file_preamp`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from eqmorph.core import schema
from eqmorph.core.eq import EQ
from eqmorph.core.ranges import BAND_NAMES
from eqmorph.errors import DataFormatError, ParameterError
from eqmorph.io.apo import PREAMP_RULE, in_preamp_range, preamp_or_own
from eqmorph.io.placement import named_eq

JSON_FORMAT = "eqmorph-eq"
JSON_VERSION = 2  # 2: bands keyed "name" (the schema's); version 1 ("band") is still read
# start: the preset edited; input, reference and amount: the recordings a match was made from, and its amount;
# band_hz: the (low, high) Hz a match covers, where both recordings have sound (MatchResult.band_hz): describe judges
# the match there, as `eqmorph match` did (a thirteenth new-user trial: beyond it, the match's held-flat +6.5 dB above
# 7 kHz was read as a treble boost, and its preset described as "tinny" where the match said "less muddy").
META_KEYS = ("words", "weights", "alpha", "intensity", "source", "input", "reference", "amount", "band_hz",
             "model_id", "start")

# Keywords a call may give under another name it has elsewhere: the preamp (JSON's preamp_db) is a keyword of its own.
_KEYWORD_FOR = {"preamp_db": "preamp", "word": "words", "model": "model_id"}
_EXAMPLES = {"preamp": "-3", "words": "'warm'", "model_id": "m.model_id"}


def check_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """``meta`` with every key of :data:`META_KEYS` (None where not given), each checked; an unknown key or a value
    of the wrong kind -> :class:`ParameterError` naming it."""
    unknown = sorted(set(meta) - set(META_KEYS))
    if unknown:
        meant = _KEYWORD_FOR.get(unknown[0])
        # preamp_db is the JSON field's (and ImportedPreset's) name, which a user carries over to the call
        hint = f"; the keyword for that is {meant}= (e.g. {meant}={_EXAMPLES[meant]})" if meant else ""
        raise ParameterError("preset metadata", unknown[0], ", ".join(META_KEYS) + hint)
    out: dict[str, Any] = {key: meta.get(key) for key in META_KEYS}
    words = out["words"]
    if isinstance(words, str):
        out["words"] = [words]
    elif words is not None:
        if not (isinstance(words, Sequence) and all(isinstance(w, str) for w in words)):
            raise ParameterError("words", words, "a word or a list of words")
        out["words"] = list(words)
    for key in ("alpha", "intensity", "amount"):
        value = out[key]
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ParameterError(key, value, "a finite number or None")
            out[key] = float(value)
    weights = out["weights"]
    if weights is not None:
        if not (isinstance(weights, Mapping) and all(
                isinstance(w, str) and isinstance(v, int | float) and math.isfinite(v) for w, v in weights.items())):
            raise ParameterError("weights", weights, "a mapping of word -> finite number")
        out["weights"] = {w: float(v) for w, v in weights.items()}
    for key in ("model_id", "source", "start", "input", "reference"):
        if out[key] is not None and not isinstance(out[key], str):
            raise ParameterError(key, out[key], "a string or None")
    band = out["band_hz"]
    if band is not None:
        if not (isinstance(band, Sequence) and not isinstance(band, str) and len(band) == 2 and all(
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in band)
                and 0.0 < band[0] < band[1]):
            raise ParameterError("band_hz", band, "(low, high) in Hz with 0 < low < high, or None")
        out["band_hz"] = (float(band[0]), float(band[1]))
    return out


def to_json(
    eq: EQ,
    *,
    words: str | Sequence[str] | None = None,
    weights: Mapping[str, float] | None = None,
    alpha: float | None = None,
    intensity: float | None = None,
    source: str | None = None,
    model_id: str | None = None,
    start: str | None = None,
    input: str | None = None,
    reference: str | None = None,
    amount: float | None = None,
    band_hz: tuple[float, float] | None = None,
    preamp: float | None = None,
) -> str:
    """The EQ (:func:`eqmorph.core.schema.eq_data`) and how it was made as eqmorph JSON; floats written exactly.

    ``preamp_db`` is the EQ's preamp, or ``preamp`` when given (a converted preset's own).
    """
    meta = check_meta({"words": words, "weights": weights, "alpha": alpha, "intensity": intensity,
                       "source": source, "model_id": model_id, "start": start, "input": input,
                       "reference": reference, "amount": amount, "band_hz": band_hz})
    if meta["band_hz"] is not None:
        meta["band_hz"] = list(meta["band_hz"])
    doc = {"format": JSON_FORMAT, "version": JSON_VERSION, **schema.eq_data(eq), **meta,
           "preamp_db": preamp_or_own(eq, preamp)}
    return json.dumps(doc, indent=2) + "\n"


def from_json(text: str) -> EQ:
    """Read eqmorph JSON (as written by :func:`to_json`, or version 1) or any object with its ``"bands"`` list: a
    hand-written ``{"bands": [...]}`` or an EQ answer of the web API (``/api/generate``, ``/api/morph``), whose
    other keys are ignored.  1 to 5 bands, as in :func:`~eqmorph.io.preset_csv.from_csv`; the wrong shape ->
    :class:`DataFormatError`."""
    return read_json(text)[0]


def read_json(text: str) -> tuple[EQ, float]:
    """:func:`from_json`'s EQ and the document's ``preamp_db`` (0 dB without one, as a preset with no Preamp line)."""
    if not text.strip():  # as an empty APO or CSV preset is said: more likely a failed save than a flat EQ
        raise DataFormatError("the preset is empty: no JSON in it (only blank space)")
    try:
        doc = json.loads(text)
    except RecursionError as exc:  # Python's own limit, in Python's words: say what it means for the file
        raise DataFormatError("not valid JSON for a preset: arrays or objects nested too deeply to read (an eqmorph "
                              "preset nests 3 deep)") from exc
    except ValueError as exc:  # JSONDecodeError is a ValueError
        raise DataFormatError(f"not valid JSON: {str(exc).splitlines()[0][:120]}") from exc
    if not isinstance(doc, dict):
        raise DataFormatError(f"JSON preset must be an object {{...}}, found {schema.json_kind(doc)}")
    expected = f'format "{JSON_FORMAT}" version {JSON_VERSION}, or an object with a "bands" array'
    if "format" in doc or "version" in doc:  # it says what it is: then it must be eqmorph's
        if doc.get("format") != JSON_FORMAT or doc.get("version") not in (1, JSON_VERSION):
            found = ", ".join(f"{key} {schema.json_text(doc[key])}" if key in doc else f"no {key}"
                              for key in ("format", "version"))
            raise DataFormatError(f"JSON preset has {found}; expected {expected}")
    elif "bands" not in doc:
        keys = ", ".join(schema.json_text(k) for k in list(doc)[:6]) or "none"
        raise DataFormatError(f"JSON holds no \"bands\" array (its keys: {keys}); expected {expected} "
                              "such as eqmorph's /api/generate answers")
    units = doc.get("units", schema.UNITS)
    if units != schema.UNITS:
        raise DataFormatError(f"JSON units are {str(units)[:80]}; expected {schema.UNITS}")
    name_key = "band" if doc.get("version") == 1 else "name"  # version 1 named the band's role "band"
    bands = doc.get("bands")
    other = "name" if name_key == "band" else "band"
    if isinstance(bands, list) and bands and all(isinstance(b, dict) and other in b and name_key not in b
                                                 for b in bands):
        # Each version keys the band's role differently: the key the file used tells which version it meant.
        raise DataFormatError(f'JSON says version {doc.get("version", 2)}, whose bands name their role '
                              f'"{name_key}", but its bands use "{other}" (version {1 if other == "band" else 2}\'s '
                              f'key); write "version": {1 if other == "band" else 2} or rename the key')

    if not isinstance(bands, list) or not 1 <= len(bands) <= len(BAND_NAMES):
        found = f"{len(bands)} items" if isinstance(bands, list) else schema.json_kind(bands)
        raise DataFormatError(f"JSON \"bands\" must be an array of 1 to {len(BAND_NAMES)} band objects (each of "
                              f"{', '.join(BAND_NAMES)} at most once); found {found}")
    values = schema.named_band_values(bands, where="JSON", name_key=name_key)
    # Bands left out are 0 dB, placed so that every given band keeps its name; JSON names eqmorph's own bands, so a
    # value outside its band's range is refused (ParameterError naming the band), not fitted.
    eq = named_eq({name: (list(row), f"JSON {name}") for name, row in values.items()})
    preamp = doc.get("preamp_db")
    return eq, 0.0 if preamp is None else file_preamp(preamp, 'JSON "preamp_db"')


def file_preamp(value: object, where: str) -> float:
    """A preamp read from a file (JSON's ``preamp_db``, CSV's ``preamp`` row): a number of dB from
    :data:`~eqmorph.io.apo.MIN_PREAMP_DB` to :data:`~eqmorph.io.apo.MAX_PREAMP_DB` (what apply plays), else
    :class:`DataFormatError` naming ``where``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not in_preamp_range(value):
        raise DataFormatError(f"{where} is {schema.json_text(value)}; expected {PREAMP_RULE} (0 dB when the file has "
                              "none)")
    return float(value)

