"""How many cores a process may use, and how many threads numpy's BLAS may use for work that is already parallel or
made of small products.

OpenBLAS (numpy's and scipy's BLAS) spreads a large enough product over every core and keeps its
workers spinning between calls. Where the work is already split over the cores (the response fit's
row chunks, :mod:`eqmorph.core.fit`) or is a stream of small products (the text encoder,
:mod:`eqmorph.language.minilm`), that buys nothing: the spinning workers compete for the same cores.
A match (:mod:`eqmorph.semantic.match`) needs no limit: its one product large enough to be spread (its
level change, a dot over every FFT bin) is an einsum, which BLAS never sees. With that dot in BLAS a warm
match took about 0.13 s of CPU for one minute against one minute, 0.08 s without; and not limiting saves
the cold first match the 5-8 ms threadpoolctl takes to find the libraries.

The limit is process-wide while it lasts (BLAS has one thread count), and the previous count comes
back on exit. threadpoolctl finds the BLAS libraries that are loaded, whichever numpy was built with.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")


def cores() -> int:
    """Cores this process may run on (its affinity where the platform says, else the machine's count)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def even_slices(n: int, parts: int) -> list[slice]:
    """``parts`` consecutive slices of ``range(n)`` whose lengths differ by at most one (for one thread each)."""
    return [slice(k * n // parts, (k + 1) * n // parts) for k in range(parts)]


@lru_cache(maxsize=1)
def _pool() -> ThreadPoolExecutor:
    # One pool per process, made on the first parallel call: its threads sleep in between. The calling thread does a
    # share of the work, so one core is left for it.
    return ThreadPoolExecutor(max_workers=max(cores() - 1, 1), thread_name_prefix="eqmorph")


def run_parallel(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Each of ``calls``' results, in order: the first run in this thread while the process's pool runs the others.

    For work that releases the GIL (numpy's array loops, scipy's compiled filters) split by :func:`even_slices`.
    """
    others = [_pool().submit(call) for call in calls[1:]]
    first = calls[0]()
    return [first, *(done.result() for done in others)]


_found: tuple[int, Any] | None = None  # (modules imported when the libraries were looked for, their controller)


def _controller() -> Any:
    """threadpoolctl's controller of the BLAS libraries loaded now.

    Finding them takes 1-5 ms, so it is done again only when modules were imported since: a library loaded later
    (scipy.fft brings scipy's own OpenBLAS beside numpy's) is limited too. Once per process, a fit run before any
    scipy import left scipy's BLAS at two threads in every later match. threadpoolctl is imported here, not at the
    top: audio filtering asks cores() in every `eqmorph apply` and needs no BLAS limit.
    """
    global _found
    if _found is None or _found[0] != len(sys.modules):
        from threadpoolctl import ThreadpoolController

        controller = ThreadpoolController()
        _found = (len(sys.modules), controller)
    return _found[1]


@contextmanager
def single_blas_thread() -> Iterator[None]:
    """Run the body with BLAS limited to one thread; the previous limit is restored on exit."""
    with _controller().limit(limits=1, user_api="blas"):
        yield


__all__ = ["cores", "even_slices", "run_parallel", "single_blas_thread"]
