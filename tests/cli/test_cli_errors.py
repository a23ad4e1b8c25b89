"""CLI errors in the user's terms: the option they typed, the sub-command's usage (bundled model)."""

import re

import numpy as np
import pytest
import soundfile as sf

import eqmorph
from eqmorph import EQ
from eqmorph.cli import main
from eqmorph.io.presets import from_json, save_preset

SR = 44100
# Names the library's functions give their parameters, which a command-line user never typed.
LIBRARY_NAME = re.compile(r"(?<![-\w])(output|path|text|out_dir|intensity|alpha|n|temperature|amount of '\w+')=")


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path):
    song, ref = tmp_path / "song.wav", tmp_path / "ref.wav"
    sf.write(song, 0.1 * np.random.default_rng(0).standard_normal(SR), SR)
    sf.write(ref, 0.1 * np.random.default_rng(1).standard_normal(SR), SR)
    preset = tmp_path / "start.txt"
    save_preset(preset, EQ.flat())
    return {"song": song, "ref": ref, "preset": preset, "missing": tmp_path / "no-such-folder"}


@pytest.mark.parametrize("argv, named", [
    (["generate", "warm", "-o", "{missing}/w.txt"], "-o='"),
    (["generate", "warm", "--output", "{missing}/w.txt"], "--output='"),
    (["generate", "warm", "--output={missing}/w.txt"], "--output='"),
    (["generate", "warm", "--intensity", "9"], "--intensity=9.0"),
    (["generate", ""], "WORD=''"),
    (["morph", "warm", "bright", "--alpha", "3"], "--alpha=3.0"),
    (["morph", "warm", "", "-o", "x.txt"], "B=''"),
    (["sample", "warm", "-n", "0"], "-n=0"),
    (["sample", "warm", "--temperature", "-1"], "--temperature=-1.0"),
    (["sample", "warm", "-o", "{missing}/s.txt"], "-o='"),
    (["edit", "{preset}", "--less", "bright", "--amount", "99"], "--amount=99.0"),
    (["edit", "{preset}", "--more", "bright", "-o", "{preset}"], "-o='"),
    (["apply", "{song}", "{song}", "--word", "warm"], "OUT='"),
    (["apply", "{song}", "{missing}/o.wav", "--word", "warm"], "OUT='"),
    (["apply", "{song}", "o.wav", "--word", "warm", "--intensity", "9"], "--intensity=9.0"),
    (["match", "{song}", "{ref}", "--apply", "{missing}/o.wav"], "--apply='"),
    (["match", "{song}", "{ref}", "-o", "{missing}/m.txt"], "-o='"),
    (["plot", "warm", "--to", "bright", "--alpha", "3"], "--alpha=3.0"),
    (["figures", "--out", "{missing}/figs"], "--out='"),
    (["words", "--limit", "-1"], "--limit=-1"),
    (["sample", "warm", "--seed", "-1"], "--seed=-1"),  # was a numpy traceback
    (["train", "--seed", "-1", "--out", "{missing}/model"], "--seed=-1"),  # was a numpy traceback
])
def test_an_error_names_the_option_the_user_typed_not_the_librarys_parameter(capsys, files, argv, named):
    code, out, err = _run(capsys, *(a.format(**files) for a in argv))
    assert code == 2
    assert named in err, err
    assert not LIBRARY_NAME.search(err), err
    assert out == ""  # refused before any work: match prints no analysis


def test_the_library_keeps_its_own_parameter_names():
    m = eqmorph.load()
    with pytest.raises(eqmorph.ParameterError) as info:
        m.generate("warm", intensity=9)
    assert info.value.name == "intensity"
    with pytest.raises(eqmorph.ParameterError) as info:
        m.sample("warm", 2, seed=-1)
    assert info.value.name == "seed"


@pytest.mark.parametrize("argv, command, unknown", [
    (["generate", "warm", "--bogus"], "eqmorph generate", "--bogus"),
    (["describe", "x.txt", "-k", "0"], "eqmorph describe", "-k 0"),
    (["data", "stats", "--bogus"], "eqmorph data stats", "--bogus"),
])
def test_an_unknown_option_shows_the_subcommands_usage_and_names_the_option(capsys, argv, command, unknown):
    with pytest.raises(SystemExit) as info:
        main(argv)
    _, err = capsys.readouterr()
    assert info.value.code == 2
    assert err.startswith(f"usage: {command} ")
    assert err.splitlines()[-1] == f"{command}: error: unrecognized arguments: {unknown}"


def test_an_edited_preset_says_what_it_started_from_and_the_edit(capsys, files, tmp_path):
    out = tmp_path / "out.txt"
    code, _, _ = _run(capsys, "edit", files["preset"], "--more", "bright", "--less", "muddy", "--amount", "0.25",
                      "-o", out, "--quiet")
    assert code == 0
    model_id = eqmorph.load().model_id
    assert out.read_text().splitlines()[0] == (
        f"# eqmorph 5-band EQ: edited from start.txt: more bright 0.25, less muddy 0.25; model {model_id}")
    code, _, _ = _run(capsys, "edit", files["preset"], "--more", "bright", "-o", tmp_path / "out.json")
    doc = (tmp_path / "out.json").read_text()
    assert code == 0 and '"start": "start.txt"' in doc and from_json(doc) is not None
