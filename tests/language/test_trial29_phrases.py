"""A twenty-ninth trial (2026-12-04) probed the twenty-eighth's new rules for side effects: phrases that look like a
rule's trigger but mean something else. Each test holds a reading the rules had broken, and the rule beside it."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, band", [
    ("cut the excess bass", "bass"), ("remove excess mud", "muddy"), ("take out the excess bass", "bass"),
    ("take the excess bass out", "bass"), ("quita el exceso de graves", "bass"), ("quita los graves de más", "bass"),
    ("no excess bass", "bass")])
def test_an_excess_said_beside_a_cut_is_not_read_twice(m, text, band):
    # read twice, the cut turned into a 3 dB boost
    assert weights(m, text)[band] == pytest.approx(-1.0)


@pytest.mark.parametrize("text, expected", [
    ("make it bass heavy", {"bass": 1.0}), ("i want it bass heavy", {"bass": 1.0}),
    ("less top heavy", {"treble": -1.0}),
    ("not bass heavy enough", {"bass": 0.5}), ("go heavy on the bass", {"bass": 1.0}),
    ("heavy on the bass please", {"bass": 1.0}), ("don't go heavy on the bass", {"bass": -1.0}),
    ("too heavy on the low end", {"bass": -0.5}), ("go light on the bass", {"bass": -1.0}),
    ("it's too light on the low end", {"bass": 0.5}), ("top heavy", {"treble": -0.5}),
    ("light on the bottom", {"bass": 0.5}), ("the low end is a bit heavy on the master", {"bass": -0.25})])
def test_a_region_s_weight_asked_for_is_a_request_and_stated_an_excess_or_lack(m, text, expected):
    # "make it bass heavy" cut the bass 3 dB, "go light on the bass" boosted it
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, word", [
    ("the bass is fine, it's the highs that are harsh", "harsh"), ("the low end is good, it's too bright", "bright"),
    ("the mids are fine, they're just a bit honky", "honky"), ("the vocal is great, the bass is boomy", "boomy")])
def test_a_statement_before_a_comma_is_no_resumed_subject(m, text, word):
    # "the bass is fine, it's ..." boosted the praised region 5-6 dB
    got = weights(m, text)
    assert list(got) == [word] and got[word] < 0


@pytest.mark.parametrize("text, word", [
    ("the bass doesn't need to be so loud", "bass"), ("it doesn't need to be that bright", "bright"),
    ("the highs don't need to be so harsh", "harsh"), ("no necesita tantos agudos", "treble"),
    ("no hace falta tanto brillo", "treble"), ("no necesita ser tan brillante", "brillante")])
def test_a_need_of_a_degree_denied_asks_for_less(m, text, word):
    # read as a keep, they were refused or turned into a 6 dB boost
    assert weights(m, text)[word] < 0


@pytest.mark.parametrize("text, expected", [
    ("está bien pero bájale los graves", {"bass": -1.0}), ("suena bien pero sube los graves", {"bass": 1.0}),
    ("es bueno pero sube los medios", {"mids": 1.0}), ("es demasiado el bajo", {"bass": -0.5})])
def test_a_spanish_verb_first_is_turned_only_in_one_statement(m, text, expected):
    # the inversion ran across "pero": refused, or "es demasiado el bajo" boosted the bass 6 dB
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("take 2 off the highs", {"treble": -2 / 6}), ("take 3 out of the bass", {"bass": -0.5}),
    ("cut approx. 2 dB of mud", {"muddy": -0.37}), ("More bass. Not too much though.", {"bass": 0.5})])
def test_numbers_and_sentence_ends_that_are_not_what_the_rules_took_them_for(m, text, expected):
    # "take 2" was a track's name (-6 dB), "approx." a sentence end (its cut lost), the sizing sentence lost
    assert weights(m, text) == pytest.approx(expected, abs=0.01)


def test_a_frequency_and_a_gain_are_no_db_range(m):
    with pytest.raises(ParameterError, match="expected words, not frequencies"):
        m.parse("boost 100 to 3 db")


@pytest.mark.parametrize("text", ["está bien de graves", "está bien menos los agudos", "suena bien limpio",
                                  "está bien el bajo"])
def test_bien_of_a_fine_sound_stays_fine(m, text):
    # read as "muy", they moved 7 dB
    with pytest.raises(ParameterError):
        m.parse(text)


@pytest.mark.parametrize("text, expected", [
    ("not sure why it's so bright", {"bright": -0.5}), ("you don't think it's muddy?", {"muddy": -1.0})])
def test_a_question_is_no_doubt_of_the_statement(m, text, expected):
    # "not sure why it's so bright" brightened it
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("keep the bass and the mud down", {"muddy": -1.0}), ("keep the vocal and turn the highs down", {"treble": -1.0}),
    ("too much delay and the bass is weak", {"bass": 0.5})])
def test_a_keep_or_an_excess_does_not_reach_into_the_next_request(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("the highs are cut off", {"treble": 1.0}), ("the mids are sucked out", {"mids": 1.0}),
    ("improve the bass response", {"bass": 1.0}), ("i hate to bother you but can you add bass", {"bass": 1.0}),
    ("it bugs me that it's dull", {"dull": -0.5})])
def test_a_verb_s_particle_and_a_request_s_noun_stay_readings(m, text, expected):
    # refused as "a region said to be what eqmorph cannot read", or read as annoyance (the crowds' loud)
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("master is a bit dark", {"dark": -0.25}), ("it's a bit bright", {"bright": -0.25}),
    ("it's a bit brighter", {"bright": 0.5}), ("it's bright", {"bright": 1.0}),
    ("make it a bit bright", {"bright": 0.5}), ("ta, a bit brighter", {"bright": 0.5})])
def test_a_slight_excess_of_an_intense_quality_is_stated(m, text, expected):
    assert weights(m, text) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("text", ["it's very bright, love it", "it's very bright, I love it", "they're too loud"])
def test_praise_alone_in_a_clause_and_a_source_s_level_ask_for_nothing(m, text):
    # "love it" was the crowds' love; "they're too loud" the crowds' loud
    with pytest.raises(ParameterError):
        m.parse(text)


def test_la_voz_pica_mucho_is_a_source_s_level(m):
    # refused, but the left-out piece had come back after its degree replaced it
    with pytest.raises(ParameterError, match="'voz' names a source"):
        m.parse("la voz pica mucho")


@pytest.mark.parametrize("text, expected", [
    ("love it, just needs a little more air", {"air": 0.5}), ("que los platos no molesten", {"treble": -1.0}),
    ("que los graves no tapen la voz", {"bass": -1.0}), ("que el bajo no retumbe tanto", {"boomy": -1.0}),
    ("que los agudos no chillen", {"shrill": -1.0})])
def test_leftovers_of_the_twenty_seventh_trial(m, text, expected):
    # "love it, ..." added the crowds' love; "que los platos no molesten" boosted the top 6 dB
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("ta muy brillante", {"brillante": -0.62}), ("ta embarrao", {"muddy": -0.5}),
    ("ta muy fuerte el low end", {"bass": -0.62}), ("ta, a bit brighter", {"bright": 0.5})])
def test_ta_before_its_word_is_esta_and_alone_is_thanks(m, text, expected):
    assert weights(m, text) == pytest.approx(expected, abs=0.01)
