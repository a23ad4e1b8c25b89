"""The morphing API on a small trained model."""

import numpy as np
import pytest

from eqmorph import EQ, ParameterError, UnknownWordError
from eqmorph.core.dsp import log_freq_grid

FREQS = log_freq_grid(128)


def _size_db(eq):
    return float(np.sqrt(np.mean(eq.response_db(FREQS) ** 2)))


@pytest.mark.parametrize("method", ["latent", "slerp", "params"])
def test_interpolate_at_alpha_0_and_1_returns_the_endpoints(tiny_model, method):
    assert tiny_model.interpolate("warm", "bright", 0.0, method=method) == tiny_model.generate("warm")
    assert tiny_model.interpolate("warm", "bright", 1.0, method=method) == tiny_model.generate("bright")


def test_batched_interpolation_matches_one_value_at_a_time(tiny_model):
    alphas = np.linspace(0, 1, 11)
    batch = tiny_model.interpolate_params("warm", "bright", alphas)
    for a, p in zip(alphas, batch):
        np.testing.assert_allclose(tiny_model.interpolate("warm", "bright", a).to_array(), p, rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize("alpha", [-0.1, 1.5, float("nan"), "x"])
def test_alpha_outside_0_1_names_the_parameter(tiny_model, alpha):
    with pytest.raises(ParameterError, match="alpha"):
        tiny_model.interpolate("warm", "bright", alpha)


@pytest.mark.parametrize("word", [["warm"], 5, None, b"warm"])
def test_a_word_that_is_not_a_string_is_refused_naming_word(tiny_model, word):
    with pytest.raises(ParameterError, match="word=.*a word or phrase"):
        tiny_model.generate(word)
    with pytest.raises(ParameterError, match="word=.*a word or phrase"):
        tiny_model.interpolate("warm", word, 0.5)


def test_intensity_0_is_the_flat_eq(tiny_model):
    assert np.all(tiny_model.generate("warm", intensity=0.0).to_array()[:, 0] == 0.0)
    assert _size_db(tiny_model.generate("warm", intensity=0.0)) < 1e-9


@pytest.mark.parametrize("word", ["warm", "bright", "muddy", "thin"])
def test_response_size_grows_monotonically_with_abs_intensity(tiny_model, word):
    # up to 2.5x, where no gain of these words reaches the 24 dB limit yet
    sizes = [_size_db(tiny_model.generate(word, intensity=k)) for k in np.linspace(0, 2.5, 26)]
    assert np.all(np.diff(sizes) > 0)
    neg = [_size_db(tiny_model.generate(word, intensity=-k)) for k in np.linspace(0, 2.5, 26)]
    assert np.all(np.diff(neg) > 0)


def test_intensity_saturates_with_the_shape_kept_once_a_gain_reaches_the_limit(tiny_model):
    eqs = [tiny_model.generate("warm", intensity=k) for k in np.linspace(2.5, 4, 16)]
    sizes = [_size_db(eq) for eq in eqs]
    assert np.all(np.diff(sizes) >= 0)
    assert max(abs(b.gain_db) for b in eqs[-1].bands) == pytest.approx(24.0)


def test_negative_intensity_gives_the_opposite_response(tiny_model):
    up = tiny_model.generate("bright", intensity=1.0).response_db(FREQS)
    down = tiny_model.generate("bright", intensity=-1.0).response_db(FREQS)
    np.testing.assert_allclose(down, -up, atol=1e-9)  # RBJ peaks and shelves invert exactly


def test_unknown_word_suggests_close_known_words_with_counts(tiny_model):
    with pytest.raises(UnknownWordError) as err:
        tiny_model.generate("wram")
    assert err.value.suggestions[0] == ("warm", 40)
    assert "warm (40 examples)" in str(err.value)


def test_words_are_matched_after_normalisation(tiny_model):
    assert tiny_model.generate("  WARM ") == tiny_model.generate("warm")


def test_blend_of_one_word_is_that_word_and_weights_are_normalised(tiny_model):
    assert tiny_model.blend({"warm": 1.0}) == tiny_model.generate("warm")
    half = tiny_model.interpolate("warm", "bright", 0.5, method="latent")
    np.testing.assert_allclose(tiny_model.blend({"warm": 0.6, "bright": 0.6}).to_array(), half.to_array(), rtol=1e-5)


def test_the_default_params_morph_is_linear_in_model_space(tiny_model):
    from eqmorph.core.ranges import to_model_space

    a, b, mid = (tiny_model.interpolate("warm", "bright", x).to_model_space() for x in (0.0, 1.0, 0.5))
    np.testing.assert_allclose(to_model_space(tiny_model.generate("warm").to_array()), a)
    # warm and bright keep their peaks in the same order, so the midpoint is the plain average
    np.testing.assert_allclose(mid, (a + b) / 2, atol=1e-9)


@pytest.mark.parametrize("weights", [{}, {"warm": -1.0}, {"warm": 0.0}, {"warm": float("nan")}])
def test_bad_blend_weights_are_rejected(tiny_model, weights):
    with pytest.raises(ParameterError):
        tiny_model.blend(weights)


def test_sample_gives_n_different_valid_eqs_reproducibly(tiny_model):
    a = tiny_model.sample("warm", 5, seed=1)
    b = tiny_model.sample("warm", 5, seed=1)
    assert a == b and len({eq.to_vector().tobytes() for eq in a}) == 5
    assert all(isinstance(eq, EQ) for eq in a)
    # temperature 0 collapses to the word itself
    np.testing.assert_allclose(tiny_model.sample("warm", 2, temperature=0.0, seed=3)[0].to_array(),
                               tiny_model.generate("warm").to_array(), rtol=1e-4, atol=1e-4)


def test_word_info_reports_count_and_a_confidence_in_0_1(tiny_model):
    info = tiny_model.word_info("warm")
    assert info.count == 40 and 0.0 < info.confidence <= 1.0
    assert [w.word for w in tiny_model.words()] == tiny_model.terms


def test_encode_then_decode_stays_close_to_the_word(tiny_model):
    eq = tiny_model.generate("warm")
    again = tiny_model.decode(tiny_model.encode(eq))
    assert np.sqrt(np.mean((again.response_db(FREQS) - eq.response_db(FREQS)) ** 2)) < 1.5


@pytest.mark.parametrize("word", ["warm", "bright", "muddy", "thin"])
def test_a_words_eq_is_its_centroid_decoded_however_it_is_asked_for(tiny_model, word):
    # the words decoded at load must be exactly what decoding the centroid gives, so the morph's ends,
    # generate, a one-word blend and a spelling variant all agree to the last bit
    decoded = tiny_model.decode(tiny_model.centroid(word))
    assert tiny_model.generate(word) == decoded
    assert tiny_model.blend({word: 2.0}) == decoded
    assert tiny_model.generate(f" {word.upper()} ") == decoded


def test_changing_generated_params_does_not_change_the_word(tiny_model):
    before = tiny_model.generate("warm")
    tiny_model.generate_params("warm")[:, 0] = 20.0
    assert tiny_model.generate("warm") == before


def test_the_model_id_changes_with_the_words_centroids_not_only_with_the_network(tiny_model):
    """A vocabulary rebuilt on the same network (another shrinkage recipe) answers differently: another id."""
    from dataclasses import replace

    from eqmorph.semantic.morph import Morpher

    ckpt = tiny_model.checkpoint
    assert Morpher(ckpt).model_id == tiny_model.model_id  # same model, same id
    moved = replace(ckpt, centroids=ckpt.centroids + np.float32(0.01))
    assert Morpher(moved).model_id != tiny_model.model_id


@pytest.mark.parametrize("call,parameter", [
    (lambda m: m.generate("warm", intensity="0.5"), "intensity"),
    (lambda m: m.generate("warm", intensity=True), "intensity"),
    (lambda m: m.generate("warm", intensity=np.bool_(True)), "intensity"),
    (lambda m: m.interpolate("warm", "bright", "0.3"), "alpha"),
    (lambda m: m.interpolate("warm", "bright", False), "alpha"),
    (lambda m: m.interpolate("warm", "bright", 0.3, intensity=True), "intensity"),
    (lambda m: m.interpolate_params("warm", "bright", ["0.3"]), "alpha"),
    (lambda m: m.interpolate_params("warm", "bright", [True, False]), "alpha"),
    (lambda m: m.blend({"warm": "0.5"}), "weight of 'warm'"),
    (lambda m: m.edit(m.generate("warm"), {"bright": "0.5"}), "amount of 'bright'"),
    (lambda m: m.sample("warm", 2, temperature="1"), "temperature"),
])
def test_numbers_given_as_text_or_bools_are_refused_naming_the_parameter(tiny_model, call, parameter):
    with pytest.raises(ParameterError, match=rf"^{parameter}=<(str|bool|list) .*never (a )?str or bool"):
        call(tiny_model)


def test_numpy_numbers_and_ints_are_numbers(tiny_model):
    assert tiny_model.generate("warm", intensity=np.float32(0.5)) == tiny_model.generate("warm", intensity=0.5)
    assert tiny_model.interpolate("warm", "bright", np.float64(0.3), np.int64(1)) == \
        tiny_model.interpolate("warm", "bright", 0.3)
    assert tiny_model.blend({"warm": np.int64(1), "bright": 1}) == tiny_model.blend({"warm": 0.5, "bright": 0.5})


def test_interpolate_without_alpha_is_halfway_as_on_the_cli(tiny_model):
    assert tiny_model.interpolate("warm", "bright") == tiny_model.interpolate("warm", "bright", 0.5)


def test_an_eq_given_as_a_word_is_named_by_type_in_a_short_message(tiny_model):
    with pytest.raises(ParameterError) as err:
        tiny_model.interpolate(tiny_model.generate("warm"), "bright", 0.5)
    assert str(err.value).startswith("word=<EQ EQ(bands=") and len(str(err.value)) < 200


@pytest.mark.parametrize("text,meant", [("warmer", ["warm"]), ("less muddy", ["muddy"]), ("cálido", ["warm"]),
                                        ("warm but not muddy", ["warm", "muddy"])])
def test_word_info_of_a_phrase_says_how_it_is_understood_and_which_words_to_ask_about(tiny_model, text, meant):
    with pytest.raises(UnknownWordError) as err:
        tiny_model.word_info(text)
    message = str(err.value)
    assert str(tiny_model.parse(text)) in message and "word_info takes one vocabulary word" in message
    assert "closest known words" not in message
    assert err.value.suggestions == [(w, tiny_model.counts[w]) for w in meant]
    assert all(tiny_model.word_info(w).word == w for w, _ in err.value.suggestions)


@pytest.mark.parametrize("text", ["wram", "very"])
def test_word_info_of_text_nothing_understands_suggests_spellings_as_before(tiny_model, text):
    with pytest.raises(UnknownWordError, match=rf"^unknown word '{text}'"):
        tiny_model.word_info(text)


@pytest.mark.parametrize("intensity", [4.0, -4.0, 3.0])
def test_a_phrases_degree_and_the_intensity_never_scale_a_word_past_4(tiny_model, intensity):
    # "very" x4 is a degree of 2.44; with intensity 4 it asked for 9.8 times the word before the cap.
    # The phrase is scaled twice (its degree, then the capped intensity) and the word once, so the two agree to
    # rounding, not bit for bit: which last bit comes out depends on the tiny model's weights, trained per machine.
    strong = tiny_model.generate("very very very very warm", intensity=intensity).to_array()
    limit = tiny_model.generate("warm", intensity=4.0 if intensity > 0 else -4.0).to_array()
    np.testing.assert_allclose(strong, limit, rtol=0, atol=1e-9)
    morph_end = tiny_model.interpolate("very very very very warm", "bright", 0.0, intensity).to_array()
    np.testing.assert_allclose(morph_end, limit, rtol=0, atol=1e-9)


def test_a_phrase_within_the_limit_keeps_degree_times_intensity(tiny_model):
    assert tiny_model.generate("a bit warm", intensity=4.0) == tiny_model.generate("warm", intensity=2.0)


def test_blend_weights_near_the_largest_float_give_the_equal_weights_blend(tiny_model):
    huge = tiny_model.blend({"warm": 1e308, "bright": 1e308})
    assert huge == tiny_model.blend({"warm": 1.0, "bright": 1.0})


def test_blend_caps_a_phrases_degree_times_the_intensity_as_generate_does():
    from eqmorph.semantic.morph import load
    from eqmorph.semantic.path import capped_intensity

    m = load()
    strong = "very very muddy"  # degree 1.5625
    capped = capped_intensity(4.0, m.strength(strong))
    assert capped < 4.0
    assert m.blend({strong: 1.0}, 4.0) == m.blend({strong: 1.0}, capped)
    assert m.blend({"muddy": 1.0}, 4.0) != m.blend({"muddy": 1.0}, capped)  # a plain word is not capped
