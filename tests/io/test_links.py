"""Outputs at a link are written through it, as a shell's ``>`` writes (a review, 2026-12-04)."""

from __future__ import annotations

import pytest

from eqmorph.errors import ParameterError
from eqmorph.io.fileio import check_writable, write_text_atomic, written_path


def test_a_link_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "config.txt"
    real.write_text("old")
    link = tmp_path / "presets" / "link.txt"
    link.parent.mkdir()
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"  # the link was replaced, config.txt kept "old"
    assert sorted(p.name for p in link.parent.iterdir()) == ["link.txt"]  # no temporary file left beside either
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.txt", "presets"]


def test_a_broken_link_writes_the_file_it_points_to(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to("new.txt")
    assert written_path(link) == tmp_path / "new.txt"
    write_text_atomic(link, "made")
    assert link.is_symlink() and (tmp_path / "new.txt").read_text() == "made"


def test_a_link_into_a_missing_folder_is_refused_naming_the_link_and_where_it_points(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere" / "x.txt")
    with pytest.raises(ParameterError, match=r"output='.*link\.txt'.*links to '.*nowhere/x\.txt'"):
        check_writable(link)
    with pytest.raises(ParameterError, match="links to"):
        write_text_atomic(link, "lost")
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


def test_a_plain_path_is_its_own_written_path(tmp_path):
    assert written_path(tmp_path / "a.txt") == tmp_path / "a.txt"
