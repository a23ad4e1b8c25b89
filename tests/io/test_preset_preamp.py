"""A preset's own preamp: written when a preset is converted (``preamp=``), read back from every format, checked."""

from __future__ import annotations

import json
import warnings

import pytest

from eqmorph import EQ, DataFormatError, ParameterError
from eqmorph.core.preamp import max_response_db
from eqmorph.errors import ClippingPreampWarning
from eqmorph.io.presets import FILE_FORMATS, format_eq, format_eqs, import_preset, preamp_db, save_preset

ROWS = [[3.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]
SUFFIX = {"json": "p.json", "apo": "p.txt", "csv": "p.csv", "graphiceq": "p GraphicEQ.txt"}


@pytest.mark.parametrize("fmt", FILE_FORMATS)
@pytest.mark.parametrize("preamp", [-10.0, -3.25, 0.0, 4.0])
def test_a_preamp_given_is_written_in_every_format_and_read_back_as_the_presets(tmp_path, fmt, preamp):
    path = tmp_path / SUFFIX[fmt]
    eq = EQ.from_array(ROWS)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        save_preset(path, eq, preamp=preamp)
    assert import_preset(path).preamp_db == pytest.approx(preamp, abs=0.005 if fmt != "graphiceq" else 0.05)
    # written as given, and said when it lets the EQ's boosts clip (preamp_db(eq) is about -6 dB here)
    clipping = [w for w in caught if issubclass(w.category, ClippingPreampWarning)]
    assert len(clipping) == (1 if preamp > preamp_db(eq) else 0)


def test_a_clipping_preamp_is_warned_about_naming_the_peak_and_the_preamp_for_no_clipping(tmp_path):
    eq = EQ.from_array(ROWS)
    with pytest.warns(ClippingPreampWarning) as caught:
        save_preset(tmp_path / "p.txt", eq, preamp=5.0)
    peak_db = 5.0 + max_response_db(eq)
    assert f"peaks at {peak_db:+.1f} dB" in str(caught[0].message)
    assert f"for no clipping it would be {preamp_db(eq):.1f} dB" in str(caught[0].message)
    assert caught[0].filename == __file__  # pointed at the caller's line


def test_eqmorph_import_keeps_a_clipping_preamp_with_its_own_note_and_no_python_warning(tmp_path, capsys):
    from eqmorph import cli

    (tmp_path / "loud.txt").write_text("Preamp: 3 dB\nFilter 1: ON PK Fc 1000 Hz Gain 6 dB Q 1\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ClippingPreampWarning)
        code = cli.main(["import", str(tmp_path / "loud.txt"), "-o", str(tmp_path / "loud.json")])
    assert code == 0 and "may clip" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_without_a_preamp_every_format_carries_the_eqs_own_and_reads_it_back(tmp_path, fmt):
    eq = EQ.from_array(ROWS)
    path = tmp_path / SUFFIX[fmt]
    save_preset(path, eq)
    assert import_preset(path).preamp_db == pytest.approx(preamp_db(eq), abs=0.05) and preamp_db(eq) < 0


def test_the_table_shows_a_given_preamp_beside_the_eqs_own():
    eq = EQ.from_array(ROWS)
    assert format_eq(eq, "table").splitlines()[-1] == f"preamp for no clipping: {preamp_db(eq):.1f} dB"
    assert format_eq(eq, "table", preamp=-10).splitlines()[-1] == \
        f"preamp (the preset's own): -10.0 dB; for no clipping: {preamp_db(eq):.1f} dB"


@pytest.mark.parametrize("preamp", [True, "-3", float("nan"), float("inf"), -100.5, 101])
def test_a_bad_preamp_is_refused_naming_it(preamp):
    with pytest.raises(ParameterError, match="preamp=") as err:
        format_eq(EQ.from_array(ROWS), "apo", preamp=preamp)
    assert err.value.name == "preamp" and "-100 to 100" in err.value.allowed


def test_json_and_csv_without_a_preamp_read_as_0_db_as_a_preset_without_a_preamp_line(tmp_path):
    (tmp_path / "hand.json").write_text('{"bands": [{"name": "peak1", "gain_db": 6, "freq_hz": 1000, "q": 1}]}')
    (tmp_path / "one.csv").write_text("name,type,gain_db,freq_hz,q\npeak1,peaking,6,1000,1\n")
    assert import_preset(tmp_path / "hand.json").preamp_db == 0.0 == import_preset(tmp_path / "one.csv").preamp_db


@pytest.mark.parametrize("name,text,said", [
    ("a.json", {"bands": [{"name": "peak1", "gain_db": 6, "freq_hz": 1000, "q": 1}], "preamp_db": "loud"},
     'JSON "preamp_db" is "loud"'),
    ("b.json", {"bands": [{"name": "peak1", "gain_db": 6, "freq_hz": 1000, "q": 1}], "preamp_db": 1e9},
     "-100 to 100"),
    ("c.csv", "name,type,gain_db,freq_hz,q\npeak1,peaking,6,1000,1\npreamp,preamp,-3,,\npreamp,preamp,-4,,\n",
     "2 preamp rows"),
    ("d.csv", "name,type,gain_db,freq_hz,q\npeak1,peaking,6,1000,1\npreamp,preamp,soft,,\n", "'soft' is not a number"),
])
def test_a_bad_preamp_in_a_file_is_refused_naming_the_file(tmp_path, name, text, said):
    path = tmp_path / name
    path.write_text(json.dumps(text) if isinstance(text, dict) else text)
    with pytest.raises(DataFormatError, match=said) as err:
        import_preset(path)
    assert str(path) in str(err.value)


def test_several_eqs_are_one_valid_text_in_every_format():
    eqs = [EQ.from_array(ROWS), EQ.flat()]
    docs = json.loads(format_eqs(eqs, "json", words=["warm"]))
    assert [d["bands"] for d in docs] == [json.loads(format_eq(eq, "json"))["bands"] for eq in eqs]
    lines = format_eqs(eqs, "csv").splitlines()
    assert lines[0] == "variation,name,type,gain_db,freq_hz,q" and len(lines) == 1 + 2 * 6
    assert lines[1:7] == [f"1,{row}" for row in format_eq(eqs[0], "csv").splitlines()[1:]]
    apo = format_eqs(eqs, "apo", "warm variation").splitlines()
    assert apo[0] == "# warm variation 1 of 2" and apo.count("# warm variation 2 of 2") == 1
    with pytest.raises(ParameterError, match="at least one EQ"):
        format_eqs([], "csv")
