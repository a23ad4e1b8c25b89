"""The seventh new-user trial's command-line findings: hints, help texts and messages."""

import shlex

import pytest
from tests.cli_runner import run_cli

from eqmorph.cli import build_parser, main


@pytest.mark.parametrize("argv, fixed", [
    (["morph", "warm", "bright", "0.3"], "eqmorph morph warm bright --alpha 0.3"),
    (["plot", "warm", "--to", "bright", ".5"], "eqmorph plot warm --to bright --alpha .5"),
    (["morph", "warm", "a bit bright", "1"], "eqmorph morph warm 'a bit bright' --alpha 1"),
])
def test_a_number_after_the_words_is_hinted_as_alpha(capsys, argv, fixed):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert err.strip().endswith(f"unrecognized arguments: {argv[-1]}; where the morph sits is an option: {fixed}")


@pytest.mark.parametrize("argv", [["morph", "warm", "bright", "3"],  # no alpha: 0 to 1
                                  ["morph", "warm", "bright", "0.3", "--alpha", "0.2"],  # alpha given already
                                  ["generate", "warm", "-o", "x.txt", "0.3"]])  # generate has no alpha
def test_a_number_that_cannot_be_the_alpha_gets_no_alpha_hint(capsys, argv):
    code, _, err = run_cli(capsys, *argv)
    assert code == 2 and "--alpha" not in err.splitlines()[-1]


def _help(capsys, *argv):
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


EXAMPLE_COMMANDS = ["generate", "morph", "apply", "match", "describe"]


@pytest.mark.parametrize("name", EXAMPLE_COMMANDS)
def test_every_help_example_parses_as_its_command(name):
    parser = build_parser(name)
    command = parser._subparsers._group_actions[0].choices[name]
    lines = [line.strip() for line in command.epilog.splitlines() if line.startswith("  eqmorph ")]
    assert len(lines) >= 2
    for line in lines:
        argv = shlex.split(line)[1:]
        args = parser.parse_args(argv)  # SystemExit (a failed test) if an example does not parse
        assert args.command == name and args.func is command.get_default("func")


def test_help_shows_the_examples_one_a_line(capsys):
    out = _help(capsys, "apply")
    assert ("\nexamples:\n  # as loud as the input, never clipping\n  eqmorph apply song.wav out.wav --word warm"
            "\n  # any preset") in out


def test_apply_help_says_a_words_eq_keeps_loudness_unless_no_auto_gain_which_may_clip(capsys):
    out = " ".join(_help(capsys, "apply").split())
    assert "A word's EQ keeps the input's loudness and never clips" in out
    assert "with --no-auto-gain it is applied as it is" in out and "clipped" in out


@pytest.mark.parametrize("name, shown", [
    ("apply", ["--alpha ALPHA", "--intensity INTENSITY"]),
    ("match", ["--apply AUDIO_OUT", "-o PRESET_OUT"]),
])
def test_option_values_are_named_for_what_they_hold(capsys, name, shown):
    out = _help(capsys, name)
    assert all(s in out for s in shown)


def test_every_command_has_a_description(capsys):
    parser = build_parser()
    for name, command in parser._subparsers._group_actions[0].choices.items():
        assert command.description, name


def test_top_level_help_says_generate_takes_phrases(capsys):
    out = _help(capsys)
    generate = next(line for line in out.splitlines() if line.strip().startswith("generate "))
    assert "phrase" in generate


def test_train_help_gives_its_defaults_and_the_hub_download(capsys):
    from eqmorph.model.config import TrainConfig

    out = " ".join(_help(capsys, "train").split())
    assert f"default {TrainConfig.epochs};" in out and "(default 0)" in out and "(default eqmorph)" in out
    assert "downloaded from the Hugging Face hub" in out


def test_evaluate_help_gives_the_cv_recipes_epochs(capsys):
    pytest.importorskip("torch")  # the CV recipe's module trains networks
    from eqmorph.evaluation.cv import CV_TRAIN

    assert f"(default {CV_TRAIN.epochs}, the CV recipe)" in " ".join(_help(capsys, "evaluate").split())


def test_sample_help_says_what_temperature_1_is(capsys):
    out = " ".join(_help(capsys, "sample").split())
    assert "1 (default) as varied as the crowd" in out


def test_words_says_when_its_list_was_cut(capsys, tiny_model_dir):
    import eqmorph

    total = len(eqmorph.load(tiny_model_dir).terms)
    code, out, _ = run_cli(capsys, "words", "--limit", "2", "--model", tiny_model_dir)
    assert code == 0 and f"(showing 2 of {total} words, most examples first; --limit {total} for all)" in out
    code, out, _ = run_cli(capsys, "words", "--limit", total, "--model", tiny_model_dir)
    assert code == 0 and "showing" not in out


@pytest.mark.parametrize("argv, option, value", [
    (["apply", "in.wav", "out.wav", "--word", "warm", "--to", "bright", "--automate", "-1:0,8:1"], "--automate",
     "-1:0,8:1"),
    (["generate", "warm", "--intensity", "-1e-1"], "--intensity", "-1e-1"),
])
def test_a_value_starting_with_a_dash_is_told_to_follow_an_equals_sign(capsys, argv, option, value):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert err.strip().endswith(f"argument {option}: expected one argument; a value that starts with '-' reads as an "
                                f"option: write {option}={value}")


def test_a_negative_number_is_still_read_as_the_options_value(capsys):
    code, out, _ = run_cli(capsys, "generate", "warm", "--intensity", "-0.5", "--format", "json")
    assert code == 0 and '"intensity": -0.5' in out


def test_an_unknown_word_with_no_close_words_reads_on_to_the_open_vocabulary(capsys):
    code, _, err = run_cli(capsys, "generate", "zorbly")
    assert code == 2
    assert err.strip() == ("eqmorph generate: error: unknown word 'zorbly' (no similar known words); add --open-vocab "
                           "to map it to known words by meaning (extra: text)")


def test_after_the_closest_words_the_open_vocabulary_is_the_other_way(capsys):
    code, _, err = run_cli(capsys, "generate", "wram")  # a slip of 5+ letters ("brigth") is read as its word
    assert code == 2 and "; closest known words: warm (" in err
    assert err.strip().endswith("; or add --open-vocab to map it to known words by meaning (extra: text)")


def test_match_help_says_what_the_numbers_in_its_sentence_are(capsys):
    # "the reference has more low mids (0.81)": the number was explained nowhere (new-user trial 7, #10)
    out = " ".join(_help(capsys, "match").split())
    assert "each word's number (0 to 1) is describe's score" in out and "eqmorph describe" in out
