"""The gibberish guard: a character trigram model over MiniLM's word-piece vocabulary."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.language.wordlike import PASS_SHARE, TrigramModel, default_model, looks_like_a_word

REFERENCE = ["bright", "brighter", "warm", "warmer", "clear", "clean", "sound", "round", "ground", "light",
             "night", "sight", "water", "winter", "summer", "better", "letter", "matter", "soft", "loft"]


def test_keyboard_mash_is_not_a_word_and_real_words_are():
    for mash in ("qwertyuiop", "asdfgh", "zxcvbn", "lkjhlkjh", "hjkl"):
        assert not looks_like_a_word(mash), mash
    for word in ("sparkly", "fluffy", "velvety", "glassy", "silky", "woolly", "nasal", "boxey", "cálido",
                 "aterciopelado"):
        assert looks_like_a_word(word), word


def test_the_threshold_lets_through_the_stated_share_of_the_reference_words():
    model = TrigramModel(REFERENCE)
    passed = np.mean([model.looks_like_a_word(w) for w in REFERENCE])
    assert passed >= PASS_SHARE - 1.0 / len(REFERENCE)
    assert model.score("xqzv") < model.score("bright")


def test_accents_are_folded_and_strings_without_letters_are_not_words():
    model = default_model()
    assert model.score("frío") == pytest.approx(model.score("frio"))
    assert not looks_like_a_word("1234")
    assert model.score("---") == -np.inf


def test_a_reference_list_without_letters_is_a_parameter_error():
    with pytest.raises(ParameterError, match="words"):
        TrigramModel(["123", "!!"])


def test_gibberish_gets_an_unknown_word_error_instead_of_a_made_up_eq():
    import eqmorph

    m = eqmorph.load(open_vocabulary=True)
    with pytest.raises(UnknownWordError, match="qwertyuiop"):
        m.parse("qwertyuiop")
    assert m.parse("warm and qwertyuiop").ignored == ("qwertyuiop",)
