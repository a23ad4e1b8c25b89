"""A failed audio write says the system's reason, as a preset's write does: libsndfile's own text for a full disk
is "System error." (trial 6). The failure is simulated as libsndfile gives it: a LibsndfileError of code 2 (a
failed system call) with the call's errno left in cffi's per-thread errno, where soundfile's C calls keep it."""

from __future__ import annotations

import errno

import numpy as np
import pytest
import soundfile as sf

from eqmorph import EQ
from eqmorph.audio.files import process_file, write_audio
from eqmorph.errors import AudioError

SYSTEM_ERROR = 2  # libsndfile's SFE_SYSTEM


def _disk_full(*args, **kwargs):
    sf._ffi.errno = errno.ENOSPC
    raise sf.LibsndfileError(SYSTEM_ERROR)


def _left_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("name", ["out.wav", "out.flac"])
def test_a_one_shot_write_on_a_full_disk_says_no_space_and_keeps_the_old_file(tmp_path, monkeypatch, name):
    out = tmp_path / name
    out.write_bytes(b"old")
    monkeypatch.setattr(sf, "write", _disk_full)
    with pytest.raises(AudioError, match=rf"^cannot write '.*{name}': No space left on device$"):
        write_audio(out, np.zeros((4410, 2)), 44100)
    assert out.read_bytes() == b"old" and _left_in(tmp_path) == [name]


def test_a_streamed_write_on_a_full_disk_says_no_space_and_keeps_the_old_file(tmp_path, monkeypatch):
    src, out = tmp_path / "in.wav", tmp_path / "out.wav"
    sf.write(src, np.random.default_rng(0).uniform(-0.1, 0.1, (44100, 2)), 44100)
    out.write_bytes(b"old")
    written = []

    def fills_the_disk(self, data):  # the second block finds the disk full, as a long file does
        written.append(len(data))
        if len(written) > 1:
            _disk_full()

    monkeypatch.setattr(sf.SoundFile, "write", fills_the_disk)
    with pytest.raises(AudioError, match=r"^cannot write '.*out\.wav': No space left on device$"):
        process_file(src, out, eq=EQ.flat(), block_frames=8192)
    assert len(written) == 2
    assert out.read_bytes() == b"old" and _left_in(tmp_path) == ["in.wav", "out.wav"]


def test_a_failure_at_close_is_reported_as_a_write_error_and_leaves_nothing(tmp_path, monkeypatch):
    """The last frames and a file's header are written when it closes, where a full disk is found too."""
    src, out = tmp_path / "in.wav", tmp_path / "out.flac"
    sf.write(src, np.zeros((8192, 1)), 44100)
    closing = sf.SoundFile.close

    def close_on_a_full_disk(self):
        was_open = not self.closed  # soundfile closes again when the object goes: that one finds nothing to write
        closing(self)
        if was_open and self.mode == "w":
            _disk_full()

    monkeypatch.setattr(sf.SoundFile, "close", close_on_a_full_disk)
    with pytest.raises(AudioError, match=r"^cannot write '.*out\.flac': No space left on device$"):
        process_file(src, out, eq=EQ.flat())
    assert _left_in(tmp_path) == ["in.wav"]


def test_a_system_error_with_no_errno_keeps_libsndfiles_words(tmp_path, monkeypatch):
    def fails(*args, **kwargs):
        sf._ffi.errno = 0
        raise sf.LibsndfileError(SYSTEM_ERROR)

    monkeypatch.setattr(sf, "write", fails)
    with pytest.raises(AudioError, match=r"^cannot write '.*out\.wav': System error\.$"):
        write_audio(tmp_path / "out.wav", np.zeros((4410, 2)), 44100)
