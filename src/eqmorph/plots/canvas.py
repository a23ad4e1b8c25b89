"""The canvas every figure is drawn on: a pyplot-free matplotlib figure, atomic PNG saving, shared axes.

matplotlib (the ``plots`` extra) is imported only when a figure is drawn. Every figure is a
``matplotlib.figure.Figure`` with its own Agg canvas, never pyplot's global figure, so drawing
here changes no backend or state of the caller's. PNGs are written through
:func:`eqmorph.io.fileio.atomic_path`: a failed save leaves neither a partial file nor a temp file.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core.conventions import AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.errors import EqmorphError, ParameterError
from eqmorph.io.fileio import atomic_path

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DPI = 120  # readable on screen and in the README without multi-megabyte files
# PNG text-chunk keyword naming the model a figure was drawn from, so a figure older than its model can be told apart
# by reading the file (tests/plots/test_docs_figures.py does, for docs/figures).
MODEL_KEY = "eqmorph model"
FREQ_TICKS_HZ = (20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000)


def new_figure(width_in: float, height_in: float) -> Figure:
    """A new ``width_in`` x ``height_in`` inch figure on its own Agg canvas; needs the ``plots`` extra."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:
        from eqmorph.core.install import install_hint

        raise EqmorphError(f"figures need matplotlib: {install_hint('plots')}") from exc
    fig = Figure(figsize=(width_in, height_in), layout="constrained")
    FigureCanvasAgg(fig)  # this figure's own canvas: no pyplot, no global backend switch
    return fig


def check_png(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path, or :class:`ParameterError` unless it ends in .png."""
    p = Path(path)
    if p.suffix.lower() != ".png":
        raise ParameterError("path", str(path), "a file name ending in .png")
    return p


def save_png(fig: Figure, path: str | os.PathLike[str], *, metadata: Mapping[str, str] | None = None) -> Path:
    """Write ``fig`` to ``path`` (must end in .png, folder must exist) atomically; returns the path.

    ``metadata``: extra PNG text chunks (e.g. ``{MODEL_KEY: model.model_id}``); they leave the pixels as they are.
    """
    target = check_png(path)
    with atomic_path(target) as tmp:
        fig.savefig(tmp, format="png", dpi=DPI, metadata=dict(metadata or {}))
    return target


def freq_axis(ax: Axes, high_hz: float = AUDIBLE_HIGH_HZ) -> None:
    """Log frequency axis from 20 Hz to ``high_hz`` with Hz/kHz ticks, gain label, grid and a 0 dB line."""
    ax.set_xscale("log")
    ax.set_xlim(AUDIBLE_LOW_HZ, high_hz)
    ticks = [f for f in FREQ_TICKS_HZ if f <= high_hz]
    ax.set_xticks(ticks, [f"{f // 1000}k" if f >= 1000 else str(f) for f in ticks])
    ax.set_xticks([], minor=True)
    ax.set_xlabel("frequency (Hz)")
    ax.set_ylabel("gain (dB)")
    ax.grid(True, alpha=0.35)
    ax.axhline(0.0, color="0.4", linewidth=0.8, zorder=1)


def db_axis(ax: Axes, values_db: np.ndarray) -> None:
    """Symmetric dB range around 0 covering ``values_db``, ticks on a 3 or 6 dB grid."""
    peak = float(np.nanmax(np.abs(values_db))) if np.size(values_db) else 0.0
    step = 3.0 if peak <= 12.0 else 6.0
    lim = max(6.0, step * math.ceil((peak + 1.0) / step))
    ax.set_ylim(-lim, lim)
    ax.set_yticks(np.arange(-lim, lim + step / 2, step))
