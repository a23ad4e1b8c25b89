"""Figures: each writes a readable PNG atomically, plot_eqs draws what it is given, CLI errors are one line."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("matplotlib")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.image import imread  # noqa: E402
from png_checks import assert_png, only_files  # noqa: E402

from eqmorph import cli
from eqmorph.core.eq import EQ  # noqa: E402
from eqmorph.core.ranges import flat_params  # noqa: E402
from eqmorph.errors import EqmorphError, ParameterError  # noqa: E402
from eqmorph.plots import figures  # noqa: E402
from eqmorph.plots.canvas import DPI, MODEL_KEY  # noqa: E402


def _eq(band: int, gain_db: float, freq_hz: float) -> EQ:
    p = flat_params()
    p[band, :2] = [gain_db, freq_hz]
    return EQ.from_array(p)


def _history(n: int = 12) -> list[dict[str, float]]:
    e = np.arange(n, dtype=float)
    return [{"epoch": float(i), "train_total": 1.0 / (i + 1) + 0.2, "train_param": 0.5 / (i + 1),
             "train_response": 0.3 / (i + 1), "train_supcon": 2.0 + 0.1 * np.exp(-i),
             "val_recon": 0.6 / (i + 1) + 0.01 * (i > 8), "val_supcon": 1.5} for i in e.astype(int)]


# --- each figure writes a PNG ------------------------------------------------------------------


def test_plot_eqs_writes_a_png_the_size_of_its_figure_and_nothing_else(tmp_path):
    out = tmp_path / "curves.png"
    assert figures.plot_eqs([("warm", _eq(0, 6.0, 200.0)), ("flat", EQ.flat())], out, title="t") == out
    assert_png(out)
    assert imread(out).shape[:2] == (round(4.8 * DPI), round(9.0 * DPI))
    assert only_files(tmp_path) == {"curves.png"}


def test_training_curves_writes_a_png_from_a_loss_history(tmp_path):
    assert_png(figures.training_curves(_history(), tmp_path / "loss.png"))
    assert_png(figures.training_curves([{"val_recon": 1.0}, {"val_recon": 0.5}], tmp_path / "val_only.png"))


def _png_text(path) -> dict[str, str]:
    from PIL import Image  # matplotlib's own dependency

    with Image.open(path) as image:
        return dict(image.text)


def _legend_labels(monkeypatch, draw, name: str = "x.png") -> list[str]:
    """The legend texts of the figure ``draw()`` saves as ``name`` (figures.py's saves are intercepted)."""
    saved = {}
    monkeypatch.setattr(figures, "save_png", lambda fig, path, **kw: saved.setdefault(Path(path).name, fig))
    draw()
    return [t.get_text() for ax in saved[name].axes if ax.get_legend() for t in ax.get_legend().get_texts()]


def test_make_all_writes_the_model_id_into_every_figure_it_draws_from_the_model(tiny_model, tmp_path):
    paths = figures.make_all(tiny_model, tmp_path)
    assert len(paths) == 5
    for path in paths:
        assert _png_text(path)[MODEL_KEY] == tiny_model.model_id, path.name


def test_the_model_id_chunk_leaves_the_pixels_as_they_are(tmp_path):
    plain = figures.training_curves(_history(), tmp_path / "plain.png")
    tagged = figures.training_curves(_history(), tmp_path / "tagged.png", metadata={MODEL_KEY: "m-123"})
    assert MODEL_KEY not in _png_text(plain) and _png_text(tagged)[MODEL_KEY] == "m-123"
    assert np.array_equal(imread(plain), imread(tagged))


def test_training_curves_of_a_model_without_validation_rows_do_not_say_validation(monkeypatch, tmp_path):
    labels = _legend_labels(monkeypatch, lambda: figures.training_curves(_history(), tmp_path / "x.png",
                                                                         held_out=False))
    assert "recon, all rows in one pass (no validation rows)" in labels
    assert "supcon, all rows in one pass (no validation rows)" in labels
    assert not [label for label in labels if label.startswith("validation")]
    held = _legend_labels(monkeypatch, lambda: figures.training_curves(_history(), tmp_path / "x.png"))
    assert {"validation recon", "validation supcon"} <= set(held)


@pytest.mark.parametrize(("selected_on", "val_label"), [
    ("training (no validation rows)", "recon, all rows in one pass (no validation rows)"),
    ("validation", "validation recon"),
])
def test_make_all_labels_the_curves_by_whether_training_had_validation_rows(tiny_model, tmp_path, monkeypatch,
                                                                            selected_on, val_label):
    monkeypatch.setitem(tiny_model.checkpoint.metrics, "selected_on", selected_on)
    labels = _legend_labels(monkeypatch, lambda: figures.make_all(tiny_model, tmp_path), "training_curves.png")
    assert val_label in labels


def test_model_figures_write_pngs(tiny_model, tmp_path):
    assert_png(figures.interpolation_flow(tiny_model, "warm", "bright", tmp_path / "flow.png", steps=5))
    assert_png(figures.latent_map(tiny_model, tmp_path / "map.png"))
    assert only_files(tmp_path) == {"flow.png", "map.png"}


def test_tsne_with_too_few_words_falls_back_to_pca_with_a_warning(tiny_model, tmp_path):
    with pytest.warns(UserWarning, match="PCA"):
        assert_png(figures.latent_map(tiny_model, tmp_path / "tsne.png", method="tsne"))


def test_fit_quality_draws_the_worst_fits_of_a_socialfx_file(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from eqmorph.datasets.socialfx import PARAM_KEYS

    rng = np.random.default_rng(0)
    n = 4
    table = pa.table({
        "id": [f"eq_{i}" for i in range(n)],
        "text": ["warm", "bright", "dark", "thin"],
        "param_keys": [list(PARAM_KEYS)] * n,
        "param_values": [list(rng.normal(0.0, 1.0, len(PARAM_KEYS))) for _ in range(n)],
        "extra": ["{'lang': 'English', 'ratings_consistency': 0.5}"] * n,
    })
    data = tmp_path / "sfx.parquet"
    pq.write_table(table, data)
    out = tmp_path / "out"
    out.mkdir()
    assert_png(figures.fit_quality(data, out / "fit.png"))
    assert only_files(out) == {"fit.png"}


# --- plot_eqs draws what it is given -----------------------------------------------------------


@pytest.mark.parametrize("sample_rate", [16000, 44100, 48000])
@pytest.mark.parametrize("n_curves", [1, 3])
def test_plot_eqs_draws_one_response_line_and_five_band_dots_per_eq(n_curves, sample_rate):
    curves = [(f"eq{i}", _eq(i % 5, 3.0 * (i + 1), 150.0 * (i + 1))) for i in range(n_curves)]
    fig = figures.eqs_figure(curves, sample_rate=sample_rate)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    lines = [line for line in ax.get_lines() if not line.get_label().startswith("_")]
    assert [line.get_label() for line in lines] == [label for label, _ in curves]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [label for label, _ in curves]
    assert len(ax.collections) == n_curves
    for (_, eq), line, dots in zip(curves, lines, ax.collections):
        freqs, resp = line.get_data()
        assert freqs.max() < sample_rate / 2
        np.testing.assert_allclose(resp, eq.response_db(freqs, sample_rate), atol=1e-9)
        np.testing.assert_allclose(dots.get_offsets(), eq.to_array()[:, [1, 0]])


def test_plot_eqs_y_range_covers_the_largest_gain():
    fig = figures.eqs_figure([("boost", _eq(2, 20.0, 1000.0))])
    low, high = fig.axes[0].get_ylim()
    assert high >= 20.0 and low <= -20.0


@pytest.mark.parametrize("bad", [[], [("a", "not an EQ")], [(1, EQ.flat())], "warm"])
def test_plot_eqs_rejects_what_is_not_a_list_of_labelled_eqs(bad, tmp_path):
    with pytest.raises(ParameterError, match="curves"):
        figures.plot_eqs(bad, tmp_path / "x.png")
    assert only_files(tmp_path) == set()


@pytest.mark.parametrize("sample_rate", [0, -48000, float("nan"), 4000])
def test_plot_eqs_rejects_unusable_sample_rates(sample_rate):
    with pytest.raises(ParameterError, match="sample_rate"):
        figures.eqs_figure([("flat", EQ.flat())], sample_rate=sample_rate)


# --- bad input, missing folders, no leftovers --------------------------------------------------


def test_writing_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ParameterError, match="existing folder"):
        figures.plot_eqs([("flat", EQ.flat())], tmp_path / "nope" / "x.png")
    with pytest.raises(ParameterError, match="existing folder"):
        figures.training_curves(_history(), tmp_path / "nope" / "x.png")
    assert only_files(tmp_path) == set()


def test_a_non_png_name_is_refused(tmp_path):
    with pytest.raises(ParameterError, match=r"\.png"):
        figures.plot_eqs([("flat", EQ.flat())], tmp_path / "x.jpg")


def test_a_failed_save_leaves_no_file_and_no_temp_file(tmp_path, monkeypatch):
    def broken(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Figure, "savefig", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        figures.plot_eqs([("flat", EQ.flat())], tmp_path / "x.png")
    assert only_files(tmp_path) == set()


@pytest.mark.parametrize("history", [[], [{"epoch": 0}], ["not a dict"], [{"val_recon": "x"}]])
def test_training_curves_rejects_histories_without_losses(history, tmp_path):
    with pytest.raises(ParameterError, match="history"):
        figures.training_curves(history, tmp_path / "x.png")


@pytest.mark.parametrize("steps", [1, 0, 2.5, True, 500])
def test_interpolation_flow_rejects_bad_step_counts(tiny_model, tmp_path, steps):
    with pytest.raises(ParameterError, match="steps"):
        figures.interpolation_flow(tiny_model, "warm", "bright", tmp_path / "x.png", steps=steps)


def test_latent_map_rejects_unknown_methods(tiny_model, tmp_path):
    with pytest.raises(ParameterError, match="method"):
        figures.latent_map(tiny_model, tmp_path / "x.png", method="umap")


def test_without_matplotlib_the_error_says_which_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)  # makes the import fail
    from eqmorph.core.install import install_hint

    with pytest.raises(EqmorphError) as err:
        figures.eqs_figure([("flat", EQ.flat())])
    assert str(err.value).endswith(install_hint("plots")) and "[plots]" in str(err.value)


# --- the command line --------------------------------------------------------------------------


def test_plot_of_an_unknown_word_exits_2_with_a_one_line_error(tiny_model_dir, tmp_path, capsys):
    out = tmp_path / "x.png"
    assert cli.main(["plot", "zzzqqq", "--model", str(tiny_model_dir), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "unknown word 'zzzqqq'" in err
    assert not out.exists()


@pytest.mark.parametrize("extra", [[], ["--to", "bright"], ["--to", "bright", "--alpha", "0.25", "--intensity", "2"]])
def test_plot_writes_a_png_of_a_word_or_a_morph(tiny_model_dir, tiny_model, tmp_path, capsys, monkeypatch, extra):
    drawn = []
    real = figures.eqs_figure
    monkeypatch.setattr(figures, "eqs_figure", lambda curves, **kw: drawn.append(list(curves)) or real(curves, **kw))
    out = tmp_path / "curve.png"
    assert cli.main(["plot", "warm", *extra, "--model", str(tiny_model_dir), "-o", str(out)]) == 0
    assert_png(out)
    assert capsys.readouterr().out == f"wrote {out}\n"
    [curves] = drawn  # the PNG shows exactly these labelled EQs: the word's, or both words' and their morph
    k = 2.0 if "--intensity" in extra else 1.0
    if not extra:
        expected = [("warm", tiny_model.generate("warm"))]
    else:
        alpha = 0.25 if "--alpha" in extra else 0.5
        expected = [("warm", tiny_model.generate("warm", k)), ("bright", tiny_model.generate("bright", k)),
                    (f"warm \u2192 bright at alpha {alpha:g}", tiny_model.interpolate("warm", "bright", alpha, k))]
    assert curves == expected


def test_plot_refuses_to_write_inside_the_model_directory(tiny_model_dir, capsys):
    target = tiny_model_dir / "curve.png"
    assert cli.main(["plot", "warm", "--model", str(tiny_model_dir), "-o", str(target)]) == 2
    assert "outside the model directory" in capsys.readouterr().err
    assert not target.exists()


def test_plot_alpha_without_a_second_word_is_an_error(tiny_model_dir, tmp_path, capsys):
    assert cli.main(["plot", "warm", "--alpha", "0.3", "--model", str(tiny_model_dir), "-o",
                     str(tmp_path / "x.png")]) == 2
    assert "--to" in capsys.readouterr().err


def test_plot_into_a_missing_folder_exits_2(tiny_model_dir, tmp_path, capsys):
    assert cli.main(["plot", "warm", "--model", str(tiny_model_dir), "-o", str(tmp_path / "no" / "x.png")]) == 2
    assert "existing folder" in capsys.readouterr().err


def test_figures_command_writes_every_model_figure(tiny_model_dir, tmp_path, capsys):
    out = tmp_path / "figs"  # missing: the command creates it
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the tiny model has 4 words: make_all must not ask for t-SNE
        assert cli.main(["figures", "--out", str(out), "--model", str(tiny_model_dir)]) == 0
    names = {"word_curves.png", "latent_map.png", "architecture.png", "interpolation_flow.png", "training_curves.png"}
    assert only_files(out) == names
    assert {line.rsplit("/", 1)[-1] for line in capsys.readouterr().out.splitlines()} == names
    for name in names:
        assert_png(out / name)


def test_figures_command_refuses_an_output_folder_inside_the_model(tiny_model_dir, capsys):
    assert cli.main(["figures", "--out", str(tiny_model_dir / "figs"), "--model", str(tiny_model_dir)]) == 2
    assert "outside the model directory" in capsys.readouterr().err
    assert not (tiny_model_dir / "figs").exists()
