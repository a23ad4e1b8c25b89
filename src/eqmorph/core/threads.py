"""How many threads numpy's BLAS may use for work that is already parallel or made of small products.

OpenBLAS (numpy's and scipy's BLAS) spreads a large enough product over every core and keeps its
workers spinning between calls. In a match (:mod:`eqmorph.semantic.match`) that buys nothing: the
two recordings are already analysed in two threads, and the response fit's products are small
(hundreds of rows of three). Measured on the 2-core benchmark machine, one minute against one
minute took about 0.13 s wall and 0.22 s CPU with BLAS free, 0.09 s and 0.14 s with one BLAS thread:
the spinning workers competed with the analysis threads for the same two cores.

The limit is process-wide while it lasts (BLAS has one thread count), and the previous count comes
back on exit. threadpoolctl finds the BLAS libraries that are loaded, whichever numpy was built with.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from threadpoolctl import ThreadpoolController


@lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    # Finding the loaded libraries takes a few milliseconds: once per process.
    return ThreadpoolController()


@contextmanager
def single_blas_thread() -> Iterator[None]:
    """Run the body with BLAS limited to one thread; the previous limit is restored on exit."""
    with _controller().limit(limits=1, user_api="blas"):
        yield


__all__ = ["single_blas_thread"]
