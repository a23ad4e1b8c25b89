"""The response fit through a power average (core/power_average.PowerAverage): a target measured through
smoothing, such as a match's smoothed spectra, is fitted with the EQ's response smoothed the same way."""

import numpy as np
import pytest

from eqmorph.core.dsp import log_freq_grid, response_db_np
from eqmorph.core.fit import FitConfig, fit_curves, fit_grid
from eqmorph.core.power_average import PowerAverage
from eqmorph.errors import ParameterError

RATE = 48000.0
# Sharp, overlapping bells: what a 1/4-octave smoothing blurs most.
TRUE = np.array([[4.0, 90.0, 2.0], [6.0, 700.0, 3.0], [-5.0, 1000.0, 3.0], [-3.0, 4000.0, 2.5], [5.0, 9000.0, 1.5]])
GRID = fit_grid(128)
CELLS = log_freq_grid(480, 15.0, 23000.0)


def quarter_octave_pink_average(grid_hz=GRID):
    """Each grid point the mean power over a 1/4 octave around it of a pink spectrum (power as 1/f)."""
    octaves = np.abs(np.log2(CELLS[None, :] / grid_hz[:, None]))
    weights = (octaves <= 1 / 8) / CELLS[None, :]
    return PowerAverage(CELLS, weights / weights.sum(axis=1, keepdims=True))


def rms_from_true_db(params):
    error = response_db_np(params, GRID, RATE) - response_db_np(TRUE, GRID, RATE)
    return float(np.sqrt(np.mean(error**2)))


def test_an_eq_seen_through_a_smoothing_is_found_again_by_a_fit_through_it():
    average = quarter_octave_pink_average()
    target = average.of(response_db_np(TRUE, CELLS, RATE))
    config = FitConfig(gain_penalty=0.03)
    through = fit_curves(target[None], GRID, RATE, config, average=average)
    raw = fit_curves(target[None], GRID, RATE, config)  # the EQ's own response against the smoothed target
    assert through.rms_db[0] < 0.01 and rms_from_true_db(through.params[0]) < 0.01
    # The raw response cannot follow the blurred bells: another EQ, 10x further from the true one.
    assert rms_from_true_db(raw.params[0]) > 10 * rms_from_true_db(through.params[0])


def test_the_error_reported_is_the_smoothed_responses():
    average = quarter_octave_pink_average()
    target = average.of(response_db_np(TRUE, CELLS, RATE)) + 0.5 * np.sin(np.arange(len(GRID)))
    fit = fit_curves(target[None], GRID, RATE, FitConfig(gain_penalty=0.03), average=average)
    error = average.of(response_db_np(fit.params[0], CELLS, RATE)) - target
    assert fit.rms_db[0] == pytest.approx(float(np.sqrt(np.mean(error**2))), rel=1e-9)


def test_a_power_average_of_a_constant_response_is_that_constant():
    average = quarter_octave_pink_average()
    np.testing.assert_allclose(average.of(np.full((2, len(CELLS)), -7.5)), -7.5, atol=1e-12)


def test_a_power_averages_jacobian_is_the_derivative_of_its_response():
    average = quarter_octave_pink_average()
    rng = np.random.default_rng(1)
    response = rng.normal(0.0, 6.0, (2, len(CELLS)))
    directions = rng.normal(0.0, 1.0, (2, len(CELLS), 4))
    step = 1e-6
    numeric = np.stack([(average.of(response + step * directions[..., k]) - average.of(response)) / step
                        for k in range(4)], axis=-1)
    np.testing.assert_allclose(average.jacobian(response, directions), numeric, atol=1e-5)


@pytest.mark.parametrize("weights", [
    np.full((128, 480), 1.0),  # rows summing to 480
    -np.full((128, 480), 1.0 / 480),  # negative
    np.full((128, 479), 1.0 / 479),  # one column short of the frequencies
    np.full((128, 480), np.nan),
])
def test_bad_power_average_weights_are_refused_naming_average(weights):
    with pytest.raises(ParameterError, match="average"):
        PowerAverage(CELLS, weights)


def test_a_power_average_for_another_grid_is_refused_by_the_fit():
    average = quarter_octave_pink_average(fit_grid(64))
    with pytest.raises(ParameterError, match=r"average.*one row per frequency of freqs_hz \(128\)"):
        fit_curves(np.zeros((1, len(GRID))), GRID, RATE, average=average)


def test_a_power_average_looking_past_nyquist_is_refused_by_the_fit():
    grid = log_freq_grid(64, 20.0, 8000.0)
    with pytest.raises(ParameterError, match=r"average.freqs_hz=.*below 11025 Hz"):
        fit_curves(np.zeros((1, len(grid))), grid, 22050.0, average=quarter_octave_pink_average(grid))
