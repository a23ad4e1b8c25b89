"""An eleventh new-user trial (2026-12-05): a misspelt direction word, number words past twelve, "les" before a word."""

import pytest

import eqmorph
from eqmorph.errors import UnknownWordError


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, meant", [("lss treble", "less"), ("warmer, nto muddy", "not"), ("lsss bright", "less"),
                                         ("mnos graves", "menos"), ("witout mud", "without")])
def test_a_misspelt_direction_word_is_refused_naming_the_word_it_looks_like(m, text, meant):
    """Dropped, it left the word after it read the other way at full strength ("lss treble": +6 dB of treble)."""
    with pytest.raises(UnknownWordError, match=f"did you mean '{meant}'"):
        m.parse(text)


@pytest.mark.parametrize("text", ["now brighter", "sun brighter", "more bass", "sin graves", "less treble"])
def test_words_and_direction_words_themselves_are_no_direction_slips(m, text):
    assert m.parse(text).weights


@pytest.mark.parametrize("text, word", [("les warm", "warm"), ("les muddy please", "muddy"),
                                        ("warm, les harsh", "harsh")])
def test_les_before_an_english_word_is_texted_less(m, text, word):
    assert weights(m, text)[word] < 0


def test_spanish_les_before_a_verb_stays_a_pronoun(m):
    assert weights(m, "a los graves les falta cuerpo")["bass"] > 0


@pytest.mark.parametrize("text, band, gain_db", [("add thirteen dB of treble", 4, 13.0),
                                                 ("add twenty dB of bass", 0, 20.0),
                                                 ("quita veinte dB de graves", 0, -20.0),
                                                 ("cut the treble by twenty-two dB", 4, -22.0)])
def test_number_words_past_twelve_set_the_amount_as_digits_do(m, text, band, gain_db):
    """Read as nothing, "add twenty dB of bass" was the default +6 dB, while "add 20 dB" was +20."""
    assert m.generate(text).to_array()[band, 0] == pytest.approx(gain_db, abs=0.01)


def test_a_number_word_past_the_range_is_refused_as_digits_are(m):
    with pytest.raises(eqmorph.errors.ParameterError, match="24 dB"):
        m.parse("add a hundred dB of bass")


def test_the_note_on_a_word_of_few_examples_asked_for_less_says_how_to_cut_what_its_translation_lifts(m):
    """An eleventh new-user trial: "demasiado brillante" (a cut) was told "to lift the highs, say 'más agudos'"."""
    (cut,) = [n for n in m.vocabulary.notes("demasiado brillante") if n.startswith("brillante:")]
    (more,) = [n for n in m.vocabulary.notes("más brillante") if n.startswith("brillante:")]
    assert cut.endswith("to cut the highs, say 'menos agudos'")
    assert more.endswith("to lift the highs, say 'más agudos'")
