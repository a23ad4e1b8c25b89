"""A thirteenth new-user trial, the command line: a match's preset says the band the match covers, and describe judges
it there, as `eqmorph match` did."""

from __future__ import annotations

import json

import numpy as np
import pytest
import soundfile as sf
from cli_runner import run_cli
from match_signals import MATCH_SR, pink_noise

import eqmorph
from eqmorph.audio.filtering import apply_eq


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


@pytest.fixture(scope="module")
def band_limited_pair(tmp_path_factory, m):
    """A song with nothing above 6 kHz and it through "less muddy" (the trial: guitar.wav has nothing above 7 kHz)."""
    folder = tmp_path_factory.mktemp("trial13")
    x = pink_noise(12.0, seed=3)
    spectrum = np.fft.rfft(x, axis=0)
    spectrum[np.fft.rfftfreq(len(x), 1 / MATCH_SR) > 6000.0] = 0.0
    x = np.fft.irfft(spectrum, n=len(x), axis=0)
    x = 0.3 * x / np.abs(x).max()
    y = apply_eq(x, MATCH_SR, m.generate("less muddy"))
    paths = folder / "song.wav", folder / "reference.wav"
    for path, audio in zip(paths, (x, 0.5 * y / np.abs(y).max())):
        sf.write(path, audio, MATCH_SR, subtype="FLOAT")
    return paths


@pytest.mark.parametrize("name", ["m.json", "m.txt", "m.csv"])
def test_describe_judges_a_match_preset_in_the_band_the_match_covers(band_limited_pair, capsys, m, name):
    song, reference = band_limited_pair
    code, out, err = run_cli(capsys, "match", song, reference, "-o", song.parent / name)
    assert code == 0 and "the reference is less muddy" in out, err
    result = eqmorph.match_result(sf.read(song)[0], sf.read(reference)[0], MATCH_SR)
    low, high = result.band_hz
    assert high < 7000.0  # the match looked below 6.4 kHz only
    in_band = m.describe_text(result.eq, level_free=True, band_hz=result.band_hz)
    # Judged over 20 Hz-20 kHz, the EQ's held level above the band reads as a treble boost: the test tells them apart
    assert in_band == "less muddy" != m.describe_text(result.eq, level_free=True)
    code, out, _ = run_cli(capsys, "describe", song.parent / name, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["phrase"] == in_band
    assert doc["band_hz"] == pytest.approx([low, high], abs=0.1)
    code, out, _ = run_cli(capsys, "describe", song.parent / name)
    assert out.splitlines()[2].startswith("judged where the match looked, 20 Hz-6.4 kHz")


def test_a_full_band_match_is_not_said_to_be_judged_in_a_band(tmp_path, capsys):
    from match_signals import BRIGHTER

    x = pink_noise(6.0, seed=1)
    y = apply_eq(x, MATCH_SR, BRIGHTER)
    for path, audio in ((tmp_path / "a.wav", x), (tmp_path / "b.wav", 0.5 * y / np.abs(y).max())):
        sf.write(path, audio, MATCH_SR, subtype="FLOAT")
    code, _, err = run_cli(capsys, "match", tmp_path / "a.wav", tmp_path / "b.wav", "-o", tmp_path / "m.txt", "-q")
    assert code == 0, err
    code, out, _ = run_cli(capsys, "describe", tmp_path / "m.txt")
    assert code == 0 and "judged where the match looked" not in out


def test_a_phrase_no_word_is_much_like_is_said_to_be_loose(tmp_path, capsys, m):
    # Three narrow bells a third of an octave apart: no word's shape is much like them (the closest 0.22)
    comb = eqmorph.EQ.from_array([[0.0, 100.0, 0.7], [4.0, 400.0, 10.0], [-4.0, 900.0, 10.0], [4.0, 2000.0, 10.0],
                                  [0.0, 8000.0, 0.7]])
    closest = max(abs(s) for _, s in m.describe(comb, k=None))
    eqmorph.io.presets.save_preset(tmp_path / "comb.txt", comb)
    code, out, _ = run_cli(capsys, "describe", tmp_path / "comb.txt")
    assert code == 0 and f"no word is much like this EQ (the closest scores {closest:.2f}" in out
    eqmorph.io.presets.save_preset(tmp_path / "warm.txt", m.generate("warm"))
    code, out, _ = run_cli(capsys, "describe", tmp_path / "warm.txt")
    assert code == 0 and "no word is much like" not in out
