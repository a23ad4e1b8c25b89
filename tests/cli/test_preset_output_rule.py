"""``-o`` and ``--format`` follow one rule in every command, checked before any work; ``words --search`` of a
grammar word says what the word is."""

import pytest

from eqmorph import EQ, cli
from eqmorph.io.presets import to_apo


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt,name", [("csv", "x.txt"), ("json", "z GraphicEQ.txt"), ("apo", "z GraphicEQ.txt"),
                                      ("apo", "x.json"), ("table", "w.tbl"), ("table", "w.txt")])
@pytest.mark.parametrize("command", [["generate", "warm"], ["morph", "warm", "bright"], ["import", "{preset}"],
                                     ["edit", "{preset}", "--more", "warm"], ["sample", "warm"]])
def test_a_format_the_output_name_does_not_ask_for_is_refused_before_the_model_loads(tmp_path, capsys, command, fmt,
                                                                                     name):
    preset = tmp_path / "in.txt"
    preset.write_text(to_apo(EQ.flat()))
    argv = [a.format(preset=preset) for a in command]
    model = ["--model", tmp_path / "no-model"] if command[0] != "import" else []
    code, out, err = _run(capsys, *argv, "--format", fmt, "-o", tmp_path / name, *model)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"error: --format={fmt!r} is not allowed" in err and "no-model" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


def test_table_on_screen_is_still_the_default_and_a_format_fitting_the_name_is_written(tmp_path, capsys):
    preset = tmp_path / "in.txt"
    preset.write_text(to_apo(EQ.flat()))
    code, out, _ = _run(capsys, "import", preset, "--format", "table")
    assert code == 0 and out.startswith("band ")
    code, _, err = _run(capsys, "import", preset, "--format", "graphiceq", "-o", tmp_path / "out.txt")
    assert code == 0, err
    assert "GraphicEQ:" in (tmp_path / "out.txt").read_text()


@pytest.mark.parametrize("text,kind", [("más", "direction word"), ("menos", "direction word"),
                                       ("a bit", "degree word"), ("not", "negation"), ("keep", "keep word"),
                                       ("out", "direction word"), ("mas", "direction word")])
def test_searching_for_a_grammar_word_says_what_it_is_not_that_a_phrase_needs_a_descriptor(capsys, tiny_model_dir,
                                                                                          text, kind):
    code, out, err = _run(capsys, "words", "--search", text, "--model", tiny_model_dir)
    assert code == 1 and err == ""
    assert f"no known word matches {text!r}; {text!r} is a {kind} of phrases, not a descriptor" in out
    assert "as a phrase" not in out and f"'{text} warm'" in out


def test_searching_for_a_filler_word_says_phrases_skip_it(capsys, tiny_model_dir):
    code, out, _ = _run(capsys, "words", "--search", "the", "--model", tiny_model_dir)
    assert code == 1 and "'the' is a filler word that phrases skip, not a descriptor" in out


@pytest.mark.parametrize("text", ["but", "and", "rather than"])
def test_searching_for_a_joining_word_says_it_goes_between_two_descriptors(capsys, tiny_model_dir, text):
    # A review: "words --search but" said "as a phrase, expected at least one descriptor word".
    code, out, _ = _run(capsys, "words", "--search", text, "--model", tiny_model_dir)
    assert code == 1 and f"{text!r} is a joining word of phrases" in out and f"'warm {text} bright'" in out
