"""The response fit reports its progress, so a cold ``eqmorph data stats`` is never silent."""

import numpy as np

from eqmorph.core.fit import FitConfig, fit_curves, fit_grid


def test_fit_curves_reports_every_start_and_the_polish_and_the_result_does_not_change():
    freqs = fit_grid(64)
    target = np.stack([3.0 * np.exp(-np.log(freqs / f) ** 2) for f in (200.0, 2000.0)])
    cfg = FitConfig(greedy_starts=((150.0, 6000.0, 1.4), (80.0, 3000.0, 0.8)), iterations=5, polish_iterations=5)
    calls = []
    with_bar = fit_curves(target, freqs, config=cfg, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]  # two greedy starts, the fixed start, the polish
    plain = fit_curves(target, freqs, config=cfg)
    np.testing.assert_array_equal(with_bar.params, plain.params)
