"""Long multichannel segments are filtered one group of channels per core, with the samples of one call."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from scipy.signal import sosfilt

from eqmorph import EQ
from eqmorph.audio import sosfilt as sos_kernel
from eqmorph.audio.filtering import EQProcessor, apply_eq

LONG = sos_kernel.THREADED_MIN_FRAMES * 2 + 17


def _eq() -> EQ:
    return EQ.from_array([[5.0, 90.0, 0.7], [0.0, 300.0, 1.0], [0.0, 1000.0, 1.0], [-4.0, 2500.0, 1.5],
                          [2.0, 9000.0, 0.7]])


@pytest.mark.parametrize("channels", [1, 2, 3, 5])
@pytest.mark.parametrize("sample_rate", [44100, 96000])
def test_a_long_segment_gives_exactly_one_sosfilt_calls_samples(channels, sample_rate):
    x = np.random.default_rng(channels).normal(0, 0.2, (LONG, channels))
    eq = _eq()
    np.testing.assert_array_equal(apply_eq(x, sample_rate, eq), sosfilt(eq.sos(sample_rate), x, axis=0))


def test_each_channels_state_carries_from_a_threaded_block_to_the_next():
    x = np.random.default_rng(7).normal(0, 0.2, (3 * LONG, 2))
    eq = _eq()
    proc = EQProcessor.from_eq(eq, 48000, 2)
    cuts = [0, LONG, LONG + 5, 3 * LONG]  # long, short (one thread), long again
    y = np.concatenate([proc.process(x[a:b]) for a, b in zip(cuts[:-1], cuts[1:])])
    np.testing.assert_allclose(y, sosfilt(eq.sos(48000), x, axis=0), rtol=0, atol=1e-15)


def _threads_used(monkeypatch, channels: int, frames: int, cores: int) -> set[int]:
    kernel = sos_kernel._kernel()
    seen: set[int] = set()

    def recording(*args):
        seen.add(threading.get_ident())
        return kernel(*args)

    monkeypatch.setattr(sos_kernel, "_sosfilt_kernel", recording)
    monkeypatch.setattr(sos_kernel, "cores", lambda: cores)
    sos_kernel.filter_segment(np.ascontiguousarray(_eq().sos(44100)), np.zeros((channels, frames)),
                              np.zeros((channels, 5, 2)))
    return seen


def test_a_long_stereo_segment_runs_in_two_threads_on_two_cores(monkeypatch):
    assert len(_threads_used(monkeypatch, 2, LONG, cores=2)) == 2


@pytest.mark.parametrize(("channels", "frames", "cores"), [(1, LONG, 2), (2, 64, 2), (2, LONG, 1)])
def test_mono_short_segments_and_one_core_stay_in_the_calling_thread(monkeypatch, channels, frames, cores):
    assert _threads_used(monkeypatch, channels, frames, cores) == {threading.get_ident()}
