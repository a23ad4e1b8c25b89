"""Trial 11: filtering loads scipy's sosfilt kernel without importing scipy.signal (1.4 s of a short apply)."""

from __future__ import annotations

import importlib.machinery
import subprocess
import sys

import numpy as np
import pytest

from eqmorph import EQ
from eqmorph.audio import sosfilt as sos_kernel
from eqmorph.audio.automation import parse_automation
from eqmorph.audio.filtering import EQProcessor, apply_eq, apply_morph
from eqmorph.core.ranges import flat_params


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def _boosting_eq() -> EQ:
    p = flat_params()
    p[0] = [4.0, 120.0, 0.7]
    p[2] = [-6.0, 1000.0, 2.0]
    p[4] = [3.0, 8000.0, 0.7]
    return EQ.from_array(p)


def test_filtering_audio_in_a_fresh_process_never_imports_scipy_signal():
    out = _run(
        "import sys, numpy as np\n"
        "from eqmorph import EQ\n"
        "from eqmorph.audio import sosfilt as sos_kernel\n"
        "from eqmorph.audio.automation import parse_automation\n"
        "from eqmorph.audio.filtering import apply_eq, apply_morph\n"
        "x = np.random.default_rng(0).normal(0, 0.1, (4000, 2))\n"
        "p = np.array([[3, 100, .7], [2, 300, 1], [-2, 1000, 1], [1, 3000, 1], [-3, 8000, .7]], float)\n"
        "apply_eq(x, 44100, EQ.from_array(p))\n"
        "apply_morph(x, 44100, lambda a: np.repeat(p[None], len(a), 0), parse_automation('0:0,0.05:1'))\n"
        "print(sos_kernel._kernel() is not None, 'scipy.signal' in sys.modules)\n"
    )
    assert out.split() == ["True", "False"]


def test_the_kernel_loaded_on_its_own_is_the_function_scipy_signal_gives_later():
    out = _run(
        "from eqmorph.audio import sosfilt as sos_kernel\n"
        "kernel = sos_kernel._kernel()\n"
        "from scipy.signal._sosfilt import _sosfilt\n"
        "print(kernel is _sosfilt)\n"
    )
    assert out.split() == ["True"]


def test_a_static_eq_through_the_kernel_gives_exactly_scipy_sosfilts_samples():
    from scipy.signal import sosfilt

    assert sos_kernel._kernel() is not None
    x = np.random.default_rng(1).normal(0, 0.2, (6000, 3))
    eq = _boosting_eq()
    np.testing.assert_array_equal(apply_eq(x, 48000, eq), sosfilt(eq.sos(48000), x, axis=0))


def test_a_static_eq_in_blocks_carries_its_state_like_one_sosfilt_call():
    from scipy.signal import sosfilt

    x = np.random.default_rng(2).normal(0, 0.2, (5000, 2))
    eq = _boosting_eq()
    proc = EQProcessor.from_eq(eq, 44100, 2)
    y = np.concatenate([proc.process(x[a:b]) for a, b in [(0, 7), (7, 1000), (1000, 1000), (1000, 5000)]])
    np.testing.assert_allclose(y, sosfilt(eq.sos(44100), x, axis=0), rtol=0, atol=1e-15)


@pytest.mark.parametrize("suffixes", [[], [".not-an-extension"]])
def test_without_a_kernel_file_filtering_falls_back_to_the_public_sosfilt(monkeypatch, suffixes):
    x = np.random.default_rng(3).normal(0, 0.2, (3000, 2))
    eq = _boosting_eq()
    fast = apply_eq(x, 44100, eq)
    monkeypatch.setattr(importlib.machinery, "EXTENSION_SUFFIXES", suffixes)
    monkeypatch.setattr(sos_kernel, "_sosfilt_kernel", sos_kernel._UNSET)
    monkeypatch.delitem(sys.modules, sos_kernel._KERNEL_MODULE, raising=False)
    assert sos_kernel._kernel() is None
    np.testing.assert_array_equal(apply_eq(x, 44100, eq), fast)


def _load_kernel_with(monkeypatch, error: Exception) -> None:
    """Make the kernel's next load raise ``error``, as a first load in a fresh process would."""
    def failing():
        raise error

    monkeypatch.setattr(sos_kernel, "_load_kernel_module", failing)
    monkeypatch.setattr(sos_kernel, "_sosfilt_kernel", sos_kernel._UNSET)
    monkeypatch.delitem(sys.modules, sos_kernel._KERNEL_MODULE, raising=False)


def test_a_kernel_that_fails_to_load_falls_back_and_still_filters(monkeypatch):
    _load_kernel_with(monkeypatch, ImportError("dynamic module does not define module export function"))
    x = np.random.default_rng(4).normal(0, 0.2, (3000, 1))
    automation = parse_automation("0:0,0.05:1")

    def params_at(alphas):
        return np.repeat(_boosting_eq().to_array()[None], len(alphas), axis=0)

    y = apply_morph(x, 44100, params_at, automation)
    assert sos_kernel._kernel() is None
    np.testing.assert_allclose(y, apply_eq(x, 44100, _boosting_eq()), rtol=0, atol=1e-12)


def test_an_error_other_than_a_failed_load_is_not_swallowed(monkeypatch):
    _load_kernel_with(monkeypatch, ValueError("a bug, not a missing kernel"))
    with pytest.raises(ValueError, match="a bug"):
        sos_kernel._kernel()
