"""The word commands agree with each other: sample's file format, plot's phrases, demo's and words' unknown words."""

import json

import pytest

import eqmorph
from eqmorph.cli import main
from eqmorph.io.presets import format_eq


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_graphiceq_name_gives_graphiceq_files_for_every_sample(capsys, tiny_model_dir, tmp_path):
    code, _, err = _run(capsys, "sample", "warm", "-n", "2", "--seed", "1", "-o", tmp_path / "s GraphicEQ.txt",
                        "--model", tiny_model_dir)
    assert code == 0, err
    code, _, err = _run(capsys, "sample", "warm", "-n", "2", "--seed", "1", "-o", tmp_path / "s.txt",
                        "--format", "graphiceq", "--model", tiny_model_dir)
    assert code == 0, err
    for i in (1, 2):
        by_name = (tmp_path / f"s-{i} GraphicEQ.txt").read_text().splitlines()
        asked = (tmp_path / f"s-{i}.txt").read_text().splitlines()
        assert sum(line.startswith("GraphicEQ:") for line in by_name) == 1
        assert not any(line.startswith("Filter") for line in by_name)
        assert [line for line in by_name if not line.startswith("#")] == [
            line for line in asked if not line.startswith("#")]


@pytest.mark.parametrize("name, first", [("s GraphicEQ.txt", "s-1 GraphicEQ.txt"), ("GraphicEQ.txt", "1 GraphicEQ.txt"),
                                         ("my_GraphicEQ.txt", "my-1_GraphicEQ.txt"), ("s.csv", "s-1.csv")])
def test_numbered_sample_names_keep_the_ending_that_names_their_format(name, first):
    from eqmorph.cli.sample import numbered_paths
    from eqmorph.io.presets import format_for_path

    path = numbered_paths(name, 2)[0]
    assert path.name == first  # "s GraphicEQ-1.txt" named APO text by eqmorph's own rule
    assert format_for_path(path) == format_for_path(name)


def test_sample_with_a_plain_txt_name_still_writes_parametric_apo(capsys, tiny_model_dir, tmp_path):
    code, _, err = _run(capsys, "sample", "warm", "-n", "1", "-o", tmp_path / "s.txt", "--model", tiny_model_dir)
    assert code == 0, err
    text = (tmp_path / "s-1.txt").read_text()
    assert "Filter 1:" in text and "GraphicEQ:" not in text


def test_plot_takes_an_unquoted_phrase_and_says_how_it_was_understood(capsys, tiny_model_dir, tmp_path,
                                                                      monkeypatch):
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "plot", "less", "muddy", "--model", tiny_model_dir)
    assert code == 0, err
    assert out.strip() == "wrote less-muddy.png" and (tmp_path / "less-muddy.png").stat().st_size > 1000
    assert err.strip() == str(eqmorph.load(tiny_model_dir).parse("less muddy"))


def test_plot_says_how_both_words_were_understood_and_quiet_hides_it(capsys, tiny_model_dir, tmp_path):
    pytest.importorskip("matplotlib")
    m = eqmorph.load(tiny_model_dir)
    code, _, err = _run(capsys, "plot", "a", "bit", "warm", "--to", "less muddy", "-o", tmp_path / "p.png",
                        "--model", tiny_model_dir)
    assert code == 0, err
    assert err.splitlines() == [str(m.parse("a bit warm")), str(m.parse("less muddy"))]
    code, _, err = _run(capsys, "plot", "less", "muddy", "--quiet", "-o", tmp_path / "q.png",
                        "--model", tiny_model_dir)
    assert code == 0 and err == ""


def test_plot_of_a_known_word_prints_nothing_on_stderr(capsys, tiny_model_dir, tmp_path):
    pytest.importorskip("matplotlib")
    code, _, err = _run(capsys, "plot", "warm", "-o", tmp_path / "w.png", "--model", tiny_model_dir)
    assert code == 0 and err == ""


def test_demo_points_an_unknown_word_to_the_open_vocabulary(capsys, tmp_path):
    pytest.importorskip("matplotlib")
    code, out, err = _run(capsys, "demo", "--phrase", "blorptastic", "--out", tmp_path / "d")
    assert code == 2 and out == ""
    assert "unknown word 'blorptastic'" in err and "add --open-vocab" in err
    assert not (tmp_path / "d").exists()


def test_demo_accepts_open_vocab():
    from eqmorph.cli import build_parser

    args = build_parser("demo").parse_args(["demo", "--open-vocab"])
    assert args.open_vocab is True


@pytest.mark.parametrize("text", ["cálido", "calido", "warmer", "less muddy"])
def test_words_search_says_how_text_it_understands_is_read_and_lists_its_words(capsys, text):
    m = eqmorph.load()
    understood = m.parse(text)
    code, out, err = _run(capsys, "words", "--search", text)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == str(understood)
    assert "closest known words" not in out
    rows = [line.split() for line in lines[2:]]
    assert [row[0] for row in rows] == [w for w, _ in understood.weights]
    assert [int(row[1]) for row in rows] == [m.word_info(w).count for w, _ in understood.weights]


def test_words_search_of_a_typo_still_offers_words_spelled_like_it(capsys, tiny_model_dir):
    code, out, _ = _run(capsys, "words", "--search", "wram", "--model", tiny_model_dir)  # "brigth" is read now
    assert code == 1  # nothing matched: a script can tell, as from grep
    assert out.startswith("no known word matches 'wram'; closest known words: warm")
    assert "add --open-vocab" in out


def test_words_search_of_a_stop_listed_word_says_it_names_no_sound(capsys, tiny_model_dir):
    code, out, _ = _run(capsys, "words", "--search", "hello", "--model", tiny_model_dir)
    assert code == 1
    assert out.startswith("'hello' names no sound") and "closest" not in out


def test_words_search_of_a_phrase_that_cancels_out_says_why(capsys, tiny_model_dir):
    code, out, _ = _run(capsys, "words", "--search", "warm but not warm", "--model", tiny_model_dir)
    assert code == 1
    assert "no known word matches 'warm but not warm'; as a phrase, expected" in out and "cancel" in out


def test_words_search_of_a_known_word_is_still_the_table(capsys, tiny_model_dir):
    code, out, _ = _run(capsys, "words", "--search", "warm", "--model", tiny_model_dir)
    assert code == 0
    assert out.splitlines()[0].split()[0] == "word" and out.splitlines()[1].split()[0] == "warm"


def test_a_sample_written_under_a_graphiceq_name_holds_that_samples_curve(capsys, tiny_model_dir, tmp_path):
    m = eqmorph.load(tiny_model_dir)
    eq = m.sample("warm", 1, seed=4)[0]
    code, _, err = _run(capsys, "sample", "warm", "-n", "1", "--seed", "4", "-o", tmp_path / "a GraphicEQ.txt",
                        "--model", tiny_model_dir)
    assert code == 0, err
    written = (tmp_path / "a-1 GraphicEQ.txt").read_text()
    assert written.splitlines()[-1] == format_eq(eq, "graphiceq").splitlines()[-1]


def test_generate_says_when_a_phrases_degree_caps_the_intensity_and_writes_the_applied_one(capsys):
    from eqmorph import cli

    code = cli.main(["generate", "very very very very warm", "--intensity", "4", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and "stops at 4: intensity 1.64 applied" in err
    assert json.loads(out)["intensity"] == pytest.approx(4.0 / 1.25**4)
    code = cli.main(["generate", "warm", "--intensity", "4", "--format", "json"])
    out, err = capsys.readouterr()
    assert "stops at" not in err and json.loads(out)["intensity"] == 4.0


@pytest.mark.parametrize("text, names", [("pres", ["presence"]), ("cut", ["low cut", "high cut"]),
                                         ("de-es", ["de-ess"])])
def test_words_search_finds_studio_terms_with_their_moves(capsys, tiny_model_dir, text, names):
    # A user trial: 'words --search pres' said no word matched, though "more presence" works.
    code, out, _ = _run(capsys, "words", "--search", text, "--model", tiny_model_dir)
    assert code == 0
    assert [line.split("  ")[0] for line in out.splitlines()] == names
    assert all("studio term: " in line and " dB " in line for line in out.splitlines())


def test_the_word_list_ends_with_the_studio_terms(capsys, tiny_model_dir):
    code, out, _ = _run(capsys, "words", "--model", tiny_model_dir)
    last = out.splitlines()[-1]
    assert code == 0 and last.startswith("studio terms") and "presence" in last and "low cut" in last


def test_a_search_read_as_a_band_word_still_lists_the_studio_terms_holding_it(capsys, tiny_model_dir):
    # A review: "graves" read as bass hid sub bass ("subgraves"), low mids ("medios graves") and low cut.
    code, out, _ = _run(capsys, "words", "--search", "graves", "--model", tiny_model_dir)
    listed = [line.split("  ")[0] for line in out.splitlines()[1:]]
    assert code == 0 and listed == ["bass", "sub bass", "low mids", "low cut"]


def test_the_limit_counts_studio_terms_too(capsys, tiny_model_dir):
    code, out, _ = _run(capsys, "words", "--search", "cut", "--limit", "1", "--model", tiny_model_dir)
    assert code == 0 and len(out.splitlines()) == 1


def test_blend_says_its_weights_are_shares_of_a_mix_when_they_do_not_add_up_to_one(capsys, tiny_model_dir):
    # A trial: "blend warm=0.1" was taken for a light touch of warm, and gave all of it without a word.
    code, light, err = _run(capsys, "blend", "warm=0.1", "--format", "json", "--model", tiny_model_dir)
    assert code == 0 and "shares of the mix" in err and "add up to 0.1" in err and "--intensity" in err
    code, full, err = _run(capsys, "blend", "warm=1", "--format", "json", "--model", tiny_model_dir)
    assert code == 0 and "shares of the mix" not in err
    assert json.loads(light)["bands"] == json.loads(full)["bands"]  # what the note explains
    code, _, err = _run(capsys, "blend", "warm=60", "bright=40", "--quiet", "--model", tiny_model_dir)
    assert code == 0 and "shares" not in err


def test_blend_weights_past_the_float_range_are_said_as_such(capsys, tiny_model_dir):
    code, _, err = _run(capsys, "blend", "warm=1e308", "bright=1e308", "--model", tiny_model_dir)
    assert code == 0 and "add up to more than 1.79769e+308" in err and "inf" not in err  # it said "add up to inf"


def test_every_command_with_quiet_also_takes_its_short_form_q():
    from eqmorph.cli import COMMANDS, build_parser

    with_quiet = []
    for command in COMMANDS:
        sub = build_parser(command)._subparsers._group_actions[0].choices[command]
        quiet = [a for a in sub._actions if "--quiet" in a.option_strings]
        if quiet:
            with_quiet.append(command)
            assert "-q" in quiet[0].option_strings, command
    assert {"generate", "apply", "match", "import", "train"} <= set(with_quiet)


def test_words_search_lists_the_lexicon_words_holding_the_text_as_the_page_offers_them(capsys):
    """A tenth new-user trial: the page offered cálido for "cál", words --search cál did not."""
    code, out, _ = _run(capsys, "words", "--search", "cál")
    lines = {line.split()[0]: line for line in out.splitlines() if "reads as" in line}
    assert code == 0 and "reads as warm" in lines["cálido"] and "calidez" in lines
    assert all("cal" in eqmorph_fold(word) for word in lines)


def eqmorph_fold(word: str) -> str:
    from eqmorph.language.spelling import fold

    return fold(word).lower()


@pytest.mark.parametrize("text, word, reads", [("barr", "barro", "muddy"), ("dure", "dureza", "harsh")])
def test_words_search_finds_lexicon_words_when_no_vocabulary_word_holds_the_text(capsys, text, word, reads):
    """An eleventh new-user trial: 'barr' got "no known word matches" (exit 1), though barro reads as muddy."""
    code, out, _ = _run(capsys, "words", "--search", text)
    lines = {line.split()[0]: line for line in out.splitlines() if "reads as" in line}
    assert code == 0 and reads in lines[word]
