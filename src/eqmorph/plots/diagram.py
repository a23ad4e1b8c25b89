"""The network diagram: boxes and arrows of the residual EQ autoencoder a :class:`ModelConfig` describes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eqmorph.core.ranges import BAND_NAMES, N_PARAMS
from eqmorph.errors import ParameterError
from eqmorph.model.config import ModelConfig
from eqmorph.plots.canvas import check_png, new_figure, save_png

if TYPE_CHECKING:
    from matplotlib.axes import Axes

TO, TIMES = "\u2192", "\u00d7"  # arrow and multiplication sign for the diagram's labels


def _box(ax: Axes, x: float, y: float, w: float, h: float, text: str, colour: str) -> None:
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.4", facecolor=colour,
                                edgecolor="0.25", linewidth=1.0))
    ax.text(x, y, text, ha="center", va="center", fontsize=8.5, linespacing=1.35)


def _arrow(ax: Axes, start: tuple[float, float], end: tuple[float, float], text: str = "") -> None:
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "-|>", "color": "0.2", "linewidth": 1.1,
                                                      "shrinkA": 0, "shrinkB": 0})
    if text:
        ax.text((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + 1.2, text, ha="center", fontsize=7.5,
                color="0.25")


def architecture_diagram(config: ModelConfig, path: str | os.PathLike[str], *,
                         train_config: Mapping[str, Any] | None = None,
                         metadata: Mapping[str, str] | None = None) -> Path:
    """Boxes-and-arrows diagram of the autoencoder for ``config``; ``train_config`` adds the loss weights.

    ``metadata``: PNG text chunks, as :func:`eqmorph.plots.canvas.save_png` takes.
    """
    check_png(path)
    if not isinstance(config, ModelConfig):
        raise ParameterError("config", config, "a ModelConfig (e.g. model.checkpoint.config)")
    tc = dict(train_config or {})
    d, hidden = config.latent_dim, config.hidden
    enc = [N_PARAMS, *hidden]
    dec = [d, *reversed(hidden)]
    blocks = "\n".join(f"ResBlock {i}{TO}{o}" for i, o in zip(enc[:-1], enc[1:]))
    dblocks = "\n".join(f"ResBlock {i}{TO}{o}" for i, o in zip(dec[:-1], dec[1:]))
    fig = new_figure(13.0, 5.6)
    ax = fig.add_subplot()
    ax.set_xlim(0, 130)
    ax.set_ylim(0, 56)
    ax.axis("off")
    blue, green, yellow, red, grey = "#dbe8f6", "#dcefdc", "#fbf1cf", "#f6dada", "#eeeeee"
    y = 34.0
    _box(ax, 8, y, 11, 9, f"EQ\n5 bands {TIMES}\n(gain, freq, Q)", grey)
    _box(ax, 30, y, 16, 13, f"Encoder\n{blocks}\nLinear {hidden[-1]}{TO}{d}", blue)
    _box(ax, 50, y, 10, 7, f"tanh\nlatent z\n({d})", yellow)
    _box(ax, 70, y, 16, 11, f"Decoder\n{dblocks}", blue)
    w = dec[-1]
    heads = ((43.0, f"gain head {w}{TO}5, tanh"), (34.0, f"freq head {w}{TO}5, sigmoid"),
             (25.0, f"Q head {w}{TO}5, sigmoid"))
    for hy, label in heads:
        _box(ax, 93, hy, 16, 3.4, label, green)
        _arrow(ax, (78.5, y), (84.6, hy))
        _arrow(ax, (101.4, hy), (108.2, y))
    _box(ax, 114, y, 10, 7, f"EQ out\n5 {TIMES} 3\n(model space)", grey)
    _arrow(ax, (14, y), (21.6, y), "model space\n15 in [-1, 1]")
    _arrow(ax, (38.4, y), (44.6, y))
    _arrow(ax, (55.4, y), (61.6, y))
    rw = tc.get("response_weight", "w_r")
    sw = tc.get("supcon_weight", "\u03bb")
    _box(ax, 114, 13, 24, 8, f"reconstruction loss\nparameter MSE (model space)\n+ {rw} {TIMES} response error (dB, "
                             f"{tc.get('response_points', 64)} freqs)", red)
    _arrow(ax, (114, y - 4.2), (114, 17.8))
    _box(ax, 50, 13, 20, 6, f"projection head\n{d}{TO}{2 * config.proj_dim}{TO}{config.proj_dim}, L2-normalised", green)
    _arrow(ax, (50, y - 4.2), (50, 16.6))
    tau = tc.get("temperature", "\u03c4")
    _box(ax, 80, 13, 18, 6, f"SupCon loss {TIMES} {sw}\n(words as labels, \u03c4 = {tau})", red)
    _arrow(ax, (60.6, 13), (70.6, 13))
    _box(ax, 50, 50, 38, 4.5, "word centroid = mean z of its examples; morphs mix centroids", yellow)
    _arrow(ax, (50, y + 4.2), (50, 47.2))
    ax.text(2, 3, f"ResBlock(x) = dropout({config.dropout:g})(relu(LayerNorm(Linear x))) + skip(x), skip Linear when "
                  f"widths differ.   Bands: {', '.join(BAND_NAMES)}.", fontsize=7.5, color="0.3")
    ax.set_title("eqmorph residual EQ autoencoder", fontsize="large")
    return save_png(fig, path, metadata=metadata)
