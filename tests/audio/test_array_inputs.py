"""Arrays in: a path or a yes/no given as text is refused with a message that says what to give instead."""

from pathlib import Path

import numpy as np
import pytest

import eqmorph
from eqmorph import EQ, AudioError, ParameterError
from eqmorph.audio.arrays import morph_audio

SR = 44100
ROWS = [[6.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]


def _noise(frames: int) -> np.ndarray:
    return 0.1 * np.random.default_rng(0).standard_normal(frames)


@pytest.mark.parametrize("auto_gain", ["no", "yes", 1, 0, None])
def test_auto_gain_that_is_not_true_or_false_is_refused_naming_it(auto_gain):
    with pytest.raises(ParameterError, match=r"^auto_gain=<\w+ .*expected True or False"):
        EQ.from_array(ROWS).process(_noise(4410), SR, auto_gain=auto_gain)


def test_auto_gain_of_a_morph_that_is_not_true_or_false_is_refused_naming_it(tiny_model):
    with pytest.raises(ParameterError, match=r"^auto_gain=<str 'no'>"):
        morph_audio(tiny_model, _noise(4410), SR, "warm", "bright", "0:0,0.1:1", auto_gain="no")


def test_numpy_bools_are_true_or_false():
    eq, x = EQ.from_array(ROWS), _noise(4410)
    np.testing.assert_array_equal(eq.process(x, SR, auto_gain=np.bool_(True)), eq.process(x, SR, auto_gain=True))


@pytest.mark.parametrize("path", ["mix.wav", Path("mix.wav"), b"mix.wav"])
def test_a_path_instead_of_samples_is_refused_saying_to_read_it_with_soundfile(path):
    expected = r"^audio <\w+ .*mix\.wav.*> is not allowed: expected a numpy array .*soundfile"
    with pytest.raises(AudioError, match=expected):
        EQ.from_array(ROWS).process(path, SR)


def test_match_given_paths_asks_for_arrays_and_points_to_match_files():
    with pytest.raises(AudioError) as err:
        eqmorph.match("mix.wav", "reference.wav", SR)
    message = str(err.value)
    assert message.startswith("the input: audio <str 'mix.wav'> is not allowed: expected a numpy array")
    assert "soundfile" in message and "match_files" in message
