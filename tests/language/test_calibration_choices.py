"""The calibration's building blocks: the damping chosen by RMS over a group of held-out words."""

import numpy as np

from eqmorph.language.calibration import best_damping
from eqmorph.language.learned import LearnedConfig

TRUTH = {0: np.array([3.0, -1.0, 2.0]), 1: np.array([-2.0, 0.5, 1.0])}


def test_answers_twice_too_loud_are_damped_by_half():
    answers = {i: 2.0 * t for i, t in TRUTH.items()}
    shrink, power = best_damping(LearnedConfig(), [0, 1], {0: 1.0, 1: 1.0}, answers, TRUTH)
    assert (shrink, power) == (0.5, 0.0)


def test_damping_follows_the_confidence_when_only_the_unsure_answer_is_too_loud():
    # confident word answered right, unsure word (confidence 0.5) answered twice too loud: 0.5 ** 1 undoes it
    answers = {0: TRUTH[0], 1: 2.0 * TRUTH[1]}
    assert best_damping(LearnedConfig(), [0, 1], {0: 1.0, 1: 0.5}, answers, TRUTH) == (1.0, 1.0)


def test_an_empty_group_is_left_undamped():
    assert best_damping(LearnedConfig(), [], {}, {}, {}) == (1.0, 0.0)
