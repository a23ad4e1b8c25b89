"""The response fit with a free offset (FitConfig.free_offset): for targets known only up to a constant."""

from dataclasses import replace

import numpy as np
import pytest

from eqmorph.core.dsp import response_db_np
from eqmorph.core.eq import EQ
from eqmorph.core.fit import FitConfig, fit_curves, fit_grid
from eqmorph.errors import ParameterError

TRUE = np.array([[3.0, 120.0, 0.7], [-4.0, 500.0, 1.2], [2.5, 2000.0, 2.0], [-3.0, 6000.0, 1.0], [2.0, 10000.0, 0.7]])
LIGHT = FitConfig(gain_penalty=0.03)  # the light ridge match uses
FREQS = fit_grid(128)


def test_a_free_offset_fit_ignores_the_targets_level():
    target = response_db_np(TRUE, FREQS, 48000.0)
    free = replace(LIGHT, free_offset=True)
    low, high = (fit_curves(target[None] + c, FREQS, 48000.0, free) for c in (-6.0, 9.0))
    np.testing.assert_allclose(low.params, high.params, rtol=1e-6, atol=1e-6)
    assert low.rms_db[0] < 0.01
    residual = response_db_np(low.params[0], FREQS, 48000.0) - (target - 6.0)
    np.testing.assert_allclose(np.sqrt(np.mean((residual - residual.mean()) ** 2)), low.rms_db[0], rtol=1e-9)


def test_a_level_free_target_is_fitted_better_with_the_offset_free():
    target = response_db_np(TRUE, FREQS, 48000.0)
    level_free = target - target.mean()  # what a match between two recordings knows
    free = fit_curves(level_free[None], FREQS, 48000.0, replace(LIGHT, free_offset=True))
    fixed = fit_curves(level_free[None], FREQS, 48000.0, LIGHT)  # must spend its shelves on the missing constant
    assert free.rms_db[0] < 0.01 and fixed.rms_db[0] > 10.0 * free.rms_db[0]


def test_a_level_weight_picks_the_level_neutral_eq_of_an_offset_free_target():
    # A treble tilt: a high-shelf boost or a low-shelf cut of the same corner fit it alike up to a constant.
    bass_cut = np.array([[-8.0, 1500.0, 0.7], [0.0, 300.0, 1.0], [0.0, 1000.0, 1.0], [0.0, 3000.0, 1.0],
                         [0.0, 10000.0, 0.7]])
    tilt = response_db_np(bass_cut, FREQS, 48000.0)
    tilt -= tilt.mean()
    starts = bass_cut[None]  # from the cut, where the fit without the level term stays
    free = replace(LIGHT, free_offset=True, greedy_starts=(), fixed_peaks_hz=())
    plain = fit_curves(tilt[None], FREQS, 48000.0, free, starts=starts[None])
    neutral = fit_curves(tilt[None], FREQS, 48000.0, replace(free, level_weight=0.01), starts=starts[None])
    level = [float(response_db_np(r.params[0], FREQS, 48000.0).mean()) for r in (plain, neutral)]
    assert level[0] < -2.0 and abs(level[1]) < 0.5
    assert neutral.rms_db[0] < 0.3  # the shape is still the tilt's


def test_the_level_weight_changes_nothing_without_a_free_offset():
    target = response_db_np(TRUE, FREQS, 48000.0)[None]
    fits = [fit_curves(target, FREQS, 48000.0, replace(LIGHT, level_weight=w)) for w in (0.0, 1.0)]
    np.testing.assert_array_equal(fits[0].params, fits[1].params)


def test_max_q_and_max_gain_keep_every_fitted_band_within_them():
    """A narrow +18 dB bell asked of a fit limited to Q 3 and 12 dB gets a broad bell at most 12 dB high."""
    freqs = fit_grid(128)
    target = EQ.from_array([[0.0, 100.0, 0.71], [18.0, 1000.0, 8.0], [0.0, 2000.0, 1.0], [0.0, 4000.0, 1.0],
                            [0.0, 9000.0, 0.71]]).response_db(freqs, 48000)[None]
    free = fit_curves(target, freqs, 48000, FitConfig(iterations=10, polish_iterations=5))
    limited = fit_curves(target, freqs, 48000, FitConfig(iterations=10, polish_iterations=5, max_q=3.0,
                                                          max_gain_db=12.0))
    assert free.params[0, :, 2].max() > 3.0  # unlimited, the fit follows the narrow bell
    assert limited.params[0, :, 2].max() <= 3.0 + 1e-9
    assert np.abs(limited.params[0, :, 0]).max() <= 12.0 + 1e-9


def test_a_fit_limit_that_is_no_number_above_zero_is_refused():
    freqs = fit_grid(32)
    with pytest.raises(ParameterError, match="max_q"):
        fit_curves(np.zeros((1, 32)), freqs, 48000, FitConfig(max_q=0.0))
