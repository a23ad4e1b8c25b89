"""core/threads.py: BLAS keeps to one thread inside single_blas_thread, and gets its count back after."""

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from eqmorph.core.threads import single_blas_thread


def _blas_threads() -> list[int]:
    return [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]


def test_blas_uses_one_thread_inside_and_its_own_count_after():
    before = _blas_threads()
    if not before:
        pytest.skip("no BLAS library that threadpoolctl can control is loaded")
    with single_blas_thread():
        assert _blas_threads() == [1] * len(before)
    assert _blas_threads() == before


def test_the_count_comes_back_when_the_body_raises():
    before = _blas_threads()
    with pytest.raises(RuntimeError), single_blas_thread():
        raise RuntimeError("boom")
    assert _blas_threads() == before


def test_a_match_runs_with_one_blas_thread(monkeypatch):
    """match() analyses and fits with BLAS on one thread (its workers only competed with the analyses)."""
    from eqmorph.semantic import match as match_module

    seen: list[list[int]] = []
    fit = match_module.fit_match_target

    def spy(*args, **kwargs):
        seen.append(_blas_threads())
        return fit(*args, **kwargs)

    monkeypatch.setattr(match_module, "fit_match_target", spy)
    rng = np.random.default_rng(0)
    x = 0.1 * rng.standard_normal((44100, 2))
    # The reference, integrated noise, falls 6 dB an octave: above a few kHz it is more than 60 dB down, as said.
    with pytest.warns(UserWarning) as caught:  # and the limit's notes: integrated noise is a steep tilt
        match_module.match(x, np.cumsum(x, axis=0) * 0.01, 44100)
    assert any("the reference holds almost nothing above" in str(w.message) for w in caught)
    assert seen and all(n == 1 for n in seen[0])


@pytest.mark.parametrize("n, parts", [(2, 2), (5, 2), (5, 3), (1276, 2), (7, 7)])
def test_even_slices_cover_every_index_once_with_lengths_one_apart(n, parts):
    from eqmorph.core.threads import even_slices

    slices = even_slices(n, parts)
    lengths = [s.stop - s.start for s in slices]
    assert len(slices) == parts and max(lengths) - min(lengths) <= 1
    np.testing.assert_array_equal(np.concatenate([np.arange(n)[s] for s in slices]), np.arange(n))


def test_a_blas_library_loaded_after_the_first_limit_is_limited_too():
    """A fit before any scipy import (a data fit, then a match in the same process) left scipy's own OpenBLAS at
    full threads in the match: the libraries are looked for again once modules were imported since."""
    import subprocess
    import sys

    code = (
        "import numpy\n"
        "from threadpoolctl import threadpool_info\n"
        "from eqmorph.core.threads import single_blas_thread\n"
        "with single_blas_thread():\n"
        "    pass\n"
        "import scipy.fft\n"  # brings scipy's own OpenBLAS
        "with single_blas_thread():\n"
        "    print(len(threadpool_info()), [i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split(" ", 1)
    assert int(out[0]) >= 2 and set(_ints(out[1])) == {1}


def _ints(text: str) -> list[int]:
    return [int(v) for v in text.strip().strip("[]").split(",")]
