"""scipy's compiled sosfilt kernel, loaded without importing ``scipy.signal``, and one segment filtered through it.

A morph filters ~700 sub-blocks per second of audio: scipy's public ``sosfilt`` spends ~100 us per call validating
and moving axes, its compiled kernel ~2 us. The kernel is private, so a scipy that moves it falls back to the public
function, which gives the same samples (tests check both). Importing ``scipy.signal`` costs ~1.4 s, most of a short
``eqmorph apply``, so the kernel's file is loaded on its own, under its real name (its ``PyInit_`` is found by it);
``scipy.signal`` imported later gives the same function.

The kernel releases the GIL while it filters, and channels are independent: a long segment of several channels is
split over threads (core/threads.run_parallel), one group of channels per core (a minute of stereo 44.1 kHz: ~66 ms
-> ~40 ms on two cores; the samples are the same, each channel goes through the same loop). Short segments (a
morph's sub-blocks) stay in the calling thread, where handing work to a thread would cost more than it saves.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from functools import partial
from typing import Any

import numpy as np

from eqmorph.core.threads import cores, even_slices, run_parallel

_UNSET = object()
_sosfilt_kernel: Any = _UNSET
_KERNEL_MODULE = "scipy.signal._sosfilt"
# Below this many frames a channel filters in ~0.3 ms, a few times the cost of handing it to a worker and back.
THREADED_MIN_FRAMES = 8192


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


def _channel_groups(channels: int, frames: int) -> list[slice]:
    """Channel ranges filtered at once: one per core for a long segment of several channels, else all together."""
    if frames < THREADED_MIN_FRAMES or channels == 1:  # a morph's sub-blocks: no arithmetic on its hot path
        return [slice(0, channels)]
    return even_slices(channels, min(channels, cores()))


def _filter_rows(kernel: Any, sos: np.ndarray, y: np.ndarray, zi: np.ndarray, rows: slice) -> None:
    """Filter rows ``rows`` of ``y`` in place (a C-contiguous view), their state copied in and out: the kernel
    writes its state at every sample, and two threads writing neighbouring rows of one small array share a cache
    line (measured: stereo at half the one-thread speed)."""
    state = zi[rows].copy()
    kernel(sos, y[rows], state)
    zi[rows] = state


def filter_segment(sos: np.ndarray, x: np.ndarray, zi: np.ndarray) -> np.ndarray:
    """Filter ``x`` ``(channels, frames)`` through C-contiguous ``sos`` ``(sections, 6)``, updating ``zi``
    ``(channels, sections, 2)`` (C-contiguous) in place."""
    kernel = _kernel()
    if kernel is not None:
        y = np.array(x, dtype=np.float64, order="C")
        groups = _channel_groups(*y.shape)
        if len(groups) == 1:
            kernel(sos, y, zi)
        else:
            run_parallel([partial(_filter_rows, kernel, sos, y, zi, rows) for rows in groups])
        return y
    y, zf = _sosfilt(sos, x, axis=-1, zi=zi.transpose(1, 0, 2))
    zi[...] = zf.transpose(1, 0, 2)
    return y


__all__ = ["filter_segment"]
