"""A new user's trial of the command line (trial 11): a fast apply, double negatives in ``edit --less``, edit's two
lines about one move, an audio file given as a preset, and silence under auto gain."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf

from eqmorph import EQ, cli
from eqmorph.io.presets import save_preset

SR = 44100


@pytest.fixture
def flat_preset(tmp_path):
    path = tmp_path / "pre.txt"
    save_preset(path, EQ.flat())
    return path


@pytest.fixture
def recording(tmp_path):
    path = tmp_path / "piano.wav"
    t = np.arange(SR // 4) / SR
    sf.write(path, 0.1 * np.sin(2 * np.pi * 440.0 * t)[:, None] * [1.0, 0.8], SR, subtype="PCM_16")
    return path


@pytest.fixture
def silence(tmp_path):
    path = tmp_path / "silence.wav"
    sf.write(path, np.zeros((SR // 4, 2)), SR, subtype="PCM_16")
    return path


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- 1. apply and match --apply never import scipy.signal ---------------------------------------------------------
@pytest.mark.parametrize("command", [["apply", "{a}", "{out}", "--word", "warm", "-q"],
                                     ["match", "{a}", "{b}", "--apply", "{out}", "-q"]])
def test_apply_and_match_apply_write_the_audio_without_importing_scipy_signal(tmp_path, pair, command):
    song, reference = pair
    out = tmp_path / "out.wav"
    argv = [a.format(a=song, b=reference, out=out) for a in command]
    probe = (f"import sys\nfrom eqmorph import cli\ncode = cli.main({argv!r})\n"
             "print('probe:', code, 'scipy.signal' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "probe: 0 False", result.stderr
    assert sf.info(out).frames == sf.info(song).frames


# --- 2. --less with a text that already asks against its words -----------------------------------------------------
@pytest.mark.parametrize("text,plain,more", [("less muddy", "--less muddy", "--more muddy"),
                                             ("not bright", "--less bright", "--more bright"),
                                             ("sin barro", "--less barro", "--more barro")])
def test_less_with_a_text_that_already_asks_against_its_words_is_refused_saying_what_to_write(
        tmp_path, capsys, flat_preset, text, plain, more):
    out_path = tmp_path / "out.json"
    code, out, err = _run(capsys, "edit", flat_preset, "--less", text, "-o", out_path)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert f"--less={text!r} is not allowed" in err and "double negative" in err
    assert f"write {plain} or --more {text!r} ({more} if more is what you meant)" in err
    assert not out_path.exists()


def test_less_with_a_negated_text_keeping_a_region_suggests_only_more_with_the_text(capsys, flat_preset):
    code, _, err = _run(capsys, "edit", flat_preset, "--less", "less boomy low end")
    assert code == 2 and err.rstrip().endswith("write --more 'less boomy low end'"), err


@pytest.mark.parametrize("text", ["rough", "less muddy, more warm", "bass 3dB", "muddy"])
def test_less_with_a_text_that_asks_for_something_still_moves_away_from_it(capsys, flat_preset, text):
    # "rough" is read as smooth x -1 (an antonym): its weight is negative, but the text asks for rough.
    code, _, err = _run(capsys, "edit", flat_preset, "--less", text, "--format", "table")
    assert code == 0, err


# --- 3. edit's stderr line and its weights line agree ---------------------------------------------------------------
@pytest.mark.parametrize("option,text,weight,words", [
    ("--more", "bass +3dB", "1", "bass x 0.5"),
    ("--more", "warm but not muddy", "0.5", "warm x 0.25, muddy x -0.25"),
    ("--more", "less muddy", "0.5", "muddy x -0.5"),
    ("--less", "bass 3dB", "-1", "bass x -0.5"),
])
def test_edit_says_each_text_with_the_weight_its_preset_records_and_the_words_that_weight_moves(
        capsys, flat_preset, option, text, weight, words):
    code, out, err = _run(capsys, "edit", flat_preset, option, text, "--format", "table")
    assert code == 0, err
    assert f"weights: {text}={weight}\n" in out
    assert err.startswith(f"{text}={weight} -> {words}"), err


def test_a_plain_word_in_edit_still_prints_no_interpretation(capsys, flat_preset):
    code, out, err = _run(capsys, "edit", flat_preset, "--more", "warm", "--format", "table")
    assert code == 0 and err == "" and "weights: warm=0.5\n" in out


# --- 4. an audio file given as a preset ---------------------------------------------------------------------------
def test_apply_with_a_recording_as_its_preset_says_to_use_word_or_match_not_apply(tmp_path, capsys, recording,
                                                                                   silence):
    out_path = tmp_path / "o.wav"
    code, out, err = _run(capsys, "apply", silence, out_path, "--preset", recording)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert "EQ.process" not in err and "'eqmorph apply" not in err
    assert "is a WAV audio file, not a preset" in err and "eqmorph generate WORD -o FILE" in err
    assert "give --word WORD instead of --preset" in err
    assert f"eqmorph match {silence} {recording} --apply {out_path}" in err
    assert not out_path.exists()


def test_describe_of_a_recording_says_how_to_put_a_recording_in_words(capsys, recording):
    code, out, err = _run(capsys, "describe", recording)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert "EQ.process" not in err and "eqmorph apply" not in err
    assert f"run eqmorph match {recording} REFERENCE" in err


# --- 5. silence under auto gain -------------------------------------------------------------------------------------
@pytest.mark.parametrize("flags, auto_gain", [([], True), (["--auto-gain"], True), (["--no-auto-gain"], False)])
def test_apply_to_digital_silence_says_so_and_never_prints_minus_infinity(tmp_path, capsys, silence, flags, auto_gain):
    code, out, err = _run(capsys, "apply", silence, tmp_path / "o.wav", "--word", "warm", *flags)
    assert code == 0, err
    assert "inf" not in out + err
    (line,) = [line for line in out.splitlines() if line.startswith("output:")]
    assert "the input is digital silence (every sample is 0)" in line
    assert ("no auto gain" in line) == auto_gain


def test_apply_to_sound_still_reports_its_peak_in_dbfs(tmp_path, capsys, recording):
    code, out, err = _run(capsys, "apply", recording, tmp_path / "o.wav", "--word", "warm", "--auto-gain")
    assert code == 0, err
    assert re.search(r"^output: [+-]\d+\.\d dB auto gain .*, peak [+-]\d+\.\d dBFS$", out, flags=re.MULTILINE), out


@pytest.mark.parametrize("word", ["hello", "misd", "glue"])  # "presense" is read as presence now
def test_no_open_vocab_hint_for_a_word_the_open_vocabulary_refuses_too(capsys, word):
    # a trial: 'generate hello' said "or add --open-vocab", and with it the same refusal came back
    code, _, err = _run(capsys, "generate", word)
    assert code == 2 and "open-vocab" not in err
    code, _, _ = _run(capsys, "generate", word, "--open-vocab")
    assert code == 2


def test_an_unknown_word_still_hints_the_open_vocabulary(capsys):
    code, _, err = _run(capsys, "generate", "blorptastic")
    assert code == 2 and "add --open-vocab" in err


@pytest.mark.parametrize("suffix", [".txt", ".json"])
def test_an_edited_match_is_still_described_level_free(tmp_path, capsys, pair, suffix):
    # a trial: after 'edit match.txt --more warm', describe judged the level too and said "a bit bright"
    song, reference = pair
    matched, edited = tmp_path / f"m{suffix}", tmp_path / f"e{suffix}"
    assert _run(capsys, "match", song, reference, "-o", matched, "-q")[0] == 0
    assert _run(capsys, "edit", matched, "--more", "warm", "-o", edited, "-q")[0] == 0
    code, out, _ = _run(capsys, "describe", edited)
    assert code == 0 and f"level-free: the preset is a match of {song.name} to {reference.name}" in out
