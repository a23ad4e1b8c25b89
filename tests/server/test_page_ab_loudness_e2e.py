"""The Listen card's A/B is level-matched: the bypass path plays at the EQ path's loudness on the source playing.

A new-user trial measured the EQ path against bypass on the shared clips: +2.3 dB (warm on piano), +7.6 dB (warm x3),
-3.6 dB (less muddy on drums), while the card called the A/B fair; the louder side wins an A/B. The EQ's loudness change
on a recording, 10 log10(sum P |H|^2 / sum P), is estimated from the recording's Welch spectrum (web/loudness.js).

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import numpy as np
import pytest
from browser_fixtures import shown

from eqmorph import EQ
from eqmorph.audio.spectrum import file_spectrum
from eqmorph.core.conventions import AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.server.payload import CurveGrid

SHARED_AUDIO = Path("/work/shared/data/audio")

LEVELS = """async () => (await import('/static/audio.js')).previewLevels()"""

# loudness.js's estimate for a spectrum {sample_rate, power_db} and an EQ response {freqs_hz, db} on the page's grid
CHANGE = """async ({spectrum, freqs, db}) => {
  const m = await import('/static/loudness.js');
  return m.loudnessChangeDb(m.gridWeights(spectrum, freqs), db);
}"""

# An EQ with every kind of band, a narrow peak included (the grid's interpolation is hardest there).
EQ_ROWS = [[6.0, 120.0, 0.7], [4.0, 300.0, 1.5], [-5.0, 2500.0, 6.0], [3.0, 6000.0, 2.0], [-4.0, 9000.0, 0.7]]


def _numpy_change(freqs: np.ndarray, power: np.ndarray, eq: EQ, sample_rate: float) -> float:
    """10 log10(sum P |H|^2 / sum P) over every bin in the audible band, H the EQ's exact response at each bin."""
    audible = (freqs >= AUDIBLE_LOW_HZ) & (freqs <= AUDIBLE_HIGH_HZ)
    h_db = eq.response_db(freqs[audible], sample_rate=sample_rate)
    p = power[audible]
    return float(10 * np.log10(np.sum(p * 10 ** (h_db / 10)) / np.sum(p)))


@pytest.mark.parametrize("shape", ["bassy", "bright"])
def test_the_loudness_change_is_numpys_sum_over_the_spectrum_within_a_tenth_of_a_db(page, shape):
    grid = CurveGrid()
    sr, bins = 48_000, 8193  # a 16384-sample Welch frame's bins, as the match worker sends them
    freqs = np.arange(bins) * sr / (2 * (bins - 1))
    f = np.maximum(freqs, 10.0)
    tilt = 1 / f if shape == "bassy" else np.sqrt(f) / 100
    power = tilt * (1 + 3 * np.exp(-np.log2(f / 2500) ** 2 / 0.05))  # a resonance where the narrow cut sits
    power_db = np.round(10 * np.log10(power), 1)  # as the worker rounds it
    eq = EQ.from_array(EQ_ROWS)
    page_change = page.evaluate(CHANGE, {
        "spectrum": {"sample_rate": sr, "power_db": power_db.tolist()},
        "freqs": grid.freqs_hz.tolist(), "db": grid.response_db(eq).tolist()})
    expected = _numpy_change(freqs, 10 ** (power_db / 10), eq, grid.sample_rate)
    assert abs(expected) > 1  # an EQ that changes this spectrum's loudness: the comparison means something
    assert page_change == pytest.approx(expected, abs=0.1)


def _settled(page, bypass: bool) -> dict:
    """The preview's levels once the bypass switch is ``bypass`` and both gain nodes have reached their targets."""
    for _ in range(200):
        levels = page.evaluate(LEVELS)
        now = levels["now"]
        if (levels["wet"] == 0) == bypass and all(abs(now[k] - levels[k]) < 1e-5 for k in ("wet", "dry")):
            return levels
        time.sleep(0.05)
    raise AssertionError(f"the preview's gains never settled with bypass {bypass}: {levels}")


def test_on_a_shared_clip_the_bypass_plays_at_the_eq_paths_loudness_and_the_card_names_the_change(page, live_server):
    piano = SHARED_AUDIO / "piano.wav"
    if not piano.exists():
        pytest.skip(f"{piano} is missing (the shared clips)")
    shown(page, "warm", "bright", "0.5")
    page.set_input_files("#file", str(piano))
    page.wait_for_selector("#audio-source-info:has-text('piano.wav')")
    page.click("#play")
    page.wait_for_selector("#audio-level-info:has-text('bypass matched to its loudness')")
    eq = _settled(page, bypass=False)
    said = page.text_content("#audio-level-info")
    change = eq["change"]
    peak = max(json.loads(page.get_attribute("#curve", "data-points")))
    assert eq["now"]["wet"] == pytest.approx(10 ** (-peak / 20), rel=1e-4)  # boosts still never clip
    assert f"lowered by {peak:.1f} dB" in said and f"{abs(change):.1f} dB" in said, said
    page.check("#bypass")
    bypass = _settled(page, bypass=True)
    assert bypass["now"]["wet"] == pytest.approx(0, abs=1e-5)
    assert bypass["now"]["dry"] == pytest.approx(eq["now"]["wet"] * 10 ** (change / 20), rel=1e-3)
    # The change is the library's: the piano's spectrum as `eqmorph match` measures it, through the EQ on show.
    body = httpx.get(f"{live_server.url}/api/morph", params={"a": "warm", "b": "bright", "alpha": "0.5"}).json()
    spectrum = file_spectrum(piano)
    expected = _numpy_change(spectrum.freqs_hz, spectrum.power, EQ.from_vector(body["vector"]),
                             body["response"]["sample_rate"])
    assert change == pytest.approx(expected, abs=0.1)
    page.click("#play")


def test_a_source_whose_spectrum_is_not_known_is_said_not_level_matched(page):
    body = {"response": {"freqs_hz": [100, 1000, 10000], "db": [3.0, 0.0, -2.0]}}
    ab = page.evaluate("""async (body) => {
      const {abLevels} = await import('/static/loudness.js');
      return abLevels(body, null, () => {});
    }""", body)
    assert ab["change"] is None and ab["bypass"] == ab["eq"] == pytest.approx(10 ** (-3 / 20))
    assert ab["text"].startswith("EQ path lowered by 3.0 dB so boosts do not clip, and the bypass path as much")
    assert "not level-matched" in ab["text"] and "fair" not in ab["text"]
