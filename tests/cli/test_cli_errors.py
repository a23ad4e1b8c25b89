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
    # A long option is named as an option (before argparse asks for required ones); other leftovers as arguments.
    said = f"unrecognized option {unknown}" if unknown.startswith("--") else f"unrecognized arguments: {unknown}"
    assert err.splitlines()[-1] == f"{command}: error: {said}"


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


@pytest.mark.parametrize("argv, named", [
    (["apply", "{folder}", "o.wav", "--word", "warm"], "IN="),
    (["match", "{folder}", "{ref}"], "INPUT="),
    (["match", "{song}", "{folder}"], "REFERENCE="),
    (["describe", "{folder}"], "PRESET="),
    (["import", "{folder}"], "PRESET="),
    (["edit", "{folder}", "--more", "warm"], "PRESET="),
])
def test_a_folder_given_as_an_input_file_is_called_a_folder(capsys, files, tmp_path, argv, named):
    folder = tmp_path / "somefolder"
    folder.mkdir()
    code, out, err = _run(capsys, *(a.format(folder=folder, **files) for a in argv))
    assert code == 2 and out == ""
    assert f"{named}{str(folder)!r}" in err and "not a folder" in err and "no such file" not in err, err


def test_a_negative_seed_is_refused_in_terms_the_command_line_accepts(capsys):
    code, out, err = _run(capsys, "sample", "warm", "--seed", "-1")
    assert code == 2 and out == ""
    assert "--seed=-1" in err and "an integer >= 0, or leave --seed out for a random seed" in err
    assert "None" not in err


@pytest.mark.parametrize("more, less", [
    ("bright", "bright"),
    ("Bright", "brighter"),  # the same word, told apart only by case and inflection
])
def test_edit_refuses_the_same_word_with_more_and_less(capsys, files, more, less):
    code, out, err = _run(capsys, "edit", files["preset"], "--more", more, "--less", less)
    assert code == 2 and out == ""
    assert f"--more {more!r}" in err and f"--less {less!r}" in err and "bright both ways" in err, err
    assert err.count("\n") == 1
    code, _, err = _run(capsys, "edit", files["preset"], "--less", less, "--more", more)  # either order
    assert code == 2 and "bright both ways" in err


def test_edit_refuses_a_word_asked_for_both_ways_within_one_option(capsys, files):
    code, out, err = _run(capsys, "edit", files["preset"], "--more", "muddy", "--more", "less muddy")
    assert code == 2 and out == ""
    assert "--more 'muddy' and --more 'less muddy' ask for muddy both ways" in err


def test_edit_counts_a_word_repeated_in_one_direction_once_as_the_phrase_grammar_does(capsys, files):
    grammar = eqmorph.load().parse("more bright, more brighter").weights
    assert grammar == eqmorph.load().parse("more bright").weights  # the rule the CLI follows
    once = _run(capsys, "edit", files["preset"], "--more", "bright", "--format", "csv", "--quiet")
    for repeated in (["--more", "bright", "--more", "bright"], ["--more", "bright", "--more", "brighter"]):
        code, out, err = _run(capsys, "edit", files["preset"], *repeated, "--format", "csv", "--quiet")
        assert (code, out) == once[:2], (repeated, err)
    code, out, _ = _run(capsys, "edit", files["preset"], "--more", "bright", "--more", "Brighter")
    assert code == 0 and "weights: bright=0.5\n" in out


@pytest.mark.parametrize("argv, typo, suggestion", [
    (["apply", "IN.wav", "OUT.wav", "--wrod", "warm"], "--wrod", "--word"),
    (["generate", "warm", "--formt", "json"], "--formt", "--format"),
    (["generate", "warm", "--zzzz"], "--zzzz", None)])
def test_a_mistyped_option_is_named_before_any_required_option_is_asked_for(capsys, argv, typo, suggestion):
    # A trial: "apply IN OUT --wrod warm" said "one of the arguments --word --preset is required".
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and f"unrecognized option {typo}" in err and "is required" not in err
    assert (f"did you mean {suggestion}?" in err) if suggestion else "did you mean" not in err
    assert err.splitlines()[0].startswith(f"usage: eqmorph {argv[0]}")


def test_an_unambiguous_prefix_of_an_option_and_text_after_double_dash_are_not_refused_as_unknown(capsys):
    code, out, _ = _run(capsys, "generate", "warm", "--inten", "0.5", "--format", "json")
    assert code == 0 and '"intensity": 0.5' in out
