"""A new user's trial of the command line (trial 10): presets under audio names, dB amounts in ``edit``, describing a
match, and a dB amount typed without quotes."""

import json

import pytest

import eqmorph
from eqmorph import EQ, cli
from eqmorph.io.presets import save_preset
from eqmorph.language.band_words import band_word

AUDIO_BYTES = b"RIFF\x24\x00\x00\x00WAVEfmt "  # a recording's first bytes: what must survive a refused write


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


@pytest.fixture
def flat_preset(tmp_path):
    path = tmp_path / "pre.txt"
    save_preset(path, EQ.flat())
    return path


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _exit(capsys, *argv):
    """An argparse refusal: its exit code and stderr."""
    with pytest.raises(SystemExit) as info:
        cli.main([str(a) for a in argv])
    return info.value.code, capsys.readouterr().err


# --- 1. a preset never replaces a recording ------------------------------------------------------------------------
@pytest.mark.parametrize("name,fmt", [("warm.wav", "apo"), ("mydrums.wav", "json"), ("mix.flac", "csv"),
                                      ("x.mp3", "apo"), ("x.ogg", "graphiceq"), ("x.AIFF", None), ("x.opus", "json"),
                                      ("x.aif", "csv")])
@pytest.mark.parametrize("command", [["generate", "warm"], ["morph", "warm", "bright"], ["import", "{preset}"],
                                     ["edit", "{preset}", "--more", "warm"], ["sample", "warm"]])
def test_a_preset_named_like_an_audio_file_is_refused_and_the_recording_is_left_whole(tmp_path, capsys, flat_preset,
                                                                                     command, name, fmt):
    out_path = tmp_path / name
    out_path.write_bytes(AUDIO_BYTES)
    argv = [a.format(preset=flat_preset) for a in command]
    model = ["--model", tmp_path / "no-model"] if command[0] != "import" else []  # refused before the model loads
    code, out, err = _run(capsys, *argv, *(["--format", fmt] if fmt else []), "-o", out_path, *model)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert f"-o={str(out_path)!r} is not allowed" in err and "audio file" in err
    stem = out_path.stem
    assert f"{stem}.txt (apo" in err and f"{stem}.json" in err and f"{stem}.csv" in err and "no-model" not in err
    assert out_path.read_bytes() == AUDIO_BYTES
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["pre.txt", name])


def test_match_refuses_a_preset_named_like_an_audio_file_before_the_analysis(pair, capsys):
    song, reference = pair
    mix = song.parent / "mix.flac"
    mix.write_bytes(AUDIO_BYTES)
    code, out, err = _run(capsys, "match", song, reference, "-o", mix, "--format", "csv")
    assert code == 2 and out == "" and "-o=" in err and "audio file" in err and f"{mix.stem}.csv" in err
    assert mix.read_bytes() == AUDIO_BYTES


# --- 2. edit with a dB amount ---------------------------------------------------------------------------------------
def _edited(out_path):
    return eqmorph.io.presets.load_preset(out_path)


def test_a_db_amount_in_edit_sets_that_many_db_not_the_default_amounts_half(tmp_path, capsys, m, flat_preset):
    out_path = tmp_path / "out.json"
    code, _, err = _run(capsys, "edit", flat_preset, "--more", "bass +3dB", "-o", out_path, "--quiet")
    assert code == 0, err
    whole, half = m.edit(EQ.flat(), {"bass +3dB": 1.0}), m.edit(EQ.flat(), {"bass +3dB": 0.5})
    assert _edited(out_path) == whole
    gain_db = whole.bands[0].gain_db
    assert abs(gain_db - 3.0) < abs(gain_db - 1.5)  # nearer the 3 dB asked for than to half of it
    assert half.bands[0].gain_db < gain_db
    assert json.loads(out_path.read_text())["weights"] == {"bass +3dB": 1.0}


def test_words_without_a_db_amount_still_move_by_the_default_half_step(tmp_path, capsys, m, flat_preset):
    out_path = tmp_path / "out.json"
    code, _, err = _run(capsys, "edit", flat_preset, "--more", "bass -3dB", "--more", "bright", "-o", out_path,
                        "--quiet")
    assert code == 0, err
    assert _edited(out_path) == m.edit(EQ.flat(), {"bass -3dB": 1.0, "bright": 0.5})


def test_less_with_an_unsigned_db_amount_cuts_that_many_db(tmp_path, capsys, m, flat_preset):
    out_path = tmp_path / "out.json"
    code, _, err = _run(capsys, "edit", flat_preset, "--less", "bass 3dB", "-o", out_path, "--quiet")
    assert code == 0, err
    assert _edited(out_path) == m.edit(EQ.flat(), {"bass 3dB": -1.0}) and _edited(out_path).bands[0].gain_db < 0


@pytest.mark.parametrize("text,more,less", [("bass -3dB", "bass -3dB", "bass 3dB"),
                                            ("Bass +3 dB", "Bass -3 dB", "Bass 3 dB"),
                                            ("low cut -6dB", "low cut +6dB", "low cut 6dB")])
def test_less_with_a_signed_db_amount_is_refused_saying_what_to_write(tmp_path, capsys, flat_preset, text, more,
                                                                      less):
    # A trial: --less "bass -3dB" --amount 1 boosted the bass 2.7 dB, a double negative said nowhere.
    assert band_word("low cut").moves[0].gain_db < 0 < band_word("bass").moves[0].gain_db
    out_path = tmp_path / "out.txt"
    code, out, err = _run(capsys, "edit", flat_preset, "--less", text, "-o", out_path)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"--less={text!r} is not allowed" in err and f"--more {more!r} or --less {less!r}" in err
    assert not out_path.exists()


def test_less_with_a_text_that_already_cuts_is_refused(tmp_path, capsys, flat_preset):
    code, _, err = _run(capsys, "edit", flat_preset, "--less", "cut bass by 3 dB", "-o", tmp_path / "out.txt")
    assert code == 2 and "--less='cut bass by 3 dB' is not allowed" in err and "write --more 'cut bass by 3 dB'" in err
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("amount", ["1", "0.5"])
def test_an_explicit_amount_beside_a_db_amount_is_refused(tmp_path, capsys, flat_preset, amount):
    code, _, err = _run(capsys, "edit", flat_preset, "--more", "warm", "--more", "bass +3dB", "--amount", amount,
                        "-o", tmp_path / "out.txt")
    assert code == 2 and f"--amount={float(amount)!r} is not allowed" in err and "'bass +3dB'" in err
    assert not (tmp_path / "out.txt").exists()


def test_edit_help_states_the_amount_range_that_is_enforced(tmp_path, capsys, flat_preset):
    from eqmorph.cli.edit_amounts import MAX_AMOUNT
    from eqmorph.semantic.path import MAX_INTENSITY

    assert MAX_AMOUNT == MAX_INTENSITY
    with pytest.raises(SystemExit):
        cli.main(["edit", "--help"])
    assert f"(0, {MAX_INTENSITY:g}]" in " ".join(capsys.readouterr().out.split())
    code, _, err = _run(capsys, "edit", flat_preset, "--more", "warm", "--amount", "5")
    assert code == 2 and f"--amount=5.0 is not allowed: expected a number in (0, {MAX_INTENSITY:g}]" in err
    code, _, err = _run(capsys, "edit", flat_preset, "--more", "warm", "--amount", str(MAX_INTENSITY), "--quiet")
    assert code == 0, err


# --- 3. describing a match ------------------------------------------------------------------------------------------
# A boost of the low half whose level is part of how it reads (not mostly a gain: describe.level_only_db, which
# judges a gain by its shape whatever the describer; the +6 dB of every band this test used is now such a gain).
BROAD_BOOST = EQ.from_array([[6.0, 200.0, 0.7], [6.0, 400.0, 0.7], [3.0, 1500.0, 0.5], [0.0, 5000.0, 0.7],
                             [0.0, 6000.0, 0.7]])


@pytest.mark.parametrize("name", ["m.json", "m.txt", "m GraphicEQ.txt", "m.csv"])
def test_a_preset_a_match_wrote_is_described_level_free_and_says_why(tmp_path, capsys, m, name):
    path = tmp_path / name
    save_preset(path, BROAD_BOOST, input="song.wav", reference="ref.wav", amount=1.0, model_id=m.model_id)
    eq = eqmorph.io.presets.import_preset(path).eq
    level_free = m.describe_text(eq, level_free=True, language="en")
    assert level_free != m.describe_text(eq, language="en")  # the test can tell the two apart
    code, out, err = _run(capsys, "describe", path)
    lines = out.splitlines()
    # A GraphicEQ curve is fitted into the layout, and describe says so as import does (a later trial)
    assert code == 0 and (err.startswith("eqmorph describe: fitted 1 GraphicEQ curve") if "GraphicEQ" in name
                          else err == "")
    assert lines[0] == f"{path}: sounds like {level_free}"
    assert lines[1].startswith("judged on its shape alone, level-free: the preset is a match of song.wav to ref.wav")
    code, out, _ = _run(capsys, "describe", path, "--json")
    doc = json.loads(out)
    assert doc["phrase"] == level_free and doc["level_free"] is True and "match of" in doc["level_free_because"]


def test_level_free_is_an_option_for_any_preset_and_off_unless_asked(tmp_path, capsys, m):
    path = tmp_path / "boost.csv"
    save_preset(path, BROAD_BOOST)  # nothing said of how it was made (no eqmorph row): judged whole
    code, out, _ = _run(capsys, "describe", path)
    assert code == 0 and out.splitlines()[0].endswith(m.describe_text(BROAD_BOOST, language="en"))
    assert "level-free" not in out
    code, out, _ = _run(capsys, "describe", path, "--level-free")
    lines = out.splitlines()
    assert code == 0 and lines[0].endswith(m.describe_text(BROAD_BOOST, level_free=True, language="en"))
    assert lines[1] == "judged on its shape alone, level-free: --level-free leaves out the EQ's overall level"


def test_describe_of_what_match_wrote_knows_it_is_a_match_in_every_format_and_says_the_same(pair, capsys):
    # A new-user trial: the match as CSV read "very loud, very thin, boomy", as APO "much more low mids, very noisy".
    song, reference = pair
    said = {}
    for name in ("m.json", "m.txt", "m.csv"):
        code, _, err = _run(capsys, "match", song, reference, "-o", song.parent / name)
        assert code == 0, err
        code, out, _ = _run(capsys, "describe", song.parent / name)
        assert code == 0 and "level-free: the preset is a match of song.wav to reference.wav" in out
        said[name] = out.replace(str(song.parent / name), "PRESET")
    assert said["m.json"] == said["m.txt"] == said["m.csv"]


# --- 4. a dB amount typed without quotes ----------------------------------------------------------------------------
@pytest.mark.parametrize("argv,suggested", [
    (["generate", "bass", "-3dB"], 'eqmorph generate "bass -3dB"'),
    (["generate", "cut", "the", "bass", "-3dB", "--quiet"], 'eqmorph generate "cut the bass -3dB" --quiet'),
    (["generate", "-3dB", "bass"], 'eqmorph generate "-3dB bass"'),
    (["edit", "pre.txt", "--more", "bass", "-3dB"], 'eqmorph edit pre.txt --more "bass -3dB"'),
    (["edit", "pre.txt", "--more", "bass", "+2.5db"], 'eqmorph edit pre.txt --more "bass +2.5db"'),
    (["edit", "pre.txt", "--less", "bass", "-3", "dB"], 'eqmorph edit pre.txt --less "bass -3 dB"'),
    (["edit", "pre.txt", "--more", "bass", "-3"], 'eqmorph edit pre.txt --more "bass -3"'),
])
def test_an_unquoted_db_amount_is_answered_with_the_phrase_quoted(capsys, argv, suggested):
    code, err = _exit(capsys, *argv)
    assert code == 2 and "unrecognized arguments: " in err
    assert err.rstrip().endswith(f"quote the phrase, {suggested}")


def test_a_lone_unquoted_db_amount_says_it_goes_beside_a_studio_term(capsys):
    code, err = _exit(capsys, "generate", "-3dB")
    assert code == 2 and "unrecognized arguments: -3dB" in err and '"bass -3dB"' in err and "is required" not in err


def test_other_unrecognized_arguments_get_no_db_hint(capsys):
    code, err = _exit(capsys, "describe", "x.txt", "-k", "0")
    assert code == 2 and "unrecognized arguments: -k 0" in err and "dB" not in err


@pytest.mark.parametrize("argv", [["describe", "p.json", "-3dB"], ["match", "a.wav", "b.wav", "-3dB"],
                                  ["blend", "warm", "-3dB"]])
def test_a_db_amount_beside_no_phrase_gets_no_command_to_copy(capsys, argv):
    # A review: the hint quoted a file with the amount ('eqmorph describe "p.json -3dB"') or blend's WORD=WEIGHT.
    code, err = _exit(capsys, *argv)
    assert code == 2 and "quote the phrase" not in err and '"bass -3dB"' in err
