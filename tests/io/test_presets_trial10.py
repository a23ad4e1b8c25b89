"""A new user's trial of preset files (trial 10): no preset under an audio file's name, a match preset says it is one,
and Room EQ Wizard's "Filter Settings file" export is read."""

import pytest

from eqmorph import EQ
from eqmorph.errors import DataFormatError, ParameterError
from eqmorph.io.apo import read_apo
from eqmorph.io.presets import format_eqs, import_preset, output_format, save_preset
from eqmorph.io.provenance import match_origin

# Room EQ Wizard 5.20's text export of a generic equaliser, as it writes it: CRLF, a header, columns of spaces, unused
# filters as "ON None", a filter switched off.
REW_EXPORT = (
    "Filter Settings file\r\n"
    "\r\n"
    "Room EQ V5.20\r\n"
    "Dated: 12-Mar-2024 21:14:07\r\n"
    "\r\n"
    "Notes:living room, left speaker\r\n"
    "\r\n"
    "Equaliser: Generic\r\n"
    "Average 1\r\n"
    "Filter  1: ON  PK       Fc   42.50 Hz  Gain  -6.20 dB  Q  4.850\r\n"
    "Filter  2: ON  PK       Fc   100.0 Hz  Gain  -3.00 dB  Q  2.000\r\n"
    "Filter  3: ON  PK       Fc    1250 Hz  Gain   1.50 dB  Q  1.200\r\n"
    "Filter  4: OFF PK       Fc    3000 Hz  Gain  -2.00 dB  Q  3.000\r\n"
    "Filter  5: ON  None\r\n"
    "Filter  6: ON  None\r\n"
    "Filter  7: OFF None\r\n"
    "Filter 10: ON  None\r\n"
)


# --- a preset under an audio file's name --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["warm.wav", "a.WAV", "b.flac", "c.aiff", "d.aif", "e.ogg", "f.mp3", "g.opus"])
@pytest.mark.parametrize("fmt", [None, "apo", "json", "csv", "graphiceq"])
def test_output_format_refuses_an_audio_files_name_whatever_the_format(tmp_path, name, fmt):
    with pytest.raises(ParameterError) as info:
        output_format(tmp_path / name, fmt)
    stem = name.rsplit(".", 1)[0]
    assert info.value.name == "path" and "audio file" in info.value.allowed
    assert f"{stem}.txt" in info.value.allowed and f"{stem}.json" in info.value.allowed


def test_save_preset_leaves_a_recording_under_that_name_untouched(tmp_path):
    recording = tmp_path / "warm.wav"
    recording.write_bytes(b"RIFF....WAVE")
    with pytest.raises(ParameterError):
        save_preset(recording, EQ.flat(), "apo")
    assert recording.read_bytes() == b"RIFF....WAVE" and [p.name for p in tmp_path.iterdir()] == ["warm.wav"]


def test_names_that_only_contain_an_audio_word_are_still_presets(tmp_path):
    assert output_format(tmp_path / "wav settings.txt") == "apo"
    assert output_format(tmp_path / "mix.flac.json") == "json"


# --- a match preset says it is one ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["m.json", "m.txt", "m.apo", "m GraphicEQ.txt"])
def test_a_match_preset_is_known_as_one_in_every_format_that_records_how_it_was_made(tmp_path, name):
    save_preset(tmp_path / name, EQ.flat(), input="my song.wav", reference="ref.flac", amount=0.5, model_id="x")
    assert match_origin(tmp_path / name) == "match of my song.wav to ref.flac"


@pytest.mark.parametrize("name,meta", [("w.json", {"words": ["warm"]}), ("w.txt", {"words": ["match"]}),
                                       ("w.json", {}), ("w.csv", {})])
def test_presets_not_made_by_a_match_are_not_taken_for_one(tmp_path, name, meta):
    save_preset(tmp_path / name, EQ.flat(), **meta)
    assert match_origin(tmp_path / name) is None


def test_only_eqmorphs_own_header_says_a_text_is_a_match(tmp_path):
    (tmp_path / "p.txt").write_text("# my notes: match of my mix to a record\nFilter: ON PK Fc 1000 Hz Gain 0 dB Q 1\n")
    assert match_origin(tmp_path / "p.txt") is None
    (tmp_path / "q.txt").write_text("Filter: ON PK Fc 1000 Hz Gain 0 dB Q 1\n# eqmorph 5-band EQ: match of a.wav to "
                                    "b.wav\n")
    assert match_origin(tmp_path / "q.txt") is None  # after the filters it is no header


def test_several_match_presets_in_one_file_are_known_by_their_header(tmp_path):
    (tmp_path / "v.txt").write_text(format_eqs([EQ.flat(), EQ.flat()], "apo", input="a.wav", reference="b.wav"))
    assert match_origin(tmp_path / "v.txt") == "match of a.wav to b.wav"


# --- Room EQ Wizard ------------------------------------------------------------------------------------------------
def test_a_rew_filter_settings_export_is_read_exactly(tmp_path):
    (tmp_path / "rew.txt").write_bytes(REW_EXPORT.encode("ascii"))
    imported = import_preset(tmp_path / "rew.txt")
    assert not imported.fitted and imported.preamp_db == 0.0
    peaks = sorted((b.freq_hz, b.gain_db, b.q) for b in imported.eq.bands[1:4])
    assert peaks == [(42.5, -6.2, 4.85), (100.0, -3.0, 2.0), (1250.0, 1.5, 1.2)]
    assert imported.eq.bands[0].gain_db == 0.0 and imported.eq.bands[4].gain_db == 0.0


def test_rews_unused_and_switched_off_filters_are_skipped_in_any_text():
    content = read_apo("Filter 1: ON PK Fc 100 Hz Gain -3 dB Q 2\nFilter 2: ON None\nFilter 3: OFF None\n"
                       "Filter 4: OFF HP Fc 30 Hz\n")
    assert [(f.freq_hz, f.gain_db) for f in content.filters] == [(100.0, -3.0)]


@pytest.mark.parametrize("text,line", [
    # REW's header lines are read only at the top of a file that starts as REW's does.
    ("Preamp: -3 dB\nRoom EQ V5.20\nFilter 1: ON PK Fc 100 Hz Gain -3 dB Q 2\n", 2),
    ("Filter 1: ON PK Fc 100 Hz Gain -3 dB Q 2\nFilter Settings file\n", 2),
    # After the first filter a REW file is filters: a stray line is still refused, by its number.
    ("Filter Settings file\nRoom EQ V5.20\nFilter 1: ON PK Fc 100 Hz Gain -3 dB Q 2\nAverage 1\n", 4),
])
def test_unknown_lines_outside_a_rew_header_are_still_refused_with_their_line_number(text, line):
    with pytest.raises(DataFormatError, match=rf"^line {line}: .* cannot be read"):
        read_apo(text)


def test_a_rew_filter_of_a_type_eqmorph_has_no_place_for_is_refused_by_its_line(tmp_path):
    text = REW_EXPORT.replace("Filter  6: ON  None", "Filter  6: ON  NO       Fc    2000 Hz")
    (tmp_path / "rew.txt").write_text(text)
    with pytest.raises(DataFormatError, match=r"line 15: filter type 'NO'"):
        import_preset(tmp_path / "rew.txt")


@pytest.mark.parametrize("name", ["x.wav.", "x.wav ", "x.flac. .", ".wav"])
def test_an_audio_name_with_trailing_dots_or_spaces_or_nothing_before_its_suffix_is_refused(tmp_path, name):
    # A review: Windows drops a name's trailing dots and spaces, so "x.wav." would have replaced x.wav there.
    with pytest.raises(ParameterError, match="not an audio file's"):
        output_format(tmp_path / name, "apo")
