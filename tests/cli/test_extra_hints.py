"""A missing package is answered with the extra the user's command needs, not just the package's own."""

import sys

import pytest

from eqmorph.cli import main
from eqmorph.core.install import install_hint


@pytest.fixture
def socialfx_without_pyarrow(tmp_path, monkeypatch):
    """A SocialFX file where pyarrow cannot be imported (as after `pip install eqmorph[text]`, which brings torch)."""
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    data = tmp_path / "eq-train.parquet"
    data.write_bytes(b"PAR1")
    return data


@pytest.mark.parametrize("argv, extra", [
    (["train", "--dataset", "socialfx", "--epochs", "1", "--out", "{tmp}/run"], "train"),
    (["data", "stats", "--dataset", "socialfx"], "data"),
])
def test_reading_socialfx_without_pyarrow_names_the_extra_the_command_needs(
        capsys, tmp_path, socialfx_without_pyarrow, argv, extra):
    pytest.importorskip("torch")  # train checks torch first
    code = main([a.format(tmp=tmp_path) for a in argv] + ["--data", str(socialfx_without_pyarrow)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "needs pyarrow" in err and err.strip().endswith(install_hint(extra))
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize("argv, task", [
    (["train", "--data", "{tmp}", "--out", "{tmp}/run"], "training"),
    (["evaluate", "--data", "{tmp}", "--out", "{tmp}/cv"], "evaluation"),
])
def test_train_and_evaluate_without_torch_name_the_train_extra_before_reading_data(
        capsys, tmp_path, monkeypatch, argv, task):
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real_find_spec(
        name, *a))
    code = main([a.format(tmp=tmp_path) for a in argv])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.strip() == f"eqmorph {argv[0]}: error: {task} needs torch: {install_hint('train')}"
    assert list(tmp_path.iterdir()) == []
