"""Without the open vocabulary, an unknown word it would read says how to turn it on.

A new user's ``m.generate("velvety")`` said only "unknown word 'velvety' (no similar known words)": nothing told them
that words outside the vocabulary can be read by meaning (the ``text`` extra, ``eqmorph.load(open_vocabulary=True)``).
"""

from __future__ import annotations

import pytest

import eqmorph
from eqmorph import UnknownWordError
from eqmorph.language import open_vocab_hint

HINT = "to read words outside the vocabulary by meaning"


@pytest.fixture(scope="module")
def model():
    return eqmorph.load()


def _refusal(model, text: str) -> str:
    with pytest.raises(UnknownWordError) as err:
        model.generate(text)
    return str(err.value)


def test_an_unknown_new_word_says_how_to_turn_the_open_vocabulary_on(model, monkeypatch):
    monkeypatch.setattr(open_vocab_hint, "text_extra_installed", lambda: True)
    assert _refusal(model, "velvety") == ("unknown word 'velvety' (no similar known words); to read words outside the "
                                          "vocabulary by meaning, load with eqmorph.load(open_vocabulary=True)")


def test_without_the_text_extra_the_hint_names_its_install_command_first(model, monkeypatch):
    monkeypatch.setattr(open_vocab_hint, "text_extra_installed", lambda: False)
    said = _refusal(model, "velvety")
    assert "; to read words outside the vocabulary by meaning, install the text extra (" in said
    assert "[text]" in said and said.endswith(") and load with eqmorph.load(open_vocabulary=True)")


@pytest.mark.parametrize("text", ["wram", "hello", "glue", "qwrtzx"])
def test_no_hint_for_a_word_the_open_vocabulary_would_refuse_too(model, text):
    # a slip of warm, a stop-listed thing, a word for compression, keyboard mash: the open vocabulary reads none
    assert HINT not in _refusal(model, text)


class _Nothing:
    """An open vocabulary that finds no meaning for anything."""

    def meanings(self, word, lexicon_meanings=()):
        return []


def test_no_hint_when_the_open_vocabulary_is_on():
    model = eqmorph.load()
    model.vocabulary.open_vocabulary = _Nothing()  # on, before the first phrase is parsed
    said = _refusal(model, "velvety")
    assert said == "unknown word 'velvety' (no similar known words)"
