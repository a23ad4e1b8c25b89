"""Known facts about the RBJ biquads and the 5-band response."""

import numpy as np
import pytest
from scipy import signal

from eqmorph import EQ
from eqmorph.core import dsp
from eqmorph.core.ranges import flat_params

SAMPLE_RATES = [8000.0, 44100.0, 48000.0, 96000.0, 192000.0]


def _eq(rows):
    return EQ.from_array(np.array(rows, dtype=float))


@pytest.mark.parametrize("sample_rate", SAMPLE_RATES)
def test_a_0_db_eq_is_flat(sample_rate):
    freqs = dsp.log_freq_grid(128, 20, 0.45 * sample_rate)
    assert np.max(np.abs(EQ.flat().response_db(freqs, sample_rate))) < 1e-9


@pytest.mark.parametrize("sample_rate", SAMPLE_RATES)
@pytest.mark.parametrize("gain_db", [-12.0, -3.0, 6.0, 18.0])
def test_gain_at_a_peaks_centre_frequency_equals_its_gain_db(sample_rate, gain_db):
    params = flat_params()
    params[2] = [gain_db, 1000.0, 2.0]
    assert EQ.from_array(params).response_db([1000.0], sample_rate)[0] == pytest.approx(gain_db, abs=1e-9)


@pytest.mark.parametrize("gain_db", [-9.0, 12.0])
def test_low_shelf_reaches_its_gain_far_below_the_corner_and_zero_far_above(gain_db):
    params = flat_params()
    params[0] = [gain_db, 200.0, 0.71]
    eq = EQ.from_array(params)
    low, high = eq.response_db([5.0, 15000.0], 48000)
    assert low == pytest.approx(gain_db, abs=0.05)
    assert high == pytest.approx(0.0, abs=0.05)


@pytest.mark.parametrize("gain_db", [-9.0, 12.0])
def test_high_shelf_reaches_its_gain_far_above_the_corner(gain_db):
    params = flat_params()
    params[4] = [gain_db, 2000.0, 0.71]
    eq = EQ.from_array(params)
    low, high = eq.response_db([20.0, 23000.0], 48000)
    assert low == pytest.approx(0.0, abs=0.05)
    assert high == pytest.approx(gain_db, abs=0.1)


@pytest.mark.parametrize("sample_rate", [22050.0, 44100.0, 96000.0])
def test_response_agrees_with_scipy_sosfreqz(sample_rate):
    rng = np.random.default_rng(0)
    eq = _eq(
        [
            [4.0, 120.0, 0.71],
            [-6.0, 400.0, 1.5],
            [3.0, 2500.0, 0.7],
            [8.0, 6000.0, 4.0],
            [-5.0, 9000.0, 0.9],
        ]
    )
    freqs = np.sort(rng.uniform(20, 0.45 * sample_rate, 200))
    _, h = signal.sosfreqz(eq.sos(sample_rate), worN=freqs, fs=sample_rate)
    np.testing.assert_allclose(eq.response_db(freqs, sample_rate), 20 * np.log10(np.abs(h)), atol=1e-8)


def test_batched_response_matches_one_at_a_time():
    rng = np.random.default_rng(1)
    batch = flat_params(4)
    batch[:, :, 0] = rng.uniform(-12, 12, (4, 5))
    freqs = dsp.log_freq_grid(64)
    together = dsp.response_db_np(batch, freqs, 44100)
    assert together.shape == (4, 64)
    for i in range(4):
        np.testing.assert_allclose(together[i], EQ.from_array(batch[i]).response_db(freqs, 44100), atol=1e-12)


@pytest.mark.parametrize("sample_rate", SAMPLE_RATES)
def test_one_eq_gets_the_same_coefficients_as_a_batch_of_two(sample_rate):
    # A single EQ is computed on Python floats (the slider's fast path), a batch on arrays.
    rng = np.random.default_rng(2)
    for _ in range(50):
        params = np.stack([rng.uniform(-24, 24, 5), np.geomspace(20, 20000, 5) * rng.uniform(0.5, 2, 5),
                           rng.uniform(0.1, 10, 5)], -1)
        batch = dsp.band_coefficients(np, np.stack([params, params]), sample_rate)
        for one in (params, params[None]):
            expected = batch[0].reshape(one.shape[:-1] + (6,))
            np.testing.assert_allclose(dsp.band_coefficients(np, one, sample_rate), expected, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("row", [[1e6, 1000.0, 1.0], [3.0, 1000.0, 0.0], [np.inf, 1000.0, 1.0], [np.nan, 1000.0, 1.0]])
def test_values_floats_cannot_hold_give_what_the_array_path_gives(row):
    params = flat_params()
    params[2] = row
    with np.errstate(all="ignore"):
        one = dsp.band_coefficients(np, params, 48000.0)
        batch = dsp.band_coefficients(np, np.stack([params, params]), 48000.0)[0]
    np.testing.assert_array_equal(one, batch)


def test_torch_response_matches_numpy_and_is_differentiable():
    torch = pytest.importorskip("torch")
    params = flat_params(3)
    params[:, :, 0] = [[3, -2, 5, 1, -4], [0, 0, 0, 0, 0], [-12, 6, 6, -6, 12]]
    freqs = dsp.log_freq_grid(50)
    t = torch.tensor(params, requires_grad=True)
    out = dsp.response_db(torch, t, torch.tensor(freqs), 44100.0)
    np.testing.assert_allclose(out.detach().numpy(), dsp.response_db_np(params, freqs, 44100), atol=1e-9)
    out.sum().backward()
    assert torch.isfinite(t.grad).all() and t.grad[:, :, 0].abs().sum() > 0


@pytest.mark.parametrize("sample_rate", [8000.0, 11025.0])
def test_bands_above_nyquist_are_clamped_and_the_response_stays_finite(sample_rate):
    params = flat_params()
    params[3] = [12.0, 20000.0, 10.0]
    params[4] = [-12.0, 20000.0, 0.1]
    # Frequencies up to (not at) Nyquist: response_db refuses the ones a filter at this rate cannot have.
    resp = EQ.from_array(params).response_db(np.linspace(1, sample_rate / 2, 100, endpoint=False), sample_rate)
    assert np.all(np.isfinite(resp))


def _random_eqs(n_eqs: int, seed: int = 4) -> np.ndarray:
    rng = np.random.default_rng(seed)
    params = flat_params(n_eqs)
    params[:, :, 0] = rng.uniform(-24.0, 24.0, (n_eqs, 5))  # the whole gain range, deep notches included
    params[:, 1:4, 1] = np.exp(rng.uniform(np.log(20.0), np.log(20000.0), (n_eqs, 3)))
    params[:, :, 2] = np.exp(rng.uniform(np.log(0.1), np.log(10.0), (n_eqs, 5)))
    return params


# Up to SMALL_BATCH_EQS EQs are designed on floats, more as arrays: both sides of the switch.
@pytest.mark.parametrize("n_eqs", [1, 3, dsp.SMALL_BATCH_EQS, dsp.SMALL_BATCH_EQS + 1, 64])
@pytest.mark.parametrize("sample_rate", [44100.0, 48000.0, 96000.0])
def test_whole_response_from_one_logarithm_equals_the_sum_of_band_responses(sample_rate, n_eqs):
    params = _random_eqs(n_eqs)
    basis = dsp.phi_basis(np, dsp.log_freq_grid(128), sample_rate)
    expected = dsp.basis_band_response_db(np, params, basis, sample_rate).sum(-2)
    np.testing.assert_allclose(dsp.basis_response_db_np(params, basis, sample_rate), expected, rtol=0, atol=1e-9)
    np.testing.assert_allclose(dsp.rows_response_db(params.tolist(), basis, sample_rate), expected, rtol=0, atol=1e-9)


def test_one_eq_without_a_batch_axis_gives_one_curve():
    params = _random_eqs(1)
    basis = dsp.phi_basis(np, dsp.log_freq_grid(64), 48000.0)
    out = dsp.basis_response_db_np(params[0], basis, 48000.0)
    assert out.shape == (64,)
    np.testing.assert_allclose(out, dsp.basis_band_response_db(np, params[0], basis, 48000.0).sum(-2), atol=1e-9)


def test_values_floats_cannot_hold_take_the_array_path_with_the_same_answer():
    params = _random_eqs(2)
    params[1, 2, 0] = 1e6  # 10 ** (gain / 40) overflows a Python float; numpy gives inf
    basis = dsp.phi_basis(np, dsp.log_freq_grid(32), 48000.0)
    with np.errstate(all="ignore"):
        expected = dsp.basis_band_response_db(np, params, basis, 48000.0).sum(-2)
        out = dsp.basis_response_db_np(params, basis, 48000.0)
    np.testing.assert_array_equal(np.isnan(out), np.isnan(expected))
    np.testing.assert_allclose(out[0], expected[0], atol=1e-9)


@pytest.mark.parametrize("sample_rate", SAMPLE_RATES)
def test_numpy_coefficients_of_a_batch_are_the_cookbooks_per_kind_bit_for_bit(sample_rate):
    # The numpy path designs the five bands together; each kind's formulas (dsp._rbj, which torch runs) are the same
    # element for element, so the bits must be too.
    rng = np.random.default_rng(int(sample_rate))
    params = np.stack([rng.uniform(-24, 24, (3, 7, 5)), np.exp(rng.uniform(np.log(20), np.log(20000), (3, 7, 5))),
                       np.exp(rng.uniform(np.log(0.1), np.log(10), (3, 7, 5)))], axis=-1)
    g, f, q = params[..., 0], params[..., 1], params[..., 2]
    per_kind = np.concatenate([dsp._rbj(np, kind, g[..., b], f[..., b], q[..., b], sample_rate)
                               for kind, b in (("low_shelf", slice(0, 1)), ("peaking", slice(1, 4)),
                                               ("high_shelf", slice(4, 5)))], axis=-2)
    np.testing.assert_array_equal(dsp.band_coefficients(np, params, sample_rate), per_kind / per_kind[..., 3:4])
