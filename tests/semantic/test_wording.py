"""Wording: degree words, phrases the language layer reads back, the match's sentence; band words as nouns."""

import pytest

import eqmorph
from eqmorph.semantic.wording import comparison, phrase


@pytest.mark.parametrize("amounts, said", [
    ({"treble": 1.0}, "more treble"), ({"treble": -1.0}, "less treble"), ({"bass": 0.5}, "a bit more bass"),
    ({"presence": 2.0}, "much more presence"), ({"bass": -2.0}, "much less bass"),
    ({"warm": 1.0, "treble": -0.5}, "warm, a bit less treble"), ({"nasal": 0.5}, "a bit nasal")])
def test_a_band_word_is_said_as_a_noun_with_more_or_less(amounts, said):
    assert phrase(amounts) == said


@pytest.mark.parametrize("text", ["more treble", "a bit less bass", "much more presence", "warm, a bit less treble"])
def test_the_language_layer_reads_a_band_word_phrase_back_to_its_amounts(text):
    meant = eqmorph.load().parse(text)
    said = phrase({w: v for w, v in meant.weights} if len(meant.weights) == 1 else
                  {w: v * len(meant.pieces) for w, v in meant.weights})
    assert said == text


def test_the_match_sentence_says_band_words_with_has():
    assert comparison([("presence", 0.3)]) == "the reference has more presence (0.30)"
    assert comparison([("bright", 0.81), ("boomy", -0.42), ("bass", -0.3)]) == (
        "the reference is brighter (0.81), less boomy (0.42) and has less bass (0.30)")
    assert comparison([("treble", 0.5), ("bass", -0.25)]) == "the reference has more treble (0.50) and less bass (0.25)"
    assert comparison([("nasal", 0.4)]) == "the reference is more nasal (0.40)"  # an adjective, as named


def test_the_match_sentence_says_the_strongest_change_first():
    # "the reference is noisier (0.36) and has more low mids (0.81)": describe's phrase said the low mids first
    assert comparison([("noisy", 0.36), ("low mids", 0.81), ("presence", -0.35)]) == (
        "the reference has more low mids (0.81), less presence (0.35) and is noisier (0.36)")
    assert comparison([("bass", -0.3), ("bright", 0.81)]) == "the reference is brighter (0.81) and has less bass (0.30)"


def test_a_spanish_phrase_is_worded_in_spanish_and_read_back_to_its_amounts():
    said = phrase({"suave": 1.25, "áspero": -0.5, "oscuro": -1.25}, "es")
    assert said == "muy suave, mucho menos oscuro, un poco menos áspero"
    weights = dict(eqmorph.load().parse(said).weights)
    assert weights == pytest.approx({"suave": 1.25 / 3, "oscuro": -1.25 / 3, "áspero": -0.5 / 3})


@pytest.mark.parametrize("amounts, said", [
    ({"bite": 0.5}, "a bit more bite"), ({"bite": 2.0}, "much more bite"), ({"air": -1.0}, "less air"),
    ({"warm": 1.0, "bite": 0.5}, "warm, a bit more bite")])
def test_a_crowd_word_that_is_a_noun_is_said_with_more_or_less(amounts, said):
    # As an adjective it read "a bit bite" and "very bite" (a new-user trial).
    assert phrase(amounts) == said
    assert comparison([("bite", 0.4)]) == "the reference has more bite (0.40)"


@pytest.mark.parametrize("amounts, said", [
    ({"presence": 2.0}, "mucha más presencia"), ({"bass": 2.0}, "muchos más graves"),
    ({"treble": -2.0}, "muchos menos agudos"), ({"rumble": 2.0}, "mucho más retumbo"),
    ({"sibilance": -0.5}, "un poco menos de sibilancia"), ({"air": 0.5}, "un poco más de air"),
    ({"presence": 1.0}, "más presencia"), ({"air band": 2.0}, "mucha más banda de aire"),
    ({"air band": 0.5}, "un poco más de banda de aire")])
def test_a_spanish_noun_is_said_with_much_agreeing_and_a_bit_more_of(amounts, said):
    # "mucho más presencia" was the wrong gender, "un poco más presencia" missing its "de".
    assert phrase(amounts, "es") == said


def test_spanish_noun_phrases_read_back_to_their_amounts():
    said = phrase({"presence": 1.25, "bass": -1.25, "sibilance": -0.5}, "es")
    weights = dict(eqmorph.load().parse(said).weights)
    assert weights == pytest.approx({"presence": 1.25 / 3, "bass": -1.25 / 3, "sibilance": -0.5 / 3})


def test_the_air_band_has_a_spanish_name_that_reads_back_as_it():
    # it had none: a Spanish description of a 10 kHz shelf said "agudos", the 6 kHz treble shelf
    assert dict(eqmorph.load().parse("más banda de aire").weights) == {"air band": 1.0}
