"""A unit eqmorph does not read, a filter type it has no band for and a Filter line without a type are refused
saying what the problem is and how to write the line (trial 6: 'unexpected kHz; expected Fc, Gain, Q or BW Oct')."""

from __future__ import annotations

import pytest

from eqmorph.errors import DataFormatError
from eqmorph.io.presets import load_preset


def _refusal(tmp_path, line: str) -> str:
    path = tmp_path / "units.txt"
    path.write_text(line + "\n")
    with pytest.raises(DataFormatError) as caught:
        load_preset(path)
    message = str(caught.value)
    assert "units.txt: line 1" in message
    return message


@pytest.mark.parametrize(("line", "written"), [
    ("Filter 1: ON PK Fc 1.5 kHz Gain 3 dB Q 1", "'Fc 1500 Hz'"),
    ("Filter 1: ON PK Fc 2 khz Gain 3 dB Q 1", "'Fc 2000 Hz'"),
    ("Filter 1: ON PK Fc 1.5kHz Gain 3 dB Q 1", "'Fc 1500 Hz'"),
    ("Filter 1: ON PK Fc 1.5k Hz Gain 3 dB Q 1", "'Fc 1500 Hz'"),
    ("Filter 1: ON PK Fc 1000 Hz Gain 3 % Q 1", "'Gain 3 dB'"),
    ("Filter 1: ON PK Fc 1000 Hz Gain 3dB Q 1", "'Gain 3 dB'"),
])
def test_a_value_in_another_unit_is_refused_saying_the_unit_and_how_to_write_it(tmp_path, line, written):
    message = _refusal(tmp_path, line)
    assert "unit" in message and f"write {written}" in message
    assert "expected Fc, Gain, Q or BW Oct" not in message


def test_a_bandwidth_in_hz_is_refused_saying_it_is_read_in_octaves_or_as_a_q(tmp_path):
    message = _refusal(tmp_path, "Filter 1: ON PK Fc 1000 Hz Gain 3 dB BW 200 Hz")
    assert "'BW 200 Hz'" in message and "BW Oct" in message and "not in Hz" in message


def test_an_all_pass_filter_is_refused_saying_the_eq_has_none_and_what_it_reads(tmp_path):
    message = _refusal(tmp_path, "Filter 1: ON AP Fc 1000 Hz Q 1")
    assert "no all-pass filter" in message and "switching the line OFF" in message
    assert "peaking filters (PK, PEQ)" in message and "low shelves (LS, LSC, LSQ)" in message


def test_a_filter_line_switched_on_with_no_type_says_so(tmp_path):
    message = _refusal(tmp_path, "Filter 1: ON")
    assert "names no filter" in message and "'Filter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1'" in message
    assert "type nothing" not in message


@pytest.mark.parametrize("line", ["Filter 1: ON PK Fc 1000 hz Gain 3 db Q 1", "Filter 1: ON PK Fc 1000 Gain 3 Q 1"])
def test_units_in_any_case_or_left_out_are_still_read(tmp_path, line):
    path = tmp_path / "ok.txt"
    path.write_text(line + "\n")
    assert ("peaking", 3.0, 1000.0) in [(b.kind, b.gain_db, b.freq_hz) for b in load_preset(path).bands]
