"""The Spanish open-vocabulary diagnosis: crowd self-agreement, the same-language map, per-language calibration."""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives

from benchmarks import open_vocab_diagnosis as diag  # noqa: E402

from eqmorph.errors import ParameterError  # noqa: E402
from eqmorph.language import lexicon  # noqa: E402
from eqmorph.language.calibration import KINDS, Calibration  # noqa: E402
from eqmorph.language.learned import LearnedConfig, LearnedVocabulary  # noqa: E402

F = 16
LOW = np.r_[np.ones(F // 2), np.zeros(F // 2)] * 6.0  # a low boost, dB
HIGH = LOW[::-1].copy()


def unit(v):
    v = np.asarray(v, dtype=np.float64)
    return v / np.linalg.norm(v)


def test_a_crowd_that_agrees_is_reliable_and_one_split_in_two_opposite_camps_is_not():
    rng = np.random.default_rng(1)
    agreeing = LOW + rng.normal(0.0, 1.0, (10, F))
    split = np.concatenate([LOW + rng.normal(0.0, 1.0, (5, F)), -LOW + rng.normal(0.0, 1.0, (5, F))])
    good, bad = diag.crowd_agreement(agreeing), diag.crowd_agreement(split)
    assert good["reliability"] > 0.9 and good["against_rest"] == 0.0
    assert bad["split_half"] < 0.5 * good["split_half"] and bad["reliability"] < 0.5 * good["reliability"]
    assert bad["against_rest"] > 0.3  # examples of one camp point away from the mean of the rest


def test_crowd_agreement_needs_at_least_two_examples():
    with pytest.raises(ParameterError, match="examples"):
        diag.crowd_agreement(np.zeros((1, F)))


# "cálido" is embedded through its translation "warm" (the lexicon); the English crowd's warm boosts the lows,
# the Spanish crowd's caliente (lexicon: hot, warm) the highs. Other texts get fixed vectors far from these.
TERMS = ["warm", "caliente", "bright"]
COUNTS = {"warm": 30, "caliente": 30, "bright": 30}
EMBEDDINGS = {"warm": unit([1, 0, 0, 0]), "hot": unit([0.9, 0.1, 0, 0.4]), "bright": unit([0, 1, 0, 0])}


def far_texts(texts):
    return np.array([unit(np.r_[np.zeros(3), 1.0] + 0.1 * np.random.default_rng(len(t)).standard_normal(4))
                     for t in texts])


def spanish(text):
    return text == "caliente" or bool(lexicon.english_translations(text))


def vocabulary():
    cal = Calibration(0.2, 0.3, {"equivalent": 0.0, "antonym": 0.0}, {k: 1.0 for k in KINDS}, {k: 0.0 for k in KINDS},
                      float("nan"), 0)
    return LearnedVocabulary(TERMS, COUNTS, np.stack([LOW, HIGH, 0.5 * HIGH]), EMBEDDINGS, far_texts,
                             LearnedConfig(), calibration=cal, is_word=lambda w: True)


def test_the_same_language_map_at_rho_one_is_the_products_map():
    vocab = vocabulary()
    coef, _, _ = vocab.blend("cálido")
    assert np.allclose(diag.same_language_coef(vocab, "cálido", 1.0, spanish), coef)


def test_without_cross_language_kernel_a_spanish_word_leans_on_the_spanish_crowds_words():
    vocab = vocabulary()
    y = np.stack([LOW, HIGH, 0.5 * HIGH])
    pooled = diag.same_language_coef(vocab, "cálido", 1.0, spanish) @ y
    own = diag.same_language_coef(vocab, "cálido", 0.0, spanish) @ y
    assert np.corrcoef(pooled, LOW)[0, 1] > 0.5  # through its translation: the English crowd's warm
    assert np.corrcoef(own, HIGH)[0, 1] > 0.5  # Spanish rows only: caliente


def test_a_cross_language_factor_outside_zero_to_one_is_a_parameter_error():
    with pytest.raises(ParameterError, match="rho"):
        diag.same_language_coef(vocabulary(), "cálido", 1.5, spanish)


def test_per_language_calibration_keeps_the_pooled_settings_with_too_few_words_of_that_language():
    vocab = vocabulary()  # one Spanish word (caliente): nothing to choose per language from
    assert diag.per_language_calibration(vocab, True, spanish) is vocab.calibration
