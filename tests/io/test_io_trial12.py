"""Trial 12 on writing outputs: a replaced file keeps its permission bits, a read-only one is refused before any
work, and whether a folder takes an output can be known before the work that makes it."""

from __future__ import annotations

import errno
import os
import stat
import tempfile

import pytest

from eqmorph.errors import EqmorphError, ParameterError
from eqmorph.io.fileio import FILE_MODE, atomic_path, check_writable, write_text_atomic


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o604], ids=oct)
def test_replacing_an_output_keeps_the_permission_bits_the_user_gave_it(tmp_path, mode):
    out = tmp_path / "out.txt"
    out.write_text("old")
    out.chmod(mode)
    write_text_atomic(out, "new")
    assert out.read_text() == "new" and _mode(out) == mode


def test_a_new_output_gets_the_usual_permissions(tmp_path):
    write_text_atomic(tmp_path / "out.txt", "new")
    assert _mode(tmp_path / "out.txt") == FILE_MODE


def test_a_read_only_output_is_refused_before_any_work_and_left_as_it_was(tmp_path):
    out = tmp_path / "out.wav"
    out.write_bytes(b"kept")
    out.chmod(0o444)
    worked = []
    with pytest.raises(EqmorphError, match=r"^cannot write '.*out\.wav': it is read-only \(mode 0444\); make it "
                                           r"writable \(chmod u\+w\) to replace it, or choose another name$"):
        with atomic_path(out):
            worked.append(True)
    assert worked == [] and out.read_bytes() == b"kept" and _mode(out) == 0o444
    assert os.listdir(tmp_path) == ["out.wav"]
    with pytest.raises(EqmorphError, match=r"it is read-only \(mode 0444\)"):
        check_writable(out)


def test_an_output_someone_may_write_is_not_read_only(tmp_path):
    out = tmp_path / "shared.txt"
    out.write_text("old")
    out.chmod(0o464)  # the group may write it: a shared file, not a protected one
    write_text_atomic(out, "new")
    assert out.read_text() == "new" and _mode(out) == 0o464


def test_check_writable_leaves_a_folder_as_it_found_it(tmp_path):
    (tmp_path / "out.wav").write_bytes(b"kept")
    check_writable(tmp_path / "out.wav")
    check_writable(tmp_path / "new.wav")
    assert os.listdir(tmp_path) == ["out.wav"] and (tmp_path / "out.wav").read_bytes() == b"kept"


def test_check_writable_refuses_a_folder_that_takes_no_new_file(tmp_path, monkeypatch):
    # A read-only mount, simulated: tests run as root, whom a folder's permission bits do not stop.
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(EqmorphError, match=r"^cannot write '.*m\.wav': Read-only file system$"):
        check_writable(tmp_path / "m.wav")


def test_check_writable_names_the_parameter_of_a_path_in_a_missing_folder(tmp_path):
    with pytest.raises(ParameterError, match=r"^--apply='.*nowhere/m\.wav' is not allowed: expected a path in an "
                                             "existing folder$"):
        check_writable(tmp_path / "nowhere" / "m.wav", "--apply")
