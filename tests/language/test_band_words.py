"""Band words: studio terms ("presence", "sibilance", "rumble") read as their defined EQ moves."""

from __future__ import annotations

import numpy as np
import pytest

import eqmorph
from eqmorph.core import dsp
from eqmorph.core.eq import check_params
from eqmorph.errors import DataFormatError, UnknownWordError
from eqmorph.language.band_words import band_word, band_word_forms, band_words, find_band_words, parse_band_words
from eqmorph.language.parse import Parser

SR = 48000.0


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


def gain_at(params: np.ndarray, freq_hz: float) -> float:
    return float(dsp.response_db_np(np.asarray(params, dtype=np.float64), np.array([freq_hz]), SR)[0])


def test_every_band_word_is_a_valid_eq_whose_largest_move_sits_in_its_range():
    for word in band_words().values():
        params = word.params()
        check_params(params)
        for move in word.moves:
            # a bell's centre and a shelf's plateau (two octaves past its corner) carry the row's gain
            probe = move.freq_hz if move.kind == "peaking" else (
                move.freq_hz / 4 if move.kind == "low_shelf" else min(move.freq_hz * 4, 20000.0))
            assert gain_at(params, probe) == pytest.approx(move.gain_db, abs=0.6), (word.name, move)


def test_no_form_belongs_to_two_band_words_and_every_form_finds_its_word():
    for word in band_words().values():
        for form in word.forms:
            assert band_word(form) is word
    assert band_word("Sibilant ") is band_words()["sibilance"]  # normalised like any descriptor
    assert band_word("warm") is None


def test_less_sibilant_cuts_at_the_sibilance_band_and_leaves_the_bass_alone(m):
    eq = m.generate_params("less sibilant")
    assert gain_at(eq, 7000.0) == pytest.approx(-6.0, abs=0.01)
    assert abs(gain_at(eq, 100.0)) < 0.1
    assert str(m.parse("less sibilant")).startswith("less sibilant -> sibilance x -1.0 (sibilant: band word sibilance")


@pytest.mark.parametrize("text, freq_hz, gain_db", [
    ("more presence", 5000.0, 6.0),
    ("a bit more presence", 5000.0, 3.0),
    ("cut the rumble", 15.0, -6.0),
    ("mid scoop", 1000.0, -6.0),
    ("menos sibilancia", 7000.0, -6.0),
    ("un poco más presencia", 5000.0, 3.0),
    ("honkier", 700.0, 6.0),
    ("sub bass boost", 15.0, 6.0),
])
def test_degree_direction_inflection_and_spanish_apply_to_band_words(m, text, freq_hz, gain_db):
    assert gain_at(m.generate_params(text), freq_hz) == pytest.approx(gain_db, abs=0.35)


def test_a_vocabulary_word_is_never_replaced_by_a_band_word():
    parser = Parser({"presence": 12, "warm": 40})
    meaning = parser.parse("presence").pieces[0].meanings[0]
    assert (meaning.word, meaning.how) == ("presence", "exact")
    assert parser.parse("less sibilance").pieces[0].meanings[0].how == "defined"


def test_a_band_word_in_a_contrast_keeps_the_other_words_sound(m):
    warm, phrase = m.generate_params("warm"), m.generate_params("warm but less sibilant")
    grid = np.geomspace(20.0, 2000.0, 60)
    r_warm = dsp.response_db_np(warm, grid, SR)
    r_phrase = dsp.response_db_np(phrase, grid, SR)
    assert np.corrcoef(r_warm, r_phrase)[0, 1] > 0.8
    assert gain_at(phrase, 7000.0) < gain_at(warm, 7000.0) - 1.0


def test_a_band_word_morphs_blends_samples_and_edits_like_a_word(m):
    ends = m.interpolate_params("warm", "presence", [0.0, 1.0])
    np.testing.assert_array_equal(ends[1], m.generate_params("presence"))
    np.testing.assert_array_equal(ends[0], m.generate_params("warm"))
    mixed = m.blend({"presence": 1.0, "bright": 1.0}).to_array()
    assert gain_at(mixed, 5000.0) > 1.0
    samples = m.sample("presence", 4, seed=0)
    assert np.mean([gain_at(s.to_array(), 5000.0) for s in samples]) > 2.0
    edited = m.edit(m.generate("warm"), {"less sibilant": 1.0}).to_array()
    assert gain_at(edited, 7000.0) < gain_at(m.generate_params("warm"), 7000.0) - 2.0


def test_a_band_word_is_the_same_for_every_crowd(m):
    for source in m.sources:
        np.testing.assert_array_equal(m.generate_params("hiss", source=source), m.generate_params("hiss"))


def test_word_info_of_a_band_word_says_it_is_defined_not_learned(m):
    with pytest.raises(UnknownWordError, match="band word.*bell at 7 kHz"):
        m.word_info("sibilant")


def test_multi_word_band_words_are_read_as_one_descriptor(m):
    meant = m.parse("more low mids, less high mids")
    # Two band words in regions apart are each their own move, unshared (test_separate_band_moves_are_not_shared).
    assert dict(meant.weights) == {"low mids": 1.0, "high mids": -1.0}


def test_a_flat_band_scaled_negative_is_zero_not_minus_zero(m):
    gains = m.generate_params("less presence")[:, 0]
    assert not np.any(np.signbit(gains[gains == 0.0]))


@pytest.mark.parametrize("row, message", [
    ("presence\tpeaking\t5000\t1.4\t6\tkulka", "expected 'forms"),
    ("presence\tnotch\t5000\t1.4\t6\tkulka\t4-6 kHz", "band one of"),
    ("presence\tpeaking\tfive\t1.4\t6\tkulka\t4-6 kHz", "must be numbers"),
    ("presence\tpeaking\t5000\t1.4\t60\tkulka\t4-6 kHz", "outside the EQ's ranges"),
    ("presence\tpeaking\t5000\t1.4\t6\tkulka\t4-6 kHz\nair,presence\tpeaking\t9000\t1\t6\teng\tair", "already a form"),
    ("presence\tpeaking\t5000\t1.4\t6\tkulka\t4-6 kHz\tpresencia", "Spanish name 'presencia' is not one of"),
])
def test_a_malformed_band_word_table_is_refused_naming_the_fault(row, message):
    with pytest.raises(DataFormatError, match=message):
        parse_band_words(row)


def test_band_word_forms_include_the_spanish_spellings():
    assert {"presencia", "sibilancia", "medios graves"} <= band_word_forms()


@pytest.mark.parametrize("text, freq_hz, sign", [
    ("more bass", 60.0, 1), ("bass boost", 60.0, 1), ("cut the lows", 60.0, -1), ("less bass", 60.0, -1),
    ("a bit less low end", 60.0, -1), ("menos graves", 60.0, -1), ("more treble", 12000.0, 1),
    ("treble cut", 12000.0, -1), ("more highs", 12000.0, 1), ("más agudos", 12000.0, 1), ("bassier", 60.0, 1)])
def test_bass_and_treble_words_move_the_bottom_or_the_top_the_way_they_say(m, text, freq_hz, sign):
    # A user trial: "bass", "lows" and "low end" were synonyms of the crowd's "deep", so "cut the lows" gave +7.7 dB
    # at 1.6 kHz and -0.4 dB at 30 Hz; "más agudos" left the top flat.
    params = m.generate_params(text)
    assert sign * gain_at(params, freq_hz) > 2.0
    far = 12000.0 if freq_hz < 1000.0 else 60.0
    assert abs(gain_at(params, far)) < 0.5  # the other end of the spectrum stays put
    assert all(meaning.how == "defined" for piece in m.parse(text).pieces for meaning in piece.meanings)



@pytest.mark.parametrize("text, freq_hz, untouched_hz", [
    ("low cut", 40.0, 1000.0), ("add a low cut", 40.0, 1000.0), ("high-pass", 40.0, 1000.0), ("hpf", 40.0, 1000.0),
    ("corte de graves", 40.0, 1000.0), ("high cut", 16000.0, 1000.0), ("low-pass", 16000.0, 1000.0),
    ("corte de agudos", 16000.0, 1000.0), ("de-ess", 7000.0, 2000.0), ("de-esser", 7000.0, 2000.0)])
def test_filter_and_de_esser_words_name_cuts(m, text, freq_hz, untouched_hz):
    # A user trial: "low cut", "high cut" and "de-ess" were unknown words ("unknown word 'low'").
    params = m.generate_params(text)
    assert gain_at(params, freq_hz) < -5.0
    assert abs(gain_at(params, untouched_hz)) < 0.5


@pytest.mark.parametrize("text, freq_hz", [("less low cut", 40.0), ("a bit less high cut", 16000.0)])
def test_less_of_a_cut_word_boosts_its_region(m, text, freq_hz):
    assert gain_at(m.generate_params(text), freq_hz) > 2.0


def test_a_description_never_names_a_cut_word(m):
    # "more low cut" would say "less bass" backwards: a low-shelf cut is described as less bass.
    for name in ("low cut", "high cut", "de-ess"):
        text = m.describe_text(eqmorph.EQ.from_array(band_word(name).params()))
        assert name not in text and text, (name, text)
    assert "bass" in m.describe_text(eqmorph.EQ.from_array(band_word("low cut").params()))


def test_a_spanish_name_is_one_of_the_words_forms_and_reads_back_as_the_word():
    named = {w.name: w.spanish for w in band_words().values() if w.spanish}
    assert named["treble"] == "agudos" and named["bass"] == "graves" and named["presence"] == "presencia"
    p = Parser({"warm": 40})
    for name, spanish in named.items():
        assert spanish in band_words()[name].forms
        assert p.parse(f"más {spanish}").weights == ((name, 1.0),)


def test_finding_band_words_by_part_of_any_form():
    from eqmorph.language.band_words import find_band_words

    assert [w.name for w in find_band_words("pres")] == ["presence"]
    assert [w.name for w in find_band_words("AGUD")] == ["treble", "high mids", "high cut"]  # agudos, medios agudos
    assert find_band_words("") == [] and find_band_words("zzz") == []


@pytest.mark.parametrize("text", ["air band", "more air band", "air shelf", "studio air"])
def test_the_air_band_is_a_shelf_on_the_top_octave(m, text):
    eq = m.generate_params(text)
    assert gain_at(eq, 16000.0) > 4.0 and abs(gain_at(eq, 3000.0)) < 0.5
    assert m.vocabulary.notes(text) == []


def test_the_crowds_air_says_it_is_not_the_studios_air_and_names_the_air_band(m):
    # The crowd's "air" (3 SAFE examples) is a lift near 5 kHz; an engineer's air is the top octave.
    assert gain_at(m.generate_params("more air"), 5000.0) > gain_at(m.generate_params("more air"), 16000.0)
    notes = m.vocabulary.notes("more air, less boomy")
    assert len(notes) == 1 and notes[0].startswith("'air' is the crowd's word") and "'air band'" in notes[0]


@pytest.mark.parametrize("text, expected", [("pres", ["presence"]), ("cut", ["low cut", "high cut"]),
                                            ("and", []), ("mid", ["bass", "low mids", "mids", "high mids"])])
def test_a_studio_term_search_matches_the_start_of_a_word_not_its_middle(text, expected):
    # "and" found "air band" and hid that it is a joining word (words --search and); "mid" finds bass by "mid bass".
    assert [w.name for w in find_band_words(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("low mid cut", {"low mids": -1.0}), ("cut the low mid", {"low mids": -1.0}), ("hi mids", {"high mids": 1.0}),
    ("lo mids", {"low mids": 1.0}), ("hi-mids", {"high mids": 1.0}), ("boost the upper mid", {"high mids": 1.0})])
def test_the_singular_and_short_spellings_of_the_mid_bands_reach_them(m, text, expected):
    # A new-user trial: "low mid cut" cut 1 kHz (ignored "low"), "hi mids" boosted 1 kHz (ignored "hi").
    assert {w: round(v, 4) for w, v in m.parse(text).weights} == expected
