"""Crowds as a first-class concept: per-crowd centroids, counts per crowd and language, source= everywhere."""

import numpy as np
import pytest
from synthetic import synthetic_params

from eqmorph.core import dsp
from eqmorph.errors import ParameterError

torch = pytest.importorskip("torch")

from eqmorph.model import ModelConfig, TrainConfig, load, save  # noqa: E402
from eqmorph.training.train import TrainData, train_model  # noqa: E402

FREQS = dsp.log_freq_grid(64)


@pytest.fixture(scope="module")
def crowd_model_dir(tmp_path_factory):
    """Two crowds that mean different things by "warm" (a low boost vs a low-mid cut), and agree on "bright"."""
    social, _ = synthetic_params(20, seed=2, words={"warm": (0, 9.0, 150.0), "bright": (4, 8.0, 5000.0)})
    safe, _ = synthetic_params(30, seed=3, words={"warm": (2, -9.0, 600.0), "bright": (4, 8.0, 5000.0)})
    extra, _ = synthetic_params(20, seed=4, words={"thin": (0, -9.0, 300.0)})
    params = np.concatenate([social, safe, extra])
    terms = ["warm"] * 20 + ["bright"] * 20 + ["warm"] * 30 + ["bright"] * 30 + ["thin"] * 20
    source = ["socialfx"] * 40 + ["safe"] * 60 + ["socialfx"] * 20
    lang = ["en"] * 30 + ["es"] * 10 + [None] * 60 + ["en"] * 20
    data = TrainData(params, tuple(terms), np.ones(len(terms)), tuple(source), tuple(lang))
    ckpt = train_model(data, None, ModelConfig(),
                       TrainConfig(epochs=40, patience=40, batches_per_epoch=8, words_per_batch=3, seed=0))
    return save(ckpt, tmp_path_factory.mktemp("models") / "crowds")


@pytest.fixture(scope="module")
def crowd_model(crowd_model_dir):
    from eqmorph.semantic.morph import load as load_morpher

    return load_morpher(crowd_model_dir)


def _low_db(eq):
    return float(np.mean(eq.response_db(FREQS[FREQS < 400.0], 44100.0)))


def test_source_changes_the_eq_of_a_word_the_crowds_describe_differently(crowd_model):
    social = crowd_model.generate("warm", source="socialfx")
    safe = crowd_model.generate("warm", source="safe")
    assert _low_db(social) > _low_db(safe) + 2.0  # SocialFX's warm lifts the lows, SAFE's does not


def test_both_crowds_is_the_default_and_lies_between_them(crowd_model):
    both = _low_db(crowd_model.generate("warm"))
    lo, hi = sorted(_low_db(crowd_model.generate("warm", source=s)) for s in ("socialfx", "safe"))
    assert lo - 0.5 <= both <= hi + 0.5


def test_source_reaches_interpolate_blend_sample_and_edit(crowd_model):
    m = crowd_model
    for s in ("socialfx", "safe"):
        assert np.allclose(m.interpolate("warm", "bright", 0.0, source=s).to_array(),
                           m.generate("warm", source=s).to_array())
        assert np.allclose(m.blend({"warm": 1.0}, source=s).to_array(), m.generate("warm", source=s).to_array())
    a = m.sample("warm", 8, temperature=0.0, seed=0, source="socialfx")[0]
    assert np.allclose(a.to_array(), m.generate("warm", source="socialfx").to_array(), atol=1e-3)
    flat = m.generate("warm", intensity=0.0)
    moved = {s: _low_db(m.edit(flat, {"warm": 1.0}, method="latent", source=s)) for s in ("socialfx", "safe")}
    assert moved["socialfx"] > moved["safe"]


def test_an_unknown_source_is_refused_naming_the_choices(crowd_model):
    with pytest.raises(ParameterError, match="source.*socialfx"):
        crowd_model.generate("warm", source="audealize")


def test_a_crowd_named_in_the_phrase_is_used_and_a_different_source_is_refused(crowd_model):
    m = crowd_model
    assert m.generate("warm (safe)") == m.generate("warm", source="safe") == m.generate("warm (safe)", source="safe")
    with pytest.raises(ParameterError, match="source='socialfx'.*'safe', the crowd 'warm \\(safe\\)' names"):
        m.generate("warm (safe)", source="socialfx")


def test_word_info_counts_examples_per_crowd_and_language(crowd_model):
    warm = crowd_model.word_info("warm")
    assert dict(warm.counts_by_source) == {"safe": 30, "socialfx": 20}
    assert dict(warm.counts_by_language) == {"en": 20, "none": 30}
    thin = crowd_model.word_info("thin")
    assert dict(thin.counts_by_source) == {"safe": 0, "socialfx": 20}


def test_a_word_one_crowd_never_used_falls_back_to_the_other_crowd(crowd_model):
    assert np.allclose(crowd_model.generate("thin", source="safe").to_array(),
                       crowd_model.generate("thin", source="socialfx").to_array(), atol=0.5)


def test_crowd_tables_survive_saving_and_loading(crowd_model_dir, tmp_path):
    ckpt = load(crowd_model_dir)
    again = load(save(ckpt, tmp_path / "again"))
    assert again.sources == ("safe", "socialfx")
    np.testing.assert_array_equal(again.source_counts, ckpt.source_counts)
    np.testing.assert_allclose(again.source_centroids, ckpt.source_centroids, atol=1e-6)
    assert again.languages == ckpt.languages


def test_a_model_without_crowd_tables_still_loads_and_refuses_a_source(tiny_model):
    assert tiny_model.sources == ()
    tiny_model.generate("warm")
    with pytest.raises(ParameterError, match="no per-crowd words"):
        tiny_model.generate("warm", source="safe")


def test_the_words_command_shows_examples_per_crowd_and_language(crowd_model_dir, capsys):
    import argparse

    from eqmorph.cli import words

    parser = argparse.ArgumentParser(prog="eqmorph")
    words.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["words", "--model", str(crowd_model_dir)])
    assert args.func(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:4] == ["word", "examples", "safe", "socialfx"]
    warm = next(line for line in out if line.startswith("warm"))
    assert warm.split()[:6] == ["warm", "50", "30", "20", "en", "20"]


def test_a_model_saved_before_crowds_and_reliability_loads_with_count_only_confidence(crowd_model_dir, tmp_path):
    import json
    import shutil

    from safetensors.numpy import load_file, save_file

    from eqmorph.model.wordinfo import CONFIDENCE_HALF_COUNT
    from eqmorph.semantic.morph import load as load_morpher

    old = tmp_path / "old"
    shutil.copytree(crowd_model_dir, old)
    vocab = json.loads((old / "vocab.json").read_text())
    (old / "vocab.json").write_text(json.dumps({"terms": vocab["terms"], "counts": vocab["counts"]}))
    latents = {k: v for k, v in load_file(str(old / "latents.safetensors")).items() if not k.startswith("source_")}
    save_file(latents, str(old / "latents.safetensors"))
    m = load_morpher(old)
    info = m.word_info("warm")
    assert m.sources == () and info.reliability is None and dict(info.counts_by_source) == {}
    assert info.confidence == pytest.approx(50 / (50 + CONFIDENCE_HALF_COUNT))


@pytest.mark.parametrize("spelled", ["SAFE", " Safe ", "safe"])
def test_source_names_a_crowd_in_any_case_as_the_cli_does(crowd_model, spelled):
    m = crowd_model
    assert m.generate("warm", source=spelled) == m.generate("warm", source="safe")
    assert m.interpolate("warm", "bright", 0.3, source=spelled) == m.interpolate("warm", "bright", 0.3, source="safe")
    assert m.sample("warm", 2, seed=0, source=spelled) == m.sample("warm", 2, seed=0, source="safe")
    assert m.describe(m.generate("warm"), 2, source=spelled) == m.describe(m.generate("warm"), 2, source="safe")
