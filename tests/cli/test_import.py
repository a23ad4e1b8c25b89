"""``eqmorph import``: read a preset, show it or convert it, and fail with one clean line."""

import pytest

from eqmorph import EQ, cli
from eqmorph.io.presets import from_csv, from_json, load_preset, save_preset, to_apo

EQ_ROWS = [[3.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]


@pytest.fixture
def apo_file(tmp_path):
    path = tmp_path / "preset.txt"
    path.write_text(to_apo(EQ.from_array(EQ_ROWS)))
    return path


def _one_line_error(capsys) -> str:
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("eqmorph import: error: ")
    return err


def test_import_prints_the_preset_as_a_table_by_default(apo_file, capsys):
    assert cli.main(["import", str(apo_file)]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("peak2"))
    assert row.split()[-3:] == ["-2.50", "1000.0", "1.410"]


@pytest.mark.parametrize("fmt,parse", [("json", from_json), ("csv", from_csv)])
def test_import_prints_the_chosen_format(apo_file, capsys, fmt, parse):
    assert cli.main(["import", str(apo_file), "--format", fmt]) == 0
    assert parse(capsys.readouterr().out) == EQ.from_array(EQ_ROWS)


@pytest.mark.parametrize("out_name,fmt,expected_start", [("out.json", None, "{"), ("out.csv", None, "name,"),
                                                         ("out.dat", "apo", "# eqmorph 5-band EQ")])
def test_import_writes_out_in_the_format_asked_or_told_by_the_extension(apo_file, out_name, fmt, expected_start):
    out = apo_file.parent / out_name
    args = ["import", str(apo_file), "-o", str(out)] + (["--format", fmt] if fmt else [])
    assert cli.main(args) == 0
    assert out.read_text().startswith(expected_start)
    if fmt is None:
        assert load_preset(out) == load_preset(apo_file)
    assert sorted(p.name for p in apo_file.parent.iterdir()) == sorted([apo_file.name, out_name])


def test_import_refuses_to_overwrite_its_input(apo_file, capsys):
    before = apo_file.read_bytes()
    assert cli.main(["import", str(apo_file), "-o", str(apo_file), "--format", "apo"]) == 2
    assert "different from PRESET" in _one_line_error(capsys)
    assert apo_file.read_bytes() == before


def test_import_needs_a_format_when_out_has_no_known_extension(apo_file, capsys):
    assert cli.main(["import", str(apo_file), "-o", str(apo_file.parent / "out.eq")]) == 2
    assert "--format" in _one_line_error(capsys)
    assert not (apo_file.parent / "out.eq").exists()


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("noise.txt", b"\x00\xff\x13garbage\x00", "binary"),
        ("broken.json", b'{"format": "eqmorph-eq", "version": 1, "bands": 3', "not valid JSON"),
        ("lowpass.txt", b"Filter: ON LP Fc 100 Hz\n", "'LP'"),
        ("loud.csv", None, "gain_db=40.0"),
        ("missing.json", None, "no such file"),
    ],
)
def test_a_bad_preset_exits_2_with_one_line_naming_the_file(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    elif name == "loud.csv":
        save_preset(path, EQ.from_array(EQ_ROWS))
        path.write_text(path.read_text().replace("3.0,105.0", "40.0,105.0"))
    assert cli.main(["import", str(path)]) == 2
    err = _one_line_error(capsys)
    assert message in err and str(path) in err
