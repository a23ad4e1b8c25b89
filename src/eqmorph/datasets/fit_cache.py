"""On-disk cache of SocialFX fits, so training, evaluation and ``data stats`` fit the curves once.

A fit is stored as ``socialfx-fit-<key>.npz`` (arrays only, read with ``allow_pickle=False``) in
``$EQMORPH_CACHE``, else ``$XDG_CACHE_HOME/eqmorph``, else ``~/.cache/eqmorph``.  The key hashes
the curves, the fit configuration and the source of the modules that decide the result (the fit,
the biquads, the ranges), so changing any of them refits instead of reusing a stale answer.
A cache that cannot be read is refitted; one that cannot be written only costs time (a warning says so).
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

from eqmorph.core import dsp, fit, ranges
from eqmorph.errors import EqmorphError
from eqmorph.io.fileio import atomic_path

CACHE_ENV = "EQMORPH_CACHE"


def cache_dir() -> Path:
    """Folder of eqmorph's cached fits (not created here)."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "eqmorph"


def fit_key(curves: np.ndarray, config: fit.FitConfig) -> str:
    """Hex digest identifying one fit: curves ``(n, 40)``, configuration and fitting code."""
    h = hashlib.sha256()
    h.update(np.ascontiguousarray(curves, dtype=np.float64).tobytes())
    h.update(repr(np.shape(curves)).encode())
    h.update(repr(config).encode())
    for module in (fit, dsp, ranges):
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:24]


def cached_fit(curves: np.ndarray, config: fit.FitConfig, compute: Callable[[], fit.FitResult]) -> fit.FitResult:
    """``compute()``'s result for ``curves (n, 40)``, from the cache when an identical fit is stored."""
    n = len(curves)
    path = cache_dir() / f"socialfx-fit-{fit_key(curves, config)}.npz"
    if path.is_file():
        try:
            with np.load(path, allow_pickle=False) as data:
                params, rms_db = np.array(data["params"]), np.array(data["rms_db"])
            if params.shape == (n, ranges.N_BANDS, 3) and rms_db.shape == (n,):
                return fit.FitResult(params, rms_db)
        except (OSError, ValueError, KeyError):
            pass  # unreadable or foreign file: refit and overwrite it below
    result = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp:
            np.savez(tmp, params=result.params, rms_db=result.rms_db)
    except (OSError, EqmorphError) as exc:
        warnings.warn(f"could not cache the SocialFX fit in {str(path.parent)!r}: {exc}", stacklevel=2)
    return result
