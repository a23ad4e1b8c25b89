"""scipy's compiled sosfilt kernel, loaded without importing ``scipy.signal``, and one segment filtered through it.

A morph filters ~700 sub-blocks per second of audio: scipy's public ``sosfilt`` spends ~100 us per call validating
and moving axes, its compiled kernel ~2 us. The kernel is private, so a scipy that moves it falls back to the public
function, which gives the same samples (tests check both). Importing ``scipy.signal`` costs ~1.4 s, most of a short
``eqmorph apply``, so the kernel's file is loaded on its own, under its real name (its ``PyInit_`` is found by it);
``scipy.signal`` imported later gives the same function.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from typing import Any

import numpy as np

_UNSET = object()
_sosfilt_kernel: Any = _UNSET
_KERNEL_MODULE = "scipy.signal._sosfilt"


def _kernel() -> Any:
    """scipy's compiled sosfilt kernel, or None where this scipy has none (loaded on first use): it filters
    C-contiguous x ``(channels, frames)`` in place with state ``(channels, sections, 2)``."""
    global _sosfilt_kernel
    if _sosfilt_kernel is _UNSET:
        try:
            module = sys.modules.get(_KERNEL_MODULE) or _load_kernel_module()
        except (ImportError, OSError):
            module = None
        _sosfilt_kernel = getattr(module, "_sosfilt", None)
    return _sosfilt_kernel


def _load_kernel_module() -> Any:
    """scipy/signal/_sosfilt.* loaded without running scipy.signal's __init__; None where there is no such file."""
    import scipy

    folder = os.path.join(os.path.dirname(scipy.__file__), "signal")
    paths = [os.path.join(folder, "_sosfilt" + suffix) for suffix in importlib.machinery.EXTENSION_SUFFIXES]
    path = next((p for p in paths if os.path.isfile(p)), None)
    if path is None:
        return None
    loader = importlib.machinery.ExtensionFileLoader(_KERNEL_MODULE, path)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(_KERNEL_MODULE, loader))
    loader.exec_module(module)
    return module


def _sosfilt(*args: Any, **kwargs: Any) -> Any:
    from scipy.signal import sosfilt

    return sosfilt(*args, **kwargs)


def filter_segment(sos: np.ndarray, x: np.ndarray, zi: np.ndarray) -> np.ndarray:
    """Filter ``x`` ``(channels, frames)`` through C-contiguous ``sos`` ``(sections, 6)``, updating ``zi`` in place."""
    kernel = _kernel()
    if kernel is not None:
        y = np.array(x, dtype=np.float64, order="C")
        kernel(sos, y, zi)
        return y
    y, zf = _sosfilt(sos, x, axis=-1, zi=zi.transpose(1, 0, 2))
    zi[...] = zf.transpose(1, 0, 2)
    return y


__all__ = ["filter_segment"]
