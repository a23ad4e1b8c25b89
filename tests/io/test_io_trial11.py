"""Trial 11: Equalizer APO / Room EQ Wizard shelves with a slope in dB, Channel lines naming every channel, and an
audio file given as a preset."""

from __future__ import annotations

import math

import numpy as np
import pytest
import soundfile as sf

from eqmorph import EQ
from eqmorph.core.ranges import flat_params
from eqmorph.errors import DataFormatError, ParameterError
from eqmorph.io import apo
from eqmorph.io.apo import read_apo
from eqmorph.io.layout import import_apo
from eqmorph.io.preset_text import AudioGivenAsPreset
from eqmorph.io.presets import import_preset

SR = 48000.0
PEAK = "Filter 1: ON PK Fc 1000 Hz Gain -2.5 dB Q 1.41\n"


def _shelf(line: str):
    (only,) = read_apo(line).filters
    return only


def _rbj_shelf_db(kind: str, gain_db: float, f0_hz: float, slope_s: float, freqs_hz: np.ndarray) -> np.ndarray:
    """The Audio-EQ-Cookbook shelf written with its slope S, as Equalizer APO builds it (no Q involved)."""
    a = 10.0 ** (gain_db / 40.0)
    w0 = 2.0 * math.pi * f0_hz / SR
    alpha = math.sin(w0) / 2.0 * math.sqrt((a + 1.0 / a) * (1.0 / slope_s - 1.0) + 2.0)
    beta, cs, sign = 2.0 * math.sqrt(a) * alpha, math.cos(w0), 1.0 if kind == "low_shelf" else -1.0
    b = [a * ((a + 1) - sign * (a - 1) * cs + beta), sign * 2 * a * ((a - 1) - sign * (a + 1) * cs),
         a * ((a + 1) - sign * (a - 1) * cs - beta)]
    den = [(a + 1) + sign * (a - 1) * cs + beta, -sign * 2 * ((a - 1) + sign * (a + 1) * cs),
           (a + 1) + sign * (a - 1) * cs - beta]
    z = np.exp(-1j * 2.0 * math.pi * freqs_hz / SR)
    h = (b[0] + b[1] * z + b[2] * z**2) / (den[0] + den[1] * z + den[2] * z**2)
    return 20.0 * np.log10(np.abs(h))


def _eq_with(f) -> EQ:
    p = flat_params()
    p[0 if f.kind == "low_shelf" else 4] = [f.gain_db, f.freq_hz, f.q]
    return EQ.from_array(p)


# --- 6. shelves with a slope ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["Filter 2: ON LSC 12dB Fc 90 Hz Gain 3 dB",
                                  "Filter 2: ON LSC 12 dB Fc 90 Hz Gain -8 dB",
                                  "Filter 2: ON HSC 12 dB Fc 8000 Hz Gain 2 dB"])
def test_a_12_db_per_octave_shelf_reads_as_q_1_over_root_2_at_its_own_frequency(line):
    f = _shelf(line)
    assert f.q == pytest.approx(1.0 / math.sqrt(2.0), abs=1e-12)
    assert f.freq_hz == (90.0 if "LSC" in line else 8000.0)


@pytest.mark.parametrize("line,kind,f0_hz", [("Filter 1: ON LSC 6 dB Fc 300 Hz Gain 6 dB", "low_shelf", 300.0),
                                             ("Filter 1: ON HSC 6dB Fc 4000 Hz Gain -6 dB", "high_shelf", 4000.0)])
def test_a_6_db_shelf_sounds_like_the_cookbook_shelf_of_slope_one_half_at_its_corner_and_an_octave_away(line, kind,
                                                                                                     f0_hz):
    f = _shelf(line)
    freqs = np.array([f0_hz / 2.0, f0_hz, f0_hz * 2.0])
    np.testing.assert_allclose(_eq_with(f).response_db(freqs, SR), _rbj_shelf_db(kind, f.gain_db, f0_hz, 0.5, freqs),
                               atol=1e-9)
    assert f.q < 0.7  # gentler than the 12 dB shelf, so wrongly reading it at Q 0.71 would show above


@pytest.mark.parametrize("line,kind,moved_hz", [
    ("Filter 1: ON LS 6 dB Fc 300 Hz Gain 6 dB", "low_shelf", 300.0 * 10 ** (6 / 40)),
    ("Filter 1: ON HS 12dB Fc 4000 Hz Gain -4 dB", "high_shelf", 4000.0 / 10 ** (4 / 80)),
])
def test_ls_and_hs_with_a_slope_take_fc_as_the_corner_as_equalizer_apo_does(line, kind, moved_hz):
    # Equalizer APO moves the design frequency of LS/HS (not LSC/HSC) by 10^(|gain| / (80 S)).
    f = _shelf(line)
    assert f.freq_hz == pytest.approx(moved_hz, rel=1e-12)
    slope_s = float(line.split()[4].removesuffix("dB")) / 12.0
    freqs = np.geomspace(100.0, 12000.0, 9)
    np.testing.assert_allclose(_eq_with(f).response_db(freqs, SR),
                               _rbj_shelf_db(kind, f.gain_db, moved_hz, slope_s, freqs), atol=1e-9)


def test_a_rew_export_with_sloped_shelves_imports_exactly():
    text = ("Filter Settings file\n\nRoom EQ V5.20\n"
            "Filter  1: ON  LSC 12dB   Fc    90.0 Hz  Gain   3.0 dB\n"
            "Filter  2: ON  PK       Fc  1000 Hz  Gain  -2.5 dB  Q  1.41\n"
            "Filter  3: ON  HSC 12dB   Fc  8000 Hz  Gain   2.0 dB\n")
    imported = import_apo(text)
    assert not imported.fitted
    assert imported.eq.bands[0].q == pytest.approx(0.7071, abs=1e-4)
    assert imported.eq.bands[4].q == pytest.approx(0.7071, abs=1e-4)


@pytest.mark.parametrize("slope", ["0 dB", "-6 dB", "0dB"])
def test_a_slope_of_zero_or_less_is_refused_naming_the_line_and_the_slope(slope):
    with pytest.raises(ParameterError) as err:
        read_apo(f"Filter 1: ON LSC {slope} Fc 90 Hz Gain 3 dB\n")
    message = str(err.value)
    assert message.startswith("line 1: low_shelf.slope_db=") and "above 0 dB per octave" in message


def test_a_slope_too_steep_for_its_gain_is_refused_saying_the_steepest_allowed():
    with pytest.raises(ParameterError) as err:
        read_apo("Filter 1: ON HSC 100 dB Fc 8000 Hz Gain 12 dB\n")
    message = str(err.value)
    assert "high_shelf.slope_db=100" in message and "below 60.34 dB per octave for a 12 dB shelf" in message
    read_apo("Filter 1: ON HSC 60 dB Fc 8000 Hz Gain 12 dB\n")  # just inside: read


def test_a_shelf_with_both_a_slope_and_a_q_is_still_refused():
    with pytest.raises(DataFormatError) as err:
        read_apo("Filter 1: ON LSC 12 dB Fc 120 Hz Gain 4 dB Q 0.7\n")
    assert "both a slope ('12 dB') and a Q (0.7)" in str(err.value)


def test_the_apo_docs_say_that_shelf_slopes_are_read():
    doc = apo.__doc__
    assert "slope" in doc and "S = slope / 12" in doc and "cannot be read" not in doc


# --- 7. Channel lines ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("channel", ["Channel: L R", "Channel: R L", "channel: l r", "Channel: 1 2", "Channel: ALL",
                                     "Channel: L R C SUB RL RR SL SR"])
def test_a_channel_line_naming_every_channel_of_a_usual_layout_reads_as_every_channel(channel):
    imported = import_apo(f"{channel}\nPreamp: -3 dB\n{PEAK}")
    assert imported.eq == import_apo(PEAK).eq and imported.preamp_db == -3.0


@pytest.mark.parametrize("channel", ["Channel: L", "Channel: R", "Channel: L C", "Channel: 1", "Channel: L R C",
                                     "Channel:"])
def test_a_channel_line_naming_only_some_channels_is_still_refused(channel):
    with pytest.raises(DataFormatError) as err:
        read_apo(f"{PEAK}{channel}\n{PEAK}")
    assert str(err.value).startswith("line 2:") and "some channels only" in str(err.value)


# --- 4. an audio file given as a preset ----------------------------------------------------------------------------
def test_an_audio_file_given_as_a_preset_says_what_a_preset_is_without_the_api_name(tmp_path):
    path = tmp_path / "piano.wav"
    sf.write(path, np.zeros(4410), 44100)
    with pytest.raises(AudioGivenAsPreset) as err:
        import_preset(path)
    message = str(err.value)
    assert "EQ.process" not in message
    assert "eqmorph generate WORD -o FILE" in message and "eqmorph match IN REFERENCE -o FILE" in message
    assert isinstance(err.value, DataFormatError)
    instead = str(err.value.instead("give --word WORD"))
    assert instead.endswith("; give --word WORD") and "eqmorph apply" not in instead
