"""``eqmorph match INPUT REFERENCE``: the EQ, what it means in words, the preset and the processed file; bad input."""

import numpy as np
import pytest
import soundfile as sf
from match_signals import BRIGHTER, pink_noise

from eqmorph import cli
from eqmorph.io.presets import load_preset

SR = 44100


def _run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_match_applies_writes_and_says_what_changed(pair, tmp_path, capsys):
    song, ref = pair
    before = song.read_bytes()
    code, out, err = _run(["match", song, ref, "--apply", tmp_path / "out.wav", "-o", tmp_path / "m.json",
                           "--quiet"], capsys)
    assert code == 0, err
    assert out.startswith("the reference is ") and "(fit error" in out
    assert f"wrote {tmp_path / 'out.wav'}" in out and f"wrote {tmp_path / 'm.json'}" in out
    matched = load_preset(tmp_path / "m.json")
    freqs = np.geomspace(40, 16000, 64)
    diff = matched.response_db(freqs, SR) - BRIGHTER.response_db(freqs, SR)
    assert np.sqrt(np.mean((diff - diff.mean()) ** 2)) < 0.5
    processed, rate = sf.read(tmp_path / "out.wav")
    assert rate == SR and processed.shape == sf.read(song)[0].shape
    assert song.read_bytes() == before


def test_match_prints_the_eq_table_and_the_words(pair, capsys):
    code, out, _ = _run(["match", *pair, "--amount", "0.5"], capsys)
    assert code == 0
    assert "the reference is " in out and "high_shelf" in out


def test_machine_readable_format_keeps_stdout_clean(pair, capsys):
    code, out, err = _run(["match", *pair, "--format", "csv"], capsys)
    assert code == 0 and out.startswith("name,") and "the reference is" in err


def test_silent_reference_is_named_and_nothing_is_written(pair, tmp_path, capsys):
    sf.write(tmp_path / "silence.wav", np.zeros((SR, 2)), SR)
    code, out, err = _run(["match", pair[0], tmp_path / "silence.wav", "--apply", tmp_path / "out.wav"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("eqmorph match: error: the reference") and "silent" in err and err.count("\n") == 1
    assert not (tmp_path / "out.wav").exists()


def test_short_clip_is_refused(pair, tmp_path, capsys):
    sf.write(tmp_path / "short.wav", pink_noise(0.3), SR)
    code, _, err = _run(["match", tmp_path / "short.wav", pair[1]], capsys)
    assert code == 2 and "the input" in err and "0.5 s" in err


def test_output_over_an_input_is_refused_before_any_work(pair, tmp_path, capsys):
    song, ref = pair
    before = ref.read_bytes()
    code, _, err = _run(["match", song, ref, "--apply", ref], capsys)
    assert code == 2 and "--apply=" in err and f"different from REFERENCE {str(ref)!r}" in err  # file and option
    assert ref.read_bytes() == before
    code, _, err = _run(["match", song, ref, "-o", song], capsys)
    assert code == 2 and "-o=" in err
    code, _, err = _run(["match", song, ref, "--apply", tmp_path / "no such folder" / "out.wav"], capsys)
    assert code == 2 and "--apply=" in err and "existing folder" in err


@pytest.mark.parametrize("argv_tail,expected", [
    (["--amount", "3"], "amount"),
    (["--apply", "x.mp4"], "--apply='x.mp4' is not allowed: expected an audio file name"),
    (["--auto-gain"], "--auto-gain sets the level of the file --apply writes, and no --apply AUDIO_OUT was given"),
    (["--no-auto-gain"], "--no-auto-gain sets the level of the file --apply writes, and no --apply AUDIO_OUT")])
def test_bad_options_are_refused(pair, tmp_path, capsys, argv_tail, expected):
    code, _, err = _run(["match", *pair, *argv_tail], capsys)
    assert code == 2 and expected in err and "=True" not in err


def test_missing_file_and_non_audio_are_refused(pair, tmp_path, capsys):
    (tmp_path / "notes.wav").write_text("not audio")
    for bad in (tmp_path / "missing.wav", tmp_path / "notes.wav"):
        code, out, err = _run(["match", pair[0], bad], capsys)
        assert code == 2 and out == "" and "the reference" in err and "Traceback" not in err


def test_the_matched_file_is_about_as_loud_as_its_input_unless_no_auto_gain_is_asked(tmp_path, capsys):
    # A dull input matched to a bright reference: the level-neutral EQ cuts the lows where the input's energy is;
    # auto gain (on by default for a match: a new-user trial's matched file clipped at +5.3 dBFS) undoes that level
    # change (it used to lower the file by the largest boost, in the treble); --no-auto-gain leaves it.
    from scipy.signal import butter, sosfilt

    noise = pink_noise(2.0, seed=3)
    dull = sosfilt(butter(2, 300.0, fs=SR, output="sos"), noise, axis=0)
    dull *= 0.3 / np.abs(dull).max()
    sf.write(tmp_path / "dull.wav", dull, SR, subtype="FLOAT")
    sf.write(tmp_path / "bright.wav", noise, SR, subtype="FLOAT")

    def level_db(path):
        x = sf.read(path)[0]
        return 10.0 * np.log10(np.mean(x**2))

    for k, flag in enumerate(([], ["--auto-gain"], ["--no-auto-gain"])):
        out = tmp_path / f"out{k}.wav"
        code, _, err = _run(["match", tmp_path / "dull.wav", tmp_path / "bright.wav", "--apply", out, "--quiet",
                             *flag], capsys)
        assert code == 0, err
        change_db = level_db(out) - level_db(tmp_path / "dull.wav")
        assert (abs(change_db) > 3.0) if flag == ["--no-auto-gain"] else (abs(change_db) < 0.5)
        assert ("drop --no-auto-gain to keep INPUT's loudness" in err) == (flag == ["--no-auto-gain"])


@pytest.mark.parametrize("extra", [[], ["--no-auto-gain"]])
def test_json_on_stdout_stays_parseable_when_a_file_is_applied(pair, tmp_path, capsys, extra):
    # A review: the auto gain line and "wrote OUT" followed the JSON on stdout ("Extra data: line 58").
    import json

    out_wav = tmp_path / "out.wav"
    code, out, err = _run(["match", *pair, "--format", "json", "--apply", out_wav, *extra], capsys)
    assert code == 0 and json.loads(out)["bands"] and out_wav.exists()
    assert f"wrote {out_wav}" in err and "the reference is" in err
    assert any(line.startswith(f"{out_wav}: ") for line in err.splitlines()) == (not extra)  # the auto gain line


@pytest.mark.parametrize("amount,said", [(0.5, "--amount 0.5 applies half of it"),
                                         (2.0, "--amount 2 applies twice as much"),
                                         (1.5, "--amount 1.5 applies 1.5 times as much")])
def test_the_amount_is_said_as_a_share_of_the_difference(amount, said):
    from eqmorph.cli.match import amount_text

    assert amount_text(amount) == said
