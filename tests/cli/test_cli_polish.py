"""What a new user meets on the command line: outputs named, formats inferred, messages in their words."""

import argparse
import json

import numpy as np
import pytest
import soundfile as sf

from eqmorph import EQ
from eqmorph.cli import COMMANDS, build_parser, main
from eqmorph.io.presets import from_apo, from_json, save_preset

SR = 44100


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_sample_with_o_writes_one_numbered_file_per_variation(capsys, tiny_model_dir, tmp_path):
    out = tmp_path / "s.txt"
    code, stdout, err = _run(capsys, "sample", "warm", "-n", "2", "--seed", "3", "-o", out, "--model", tiny_model_dir)
    assert code == 0, err
    written = [tmp_path / "s-1.txt", tmp_path / "s-2.txt"]
    assert stdout.splitlines() == [f"wrote {p}" for p in written]
    eqs = [from_apo(p.read_text()).eq for p in written]
    assert eqs[0] != eqs[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s-1.txt", "s-2.txt"]


def test_the_format_comes_from_the_extension_and_a_conflict_is_refused(capsys, tiny_model_dir, tmp_path):
    code, stdout, _ = _run(capsys, "generate", "warm", "-o", tmp_path / "warm.json", "--model", tiny_model_dir)
    assert code == 0 and json.loads((tmp_path / "warm.json").read_text())["words"] == ["warm"]
    code, stdout, err = _run(capsys, "generate", "warm", "--format", "apo", "-o", tmp_path / "w.json",
                             "--model", tiny_model_dir)
    assert code == 2 and not (tmp_path / "w.json").exists()
    assert "--format='apo'" in err and "'w.json'" in err


def test_o_into_a_folder_says_it_is_a_folder(capsys, tiny_model_dir, tmp_path):
    code, _, err = _run(capsys, "generate", "warm", "-o", tmp_path, "--model", tiny_model_dir)
    assert code == 2 and "not a folder" in err and "None" not in err


def test_edit_without_words_says_what_to_add(capsys, tmp_path):
    preset = tmp_path / "p.txt"
    save_preset(preset, EQ.flat())
    code, _, err = _run(capsys, "edit", preset)
    assert code == 2 and f"add --more WORD or --less WORD, e.g. eqmorph edit {preset} --more warm" in err
    assert "None" not in err


def test_apply_into_a_folder_says_it_is_a_folder(capsys, tiny_model_dir, tmp_path):
    src = tmp_path / "in.wav"
    sf.write(src, np.zeros((100, 1)), SR)
    out_dir = tmp_path / "outdir"
    out_dir.mkdir()
    code, _, err = _run(capsys, "apply", src, out_dir, "--word", "warm", "--model", tiny_model_dir)
    assert code == 2 and "it is a folder" in err and "(none)" not in err


def test_a_word_in_other_case_is_used_silently(capsys, tiny_model_dir, tiny_model):
    code, stdout, err = _run(capsys, "generate", "Warm", "--model", tiny_model_dir, "--format", "csv")
    assert code == 0 and err == ""
    code, same, _ = _run(capsys, "generate", "warm", "--model", tiny_model_dir, "--format", "csv")
    # the same bands and preamp; the eqmorph row (how it was made) says the word as typed
    assert stdout.splitlines()[:-1] == same.splitlines()[:-1] and stdout.splitlines()[-1].startswith('eqmorph,"words')


@pytest.mark.parametrize("argv,name", [
    (["generate", "warm"], "g.json"),
    (["morph", "warm", "bright"], "m.txt"),
    (["blend", "warm=1", "bright=1"], "b.csv"),
])
def test_every_command_with_o_says_what_it_wrote(capsys, tiny_model_dir, tmp_path, argv, name):
    code, stdout, _ = _run(capsys, *argv, "-o", tmp_path / name, "--model", tiny_model_dir)
    assert code == 0 and stdout == f"wrote {tmp_path / name}\n"


def test_import_and_edit_say_what_they_wrote(capsys, tiny_model_dir, tmp_path):
    preset = tmp_path / "in.txt"
    save_preset(preset, EQ.flat())
    code, stdout, _ = _run(capsys, "import", preset, "-o", tmp_path / "out.json")
    assert code == 0 and stdout == f"wrote {tmp_path / 'out.json'}\n"
    code, stdout, _ = _run(capsys, "edit", preset, "--more", "warm", "-o", tmp_path / "e.txt",
                           "--model", tiny_model_dir)
    assert code == 0 and stdout == f"wrote {tmp_path / 'e.txt'}\n"


def test_morph_alpha_defaults_to_the_middle(capsys, tiny_model_dir, tiny_model):
    code, stdout, _ = _run(capsys, "morph", "warm", "bright", "--model", tiny_model_dir, "--format", "json")
    assert code == 0
    doc = json.loads(stdout)
    assert doc["alpha"] == 0.5
    assert from_json(stdout) == tiny_model.interpolate("warm", "bright", 0.5)


def test_plot_without_o_writes_a_default_name(capsys, tiny_model_dir, tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = _run(capsys, "plot", "warm", "--to", "bright", "--model", tiny_model_dir)
    assert code == 0 and stdout == "wrote warm-to-bright-0.500.png\n"
    assert (tmp_path / "warm-to-bright-0.500.png").stat().st_size > 1000


def test_plots_default_name_follows_the_pages_rule_lower_case_no_accents_hyphens(capsys, tiny_model_dir, tmp_path,
                                                                                monkeypatch):
    # A new-user trial: "un_poco_más_cálido-to-less_muddy.png" here, "eqmorph-un-poco-mas-calido-..." on the page.
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = _run(capsys, "plot", "Warm", "--to", "bright", "--alpha", "0.3", "--intensity", "0.5",
                           "--model", tiny_model_dir)
    assert code == 0 and stdout == "wrote warm-to-bright-0.300-x0.5.png\n"
    code, stdout, _ = _run(capsys, "plot", "warm", "-o", "mine_Á.png", "--model", tiny_model_dir)
    assert code == 0 and stdout == "wrote mine_Á.png\n"  # a name given is kept as it is


def test_every_option_of_every_command_has_help_text():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(COMMANDS)
    missing = []
    for name, command in sub.choices.items():
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub_name, nested in action.choices.items():
                    missing += [f"{name} {sub_name} {a.dest}" for a in nested._actions if not a.help]
            elif not action.help:
                missing.append(f"{name} {action.dest}")
    assert missing == []


def test_words_search_without_a_match_says_so(capsys, tiny_model_dir):
    code, stdout, _ = _run(capsys, "words", "--search", "zzz", "--model", tiny_model_dir)
    assert code == 1 and "no known word matches 'zzz'" in stdout and "word " not in stdout.splitlines()[0][:5]


def test_automation_beyond_the_end_of_the_file_warns(capsys, tiny_model_dir, tmp_path):
    src = tmp_path / "in.wav"
    sf.write(src, 0.1 * np.ones((SR, 1)), SR, subtype="FLOAT")  # 1 s
    code, _, err = _run(capsys, "apply", src, tmp_path / "out.wav", "--word", "warm", "--to", "bright",
                        "--automate", "0:0,8:1", "--model", tiny_model_dir, "--quiet")
    assert code == 0
    assert "--automate reaches 8 s" in err and "lasts 1.00 s" in err and "alpha 0.12" in err
    code, _, err = _run(capsys, "apply", src, tmp_path / "out2.wav", "--word", "warm", "--to", "bright",
                        "--automate", "0:0,1:1", "--model", tiny_model_dir, "--quiet")
    assert code == 0 and err == ""


def test_apply_says_what_it_wrote(capsys, tiny_model_dir, tmp_path):
    src = tmp_path / "in.wav"
    sf.write(src, 0.1 * np.ones((1000, 1)), SR, subtype="FLOAT")
    code, stdout, _ = _run(capsys, "apply", src, tmp_path / "o.wav", "--word", "warm", "--model", tiny_model_dir)
    assert code == 0 and stdout.splitlines()[-1] == f"wrote {tmp_path / 'o.wav'}"


def test_import_reports_a_fit_for_a_preset_of_another_layout(capsys, tmp_path):
    preset = tmp_path / "four.txt"
    preset.write_text("".join(f"Filter: ON PK Fc {f} Hz Gain 3 dB Q 1\n" for f in (100, 500, 2000, 8000)))
    code, stdout, err = _run(capsys, "import", preset)
    assert code == 0 and "peak3" in stdout
    assert err.startswith("eqmorph import: fitted 4 peaking filters") and "dB RMS" in err


def test_only_the_invoked_command_is_imported():
    import subprocess
    import sys

    probe = ("import sys; from eqmorph.cli import build_parser; build_parser('generate'); "
             "print(' '.join(m for m in sys.modules if m.startswith('eqmorph.cli.')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert loaded & {f"eqmorph.cli.{module}" for module in COMMANDS.values()} == {"eqmorph.cli.generate"}


def test_evaluate_with_a_missing_model_folder_hints_how_to_make_one(capsys, tmp_path):
    code, _, err = _run(capsys, "evaluate", "--model", tmp_path / "runs" / "model")
    assert code == 2 and f"eqmorph train --out {tmp_path / 'runs' / 'model'}" in err


def test_the_parsers_format_list_is_the_presets_one():
    from eqmorph.cli import common
    from eqmorph.io import presets

    assert common.FORMATS == presets.FORMATS


def test_edit_starts_from_a_preset_of_any_layout(capsys, tiny_model_dir, tmp_path):
    preset = tmp_path / "four.txt"
    preset.write_text("".join(f"Filter: ON PK Fc {f} Hz Gain -2 dB Q 1\n" for f in (100, 500, 2000, 8000)))
    code, stdout, err = _run(capsys, "edit", preset, "--more", "warm", "-o", tmp_path / "out.json",
                             "--model", tiny_model_dir)
    assert code == 0 and err.startswith("eqmorph edit: fitted 4 peaking filters")
    assert stdout == f"wrote {tmp_path / 'out.json'}\n"
    assert json.loads((tmp_path / "out.json").read_text())["weights"] == {"warm": 0.5}


def test_apo_exports_start_with_a_comment_naming_words_intensity_and_model(capsys, tiny_model_dir, tiny_model,
                                                                          tmp_path):
    out = tmp_path / "w.txt"
    code, _, _ = _run(capsys, "morph", "warm", "bright", "--alpha", "0.25", "-o", out, "--model", tiny_model_dir)
    first = out.read_text().splitlines()[0]
    assert code == 0
    assert first == f"# eqmorph 5-band EQ: words warm, bright; alpha 0.25; intensity 1; model {tiny_model.model_id}"
