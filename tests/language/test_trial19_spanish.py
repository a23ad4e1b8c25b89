"""Phrases a nineteenth trial typed as producers from Spain, Mexico, Argentina, Colombia and Chile (2026-12-04)."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError
from eqmorph.language.band_words import band_words
from eqmorph.language.grammar_words import (
    DEGREE_PHRASES,
    JOINERS,
    KEEP,
    LESS,
    MORE,
    NOT,
    STOP,
)
from eqmorph.language.lexicon import lexicon_words
from eqmorph.language.spanish_verbs import SPANISH_CUTTING_FORMS, SPANISH_TAKING_OUT_FORMS
from eqmorph.language.spelling import fold
from eqmorph.language.wordlike import dictionary_words


def weights(m, text):
    return dict(m.parse(text).weights)


@pytest.mark.parametrize("text, word, expected", [
    ("bajá los graves", "bass", -1.0), ("bajá un poco los agudos", "treble", -0.5), ("reducí los graves", "bass", -1.0),
    ("cortá los graves", "bass", -1.0), ("quitá el barro", "muddy", -1.0), ("limpiá el barro", "muddy", -1.0),
    ("bájenle a los graves", "bass", -1.0), ("quítenle lo nasal", "nasal", -1.0),
    ("hay que bajarle a los graves", "bass", -1.0), ("bájame los agudos", "treble", -1.0),
    ("bajemos los graves", "bass", -1.0), ("yo le bajaría los agudos", "treble", -1.0),
    ("cerrá los agudos", "treble", -1.0)])
def test_spanish_forms_of_a_cutting_verb_cut(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})  # each was ignored and the region boosted 6 dB


@pytest.mark.parametrize("text", ["no le bajes los graves", "no bajes los graves"])
def test_do_not_lower_is_a_keep_not_a_cut(m, text):
    with pytest.raises(ParameterError, match="a change as well as what to keep"):  # "no" had cut the bass
        m.parse(text)


def test_no_cutting_form_is_a_word_of_its_own(m):
    # English ("quite"), the band words' forms ("corte de graves"), the lexicon, the vocabulary and the grammar
    taken = set(dictionary_words()) | {fold(t) for w in band_words().values() for f in w.forms for t in f.split()}
    taken |= {fold(t) for t in lexicon_words()} | {fold(t) for t in m.terms}
    taken |= {fold(t) for phrase in DEGREE_PHRASES for t in phrase} | {fold(t) for t in STOP | NOT | KEEP | JOINERS
                                                                        | MORE}
    forms = SPANISH_CUTTING_FORMS | SPANISH_TAKING_OUT_FORMS  # "sácale" of a twentieth trial too
    assert sorted((forms - LESS) & taken) == []  # a cutting word already ("baja") stays as it is


@pytest.mark.parametrize("text, word", [("los agudos pican", "treble"), ("me molestan los agudos", "treble"),
                                        ("los agudos cansan", "treble"), ("los graves tapan la voz", "bass"),
                                        ("los graves saturan", "bass"), ("los medios tapan todo", "mids")])
def test_a_verb_of_a_regions_excess_asks_for_less_of_it(m, text, word):
    assert weights(m, text)[word] < 0  # the verb was ignored and the region boosted 6 dB


@pytest.mark.parametrize("text, word, expected", [
    ("un cachito más de graves", "bass", 0.5), ("un montón de graves", "bass", 1.25),
    ("harto brillo", "treble", 1.25),
    ("excesivamente brillante", "brillante", -0.5), ("menos medio graves", "low mids", -1.0),
    ("mas medio agudos", "high mids", 1.0)])
def test_regional_amounts_excess_and_singular_mid_bands(m, text, word, expected):
    assert weights(m, text) == pytest.approx({word: expected})  # each ignored, or the shelf instead of the mid band


def test_voseo_keep_keeps_and_number_words_set_db(m):
    assert weights(m, "menos barro pero mantené los graves") == pytest.approx({"muddy": -1.0})  # bass was boosted
    assert weights(m, "bajale dos dB a los graves") == pytest.approx({"bass": -2.0 / 6.0})  # the whole 6 dB cut
