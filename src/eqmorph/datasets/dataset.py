"""The dataset type every loader returns: EQ settings, the words that describe them, and provenance.

Rows whose descriptor holds several comma-separated words ("toppy, thick") become one row
per word, each with the same EQ: every word describes that sound.  Their ids are the source
id with ``#k`` appended (``eq_12#0``, ``eq_12#1``), and :meth:`EQDataset.split` keeps such
siblings in the same part, so the same sound never sits in both train and test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from eqmorph.core.eq import canonical_array
from eqmorph.core.ranges import HIGH, LOW, N_BANDS, N_PARAMS
from eqmorph.errors import ParameterError
from eqmorph.language.stoplist import stoplist

MIN_EXAMPLES_TO_STRATIFY = 3  # a term with fewer examples cannot be both learned from and evaluated


def _frozen(values: np.ndarray, shape: tuple[int, ...], name: str) -> np.ndarray:
    arr = np.array(values, dtype=np.float64, copy=True)
    if arr.shape != shape:
        raise ParameterError(name, f"array of shape {arr.shape}", f"shape {shape}")
    arr.setflags(write=False)
    return arr


@dataclass(frozen=True, eq=False)
class EQDataset:
    """``n`` examples: a 5-band EQ and the word that describes it.

    params: ``(n, 15)`` physical units, ``(gain_db, freq_hz, q)`` per band, peaks sorted by frequency.
    terms: normalised descriptors (see :mod:`eqmorph.language.terms`); source: ``"socialfx"`` or ``"safe"``;
    lang: ``"en"``/``"es"`` for SocialFX, ``None`` for SAFE; weight ``(n,)``: SocialFX's ratings
    consistency, 1.0 for SAFE; ids: unique per row; fit_error_db ``(n,)``: RMS dB of the 5-band fit
    of a SocialFX curve, NaN for SAFE; skipped: reason -> number of input rows left out while loading.
    Arrays are read-only copies.
    """

    params: np.ndarray
    terms: tuple[str, ...]
    source: tuple[str, ...]
    lang: tuple[str | None, ...]
    weight: np.ndarray
    ids: tuple[str, ...]
    fit_error_db: np.ndarray
    skipped: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        n = len(self.terms)
        for name in ("source", "lang", "ids"):
            column = tuple(getattr(self, name))
            if len(column) != n:
                raise ParameterError(name, f"{len(column)} values", f"one per term ({n})")
            object.__setattr__(self, name, column)
        object.__setattr__(self, "terms", tuple(self.terms))
        params = np.asarray(self.params, dtype=np.float64).reshape(-1, N_PARAMS) if n else np.zeros((0, N_PARAMS))
        params = _frozen(params, (n, N_PARAMS), "params")
        bands = params.reshape(n, N_BANDS, 3)
        if not np.all(np.isfinite(bands) & (bands >= LOW) & (bands <= HIGH)):
            raise ParameterError("params", "values outside eqmorph.core.ranges", "every EQ inside the parameter ranges")
        canonical = canonical_array(bands).reshape(n, N_PARAMS)
        object.__setattr__(self, "params", _frozen(canonical, (n, N_PARAMS), "params"))
        object.__setattr__(self, "weight", _frozen(self.weight, (n,), "weight"))
        object.__setattr__(self, "fit_error_db", _frozen(self.fit_error_db, (n,), "fit_error_db"))
        object.__setattr__(self, "skipped", MappingProxyType(dict(self.skipped)))

    # --- views ------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.terms)

    def params_array(self) -> np.ndarray:
        """``(n, 5, 3)`` copy of the parameters."""
        return self.params.reshape(len(self), N_BANDS, 3).copy()

    def term_counts(self) -> Counter[str]:
        """Examples per term, most common first (ties alphabetical)."""
        counts = Counter(self.terms)
        return Counter(dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))

    def subset(self, indices: Sequence[int] | np.ndarray) -> EQDataset:
        """The rows at ``indices`` (in that order); ``skipped`` is kept, it describes the loading."""
        idx = np.asarray(indices, dtype=np.int64).reshape(-1)
        if idx.size and (idx.min() < -len(self) or idx.max() >= len(self)):
            raise ParameterError("indices", f"{idx.min()}..{idx.max()}", f"row numbers in 0..{len(self) - 1}")
        pick = idx.tolist()
        return EQDataset(
            params=self.params[idx],
            terms=tuple(self.terms[i] for i in pick),
            source=tuple(self.source[i] for i in pick),
            lang=tuple(self.lang[i] for i in pick),
            weight=self.weight[idx],
            ids=tuple(self.ids[i] for i in pick),
            fit_error_db=self.fit_error_db[idx],
            skipped=self.skipped,
        )

    def split(
        self, val_fraction: float = 0.1, test_fraction: float = 0.1, seed: int = 0
    ) -> tuple[EQDataset, EQDataset, EQDataset]:
        """Deterministic split stratified by term -> ``(train, val, test)``, disjoint, covering every row.

        Each term with at least 3 examples gives about ``val_fraction`` and ``test_fraction`` of
        its rows to val and test (fractional shares are carried from term to term, so the totals
        match the fractions) and always keeps at least one row in train.  Terms with 1-2 examples
        go entirely to train: they cannot be both learned and evaluated, so val and test only hold
        words seen in training (evaluate unseen words with a separate word list).  Rows split from
        one multi-word descriptor stay together: if any sibling lands in train, all do.
        The same data, fractions and seed always give the same split.
        """
        for name, value in (("val_fraction", val_fraction), ("test_fraction", test_fraction)):
            if not (isinstance(value, int | float) and 0.0 <= value < 1.0):
                raise ParameterError(name, value, "a fraction in [0, 1)")
        if val_fraction + test_fraction >= 1.0:
            raise ParameterError("val_fraction + test_fraction", val_fraction + test_fraction, "less than 1")
        if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
            raise ParameterError("seed", seed, "an integer")
        rng = np.random.default_rng(int(seed))
        part = np.zeros(len(self), dtype=np.int8)  # 0 train, 1 val, 2 test
        by_term: dict[str, list[int]] = {}
        for i, term in enumerate(self.terms):
            by_term.setdefault(term, []).append(i)
        common = sorted(t for t, rows in by_term.items() if len(rows) >= MIN_EXAMPLES_TO_STRATIFY)
        carry_val = carry_test = 0.0
        for t in rng.permutation(len(common)).tolist():
            rows = rng.permutation(by_term[common[t]])
            n = len(rows)
            want_val, want_test = n * val_fraction + carry_val, n * test_fraction + carry_test
            n_val, n_test = int(want_val), int(want_test)
            carry_val, carry_test = want_val - n_val, want_test - n_test
            while n_val + n_test > n - 1:  # keep one in train; trim the larger held-out share
                if n_test >= n_val:
                    n_test -= 1
                else:
                    n_val -= 1
            part[rows[:n_val]] = 1
            part[rows[n_val : n_val + n_test]] = 2
        groups: dict[tuple[str, str], list[int]] = {}
        for i, (src, row_id) in enumerate(zip(self.source, self.ids)):
            groups.setdefault((src, row_id.split("#", 1)[0]), []).append(i)
        for members in groups.values():
            if len(members) > 1 and len(set(part[members].tolist())) > 1:
                part[members] = 0  # moving into train never takes a term out of train
        return tuple(self.subset(np.flatnonzero(part == k)) for k in range(3))  # type: ignore[return-value]

    def stoplisted(self) -> Counter[str]:
        """Examples per stop-listed term (:mod:`eqmorph.language.stoplist`), most common first."""
        stop = stoplist()
        return Counter({t: c for t, c in self.term_counts().items() if t in stop})

    def summary(self, top: int = 10) -> str:
        """A few lines: size, terms, sources, languages, most frequent terms, stop-listed terms, skipped rows."""
        counts = self.term_counts()
        langs = Counter("none" if lang is None else lang for lang in self.lang)
        stop = self.stoplisted()
        lines = [
            f"examples: {len(self)}",
            f"distinct terms: {len(counts)}",
            "sources: " + _join(Counter(self.source)),
            "languages: " + _join(langs),
            f"top {top} terms: " + ", ".join(f"{t} ({c})" for t, c in list(counts.items())[:top]),
            f"stop-listed (not sound words, never in a model's vocabulary): {len(stop)} terms, "
            f"{sum(stop.values())} examples" + (": " + _join(stop) if stop else ""),
            "skipped rows: " + (_join(self.skipped) if self.skipped else "none"),
        ]
        fit = self.fit_error_summary()
        if fit:
            lines.append(f"fit error (RMS dB): {fit}")
        return "\n".join(lines)

    def fit_error_summary(self) -> str | None:
        """``"median x, p95 y, max z"`` of the 5-band fit's RMS dB error, or None without fitted rows."""
        fitted = self.fit_error_db[np.isfinite(self.fit_error_db)]
        if not fitted.size:
            return None
        return f"median {np.median(fitted):.2f}, p95 {np.percentile(fitted, 95):.2f}, max {fitted.max():.2f}"


def _join(counts: Mapping[str, int]) -> str:
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{k} {v}" for k, v in items) or "none"


def combine(*datasets: EQDataset) -> EQDataset:
    """Rows of all ``datasets`` in order; skipped counts are added up by reason."""
    if not datasets or not all(isinstance(d, EQDataset) for d in datasets):
        raise ParameterError("datasets", datasets, "one or more EQDataset")
    skipped: Counter[str] = Counter()
    for d in datasets:
        skipped.update(d.skipped)
    return EQDataset(
        params=np.concatenate([d.params for d in datasets]),
        terms=_cat(d.terms for d in datasets),
        source=_cat(d.source for d in datasets),
        lang=_cat(d.lang for d in datasets),
        weight=np.concatenate([d.weight for d in datasets]),
        ids=_cat(d.ids for d in datasets),
        fit_error_db=np.concatenate([d.fit_error_db for d in datasets]),
        skipped=dict(skipped),
    )


def _cat(columns: Iterable[tuple]) -> tuple:
    return tuple(v for column in columns for v in column)
