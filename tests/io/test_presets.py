"""Preset formats: Equalizer APO text, JSON, CSV, table, and safe preset files."""

import json
import math
from pathlib import Path

import numpy as np
import pytest

from eqmorph import EQ, DataFormatError, EqmorphError, ParameterError
from eqmorph.core import dsp
from eqmorph.io.graphiceq import to_graphiceq
from eqmorph.io.presets import (
    FORMATS,
    MAX_PRESET_BYTES,
    format_eq,
    from_apo,
    from_csv,
    from_json,
    import_preset,
    load_preset,
    preamp_db,
    save_preset,
    to_apo,
    to_csv,
    to_json,
    to_table,
)

APO_EXAMPLE = """\
Preamp: -4.5 dB
Filter 1: ON LSC Fc 105 Hz Gain 3.0 dB Q 0.71
Filter 2: ON PK Fc 1000 Hz Gain -2.5 dB Q 1.41
Filter 3: ON PK Fc 250 Hz Gain 1.5 dB Q 2.0
Filter 4: ON PK Fc 4000 Hz Gain 4.0 dB Q 0.8
Filter 5: ON HSC Fc 8000 Hz Gain 2.0 dB Q 0.71
"""
EXAMPLE_ROWS = [
    [3.0, 105.0, 0.71],
    [1.5, 250.0, 2.0],
    [-2.5, 1000.0, 1.41],
    [4.0, 4000.0, 0.8],
    [2.0, 8000.0, 0.71],
]
SHELVES = "Filter 1: ON LSC Fc 105 Hz Gain 3.0 dB Q 0.71\nFilter 9: ON HSC Fc 8000 Hz Gain 2.0 dB Q 0.71\n"
LOUD = [
    [12.0, 80.0, 0.71, 9.0, 120.0, 4.0, 6.0, 2500.0, 10.0, 8.0, 2600.0, 0.5, 12.0, 12000.0, 1.0],
    [24.0, 1000.0, 10.0, 24.0, 20.0, 10.0, 24.0, 9000.0, 10.0, 24.0, 20000.0, 10.0, 24.0, 20000.0, 10.0],
    [-6.0, 100.0, 0.71, 0.5, 300.0, 0.1, -9.0, 1000.0, 1.0, 0.0, 3000.0, 1.0, -24.0, 8000.0, 0.71],
]


def example_eq() -> EQ:
    return EQ.from_array(EXAMPLE_ROWS)


def test_apo_example_parses_to_the_right_bands_in_canonical_order():
    preset = from_apo(APO_EXAMPLE)
    np.testing.assert_array_equal(preset.eq.to_array(), EXAMPLE_ROWS)
    assert preset.preamp_db == -4.5


def test_apo_comments_blank_lines_and_repeated_preamps_are_read_like_equalizer_apo():
    text = "# made by hand\n\nPreamp: -1 dB\n" + SHELVES + "  # indented comment\nPreamp: -2.5dB\n"
    preset = from_apo(text)
    assert preset.preamp_db == -3.5
    assert preset.eq.bands[0].gain_db == 3.0 and preset.eq.bands[4].freq_hz == 8000.0


def test_off_filters_are_ignored_even_where_they_would_break_the_layout():
    text = SHELVES + "Filter 3: OFF LSC Fc 50 Hz Gain 9 dB Q 1\nFilter 4: OFF PK Fc 500 Hz Gain 90 dB Q 1\n"
    eq = from_apo(text).eq
    assert eq.bands[0].freq_hz == 105.0
    assert all(b.gain_db == 0.0 for b in eq.bands[1:4])


def test_missing_peaks_become_silent_peaks_at_distinct_neutral_frequencies():
    eq = from_apo(SHELVES + "Filter 2: ON PK Fc 1000 Hz Gain -2.5 dB Q 1.41\n").eq
    peaks = eq.bands[1:4]
    assert sorted(b.gain_db for b in peaks) == [-2.5, 0.0, 0.0]
    assert len({b.freq_hz for b in peaks}) == 3


def test_bandwidth_in_octaves_becomes_the_equivalent_q():
    eq = from_apo(SHELVES + "Filter 2: ON PK Fc 1000 Hz Gain 3 dB BW Oct 1.0\n").eq
    (peak,) = [b for b in eq.bands if b.gain_db == 3.0 and b.kind == "peaking"]
    assert peak.q == pytest.approx(math.sqrt(2.0), rel=1e-12)


def test_shelves_without_q_get_the_default_shelf_q():
    eq = from_apo("Filter: ON LS Fc 100 Hz Gain 2 dB\nFilter: ON HS Fc 9000 Hz Gain 1 dB\n").eq
    assert eq.bands[0].q == eq.bands[4].q == 0.71


@pytest.mark.parametrize(
    "extra,found",
    [
        ("Filter 3: ON LSC Fc 50 Hz Gain 1 dB Q 0.7\n", "low shelf x2 (line 1, line 3)"),
        ("".join(f"Filter: ON PK Fc {f} Hz Gain 1 dB Q 1\n" for f in (100, 200, 300, 400)), "peaking x4"),
    ],
)
def test_a_wrong_layout_error_names_what_was_found_and_what_is_allowed(extra, found):
    with pytest.raises(DataFormatError) as err:
        from_apo(SHELVES + extra)
    assert found in str(err.value)
    assert "at most one low shelf, up to three peaking filters and at most one high shelf" in str(err.value)


def test_a_missing_high_shelf_is_read_exactly_as_the_flat_eqs_high_shelf():
    eq = from_apo("Filter: ON LSC Fc 105 Hz Gain 3 dB Q 0.71\n").eq
    assert (eq.bands[0].gain_db, eq.bands[0].freq_hz, eq.bands[0].q) == (3.0, 105.0, 0.71)
    assert eq.to_array()[1:].tolist() == EQ.flat().to_array()[1:].tolist()


@pytest.mark.parametrize(
    "line,match",
    [
        ("Filter 2: ON LP Fc 100 Hz", "'LP'"),
        ("Filter 2: ON PK Fc 100 Hz Gain 2 dB", "needs Q"),
        ("Filter 2: ON PK Fc abc Hz Gain 2 dB Q 1", "'abc' is not a number"),
        ("GraphicEQ: 20", "expected 'frequency gain'"),
        ("GraphicEQ: 40 0; 20 1", "increasing frequencies"),
        ("GraphicEQ:", "no points"),
        ("Channel: L", "applies the lines after it to some channels only"),
        ("Stage: pre-mix", "Preamp, Filter, GraphicEQ and Include"),
        ("Filter 2: ON LSC 12 dB Fc 100 Hz Gain 2 dB Q 0.7", "both a slope"),
    ],
)
def test_lines_eqmorph_cannot_represent_are_refused_with_their_line_number(line, match):
    with pytest.raises(DataFormatError, match=match) as err:
        from_apo(SHELVES + line + "\n")
    assert "line 3" in str(err.value)


@pytest.mark.parametrize(
    "values,name,value,allowed",
    [
        ("Fc 1000 Hz Gain 30 dB Q 1", "peaking.gain_db", 30.0, "-24..24 dB"),
        ("Fc 1000 Hz Gain 3 dB Q 1e400", "peaking.q", math.inf, "0.001..1000"),
        ("Fc 1000 Hz Gain 3 dB BW Oct 1e308", "peaking.bw_oct", 1e308, "octaves (Q 0.001..1000)"),
    ],
)
def test_out_of_range_values_raise_the_eqs_parameter_error_with_the_line_number(values, name, value, allowed):
    with pytest.raises(ParameterError) as err:
        from_apo("# header\n" + SHELVES + f"Filter 2: ON PK {values}\n")
    assert err.value.value == value
    assert str(err.value).startswith(f"line 4: {name}") and allowed in str(err.value)


def test_include_inside_the_folder_is_read_relative_to_it(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "peaks.txt").write_text("Preamp: -1 dB\nFilter: ON PK Fc 700 Hz Gain 5 dB Q 2\n")
    preset = from_apo(SHELVES + "Include: sub/peaks.txt\n", base_dir=tmp_path)
    assert [b.freq_hz for b in preset.eq.bands if b.gain_db == 5.0] == [700.0]
    assert preset.preamp_db == -1.0


@pytest.mark.parametrize("how", ["relative", "absolute", "symlink"])
def test_include_outside_the_folder_is_refused(tmp_path, how):
    base = tmp_path / "presets"
    base.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("Filter: ON PK Fc 700 Hz Gain 5 dB Q 2\n")
    name = {"relative": "../outside.txt", "absolute": str(outside), "symlink": "link.txt"}[how]
    if how == "symlink":
        (base / "link.txt").symlink_to(outside)
    with pytest.raises(DataFormatError, match="outside"):
        from_apo(SHELVES + f"Include: {name}\n", base_dir=base)


def test_an_include_of_a_missing_file_says_no_such_file_naming_the_including_line(tmp_path):
    with pytest.raises(DataFormatError, match="line 3: Include 'nowhere.txt': .*nowhere.txt': no such file"):
        from_apo(SHELVES + "Include: nowhere.txt\n", base_dir=tmp_path)
    (tmp_path / "sub").mkdir()
    with pytest.raises(DataFormatError, match="line 3: Include 'sub': .* is a folder, not a preset file"):
        from_apo(SHELVES + "Include: sub\n", base_dir=tmp_path)


def test_include_loops_are_stopped(tmp_path):
    (tmp_path / "a.txt").write_text("Include: b.txt\n")
    (tmp_path / "b.txt").write_text("Include: a.txt\n")
    with pytest.raises(DataFormatError, match="loop"):
        from_apo(SHELVES + "Include: a.txt\n", base_dir=tmp_path)


def test_include_without_a_base_dir_is_refused():
    with pytest.raises(DataFormatError, match="base_dir"):
        from_apo(SHELVES + "Include: peaks.txt\n")


@pytest.mark.parametrize("sample_rate", [44100.0, 48000.0, 96000.0])
@pytest.mark.parametrize("vector", LOUD)
def test_the_apo_preamp_prevents_clipping_without_wasting_headroom(vector, sample_rate):
    eq = EQ.from_vector(vector)
    preamp = from_apo(to_apo(eq)).preamp_db
    peak = float(np.max(eq.response_db(dsp.log_freq_grid(200_000), sample_rate)))
    assert preamp + peak <= 0.0
    assert preamp_db(eq) == preamp
    if peak > 0:  # at the rate with the highest peak the preamp is within one 0.1 dB step of it
        worst = max(float(np.max(eq.response_db(dsp.log_freq_grid(20_000), sr))) for sr in (44100, 48000, 96000))
        assert preamp + worst > -0.2


def test_a_flat_eq_needs_no_preamp():
    assert preamp_db(EQ.flat()) == 0.0


def test_an_eq_that_only_cuts_needs_no_preamp():
    eq = EQ.from_array([[-3.0, 100.0, 0.71], [0.0, 300.0, 1.0], [-6.0, 1000.0, 1.0], [0.0, 3000.0, 1.0],
                        [-1.0, 8000.0, 0.71]])
    assert to_apo(eq).splitlines()[1] == "Preamp: 0.0 dB"


def test_apo_output_lists_five_filters_with_equalizer_apo_types():
    lines = to_apo(example_eq()).splitlines()
    assert [line.split()[3] for line in lines[2:]] == ["LSC", "PK", "PK", "PK", "HSC"]
    assert lines[2] == "Filter 1: ON LSC Fc 105.0 Hz Gain 3.00 dB Q 0.710"


def test_apo_text_starts_with_a_comment_naming_how_the_eq_was_made():
    text = to_apo(example_eq(), words=["warm", "bright"], alpha=0.25, intensity=1.5, source="socialfx",
                  model_id="m1")
    assert text.splitlines()[0] == (
        "# eqmorph 5-band EQ: words warm, bright; alpha 0.25; intensity 1.5; source socialfx; model m1")
    assert from_apo(text).eq == example_eq()  # Equalizer APO (and eqmorph) skip the comment
    assert to_apo(example_eq()).splitlines()[0] == "# eqmorph 5-band EQ"


def test_json_records_how_the_eq_was_made_with_units():
    doc = json.loads(to_json(example_eq(), words="warm", alpha=0.25, model_id="m1"))
    assert doc["format"] == "eqmorph-eq" and doc["version"] == 2
    assert doc["units"] == {"gain_db": "dB", "freq_hz": "Hz", "q": "dimensionless"}
    assert [b["name"] for b in doc["bands"]] == ["low_shelf", "peak1", "peak2", "peak3", "high_shelf"]
    assert doc["bands"][2] == {"name": "peak2", "type": "peaking", "gain_db": -2.5, "freq_hz": 1000.0, "q": 1.41}
    assert (doc["words"], doc["alpha"], doc["intensity"], doc["model_id"]) == (["warm"], 0.25, None, "m1")
    assert doc["preamp_db"] == preamp_db(example_eq()) < 0


def _doc(**changes):
    doc = json.loads(to_json(example_eq()))
    doc.update(changes)
    return json.dumps(doc)


@pytest.mark.parametrize(
    "text,match",
    [
        ("{", "not valid JSON"),
        ("[1, 2]", "must be an object"),
        (_doc(format="other"), 'has format "other", version 2; expected format "eqmorph-eq" version 2'),
        (_doc(version=3), 'version 3; expected format "eqmorph-eq" version 2'),
        (_doc(units={"gain_db": "dB", "freq_hz": "kHz", "q": "dimensionless"}), "units are"),
        (_doc(bands=[]), "array of 1 to 5 band objects.*found 0 items"),
        (_doc(bands=[{"name": "peak1", "gain_db": 0, "freq_hz": 100, "q": 1}] * 6), "found 6 items"),
        (_doc(bands=[{"name": "peak1"}] * 5), "lacks gain_db, freq_hz, q"),
        (_doc(bands=[{"name": "peak1", "gain_db": 0, "freq_hz": 100, "q": 1}] * 5), "expected each of"),
        (_doc(bands=[{"name": "low_shelf", "type": "peaking", "gain_db": 0, "freq_hz": 100, "q": 1}] * 5),
         "low_shelf is a low_shelf"),
        (_doc(bands=[{"name": "low_shelf", "gain_db": "3", "freq_hz": 100, "q": 1}] * 5), "expected a number"),
    ],
)
def test_json_of_the_wrong_shape_says_what_is_wrong(text, match):
    with pytest.raises(DataFormatError, match=match):
        from_json(text)


def test_json_with_an_out_of_range_value_raises_parameter_error():
    doc = json.loads(to_json(example_eq()))
    doc["bands"][4]["freq_hz"] = 100.0
    with pytest.raises(ParameterError, match="high_shelf.freq_hz"):
        from_json(json.dumps(doc))


def test_csv_has_a_header_and_five_rows_and_reads_back_exactly_in_any_row_order():
    eq = EQ.from_vector([1 / 3, 123.456789, 0.7071, -2.5, 1000.0, 1.41, 4.0, 300.0, 2.0, 1.0, 900.0, 0.5, 2.0,
                         8000.0, 0.71])
    text = to_csv(eq)
    lines = text.splitlines()
    assert lines[0] == "name,type,gain_db,freq_hz,q" and len(lines) == 7 and text.endswith("\n")
    assert from_csv("\n".join([lines[0], *reversed(lines[1:])])) == eq
    assert from_csv(to_csv(eq).replace(",", ";")) == eq


def test_csv_ends_with_the_preamp_row_and_files_with_the_old_band_header_still_read():
    eq = example_eq()
    lines = to_csv(eq).splitlines()
    assert lines[-1] == f"preamp,preamp,{preamp_db(eq)!r},," and preamp_db(eq) < 0
    assert from_csv("band" + to_csv(eq).removeprefix("name")) == eq


@pytest.mark.parametrize(
    "text,match",
    [("gain,freq\n", "header"), ("name,type,gain_db,freq_hz,q\npreamp,preamp,-1,,\n", "no band rows"),
     ("name,type,gain_db,freq_hz,q\npeak1,peaking,1,100,1\npeak1,peaking,2,200,1\n", "at most once")],
)
def test_csv_of_the_wrong_shape_says_what_is_wrong(text, match):
    with pytest.raises(DataFormatError, match=match):
        from_csv(text)


def test_table_is_aligned_and_shows_every_band_and_the_words():
    text = to_table(example_eq(), words=["warm", "soft"])
    lines = text.splitlines()
    assert lines[0] == "words: warm, soft"
    rows = lines[1:7]
    assert len({len(r) for r in rows}) == 1
    assert "-2.50" in rows[3] and "1000.0" in rows[3] and "1.410" in rows[3]


def test_every_format_is_available_through_format_eq_and_bad_requests_are_refused():
    eq = example_eq()
    assert {f: format_eq(eq, f) for f in FORMATS} == {
        "json": to_json(eq), "apo": to_apo(eq), "csv": to_csv(eq),
        "graphiceq": "# eqmorph 5-band EQ as a GraphicEQ curve\n" + to_graphiceq(eq),
        "table": to_table(eq)
    }
    with pytest.raises(ParameterError, match="json, apo, csv, graphiceq, table"):
        format_eq(eq, "xml")
    with pytest.raises(ParameterError, match="words, weights, alpha, intensity, source, .*model_id"):
        format_eq(eq, "apo", colour="red")


@pytest.mark.parametrize("fmt,name", [("json", "p.json"), ("apo", "p.txt"), ("apo", "p.apo"), ("csv", "p.csv"),
                                      ("json", "p.preset"), ("csv", "p.preset")])
def test_saved_presets_load_back_whatever_the_extension_says(tmp_path, fmt, name):
    eq = example_eq()
    save_preset(tmp_path / name, eq, fmt, words="warm")
    assert load_preset(tmp_path / name) == eq
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_save_takes_the_format_from_the_extension(tmp_path):
    save_preset(tmp_path / "p.csv", example_eq())
    assert (tmp_path / "p.csv").read_text().startswith("name,type,")
    with pytest.raises(ParameterError, match=r"or format=json\|") as err:
        save_preset(tmp_path / "p.eq", example_eq())
    assert err.value.name == "path"


def test_a_failing_save_leaves_the_old_file_intact_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "p.json"
    save_preset(target, example_eq())
    before = target.read_bytes()

    def half_write(self, text, **kwargs):
        Path.write_bytes(self, text.encode()[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", half_write)
    with pytest.raises(EqmorphError, match="No space left"):
        save_preset(target, EQ.flat(), "json")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]


@pytest.mark.parametrize(
    "content,match",
    [
        (b"\x00\x01\x02RIFF\xff\xfe\x00", "binary"),
        (b"x" * (MAX_PRESET_BYTES + 1), "larger than"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_unreadable_presets_are_refused_naming_the_path(tmp_path, content, match):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DataFormatError, match=match) as err:
        load_preset(path)
    assert str(path) in str(err.value)


def test_a_missing_preset_says_no_such_file_naming_the_path(tmp_path):
    with pytest.raises(DataFormatError, match="no such file") as err:
        load_preset(tmp_path / "missing.json")
    assert str(tmp_path / "missing.json") in str(err.value)


@pytest.mark.parametrize("folder", [".", "{tmp}", "{tmp}/."])
def test_a_folder_is_refused_as_a_parameter_saying_it_is_a_folder(tmp_path, folder):
    path = folder.format(tmp=tmp_path)
    with pytest.raises(ParameterError, match="expected a preset file, not a folder") as err:
        import_preset(path)
    assert err.value.name == "path" and err.value.value == path


@pytest.mark.parametrize("path", [b"a.txt", 3, None, ["a.txt"]])
def test_a_path_of_the_wrong_type_is_a_parameter_error_not_a_bare_type_error(path):
    with pytest.raises(ParameterError, match="expected a preset file's path") as err:
        import_preset(path)
    assert err.value.name == "path" and err.value.wrong_type


def test_load_preset_reads_utf16_and_bom_prefixed_apo_files_from_windows_editors(tmp_path):
    (tmp_path / "u16.txt").write_bytes(APO_EXAMPLE.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(APO_EXAMPLE.encode("utf-8-sig"))
    assert load_preset(tmp_path / "u16.txt") == load_preset(tmp_path / "bom.txt") == example_eq()


def test_load_preset_errors_name_the_file_and_keep_the_parameter_error_type(tmp_path):
    path = tmp_path / "loud.txt"
    path.write_text(SHELVES.replace("Gain 3.0", "Gain 140"))
    with pytest.raises(ParameterError) as err:
        load_preset(path)
    assert str(err.value).startswith(f"{path}: line 1: low_shelf.gain_db=140.0")


@pytest.mark.parametrize("text", ["", "\n\n", "# a comment only\n", "   \n# x\n"])
def test_an_empty_apo_preset_is_refused_not_read_as_a_flat_eq(tmp_path, text):
    path = tmp_path / "empty.txt"
    path.write_text(text)
    with pytest.raises(DataFormatError, match="empty"):
        load_preset(path)

