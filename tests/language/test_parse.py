"""The phrase grammar, row by row as docs/language.md lists it (eqmorph.language.parse)."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.language.grammar_words import DEGREES
from eqmorph.language.interpretation import Meaning
from eqmorph.language.parse import MAX_DEGREE, Parser
from eqmorph.language.phrase_text import MAX_TEXT_CHARS

COUNTS = {"warm": 40, "bright": 30, "brighter": 5, "muddy": 6, "boomy": 5, "air": 3, "harsh": 9, "clear": 8,
          "frío": 6, "caliente": 7, "suave": 9, "áspero": 3, "soft": 9, "dark": 6}


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(COUNTS)


def weights(parser: Parser, text: str) -> dict[str, float]:
    return {w: round(v, 4) for w, v in parser.parse(text).weights}


# --- normalisation ----------------------------------------------------------------
@pytest.mark.parametrize("text", ["Warm", "  WARM  ", "warm!", "'warm.'", "warm\u00a0"])
def test_case_punctuation_and_spaces_do_not_change_the_word(parser, text):
    assert weights(parser, text) == {"warm": 1.0}


def test_a_decomposed_accent_is_the_same_word_as_a_precomposed_one(parser):
    assert weights(parser, "a\u0301spero") == {"áspero": 1.0}  # "á" written as a + combining acute


def test_a_missing_accent_still_matches_when_only_one_word_fits(parser):
    meant = parser.parse("frio")
    assert meant.weights == (("frío", 1.0),)
    assert meant.pieces[0].meanings[0].how == "accents"


def test_accents_are_not_guessed_when_two_known_words_fold_alike():
    p = Parser({"año": 5, "ano": 5})
    assert p.parse("ano").weights == (("ano", 1.0),)
    with pytest.raises(UnknownWordError):
        Parser({"año": 5, "anó": 5}).parse("ano")


@pytest.mark.parametrize("typed, accented", [("calido", "cálido"), ("calida", "cálida"), ("nitido", "nítido")])
def test_a_lexicon_word_typed_without_its_accents_is_understood_as_with_them(parser, typed, accented):
    assert weights(parser, typed) == weights(parser, accented) != {}
    assert weights(parser, f"un poco mas {typed}") == weights(parser, f"un poco más {accented}")


# --- inflections and derivations ------------------------------------------------------
@pytest.mark.parametrize("text, word", [("muddier", "muddy"), ("boomier", "boomy"), ("muddiness", "muddy"),
                                        ("boominess", "boomy"), ("harshness", "harsh"), ("warmer", "warm"),
                                        ("darker", "dark"), ("suaves", "suave"), ("clearest", "clear"),
                                        ("fría", "frío"), ("fria", "frío")])
def test_inflections_and_derivations_reach_the_base_word(parser, text, word):
    meant = parser.parse(text)
    assert [w for w, _ in meant.weights] == [word]
    assert meant.pieces[0].meanings[0].how == "inflection"


def test_a_rare_comparative_gives_way_to_its_well_attested_base(parser):
    # "brighter" (5 examples) against "bright" (30, at least SHADOW_RATIO times more): more of bright.
    assert weights(parser, "brighter") == {"bright": 1.0}
    assert weights(parser, "a bit brighter") == {"bright": 0.5}


def test_an_exact_vocabulary_word_wins_over_a_base_with_few_more_examples():
    assert weights(Parser({**COUNTS, "brighter": 20}), "brighter") == {"brighter": 1.0}


def test_a_superlative_counts_as_a_high_degree(parser):
    assert weights(parser, "clearest") == {"clear": 1.45}


# --- degree -------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", [" ".join(k) for k in DEGREES])
def test_every_degree_phrase_scales_the_word_by_its_number(parser, phrase):
    assert weights(parser, f"{phrase} warm") == {"warm": round(DEGREES[tuple(phrase.split())], 4)}  # as weights()


def test_degrees_below_one_soften_and_above_one_strengthen(parser):
    assert weights(parser, "a bit warm")["warm"] < 1.0 < weights(parser, "very warm")["warm"]
    assert weights(parser, "very warm")["warm"] < weights(parser, "extremely warm")["warm"]


def test_stacked_degrees_multiply_and_an_absurd_stack_is_capped_and_said(parser):
    assert weights(parser, "very very warm") == {"warm": round(1.25 * 1.25, 4)}
    meant = parser.parse("very " * 30 + "warm")
    assert meant.weights == (("warm", MAX_DEGREE),)
    assert any("capped" in n for n in meant.notes)
    assert "capped" in str(meant)


# --- direction ----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["less muddy", "not muddy", "no muddy", "without muddy", "reduce muddy",
                                  "cut the muddy", "menos muddy", "sin muddy"])
def test_negative_directions_invert_the_word(parser, text):
    assert weights(parser, text) == {"muddy": -1.0}


@pytest.mark.parametrize("text, expected", [
    ("less less muddy", -1.0), ("reduce less muddy", -1.0), ("menos menos muddy", -1.0),  # one "less" is enough
    ("not not muddy", 1.0), ("not less muddy", 1.0), ("no menos muddy", 1.0),  # each negation flips
    ("not less less muddy", 1.0), ("without no muddy", 1.0),
])
def test_a_repeated_less_keeps_its_way_while_each_negation_flips(parser, text, expected):
    assert weights(parser, text) == {"muddy": expected}


@pytest.mark.parametrize("text", ["more air", "add air", "boost air", "más air"])
def test_positive_directions_keep_the_word(parser, text):
    assert weights(parser, text) == {"air": 1.0}


@pytest.mark.parametrize("text", ["not too dark", "Not too much dark", "not overly dark", "not excessively dark",
                                  "no demasiado dark"])
def test_not_too_asks_for_the_word_moderately_not_for_its_opposite(parser, text):
    meant = parser.parse(text)
    assert weights(parser, text) == {"dark": DEGREES[("a", "bit")]}
    assert meant.ignored == ()  # "too" is understood, not dropped
    assert weights(parser, "not dark") == {"dark": -1.0}  # plain negation still inverts


@pytest.mark.parametrize("text", ["not too muddy", "Not too much muddy", "not overly muddy", "not excessively muddy",
                                  "no demasiado muddy"])
def test_not_too_said_of_a_flaw_asks_against_it_moderately(parser, text):
    # "warmer but not too muddy" had added a quarter of mud (a new-user trial, 2026-12-04)
    assert weights(parser, text) == {"muddy": -DEGREES[("a", "bit")]}
    assert weights(parser, "warm but not too muddy")["muddy"] < 0


@pytest.mark.parametrize("text", ["not very muddy", "not really muddy", "not so muddy", "not that muddy",
                                  "no muy muddy", "no tan muddy", "poco muddy"])
def test_not_very_describes_the_other_side_a_bit_less_of_the_word(parser, text):
    meant = parser.parse(text)
    assert weights(parser, text) == {"muddy": -DEGREES[("a", "bit")]}
    assert meant.ignored == ()
    assert weights(parser, "un poco muddy") == {"muddy": DEGREES[("a", "bit")]}  # "a bit" is still positive


@pytest.mark.parametrize("text", ["too muddy", "it's too muddy", "overly muddy", "demasiado muddy", "too much muddy"])
def test_too_names_a_problem_and_asks_for_less_of_the_word_moderately(parser, text):
    meant = parser.parse(text)
    assert weights(parser, text) == {"muddy": -DEGREES[("a", "bit")]}
    assert meant.ignored == ()
    assert weights(parser, "warm but too bright") == {"warm": 0.5, "bright": -0.25}


@pytest.mark.parametrize("text,expected", [("half warm", 0.5), ("twice as warm", 2.0), ("double warm", 2.0),
                                           ("doble warm", 2.0)])
def test_literal_multiples_scale_the_word(parser, text, expected):
    assert weights(parser, text) == {"warm": expected}
    assert parser.parse(text).ignored == ()


@pytest.mark.parametrize("text,expected", [("50% warm", 0.5), ("50 % warm", 0.5), ("150% warm", 1.5), ("2x warm", 2.0),
                                           ("x2 warm", 2.0), ("1.5x warm", 1.5), ("1,5x warm", 1.5),
                                           ("20% less warm", -0.2), ("un 50 % más warm", 0.5)])
def test_numbers_written_as_percent_or_times_scale_the_word(parser, text, expected):
    assert weights(parser, text) == {"warm": expected}
    assert parser.parse(text).ignored == ()


def test_a_decimal_comma_does_not_split_the_phrase_but_a_comma_between_words_does(parser):
    assert weights(parser, "warm, 2x muddy") == {"warm": 0.5, "muddy": 1.0}
    assert weights(parser, "warm,muddy") == {"warm": 0.5, "muddy": 0.5}


@pytest.mark.parametrize("text", ["0% warm", "0x warm", "0.0x warm"])
def test_a_zero_degree_is_refused_naming_the_number(parser, text):
    with pytest.raises(ParameterError, match=r"text='0(\.0)?[%x]'.*above 0"):
        parser.parse(text)


def test_an_absurd_number_is_capped_and_said(parser):
    meant = parser.parse("1000% warm")
    assert weights(parser, "1000% warm") == {"warm": MAX_DEGREE}
    assert any("capped" in note for note in meant.notes)


def test_numbers_that_are_not_degrees_stay_ignored(parser):
    # "warm 3" is a dB amount now (test_parse_trial8.py, test_trial25_phrases.py)
    assert parser.parse("warm 2x2").ignored == ("2x2",)
    assert parser.parse("warm, 0.5").ignored == ("0.5",)  # a number alone in its clause, kept whole


@pytest.mark.parametrize("text, degree", [
    ("warm x 0.5", 0.5), ("warm x0.5", 0.5), ("0.5 x warm", 0.5), ("warm × 2", 2.0), ("0.5 warm", 0.5),
    ("warm 0.5", 0.5), ("warm 0,5", 0.5), ("1.5 warm", 1.5)])
def test_the_interpretations_own_notation_and_decimals_read_back_as_degrees(parser, text, degree):
    assert weights(parser, text) == {"warm": degree}
    assert parser.parse(text).ignored == ()


@pytest.mark.parametrize("text, expected", [
    ("-warm", {"warm": -1.0}), ("−warm", {"warm": -1.0}), ("+bright", {"bright": 1.0}),
    ("warm -bright", {"warm": 0.5, "bright": -0.5}), ("+air -boomy", {"air": 0.5, "boomy": -0.5})])
def test_a_sign_written_against_a_word_is_its_direction(parser, text, expected):
    assert weights(parser, text) == expected


@pytest.mark.parametrize("text", ["bright rather than dark", "bright instead of dark", "bright in place of dark",
                                  "brillante en vez de dark", "brillante en lugar de dark"])
def test_rather_than_and_instead_of_ask_against_the_word_after_them(text):
    parser = Parser({**COUNTS, "brillante": 5})
    got = weights(parser, text)
    assert got[next(w for w in got if w.startswith("bri"))] == 0.5 and got["dark"] == -0.5
    assert parser.parse(text).ignored == ()


def test_or_after_a_negated_word_carries_the_negation(parser):
    assert weights(parser, "not warm or bright") == {"warm": -0.5, "bright": -0.5}
    assert weights(parser, "warm or bright") == {"warm": 0.5, "bright": 0.5}
    assert weights(parser, "sin warm o bright") == {"warm": -0.5, "bright": -0.5}


@pytest.mark.parametrize("text", ["warmish", "warm-ish"])
def test_ish_reads_as_a_bit_of_the_base_word(parser, text):
    meant = parser.parse(text)
    assert weights(parser, text) == {"warm": DEGREES[("a", "bit")]}
    assert meant.pieces[0].meanings[0].how == "inflection"


def test_not_too_inside_a_phrase_softens_only_its_own_word(parser):
    assert weights(parser, "warm but not too bright") == {"warm": 0.5, "bright": 0.25}
    assert weights(parser, "not too bright, less muddy") == {"bright": 0.25, "muddy": -0.5}


def test_direction_and_degree_combine(parser):
    assert weights(parser, "a bit less muddy") == {"muddy": -0.5}
    assert weights(parser, "un poco menos muddy") == {"muddy": -0.5}


# --- several words ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("warm and clear", {"warm": 0.5, "clear": 0.5}),
    ("more air, less boomy", {"air": 0.5, "boomy": -0.5}),
    ("more air less boomy", {"air": 0.5, "boomy": -0.5}),
    ("warm but not muddy", {"warm": 0.5, "muddy": -0.5}),
    ("warm; bright; clear", {"warm": 1 / 3, "bright": 1 / 3, "clear": 1 / 3}),
])
def test_several_descriptors_share_the_eq_with_their_own_signs(parser, text, expected):
    assert weights(parser, text) == {w: round(v, 4) for w, v in expected.items()}
    assert parser.parse(text).intensity == pytest.approx(1.0)


# --- Spanish and mixed languages ------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("muy suave", {"suave": 1.25}),
    ("un poco más caliente", {"caliente": 0.5}),
    ("suave y sin áspero", {"suave": 0.5, "áspero": -0.5}),
    ("caliente pero no muddy", {"caliente": 0.5, "muddy": -0.5}),
    ("más warm, menos bright", {"warm": 0.5, "bright": -0.5}),
])
def test_spanish_grammar_words_and_mixed_vocabularies(parser, text, expected):
    assert weights(parser, text) == expected


def test_a_spanish_word_outside_the_vocabulary_reaches_its_equivalents(parser):
    meant = parser.parse("cálido")
    assert dict(meant.weights) == {"warm": 0.5, "caliente": 0.5}
    assert {m.how for m in meant.pieces[0].meanings} == {"translation", "synonym"}
    assert weights(parser, "cálida") == {"warm": 0.5, "caliente": 0.5}  # feminine form, through the lemmas


@pytest.mark.parametrize("text,expected", [("sin barro", {"muddy": -1.0}), ("menos barro", {"muddy": -1.0}),
                                           ("barroso", {"muddy": 1.0}), ("más redondo", {"warm": 1.0})])
def test_spanish_studio_words_reach_the_english_crowds_words(parser, text, expected):
    # "barro" (mud) reaches muddy through the English noun, two hops: translation, then synonym.
    assert weights(parser, text) == expected


def test_an_antonym_from_the_lexicon_inverts_the_known_word():
    p = Parser({"warm": 40})
    assert p.parse("cold").weights == (("warm", -1.0),)
    assert p.parse("cold").pieces[0].meanings[0].how == "antonym"


def test_spanish_cuerpo_reaches_full_through_body():
    # A user trial: "más cuerpo" was an unknown word; body is the studio noun for a full sound.
    assert weights(Parser({"full": 10, "warm": 40}), "más cuerpo") == {"full": 1.0}


def test_a_lexicon_synonym_reaches_the_known_word(parser):
    assert weights(parser, "cut the mud") == {"muddy": -1.0}


# --- source -------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["warm (safe)", "safe: warm", "warm from safe"])
def test_a_named_crowd_is_kept_apart_from_the_words(parser, text):
    meant = parser.parse(text)
    assert meant.source == "safe"
    assert meant.weights == (("warm", 1.0),)


# --- what is ignored, and bad input ---------------------------------------------------
def test_unknown_words_next_to_known_ones_are_ignored_and_said(parser):
    meant = parser.parse("warm and fluffy")
    assert meant.weights == (("warm", 1.0),)
    assert meant.ignored == ("fluffy",)
    assert "ignored: fluffy" in str(meant)


def test_a_degree_with_no_word_after_it_goes_to_the_word_before_it(parser):
    # a new-user trial: "scoop the mids a little" was a full -6 dB scoop, "a little" ignored
    meant = parser.parse("warm, very")
    assert meant.weights == (("warm", DEGREES[("very",)]),) and meant.ignored == ()


@pytest.mark.parametrize("text", ["", "   ", "very", "a bit", "the", "not", "más"])
def test_text_without_a_descriptor_is_a_parameter_error(parser, text):
    with pytest.raises(ParameterError, match="descriptor"):
        parser.parse(text)


def test_an_unknown_word_alone_is_an_unknown_word_error_with_suggestions(parser):
    with pytest.raises(UnknownWordError) as err:
        parser.parse("wram")
    assert err.value.suggestions[0][0] == "warm"


def test_a_contradiction_is_an_error_naming_the_word(parser):
    with pytest.raises(ParameterError, match="warm"):
        parser.parse("more warm, less warm")


def test_a_partial_contradiction_drops_the_cancelled_word_and_says_so(parser):
    meant = parser.parse("more warm, less warm, bright")
    assert [w for w, _ in meant.weights] == ["bright"]
    assert any("warm" in n for n in meant.notes)


def test_text_longer_than_the_limit_is_refused_without_parsing(parser):
    with pytest.raises(ParameterError, match=str(MAX_TEXT_CHARS)):
        parser.parse("warm " * 2000)


@pytest.mark.parametrize("value", [None, 3, b"warm", ["warm"]])
def test_a_non_string_is_a_parameter_error(parser, value):
    with pytest.raises(ParameterError):
        parser.parse(value)


def test_too_many_descriptors_are_refused(parser):
    with pytest.raises(ParameterError, match="descriptors"):
        parser.parse(", ".join(["warm", "bright", "clear", "muddy", "boomy", "air", "harsh", "soft", "dark"]))


# --- open vocabulary hook ---------------------------------------------------------------
class FixedNeighbours:
    def __init__(self) -> None:
        self.asked: list[str] = []
        self.given: list[list[str]] = []  # the lexicon's reading handed over with each word

    def meanings(self, word: str, lexicon_meanings=()) -> list[Meaning]:
        self.asked.append(word)
        self.given.append([m.word for m in lexicon_meanings])
        return [Meaning("bright", 0.7, "embedding", similarity=0.8), Meaning("warm", -0.2, "embedding", 0.6)]


def test_an_unknown_word_goes_to_the_open_vocabulary_with_its_signed_weights():
    nb = FixedNeighbours()
    meant = Parser(COUNTS, nb).parse("less sparkly")
    assert dict(meant.weights) == pytest.approx({"bright": -0.7, "warm": 0.2})
    assert nb.asked == ["sparkly"]
    assert "embedding neighbours bright 0.80" in str(meant)


def test_known_words_never_reach_the_open_vocabulary():
    nb = FixedNeighbours()
    Parser(COUNTS, nb).parse("a bit warmer but not muddy")
    assert nb.asked == []


def test_lexicon_words_go_to_the_open_vocabulary_with_the_lexicons_reading_which_decides_the_mix():
    nb = FixedNeighbours()
    meant = Parser(COUNTS, nb).parse("cálido")
    assert nb.given == [["warm", "caliente"]]
    assert dict(meant.weights) == pytest.approx({"bright": 0.7, "warm": -0.2})


@pytest.mark.parametrize("word", ["hello", "drums", "Guitar", "drum", "snare", "batería"])
def test_a_stop_listed_descriptor_is_refused_even_with_an_open_vocabulary(word):
    from eqmorph.errors import UnknownWordError

    nb = FixedNeighbours()
    with pytest.raises(UnknownWordError, match="names no sound"):
        Parser(COUNTS, nb).parse(word)
    assert nb.asked == []  # the embedding never saw it
    assert dict(Parser(COUNTS, nb).parse(f"warm {word}").weights) == {"warm": 1.0}  # the rest of a phrase stands


def test_an_inflection_of_a_lexicon_word_reads_as_its_base_does_with_an_open_vocabulary():
    nb = FixedNeighbours()
    parser = Parser(COUNTS, nb)
    assert parser.parse("cálida").weights == parser.parse("cálido").weights
    assert nb.asked == ["cálido", "cálido"]  # the base word, both times


# --- any text: an interpretation or one of eqmorph's errors, never a crash -------------------
def test_arbitrary_text_gives_an_interpretation_or_an_eqmorph_error(parser):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from eqmorph.errors import EqmorphError

    words = st.sampled_from(["warm", "less", "very", "a bit", "not", "y", "pero", "muddier", "cálido", ",", "(safe)",
                             "más", "zzz", "the", "and", "más warm", "-", "'", "é", "ß", "0.5", "WARM!"])
    text = st.one_of(st.text(max_size=60), st.lists(words, max_size=12).map(" ".join))

    @settings(max_examples=300, deadline=None)
    @given(text)
    def check(t):
        try:
            meant = parser.parse(t)
        except EqmorphError:
            return
        assert meant.weights and all(np.isfinite(v) and v != 0 for _, v in meant.weights)
        assert isinstance(str(meant), str) and meant.to_dict()["summary"] == str(meant)

    check()


@pytest.mark.parametrize("typo, meant", [("wram", "warm"), ("harhs", "harsh")])
def test_a_short_or_unsure_slip_is_refused_with_the_word_suggested_not_sent_to_the_open_vocabulary(typo, meant):
    # "wram" has four letters; "harhs" is one slip from harsh, which this dictionary does not hold
    nb = FixedNeighbours()
    with pytest.raises(UnknownWordError) as err:
        Parser(COUNTS, nb, is_dictionary_word=lambda w: False).parse(f"a bit {typo}")
    assert err.value.suggestions[0][0] == meant
    assert nb.asked == []


@pytest.mark.parametrize("typo, meant, spelling", [("brigth", "bright", "bright"), ("muddyy", "muddy", "muddy"),
                                                   ("sofft", "soft", "soft")])
def test_a_slip_of_one_known_word_is_read_as_it_and_said_not_sent_to_the_open_vocabulary(typo, meant, spelling):
    nb = FixedNeighbours()
    english = {"bright", "muddy", "soft"}.__contains__  # the known words, not their slips
    read = Parser(COUNTS, nb, is_dictionary_word=english).parse(f"a bit {typo}")
    assert dict(read.weights) == pytest.approx({meant: 0.5})
    assert f"read {typo!r} as {spelling!r}" in read.notes
    assert nb.asked == []


def test_a_common_word_one_slip_from_a_known_word_still_reaches_the_open_vocabulary():
    nb = FixedNeighbours()  # "warn" is an English word, not a slip of "warm": the embedding reads it
    Parser(COUNTS, nb, is_dictionary_word=lambda w: w == "warn").parse("warn")
    assert nb.asked == ["warn"]


def test_a_word_far_from_every_known_word_reaches_the_open_vocabulary():
    nb = FixedNeighbours()
    Parser(COUNTS, nb, is_dictionary_word=lambda w: False).parse("velvety")
    assert nb.asked == ["velvety"]


# --- negations, degrees and postfixes a new user typed (trial 3) -------------------------------------------
def test_neither_nor_negates_both_words(parser):
    assert weights(parser, "neither warm nor bright") == {"warm": -0.5, "bright": -0.5}


@pytest.mark.parametrize("text, expected", [
    ("warm cut", {"warm": -1.0}), ("bright boost", {"bright": 1.0}), ("muddy reduction", {"muddy": -1.0}),
    ("air lift, muddy cut", {"air": 0.5, "muddy": -0.5}), ("cut the warm", {"warm": -1.0})])
def test_a_direction_written_after_the_word_applies_to_it(parser, text, expected):
    assert weights(parser, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("warm x2", 2.0), ("warm 50%", 0.5), ("very warm x2", 2.5), ("x2 warm", 2.0), ("warm x2, bright", None)])
def test_a_number_after_the_word_is_its_degree(parser, text, expected):
    got = weights(parser, text)
    if expected is None:
        assert got == {"warm": 1.0, "bright": 0.5}
    else:
        assert got == {"warm": expected}


def test_a_postfix_word_with_no_word_before_it_is_ignored_not_applied_to_another_clause(parser):
    meant = parser.parse("warm and cut")
    assert dict(meant.weights) == {"warm": 1.0}
    assert meant.ignored == ("cut",)


@pytest.mark.parametrize("text, degree", [
    ("hardly warm", 0.5), ("scarcely warm", 0.5), ("tad warm", 0.5), ("quite warm", 0.85), ("kinda warm", 0.65),
    ("sorta warm", 0.65), ("sort of warm", 0.65), ("poco suave", -0.5), ("un poco suave", 0.5)])
def test_more_degree_words_scale_the_word(parser, text, degree):
    word = "suave" if "suave" in text else "warm"
    assert weights(parser, text) == {word: degree}


def test_hardly_is_a_degree_not_an_inflection_of_hard():
    assert weights(Parser({"hard": 5, "bright": 9}), "hardly bright") == {"bright": 0.5}


@pytest.mark.parametrize("text", ["SELECT * FROM users", "<img src=x onerror=alert(1)>", "warm=1", "warm #1",
                                  "{warm}"])
def test_text_with_characters_no_description_uses_is_refused_naming_the_character(parser, text):
    with pytest.raises(ParameterError, match="it has"):
        parser.parse(text)


def test_a_contrast_says_what_the_denied_word_takes_away(parser):
    assert "muddy: only what it adds to warm is taken away" in str(parser.parse("warm but not muddy"))
    assert "taken away" not in str(parser.parse("less muddy, less boomy"))


@pytest.mark.parametrize("text, word", [("sparkle", "bright"), ("mud", "muddy"), ("warmth", "warm")])
def test_a_same_language_synonym_keeps_the_lexicons_reading_with_an_open_vocabulary(text, word):
    """Mixed with the embedding, "treble" (a synonym of bright then, a band word now) became bright x 0.26 and 34
    faint neighbours on the web page."""
    counts = {**COUNTS, "muddy": 6}
    nb = FixedNeighbours()
    meant = Parser(counts, nb).parse(text)
    assert nb.asked == []
    assert dict(meant.weights) == {word: 1.0}


def test_a_word_asked_for_both_ways_is_said_to_cancel_not_to_take_anything_away(parser):
    said = str(parser.parse("more warm, less warm, bright"))
    assert "cancel out: warm" in said and "taken away" not in said


def test_an_open_vocabulary_word_is_one_word_at_degree_1_however_many_neighbours_it_spreads_over():
    class ManyNeighbours:
        def meanings(self, word, lexicon_meanings=()):
            return [Meaning(w, 0.4, "embedding", similarity=0.5) for w in ("warm", "bright", "soft", "dark", "clear")]

    meant = Parser(COUNTS, ManyNeighbours()).parse("velvety")
    assert meant.intensity == pytest.approx(2.0)  # the map's weights, summed
    assert meant.degree == 1.0  # what the phrase asks for: one word, no degree word
    assert Parser(COUNTS).parse("very warm and a bit bright").degree == pytest.approx((1.25 + 0.5) / 2)


def test_a_repeated_less_is_listed_as_ignored(parser):
    meant = parser.parse("less less muddy")
    assert dict(meant.weights) == {"muddy": -1.0} and meant.ignored == ("less",)
    assert parser.parse("not not muddy").ignored == ()  # each negation counts: nothing was dropped
