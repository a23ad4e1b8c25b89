"""A blend of phrases does what its phrases say: "a bit warm" alone is half of warm, not more than warm."""

from __future__ import annotations

import numpy as np
import pytest

import eqmorph

FREQS_HZ = np.geomspace(20.0, 20000.0, 64)


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


@pytest.mark.parametrize("text", ["a bit warm", "very warm", "less warm", "warm but not muddy"])
def test_a_blend_of_one_phrase_is_that_phrases_eq(m, text):
    np.testing.assert_allclose(m.blend({text: 1.0}).response_db(FREQS_HZ), m.generate(text).response_db(FREQS_HZ),
                               atol=1e-9)


def test_a_bit_warm_blended_with_a_word_moves_half_as_far_as_warm_would(m):
    half = m.blend({"a bit warm": 1.0, "bright": 1.0}).response_db(FREQS_HZ)
    full = m.blend({"warm": 1.0, "bright": 1.0}).response_db(FREQS_HZ)
    bright = m.generate("bright").response_db(FREQS_HZ)
    warm = m.generate("warm").response_db(FREQS_HZ)
    # Read along warm's own shape, the phrase's blend holds less of it than the word's.
    assert (half - bright / 2) @ warm < (full - bright / 2) @ warm


def test_a_blend_of_words_alone_still_mixes_their_latent_codes(m):
    code = 0.5 * m.centroid("warm") + 0.5 * m.centroid("bright")
    np.testing.assert_allclose(m.blend({"warm": 1, "bright": 1}).to_array(), m.decode_params(code), atol=1e-9)
