"""What a new user typing the README's commands (and their own typos) meets, with the bundled model."""

import numpy as np
import pytest
import soundfile as sf

from eqmorph import EQ
from eqmorph.cli import build_parser, main
from eqmorph.io.presets import save_preset

SR = 44100


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def flat_preset(tmp_path):
    path = tmp_path / "flat.txt"
    save_preset(path, EQ.flat())
    return path


@pytest.mark.parametrize("argv", [["generate", "warm"], ["blend", "warm=1"], ["plot", "warm"]])
def test_an_empty_output_name_is_refused_not_read_as_no_output(capsys, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)  # plot would otherwise write warm.png here
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "-o", ""])
    out, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert "argument -o/--output: expected a file name, not ''" in err
    assert out == "" and list(tmp_path.iterdir()) == []


def test_an_unknown_word_points_to_the_open_vocabulary(capsys):
    code, out, err = _run(capsys, "generate", "velvety")
    assert code == 2 and out == ""
    assert err.startswith("eqmorph generate: error: unknown word 'velvety'")
    assert "add --open-vocab" in err


@pytest.mark.parametrize("command, argv", [
    ("apply", ["in.wav", "out.wav", "--word", "velvety"]),
    ("blend", ["velvety=1"]),
    ("plot", ["velvety"]),
])
def test_every_command_that_reads_words_takes_open_vocab(command, argv):
    args = build_parser(command).parse_args([command, *argv, "--open-vocab"])
    assert args.open_vocab is True


def test_edit_says_how_a_phrase_was_understood_unless_quiet(capsys, flat_preset):
    code, out, err = _run(capsys, "edit", flat_preset, "--more", "a bit bright", "--less", "muddy")
    assert code == 0 and "band" in out
    assert err.splitlines() == ["a bit bright=0.5 -> bright x 0.25"]  # labelled and scaled as its weights: line
    code, out, err = _run(capsys, "edit", flat_preset, "--more", "a bit bright", "--quiet")
    assert code == 0 and err == ""


def test_blend_says_how_a_phrase_was_understood(capsys):
    code, out, err = _run(capsys, "blend", "warm=0.5", "less muddy=0.5", "--format", "apo")
    assert code == 0 and out.startswith("# eqmorph")
    lines = err.splitlines()
    assert lines[0] == "less muddy -> muddy x -1.0"
    # and what else taking muddy away does (a thirteenth new-user trial): nothing more
    assert lines[1:] == [n for n in lines[1:] if n.startswith("eqmorph blend: note: less muddy: the crowds' muddy")]


def test_words_search_with_a_typo_offers_the_words_spelled_like_it(capsys):
    code, out, _ = _run(capsys, "words", "--search", "wram")  # a slip of 5+ letters ("brigth") is read as its word
    assert code == 1
    assert out.startswith("no known word matches 'wram'; closest known words: warm")


def test_match_refuses_a_folder_as_output_before_analysing_the_audio(capsys, tmp_path):
    mix, silent = tmp_path / "mix.wav", tmp_path / "silent.wav"
    sf.write(mix, 0.1 * np.random.default_rng(0).standard_normal(SR), SR)
    sf.write(silent, np.zeros(SR), SR)  # analysing it would fail with "silent"
    folder = tmp_path / "presets"
    folder.mkdir()
    code, _, err = _run(capsys, "match", mix, silent, "-o", folder)
    assert code == 2 and "not a folder" in err and "silent" not in err


def test_an_unquoted_phrase_is_read_as_the_phrase(capsys):
    code, out, err = _run(capsys, "generate", "a", "bit", "brighter", "--format", "json")
    quoted = _run(capsys, "generate", "a bit brighter", "--format", "json")
    assert code == 0 and (code, out, err) == quoted
    assert err.splitlines() == ["a bit brighter -> bright x 0.5 (brighter: inflection of bright)"]
