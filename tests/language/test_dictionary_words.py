"""language/dictionary_words.txt: the English word list phrases are read with, shipped so no extra is needed."""

import importlib.util

import pytest

from eqmorph.language.wordlike import dictionary_words, tokenizer_words


def test_the_shipped_word_list_is_exactly_the_tokenizers_whole_words():
    from eqmorph.language.openvocab import MODEL_PACKAGE, model_dir

    if importlib.util.find_spec(MODEL_PACKAGE) is None:
        pytest.skip("the text extra (the MiniLM tokenizer the list comes from) is not installed")
    assert dictionary_words() == tokenizer_words(model_dir() / "tokenizer.json")


@pytest.mark.parametrize("phrase, words", [
    ("make the vocal less harsh please", {"harsh": -1.0}),  # an instrument and a filler beside a known word
    ("brigth", {"bright": 1.0}),  # a one-slip typo, read with the English list's help
    ("the guitar sounds muddy", {"muddy": -0.5}),
])
def test_phrases_with_words_outside_the_vocabulary_read_without_the_text_extra(monkeypatch, phrase, words):
    """A tenth new-user trial: in the README's default install (no text extra) these were refused with "the MiniLM
    weights package is not installed", though nothing asked for the open vocabulary."""
    from eqmorph import load
    from eqmorph.language.openvocab import MODEL_PACKAGE

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == MODEL_PACKAGE else real_find_spec(name, *a))
    reading = load().parse(phrase)
    assert {w: round(x, 2) for w, x in reading.weights} == words
