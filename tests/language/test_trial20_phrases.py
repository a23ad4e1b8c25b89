"""Phrases a twentieth trial typed (2026-12-04): Spanish "sacar" (take out, but "sacar brillo" polishes), "open" as a
sound and as a verb of a region, and nouns and adjectives of known words the lexicon lacked."""

from __future__ import annotations

import pytest


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, word", [
    ("sácale graves", "bass"), ("saca los graves", "bass"), ("sácale el barro", "muddy"), ("sáquele el barro", "muddy"),
    ("saquen lo nasal", "nasal"), ("sacá los graves", "bass"), ("sácale lo brillante", "brillante"),
    ("sacale un poco de graves", "bass")])
def test_a_form_of_sacar_takes_out_what_follows(m, text, word):
    assert weights(m, text)[word] < 0  # "sácale" was ignored, and each added what it took out (5-6 dB)


@pytest.mark.parametrize("text", ["sácale brillo", "sacarle el brillo", "sácale más brillo"])
def test_sacar_brillo_is_the_idiom_to_polish_and_brings_out_the_shine(m, text):
    assert weights(m, text) == pytest.approx({"treble": 1.0})  # brillo: the top end (a 24th trial)


@pytest.mark.parametrize("text, expected", [
    ("more open", {"airy": 1.0}), ("a more open sound", {"airy": 1.0}), ("less open", {"airy": -1.0}),
    ("un sonido más abierto", {"airy": 1.0}), ("less boxy more open", {"boxy": -0.5, "airy": 0.5})])
def test_open_is_a_sound_read_as_airy(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)  # "open" was unknown, or ignored beside a known word


@pytest.mark.parametrize("text, word", [("open up the top end", "treble"), ("open up the low end", "bass"),
                                        ("open the mids", "mids"), ("please open up the highs", "treble")])
def test_open_up_a_region_gives_it_more(m, text, word):
    # read as airy placed there, "open up the low end" cut the bass 3.5 dB
    assert weights(m, text) == pytest.approx({word: 1.0})


@pytest.mark.parametrize("text, word", [("more depth", "deep"), ("más profundidad", "profundo"),
                                        ("silky highs", "smooth"), ("silkier", "smooth"),
                                        ("un sonido sedoso", "smooth"), ("add some grit", "raspy"),
                                        ("gritty vocals", "raspy"), ("more edge", "bite")])
def test_nouns_and_near_synonyms_of_known_words_reach_them(m, text, word):
    # each was unknown, or ignored ("silky highs" was a plain 6 dB treble boost)
    assert weights(m, text) == pytest.approx({word: 1.0})


def test_take_the_edge_off_cuts_the_bite(m):
    assert weights(m, "take the edge off") == pytest.approx({"bite": -1.0})  # "edge" was unknown


@pytest.mark.parametrize("text, expected", [
    ("mid-scooped", {"mids": -1.0}), ("mids scooped", {"mids": -1.0}), ("low mids dipped", {"low mids": -1.0}),
    ("highs trimmed", {"treble": -1.0}), ("bass boosted", {"bass": 1.0}), ("treble lifted", {"treble": 1.0})])
def test_a_past_participle_after_a_region_is_its_direction(m, text, expected):
    # "mid-scooped" was the mids boosted beside the smile curve; the others were ignored (a boost for the cuts)
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("bass cut on the guitar", {"bass": -1.0}), ("mid scoop guitar", {"mids": -1.0}),
    ("treble boost for the vocals", {"treble": 1.0}), ("turn the bass down on the vocals", {"bass": -1.0}),
    ("make the highs lower on the guitar", {"treble": -1.0}), ("bass cut at the guitar", {"bass": -1.0})])
def test_a_direction_after_its_word_holds_when_the_instrument_follows(m, text, expected):
    # "on the guitar" kept the direction from ending its piece: each cut was read as a 6 dB boost
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, word", [("fill out the low mids", "low mids"), ("fill in the low mids", "low mids"),
                                        ("fill out the bottom end", "bass"), ("fill up the low end", "bass")])
def test_filling_a_region_out_gives_it_more(m, text, word):
    assert weights(m, text) == pytest.approx({word: 1.0})  # "out" cut it ("fill" unknown, "out" as in "take X out")


@pytest.mark.parametrize("text, expected", [("tons of bass", {"bass": 1.25}), ("a ton of air", {"air": 1.25}),
                                            ("loads of air", {"air": 1.25}), ("plenty of bass", {"bass": 1.25}),
                                            ("heaps of warmth", {"warm": 1.25})])
def test_amounts_said_as_tons_and_loads_are_a_lot(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)  # ignored: the word at its own strength


@pytest.mark.parametrize("text, expected", [("flatten the low end", {"bass": -1.0}),
                                            ("flatten the mids a bit", {"mids": -0.5})])
def test_flattening_a_region_cuts_it(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)  # "flatten" was ignored and the region boosted 6 dB


@pytest.mark.parametrize("text, expected", [
    ("a gentle treble boost", {"treble": 0.5}), ("a gentle bass cut", {"bass": -0.5}),
    ("a small treble boost", {"treble": 0.5}), ("a big bass boost", {"bass": 1.25}),
    ("a gentle high shelf boost", {"treble": 0.5}), ("a soft top end lift", {"treble": 0.5})])
def test_a_size_before_a_moves_region_is_its_degree(m, text, expected):
    # "gentle" was a level word of the region (a 6 dB cut for the boost, a boost for the cut); "small" was ignored
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [("high shelf cut", {"treble": -1.0}), ("low shelf boost", {"bass": 1.0}),
                                            ("cut the high shelf", {"treble": -1.0})])
def test_a_shelf_named_by_its_end_is_that_region(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)  # "high shelf cut" was a 6 dB treble boost ("shelf" unknown)


@pytest.mark.parametrize("text, expected", [
    ("un realce suave en los agudos", {"treble": 0.5}), ("un corte suave en los graves", {"bass": -0.5}),
    ("un realce grande en los graves", {"bass": 1.25}), ("un ligero corte en los medios", {"mids": -0.5}),
    ("un realce en los agudos", {"treble": 1.0}), ("un corte en los graves", {"bass": -1.0})])
def test_spanish_move_nouns_and_their_sizes(m, text, expected):
    # "suave" was a level word of the region ("un realce suave en los agudos" cut the treble 6 dB), "realce" ignored
    assert weights(m, text) == pytest.approx(expected)


def test_corte_de_graves_stays_the_low_cut(m):
    assert weights(m, "un corte de graves") == pytest.approx({"low cut": 1.0})


@pytest.mark.parametrize("text", ["que la voz suene más presente", "voces más presentes"])
def test_presente_is_presence(m, text):
    assert weights(m, text) == pytest.approx({"presence": 1.0})  # "presente" was an unknown word


@pytest.mark.parametrize("text", ["smiley eq", "v shaped", "a v-shaped curve"])
def test_a_v_shaped_eq_is_the_smile_curve(m, text):
    assert weights(m, text) == pytest.approx({"scoop": 1.0})  # unknown words before


@pytest.mark.parametrize("text, word", [("suavecito", "suave"), ("clarito", "claro"), ("fresquito", "fresco"),
                                        ("calentito", "caliente"), ("ligeritos", "ligero"), ("oscurito", "oscuro"),
                                        ("dulcecito", "dulce")])
def test_a_spanish_diminutive_is_its_base_word(m, text, word):
    assert weights(m, text) == pytest.approx({word: 1.0})  # each was an unknown word


@pytest.mark.parametrize("text, expected", [("más calorcito", {"warm": 1.0}), ("más gordo", {"full": 1.0}),
                                            ("suena enlatado", {"tinny": -0.5}), ("suena vacío", {"hollow": -0.5})])
def test_spanish_words_of_a_sound_the_lexicon_lacked(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)  # each was an unknown word


@pytest.mark.parametrize("text, word", [("more girth", "full"), ("more breath", "airy"), ("breathier vocals", "airy"),
                                        ("more snap", "crisp"), ("snappier snare", "crisp")])
def test_studio_nouns_of_body_breath_and_snap(m, text, word):
    assert weights(m, text) == pytest.approx({word: 1.0})  # each was an unknown word


@pytest.mark.parametrize("text, word", [("the bass is weak", "bass"), ("los graves están débiles", "bass"),
                                        ("the highs are weak", "treble")])
def test_a_weak_region_asks_for_more_of_it(m, text, word):
    assert weights(m, text) == pytest.approx({word: 0.5})  # "weak" was an unknown word


@pytest.mark.parametrize("text, expected", [("los platillos chillan", {"treble": -0.5}),
                                            ("los graves están flojos", {"bass": 0.5}),
                                            ("los medios están tapados", {"muffled": -0.5})])
def test_spanish_complaints_of_a_region(m, text, expected):
    # "chillan" was ignored (a 6 dB treble boost), "flojos" and "tapados" unknown words
    assert weights(m, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, hint", [("less under 100", "'less bass'"), ("cut under 80", "'cut the bass'"),
                                        ("boost above 10000", "'boost the treble'")])
def test_a_bare_number_below_or_above_is_a_frequency_with_a_hint(m, text, hint):
    # (with a word that names a sound before it, "a bit less boom below 100", it places the word: test_trial21)
    from eqmorph.errors import ParameterError

    with pytest.raises(ParameterError, match=f"words, not frequencies: .*try {hint}"):
        m.parse(text)  # "below" was named the unknown word


@pytest.mark.parametrize("text, degree", [("telephone effect", 1.0), ("radio voice", 1.0), ("phone eq", 1.0),
                                          ("a bit of telephone", 0.5)])
def test_a_telephone_or_radio_sound_is_the_lo_fi_band(m, text, degree):
    # unknown words, or stop-listed as crowd words ("radio names no sound"); the lo-fi move is the telephone band
    assert weights(m, text) == pytest.approx({"lo-fi": degree})


@pytest.mark.parametrize("text, expected", [("as warm as possible", {"warm": 1.45}),
                                            ("as much air as you can", {"air": 1.45}),
                                            ("as warm as it gets", {"warm": 1.45}),
                                            ("tan brillante como se pueda", {"brillante": 1.45}),
                                            ("as warm as bright", {"warm": 0.5, "bright": 0.5})])
def test_as_far_as_possible_is_the_superlatives_degree(m, text, expected):
    assert weights(m, text) == pytest.approx(expected)  # the word at its own strength ("possible" ignored)
