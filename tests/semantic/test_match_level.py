"""semantic/match_fit.level_anchor_db: where a match's EQ puts 0 dB (a difference is known up to a constant)."""

import numpy as np
import pytest

from eqmorph.audio.filtering import apply_eq
from eqmorph.core.eq import EQ
from eqmorph.semantic.match import match
from eqmorph.semantic.match_fit import MAX_GAIN_DB, level_anchor_db

SR = 44100


def test_a_reference_with_only_more_bass_is_matched_by_a_bass_boost_alone():
    """A ninth new-user trial: a piano and its copy through "more bass" (+6 dB below 200 Hz) was matched by +3.9 dB in
    the bass and -2.2 dB from 700 Hz up, which the match's sentence called a cut at 1.9 kHz."""
    dry = 0.1 * np.random.default_rng(5).standard_normal((20 * SR, 2))
    shelf = EQ.from_array([[6.0, 150.0, 0.7], [0.0, 400.0, 1.0], [0.0, 1000.0, 1.0], [0.0, 3000.0, 1.0],
                           [0.0, 8000.0, 0.7]])
    found = match(dry, apply_eq(dry, SR, shelf), SR)
    high = found.response_db(np.geomspace(1000.0, 16000.0, 20), SR)
    assert np.abs(high).max() < 0.5  # nothing above 1 kHz moves
    assert found.response_db([40.0], SR)[0] == pytest.approx(6.0, abs=1.0)


@pytest.mark.parametrize("plateau_db", [-3.0, 0.0, 4.0])
def test_a_difference_in_one_region_is_anchored_on_the_untouched_rest(plateau_db):
    target = np.full(100, plateau_db)
    target[:20] += 6.0  # a fifth of the grid differs
    assert level_anchor_db(target) == pytest.approx(plateau_db)


def test_a_difference_spanning_the_limit_either_way_keeps_its_middle():
    """Shifted towards its median, one end of a +-12 dB difference (a 300 Hz low-pass) would pass the bands' limit."""
    target = np.concatenate([np.full(30, MAX_GAIN_DB), np.linspace(MAX_GAIN_DB, -MAX_GAIN_DB, 10),
                             np.full(60, -MAX_GAIN_DB)])
    assert level_anchor_db(target) == pytest.approx(0.0)
    shifted = target - level_anchor_db(target + 5.0) + 5.0
    assert np.abs(shifted).max() <= MAX_GAIN_DB + 1e-9
