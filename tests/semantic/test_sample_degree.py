"""``sample`` takes a phrase's degree and direction as ``generate`` does (bundled model)."""

import json

import numpy as np
import pytest

import eqmorph
from eqmorph.cli import main


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


def gains(eqs):
    return np.array([eq.to_array()[:, 0] for eq in eqs])  # (n, 5)


@pytest.mark.parametrize("phrase", ["a bit warm", "very warm", "less warm"])
def test_sampling_at_temperature_zero_gives_the_phrases_generated_eq(m, phrase):
    (eq,) = m.sample(phrase, 1, temperature=0.0)
    # The same EQ to the decoder's float32 precision: sample decodes its codes as a batch, generate one word at
    # a time, and a frequency near 3 kHz has a float32 step of 2.4e-4 Hz (hence rtol, not only atol).
    np.testing.assert_allclose(eq.to_array(), m.generate(phrase).to_array(), rtol=1e-6, atol=1e-4)


@pytest.mark.parametrize("phrase, factor", [("a bit warm", 0.5), ("less warm", -1.0), ("somewhat warm", 0.65)])
def test_a_phrases_degree_scales_the_variations_gains(m, phrase, factor):
    plain, scaled = m.sample("warm", 20, seed=4), m.sample(phrase, 20, seed=4)
    np.testing.assert_allclose(gains(scaled), factor * gains(plain), atol=1e-4)
    shapes = [eq.to_array()[:, 1:] for eq in scaled], [eq.to_array()[:, 1:] for eq in plain]
    np.testing.assert_allclose(*shapes, rtol=1e-5)  # the word's frequencies and Qs


def test_a_bit_warm_varies_half_as_far_from_flat_as_warm(m):
    plain, small = np.abs(gains(m.sample("warm", 200, seed=1))), np.abs(gains(m.sample("a bit warm", 200, seed=1)))
    assert small.mean() == pytest.approx(0.5 * plain.mean(), rel=1e-3)


def test_several_words_vary_at_the_phrases_strength(m):
    half = np.abs(gains(m.sample("a bit warm and a bit bright", 200, seed=2))).mean()
    full = np.abs(gains(m.sample("warm and bright", 200, seed=2))).mean()
    assert half == pytest.approx(0.5 * full, rel=0.05)  # not pulled back to full strength by the latent code


def test_the_sample_command_scales_a_phrase_too(capsys):
    assert main(["sample", "a bit warm", "-n", "1", "--temperature", "0", "--format", "json", "--quiet"]) == 0
    out, _ = capsys.readouterr()
    bands = json.loads(out)[0]["bands"]  # stdout holds one JSON array of the variations
    expected = eqmorph.load().generate("a bit warm").to_array()[:, 0]
    np.testing.assert_allclose([b["gain_db"] for b in bands], expected, atol=0.01)


@pytest.mark.parametrize("word", ["harsh", "muddy", "warm", "bright"])
def test_every_variation_still_sounds_like_its_word(word):
    """Drawn freely, 12% of variations correlated negatively with their word (one "harsh" at -0.60)."""
    from eqmorph.semantic.sample import MIN_LIKENESS

    m = eqmorph.load()
    freqs = np.geomspace(20.0, 20000.0, 64)
    base = m.generate(word).response_db(freqs, 48000)
    likeness = [np.corrcoef(base, eq.response_db(freqs, 48000))[0, 1] for eq in m.sample(word, 20, seed=0)]
    assert min(likeness) >= MIN_LIKENESS - 0.05  # the check runs on a coarser grid


def test_the_same_seed_gives_the_same_variations_after_redrawing():
    m = eqmorph.load()
    first, again = m.sample("harsh", 12, seed=4), m.sample("harsh", 12, seed=4)
    assert [e.to_array().tolist() for e in first] == [e.to_array().tolist() for e in again]
