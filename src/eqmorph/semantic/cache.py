"""Bounded caches of the Morpher: decoded phrases, their strengths and word-pair morph paths.

A long-running process (the server) meets new phrases and pairs without end, so each cache keeps at
most ``WORD_CACHE_SIZE`` entries and drops the oldest one when full: one entry at a time costs the same
whatever the size, where clearing a full cache of paths cost about 17 ms, a stall every 4,096 new pairs.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

WORD_CACHE_SIZE = 4096  # decoded open-vocabulary words and word-pair paths kept; the oldest goes when full


class Bounded(OrderedDict):  # type: ignore[type-arg]
    """A dict of at most ``WORD_CACHE_SIZE`` entries: :meth:`remember` drops the oldest when full.

    ``popitem`` is one C call, so threads sharing a Morpher (the server's) cannot interleave inside it.
    """

    def remember(self, key: object, value: object) -> None:
        if len(self) >= WORD_CACHE_SIZE:
            try:
                self.popitem(last=False)
            except KeyError:  # another thread emptied it meanwhile: nothing left to drop
                pass
        self[key] = value


def read_only(array: np.ndarray) -> np.ndarray:
    """``array`` itself, made read-only: cached EQs are shared by every caller."""
    array.flags.writeable = False
    return array


__all__ = ["WORD_CACHE_SIZE", "Bounded", "read_only"]
