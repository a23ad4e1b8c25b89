"""The learned open vocabulary: embedding -> response map with antonyms as negative evidence."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from eqmorph.errors import ModelFileError, ParameterError
from eqmorph.language.interpretation import Meaning
from eqmorph.language.learned import (
    KINDS,
    TERM_EMBEDDINGS_FILE,
    Calibration,
    LearnedConfig,
    LearnedVocabulary,
    calibrate,
    read_calibration,
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


def four_dims(texts):
    """Stand-in embedder for words the tests do not place (the lexicon's equivalents): 4-d, fixed per text."""
    return np.array([unit(np.random.default_rng(sum(map(ord, t))).standard_normal(4)) for t in texts])


def fixed(share=0.5, shrink=1.0, power=0.0):
    """Settings given, not calibrated: what the tests below check does not depend on the choice."""
    return Calibration(0.1, 0.3, {"equivalent": share, "antonym": share}, {k: shrink for k in KINDS},
                       {k: power for k in KINDS}, float("nan"), 0)


def vocabulary(calibration=None, **kw):
    return LearnedVocabulary(TERMS, COUNTS, RESPONSES, EMBEDDINGS, encode=None, config=LearnedConfig(**kw),
                             calibration=calibration or fixed(), is_word=lambda w: True)


def predicted(vocab, word):
    coef, _, _ = vocab.blend(word)
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
    vocab = LearnedVocabulary(TERMS, COUNTS, RESPONSES, {**EMBEDDINGS, "zzz": unit([0, 0, 0, 1])},
                              calibration=fixed(), is_word=lambda w: True)
    assert vocab.meanings("zzz") == []


def test_a_string_the_guard_refuses_gets_no_meaning_from_the_embedding_but_keeps_its_lexicon_reading():
    vocab = LearnedVocabulary(TERMS, COUNTS, RESPONSES, EMBEDDINGS, calibration=fixed(share=1.0),
                              is_word=lambda w: False)
    assert vocab.meanings("toasty") == []
    lexicon_reading = [Meaning("warm", 1.0, "translation", source="dict")]
    assert [(m.word, m.share) for m in vocab.meanings("toasty", lexicon_reading)] == [("warm", 1.0)]


def test_the_lexicon_share_splits_the_answer_between_the_lexicon_and_the_map():
    lexicon_reading = [Meaning("bright", 1.0, "translation", source="dict")]
    only_lexicon = vocabulary(fixed(share=1.0)).meanings("toasty", lexicon_reading)
    only_map = vocabulary(fixed(share=0.0)).meanings("toasty", lexicon_reading)
    assert [m.how for m in only_lexicon] == ["translation"]
    assert only_map and all(m.how == "embedding" for m in only_map)
    half = vocabulary(fixed(share=0.5)).meanings("toasty", lexicon_reading)
    assert sum(m.share for m in half if m.how == "translation") == pytest.approx(0.5)


def test_damping_scales_every_share_of_the_answer():
    full = {m.word: m.share for m in vocabulary(fixed(shrink=1.0)).meanings("toasty")}
    damped = {m.word: m.share for m in vocabulary(fixed(shrink=0.5)).meanings("toasty")}
    assert damped["warm"] == pytest.approx(0.5 * full["warm"])


def test_a_word_far_from_every_training_word_has_less_confidence_and_is_damped_more():
    vocab = vocabulary(fixed(power=1.0))
    _, _, near = vocab.blend("toasty")
    far_vocab = LearnedVocabulary(TERMS, COUNTS, RESPONSES, {**EMBEDDINGS, "odd": unit([0.5, 0.4, 0.3, 0.7])},
                                  config=LearnedConfig(min_share=1e-12, min_similarity=0.0),
                                  calibration=fixed(power=1.0), is_word=lambda w: True)
    coef, _, far = far_vocab.blend("odd")
    assert 0.0 <= far < near <= 1.0
    shares = {m.word: m.share for m in far_vocab.meanings("odd")}
    assert shares["warm"] == pytest.approx(coef[0] * far, abs=1e-9)


def test_calibration_chooses_among_the_candidates_by_leave_one_word_out_over_the_vocabulary():
    config = LearnedConfig(ridges=(0.3,), kernel_temperatures=(0.1, 0.2), shrinks=(0.5, 1.0),
                           confidence_powers=(0.0, 1.0))
    vocab = LearnedVocabulary(TERMS, COUNTS, RESPONSES, EMBEDDINGS, four_dims, config=config, is_word=lambda w: True)
    cal = vocab.calibration
    assert cal.inner_words == 3  # every known word has >= 5 examples and the lexicon cannot place it here
    assert cal.ridge == 0.3 and cal.kernel_temperature in (0.1, 0.2)
    assert set(cal.shrink.values()) <= {0.5, 1.0} and set(cal.power.values()) <= {0.0, 1.0}
    assert cal == calibrate(vocab)  # a function of the vocabulary alone


def test_calibration_does_not_depend_on_words_outside_the_vocabulary():
    a = LearnedVocabulary(TERMS, COUNTS, RESPONSES, EMBEDDINGS, four_dims, is_word=lambda w: True)
    b = LearnedVocabulary(TERMS, COUNTS, RESPONSES, {**EMBEDDINGS, "toasty": unit([0, 0, 1, 0])}, four_dims,
                          is_word=lambda w: True)
    assert a.calibration == b.calibration


def test_bad_candidate_grids_are_parameter_errors_naming_them():
    with pytest.raises(ParameterError, match="shrinks"):
        LearnedConfig(shrinks=())
    with pytest.raises(ParameterError, match="lexicon_shares"):
        LearnedConfig(lexicon_shares=(1.5,))
    with pytest.raises(ParameterError, match="confidence_powers"):
        LearnedConfig(confidence_powers=(-1.0,))


def test_words_without_a_precomputed_embedding_are_encoded_once():
    calls: list[list[str]] = []

    def encode(texts):
        calls.append(list(texts))
        return np.array([unit([0.9, 0.1, 0.2, 0.0]) for _ in texts])

    vocab = LearnedVocabulary(TERMS, COUNTS, RESPONSES, EMBEDDINGS, encode=encode, calibration=fixed(),
                              is_word=lambda w: True)
    vocab.meanings("velvety")
    vocab.meanings("velvety")
    assert calls == [["a velvety sound"]]


def test_responses_of_the_wrong_shape_are_a_parameter_error():
    with pytest.raises(ParameterError, match="responses"):
        LearnedVocabulary(TERMS, COUNTS, RESPONSES[:2], EMBEDDINGS, calibration=fixed())


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


def test_the_calibration_is_stored_with_the_embeddings_and_only_used_for_the_same_vocabulary(tmp_path):
    import eqmorph

    model = tmp_path / "model"
    shutil.copytree(bundled_model_dir(), model, ignore=shutil.ignore_patterns(TERM_EMBEDDINGS_FILE))

    def encode(texts):
        return np.array([unit(np.random.default_rng(sum(map(ord, t))).standard_normal(8)) for t in texts])

    write_term_embeddings(model, encode=encode)
    m = eqmorph.load(model)
    stored = read_calibration(model, m.counts, LearnedConfig())
    assert stored is not None and stored.inner_words > 0
    assert read_calibration(model, {**m.counts, "warm": m.counts["warm"] + 1}, LearnedConfig()) is None
    assert read_calibration(model, m.counts, LearnedConfig(shrinks=(1.0,))) is None  # other grids: recalibrate


def eqmorph_terms(model_dir):
    from eqmorph.model import checkpoint

    return checkpoint.load(model_dir).terms


def test_the_bundled_model_ships_embeddings_for_its_whole_vocabulary():
    read = read_term_embeddings(bundled_model_dir(), LearnedConfig().template)
    assert set(texts_to_embed(eqmorph_terms(bundled_model_dir()))) <= set(read)
