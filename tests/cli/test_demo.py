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
    # Each phrase is said in words as the words are, on the line after how it was understood.
    blocks = [b for b in out.split("\n== ") if b.startswith(("a bit brighter ->", "warm but not muddy ->"))]
    assert len(blocks) == 2 and all(b.splitlines()[1].startswith("   (sounds like: ") for b in blocks)
    assert (tmp_path / "demo_curves.png").stat().st_size > 1000


def test_demo_phrases_can_be_chosen(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path), "--phrase", "less muddy"]) == 0
    out = capsys.readouterr().out
    assert "== less muddy -> muddy x -1.0" in out and "a bit brighter" not in out


@pytest.mark.parametrize("argv, message", [
    (["--out", "{file}"], "--out='{file}' is not allowed: expected a folder, not a file"),
    (["--out", "{tmp}/no/such/folder"], "--out='{tmp}/no/such/folder' is not allowed: expected a folder whose parent"),
    (["--phrase", ""], "--phrase='' is not allowed: expected a phrase with at least one word"),
    (["--phrase", "warm", "--phrase", " "], "--phrase=' ' is not allowed"),
    (["--phrase", "warm", "--phrase", "blorptastic"], "unknown word 'blorptastic'"),
])
def test_demo_checks_every_argument_before_printing_or_writing_anything(tmp_path, capsys, argv, message):
    existing = tmp_path / "song.wav"
    existing.write_bytes(b"RIFF")
    fill = {"file": existing, "tmp": tmp_path}
    argv = [a.format(**fill) for a in argv]
    if "--out" not in argv:
        argv += ["--out", str(tmp_path / "demo")]
    assert main(["demo", *argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and message.format(**fill) in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["song.wav"]  # and no folder was made


def test_demo_out_creates_only_the_last_folder_as_figures_out_does(tmp_path, capsys):
    code = main(["figures", "--out", str(tmp_path / "a" / "figs")])
    assert code == 2 and "--out=" in capsys.readouterr().err
    assert main(["demo", "--out", str(tmp_path / "a" / "demo")]) == 2
    assert not (tmp_path / "a").exists()
    assert main(["demo", "--out", str(tmp_path / "demo")]) == 0
    assert (tmp_path / "demo" / "demo_curves.png").is_file()
