"""The crowd-mean baselines (a) mean response and (b) its best 5-band fit."""

import numpy as np

from eqmorph.baselines.crowd_mean import POOLED, CrowdMeanBaseline
from eqmorph.core import dsp
from eqmorph.core.ranges import flat_params

FREQS = dsp.log_freq_grid(64)
RATES = {"safe": 44100.0, "socialfx": 48000.0}


def _eq(gain_db, freq_hz):
    p = flat_params()
    p[2] = [gain_db, freq_hz, 1.0]
    return p


def test_means_are_per_word_and_crowd_and_pooled_over_both():
    resp = np.array([[1.0] * 64, [3.0] * 64, [10.0] * 64, [0.0] * 64])
    base = CrowdMeanBaseline.fit(resp, ["warm", "warm", "warm", "cold"], ["safe", "safe", "socialfx", "safe"],
                                 FREQS, RATES)
    assert base.mean_db[base.index("warm", "safe")][0] == 2.0
    assert base.mean_db[base.index("warm", "socialfx")][0] == 10.0
    assert base.mean_db[base.index("warm", POOLED)][0] == 14.0 / 3
    assert ("cold", "socialfx") not in base


def test_the_5_band_fit_of_a_5_band_crowd_mean_reproduces_it():
    eqs = np.stack([_eq(6.0, 1000.0), _eq(6.0, 1000.0)])
    resp = dsp.response_db_np(eqs, FREQS, 44100.0)
    base = CrowdMeanBaseline.fit(resp, ["warm", "warm"], ["safe", "safe"], FREQS, RATES, pooled=False)
    fitted = dsp.response_db_np(base.params[base.index("warm", "safe")][None], FREQS, 44100.0)[0]
    assert np.sqrt(np.mean((fitted - resp[0]) ** 2)) < 0.2


def test_keys_below_min_count_are_left_out():
    resp = np.zeros((3, 64))
    base = CrowdMeanBaseline.fit(resp, ["a", "a", "b"], ["safe"] * 3, FREQS, RATES, min_count=2)
    assert ("a", "safe") in base and ("b", "safe") not in base
