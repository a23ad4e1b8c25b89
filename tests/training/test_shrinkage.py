"""Shrinkage of a crowd's word target toward its prior: the word's other crowd, its EQ neighbours, the lexicon."""

import numpy as np
import pytest

from eqmorph.errors import ParameterError
from eqmorph.model import TrainConfig
from eqmorph.training.shrinkage import (
    KAPPA_GRID,
    LEXICON_WEIGHT_GRID,
    Priors,
    Shrinkage,
    lexicon_relations,
    select_shrinkage,
    shrink,
)

F = 64
LOW_SHELF = np.tanh(np.linspace(3, -3, F)) * 6.0  # a muddy/boomy/dark kind of shape
HIGH_SHELF = -LOW_SHELF  # bright: the opposite


def _corr(a, b):
    a, b = a - a.mean(), b - b.mean()
    return float(a @ b / np.sqrt((a @ a) * (b @ b)))


def _data(words, seed=0):
    """words: name -> (shape (F,), count, noise dB); one crowd "socialfx". Returns resp, groups, source."""
    rng = np.random.default_rng(seed)
    resp, groups, start = [], {}, 0
    for name, (shape, n, noise) in words.items():
        resp.append(shape + rng.normal(0.0, noise, (n, F)))
        rows = np.arange(start, start + n)
        groups[(name, "socialfx")] = groups[(name, "")] = rows
        start += n
    resp = np.concatenate(resp)
    return resp, groups, ["socialfx"] * len(resp)


def test_a_three_example_word_moves_toward_its_eq_neighbours_and_a_300_example_word_barely_moves():
    resp, groups, source = _data({"muddy": (LOW_SHELF, 30, 1.0), "boomy": (LOW_SHELF, 30, 1.0),
                                  "bright": (HIGH_SHELF, 30, 1.0), "dark": (LOW_SHELF, 3, 8.0),
                                  "warm": (LOW_SHELF, 300, 8.0)})
    priors = Priors.build(resp, groups, ("socialfx",), source)
    moved = {}
    for word in ("dark", "warm"):
        rows = groups[(word, "socialfx")]
        mean = resp[rows].mean(0)
        target = shrink(mean, len(rows), priors.prior(word, "socialfx", mean, None, "neighbours"), 4.0)
        moved[word] = float(np.sqrt(np.mean((target - mean) ** 2)))
        assert _corr(target, LOW_SHELF) > _corr(mean, LOW_SHELF)
    assert moved["warm"] < 0.05 * moved["dark"]


def test_eq_neighbours_are_the_words_that_sound_alike_never_the_opposite_nor_the_word_itself():
    resp, groups, source = _data({"muddy": (LOW_SHELF, 10, 0.5), "bright": (HIGH_SHELF, 10, 0.5),
                                  "dark": (LOW_SHELF * 0.5, 10, 0.5)})
    priors = Priors.build(resp, groups, ("socialfx",), source)
    near = priors.neighbours("dark", resp[groups[("dark", "")]].mean(0))
    np.testing.assert_allclose(near, resp[groups[("muddy", "")]].mean(0))  # bright (r < 0) and dark lend nothing
    assert priors.neighbours("dark", np.ones(F)) is None  # a flat mean correlates with nothing


def test_the_word_prior_is_the_other_crowds_word_when_there_is_one_else_the_crowds_grand_mean():
    resp, groups, source = _data({"muddy": (LOW_SHELF, 10, 0.5), "bright": (HIGH_SHELF, 10, 0.5)})
    priors = Priors.build(resp, groups, ("socialfx",), source)
    mean = resp[:10].mean(0)
    np.testing.assert_allclose(priors.prior("muddy", "socialfx", mean, None, "word"), resp.mean(0))
    np.testing.assert_allclose(priors.prior("muddy", "socialfx", mean, HIGH_SHELF, "word"), HIGH_SHELF)


def test_selected_shrinkage_is_strong_when_words_differ_only_by_noise_and_weak_when_they_differ_truly():
    noise_only = _data({f"w{i}": (LOW_SHELF, 6, 6.0) for i in range(12)}, seed=1)
    rng = np.random.default_rng(2)
    distinct = _data({f"w{i}": (rng.normal(0.0, 6.0, F), 6, 0.3) for i in range(12)}, seed=3)
    chosen = []
    for resp, groups, source in (noise_only, distinct):
        priors = Priors.build(resp, groups, ("socialfx",), source)
        chosen.append(select_shrinkage(resp, groups, ("socialfx",), priors, "word", fallback=2.0).kappa)
    assert chosen[0] >= 8.0 and chosen[1] <= 1.0
    assert set(chosen) <= set(KAPPA_GRID)


def test_selection_falls_back_to_the_configured_kappa_when_no_word_can_decide():
    resp, groups, source = _data({"warm": (LOW_SHELF, 40, 1.0), "bright": (HIGH_SHELF, 40, 1.0)})
    priors = Priors.build(resp, groups, ("socialfx",), source)
    assert select_shrinkage(resp, groups, ("socialfx",), priors, "neighbours", fallback=2.5) == Shrinkage(2.5, 0.0)


def test_an_unknown_shrinkage_prior_is_rejected_with_the_allowed_ones():
    with pytest.raises(ParameterError, match="neighbours"):
        TrainConfig(shrink_toward="text")


def _relations(table):
    return lambda word: table.get(word, [])


def test_a_translation_lends_its_shape_even_when_the_small_words_examples_point_elsewhere():
    """2 noisy examples of "calido" that happen to look like bright still move toward warm, its translation."""
    resp, groups, source = _data({"warm": (LOW_SHELF, 30, 1.0), "bright": (HIGH_SHELF, 30, 1.0),
                                  "calido": (HIGH_SHELF * 0.3, 2, 0.5)})
    priors = Priors.build(resp, groups, ("socialfx",), source, related=_relations({"calido": [("warm", 1.0)]}))
    mean = resp[groups[("calido", "")]].mean(0)
    eq_only = priors.prior("calido", "socialfx", mean, None, "neighbours")
    with_lexicon = priors.prior("calido", "socialfx", mean, None, "lexicon", lexicon_weight=10.0)
    assert _corr(with_lexicon, LOW_SHELF) > 0.5 > _corr(eq_only, LOW_SHELF)


def test_an_antonym_lends_its_shape_inverted_and_weight_0_is_the_eq_neighbour_prior():
    resp, groups, source = _data({"dark": (LOW_SHELF, 30, 1.0), "muddy": (LOW_SHELF * 0.8, 30, 1.0),
                                  "shiny": (LOW_SHELF * 0.2 + 1.0, 3, 2.0)})
    priors = Priors.build(resp, groups, ("socialfx",), source, related=_relations({"shiny": [("dark", -1.0)]}))
    mean = resp[groups[("shiny", "")]].mean(0)
    near = priors.neighbours("shiny", mean, lexicon_weight=100.0)
    assert _corr(near, HIGH_SHELF) > 0.9  # dark inverted outweighs the EQ neighbours
    np.testing.assert_array_equal(priors.prior("shiny", "socialfx", mean, None, "lexicon", lexicon_weight=0.0),
                                  priors.prior("shiny", "socialfx", mean, None, "neighbours"))


def test_selection_weighs_the_lexicon_only_when_it_predicts_left_out_examples():
    """Words whose translations share their true shape get a lexicon weight > 0; unrelated translations get 0."""
    rng = np.random.default_rng(4)
    shapes = {f"w{i}": rng.normal(0.0, 6.0, F) for i in range(8)}
    words = {**{f"big{i}": (shape, 40, 0.5) for i, shape in enumerate(shapes.values())},
             **{f"small{i}": (shape, 4, 9.0) for i, shape in enumerate(shapes.values())}}
    resp, groups, source = _data(words, seed=5)
    chosen = {}
    for name, pairing in (("true", lambda i: i), ("wrong", lambda i: (i + 1) % len(shapes))):
        table = {f"small{i}": [(f"big{pairing(i)}", 1.0)] for i in range(len(shapes))}
        priors = Priors.build(resp, groups, ("socialfx",), source, related=_relations(table))
        chosen[name] = select_shrinkage(resp, groups, ("socialfx",), priors, "lexicon", fallback=2.0)
    assert chosen["true"].lexicon_weight >= 3.0 and chosen["wrong"].lexicon_weight == 0.0
    assert chosen["true"].lexicon_weight in LEXICON_WEIGHT_GRID


def test_the_lexicon_relations_come_from_the_lexicon_file_with_antonyms_negative():
    assert ("warm", 1.0) in lexicon_relations("cálido")
    signs = dict(lexicon_relations("bright"))
    assert any(v == -1.0 for v in signs.values())
