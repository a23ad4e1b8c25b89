"""Conventions have one home: the audible band, the analysis rate, the peak orders, the model-space transform."""

import itertools
import re
from pathlib import Path

import numpy as np
import pytest

import eqmorph
from eqmorph import EQ
from eqmorph.core import dsp, ranges
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE, AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.fit import fit_curves, fit_grid

SRC = Path(eqmorph.__file__).parent


def test_defaults_use_the_audible_band_and_the_analysis_rate():
    grid = dsp.log_freq_grid(16)
    assert (grid[0], grid[-1]) == (AUDIBLE_LOW_HZ, AUDIBLE_HIGH_HZ)
    assert np.array_equal(fit_grid(16), grid)
    eq = EQ.from_array([[0, 100, 0.71], [0, 300, 1], [0, 1000, 1], [0, 3000, 1], [9.0, 15000, 0.71]])
    assert np.array_equal(eq.response_db(grid), eq.response_db(grid, ANALYSIS_SAMPLE_RATE))
    assert np.array_equal(dsp.response_db_np(eq.to_array(), grid), eq.response_db(grid, ANALYSIS_SAMPLE_RATE))
    assert fit_curves.__defaults__[0] == ANALYSIS_SAMPLE_RATE


def test_the_peak_orders_are_defined_once_and_the_identity_comes_first():
    assert ranges.PEAK_PERMS.tolist() == [list(p) for p in itertools.permutations(range(3))]
    defining = [p.relative_to(SRC) for p in SRC.rglob("*.py") if "permutations(range(3))" in p.read_text()]
    assert defining == [Path("core/ranges.py")]


def test_no_module_writes_the_audible_band_as_numbers():
    band = re.compile(r"geomspace\(20(\.0)?, 20000|log_freq_grid\([^)]*20(\.0)?, 20000|\(20\.0, 20000\.0\)")
    offenders = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if band.search(p.read_text())]
    assert offenders == []


def test_the_model_space_transform_is_one_code_for_numpy_and_torch():
    torch = pytest.importorskip("torch")
    from eqmorph.model.losses import model_to_physical

    x = np.random.default_rng(0).uniform(-1.0, 1.0, (8, 5, 3))
    np.testing.assert_allclose(ranges.model_to_physical(np, x), ranges.from_model_space(x), rtol=1e-12)
    t = torch.tensor(x, requires_grad=True)
    y = model_to_physical(t)
    y.sum().backward()
    np.testing.assert_allclose(y.detach().numpy(), ranges.from_model_space(x), rtol=1e-12)
    assert t.grad is not None and torch.isfinite(t.grad).all()
    assert model_to_physical(t.float()).dtype == torch.float32
