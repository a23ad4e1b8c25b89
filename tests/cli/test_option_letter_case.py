"""Options that name one of a few values take them in any letter case, as --source does (trial 6: --language EN and
--method LATENT were refused while --source SAFE was read)."""

import json

from eqmorph import cli
from eqmorph.io.presets import save_preset


def _run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_describe_takes_the_language_in_any_case(tmp_path, capsys, tiny_model, tiny_model_dir):
    save_preset(tmp_path / "warm.json", tiny_model.generate("warm"))
    said = {}
    for language in ("es", "ES", "Es"):
        code, out, err = _run(["describe", tmp_path / "warm.json", "--language", language, "--json",
                               "--model", tiny_model_dir], capsys)
        assert code == 0, err
        said[language] = json.loads(out)
    assert said["ES"] == said["es"] == said["Es"] and said["es"]["language"] == "es"


def test_morph_takes_the_method_in_any_case(capsys, tiny_model_dir):
    outs = []
    for method in ("latent", "LATENT", "Slerp"):
        code, out, err = _run(["morph", "warm", "bright", "--method", method, "--format", "json", "--quiet",
                               "--model", tiny_model_dir], capsys)
        assert code == 0, err
        outs.append(json.loads(out)["bands"])
    assert outs[0] == outs[1] and outs[2] != outs[0]
