"""Trial 12 on the command line: match checks every output before its analysis and a failed run leaves no output
of its own behind; apply keeps a replaced file's permissions and refuses a read-only one."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest
import soundfile as sf

from eqmorph import cli
from eqmorph.errors import EqmorphError


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch):
    """A folder on a read-only mount, simulated: tests run as root, whom permission bits do not stop."""
    rom = tmp_path / "rom"
    rom.mkdir()
    mkstemp = tempfile.mkstemp

    def refuse_in_rom(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == rom:
            raise OSError(errno.EROFS, "Read-only file system")
        return mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse_in_rom)
    return rom


@pytest.fixture
def no_analysis(monkeypatch):
    """Fail the test if match analyses the recordings."""
    def analyse(*args, **kwargs):
        raise AssertionError("the recordings were analysed")

    monkeypatch.setattr("eqmorph.semantic.match.match_files", analyse)


@pytest.mark.parametrize("unwritable", ["--apply", "-o"])
def test_match_refuses_an_output_in_a_read_only_folder_before_the_analysis_and_writes_nothing(
        pair, tmp_path, read_only_folder, no_analysis, unwritable, capsys):
    outputs = {"--apply": tmp_path / "m.wav", "-o": tmp_path / "m.txt"}
    outputs[unwritable] = read_only_folder / outputs[unwritable].name
    code, out, err = _run(capsys, "match", *pair, "--apply", outputs["--apply"], "-o", outputs["-o"], "--quiet")
    assert (code, out) == (2, "")
    assert err == f"eqmorph match: error: cannot write {str(outputs[unwritable])!r}: Read-only file system\n"
    assert sorted(os.listdir(tmp_path)) == ["reference.wav", "rom", "song.wav"] and os.listdir(read_only_folder) == []


def test_match_refuses_a_read_only_apply_file_before_the_analysis(pair, tmp_path, no_analysis, capsys):
    locked = tmp_path / "m.wav"
    locked.write_bytes(b"kept")
    locked.chmod(0o444)
    code, out, err = _run(capsys, "match", *pair, "--apply", locked, "-o", tmp_path / "m.txt", "--quiet")
    assert (code, out) == (2, "") and "it is read-only (mode 0444)" in err
    assert locked.read_bytes() == b"kept" and not (tmp_path / "m.txt").exists()


@pytest.fixture
def disk_fills_up(monkeypatch):
    """The audio write fails half-way, after every check before the analysis passed."""
    def no_space(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sf.SoundFile, "write", no_space)


def test_a_match_whose_audio_fails_leaves_no_preset_of_its_own(pair, tmp_path, disk_fills_up, capsys):
    code, out, err = _run(capsys, "match", *pair, "--apply", tmp_path / "m.wav", "-o", tmp_path / "m.txt", "--quiet")
    assert code == 2 and "No space left on device" in err and "wrote" not in out
    assert sorted(os.listdir(tmp_path)) == ["reference.wav", "song.wav"]


def test_a_match_whose_audio_fails_leaves_an_earlier_preset_as_it_was(pair, tmp_path, disk_fills_up, capsys):
    (tmp_path / "m.txt").write_text("an earlier run's preset")
    code, _, err = _run(capsys, "match", *pair, "--apply", tmp_path / "m.wav", "-o", tmp_path / "m.txt", "--quiet")
    assert code == 2 and "No space left on device" in err
    assert (tmp_path / "m.txt").read_text() == "an earlier run's preset" and not (tmp_path / "m.wav").exists()


@pytest.fixture
def preset_write_fails(monkeypatch):
    """The preset write fails after the audio was written (its folder filled up meanwhile)."""
    def no_space(path, *args, **kwargs):
        raise EqmorphError(f"cannot write {str(path)!r}: No space left on device")

    monkeypatch.setattr("eqmorph.io.presets.save_preset", no_space)


def test_a_match_whose_preset_fails_takes_back_the_audio_it_wrote(pair, tmp_path, preset_write_fails, capsys):
    code, out, err = _run(capsys, "match", *pair, "--apply", tmp_path / "m.wav", "-o", tmp_path / "m.txt", "--quiet")
    assert code == 2 and "No space left on device" in err and "wrote" not in out
    assert sorted(os.listdir(tmp_path)) == ["reference.wav", "song.wav"]


def test_a_match_whose_preset_fails_never_removes_an_audio_file_that_was_there(pair, tmp_path, preset_write_fails,
                                                                                capsys):
    (tmp_path / "m.wav").write_bytes(b"an earlier run's audio")
    code, _, _ = _run(capsys, "match", *pair, "--apply", tmp_path / "m.wav", "-o", tmp_path / "m.txt", "--quiet")
    assert code == 2 and (tmp_path / "m.wav").exists()


def test_apply_over_an_output_keeps_its_permission_bits(tones_wav, tmp_path, capsys):
    src, _ = tones_wav
    out = tmp_path / "out.wav"
    out.write_bytes(b"old")
    out.chmod(0o640)
    code, stdout, err = _run(capsys, "apply", src, out, "--word", "warm")
    assert code == 0, err
    assert f"overwrote {out}" in stdout and stat.S_IMODE(out.stat().st_mode) == 0o640 and sf.info(out).frames > 0


def test_apply_refuses_a_read_only_output_before_any_work_and_leaves_it_as_it_was(tones_wav, tmp_path, monkeypatch,
                                                                                   capsys):
    src, _ = tones_wav
    out = tmp_path / "out.wav"
    out.write_bytes(b"old")
    out.chmod(0o444)

    def load(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr("eqmorph.cli.apply.load_model", load)
    code, stdout, err = _run(capsys, "apply", src, out, "--word", "warm", "--auto-gain")
    assert (code, stdout) == (2, "")
    assert err == (f"eqmorph apply: error: cannot write {str(out)!r}: it is read-only (mode 0444); make it writable "
                   "(chmod u+w) to replace it, or choose another name\n")
    assert out.read_bytes() == b"old" and stat.S_IMODE(out.stat().st_mode) == 0o444


def test_apply_refuses_a_read_only_folder_before_the_preset_is_read(tones_wav, tmp_path, read_only_folder, capsys):
    src, _ = tones_wav
    preset = tmp_path / "p.json"  # missing: read, it would be the error said
    code, stdout, err = _run(capsys, "apply", src, read_only_folder / "out.wav", "--preset", preset)
    assert (code, stdout) == (2, "")
    assert err == f"eqmorph apply: error: cannot write {str(read_only_folder / 'out.wav')!r}: Read-only file system\n"
