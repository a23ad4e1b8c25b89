"""Phrases a forty-fourth round mended: a misspelt word after a negation, a lack stated with "than", Spanish pronoun
verbs after a noun, a change for the worse stated with "getting", numbers said in words, the contrast rule's cut and
its note, words that are no EQ or no typo. Each test holds a reading that went the wrong way."""

from __future__ import annotations

import pytest

from eqmorph.errors import UnknownWordError


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, typo, suggested", [
    ("warmer, not mudy", "mudy", "muddy"), ("warmer but not mudy", "mudy", "muddy"),
    ("warmer, not boxey", "boxey", "boxy"), ("warm and less mudy", "mudy", "muddy"),
    ("warm, without mudy", "mudy", "muddy")])
def test_a_misspelt_word_after_not_is_refused_with_its_suggestion(m, text, typo, suggested):
    # the typo was dropped with its "not" and the phrase read as plain warm (ignored: not, mudy)
    with pytest.raises(UnknownWordError, match=f"'{typo}'.*{suggested}"):
        m.parse(text)


def test_a_readable_typo_after_not_is_read_and_gibberish_after_not_is_still_ignored(m):
    assert weights(m, "warmer, not brigher")["bright"] < 0
    reading = m.parse("warm but not qwerty")  # no slip of a known word: an unknown word, ignored and said
    assert dict(reading.weights) == pytest.approx({"warm": 1.0})
    assert "qwerty" in reading.ignored
