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


@pytest.mark.parametrize("argv, extra", [
    (["train", "--dataset", "socialfx", "--epochs", "1", "--out", "{tmp}/run"], "train"),
    (["evaluate", "--out", "{tmp}/cv"], "train"),
])
def test_a_missing_pyarrow_package_gives_the_hint_not_a_traceback(capsys, tmp_path, monkeypatch, argv, extra):
    # find_spec("pyarrow.parquet") imports the parent package first, which raises when pyarrow is not installed.
    pytest.importorskip("torch")
    for name in [n for n in sys.modules if n == "pyarrow" or n.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code = main([a.format(tmp=tmp_path) for a in argv] + ["--data", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "needs pyarrow" in err and err.strip().endswith(install_hint(extra))
    assert not (tmp_path / "run").exists() and not (tmp_path / "cv").exists()


def test_open_vocabulary_without_the_text_extra_names_the_command_for_this_installation(capsys, monkeypatch):
    import importlib.util

    from eqmorph.language.learned import default_embedder
    from eqmorph.language.openvocab import MODEL_PACKAGE

    default_embedder.cache_clear()  # a test before this one may have loaded the embedder into this process
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == MODEL_PACKAGE else real_find_spec(name, *a))
    code = main(["generate", "velvety", "--open-vocab"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.strip().endswith(install_hint("text"))
