"""What a CLI new-user trial (2026-12-04) tripped on: a file's name where a word goes, a set of numbered outputs left
half written, an empty audio file said to be of an unknown format."""

import numpy as np
import pytest
import soundfile as sf
from tests.cli_runner import run_cli


@pytest.fixture
def song(tmp_path):
    path = tmp_path / "song.wav"
    sf.write(path, 0.1 * np.random.default_rng(0).standard_normal((44100, 2)), 44100)
    return path


@pytest.mark.parametrize("argv, option, kind", [
    (["generate", "warmer.txt"], "WORD", "a preset file"),
    (["plot", "warm", "--to", "song.wav"], "--to", "an audio file"),
    (["morph", "warm", "bright.json"], "B", "a preset file"), (["sample", "warm.csv"], "WORD", "a preset file")])
def test_a_files_name_given_as_a_word_is_refused(capsys, argv, option, kind):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""  # read as "warmer" with "txt" ignored: warm's EQ, exit 0
    assert f"argument {option}: '{argv[-1]}' names {kind}, not a word or phrase" in err


def test_apply_refuses_a_preset_given_as_its_word_and_writes_nothing(capsys, tmp_path, song, tiny_model_dir):
    code, _, err = run_cli(capsys, "apply", song, tmp_path / "out.wav", "--word", "warmer.txt",
                           "--model", tiny_model_dir)
    assert code == 2 and "'eqmorph apply --preset'" in err and not (tmp_path / "out.wav").exists()


def test_sample_writes_its_numbered_files_all_or_none(capsys, tmp_path, tiny_model_dir):
    (tmp_path / "p-3.txt").mkdir()  # the third name cannot be written
    code, _, err = run_cli(capsys, "sample", "warm", "-n", "5", "--seed", "2", "-o", tmp_path / "p.txt",
                        "--model", tiny_model_dir)
    assert code == 2 and "p-3.txt" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p-3.txt"]  # p-1 and p-2 had been written


def test_an_empty_audio_file_is_said_to_be_empty(capsys, tmp_path, tiny_model_dir):
    (tmp_path / "empty.wav").write_bytes(b"")
    code, _, err = run_cli(capsys, "apply", tmp_path / "empty.wav", tmp_path / "out.wav", "--word", "warm",
                        "--model", tiny_model_dir)
    assert code == 2 and "the file is empty (0 bytes)" in err  # "Format not recognised"


@pytest.mark.parametrize("argv, left", [(["morph", "a", "bit", "warm", "bright"], "warm bright"),
                                        (["apply", "in.wav", "out.wav", "--word", "a", "bit", "warm"], "bit warm")])
def test_an_unquoted_phrase_is_told_to_go_in_quotes(capsys, argv, left):
    code, _, err = run_cli(capsys, *argv)
    assert code == 2 and f"unrecognized arguments: {left}; a phrase of several words goes in quotes" in err
