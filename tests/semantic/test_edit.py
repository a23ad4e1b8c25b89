"""Editing an EQ with words (eqmorph.semantic.edit, reached through Morpher.edit)."""

import numpy as np
import pytest

from eqmorph import EQ, ParameterError, UnknownWordError
from eqmorph.core.dsp import log_freq_grid
from eqmorph.semantic.edit import EDIT_METHODS, edit_eq

FREQS = log_freq_grid(128)
START = EQ.from_vector([2, 120, 0.71, -1, 400, 2, 3, 1500, 1, 0, 5000, 0.7, 1, 9000, 0.71])


@pytest.mark.parametrize("method", EDIT_METHODS)
def test_edit_with_amount_0_leaves_the_eq_unchanged(tiny_model, method):
    assert tiny_model.edit(START, {"warm": 0.0}, method=method) == START


@pytest.mark.parametrize("method", EDIT_METHODS)
def test_edit_moves_the_response_in_the_words_direction(tiny_model, method):
    eq = tiny_model.generate("bright")
    direction = tiny_model.generate("warm").response_db(FREQS)
    change = tiny_model.edit(eq, {"warm": 0.5}, method=method).response_db(FREQS) - eq.response_db(FREQS)
    assert np.corrcoef(change, direction)[0, 1] > 0
    away = tiny_model.edit(eq, {"warm": -0.5}, method=method).response_db(FREQS) - eq.response_db(FREQS)
    assert np.corrcoef(away, direction)[0, 1] < 0


def test_response_edit_adds_amount_times_the_words_sound(tiny_model):
    eq = tiny_model.generate("bright")
    direction = tiny_model.generate("warm").response_db(FREQS)
    change = tiny_model.edit(eq, {"warm": 0.5}).response_db(FREQS) - eq.response_db(FREQS)
    assert np.sqrt(np.mean((change - 0.5 * direction) ** 2)) < 0.1 * np.sqrt(np.mean(direction**2))


@pytest.mark.parametrize("method", EDIT_METHODS)
def test_morpher_edit_is_the_edit_module_with_the_same_arguments(tiny_model, method):
    changes = {"warm": 0.7, "thin": -0.3}
    assert tiny_model.edit(START, changes, method=method) == edit_eq(tiny_model, START, changes, method)


def test_edit_rejects_unknown_methods_and_empty_changes(tiny_model):
    with pytest.raises(ParameterError, match="method"):
        tiny_model.edit(EQ.flat(), {"warm": 0.5}, method="magic")
    with pytest.raises(ParameterError, match="changes"):
        tiny_model.edit(EQ.flat(), {})


@pytest.mark.parametrize("amount", [4.5, float("nan"), "lots"])
def test_an_amount_outside_the_intensity_range_names_the_word(tiny_model, amount):
    with pytest.raises(ParameterError, match="amount of 'warm'"):
        tiny_model.edit(START, {"warm": amount})


def test_editing_something_that_is_not_an_eq_names_the_parameter(tiny_model):
    with pytest.raises(ParameterError, match="eq"):
        tiny_model.edit(START.to_array(), {"warm": 0.5})


def test_an_unknown_word_in_an_edit_suggests_known_words(tiny_model):
    with pytest.raises(UnknownWordError, match="warm"):
        tiny_model.edit(START, {"wram": 0.5})
