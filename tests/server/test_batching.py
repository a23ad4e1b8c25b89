"""Morphs in flight together are computed together, each request still gets its own answer."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import numpy as np
import pytest

from eqmorph.core import schema
from eqmorph.errors import ParameterError
from eqmorph.server.batching import Batcher, LRUCache
from eqmorph.server.payload import CurveGrid
from eqmorph.server.service import Service


class _Compute:
    """compute_many that records its batches and refuses the key "bad"."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, keys):
        self.batches.append(list(keys))
        if "bad" in keys:
            raise ValueError("bad key")
        return [k.encode() for k in keys]


async def _gather(batcher: Batcher, keys: list[str]) -> list:
    return await asyncio.gather(*(batcher.get(k) for k in keys), return_exceptions=True)


def test_requests_started_in_one_loop_turn_share_one_batch_and_get_their_own_answers():
    compute = _Compute()
    answers = asyncio.run(_gather(Batcher(compute, cache_size=16), ["a", "b", "c", "a2"]))
    assert answers == [b"a", b"b", b"c", b"a2"]
    assert compute.batches == [["a", "b", "c", "a2"]]


def test_one_failing_key_fails_only_its_own_request():
    compute = _Compute()
    answers = asyncio.run(_gather(Batcher(compute, cache_size=16), ["a", "bad", "c"]))
    assert answers[0] == b"a" and answers[2] == b"c"
    assert isinstance(answers[1], ValueError)
    assert compute.batches == [["a", "bad", "c"], ["a"], ["bad"], ["c"]]


def test_cached_answers_are_not_computed_again():
    compute = _Compute()
    batcher = Batcher(compute, cache_size=16)

    async def twice():
        first = await _gather(batcher, ["a", "b"])
        return first, await _gather(batcher, ["b", "a", "c"])

    assert asyncio.run(twice()) == ([b"a", b"b"], [b"b", b"a", b"c"])
    assert compute.batches == [["a", "b"], ["c"]]


def test_event_loops_in_two_threads_each_get_their_own_answers():
    def slow(keys):
        time.sleep(0.01)  # long enough for the other thread's requests to queue meanwhile
        return [k.encode() for k in keys]

    batcher = Batcher(slow, cache_size=0)
    results: dict[int, list] = {}

    def run(t: int) -> None:
        keys = [f"{t}-{i}" for i in range(20)]
        results[t] = asyncio.run(_gather(batcher, keys))

    threads = [threading.Thread(target=run, args=(t,)) for t in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=10)
    assert results == {t: [f"{t}-{i}".encode() for i in range(20)] for t in range(2)}


def test_the_cache_drops_the_least_recently_used_answer():
    cache = LRUCache(2)
    cache.put("a", b"1")
    cache.put("b", b"2")
    assert cache.get("a") == b"1"  # now "b" is the oldest
    cache.put("c", b"3")
    assert (cache.get("a"), cache.get("b"), cache.get("c"), len(cache)) == (b"1", None, b"3", 2)


def test_a_zero_size_cache_keeps_nothing():
    cache = LRUCache(0)
    cache.put("a", b"1")
    assert (cache.get("a"), len(cache)) == (None, 0)


@pytest.mark.parametrize("size", [-1, 1.5, True, "8"])
def test_cache_size_must_be_a_non_negative_integer(size):
    with pytest.raises(ParameterError, match="max_items"):
        LRUCache(size)


def test_a_batch_of_mixed_morphs_equals_each_morph_computed_alone(tiny_model):
    api = Service(tiny_model, CurveGrid())
    keys = [("warm", "bright", 0.3, 1.0, None), ("muddy", "thin", 0.7, 1.0, None), ("warm", "bright", 0.9, 1.0, None),
            ("warm", "bright", 0.3, -2.0, None), ("thin", "thin", 0.0, 1.0, None)]
    together = [json.loads(b) for b in api.morph_many(keys)]
    for key, body in zip(keys, together):
        alone = json.loads(api.morph_many([key])[0])
        assert body["vector"] == alone["vector"]
        assert (body["words"], body["alpha"], body["intensity"]) == ([key[0], key[1]], key[2], key[3])
        # Batched and single responses are computed in different numpy shapes; rounding to
        # 1e-4 dB may then differ in the last digit.
        np.testing.assert_allclose(body["response"]["db"], alone["response"]["db"], atol=1.01e-4)
        np.testing.assert_array_equal(body["vector"], tiny_model.interpolate(*key[:4]).to_vector())
        assert body["bands"] == schema.bands_data(tiny_model.interpolate(*key[:4]))  # the one EQ schema
