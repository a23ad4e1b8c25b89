"""English words one slip from a studio word are never read as its typo (a thirty-fifth phrase trial, rule 8).

The typo reader's English-word check knew only MiniLM's 21,000 word pieces, so "preset" was read as present (+6 dB at
5 kHz), "muddle" as middle (+5.5 dB in the mids), "sulky" as silky; LemmInflect's dictionary now says they are words.
"""

from __future__ import annotations

import contextlib

import pytest

from eqmorph.errors import UnknownWordError
from eqmorph.language import lemmas
from eqmorph.language.interpretation import Meaning
from eqmorph.language.parse import Parser

REAL_WORDS = ["preset", "muddle", "sulky", "silty", "bristle", "shard", "hunky", "thicket", "meddle", "hallow",
              "muffed", "blight", "thine"]  # each was read as present, middle, silky, ..., thin


@pytest.mark.parametrize("word", REAL_WORDS)
def test_an_english_word_one_slip_from_a_studio_word_is_never_read_as_it(m, word):
    with pytest.raises(UnknownWordError):
        m.parse(word)


@pytest.mark.parametrize("text, weights", [
    ("my podcast preset is muddy", {"muddy": -0.5}),  # the mud cut was gone, 5 kHz lifted instead
    ("the preset is too bright", {"bright": -0.5}),
    ("load my vocal preset and make it warmer", {"warm": 1.0}),  # warmth halved, +2.2 dB at 5 kHz
    ("brighter than the preset", {"bright": 1.0}),
    ("it's a muddle in the low end, clean it up", {"clean": 1.0}),  # +4 dB in the mids
])
def test_a_phrase_with_an_english_word_one_slip_from_a_studio_word_reads_the_rest(m, text, weights):
    read = m.parse(text)
    assert dict(read.weights) == pytest.approx(weights)
    assert not any(note.startswith("read ") for note in read.notes)


def test_save_it_as_a_preset_is_refused_not_a_presence_boost(m):
    with pytest.raises(UnknownWordError, match="preset"):
        m.parse("save it as a preset")


@pytest.mark.parametrize("text, spelling", [
    ("brigther", "brighter"), ("trebel", "treble"), ("more presance", "presence"), ("more presnce", "presence"),
    ("less sibilence", "sibilance"), ("less siblance", "sibilance"), ("more clairty", "clarity"),
    ("midrangey", "midrange"), ("more presense", "presence"), ("thinn", "thin"), ("brigth", "bright")])
def test_typos_no_dictionary_holds_are_still_read(m, text, spelling):
    assert f"read {text.split()[-1]!r} as {spelling!r}" in m.parse(text).notes


def test_the_dictionary_check_holds_words_and_their_forms_not_typos():
    assert all(lemmas.in_dictionary(w) for w in ("preset", "presets", "muddle", "muffed", "thicket"))
    assert not any(lemmas.in_dictionary(w) for w in ("presense", "brigth", "warmmer", "trebel", "two words", ""))


class _Neighbours:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def meanings(self, word: str, lexicon_meanings=()) -> list[Meaning]:
        self.asked.append(word)
        return [Meaning("bright", 0.7, "embedding", similarity=0.8)]


@pytest.mark.parametrize("word, asked", [("blight", ["blight"]), ("brigth", [])])
def test_an_english_word_one_slip_from_a_known_word_reaches_the_open_vocabulary(word, asked):
    nb = _Neighbours()  # both are one slip from bright; MiniLM's word pieces (here: none) lack them; blight is a word
    with contextlib.suppress(UnknownWordError):  # "brigth" is refused as a typo here (no English "bright" given)
        Parser({"bright": 30, "warm": 40}, nb, is_dictionary_word=lambda w: False).parse(word)
    assert nb.asked == asked
