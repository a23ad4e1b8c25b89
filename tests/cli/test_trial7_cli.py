"""The seventh new-user trial's command-line findings: hints, help texts and messages."""

import pytest

from eqmorph.cli import main


def _run(capsys, *argv):
    try:
        code = main([str(a) for a in argv])
    except SystemExit as usage:  # argparse's own errors: exit 2, a usage line and the message
        code = usage.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv, fixed", [
    (["morph", "warm", "bright", "0.3"], "eqmorph morph warm bright --alpha 0.3"),
    (["plot", "warm", "--to", "bright", ".5"], "eqmorph plot warm --to bright --alpha .5"),
    (["morph", "warm", "a bit bright", "1"], "eqmorph morph warm 'a bit bright' --alpha 1"),
])
def test_a_number_after_the_words_is_hinted_as_alpha(capsys, argv, fixed):
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.strip().endswith(f"unrecognized arguments: {argv[-1]}; where the morph sits is an option: {fixed}")


@pytest.mark.parametrize("argv", [["morph", "warm", "bright", "3"],  # no alpha: 0 to 1
                                  ["morph", "warm", "bright", "0.3", "--alpha", "0.2"],  # alpha given already
                                  ["generate", "warm", "-o", "x.txt", "0.3"]])  # generate has no alpha
def test_a_number_that_cannot_be_the_alpha_gets_no_alpha_hint(capsys, argv):
    code, _, err = _run(capsys, *argv)
    assert code == 2 and "--alpha" not in err.splitlines()[-1]
