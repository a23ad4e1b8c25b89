"""Preset files, one entry point for every format: which format a file name asks for, an EQ as text in any format
(:func:`format_eq`), writing a preset and reading one of any layout; and the table, the screen's format.

The formats live in their own modules: eqmorph JSON (:mod:`eqmorph.io.preset_json`), CSV (:mod:`eqmorph.io.preset_csv`),
Equalizer APO / AutoEq text (:mod:`eqmorph.io.apo`), GraphicEQ (:mod:`eqmorph.io.graphiceq`). Every format names what it
holds: JSON is the EQ schema of :mod:`eqmorph.core.schema` with units, how the EQ was made and its preamp; APO text
starts with a ``#`` line saying the same; CSV ends with a ``preamp`` row and an ``eqmorph`` row saying the same. The
preamp written is :func:`eqmorph.core.preamp.preamp_db` (the headroom the EQ needs), except when a preset is converted:
then its own preamp is carried over (``preamp=``), so the converted file plays exactly as loud as the original. Reading
takes a preset of any layout (:func:`import_preset`: exact when it fits, else fitted) and its preamp: APO ``Preamp``
lines, JSON's ``preamp_db``, CSV's ``preamp`` row (0 dB when it has none), which is what ``eqmorph apply --preset``
applies, as Equalizer APO does.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eqmorph.core import schema
from eqmorph.core.eq import EQ, check_eq
from eqmorph.core.preamp import max_response_db, preamp_db
from eqmorph.errors import ClippingPreampWarning, DataFormatError, ParameterError
from eqmorph.io.apo import (  # noqa: F401  (APO names stay importable from here, where users look first)
    APO_DECIMALS,
    MAX_INCLUDE_DEPTH,
    MAX_PREAMP_DB,
    MIN_PREAMP_DB,
    PREAMP_RULE,
    ApoFilter,
    ApoPreset,
    check_preamp,
    comment_line,
    decimal_point,
    from_apo,
    in_preamp_range,
    parse_number,
    preamp_or_own,
    quote_short,
    to_apo,
)
from eqmorph.io.curve_csv import FREQ_COLUMNS
from eqmorph.io.fileio import check_path, write_text_atomic
from eqmorph.io.graphiceq import to_graphiceq
from eqmorph.io.placement import exact_eq, named_eq  # noqa: F401  (importable here too, as the APO names)
from eqmorph.io.preset_csv import CSV_HEADER, csv_rows, curve_of_csv, read_csv, to_csv
from eqmorph.io.preset_csv import from_csv as from_csv  # re-exported, as from_json: callers read every format here
from eqmorph.io.preset_json import check_meta, read_json, to_json
from eqmorph.io.preset_json import from_json as from_json
from eqmorph.io.preset_text import MAX_PRESET_BYTES, read_preset_text  # noqa: F401  (importable here too)
from eqmorph.io.provenance import text_provenance

if TYPE_CHECKING:
    from eqmorph.io.layout import ImportedPreset

FORMATS: tuple[str, ...] = ("json", "apo", "csv", "graphiceq", "table")
FILE_FORMATS: tuple[str, ...] = ("json", "apo", "csv", "graphiceq")  # table is for the screen: nothing reads it back
SUFFIX_FORMATS = {".json": "json", ".txt": "apo", ".apo": "apo", ".csv": "csv"}
# The one rule for a file's name and format: the file holds a format its name asks for (format_for_path). Equalizer
# APO text is either kind, parametric or GraphicEQ, as Equalizer APO plays both from any .txt/.apo; a name ending in
# "GraphicEQ" (AutoEq's "... GraphicEQ.txt") asks for the curve alone.  A name of no known extension takes any.
_HELD_BY_FORMAT = {"json": {"json"}, "csv": {"csv"}, "apo": {"apo", "graphiceq"}, "graphiceq": {"graphiceq"}}
_NAMES_FOR = {"json": "a .json name", "apo": "a .txt or .apo name", "csv": "a .csv name",
              "graphiceq": "a name ending in 'GraphicEQ.txt' (or .txt, .apo)"}
# Names of audio files (what soundfile reads and writes, and the compressed kinds users keep): a preset written under
# one replaced a recording with text (a user trial: "-o warm.wav --format apo" said "overwrote warm.wav").
AUDIO_SUFFIXES = frozenset((".wav", ".wave", ".bwf", ".rf64", ".w64", ".flac", ".aiff", ".aif", ".aifc", ".ogg",
                            ".oga", ".opus", ".mp3", ".mp2", ".m4a", ".aac", ".alac", ".wma", ".caf", ".au", ".snd",
                            ".ape", ".wv", ".mka", ".amr", ".voc", ".sd2", ".ircam", ".sf", ".xi", ".htk", ".mat"))


# --- the table: for the screen, nothing reads it back --------------------------
def to_table(eq: EQ, *, preamp: float | None = None, preamp_is: str = "the preset's own", **meta: Any) -> str:
    """A readable, aligned table of the five bands, preceded by any ``words``/``alpha``/... given, then the preamp:
    the EQ's, or ``preamp`` when given (a converted preset's, with the EQ's beside it), labelled ``preamp_is``
    (:meth:`eqmorph.io.layout.ImportedPreset.describe_preamp`: a fitted curve's level is not the file's own)."""
    info = {k: v for k, v in check_meta(meta).items() if v is not None}
    shown = {"words": ", ".join, "weights": lambda ws: ", ".join(f"{w}={v:g}" for w, v in ws.items())}
    lines = [f"{key}: {shown.get(key, str)(v)}" for key, v in info.items()]
    lines += schema.table_lines(eq)
    own = check_preamp(preamp)
    if own is None:
        lines.append(f"preamp for no clipping: {preamp_db(eq):.1f} dB")
    else:
        lines.append(f"preamp ({preamp_is}): {own:.1f} dB; for no clipping: {preamp_db(eq):.1f} dB")
    return "\n".join(lines) + "\n"


# --- one entry point for the CLI and the server -------------------------------
def format_eq(eq: EQ, format: str, *, preamp: float | None = None, preamp_is: str = "the preset's own",
              **meta: Any) -> str:
    """``eq`` as text in one of :data:`FORMATS`; ``meta`` (see :data:`eqmorph.io.preset_json.META_KEYS`) goes into
    JSON, APO, GraphicEQ and table.  ``preamp``: the dB every format's preamp says instead of the EQ's own (a
    converted preset's, so the file plays as loud as the one it came from); None for the EQ's own.  ``preamp_is``:
    what that preamp is, as the table says it."""
    check_eq(eq)
    check_preamp(preamp)
    if format == "json":
        return to_json(eq, preamp=preamp, **meta)
    checked = check_meta(meta)
    if format == "apo":
        return to_apo(eq, preamp=preamp, **checked)
    if format == "csv":
        return to_csv(eq, preamp=preamp, **checked)
    if format == "graphiceq":  # named as the APO text is: the file holds APO lines (Preamp, GraphicEQ) too
        return comment_line("eqmorph 5-band EQ as a GraphicEQ curve", checked) + "\n" + to_graphiceq(eq, preamp)
    if format == "table":
        return to_table(eq, preamp=preamp, preamp_is=preamp_is, **meta)
    raise ParameterError("format", format, ", ".join(FORMATS))


def format_eqs(eqs: Sequence[EQ], format: str, label: str = "EQ", **meta: Any) -> str:
    """Several EQs (a word's variations) as one text that stays valid in ``format``: CSV gets a first column
    ``variation`` (1, 2, ...) under one header, JSON is an array of the documents, and the formats of ``#``
    comments (APO, GraphicEQ, table) get a ``# {label} i of n`` line before each EQ."""
    if not eqs:
        raise ParameterError("eqs", eqs, "at least one EQ")
    if format == "csv":
        for eq in eqs:
            check_eq(eq)
        rows = [",".join(["variation", *CSV_HEADER])]
        rows += [f"{i},{row}" for i, eq in enumerate(eqs, 1) for row in csv_rows(eq, None)]
        return "\n".join(rows) + "\n"
    if format == "json":
        return json.dumps([json.loads(format_eq(eq, "json", **meta)) for eq in eqs], indent=2) + "\n"
    return "".join(f"# {label} {i} of {len(eqs)}\n" + format_eq(eq, format, **meta) for i, eq in enumerate(eqs, 1))


def format_for_path(path: str | Path) -> str | None:
    """The format a file name asks for: by extension (``.json``, ``.txt``/``.apo``, ``.csv``), None if unknown.

    A ``.txt`` whose name ends in ``GraphicEQ`` (AutoEq's ``... GraphicEQ.txt``) asks for graphiceq.
    """
    p = Path(path)
    kind = SUFFIX_FORMATS.get(p.suffix.lower())
    return "graphiceq" if kind == "apo" and p.stem.lower().endswith("graphiceq") else kind


def output_format(path: str | Path, format: str | None = None) -> str:
    """The format to write ``path`` in: ``format`` if given, else the one its name asks for.

    Refuses a folder, an audio file's name (:data:`AUDIO_SUFFIXES`, whatever the format), a name that asks for no
    format when none is given, ``table`` (a display format that nothing
    reads back), and a format the name does not ask for (``csv`` into ``warm.txt``, ``json`` into
    ``warm GraphicEQ.txt``: see :data:`_HELD_BY_FORMAT`).  Errors name this function's parameters (``path``,
    ``format``); the CLI renames them to the options the user typed (``-o``, ``--format``).
    """
    p = check_path(path, "path", "a preset file's path")
    if p.is_dir() or str(path).endswith(("/", "\\")):
        raise ParameterError("path", str(path), f"a file name, not a folder; e.g. {str(p / 'warm.txt')!r}")
    # Whatever the format: a preset is never what an audio name asks for. Windows drops a name's trailing dots and
    # spaces, so "x.wav." and "x.wav " are x.wav there.
    audio = Path(p.name.rstrip(". ")) if p.name.rstrip(". ") else p
    suffix = audio.suffix or audio.name  # ".wav" alone is all suffix
    if suffix.lower() in AUDIO_SUFFIXES:
        raise ParameterError("path", str(path), f"a preset's name, not an audio file's ({suffix}): a preset "
                             f"is text, name it {audio.stem}.txt (apo or graphiceq), {audio.stem}.json or "
                             f"{audio.stem}.csv")
    implied = format_for_path(p)
    if format is None:
        if implied is None:
            raise ParameterError("path", str(path), f"a file ending in {', '.join(SUFFIX_FORMATS)} "
                                 f"(or format={'|'.join(FILE_FORMATS)})")
        return implied
    if format not in FORMATS:
        raise ParameterError("format", format, ", ".join(FORMATS))
    if format not in FILE_FORMATS:
        raise ParameterError("format", format, f"{', '.join(FILE_FORMATS[:-1])} or {FILE_FORMATS[-1]} to write a "
                             f"file; {format} is for the screen only, as nothing reads it back")
    if implied is not None and format not in _HELD_BY_FORMAT[implied]:
        held = " or ".join(sorted(_HELD_BY_FORMAT[implied]))
        raise ParameterError("format", format, f"{held}, as the name {p.name!r} says; or {_NAMES_FOR[format]} "
                             f"for {format}")
    return format


def save_preset(path: str | Path, eq: EQ, format: str | None = None, *, preamp: float | None = None,
                **meta: Any) -> None:
    """Write ``eq`` to ``path`` atomically, in ``format`` or the one its name asks for (see :func:`output_format`);
    ``preamp`` as in :func:`format_eq`; one under which ``eq``'s boosts take a full-scale input past 0 dBFS is
    written as given, with a :class:`eqmorph.errors.ClippingPreampWarning` (``preamp=5`` on warm's +4 dB clipped by
    9 dB in Equalizer APO, unsaid: an eighth new-user trial)."""
    text = format_eq(eq, output_format(path, format), preamp=preamp, **meta)
    write_text_atomic(path, text, name="path")
    # Preamp lines are written to 0.1 dB: a hair over 0 dB is their rounding, not a boost.
    peak_db = None if preamp is None else max_response_db(eq) + float(preamp)
    if peak_db is not None and peak_db > 0.05:
        warnings.warn(f"preamp {float(preamp):+.1f} dB: with it the EQ peaks at {peak_db:+.1f} dB and may clip "
                      f"a full-scale input; for no clipping it would be {preamp_db(eq):.1f} dB (preamp=None)",
                      ClippingPreampWarning, stacklevel=2)


def import_preset(path: str | Path) -> ImportedPreset:
    """Read a preset of any layout, its format told by extension (.json, .csv, .txt/.apo) or else by content.

    JSON (eqmorph's, a hand-written ``{"bands": [...]}`` or an API answer) and CSV name eqmorph's bands, 1 to 5 of
    them, and are kept exactly (bands left out are 0 dB, as in APO text); Equalizer APO / AutoEq text (parametric
    or GraphicEQ) is kept exactly when it fits the layout and fitted otherwise (:mod:`eqmorph.io.layout`), and so
    is a CSV curve (AutoEq's results, ``frequency,gain_db``: :mod:`eqmorph.io.curve_csv`), as a GraphicEQ line.  The
    result's ``preamp_db`` is the preset's own (Preamp lines, ``preamp_db``, the ``preamp`` row; 0 without one).
    ``path`` must be a file's path (str or os.PathLike): anything else, or a folder, is a :class:`ParameterError`.
    """
    from eqmorph.io.apo import ApoText
    from eqmorph.io.layout import ImportedPreset, fit_apo, import_apo  # the response fit: only when reading presets

    p = check_path(path, "path", "a preset file's path")
    if p.is_dir():
        raise ParameterError("path", str(path), "a preset file, not a folder")
    text = read_preset_text(p)
    kind = SUFFIX_FORMATS.get(p.suffix.lower())
    if kind not in ("json", "csv"):
        head = text.lstrip().lower()
        kind = "json" if head.startswith("{") else "csv" if head.startswith(
            ("band,", "name,", *(f"{c}," for c in FREQ_COLUMNS))) else "apo"
    try:
        if kind == "json":
            return ImportedPreset(*read_json(text), fitted=False, provenance=text_provenance(text))
        if kind == "csv":
            curve = curve_of_csv(text)  # AutoEq's results, "frequency,gain_db": a curve, fitted as a GraphicEQ line's
            if curve is not None:
                return replace(fit_apo(ApoText([], [curve], 0.0)), provenance=text_provenance(text))
            return ImportedPreset(*read_csv(text), fitted=False, provenance=text_provenance(text))
        return replace(import_apo(text, base_dir=p.parent), provenance=text_provenance(text))
    except ParameterError as exc:
        raise exc.renamed(f"{p}: {exc.name}") from exc
    except DataFormatError as exc:
        raise DataFormatError(f"{p}: {exc}") from exc


def load_preset(path: str | Path) -> EQ:
    """The EQ of a preset of any layout (:func:`import_preset` without the report)."""
    return import_preset(path).eq
