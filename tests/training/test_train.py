"""Training finishes or stops with a clear message on awkward data."""

import numpy as np
import pytest
from synthetic import synthetic_params

from eqmorph.core.ranges import HIGH, LOW

torch = pytest.importorskip("torch")

from eqmorph.model import ModelConfig, TrainConfig  # noqa: E402
from eqmorph.training.train import TrainData, TrainingError, train_model  # noqa: E402

FAST = TrainConfig(epochs=4, patience=4, batches_per_epoch=3, words_per_batch=4, seed=0)


def _data(params, terms):
    return TrainData(np.asarray(params, float), tuple(terms), np.ones(len(terms)))


def test_training_is_deterministic_with_a_seed():
    p, t = synthetic_params(10)
    a = train_model(_data(p, t), None, ModelConfig(), FAST)
    b = train_model(_data(p, t), None, ModelConfig(), FAST)
    for k in a.weights:
        np.testing.assert_array_equal(a.weights[k], b.weights[k])


def test_a_dataset_with_one_word_only_trains():
    p, t = synthetic_params(12, words={"warm": (0, 6.0, 200.0)})
    ckpt = train_model(_data(p, t), None, ModelConfig(), FAST)
    assert ckpt.terms == ("warm",) and ckpt.counts[0] == 12


def test_words_with_one_example_each_stop_with_a_clear_message():
    p, _ = synthetic_params(1)
    with pytest.raises(TrainingError, match="min_count=3"):
        train_model(_data(p, ["a", "b", "c", "d"]), None, ModelConfig(), FAST)


def test_duplicate_rows_and_extreme_valid_parameters_train():
    p, t = synthetic_params(5)
    p = np.concatenate([p, p])
    p[0] = LOW
    p[1] = HIGH
    ckpt = train_model(_data(p, list(t) * 2), None, ModelConfig(), FAST)
    assert all(np.isfinite(v).all() for v in ckpt.weights.values())


def test_a_nan_loss_stops_training_with_a_message_and_returns_nothing():
    p, t = synthetic_params(5)
    p[:, 0, 0] = np.nan
    with pytest.raises(TrainingError, match="nothing was saved"):
        train_model(_data(p, t), None, ModelConfig(), FAST)


def test_training_learns_the_synthetic_words(tiny_model):
    # the tiny fixture model: "warm" is a low-shelf boost, "bright" a high-shelf boost
    warm, bright = tiny_model.generate("warm"), tiny_model.generate("bright")
    assert warm.bands[0].gain_db > 5.0 and abs(warm.bands[4].gain_db) < 2.0
    assert bright.bands[4].gain_db > 5.0 and abs(bright.bands[0].gain_db) < 2.0


def test_train_refuses_an_out_path_holding_other_files_before_reading_any_data(tmp_path):
    from eqmorph.datasets.experiment import SplitSpec
    from eqmorph.errors import ParameterError
    from eqmorph.training.train import train_on_data

    song = tmp_path / "victim.wav"
    song.write_bytes(b"RIFF audio")
    with pytest.raises(ParameterError, match="--out"):  # not the missing data: the check comes first
        train_on_data(SplitSpec("all"), tmp_path / "no-data-here", song, ModelConfig(), TrainConfig(epochs=1))
    assert song.read_bytes() == b"RIFF audio"
