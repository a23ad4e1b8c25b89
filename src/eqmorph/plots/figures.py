"""Figures: EQ curves, morph families, the word map, training curves, the fit, and all of them at once.

Each is drawn on :mod:`eqmorph.plots.canvas`'s canvas (matplotlib, the ``plots`` extra, imported only
when a figure is drawn; no pyplot state; PNGs written atomically). The network diagram lives in
:mod:`eqmorph.plots.diagram`; :func:`make_all` draws it with the rest.
"""

from __future__ import annotations

import importlib.util
import os
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from eqmorph.audio.filtering import check_sample_rate  # the one check of a rate audio runs at
from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE, AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.eq import EQ
from eqmorph.errors import ParameterError
from eqmorph.plots.canvas import MODEL_KEY, check_png, db_axis, freq_axis, new_figure, save_png
from eqmorph.plots.diagram import architecture_diagram
from eqmorph.semantic.morph import DEFAULT_INTERPOLATION

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from eqmorph.semantic.morph import Morpher

GRID_POINTS = 512  # log-spaced frequencies per curve: smooth even for Q = 10 peaks
# Reconstruction panel, in legend order.
LOSS_KEYS = ("train_total", "train_param", "train_response", "train_centroid", "val_recon")
SUPCON_KEYS = ("train_supcon", "val_supcon")
LABELS = {"train_total": "train total (every weighted term)", "val_recon": "validation recon",
          "val_supcon": "validation supcon"}
# A model trained on every row (the bundled one) has no validation rows: its val_* losses are the training rows
# scored in one pass after each epoch (eqmorph.training.train), and a "validation" label would say otherwise.
LABELS_NO_VAL = {"val_recon": "recon, all rows in one pass (no validation rows)",
                 "val_supcon": "supcon, all rows in one pass (no validation rows)"}
SHOWCASE_WORDS = ("warm", "bright", "dark", "heavy", "tinny", "soft", "crisp")  # preferred words for make_all


def _grid(sample_rate: float) -> np.ndarray:
    """``(GRID_POINTS,)`` frequencies from 20 Hz to 20 kHz, or to just below Nyquist at low rates."""
    return dsp.log_freq_grid(GRID_POINTS, AUDIBLE_LOW_HZ, min(AUDIBLE_HIGH_HZ, dsp.NYQUIST_FRACTION * sample_rate))


# --- EQ curves ---------------------------------------------------------------------------------


def eqs_figure(curves: Sequence[tuple[str, EQ]], *, title: str | None = None,
               sample_rate: float = ANALYSIS_SAMPLE_RATE) -> Figure:
    """The figure :func:`plot_eqs` saves: one response line and one set of 5 band dots per curve."""
    if isinstance(curves, str | bytes) or not isinstance(curves, Sequence) or not curves:
        raise ParameterError("curves", curves, "a non-empty list of (label, EQ) pairs")
    for i, item in enumerate(curves):
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], EQ)):
            raise ParameterError(f"curves[{i}]", item, "a (label, EQ) pair")
    if title is not None and not isinstance(title, str):
        raise ParameterError("title", title, "a string or None")
    sr = check_sample_rate(sample_rate)
    freqs = _grid(sr)
    params = np.stack([eq.to_array() for _, eq in curves])  # (n, 5, 3)
    responses = dsp.response_db_np(params, freqs, sr)  # (n, F)
    fig = new_figure(9.0, 4.8)
    ax = fig.add_subplot()
    colours = _colours(len(curves))
    for (label, _), resp, p, colour in zip(curves, responses, params, colours):
        ax.plot(freqs, resp, color=colour, linewidth=2.0, label=label, zorder=3)
        # Band handles at (freq, gain) as an EQ plug-in draws them; shelves' curves pass half-way.
        ax.scatter(p[:, 1], p[:, 0], s=28, color=colour, edgecolors="white", linewidths=0.8, zorder=4)
    freq_axis(ax, float(freqs[-1]))
    db_axis(ax, np.concatenate([responses.ravel(), params[:, :, 0].ravel()]))
    ax.legend(loc="best", fontsize="small", framealpha=0.9)
    ax.set_title(title or "EQ response (dots: band frequency and gain)")
    return fig


def _colours(n: int) -> list[Any]:
    import matplotlib

    if n <= 10:
        return [matplotlib.colormaps["tab10"](i) for i in range(n)]
    return [matplotlib.colormaps["viridis"](x) for x in np.linspace(0.0, 0.95, n)]


def plot_eqs(curves: Sequence[tuple[str, EQ]], path: str | os.PathLike[str], *, title: str | None = None,
             sample_rate: float = ANALYSIS_SAMPLE_RATE, metadata: Mapping[str, str] | None = None) -> Path:
    """Plot labelled EQs' magnitude responses, 20 Hz-20 kHz on a log axis, to a PNG; returns its path.

    ``metadata``, here and in the other figures: PNG text chunks, as :func:`eqmorph.plots.canvas.save_png` takes.
    """
    check_png(path)
    return save_png(eqs_figure(curves, title=title, sample_rate=sample_rate), path, metadata=metadata)


def interpolation_flow(model: Morpher, a: str, b: str, path: str | os.PathLike[str], steps: int = 11, *,
                       sample_rate: float = ANALYSIS_SAMPLE_RATE, metadata: Mapping[str, str] | None = None) -> Path:
    """The family of responses as the morph goes from word ``a`` (alpha 0) to ``b`` (alpha 1)."""
    check_png(path)
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or not 2 <= steps <= 101:
        raise ParameterError("steps", steps, "an integer from 2 to 101")
    sr = check_sample_rate(sample_rate)
    import matplotlib
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    alphas = np.linspace(0.0, 1.0, int(steps))
    params = model.interpolate_params(a, b, alphas)  # (steps, 5, 3)
    freqs = _grid(sr)
    responses = dsp.response_db_np(params, freqs, sr)  # (steps, F)
    fig = new_figure(9.0, 4.8)
    ax = fig.add_subplot()
    cmap, norm = matplotlib.colormaps["viridis"], Normalize(0.0, 1.0)
    for alpha, resp in zip(alphas, responses):
        end = alpha in (0.0, 1.0)
        ax.plot(freqs, resp, color=cmap(norm(alpha)), linewidth=2.4 if end else 1.2, zorder=3 if end else 2,
                label=(a if alpha == 0.0 else b) if end else None)
    freq_axis(ax, float(freqs[-1]))
    db_axis(ax, responses)
    ax.legend(loc="best", fontsize="small", framealpha=0.9)
    fig.colorbar(ScalarMappable(norm, cmap), ax=ax, label=f"alpha ({a} = 0, {b} = 1)")
    ax.set_title(f"Morph from '{a}' to '{b}' ({steps} steps, default '{DEFAULT_INTERPOLATION}' interpolation)")
    return save_png(fig, path, metadata=metadata)


# --- the word map ------------------------------------------------------------------------------


def _project(model: Morpher, method: str) -> tuple[np.ndarray, str]:
    """2-D positions ``(k, 2)`` of the word centroids and the name of the method actually used."""
    if method not in ("pca", "tsne"):
        raise ParameterError("method", method, "'pca' or 'tsne'")
    centroids = np.asarray(model.checkpoint.centroids, dtype=np.float64)  # (k, d)
    if method == "tsne":
        if importlib.util.find_spec("sklearn") is None:
            from eqmorph.core.install import install_hint

            warnings.warn(f"t-SNE needs scikit-learn ({install_hint('plots')}); drawing the PCA map instead",
                          stacklevel=3)
        elif len(centroids) < 5:
            warnings.warn(f"t-SNE needs at least 5 words, the model has {len(centroids)}; drawing the PCA map instead",
                          stacklevel=3)
        else:
            from sklearn.manifold import TSNE

            perplexity = min(30.0, (len(centroids) - 1) / 3.0)  # sklearn requires perplexity < n_samples
            xy = TSNE(2, perplexity=perplexity, init="pca", random_state=0).fit_transform(centroids)
            return xy, "t-SNE"
    return np.asarray(model.word_map, dtype=np.float64), "PCA"


def latent_map(model: Morpher, path: str | os.PathLike[str], method: str = "pca", *, top_n: int = 40,
               metadata: Mapping[str, str] | None = None) -> Path:
    """Word centroids in 2-D (PCA, the model's ``word_map``, or t-SNE), sized by example count.

    Colour is each word's tilt (dB at 8 kHz minus dB at 100 Hz of its EQ); the ``top_n`` most
    frequent words are labelled, skipping any label that would overlap one already placed.
    """
    check_png(path)
    if isinstance(top_n, bool) or not isinstance(top_n, int | np.integer) or top_n < 0:
        raise ParameterError("top_n", top_n, "an integer >= 0")
    from matplotlib.colors import Normalize

    xy, used = _project(model, method)  # (k, 2)
    counts = np.array([model.counts[t] for t in model.terms], dtype=np.float64)
    params = model.decode_params(np.asarray(model.checkpoint.centroids, dtype=np.float32))  # (k, 5, 3)
    ends = dsp.response_db_np(params, np.array([100.0, 8000.0]), ANALYSIS_SAMPLE_RATE)  # (k, 2)
    tilt_db = ends[:, 1] - ends[:, 0]
    lim = max(1.0, float(np.abs(tilt_db).max()))
    fig = new_figure(9.0, 7.0)
    ax = fig.add_subplot()
    sizes = 15.0 + 300.0 * np.sqrt(counts / max(counts.max(), 1.0))
    dots = ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=tilt_db, cmap="coolwarm", norm=Normalize(-lim, lim),
                      alpha=0.8, edgecolors="0.3", linewidths=0.5)
    fig.colorbar(dots, ax=ax, label="tilt of the word's EQ: dB at 8 kHz minus dB at 100 Hz")
    _label_words(fig, ax, xy, list(model.terms)[: int(top_n)])
    ax.set_title(f"{len(model.terms)} words in the latent space ({used} of the centroids; "
                 f"dot area ~ training examples; {min(int(top_n), len(model.terms))} most frequent labelled)",
                 fontsize="medium")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel(f"{used} 1")
    ax.set_ylabel(f"{used} 2")
    return save_png(fig, path, metadata=metadata)


def _label_words(fig: Figure, ax: Axes, xy: np.ndarray, words: list[str]) -> None:
    """Label ``words`` (most important first) at their points, dropping labels that would overlap."""
    renderer = fig.canvas.get_renderer()
    ax.margins(0.08)
    fig.draw_without_rendering()  # fix the layout so label extents are final
    placed: list[Any] = []
    offsets = ((5, 4, "left", "bottom"), (5, -4, "left", "top"), (-5, 4, "right", "bottom"), (-5, -4, "right", "top"))
    for i, word in enumerate(words):
        for dx, dy, ha, va in offsets:
            text = ax.annotate(word, xy[i], xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=8)
            box = text.get_window_extent(renderer).expanded(1.05, 1.1)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            text.remove()


# --- training ----------------------------------------------------------------------------------


def training_curves(history: Sequence[Mapping[str, float]], path: str | os.PathLike[str], *, held_out: bool = True,
                    metadata: Mapping[str, str] | None = None) -> Path:
    """Losses per epoch: reconstruction terms (train total, param, response; validation recon) and SupCon.

    ``held_out=False``: the model had no validation rows, and the ``val_*`` curves are labelled as what they are.
    """
    check_png(path)
    if isinstance(history, str | bytes) or not isinstance(history, Sequence) or not history:
        raise ParameterError("history", history, "a non-empty list of per-epoch loss dicts")
    if not all(isinstance(row, Mapping) for row in history):
        raise ParameterError("history", "a list with non-dict rows", "one dict of losses per epoch")
    present = [k for k in (*LOSS_KEYS, *SUPCON_KEYS) if all(k in row for row in history)]
    if not any(k in present for k in LOSS_KEYS):
        raise ParameterError("history keys", sorted(history[0]), f"at least one of {', '.join(LOSS_KEYS)}")
    try:
        series = {k: np.array([float(row[k]) for row in history]) for k in present}
        epochs = np.array([float(row.get("epoch", i)) for i, row in enumerate(history)])
    except (TypeError, ValueError) as exc:
        raise ParameterError("history", "non-numeric losses", "numbers in every epoch row") from exc
    has_supcon = any(k in present for k in SUPCON_KEYS)
    fig = new_figure(11.0 if has_supcon else 7.0, 4.2)
    axes = fig.subplots(1, 2 if has_supcon else 1, squeeze=False)[0]
    styles = {"train_total": "-", "train_param": "--", "train_response": ":", "train_centroid": "-.", "val_recon": "-",
              "train_supcon": "-", "val_supcon": "-"}
    panels = [(axes[0], LOSS_KEYS, "reconstruction losses")]
    if has_supcon:
        panels.append((axes[1], SUPCON_KEYS, "supervised contrastive loss"))
    labels = {**LABELS, **({} if held_out else LABELS_NO_VAL)}
    best = int(np.argmin(series["val_recon"])) if "val_recon" in series else None
    for ax, keys, name in panels:
        for k in keys:
            if k in series:
                ax.plot(epochs, series[k], styles[k], linewidth=1.6, label=labels.get(k, k.replace("_", " ")))
        if keys is LOSS_KEYS and all(np.all(series[k] > 0) for k in keys if k in series):
            ax.set_yscale("log")  # reconstruction falls by decades; SupCon moves within one
        if best is not None:
            ax.axvline(epochs[best], color="0.5", linestyle="-.", linewidth=1.0,
                       label=f"kept: epoch {epochs[best]:g}")
        ax.set_xlabel("epoch")
        ax.set_ylabel("loss")
        ax.set_title(name)
        ax.grid(True, alpha=0.35)
        ax.legend(fontsize="small")
    return save_png(fig, path, metadata=metadata)


# --- the fit and everything at once ------------------------------------------------------------


def fit_examples(arrays: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Rendered 40-band responses against their fitted 5-band responses, one panel per curve.

    arrays: ``freqs (F,)``, ``target (k, F)`` and ``fitted (k, F)`` in dB, ``rms (k,)``, ``labels``.
    """
    from eqmorph.datasets.audealize import AUDEALIZE_CENTRES_HZ

    target = check_png(path)
    fig = new_figure(10, 3.2 * len(arrays["rms"]))
    axes = fig.subplots(len(arrays["rms"]), 1, squeeze=False)[:, 0]
    rows = zip(axes, arrays["target"], arrays["fitted"], arrays["rms"], arrays["labels"])
    for ax, rendered, fitted, rms, label in rows:
        ax.semilogx(arrays["freqs"], rendered, label="40-band Audealize render", color="tab:blue")
        ax.semilogx(arrays["freqs"], fitted, label="fitted 5-band EQ", color="tab:orange", linestyle="--")
        for f in AUDEALIZE_CENTRES_HZ:
            ax.axvline(f, color="0.9", linewidth=0.5, zorder=0)
        freq_axis(ax)
        ax.set_title(f"{label}: RMS error {rms:.2f} dB")
        ax.legend(loc="best", fontsize="small")
    return save_png(fig, target)


def fit_quality(data_path: str | os.PathLike[str], path: str | os.PathLike[str], worst: int = 3) -> Path:
    """The SocialFX 40-band -> 5-band fit figure: the ``worst`` fits of the data file's curves."""
    from eqmorph.core.fit import fit_grid
    from eqmorph.datasets import render_audealize_db, resolve_data_path
    from eqmorph.datasets.socialfx import fit_socialfx_curves, read_socialfx

    check_png(path)
    rows = read_socialfx(resolve_data_path(data_path, "socialfx"))
    curves, first = np.unique(rows.curves, axis=0, return_index=True)
    result = fit_socialfx_curves(curves)  # cached: the same fit the loader does
    pick = np.argsort(result.rms_db)[::-1][:worst]
    freqs = fit_grid()
    arrays = {
        "freqs": freqs,
        "target": render_audealize_db(curves[pick], freqs),
        "fitted": dsp.response_db_np(result.params[pick], freqs, ANALYSIS_SAMPLE_RATE),
        "rms": result.rms_db[pick],
        "labels": [f"{rows.ids[first[i]]} '{rows.terms[first[i]]}'" for i in pick],
    }
    return fit_examples(arrays, path)


def _showcase(model: Morpher, n: int = 4) -> list[str]:
    chosen = [w for w in SHOWCASE_WORDS if w in model.counts][:n]
    return chosen + [t for t in model.terms if t not in chosen][: n - len(chosen)]


def make_all(model: Morpher, out_dir: str | os.PathLike[str], *,
             data_path: str | os.PathLike[str] | None = None) -> list[Path]:
    """Draw every figure into ``out_dir`` (created if only it is missing); returns the PNG paths.

    The t-SNE map needs scikit-learn and 5+ words, training curves a model with history, and the
    fit figure ``data_path`` (a SocialFX file or folder). Every figure drawn from the model carries its
    ``model_id`` in the PNG text chunk :data:`~eqmorph.plots.canvas.MODEL_KEY`; the fit figure, drawn from the
    data alone, does not.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ParameterError("out_dir", str(out_dir), "a folder")
    if not out.parent.is_dir():
        raise ParameterError("out_dir", str(out_dir), "a folder whose parent exists")
    out.mkdir(exist_ok=True)
    words = _showcase(model)
    meta = {MODEL_KEY: model.model_id}
    paths = [
        plot_eqs([(w, model.generate(w)) for w in words], out / "word_curves.png",
                 title="EQs the model generates for " + ", ".join(words), metadata=meta),
        latent_map(model, out / "latent_map.png", metadata=meta),
        architecture_diagram(model.checkpoint.config, out / "architecture.png",
                             train_config=model.checkpoint.train_config, metadata=meta),
    ]
    if len(words) >= 2:
        paths.append(interpolation_flow(model, words[0], words[1], out / "interpolation_flow.png", metadata=meta))
    if importlib.util.find_spec("sklearn") is not None and len(model.terms) >= 5:
        paths.append(latent_map(model, out / "latent_map_tsne.png", "tsne", metadata=meta))
    if model.checkpoint.history:
        # metrics.json's selected_on says whether training had validation rows (eqmorph.training.train writes it);
        # a model directory without it keeps the "validation" labels these curves always had.
        held_out = model.checkpoint.metrics.get("selected_on", "validation") == "validation"
        paths.append(training_curves(model.checkpoint.history, out / "training_curves.png", held_out=held_out,
                                     metadata=meta))
    if data_path is not None:
        paths.append(fit_quality(data_path, out / "fit_worst.png"))
    return paths
