"""Trial 4 on presets: a GraphicEQ curve's level is no invented Preamp, one preamp range for import and apply, a
version-1 file with version 2's keys, named bands that keep their names, and European CSV."""

from __future__ import annotations

import json

import numpy as np
import pytest

from eqmorph.audio.filtering import apply_eq
from eqmorph.core.eq import EQ
from eqmorph.errors import DataFormatError
from eqmorph.io.graphiceq import GraphicCurve
from eqmorph.io.presets import MAX_PREAMP_DB, format_eq, import_preset

GRID = np.geomspace(20.0, 20000.0, 400)
GEQ2 = "GraphicEQ: 20 -2.0; 100 3.0; 1000 0; 10000 -4.0; 20000 -6\n"  # the trial's file: no Preamp line


def _curve(text: str) -> GraphicCurve:
    points = [p.split() for p in text.split(":", 1)[1].split(";")]
    return GraphicCurve(np.array([float(f) for f, _ in points]), np.array([float(g) for _, g in points]), "test")


# --- #6: a GraphicEQ curve without a Preamp line -----------------------------------------------------------------
def test_a_curve_the_bands_can_follow_keeps_its_own_0_db_and_no_preamp_is_invented(tmp_path):
    (tmp_path / "geq2.txt").write_text(GEQ2)
    imported = import_preset(tmp_path / "geq2.txt")
    # Before: a +2.9 dB, Q 0.11 "peak" in the bands against a -3.0 dB "preset's Preamp" the file never had.
    assert imported.fitted and imported.preamp_db == 0.0 and imported.level_db == 0.0
    shape_error = imported.eq.response_db(GRID) - _curve(GEQ2).response_db(GRID)
    assert np.sqrt(np.mean(shape_error**2)) < 0.1  # the bands alone hold the curve as the file writes it


def test_a_level_the_fit_must_move_is_named_as_the_fits_not_as_the_presets_preamp(tmp_path):
    text = "GraphicEQ: 20 -12; 1000 -10; 20000 -12\n"  # 10 dB down everywhere: no 5-band EQ holds that level
    (tmp_path / "down.txt").write_text(text)
    imported = import_preset(tmp_path / "down.txt")
    assert imported.level_db == pytest.approx(-10.0, abs=0.5) and imported.file_preamp_db == 0.0
    heard = imported.eq.response_db(GRID) + imported.preamp_db  # the level still plays, as the curve does
    assert np.sqrt(np.mean((heard - _curve(text).response_db(GRID)) ** 2)) < 0.1
    table = format_eq(imported.eq, "table", preamp=imported.preamp_db, preamp_is=imported.describe_preamp())
    assert "found by the fit" in table.splitlines()[-1] and "preset's own" not in table


def test_a_preamp_line_and_a_fitted_level_are_told_apart(tmp_path):
    (tmp_path / "both.txt").write_text("GraphicEQ: 20 -12; 1000 -10; 20000 -12\n")
    alone = import_preset(tmp_path / "both.txt")
    assert alone.describe_preamp().startswith("the curve's level")
    peaks = "".join(f"Filter {i}: ON PK Fc {f} Hz Gain 2 dB Q 1\n" for i, f in enumerate((100, 300, 1000, 5000), 1))
    (tmp_path / "both.txt").write_text("Preamp: -4 dB\n" + peaks)
    fitted = import_preset(tmp_path / "both.txt")  # four peaks: fitted, but its Preamp is the file's own
    assert fitted.fitted and fitted.level_db == 0.0 and fitted.describe_preamp() == "the preset's own"


# --- #19: preamps, version 1, names, European CSV ----------------------------------------------------------------
def test_a_preamp_that_import_accepts_is_one_that_apply_plays(tmp_path):
    doc = {"format": "eqmorph-eq", "version": 2, "preamp_db": MAX_PREAMP_DB,
           "bands": [{"name": "peak1", "type": "peaking", "gain_db": 3, "freq_hz": 1000, "q": 1}]}
    (tmp_path / "j.json").write_text(json.dumps(doc))
    imported = import_preset(tmp_path / "j.json")
    # Before: apply refused a 50 dB preamp that import had accepted, calling it "gain_db ... -120 to 48".
    y = apply_eq(np.full(64, 1e-6), 48000, imported.eq, gain_db=imported.preamp_db)
    assert np.isfinite(y).all()


def test_preamp_lines_beyond_the_range_are_refused_when_read(tmp_path):
    (tmp_path / "loud.txt").write_text("Preamp: 60 dB\nPreamp: 60 dB\nFilter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1\n")
    with pytest.raises(DataFormatError, match=r"Preamp lines add up to 120 dB; expected a number of dB from -100"):
        import_preset(tmp_path / "loud.txt")


def test_a_version_1_file_with_version_2s_band_key_says_which_key_and_version():
    doc = {"format": "eqmorph-eq", "version": 1,
           "bands": [{"name": "peak1", "type": "peaking", "gain_db": 3, "freq_hz": 1000, "q": 1}]}
    from eqmorph.io.presets import from_json

    with pytest.raises(DataFormatError, match=r'version 1, whose bands name their role "band", but its bands use '
                                              r'"name".*"version": 2'):
        from_json(json.dumps(doc))


@pytest.mark.parametrize("name,freq_hz", [("peak1", 1000.0), ("peak3", 100.0), ("peak2", 25.0), ("peak1", 5000.0)])
def test_a_named_peak_keeps_its_name_when_the_other_peaks_are_left_out(name, freq_hz):
    from eqmorph.io.presets import from_json

    eq = from_json(json.dumps({"bands": [{"name": name, "gain_db": 3, "freq_hz": freq_hz, "q": 1}]}))
    index = ["low_shelf", "peak1", "peak2", "peak3", "high_shelf"].index(name)
    assert (eq.bands[index].gain_db, eq.bands[index].freq_hz) == (3.0, freq_hz)
    assert sum(b.gain_db != 0.0 for b in eq.bands) == 1  # the rest stay 0 dB


def test_a_semicolon_csv_reads_its_decimal_commas():
    from eqmorph.io.presets import from_csv

    eq = from_csv("name;type;gain_db;freq_hz;q\npeak1;peaking;3,5;1000;1,41\n")
    assert (eq.bands[1].gain_db, eq.bands[1].q) == (3.5, 1.41)
    with pytest.raises(DataFormatError, match="not a number; use '.' as the decimal point"):  # ambiguous there
        from_csv('name,type,gain_db,freq_hz,q\npeak1,peaking,"3,5",1000,1\n')


def test_from_array_of_a_flat_vector_points_to_from_vector():
    from eqmorph.errors import ParameterError

    eq = EQ.flat()
    with pytest.raises(ParameterError, match="EQ.from_vector"):
        EQ.from_array(eq.to_vector())
