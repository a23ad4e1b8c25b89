"""SocialFX (Zheng, Seetharaman & Pardo 2016), EQ split, in the hub layout of ``seungheondoh/socialfx-original``.

Each row holds a descriptor and a 40-band curve of the Audealize equaliser.  The loader renders
every curve exactly as that equaliser does and fits eqmorph's 5-band EQ to it
(:mod:`eqmorph.core.fit`), keeping the fit's RMS error per example.

Row policy: a descriptor with several comma-separated words gives one row per word (see
:mod:`eqmorph.datasets.dataset`); rows with a missing or placeholder descriptor, a curve that is
not 40 finite numbers, unexpected ``param_keys`` or an ``extra`` that is not a dict literal with a
``ratings_consistency`` in [0, 1] are skipped and counted by reason.  ``extra`` is parsed with
:func:`ast.literal_eval`, which evaluates literals only, never code.
"""

from __future__ import annotations

import ast
import math
import os
from collections import Counter
from dataclasses import dataclass

import numpy as np

from eqmorph.core.fit import FitConfig, FitResult, fit_curves, fit_grid
from eqmorph.core.ranges import N_PARAMS, flat_params
from eqmorph.datasets.audealize import (
    AUDEALIZE_CENTRES_HZ,
    AUDEALIZE_SAMPLE_RATE,
    N_AUDEALIZE_BANDS,
    render_audealize_db,
)
from eqmorph.datasets.dataset import EQDataset
from eqmorph.datasets.fit_cache import cached_fit
from eqmorph.datasets.paths import download_socialfx, find_dataset_file
from eqmorph.errors import DataFormatError, EqmorphError
from eqmorph.language.terms import is_placeholder, normalise_term, split_descriptor

COLUMNS = ("id", "text", "param_keys", "param_values", "extra")
PARAM_KEYS = tuple(f"RSC_{int(f)}Hz_band" for f in AUDEALIZE_CENTRES_HZ)
LANGUAGES = {"english": "en", "español": "es", "espanol": "es", "spanish": "es"}
_MAX_EXTRA_CHARS = 10_000  # far above a real two-key dict; keeps literal_eval away from huge inputs


@dataclass(frozen=True)
class SocialFXRows:
    """The usable rows of a SocialFX file before any fitting, one per descriptor word.

    curves: ``(n, 40)`` raw weights in ``PARAM_KEYS`` order; ids, terms, lang ``(n,)``; weight ``(n,)``.
    """

    ids: tuple[str, ...]
    terms: tuple[str, ...]
    lang: tuple[str | None, ...]
    weight: np.ndarray
    curves: np.ndarray
    skipped: dict[str, int]


def read_socialfx(path: str | os.PathLike[str]) -> SocialFXRows:
    """Read a SocialFX parquet file (or a folder holding one) without fitting."""
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        from eqmorph.core.install import install_hint

        raise EqmorphError(f"reading SocialFX needs pyarrow: {install_hint('data')}") from exc
    import pyarrow as pa

    file = find_dataset_file(path, "socialfx")
    try:
        table = pq.read_table(file)
    except (pa.ArrowException, OSError) as exc:
        raise DataFormatError(f"{str(file)!r} is not a readable parquet file: {exc}") from exc
    missing = [c for c in COLUMNS if c not in table.column_names]
    if missing:
        raise DataFormatError(
            f"{str(file)!r} is not a SocialFX table: missing column(s) {', '.join(missing)} "
            f"(expected {', '.join(COLUMNS)})"
        )
    if table.num_rows == 0:
        raise DataFormatError(f"{str(file)!r} holds no rows")
    columns = {c: table.column(c).to_pylist() for c in COLUMNS}
    skipped: Counter[str] = Counter()
    ids: list[str] = []
    terms: list[str] = []
    langs: list[str | None] = []
    weights: list[float] = []
    curves: list[list[float]] = []
    for i in range(table.num_rows):
        row = {c: columns[c][i] for c in COLUMNS}
        parsed = _parse_row(row)
        if isinstance(parsed, str):
            skipped[parsed] += 1
            continue
        words, curve, lang, weight = parsed
        base_id = str(row["id"]) if row["id"] not in (None, "") else f"row_{i}"
        for k, word in enumerate(words):
            ids.append(base_id if len(words) == 1 else f"{base_id}#{k}")
            terms.append(word)
            langs.append(lang)
            weights.append(weight)
            curves.append(curve)
    if not terms:
        reasons = ", ".join(f"{k} {v}" for k, v in skipped.most_common())
        raise DataFormatError(f"{str(file)!r} holds no usable SocialFX rows (skipped: {reasons})")
    return SocialFXRows(
        ids=tuple(ids),
        terms=tuple(terms),
        lang=tuple(langs),
        weight=np.asarray(weights, dtype=np.float64),
        curves=np.asarray(curves, dtype=np.float64).reshape(-1, N_AUDEALIZE_BANDS),
        skipped=dict(skipped),
    )


def load_socialfx(
    path: str | os.PathLike[str] | None = None,
    *,
    fit: bool = True,
    fit_config: FitConfig | None = None,
    cache: bool = True,
) -> EQDataset:
    """SocialFX as an :class:`EQDataset` of fitted 5-band EQs.

    path: the parquet file, its folder, or a data root holding ``socialfx/``; ``None`` downloads
    the hub dataset into the user cache (raises :class:`DataUnavailableError` offline).
    fit: ``False`` skips rendering and fitting (quick look at terms): params are then the flat EQ
    and fit_error_db is NaN.  cache: reuse fits stored by an earlier load (see :mod:`eqmorph.datasets.fit_cache`).
    """
    file = download_socialfx() if path is None else find_dataset_file(path, "socialfx")
    rows = read_socialfx(file)
    n = len(rows.terms)
    if fit:
        # Siblings of a multi-word row share a curve: fit each distinct curve once.
        unique, inverse = np.unique(rows.curves, axis=0, return_inverse=True)
        result = fit_socialfx_curves(unique, fit_config, cache=cache)
        params = result.params[inverse.reshape(-1)].reshape(n, N_PARAMS)
        fit_error_db = result.rms_db[inverse.reshape(-1)]
    else:
        params = flat_params(n).reshape(n, N_PARAMS)
        fit_error_db = np.full(n, np.nan)
    return EQDataset(
        params=params,
        terms=rows.terms,
        source=("socialfx",) * n,
        lang=rows.lang,
        weight=rows.weight,
        ids=rows.ids,
        fit_error_db=fit_error_db,
        skipped=rows.skipped,
    )


def fit_socialfx_curves(curves: np.ndarray, config: FitConfig | None = None, *, cache: bool = True) -> FitResult:
    """Render ``curves (n, 40)`` as the Audealize equaliser does and fit them: params ``(n, 5, 3)``, rms_db ``(n,)``."""

    def compute() -> FitResult:
        from tqdm import tqdm  # a cold fit takes about half a minute: show it moving (stderr, terminals only)

        freqs = fit_grid()
        with tqdm(desc=f"fitting {len(curves)} SocialFX curves (cached afterwards)", unit="start", leave=False,
                  disable=None) as bar:
            def step(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            return fit_curves(render_audealize_db(curves, freqs), freqs, AUDEALIZE_SAMPLE_RATE, config,
                              progress=step)

    return cached_fit(curves, config or FitConfig(), compute) if cache else compute()


def _parse_row(row: dict[str, object]) -> str | tuple[tuple[str, ...], list[float], str | None, float]:
    """``(words, curve, lang, weight)``, or the reason the row is skipped."""
    text = row["text"]
    if not isinstance(text, str):
        return "missing descriptor"
    words = tuple(w for w in split_descriptor(text) if not is_placeholder(w))
    if not words:
        return "placeholder descriptor" if split_descriptor(text) else "empty descriptor"
    curve = _parse_curve(row["param_keys"], row["param_values"])
    if isinstance(curve, str):
        return curve
    extra = _parse_extra(row["extra"])
    if isinstance(extra, str):
        return extra
    return (words, curve, *extra)


def _parse_curve(keys: object, values: object) -> str | list[float]:
    if not isinstance(values, list) or len(values) != N_AUDEALIZE_BANDS:
        return "bad param_values"
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in values):
        return "bad param_values"
    if not isinstance(keys, list) or len(keys) != N_AUDEALIZE_BANDS or set(keys) != set(PARAM_KEYS):
        return "unexpected param_keys"
    by_key = dict(zip(keys, values))
    return [float(by_key[k]) for k in PARAM_KEYS]


def _parse_extra(extra: object) -> str | tuple[str | None, float]:
    if not isinstance(extra, str) or len(extra) > _MAX_EXTRA_CHARS:
        return "bad extra"
    try:
        value = ast.literal_eval(extra)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return "bad extra"
    if not isinstance(value, dict):
        return "bad extra"
    weight = value.get("ratings_consistency")
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0.0 <= weight <= 1.0:
        return "bad extra"
    lang = value.get("lang")
    return (LANGUAGES.get(normalise_term(lang)) if isinstance(lang, str) else None), float(weight)


__all__ = ["COLUMNS", "PARAM_KEYS", "SocialFXRows", "fit_socialfx_curves", "load_socialfx", "read_socialfx"]
