"""One preamp: export and every preset format give the same number, on the same grid."""

import json
import re

import numpy as np
import pytest

from eqmorph import EQ
from eqmorph.core import dsp
from eqmorph.core.preamp import PREAMP_SAMPLE_RATES, max_response_db, preamp_db
from eqmorph.core.ranges import HIGH, LOW
from eqmorph.io.presets import format_eq


def _random_eqs(n: int, seed: int = 0) -> list[EQ]:
    rng = np.random.default_rng(seed)
    u = rng.uniform(size=(n, 5, 3))
    log_low, log_high = np.log(LOW[..., 1:]), np.log(HIGH[..., 1:])
    params = np.empty((n, 5, 3))
    params[..., 0] = rng.uniform(-15.0, 15.0, size=(n, 5))
    params[..., 1:] = np.exp(log_low + u[..., 1:] * (log_high - log_low))
    return [EQ.from_array(p) for p in params]


def _apo_preamp(eq: EQ) -> float:
    line = next(line for line in format_eq(eq, "apo").splitlines() if line.startswith("Preamp:"))
    return float(re.fullmatch(r"Preamp: (\S+) dB", line).group(1))


def test_export_and_every_format_agree_for_200_random_eqs():
    for eq in _random_eqs(200):
        expected = preamp_db(eq)
        assert _apo_preamp(eq) == expected
        assert json.loads(format_eq(eq, "json"))["preamp_db"] == expected
        assert format_eq(eq, "csv").splitlines()[-1] == f"preamp,preamp,{expected!r},,"
        assert format_eq(eq, "table").splitlines()[-1] == f"preamp for no clipping: {expected:.1f} dB"
        # A preset's rate is unknown, so its preamp is the worst over the common rates.
        assert expected == min(preamp_db(eq, sr) for sr in PREAMP_SAMPLE_RATES)


def test_the_preamp_is_the_largest_boost_on_20_hz_to_20_khz_rounded_to_more_headroom():
    eqs = _random_eqs(50, seed=1)
    for eq in eqs:
        for sr in (44100.0, 96000.0):
            dense = float(np.max(eq.response_db(dsp.log_freq_grid(100_000), sr)))  # 20 Hz..20 kHz
            peak = max_response_db(eq, sr)
            assert peak == pytest.approx(dense, abs=1e-3)
            if peak > 0:
                assert -peak - 0.1 < preamp_db(eq, sr) <= -peak + 1e-6
                assert round(preamp_db(eq, sr) * 10) == pytest.approx(preamp_db(eq, sr) * 10, abs=1e-9)
            else:
                assert preamp_db(eq, sr) == 0.0


def test_a_boost_above_20_khz_does_not_count_at_any_rate():
    # A high shelf at 20 kHz boosts most beyond 20 kHz, which a 96 kHz file can hold; the audible band ends at 20 kHz.
    eq = EQ.from_array([[0, 100, 0.71], [0, 300, 1], [0, 1000, 1], [0, 3000, 1], [12.0, 20000.0, 0.71]])
    assert max_response_db(eq, 96000.0) < 12.0 - 3.0
    assert max_response_db(eq, 96000.0) == pytest.approx(float(eq.response_db([20000.0], 96000.0)[0]), abs=1e-6)


def test_exact_boosts_give_exact_preamps():
    lone_peak = EQ.from_array([[0, 100, 0.71], [0, 300, 1], [6.0, 1000, 1], [0, 3000, 1], [0, 8000, 0.71]])
    assert preamp_db(lone_peak) == -6.0
    assert preamp_db(lone_peak, 44100) == -6.0
    assert preamp_db(EQ.flat()) == 0.0
