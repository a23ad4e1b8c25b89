"""A region word after a crowd word says where the word acts ("less boomy low end", "reduce the harsh highs"), not a
band move of its own: read as one, these phrases boosted the region they asked to tame (a new-user trial)."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.language.band_words import band_word
from eqmorph.language.parse import Parser
from eqmorph.language.regions import MAX_REGION_GAIN, WHERE_WORDS, confine, region_window

COUNTS = {"warm": 40, "bright": 30, "boomy": 9, "harsh": 12, "muddy": 6, "clean": 8, "tight": 3, "airy": 5}
GRID = np.geomspace(20.0, 20000.0, 256)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(COUNTS)


def response(params: np.ndarray, freqs_hz) -> np.ndarray:
    return dsp.response_db_np(np.asarray(params, dtype=np.float64), np.asarray(freqs_hz, dtype=np.float64),
                              ANALYSIS_SAMPLE_RATE)


@pytest.mark.parametrize(("text", "word", "region"), [
    ("less boomy low end", "boomy", "bass"),
    ("reduce the harsh highs", "harsh", "treble"),
    ("tame the muddy low mids", "muddy", "low mids"),
    ("more warmth in the low end", "warm", "bass"),
    ("airy top end", "airy", "treble"),
    ("clean up the low end", "clean", "bass"),
    ("tighten the low end", "tight", "bass"),
])
def test_a_region_after_a_crowd_word_is_where_it_acts_not_a_band_move(parser, text, word, region):
    meant = parser.parse(text)
    assert [w for w, _ in meant.weights] == [word]  # no band word's weight beside it
    assert [p.region for p in meant.pieces] == [region]
    assert meant.regional and meant.to_dict()["pieces"][0]["region"] == region
    assert any("read as where" in note and f"not as a {region} move of its own" in note for note in meant.notes)


@pytest.mark.parametrize(("text", "inside_hz", "outside_hz", "sign"), [
    ("less boomy low end", 120.0, 2000.0, -1.0),
    ("reduce the harsh highs", 6000.0, 300.0, -1.0),
    ("tame the muddy low mids", 400.0, 6000.0, -1.0),
    ("more warmth in the low end", 100.0, 6000.0, 1.0),
    ("clean up the low end", 80.0, 2500.0, -1.0),
])
def test_a_words_move_kept_to_its_region_goes_its_way_there_and_leaves_the_rest_alone(m, text, inside_hz,
                                                                                      outside_hz, sign):
    inside, outside = response(m.generate_params(text), [inside_hz, outside_hz])
    assert sign * inside > 1.0  # read as a band move, "less boomy low end" added a +3 dB bass shelf
    assert abs(outside) < 0.5


def test_a_region_word_moves_at_its_words_strength_there(m):
    # boomy's own low-end cut is its largest move; kept to the low end it stays that strong
    boomy = response(m.generate_params("boomy"), GRID)
    less = response(m.generate_params("less boomy low end"), GRID)
    low = GRID < 200.0
    assert less[low].min() < -0.8 * boomy[low].max()


@pytest.mark.parametrize("text", ["warm, bass boost", "bright top end -2dB", "warm low end +3dB"])
def test_a_region_followed_by_a_direction_or_db_amount_stays_its_own_move(parser, text):
    meant = parser.parse(text)
    assert not meant.regional
    assert any(w in ("bass", "treble") for w, _ in meant.weights)


def test_a_verb_of_another_word_reads_on_past_the_region(parser):
    # bright's EQ cuts the bass: "where to brighten" would cut what the user named
    assert dict(parser.parse("brighten the bass").weights) == {"bright": 0.5, "bass": 0.5}


@pytest.mark.parametrize(("text", "word"), [("clean up the mud", "muddy"), ("clean up the harshness", "harsh")])
def test_clean_up_before_a_crowd_word_takes_it_away(parser, text, word):
    meant = parser.parse(text)
    assert dict(meant.weights) == {word: -1.0}
    assert any(note.startswith("clean up: read as taking away") for note in meant.notes)
    assert dict(parser.parse(f"not {text}").weights) == {word: 1.0}


def test_clean_as_an_adjective_is_still_the_word(parser):
    assert dict(parser.parse("clean and bright").weights) == {"clean": 0.5, "bright": 0.5}
    assert dict(parser.parse("clean").weights) == {"clean": 1.0}


def test_spanish_reads_a_region_after_en(m):
    meant = m.parse("menos retumbante en los graves")
    assert dict(meant.weights) == {"boomy": -1.0} and meant.pieces[0].region == "bass"


@pytest.mark.parametrize("name", sorted(WHERE_WORDS))
def test_a_region_window_is_one_inside_its_band_half_at_a_shelfs_corner_and_zero_far_away(name):
    window = region_window(name, GRID, ANALYSIS_SAMPLE_RATE)
    assert window.min() >= 0.0 and window.max() <= 1.0 and window.max() > 0.95
    move = band_word(name).moves[0]
    if move.kind != "peaking":
        corner = region_window(name, np.array([move.freq_hz]), ANALYSIS_SAMPLE_RATE)[0]
        assert corner == pytest.approx(0.5, abs=0.02)  # an RBJ shelf is at half its dB gain at its corner
    far = GRID[np.abs(np.log2(GRID / move.freq_hz)) > 4.0]
    assert np.all(region_window(name, far, ANALYSIS_SAMPLE_RATE) < 0.1)


def test_confine_scales_a_weak_move_up_at_most_max_region_gain():
    window = region_window("treble", GRID, ANALYSIS_SAMPLE_RATE)
    low_bump = 6.0 * np.exp(-np.log2(GRID / 100.0) ** 2)  # a word acting far below the treble
    kept = confine(low_bump, "treble", GRID, ANALYSIS_SAMPLE_RATE)
    np.testing.assert_allclose(kept, MAX_REGION_GAIN * low_bump * window)
    strong = 6.0 * window  # a word acting only there already: as strong as it was
    assert np.abs(confine(strong, "treble", GRID, ANALYSIS_SAMPLE_RATE)).max() == pytest.approx(6.0 * window.max())


def test_confine_of_a_flat_response_is_flat_not_nan():
    assert not confine(np.zeros_like(GRID), "treble", GRID, ANALYSIS_SAMPLE_RATE).any()


def test_region_window_refuses_a_word_that_is_no_region():
    with pytest.raises(ValueError, match="no region word"):
        region_window("sibilance", GRID, ANALYSIS_SAMPLE_RATE)


def test_a_phrase_with_a_region_morphs_from_its_own_eq(m):
    ends = m.interpolate_params("less boomy low end", "bright", [0.0, 1.0])
    np.testing.assert_allclose(ends[0], m.generate_params("less boomy low end"), atol=1e-9)
    np.testing.assert_allclose(ends[1], m.generate_params("bright"), atol=1e-9)


def test_a_region_keeps_the_words_main_way_only(m):
    # a review: "tame the muddy low mids" cut 300 Hz and boosted 1.2 kHz, where muddy's own EQ dips
    below, at = response(m.generate_params("tame the muddy low mids"), [300.0, 1200.0])
    assert below < -3.0 and at < 0.5


def test_confine_drops_the_part_going_against_the_words_largest_move():
    word = 6.0 * np.exp(-np.log2(GRID / 8000.0) ** 2) - 2.0 * np.exp(-np.log2(GRID / 16000.0) ** 2 * 8)
    kept = confine(word, "treble", GRID, ANALYSIS_SAMPLE_RATE)
    assert kept.min() >= 0.0 and kept.max() > 3.0


def test_a_contrast_after_a_word_in_a_region_is_kept_to_that_region(m):
    # a review: "warmer low end but not muddy" took muddy's treble cut away as a 2 dB treble boost
    highs = response(m.generate_params("warmer low end but not muddy"), [1200.0, 3000.0, 6000.0, 12000.0])
    assert np.all(np.abs(highs) < 0.5)
    assert response(m.generate_params("warmer low end but not muddy"), [150.0])[0] > 1.0


@pytest.mark.parametrize("text", ["fuller low end", "heavier low end", "more body in the low mids"])
def test_a_word_whose_largest_move_is_elsewhere_still_moves_its_way_in_the_region(m, text):
    # a second review: the main way taken over the whole spectrum (full's is a 4 dB cut at 6 kHz) left these flat
    low = response(m.generate_params(text), [150.0, 300.0])
    assert low.max() > 2.0
