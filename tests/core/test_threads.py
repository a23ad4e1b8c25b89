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


def test_a_match_spends_nothing_on_finding_blas_libraries():
    """A match calls no BLAS product large enough to be spread over the cores (its level's dot over every bin is an
    einsum), so it sets no thread limit: a fresh process's first match does not pay threadpoolctl's 5-8 ms."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import numpy as np\n"
        "from eqmorph.semantic.match import match\n"
        "x = 0.1 * np.random.default_rng(0).standard_normal((44100, 2))\n"
        "eq = match(x, np.cumsum(x, axis=0) * 0.01, 44100)\n"  # a steep tilt: the fit runs
        "low_db, high_db = eq.response_db([100.0, 8000.0], 44100)\n"
        "print('threadpoolctl' in sys.modules, high_db < low_db - 6)\n"
    )
    run = subprocess.run([sys.executable, "-W", "ignore::UserWarning", "-c", code], capture_output=True, text=True,
                         check=True)
    assert run.stdout.split() == ["False", "True"]


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
