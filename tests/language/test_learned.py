"""The learned open vocabulary: embedding -> response map with antonyms as negative evidence."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from eqmorph.errors import ModelFileError, ParameterError
from eqmorph.language.learned import (
    TERM_EMBEDDINGS_FILE,
    LearnedConfig,
    LearnedVocabulary,
    read_term_embeddings,
    texts_to_embed,
    write_term_embeddings,
)
from eqmorph.semantic.morph import bundled_model_dir

F = 16
LOW = np.r_[np.ones(F // 2), np.zeros(F // 2)] * 6.0  # a low boost, dB on a 16-point grid
HIGH = LOW[::-1].copy()
TERMS = ["warm", "bright", "soft"]
COUNTS = {"warm": 40, "bright": 30, "soft": 10}
RESPONSES = np.stack([LOW, HIGH, 0.5 * LOW])


def unit(v):
    v = np.asarray(v, dtype=np.float64)
    return v / np.linalg.norm(v)


# The embedding's known failure: "cold" sits right next to "warm". The other words are the lexicon's
# antonyms of the known words (cool, dark, dull, hard, loud), which the map learns from as well.
EMBEDDINGS = {"warm": unit([1, 0, 0, 0]), "bright": unit([0, 1, 0, 0]), "soft": unit([0.3, 0, 1, 0]),
              "cold": unit([0.95, 0.05, 0, 0.3]), "toasty": unit([0.95, 0.05, 0, -0.3]),
              "cool": unit([0.9, 0, 0, 0.45]), "dark": unit([0, 0.9, 0, 0.45]), "dull": unit([0, 0.8, 0, 0.6]),
              "hard": unit([0.2, 0, 0.9, 0.4]), "loud": unit([0, 0.3, 0.8, 0.5])}


def vocabulary(**kw):
    return LearnedVocabulary(TERMS, COUNTS, RESPONSES, EMBEDDINGS, encode=None, config=LearnedConfig(**kw))


def predicted(vocab, word):
    coef, _ = vocab.blend(word)
    return coef @ RESPONSES


def test_an_antonym_in_the_lexicon_turns_a_near_embedding_into_the_opposite_sound():
    vocab = vocabulary()
    cold, toasty = predicted(vocab, "cold"), predicted(vocab, "toasty")
    assert np.corrcoef(cold, LOW)[0, 1] < 0  # the lexicon says warm <-> cold: it learned "cold" is not low-boost
    assert np.corrcoef(toasty, LOW)[0, 1] > 0.9  # a near word without an antonym row keeps warm's sound


def test_a_known_word_is_predicted_close_to_its_own_response():
    vocab = vocabulary()
    assert np.corrcoef(predicted(vocab, "bright"), HIGH)[0, 1] > 0.9


def test_meanings_are_signed_embedding_meanings_with_similarities():
    found = vocabulary().meanings("toasty")
    assert found[0].word == "warm" and found[0].how == "embedding"
    assert found[0].similarity == pytest.approx(float(EMBEDDINGS["toasty"] @ EMBEDDINGS["warm"]))
    assert all(abs(m.share) >= LearnedConfig().min_share for m in found)


def test_a_word_similar_to_nothing_has_no_meaning():
    vocab = LearnedVocabulary(TERMS, COUNTS, RESPONSES, {**EMBEDDINGS, "zzz": unit([0, 0, 0, 1])})
    assert vocab.meanings("zzz") == []


def test_words_without_a_precomputed_embedding_are_encoded_once():
    calls: list[list[str]] = []

    def encode(texts):
        calls.append(list(texts))
        return np.array([unit([0.9, 0.1, 0.2, 0.0]) for _ in texts])

    vocab = LearnedVocabulary(TERMS, COUNTS, RESPONSES, EMBEDDINGS, encode=encode)
    vocab.meanings("velvety")
    vocab.meanings("velvety")
    assert calls == [["a velvety sound"]]


def test_responses_of_the_wrong_shape_are_a_parameter_error():
    with pytest.raises(ParameterError, match="responses"):
        LearnedVocabulary(TERMS, COUNTS, RESPONSES[:2], EMBEDDINGS)


def test_term_embeddings_round_trip_through_the_model_directory(tmp_path):
    model = tmp_path / "model"
    shutil.copytree(bundled_model_dir(), model, ignore=shutil.ignore_patterns(TERM_EMBEDDINGS_FILE))

    def encode(texts):
        rng = np.random.default_rng(len(texts))
        return rng.standard_normal((len(texts), 8)).astype(np.float32)

    path = write_term_embeddings(model, encode=encode)
    read = read_term_embeddings(model, LearnedConfig().template)
    assert path.name == TERM_EMBEDDINGS_FILE
    assert set(read) == set(texts_to_embed(eqmorph_terms(model)))
    with pytest.raises(ModelFileError, match="template"):
        read_term_embeddings(model, "the {} tone")
    assert read_term_embeddings(tmp_path, LearnedConfig().template) == {}  # no file: nothing precomputed


def eqmorph_terms(model_dir):
    from eqmorph.model import checkpoint

    return checkpoint.load(model_dir).terms


def test_the_bundled_model_ships_embeddings_for_its_whole_vocabulary():
    read = read_term_embeddings(bundled_model_dir(), LearnedConfig().template)
    assert set(texts_to_embed(eqmorph_terms(bundled_model_dir()))) <= set(read)
