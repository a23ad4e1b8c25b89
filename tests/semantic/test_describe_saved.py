"""An EQ and its saved-then-loaded preset are described alike: describe judges an EQ as a preset keeps it."""

import numpy as np
import pytest

import eqmorph
from eqmorph import EQ
from eqmorph.io.apo import APO_DECIMALS, as_saved
from eqmorph.io.presets import load_preset, save_preset


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


PHRASES = ["warm but not muddy", "more bass but not muddy", "brighter but keep the low end", "less harsh but more air",
           "a bit bright", "warm"]


@pytest.mark.parametrize("suffix", [".txt", ".json", ".csv"])
def test_an_eq_and_its_saved_then_loaded_preset_are_described_alike(m, tmp_path, suffix):
    for n, text in enumerate(PHRASES):
        eq = m.generate(text)
        path = tmp_path / f"p{n}{suffix}"
        save_preset(path, eq)
        loaded = load_preset(path)
        for language in ("en", "es", None):
            said = m.describe_text(loaded, language=language)
            assert said == m.describe_text(eq, language=language), (text, language)
        assert m.describe(loaded, k=5) == m.describe(eq, k=5), text


def test_the_trials_warm_but_not_muddy_reads_the_same_after_the_apo_rounding(m):
    # the new-user trial's case: the file's rounding flipped "a bit more presence, a bit less air band" to "a bit
    # noisy". Rounded here as an APO file writes it: gains to 0.01 dB, Fc to 0.1 Hz, Q to 0.001.
    eq = m.generate("warm but not muddy")
    params = eq.to_array()
    rounded = EQ.from_array(np.column_stack([np.round(params[:, 0], 2), np.round(params[:, 1], 1),
                                             np.round(params[:, 2], 3)]))
    for language in ("en", "es"):
        assert m.describe_text(rounded, language=language) == m.describe_text(eq, language=language)


def test_an_apo_preset_holds_exactly_what_describe_judges(m, tmp_path):
    eq = m.generate("more crisp but keep the low end")
    save_preset(tmp_path / "c.txt", eq)
    np.testing.assert_array_equal(load_preset(tmp_path / "c.txt").to_array(), as_saved(eq.to_array()))


def test_saved_values_are_rounded_to_the_apo_precision_and_rounding_again_changes_nothing():
    params = np.array([[3.14159, 105.04, 0.70711], [-2.005, 433.33, 1.23456], [0.004, 1500.06, 2.0],
                       [-0.001, 4999.95, 0.5], [6.1234, 8000.0, 0.70711]])
    saved = as_saved(params)
    for col, key in enumerate(("gain_db", "freq_hz", "q")):
        assert np.all(np.abs(saved[:, col] - params[:, col]) <= 0.5 * 10.0 ** -APO_DECIMALS[key] + 1e-12)
    np.testing.assert_array_equal(as_saved(saved), saved)
