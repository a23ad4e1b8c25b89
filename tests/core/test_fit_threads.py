"""A large fit runs one chunk of rows per core, with the bits of one batch."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from eqmorph.core import dsp, fit
from eqmorph.core.fit import FitConfig, fit_curves, fit_grid
from eqmorph.core.ranges import clip_to_ranges

CFG = FitConfig(greedy_starts=((150.0, 6000.0, 1.4),), iterations=6, polish_iterations=4)


def _targets(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(n)
    params = np.zeros((n, 5, 3))
    params[..., 0] = rng.uniform(-9.0, 9.0, (n, 5))
    params[..., 1] = np.exp(rng.uniform(np.log(40.0), np.log(12000.0), (n, 5)))
    params[..., 2] = np.exp(rng.uniform(np.log(0.5), np.log(3.0), (n, 5)))
    freqs = fit_grid(64)
    return dsp.response_db(np, clip_to_ranges(params), freqs, 48000.0), freqs


@pytest.mark.parametrize("n, cores", [(13, 2), (13, 3), (9, 4)])
def test_a_fit_split_over_threads_gives_exactly_the_one_batch_result(monkeypatch, n, cores):
    target, freqs = _targets(n)
    monkeypatch.setattr(fit, "PARALLEL_MIN_CURVES", 3)
    monkeypatch.setattr(fit, "cores", lambda: 1)
    one = fit_curves(target, freqs, 48000.0, CFG)
    monkeypatch.setattr(fit, "cores", lambda: cores)
    assert len(fit._row_chunks(n)) == min(cores, n // 3) > 1
    split = fit_curves(target, freqs, 48000.0, CFG)
    np.testing.assert_array_equal(split.params, one.params)
    np.testing.assert_array_equal(split.rms_db, one.rms_db)


def test_starts_given_are_split_with_their_rows(monkeypatch):
    target, freqs = _targets(10)
    guess = np.tile([[3.0, 100.0, 0.7], [0.0, 300.0, 1.0], [0.0, 1000.0, 1.0], [0.0, 3000.0, 1.0],
                     [-3.0, 8000.0, 0.7]], (1, 10, 1, 1))
    guess[0, :, 0, 0] = np.linspace(-6.0, 6.0, 10)  # a different start per row, so a misplaced one shows
    cfg = FitConfig(greedy_starts=(), fixed_peaks_hz=(), iterations=6, polish_iterations=0)
    monkeypatch.setattr(fit, "PARALLEL_MIN_CURVES", 4)
    monkeypatch.setattr(fit, "cores", lambda: 1)
    one = fit_curves(target, freqs, 48000.0, cfg, starts=guess)
    monkeypatch.setattr(fit, "cores", lambda: 2)
    np.testing.assert_array_equal(fit_curves(target, freqs, 48000.0, cfg, starts=guess).params, one.params)


def test_a_large_fit_runs_in_one_thread_per_core_and_a_small_one_in_the_callers(monkeypatch):
    seen: list[int] = []
    fit_rows = fit._fit_rows

    def recording(target, *args):
        seen.append(threading.get_ident())
        return fit_rows(target, *args)

    monkeypatch.setattr(fit, "_fit_rows", recording)
    monkeypatch.setattr(fit, "PARALLEL_MIN_CURVES", 4)
    monkeypatch.setattr(fit, "cores", lambda: 2)
    target, freqs = _targets(8)
    fit_curves(target, freqs, 48000.0, CFG)
    assert len(set(seen)) == 2 and threading.get_ident() in seen  # the caller fits a chunk too
    seen.clear()
    fit_curves(target[:7], freqs, 48000.0, CFG)  # 7 rows: fewer than two chunks' worth
    assert seen == [threading.get_ident()]


def test_the_chunks_cover_every_row_once_in_order():
    for n in (1, 255, 256, 511, 512, 1276, 5000):
        rows = np.concatenate([np.arange(n)[s] for s in fit._row_chunks(n)])
        np.testing.assert_array_equal(rows, np.arange(n))
