"""Audio features relative to the dry signal, the |H|^2 x PSD shortcut, standardisation and MMD."""

import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import signal

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives

from benchmarks import audio_features as af  # noqa: E402

from eqmorph.core.eq import EQ, canonical_array  # noqa: E402
from eqmorph.core.ranges import flat_params  # noqa: E402
from eqmorph.errors import AudioError, ParameterError  # noqa: E402

SAMPLE_RATES = [44100, 48000]
NAMES = {n: i for i, n in enumerate(af.FEATURE_NAMES)}


def _noise(sample_rate, seconds=2.0, channels=1, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((int(seconds * sample_rate), channels)) * 0.1
    return x[:, 0] if channels == 1 else x


def _high_shelf(gain_db, freq_hz=4000.0):
    p = flat_params()
    p[4] = [gain_db, freq_hz, 0.71]
    return p


def _filter(x, params, sample_rate):
    return signal.sosfilt(EQ.from_array(params).sos(sample_rate), x, axis=0)


def _moderate_eqs(n, seed):
    """Crowd-like EQs: gains within +-12 dB, Q 0.3..3, frequencies over the whole range."""
    rng = np.random.default_rng(seed)
    p = np.empty((n, 5, 3))
    p[:, :, 0] = rng.uniform(-12.0, 12.0, (n, 5))
    low = np.log([40.0, 60.0, 60.0, 60.0, 1000.0])
    high = np.log([500.0, 16000.0, 16000.0, 16000.0, 16000.0])
    p[:, :, 1] = np.exp(rng.uniform(low, high, (n, 5)))
    p[:, :, 2] = np.exp(rng.uniform(np.log(0.3), np.log(3.0), (n, 5)))
    p[:, [0, 4], 2] = 0.71
    return canonical_array(p)


def test_feature_names_match_the_vector_length():
    x = _noise(44100)
    assert af.features_for_eqs(x, flat_params(2), 44100).shape == (2, len(af.FEATURE_NAMES))
    assert len(set(af.FEATURE_NAMES)) == len(af.FEATURE_NAMES)


@pytest.mark.parametrize("sample_rate", SAMPLE_RATES)
@pytest.mark.parametrize("channels", [1, 2])
def test_a_flat_eq_changes_no_feature(sample_rate, channels):
    x = _noise(sample_rate, channels=channels)
    np.testing.assert_allclose(af.features_for_eqs(x, flat_params(3), sample_rate), 0.0, atol=1e-9)
    np.testing.assert_allclose(af.features(x, _filter(x, flat_params(), sample_rate), sample_rate), 0.0, atol=1e-9)


@pytest.mark.parametrize("sample_rate", SAMPLE_RATES)
@pytest.mark.parametrize("path", ["shortcut", "filtering"])
def test_a_high_shelf_boost_raises_the_centroid_and_the_high_band(sample_rate, path):
    x = _noise(sample_rate)
    p = _high_shelf(6.0)
    f = (af.features_for_eqs(x, p[None], sample_rate)[0] if path == "shortcut"
         else af.features(x, _filter(x, p, sample_rate), sample_rate))
    assert f[NAMES["centroid_oct"]] > 0.1
    assert f[NAMES["rolloff85_oct"]] > 0.0
    assert f[NAMES["tilt_db_per_oct"]] > 0.3
    # White noise already holds ~80 % of its energy above 4 kHz, so the high share can only grow a
    # little, while every other region's share drops by about the level gained.
    assert f[NAMES["share_high_db"]] > 0.3
    assert f[NAMES["share_low_db"]] < -3.0
    assert f[NAMES["level_db"]] > 3.0
    assert f[NAMES["band_db_16k"]] == pytest.approx(6.0, abs=0.3)  # well above the shelf: its full gain
    assert abs(f[NAMES["band_db_100"]]) < 0.05  # far below the shelf: untouched


def test_a_high_shelf_cut_moves_the_features_the_other_way():
    x = _noise(44100)
    boost, cut = af.features_for_eqs(x, np.stack([_high_shelf(6.0), _high_shelf(-6.0)]), 44100)
    for name in ("centroid_oct", "share_high_db", "band_db_8k", "tilt_db_per_oct"):
        assert boost[NAMES[name]] > 0 > cut[NAMES[name]]


@pytest.mark.parametrize("sample_rate", SAMPLE_RATES)
@pytest.mark.parametrize("channels", [1, 2])
def test_the_response_times_psd_shortcut_matches_real_filtering(sample_rate, channels):
    # Tolerances: what is left is Hann-window leakage where |H| changes within the ~11 Hz main lobe
    # and the filter's start-up transient; measured at <= 0.12 dB per band on crowd-like EQs, so
    # 0.25 dB (a quarter of the ~1 dB level JND, and well under the crowd's spread of several dB)
    # leaves room for other noise seeds without hiding a real error (a wrong |H| is off by dBs).
    x = _noise(sample_rate, channels=channels, seed=channels)
    params = _moderate_eqs(12, seed=sample_rate)
    shortcut = af.features_for_eqs(x, params, sample_rate)
    filtered = np.stack([af.features(x, _filter(x, p, sample_rate), sample_rate) for p in params])
    err = np.abs(shortcut - filtered)
    bands_and_shares = [i for n, i in NAMES.items() if n.startswith(("band_db_", "share_", "level_db"))]
    assert err[:, bands_and_shares].max() < 0.25
    assert err[:, [NAMES["centroid_oct"], NAMES["rolloff85_oct"]]].max() < 0.01  # 0.7 % in frequency
    assert err[:, NAMES["tilt_db_per_oct"]].max() < 0.02
    assert np.abs(shortcut).max() > 3.0  # the EQs really changed the sound: this is not 0 == 0


def test_the_shortcut_accepts_a_precomputed_dry_spectrum():
    x = _noise(48000)
    spec = af.dry_spectrum(x, 48000)
    params = _moderate_eqs(5, seed=3)
    np.testing.assert_allclose(af.features_for_eqs(spec, params, 48000), af.features_for_eqs(x, params, 48000))
    with pytest.raises(ParameterError, match="sample_rate"):
        af.features_for_eqs(spec, params, 44100)


def test_many_eqs_in_chunks_give_the_same_features_as_one_by_one():
    x = _noise(44100)
    params = _moderate_eqs(af.EQ_CHUNK + 7, seed=4)
    together = af.features_for_eqs(x, params, 44100)
    alone = np.stack([af.features_for_eqs(x, p[None], 44100)[0] for p in params[-9:]])
    np.testing.assert_allclose(together[-9:], alone, atol=1e-12)


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda x: af.features_for_eqs(x, flat_params(), 44100), ParameterError, "params.shape"),
    (lambda x: af.features_for_eqs(x, flat_params(1) * np.nan, 44100), ParameterError, "params"),
    (lambda x: af.features_for_eqs(x, flat_params(1), 22050), ParameterError, "sample_rate"),
    (lambda x: af.features_for_eqs(x[:1000], flat_params(1), 44100), AudioError, "frames"),
    (lambda x: af.features_for_eqs(np.zeros_like(x), flat_params(1), 44100), AudioError, "silent"),
    (lambda x: af.features_for_eqs((x * 1000).astype(np.int16), flat_params(1), 44100), AudioError, "dtype"),
    (lambda x: af.features(x, x[:-1], 44100), AudioError, "frames"),
])
def test_bad_input_is_answered_with_a_project_error_naming_it(call, error, name):
    with pytest.raises(error, match=name):
        call(_noise(44100))


def test_mmd_of_a_sample_with_itself_is_near_zero_and_grows_with_a_shift():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((200, 6))
    same = rng.standard_normal((200, 6))
    assert abs(af.mmd_rbf(x, x, bandwidth=3.0)) < 0.02  # only the unbiased estimator's own-diagonal term
    assert abs(af.mmd_rbf(x, same, bandwidth=3.0)) < 0.02
    values = [af.mmd_rbf(x, same + shift, bandwidth=3.0) for shift in (0.0, 0.5, 1.0, 2.0, 4.0)]
    assert all(b > a for a, b in zip(values, values[1:]))
    assert values[-1] > 0.5


def test_mmd_is_symmetric_and_uses_the_median_heuristic_by_default():
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal((30, 4)), rng.standard_normal((40, 4)) + 1.0
    assert af.mmd_rbf(x, y) == pytest.approx(af.mmd_rbf(y, x))
    sigma = af.median_bandwidth(np.vstack([x, y]))
    assert af.mmd_rbf(x, y) == pytest.approx(af.mmd_rbf(x, y, bandwidth=sigma))
    assert af.mmd_rbf(x, y, bandwidth=sigma * 10) < af.mmd_rbf(x, y, bandwidth=sigma)


def test_a_single_point_is_a_point_mass():
    rng = np.random.default_rng(2)
    y = rng.standard_normal((300, 3))
    assert af.mmd_rbf(np.zeros((1, 3)), np.zeros((1, 3)), bandwidth=1.0) == 0.0
    centre, far = af.mmd_rbf(y.mean(0)[None], y, 1.5), af.mmd_rbf(y.mean(0)[None] + 3.0, y, 1.5)
    assert 0.0 < centre < far
    # The point-mass value: k(x, x) = 1 for the generator, the unbiased within-term for y.
    k = np.exp(-((y[:, None] - y[None]) ** 2).sum(-1) / (2 * 1.5**2))
    kyy = (k.sum() - np.trace(k)) / (300 * 299)
    kxy = np.exp(-((y - y.mean(0)) ** 2).sum(-1) / (2 * 1.5**2)).mean()
    assert centre == pytest.approx(1.0 + kyy - 2.0 * kxy)


def test_mmd_rejects_mismatched_or_bad_input():
    x = np.zeros((3, 4))
    with pytest.raises(ParameterError, match="y.shape"):
        af.mmd_rbf(x, np.zeros((3, 5)))
    with pytest.raises(ParameterError, match="bandwidth"):
        af.mmd_rbf(x, x, bandwidth=0.0)
    with pytest.raises(ParameterError, match="x"):
        af.mmd_rbf(np.full((2, 4), np.nan), x)


def test_standardisation_is_fitted_once_and_keeps_the_shifts_it_should_reveal():
    rng = np.random.default_rng(3)
    reference = rng.normal(5.0, 2.0, (500, 3))
    reference[:, 2] = 7.0  # a constant feature must not divide by zero
    scaler = af.Standardizer.fit(reference)
    z = scaler.transform(reference)
    np.testing.assert_allclose(z[:, :2].mean(0), 0.0, atol=1e-12)
    np.testing.assert_allclose(z[:, :2].std(0), 1.0, atol=1e-12)
    np.testing.assert_allclose(z[:, 2], 0.0)
    before = (scaler.mean.copy(), scaler.scale.copy())
    shifted = scaler.transform(reference + [4.0, 0.0, 0.0])  # transforming another set does not refit
    np.testing.assert_allclose(shifted[:, 0].mean(), 4.0 / scaler.scale[0])
    np.testing.assert_array_equal(scaler.mean, before[0])
    np.testing.assert_array_equal(scaler.scale, before[1])
    with pytest.raises(ValueError):
        scaler.mean[0] = 0.0  # read-only: nothing can refit it in place
    with pytest.raises(ParameterError, match="features.shape"):
        scaler.transform(np.zeros((2, 4)))


def _crowd(kind, n, seed):
    """Synthetic crowd EQs: "warm" boosts a low-mid peak and cuts highs, "bright" boosts a high shelf."""
    rng = np.random.default_rng(seed)
    p = flat_params(n)
    if kind == "warm":
        p[:, 1] = np.column_stack([rng.normal(6, 1.5, n), rng.uniform(250, 500, n), np.full(n, 1.0)])
        p[:, 4, 0] = rng.normal(-4, 1.0, n)
    else:
        p[:, 4, 0] = rng.normal(6, 1.5, n)
    return canonical_array(p)


def test_the_audio_semantic_evaluation_ranks_crowd_like_eqs_above_random_ones():
    from benchmarks import audio_semantic

    rows = {w: {"reference": _crowd(w, 30, 1), "train": _crowd(w, 60, 2)} for w in ("warm", "bright")}
    rng = np.random.default_rng(5)
    generators = {
        "eqmorph": lambda w, n, s: _crowd(w, 200, 3).mean(0)[None],
        "eqmorph_sample": lambda w, n, s: _crowd(w, n, 10 + s),
        "random": lambda w, n, s: audio_semantic._random_params(n, rng),
    }
    out = audio_semantic.evaluate_recording(_noise(44100, seconds=1.0), 44100.0, generators, rows)
    for res in out["words"].values():
        mmd = res["mmd2"]
        assert abs(mmd["crowd_train"]) < 0.05 and abs(mmd["eqmorph_sample"]) < 0.05
        assert mmd["random"] > 0.2 > mmd["eqmorph"]
        assert res["distance_to_reference_mean"]["eqmorph"] < res["reference_spread"]
        assert res["shortcut_check_max_abs"] < 0.25
    assert out["words"]["warm"]["direction"]["low_mid_vs_high_db"]["agrees"]["eqmorph"]
    assert out["words"]["bright"]["direction"]["centroid_oct"]["agrees"]["eqmorph"]
