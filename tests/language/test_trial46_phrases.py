"""Phrases a forty-sixth round mended: comparisons with a wish said other ways (a negated "as", Spanish "de lo que",
"then" typed for "than", "would've liked"), a flaw compared with before, slips denied in other positions, amounts
said after a comma. Each test holds a reading that went the wrong way."""

from __future__ import annotations

import pytest


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, word", [
    ("not as much bass as I'd like", "bass"), ("not as bright as I'd like", "bright"),
    ("not as much low end as I'd like", "bass"), ("menos graves de lo que me gustaría", "bass"),
    ("less bass than I would've liked", "bass"), ("less bass then I'd like", "bass"),
    ("no tan brillante como quisiera", "brillante")])
def test_a_lack_compared_with_a_wish_asks_for_more(m, text, word):
    # "not as much bass as I'd like" cut the bass 7.5 dB, "menos graves de lo que me gustaría" 6 dB
    assert weights(m, text)[word] > 0


@pytest.mark.parametrize("text, word", [("más graves de lo que quisiera", "bass"),
                                        ("es más brillante de lo que debería", "brillante")])
def test_an_excess_compared_with_a_wish_in_spanish_asks_for_less(m, text, word):
    assert weights(m, text)[word] < 0


@pytest.mark.parametrize("text, word, sign", [("less bass than before", "bass", -1),
                                              ("more bass than before", "bass", 1),
                                              ("more bass then I'd like less mud", "bass", 1)])
def test_comparisons_with_before_and_a_then_before_a_request_stay_requests(m, text, word, sign):
    assert weights(m, text)[word] * sign > 0


def test_not_as_much_bass_as_id_like_lifts_the_lows(m):
    assert m.generate("not as much bass as I'd like").response_db([60.0])[0] > 0


@pytest.mark.parametrize("text, word", [
    ("more mud than before", "muddy"), ("more harshness than before", "harsh"), ("muddier than before", "muddy"),
    ("más turbio que antes", "muddy"), ("más barro que antes", "muddy"), ("more mud than last time", "muddy")])
def test_more_of_a_flaw_than_before_asks_against_it(m, text, word):
    # each added 5.4 dB of the flaw the user complained of
    assert weights(m, text)[word] < 0


@pytest.mark.parametrize("text, word", [("more bass than before", "bass"), ("brighter than before", "bright"),
                                        ("make it more lo-fi than before", "lo-fi")])
def test_more_of_a_quality_than_before_still_asks_for_it(m, text, word):
    assert weights(m, text)[word] > 0
