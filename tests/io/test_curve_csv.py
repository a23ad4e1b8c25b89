"""Response-curve CSVs (io/curve_csv.py): AutoEq's results CSV and ``frequency,gain_db`` tables are fitted as a
GraphicEQ curve is; a measurement alone is refused, naming the columns an EQ would be in."""

from __future__ import annotations

import numpy as np
import pytest
from cli_runner import run_cli

from eqmorph.core.eq import EQ
from eqmorph.core.fit import fit_grid
from eqmorph.errors import DataFormatError
from eqmorph.io.presets import import_preset, load_preset

KNOWN = EQ.from_array([[3.0, 120.0, 0.71], [-4.0, 350.0, 1.2], [2.5, 2000.0, 1.5], [0.0, 6000.0, 1.0],
                       [-3.0, 9000.0, 0.71]])
AUTOEQ_HEADER = ("frequency,raw,error,smoothed,error_smoothed,equalization,parametric_eq,fixed_band_eq,"
                 "equalized_raw,equalized_smoothed,target")


def _points(eq: EQ = KNOWN) -> tuple[np.ndarray, np.ndarray]:
    freqs = np.geomspace(20.0, 20000.0, 300)
    return freqs, eq.response_db(freqs, 48000.0)


def _autoeq_csv(equalization: bool = True) -> str:
    """AutoEq's results layout: a measurement (raw = minus the EQ), the EQ in ``equalization`` (or, when
    ``equalization`` is False, only in ``parametric_eq``), the target flat."""
    freqs, gains = _points()
    rows = [AUTOEQ_HEADER]
    for f, g in zip(freqs, gains):
        eq_cell = f"{g:.2f}" if equalization else ""
        rows.append(f"{f:.2f},{-g:.2f},{-g:.2f},{-g:.2f},{-g:.2f},{eq_cell},{g:.2f},,0.00,0.00,0.00")
    return "\n".join(rows) + "\n"


def _error_db(eq: EQ, level_db: float) -> float:
    grid = fit_grid()
    return float(np.sqrt(np.mean((eq.response_db(grid, 48000.0) + level_db - KNOWN.response_db(grid, 48000.0)) ** 2)))


def test_autoeq_results_csv_is_fitted_from_its_equalization_column(tmp_path):
    path = tmp_path / "HD 600.csv"
    path.write_text(_autoeq_csv())
    imported = import_preset(path)
    assert imported.fitted and imported.what == "1 CSV curve"
    assert imported.why == "a CSV curve is a response, not filters"
    # The curve is a 5-band EQ's response written to 0.01 dB: the fit follows it (raw is its negative: not read).
    assert _error_db(imported.eq, imported.level_db) < 0.05


def test_an_empty_equalization_column_reads_the_parametric_eq_column():
    # AutoEq leaves columns it did not compute empty; the parametric EQ's response is the next best EQ curve.
    from eqmorph.io.preset_csv import curve_of_csv

    curve = curve_of_csv(_autoeq_csv(equalization=False))
    freqs, gains = _points()
    assert curve is not None and curve.kind == "CSV" and "parametric_eq" in curve.where
    assert np.allclose(curve.gains_db, np.round(gains, 2))


@pytest.mark.parametrize("header,sep", [("frequency,gain_db", ","), ("Freq;Gain", ";"), ("hz,db", ",")])
def test_a_frequency_gain_table_is_a_curve_in_any_of_its_spellings(tmp_path, header, sep):
    freqs, gains = _points()
    decimal = "," if sep == ";" else "."  # a ';' table from a European spreadsheet writes decimal commas
    lines = [header] + [f"{f:.2f}{sep}{g:.3f}".replace(".", decimal) if sep == ";" else f"{f:.2f}{sep}{g:.3f}"
                        for f, g in zip(freqs, gains)]
    path = tmp_path / "curve.csv"
    path.write_text("\n".join(lines) + "\n")
    imported = import_preset(path)
    assert imported.fitted and _error_db(imported.eq, imported.level_db) < 0.05


def test_a_curve_csv_is_recognised_by_content_whatever_its_extension(tmp_path):
    path = tmp_path / "curve.txt"
    path.write_text(_autoeq_csv())
    assert import_preset(path).what == "1 CSV curve"


def test_a_measurement_alone_is_refused_naming_the_columns_an_eq_would_be_in(tmp_path):
    freqs, gains = _points()
    path = tmp_path / "measurement.csv"
    path.write_text("frequency,raw\n" + "".join(f"{f:.2f},{g:.2f}\n" for f, g in zip(freqs, gains)))
    with pytest.raises(DataFormatError, match=r"measurement or target \(raw\), not an EQ.*'equalization'.*gain_db"):
        load_preset(path)


@pytest.mark.parametrize("rows,match", [
    ("100,1.0\n50,2.0\n", r"CSV curve point '50 Hz, 2.0 dB \(row 3\)'; expected increasing"),
    ("100,1.0\n200,\n", r"CSV row 3 '200,': no gain_db value"),
    ("100,1.0\n200,loud\n", r"CSV curve gain"),
    ("", r"no rows under its header"),
])
def test_a_broken_curve_csv_is_refused_naming_the_row(tmp_path, rows, match):
    path = tmp_path / "bad.csv"
    path.write_text("frequency,gain_db\n" + rows)
    with pytest.raises(DataFormatError, match=match):
        load_preset(path)


def test_a_csv_of_neither_layout_names_both(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("level,width\n1,2\n")
    with pytest.raises(DataFormatError, match=r"'name,type,gain_db,freq_hz,q' \(bands\), or a frequency column"):
        load_preset(path)


def test_describe_of_an_autoeq_csv_names_the_words_of_the_eq_it_holds(tmp_path, capsys):
    import json

    from eqmorph.io.presets import save_preset

    save_preset(tmp_path / "known.json", KNOWN)
    (tmp_path / "autoeq.csv").write_text(_autoeq_csv())
    code, out, err = run_cli(capsys, "describe", tmp_path / "autoeq.csv")
    assert code == 0 and err.startswith("eqmorph describe: fitted 1 CSV curve into eqmorph's 5-band layout")
    _, out, _ = run_cli(capsys, "describe", tmp_path / "autoeq.csv", "--json")
    curve = json.loads(out)
    _, out, _ = run_cli(capsys, "describe", tmp_path / "known.json", "--json")
    known = json.loads(out)
    # Fitted within hundredths of a dB (at its own level: a 5-band EQ's response fits there): described as the EQ.
    assert curve["fitted"] and curve["fit_rms_db"] < 0.05
    assert [w for w, _ in curve["words"][:5]] == [w for w, _ in known["words"][:5]]
    assert curve["phrase"] == known["phrase"]
