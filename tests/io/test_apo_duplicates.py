"""A value given twice in one APO line is refused, naming the file, the line, the key and both values: Equalizer APO
keeps the last one silently, so a +3 dB boost written over by mistake became a -6 dB Q 4 cut."""

from __future__ import annotations

import pytest

from eqmorph.errors import DataFormatError
from eqmorph.io.presets import load_preset


def _refusal(tmp_path, text: str) -> str:
    path = tmp_path / "dup.txt"
    path.write_text("# a hand-edited preset\n" + text + "\n")
    with pytest.raises(DataFormatError) as caught:
        load_preset(path)
    return str(caught.value)


@pytest.mark.parametrize(("line", "key", "first", "second"), [
    ("Filter 1: ON PK Fc 1000 Hz Gain 3 dB Gain -6 dB Q 1", "Gain", "Gain 3 dB", "Gain -6 dB"),
    ("Filter 1: ON PK Fc 1000 Hz Fc 2000 Hz Gain 3 dB Q 1", "Fc", "Fc 1000 Hz", "Fc 2000 Hz"),
    ("Filter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1 Q 4", "Q", "Q 1", "Q 4"),
    ("Filter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1 BW Oct 2", "Q", "Q 1", "BW Oct 2"),
    ("Filter 1: ON LSC Fc 100 Hz gain 3 dB GAIN 4 dB", "Gain", "gain 3 dB", "GAIN 4 dB"),
])
def test_a_filter_line_that_sets_a_key_twice_is_refused_naming_the_line_the_key_and_both_values(
        tmp_path, line, key, first, second):
    message = _refusal(tmp_path, line)
    assert "dup.txt: line 2" in message
    assert f"gives {key}" in message or (key == "Q" and "gives the width (Q or BW Oct)" in message)
    assert repr(first) in message and repr(second) in message


def test_a_graphiceq_line_with_a_repeated_frequency_is_refused_naming_both_gains(tmp_path):
    message = _refusal(tmp_path, "GraphicEQ: 20 0; 1000 3; 1000 -3; 20000 0")
    assert "dup.txt: line 2" in message
    assert "1000 Hz twice, 3 dB and -3 dB" in message


def test_a_filter_line_giving_each_key_once_is_still_read(tmp_path):
    path = tmp_path / "once.txt"
    path.write_text("Filter 1: ON PK Q 4 Gain -6 dB Fc 2000 Hz\n")
    bands = [(b.kind, b.gain_db, b.freq_hz, b.q) for b in load_preset(path).bands]
    assert ("peaking", -6.0, 2000.0, 4.0) in bands
