"""Model directories: save/load round trip, and clear errors for broken ones."""

import json
import shutil

import numpy as np
import pytest

from eqmorph.errors import ModelFileError, ParameterError
from eqmorph.model import checkpoint
from eqmorph.semantic.morph import load


def _copy(src, tmp_path):
    dst = tmp_path / "model"
    shutil.copytree(src, dst)
    return dst


def test_save_then_load_gives_identical_outputs(tiny_model_dir, tmp_path):
    a = load(tiny_model_dir)
    ckpt = checkpoint.load(tiny_model_dir)
    b = load(checkpoint.save(ckpt, tmp_path / "again"))
    z = np.random.default_rng(0).uniform(-1, 1, (10, a.latent_dim))
    np.testing.assert_array_equal(a.decode_params(z), b.decode_params(z))
    assert a.terms == b.terms and a.counts == b.counts
    assert a.generate("warm") == b.generate("warm")


def test_model_files_hold_no_pickle(tiny_model_dir):
    names = sorted(p.name for p in tiny_model_dir.iterdir())
    assert names == sorted(
        ["config.json", "weights.safetensors", "vocab.json", "latents.safetensors", "provenance.json",
         "metrics.json", "history.json"]
    )


@pytest.mark.parametrize("name", ["config.json", "weights.safetensors", "vocab.json", "latents.safetensors"])
def test_a_missing_file_is_named(tiny_model_dir, tmp_path, name):
    d = _copy(tiny_model_dir, tmp_path)
    (d / name).unlink()
    with pytest.raises(ModelFileError, match=name):
        load(d)


@pytest.mark.parametrize("name", ["weights.safetensors", "latents.safetensors", "config.json", "vocab.json"])
def test_a_corrupt_file_is_a_clear_error(tiny_model_dir, tmp_path, name):
    d = _copy(tiny_model_dir, tmp_path)
    data = (d / name).read_bytes()
    (d / name).write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError):
        load(d)


def test_vocabulary_that_disagrees_with_centroids_is_rejected_saying_so(tiny_model_dir, tmp_path):
    d = _copy(tiny_model_dir, tmp_path)
    vocab = json.loads((d / "vocab.json").read_text())
    vocab["terms"].append("extra")
    vocab["counts"].append(3)
    (d / "vocab.json").write_text(json.dumps(vocab))
    with pytest.raises(ModelFileError, match=r"vocabulary has 5 words"):
        load(d)


def test_config_that_disagrees_with_weights_is_rejected_saying_so(tiny_model_dir, tmp_path):
    d = _copy(tiny_model_dir, tmp_path)
    cfg = json.loads((d / "config.json").read_text())
    cfg["model"]["latent_dim"] = 64
    (d / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelFileError, match="weights disagree with config"):
        load(d)


def test_a_file_linking_outside_the_model_directory_is_refused(tiny_model_dir, tmp_path):
    d = _copy(tiny_model_dir, tmp_path)
    outside = tmp_path / "elsewhere.json"
    shutil.copy(d / "vocab.json", outside)
    (d / "vocab.json").unlink()
    (d / "vocab.json").symlink_to(outside)
    with pytest.raises(ModelFileError, match="outside the model directory"):
        load(d)


def test_a_path_that_is_not_a_directory_is_a_clear_error(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(ModelFileError, match="not a directory"):
        load(tmp_path / "f")


@pytest.mark.parametrize("path", [5, None, ["model"]])
def test_a_model_path_that_is_not_a_path_is_refused_naming_path(path):
    from eqmorph.errors import ParameterError
    from eqmorph.model import load

    with pytest.raises(ParameterError, match="path=.*a model folder"):
        load(path)


def test_saving_over_a_file_or_a_folder_of_other_files_is_refused_and_loses_nothing(tiny_model_dir, tmp_path):
    ckpt = checkpoint.load(tiny_model_dir)
    song = tmp_path / "song.wav"
    song.write_bytes(b"RIFF audio")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.md").write_text("important", encoding="utf-8")
    for target in (song, folder):
        with pytest.raises(ParameterError, match="directory"):
            checkpoint.save(ckpt, target)
    assert song.read_bytes() == b"RIFF audio"  # train --out song.wav had replaced it with a model folder
    assert (folder / "notes.md").read_text(encoding="utf-8") == "important"


def test_saving_over_an_earlier_model_or_into_the_current_folder_works(tiny_model_dir, tmp_path, monkeypatch):
    ckpt = checkpoint.load(tiny_model_dir)
    earlier = checkpoint.save(ckpt, tmp_path / "model")
    assert checkpoint.save(ckpt, earlier) == earlier  # an earlier model is replaced whole
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    assert checkpoint.save(ckpt, ".") == empty  # "--out ." had a traceback ("has an empty name") after training
    assert checkpoint.is_model_dir(empty)
