"""Phrases a forty-fifth round mended (a thirty-sixth trial's faults): a "less" whose word is unreadable, "o" texted
for "of", Spanish pronoun verbs after a band word, comparisons with a wish, flaws getting worse, a keep said with
"not", slips denied. Each test holds a reading that went the wrong way."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, word", [("brighter but less ring", "bright"), ("brighter but less ringing", "bright"),
                                        ("warmer but less ring", "warm"), ("brighter and less qwerty", "bright")])
def test_an_unreadable_word_after_less_never_turns_the_word_before(m, text, word):
    # the "less" moved onto brighter: -5.5 dB at 3 kHz
    reading = m.parse(text)
    assert dict(reading.weights)[word] > 0
    assert "less" in reading.ignored


def test_brighter_but_less_ring_still_lifts_the_top(m):
    assert (m.generate("brighter but less ring").response_db([3000.0, 8000.0]) > 0).all()


@pytest.mark.parametrize("text", ["less o the bass", "less o the low end"])
def test_o_texted_for_of_after_less_cuts(m, text):
    # "o" was read as Spanish "or" and the bass boosted 6 dB
    assert weights(m, text)["bass"] < 0


@pytest.mark.parametrize("text, word", [
    ("la sibilancia quítala", "sibilance"), ("las eses quítalas", "sibilance"), ("el retumbo quítalo", "rumble"),
    ("el zumbido quítalo", "hum"), ("el barro quítamelo", "muddy"), ("el barro sácalo", "muddy"),
    ("el barro quita", "muddy"), ("el barro lo quitas", "muddy"), ("el barro me molesta, quítalo", "muddy")])
def test_a_spanish_pronoun_verb_after_a_band_word_or_in_another_form_cuts(m, text, word):
    # each added what it asked to remove (+4.2 dB at 8 kHz, +5 dB at 40 Hz, +5.4 dB at 200 Hz)
    assert weights(m, text)[word] < 0


def test_el_retumbo_quitalo_cuts_the_lows_and_names_no_word_never_typed(m):
    reading = m.parse("el retumbo quítalo")
    assert "bájale" not in reading.ignored  # said "ignored: bájale", a word the user never typed
    assert m.generate("el retumbo quítalo").response_db([40.0])[0] < 0


def test_el_barro_no_lo_toques_is_a_keep_as_dejalo(m):
    # "el barro, no lo toques" added 5.4 dB of the mud it asked to leave
    with pytest.raises(ParameterError, match="keep"):
        m.parse("el barro, no lo toques")
    assert weights(m, "el barro no lo toques, más brillo")["treble"] > 0


def test_the_polishing_sacar_after_the_shine_is_no_cut(m):
    assert weights(m, "el brillo sácalo")["treble"] > 0  # "sacar brillo": to polish


@pytest.mark.parametrize("text, cut, kept", [("cut the mud, not the warmth", "muddy", "warm"),
                                             ("cut the mud not the warmth", "muddy", "warm"),
                                             ("less bass, not less treble", "bass", "treble"),
                                             ("less hiss, not less air", "hiss", "air")])
def test_what_a_cut_leaves_out_with_not_is_kept_not_moved(m, text, cut, kept):
    # the warmth was cut with the mud (warm x -0.5); "not less treble" boosted the treble 5.8 dB
    reading = m.parse(text)
    assert dict(reading.weights)[cut] < 0
    assert kept not in dict(reading.weights)
    assert any(note.startswith(f"{kept_word}: kept") for note in reading.notes for kept_word in (kept, "warmth"))


def test_less_bass_not_less_treble_leaves_the_top_alone(m):
    top = m.generate("less bass, not less treble").response_db([8000.0, 12000.0])
    assert (abs(top) < 1.0).all()


@pytest.mark.parametrize("text", ["it's gotten muddier", "it's getting more muddy", "se está poniendo más turbio",
                                  "cada vez más turbio", "está cada vez más turbio"])
def test_mud_said_to_be_growing_asks_against_it(m, text):
    # each was a request for mud, +5.4 dB at 200 Hz
    assert weights(m, text)["muddy"] < 0


def test_getting_less_clear_asks_for_more_clear(m):
    assert weights(m, "it's getting less clear")["clear"] > 0  # it asked for less clear
    assert weights(m, "make it more muddy")["muddy"] > 0  # a request with no change under way stays one


@pytest.mark.parametrize("text, word, way", [("pilas con los agudos, bájalos", "treble", -1),
                                             ("ese barro en los medios, bájalo", "mids", -1),
                                             ("los graves, súbelos y los medios, bájalos", "mids", -1)])
def test_a_pronoun_verb_after_a_phrase_naming_a_region_still_moves_the_region(m, text, word, way):
    # a first version read "pilas con bájale los agudos": a keep refused
    assert weights(m, text)[word] * way > 0
