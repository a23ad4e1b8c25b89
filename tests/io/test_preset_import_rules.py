"""Preset import treats real-world files alike: Equalizer APO config lines, misleading lines, JSON from the API,
presets of fewer bands in every format, the one rule for a filter's values, and the one rule for a file's name."""

import json

import pytest

from eqmorph import EQ
from eqmorph.errors import DataFormatError, ParameterError
from eqmorph.io.apo import read_apo
from eqmorph.io.layout import import_apo
from eqmorph.io.presets import FILE_FORMATS, import_preset, output_format, save_preset, to_apo, to_csv

FILTERS = "Filter 1: ON LSC Fc 105 Hz Gain 3 dB Q 0.7\nFilter 2: ON PK Fc 1000 Hz Gain -2.5 dB Q 1.41\n"


def test_device_lines_and_channel_all_are_skipped_as_eqmorphs_eq_applies_to_every_channel():
    config = "Device: Speakers Realtek(R) Audio {0.0.0.00000000}\nChannel: all\nPreamp: -3 dB\n" + FILTERS
    imported = import_apo(config)
    assert not imported.fitted
    assert imported.eq == import_apo(FILTERS).eq and imported.preamp_db == -3.0


@pytest.mark.parametrize("channel", ["Channel: L", "Channel: L C", "Channel: 1", "channel: C"])
def test_a_channel_line_naming_some_channels_is_refused_saying_eqmorphs_eq_applies_to_every_channel(channel):
    with pytest.raises(DataFormatError) as err:
        read_apo(FILTERS + channel + "\n" + FILTERS)
    message = str(err.value)
    assert message.startswith("line 3:") and "some channels only" in message and "every channel" in message
    assert "cannot be read" not in message


@pytest.mark.parametrize("line,keyword,shown", [
    ("Filter 1: ON PK 1000 Hz Gain 3 dB Q 1", "Fc", "'Fc 1000 Hz'"),
    ("Filter 1: ON LSC 120 Hz Gain 3 dB Q 0.7", "Fc", "'Fc 120 Hz'"),
    ("Filter 1: ON PK Fc 1000 Hz 3 dB Q 1", "Gain", "'Gain 3 dB'"),
])
def test_a_value_without_its_keyword_is_refused_naming_the_missing_keyword_not_a_shelf_slope(line, keyword, shown):
    with pytest.raises(DataFormatError) as err:
        read_apo(line)
    message = str(err.value)
    assert f"the {keyword} keyword is missing" in message and shown in message and "slope" not in message


@pytest.mark.parametrize("line,said", [
    ("Filter 1: ON LSC 12 dB Fc 120 Hz Gain 4 dB Q 0.7", "both a slope ('12 dB') and a Q (0.7)"),
])
def test_a_shelf_with_both_a_slope_and_a_q_is_refused_saying_what_the_line_gave(line, said):
    with pytest.raises(DataFormatError, match="line 1") as err:
        read_apo(line)
    assert said in str(err.value)
    if "Q 0.7" in line:
        assert "give the shelf a Q" not in str(err.value)  # it has one


@pytest.mark.parametrize("values,name,band_range", [
    ("Fc 25000 Hz Gain 3 dB Q 1", "peaking.freq_hz", "frequency outside eqmorph's peaking range 20..20000 Hz"),
    ("Fc 0.5 Hz Gain 3 dB Q 1", "peaking.freq_hz", "frequency outside eqmorph's peaking range 20..20000 Hz"),
    ("Fc 1000 Hz Gain 150 dB Q 1", "peaking.gain_db", "gain outside eqmorph's peaking range -24..24 dB"),
    ("Fc 1000 Hz Gain 3 dB Q 2000", "peaking.q", "Q outside eqmorph's peaking range 0.1..10"),
    ("Fc 1000 Hz Gain 3 dB BW Oct 1e308", "peaking.bw_oct", "Q outside eqmorph's peaking range 0.1..10"),
])
def test_every_refused_value_states_the_readable_range_and_that_values_inside_it_are_fitted(values, name, band_range):
    with pytest.raises(ParameterError) as err:
        read_apo(f"Filter 1: ON PK {values}")
    message = str(err.value)
    assert message.startswith(f"line 1: {name}=") and "in a preset; within" in message
    assert message.endswith(f"{band_range} is fitted, not refused")


def test_a_value_inside_the_readable_range_but_outside_its_band_is_fitted_and_the_report_says_why():
    imported = import_apo("Filter 1: ON PK Fc 21000 Hz Gain 3 dB Q 1\n")
    assert imported.fitted
    assert "line 1's peaking freq_hz 21000 is outside eqmorph's range 20..20000 Hz" in imported.describe_fit()


def _two_bands(tmp_path, fmt):
    """A low shelf and one peak, and nothing else, as a preset file of format ``fmt``."""
    if fmt == "apo":
        text, name = FILTERS, "two.txt"
    elif fmt == "csv":
        text, name = "name,type,gain_db,freq_hz,q\nlow_shelf,low_shelf,3,105,0.7\npeak2,peaking,-2.5,1000,1.41\n", \
            "two.csv"
    else:
        bands = [{"name": "low_shelf", "type": "low_shelf", "gain_db": 3, "freq_hz": 105, "q": 0.7},
                 {"name": "peak2", "gain_db": -2.5, "freq_hz": 1000, "q": 1.41}]
        text, name = json.dumps({"bands": bands}), "two.json"
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_fewer_bands_read_alike_in_every_format_placed_exactly_with_the_others_0_db(tmp_path, fmt):
    apo = import_preset(_two_bands(tmp_path, "apo"))
    other = import_preset(_two_bands(tmp_path, fmt))
    assert not other.fitted and other.eq == apo.eq
    rows = other.eq.to_array()
    assert rows[0].tolist() == [3.0, 105.0, 0.7] and [-2.5, 1000.0, 1.41] in rows.tolist()
    assert sorted(rows[:, 0].tolist()) == [-2.5, 0.0, 0.0, 0.0, 3.0]


def test_a_csv_band_outside_its_range_is_still_refused_naming_the_row(tmp_path):
    path = tmp_path / "loud.csv"
    path.write_text("name,type,gain_db,freq_hz,q\npeak1,peaking,40,1000,1\n")
    with pytest.raises(ParameterError) as err:
        import_preset(path)
    assert str(err.value).startswith(f"{path}: CSV row 1: peaking.gain_db=40.0")


def test_the_eq_body_of_the_web_api_imports_as_its_eq(tmp_path):
    pytest.importorskip("orjson")
    from eqmorph.server.payload import CurveGrid, eq_body, render

    eq = EQ.from_array([[3.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8],
                        [2.0, 8000.0, 0.71]])
    grid = CurveGrid()
    path = tmp_path / "answer.json"
    path.write_bytes(render(eq_body(eq, grid, model_id="m1", words=["warm"], intensity=1.0), grid))
    imported = import_preset(path)
    assert imported.eq == eq and not imported.fitted


@pytest.mark.parametrize("doc,said", [
    ({"foo": 1}, 'no "bands" array (its keys: "foo")'),
    ({"format": None}, "format null, no version"),
    ({"version": 3, "bands": []}, "no format, version 3"),
])
def test_an_unrecognised_json_says_what_it_holds_in_json_terms_never_python_none(tmp_path, doc, said):
    path = tmp_path / "other.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(DataFormatError) as err:
        import_preset(path)
    message = str(err.value)
    assert said in message and "None" not in message
    assert 'expected format "eqmorph-eq" version 2, or an object with a "bands" array' in message


@pytest.mark.parametrize("name,fmt", [
    ("x.txt", "csv"), ("x.txt", "json"), ("x.apo", "json"), ("z GraphicEQ.txt", "json"), ("z GraphicEQ.txt", "apo"),
    ("x.json", "graphiceq"), ("x.csv", "apo"), ("x.json", "csv"),
])
def test_a_format_the_files_name_does_not_ask_for_is_refused_for_every_pair(tmp_path, name, fmt):
    with pytest.raises(ParameterError) as err:
        save_preset(tmp_path / name, EQ.flat(), fmt)
    assert err.value.name == "format" and err.value.value == fmt and repr(name) in str(err.value)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("name,fmt", [("x.txt", "graphiceq"), ("x.apo", "graphiceq"), ("x.APO", "apo"),
                                      *(("x.preset", f) for f in FILE_FORMATS)])
def test_equalizer_apo_names_take_either_kind_of_apo_text_and_unknown_names_any_file_format(name, fmt):
    assert output_format(name, fmt) == fmt


@pytest.mark.parametrize("name", ["w.tbl", "w.txt", "w"])
def test_the_table_format_is_never_written_to_a_file_as_nothing_reads_it_back(tmp_path, name):
    with pytest.raises(ParameterError, match="json, apo, csv or graphiceq to write a file; table is for the screen"):
        save_preset(tmp_path / name, EQ.flat(), "table")
    assert not list(tmp_path.iterdir())


def test_gains_that_round_to_zero_are_written_without_a_minus_sign():
    eq = EQ.from_array([[-0.0, 100.0, 0.71], [-0.001, 300.0, 1.0], [-0.0, 1000.0, 1.0], [0.0, 3000.0, 1.0],
                        [-0.0, 8000.0, 0.71]])
    apo = to_apo(eq)
    assert "-0.00" not in apo and "-0.0 dB" not in apo and apo.count("Gain 0.00 dB") == 5
    csv_gains = [line.split(",")[2] for line in to_csv(eq).splitlines()[1:]]
    assert csv_gains == ["0.0", "-0.001", "0.0", "0.0", "0.0", "0.0"]


@pytest.mark.parametrize("line, kind, term", [("ON HP Fc 80 Hz", "high-pass", "low cut"),
                                              ("ON LPQ Fc 12000 Hz Q 0.7", "low-pass", "high cut")])
def test_a_pass_filter_is_refused_saying_how_to_import_the_rest_and_which_studio_term_stands_in(line, kind, term):
    # A trial: "filter type 'LP' has no place" left the user with a preset they could not use.
    with pytest.raises(DataFormatError) as err:
        read_apo(FILTERS + f"Filter 3: {line}\n")
    message = str(err.value)
    assert message.startswith("line 3:") and f"no {kind} filter" in message and "OFF" in message
    assert repr(term) in message
    assert read_apo(FILTERS + f"Filter 3: {line.replace('ON', 'OFF', 1)}\n") == read_apo(FILTERS)  # OFF: the rest


def test_an_unknown_filter_type_names_the_types_read_without_a_pass_filter_hint():
    with pytest.raises(DataFormatError) as err:
        read_apo("Filter 1: ON XYZ Fc 80 Hz\n")
    assert "'XYZ'" in str(err.value) and "PK, PEQ" in str(err.value) and "studio term" not in str(err.value)


@pytest.mark.parametrize("suffix, kind", [(".wav", "a WAV"), (".flac", "a FLAC"), (".ogg", "an Ogg")])
def test_an_audio_file_given_as_a_preset_is_named_as_audio_with_the_commands_that_take_it(tmp_path, suffix, kind):
    # A trial: `eqmorph import drums.wav` said "larger than 1048576 bytes; not a preset" (and a short clip another
    # thing again). Any length, any name: the file's own first bytes say what it is.
    import numpy as np
    import soundfile as sf

    path = tmp_path / f"clip{suffix}"
    sf.write(path, 0.1 * np.random.default_rng(0).standard_normal(4410), 44100)
    renamed = path.rename(tmp_path / "preset.txt")
    with pytest.raises(DataFormatError) as err:
        import_preset(renamed)
    message = str(err.value)
    assert f"is {kind} audio file, not a preset" in message
    assert "eqmorph apply" in message and "eqmorph match" in message
