"""Phrases a forty-seventh round mended: a lack and an excess stated in one sentence ("less bass than I'd like and
more mud than I'd like", "not enough bass and too much mud", "a dip in the mids and a bump in the bass"). The first
statement's wish made the second clause a request, and the first statement's word was read as the region of the
second's. Each test holds a reading that went the wrong way."""

from __future__ import annotations

import pytest


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, wanted", [
    ("less bass than I'd like and more mud than I'd like", {"bass": 1, "muddy": -1}),  # was muddy x 1.0
    ("more mud than I'd like and less bass than I'd like", {"bass": 1, "muddy": -1}),  # was bass x -0.5
    ("less bass than I'd like and less air than I'd like", {"bass": 1, "air": 1}),  # was air x -1.0
    ("not enough bass and too much mud", {"bass": 1, "muddy": -1}),  # the bass was mud's region
    ("there's a dip in the mids and a bump in the bass", {"mids": 1, "bass": -1}),  # the dip was lost
])
def test_a_lack_and_an_excess_in_one_sentence_each_keep_their_way(m, text, wanted):
    got = weights(m, text)
    assert set(got) == set(wanted)
    assert all(got[word] * sign > 0 for word, sign in wanted.items())


@pytest.mark.parametrize("text, wanted", [("the low end is too boomy", {"boomy": -1}),
                                          ("make the highs smoother", {"smooth": 1}),
                                          ("I'd like more bass and less mud than before", {"bass": 1, "muddy": -1})])
def test_a_region_said_of_its_flaw_and_a_wish_over_two_clauses_stay_as_they_were(m, text, wanted):
    got = weights(m, text)
    assert set(got) == set(wanted) and all(got[word] * sign > 0 for word, sign in wanted.items())

