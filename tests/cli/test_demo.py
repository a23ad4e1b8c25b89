"""`eqmorph demo` (what `make demo` runs): words, their morph and phrases, each said in words, and a plot."""

from __future__ import annotations

import pytest

from eqmorph.cli import main

pytest.importorskip("matplotlib")


def test_demo_prints_words_the_morph_and_phrases_as_understood_and_writes_the_plot(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "== warm  (sounds like: warm)" in out
    assert "== bright  (sounds like: bright)" in out
    assert "== a bit brighter -> bright x 0.5" in out
    assert "== warm but not muddy -> warm x 0.5, muddy x -0.5" in out
    assert (tmp_path / "demo_curves.png").stat().st_size > 1000


def test_demo_phrases_can_be_chosen(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path), "--phrase", "less muddy"]) == 0
    out = capsys.readouterr().out
    assert "== less muddy -> muddy x -1.0" in out and "a bit brighter" not in out
