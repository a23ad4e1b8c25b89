"""``eqmorph describe PRESET``: words with scores and a phrase for any preset; clean errors for bad input."""

import json

import pytest

import eqmorph
from eqmorph import cli
from eqmorph.io.apo import to_apo
from eqmorph.io.presets import import_preset, load_preset, save_preset
from eqmorph.language.band_words import band_words
from eqmorph.language.stoplist import feeling_words
from eqmorph.semantic.describe import word_languages


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


def _run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("name", ["warm.json", "warm.txt", "warm.csv"])
def test_describe_prints_top_words_and_phrase(tmp_path, capsys, m, name):
    save_preset(tmp_path / name, m.generate("warm"))
    code, out, err = _run(["describe", tmp_path / name], capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].endswith("sounds like warm")
    assert lines[1].startswith("words most alike in shape, each on its own")  # not a breakdown of the phrase
    assert lines[2].split() == ["warm", "+1.00"]
    assert lines[7].startswith("words most opposite in shape") and len(lines) == 2 + 5 + 1 + 5
    assert all(float(line.split()[-1]) < 0 for line in lines[8:])


def test_describe_lists_the_word_a_cut_eq_is_the_opposite_of(tmp_path, capsys, m):
    save_preset(tmp_path / "lm.json", m.generate("less muddy"))
    code, out, _ = _run(["describe", tmp_path / "lm.json"], capsys)
    lines = out.splitlines()
    at = lines.index("words most opposite in shape (the EQ is less of them):")
    assert code == 0 and lines[at + 1].split() == ["muddy", "-1.00"]  # listed nowhere before: all scores were > 0
    code, out, _ = _run(["describe", tmp_path / "lm.json", "--json"], capsys)
    assert json.loads(out)["opposites"][0] == ["muddy", -1.0]


def test_a_flat_preset_lists_no_words(tmp_path, capsys):
    from eqmorph import EQ

    save_preset(tmp_path / "flat.json", EQ.flat())
    code, out, _ = _run(["describe", tmp_path / "flat.json"], capsys)
    assert code == 0 and out.splitlines() == [f"{tmp_path / 'flat.json'}: sounds like nothing: the EQ is flat"]
    code, out, _ = _run(["describe", tmp_path / "flat.json", "--json"], capsys)
    assert json.loads(out)["words"] == [] and json.loads(out)["phrase"] == ""


def test_describe_json_and_top(tmp_path, capsys, m):
    (tmp_path / "p.txt").write_text(to_apo(m.generate("muddy", intensity=-1.0)))
    code, out, _ = _run(["describe", tmp_path / "p.txt", "--json", "--top", "3"], capsys)
    doc = json.loads(out)
    eq = load_preset(tmp_path / "p.txt")
    assert code == 0 and doc["phrase"] == m.describe_text(eq, language="en") and doc["model_id"] == m.model_id
    unsaid = feeling_words()
    ranked = [(w, s) for w, s in m.describe(eq, k=None, language="en") if w not in unsaid]
    assert doc["words"] == [[w, round(s, 4)] for w, s in ranked[:3]] and doc["language"] == "en"


def test_describe_speaks_english_unless_asked_and_lists_no_words_of_feeling(tmp_path, capsys, m):
    (tmp_path / "mix.txt").write_text(to_apo(m.interpolate("warm", "bright", 0.5)))
    english = {w for w in m.terms if "en" in word_languages(m.word_info(w).counts_by_language)}
    code, out, _ = _run(["describe", tmp_path / "mix.txt", "--json", "--top", "20"], capsys)
    doc = json.loads(out)
    assert code == 0 and {w for w, _ in doc["words"]} <= (english - feeling_words()) | set(band_words())
    assert all(w in english for w, _ in m.parse(doc["phrase"]).weights)
    _, out, _ = _run(["describe", tmp_path / "mix.txt", "--json", "--language", "any", "--top", "110"], capsys)
    assert any(w not in english for w, _ in json.loads(out)["words"])


def test_describe_in_one_crowds_words(tmp_path, capsys, m):
    save_preset(tmp_path / "w.json", m.generate("warm", source="socialfx"))
    code, out, _ = _run(["describe", tmp_path / "w.json", "--json", "--source", "socialfx"], capsys)
    doc = json.loads(out)
    assert code == 0 and doc["source"] == "socialfx" and doc["words"][0] == ["warm", 1.0]
    _, out, _ = _run(["describe", tmp_path / "w.json", "--json"], capsys)
    assert json.loads(out)["words"][0] != ["warm", 1.0]  # both crowds' warm is another EQ


def test_a_file_that_is_not_a_preset_gives_one_clean_line(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("shopping list: eggs, milk\n")
    code, out, err = _run(["describe", tmp_path / "notes.txt"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("eqmorph describe: error: ") and err.count("\n") == 1


def test_missing_preset_and_bad_top_are_refused(tmp_path, capsys, m):
    code, _, err = _run(["describe", tmp_path / "missing.json"], capsys)
    assert code == 2 and "missing.json" in err
    save_preset(tmp_path / "w.json", m.generate("warm"))
    code, _, err = _run(["describe", tmp_path / "w.json", "--top", "0"], capsys)
    assert code == 2 and "--top" in err
    # more words than a description ranks: it listed them all, silently, while describe(k=...) refuses (a trial)
    code, out, err = _run(["describe", tmp_path / "w.json", "--top", "1000"], capsys)
    assert code == 2 and "--top=1000" in err and "an integer from 1 to" in err and out == ""


def test_a_curve_whose_level_the_fit_moved_is_described_by_its_shape(tmp_path, capsys, m):
    path = tmp_path / "down.txt"
    path.write_text("GraphicEQ: 20 -12; 1000 -10; 20000 -12\n")  # 10 dB down everywhere: the fit moves the level
    imported = import_preset(path)
    assert imported.level_db != 0.0  # the case this test is about
    code, out, _ = _run(["describe", path, "--json"], capsys)
    doc = json.loads(out)
    assert code == 0 and doc["phrase"] == m.describe_text(imported.eq, level_free=True, language="en")
