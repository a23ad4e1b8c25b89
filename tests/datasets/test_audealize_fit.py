"""The Audealize render of 40-band curves and the batched 5-band fit."""

import numpy as np
import pytest

from eqmorph.core import dsp, fit
from eqmorph.core.ranges import HIGH, LOW
from eqmorph.datasets import audealize
from eqmorph.errors import ParameterError

FREQS = fit.fit_grid()


def _isolated_curve(up: int, down: int) -> np.ndarray:
    """Zeros with +1 at band ``up`` and -1 at band ``down``: normalisation leaves it as it is."""
    curve = np.zeros((1, 40))
    curve[0, up], curve[0, down] = 1.0, -1.0
    return curve


@pytest.mark.parametrize("value", [0.0, 2.7, -1.3])
def test_a_constant_curve_renders_flat(value):
    assert np.max(np.abs(audealize.render_audealize_db(np.full((1, 40), value), FREQS))) < 1e-12


@pytest.mark.parametrize(("up", "down"), [(0, 20), (14, 36), (39, 10), (25, 2)])
def test_an_isolated_band_reaches_five_db_times_its_weight_at_its_centre(up, down):
    # With every other band at 0 dB, only the far-away opposite band overlaps (less than 0.05 dB
    # at >= 3 octaves for Q 4.31), so the response at a centre is 5 * c' = +-5 dB.
    centres = audealize.AUDEALIZE_CENTRES_HZ[[up, down]]
    response = audealize.render_audealize_db(_isolated_curve(up, down), centres)[0]
    assert response == pytest.approx([5.0, -5.0], abs=0.05)


def test_render_depends_on_the_curve_only_through_its_normalised_shape():
    curve = np.random.default_rng(0).normal(size=(2, 40))
    a = audealize.render_audealize_db(curve, FREQS)
    b = audealize.render_audealize_db(3.0 * curve + 7.0, FREQS)
    assert np.max(np.abs(a - b)) < 1e-9


def test_a_negative_amount_gives_the_opposite_effect():
    curve = np.random.default_rng(1).normal(size=(2, 40))
    up = audealize.render_audealize_db(curve, FREQS, amount=0.7)
    down = audealize.render_audealize_db(curve, FREQS, amount=-0.7)
    assert np.max(np.abs(up + down)) < 1e-6  # RBJ peaking: gain -g is exactly 1/H(g), up to rounding
    assert np.max(np.abs(up)) > 1.0


KNOWN_EQS = [
    [[3.0, 120.0, 0.71], [-4.0, 400.0, 1.5], [5.0, 2000.0, 2.0], [-2.0, 7000.0, 1.0], [4.0, 9000.0, 0.71]],
    [[-6.0, 300.0, 0.71], [2.0, 90.0, 0.8], [6.0, 1200.0, 3.0], [-5.0, 4000.0, 1.2], [-3.0, 12000.0, 0.71]],
    [[0.0, 100.0, 0.71], [8.0, 250.0, 1.0], [-7.0, 900.0, 2.5], [4.0, 3500.0, 1.4], [2.0, 5000.0, 0.71]],
]


@pytest.mark.parametrize("sample_rate", [44100.0, 48000.0])
def test_fitting_the_response_of_a_known_5_band_eq_recovers_that_response(sample_rate):
    known = np.array(KNOWN_EQS)
    target = dsp.response_db(np, known, FREQS, sample_rate)
    result = fit.fit_curves(target, FREQS, sample_rate)
    assert result.params.shape == (3, 5, 3)
    assert np.all(result.rms_db < 0.1)
    fitted = dsp.response_db(np, result.params, FREQS, sample_rate)
    assert np.sqrt(np.mean((fitted - target) ** 2, axis=1)) == pytest.approx(result.rms_db)


def test_fitted_eqs_stay_inside_the_parameter_ranges_even_for_extreme_curves():
    rng = np.random.default_rng(2)
    curves = np.concatenate([rng.normal(size=(3, 40)), np.sign(rng.normal(size=(2, 40)))])
    target = audealize.render_audealize_db(curves, FREQS, amount=3.0)
    params = fit.fit_curves(target, FREQS).params
    assert np.all((params >= LOW) & (params <= HIGH))


def test_a_flat_target_fits_with_zero_error():
    result = fit.fit_curves(np.zeros((2, len(FREQS))), FREQS)
    assert np.all(result.rms_db < 1e-6)


@pytest.mark.parametrize(
    ("target", "freqs", "sample_rate"),
    [
        (np.zeros((2, 10)), FREQS, 48000.0),  # wrong width
        (np.full((1, len(FREQS)), np.nan), FREQS, 48000.0),
        (np.zeros((1, len(FREQS))), FREQS, -1.0),
        (np.zeros((1, len(FREQS))), FREQS, 16000.0),  # grid above Nyquist
    ],
)
def test_bad_fit_input_raises_a_parameter_error(target, freqs, sample_rate):
    with pytest.raises(ParameterError):
        fit.fit_curves(target, freqs, sample_rate)


def test_a_curve_without_40_bands_raises_a_parameter_error():
    with pytest.raises(ParameterError, match="curves"):
        audealize.render_audealize_db(np.zeros((1, 39)), FREQS)


def test_the_gain_ridge_keeps_gains_moderate_at_little_cost_in_error():
    rng = np.random.default_rng(5)
    k = np.arange(40)
    curves = np.array(
        [np.sum([a * np.cos(np.pi * f * k / 39 + p) for a, f, p in rng.uniform(0, 3, (4, 3))], 0) for _ in range(12)]
    )
    target = audealize.render_audealize_db(curves, FREQS)
    free = fit.fit_curves(target, FREQS, config=fit.FitConfig(gain_penalty=0.0))
    ridged = fit.fit_curves(target, FREQS, config=fit.FitConfig(gain_penalty=1.0))
    assert np.abs(ridged.params[..., 0]).sum() < 0.8 * np.abs(free.params[..., 0]).sum()
    assert np.median(ridged.rms_db) < np.median(free.rms_db) + 0.5
