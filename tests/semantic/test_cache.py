"""The Morpher's caches keep the newest entries: a full cache drops its oldest entry, never all of them."""

import numpy as np
import pytest

from eqmorph.semantic import cache
from eqmorph.semantic.cache import Bounded, read_only
from eqmorph.semantic.morph import load


def test_a_full_cache_drops_only_its_oldest_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "WORD_CACHE_SIZE", 3)
    c = Bounded()
    for key in "abc":
        c.remember(key, key.upper())
    c.remember("d", "D")
    assert list(c) == ["b", "c", "d"]
    assert c["d"] == "D"


def test_a_cache_below_its_size_keeps_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "WORD_CACHE_SIZE", 10)
    c = Bounded()
    for i in range(10):
        c.remember(i, i)
    assert list(c) == list(range(10))


def test_read_only_arrays_refuse_writes() -> None:
    a = read_only(np.zeros(3))
    with pytest.raises(ValueError):
        a[0] = 1.0


def test_a_morpher_keeps_recent_word_pairs_when_its_path_cache_is_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "WORD_CACHE_SIZE", 4)
    model = load()  # its own Morpher: the caches are per model
    words = model.terms[:6]
    paths = [model.path(words[0], b) for b in words[1:6]]  # five pairs into a cache of four
    assert all(model.path(words[0], b) is p for b, p in zip(words[2:6], paths[1:]))  # the newest four stay
    assert model.path(words[0], words[1]) is not paths[0]  # only the oldest was dropped, and is built again
