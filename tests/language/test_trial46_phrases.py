"""Phrases a forty-sixth round mended: comparisons with a wish said other ways (a negated "as", Spanish "de lo que",
"then" typed for "than", "would've liked"), a flaw compared with before, slips denied in other positions, amounts
said after a comma. Each test holds a reading that went the wrong way."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError, UnknownWordError


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


@pytest.mark.parametrize("text, slip", [
    ("warm but not too mudy", "mudy"), ("warm but without mudyness", "mudyness"), ("brighter, lose the mudd", "mudd"),
    ("brighter, kill the mudd", "mudd"), ("punchier but not boomie", "boomie"),
    ("más cálido pero no turvio", "turvio"), ("más brillante pero sin durezza", "durezza")])
def test_a_denied_or_cut_slip_is_refused_not_dropped_with_its_denial(m, text, slip):
    # each read as its other word alone (plain warm, bright, punchy): the denial was lost with the slip
    with pytest.raises(UnknownWordError, match=slip):
        m.parse(text)


@pytest.mark.parametrize("text, suggested", [("más cálido pero no turvio", "turbio"),
                                             ("más brillante pero sin durezza", "dureza"),
                                             ("punchier but not boomie", "boomy")])
def test_a_refused_slip_names_the_word_meant(m, text, suggested):
    with pytest.raises(UnknownWordError, match=suggested):
        m.parse(text)


@pytest.mark.parametrize("text, word", [("bájele a esos agudos", "treble"), ("sin esos agudos", "treble"),
                                        ("warm, no turbio", "muddy"), ("brighter, lose the mud", "muddy")])
def test_denied_words_of_their_own_are_still_read(m, text, word):
    assert weights(m, text)[word] < 0


@pytest.mark.parametrize("text, word, gain", [
    ("más graves, como 2 db", "bass", 2), ("more bass, I think 2 dB", "bass", 2),
    ("more bass, about 2 dB or so", "bass", 2), ("a dB or two of air", "air", 1.5),
    ("más graves, más o menos 2 db", "bass", 2), ("more bass, something like 2 dB", "bass", 2)])
def test_a_hedged_amount_after_its_request_sets_it(m, text, word, gain):
    # each was refused, naming 'como', 'i', 'think' or no amount at all ("a dB or two" read one dB alone)
    reading = m.parse(text)
    assert dict(reading.weights)[word] > 0
    assert any(f"{gain:g} dB" in note for note in reading.notes) or dict(reading.weights)[word] == pytest.approx(
        gain / 6)


@pytest.mark.parametrize("text, amount", [("more bass, like minus 2 dB", "2 db"),
                                          ("cut the mud, two and a half dB", "2.5 db")])
def test_an_amount_that_cannot_be_read_is_refused_naming_it(m, text, amount):
    with pytest.raises(ParameterError, match=amount):
        m.parse(text)
