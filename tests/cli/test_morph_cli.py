"""The word commands: output on success, one-line errors and exit 2 on bad input."""

import json

import pytest

from eqmorph import EQ
from eqmorph.cli import main
from eqmorph.io.presets import from_json, load_preset, save_preset


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_generate_prints_the_words_eq_as_a_table(capsys, tiny_model_dir, tiny_model):
    code, out, _ = _run(capsys, "generate", "warm", "--model", str(tiny_model_dir))
    assert code == 0
    gain = tiny_model.generate("warm").bands[0].gain_db
    assert f"{gain:+.2f}" in out and "low_shelf" in out


def test_morph_writes_json_with_alpha_and_words(capsys, tiny_model_dir, tiny_model, tmp_path):
    out_file = tmp_path / "m.json"
    code, _, _ = _run(capsys, "morph", "warm", "bright", "--alpha", "0.25", "--model", str(tiny_model_dir),
                      "-o", str(out_file))
    assert code == 0
    data = json.loads(out_file.read_text())
    assert data["alpha"] == 0.25 and data["words"] == ["warm", "bright"]
    expected = tiny_model.interpolate("warm", "bright", 0.25)
    assert load_preset(out_file).to_vector() == pytest.approx(expected.to_vector())


@pytest.mark.parametrize(
    "argv,needle",
    [
        (["generate", "wram"], "closest known words: warm (40 examples)"),
        (["morph", "warm", "bright", "--alpha", "1.5"], "alpha=1.5"),
        (["blend", "warm=abc"], "WORD=WEIGHT"),
        (["blend", "warm=-1"], "WORD=WEIGHT='warm=-1'"),
        (["blend", "warm=2", "warm=-1"], "WORD=WEIGHT='warm=-1'"),  # refused, not hidden in the sum
        (["sample", "warm", "-n", "0"], "n=0"),
        (["generate", "warm", "--intensity", "nan"], "intensity"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(capsys, tiny_model_dir, argv, needle):
    code, out, err = _run(capsys, *argv, "--model", str(tiny_model_dir))
    assert code == 2 and out == ""
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_missing_model_directory_is_a_one_line_error(capsys, tmp_path):
    code, _, err = _run(capsys, "generate", "warm", "--model", str(tmp_path / "nope"))
    assert code == 2 and "not a directory" in err


def test_blend_and_sample_and_words(capsys, tiny_model_dir):
    code, out, _ = _run(capsys, "blend", "warm=0.5", "bright=0.5", "--model", str(tiny_model_dir), "--format", "csv")
    assert code == 0 and out.startswith("name,type,gain_db,freq_hz,q")
    code, out, _ = _run(capsys, "sample", "warm", "-n", "3", "--seed", "1", "--model", str(tiny_model_dir))
    assert code == 0 and out.count("variation") == 3
    code, out, _ = _run(capsys, "words", "--search", "br", "--model", str(tiny_model_dir))
    assert code == 0 and "bright" in out and "warm" not in out


def test_edit_moves_a_preset_and_never_overwrites_it(capsys, tiny_model_dir, tiny_model, tmp_path):
    preset = tmp_path / "in.txt"
    start = tiny_model.generate("bright")
    save_preset(preset, start, "apo")
    before = preset.read_bytes()
    model = str(tiny_model_dir)
    code, _, err = _run(capsys, "edit", str(preset), "--more", "warm", "--model", model, "-o", str(preset))
    assert code == 2 and "different from PRESET" in err and preset.read_bytes() == before
    out_file = tmp_path / "out.txt"
    code, _, _ = _run(capsys, "edit", str(preset), "--more", "warm", "--amount", "0.5", "--model", str(tiny_model_dir),
                      "-o", str(out_file))
    assert code == 0
    edited: EQ = load_preset(out_file)
    assert edited.bands[0].gain_db > load_preset(preset).bands[0].gain_db  # warmer: more low shelf


def test_seed_facade_forwards_to_the_real_api(tiny_model_dir, tiny_model):
    from eqmorph.compat import NeuralEQMorphingSystem

    system = NeuralEQMorphingSystem(tiny_model_dir)
    assert system.generate_eq_from_semantic("warm") == tiny_model.generate("warm")
    expected = tiny_model.interpolate("warm", "bright", 0.3)
    assert system.interpolate_semantic_terms("warm", "bright", alpha=0.3) == expected


def test_blend_adds_the_weights_of_a_repeated_word_as_the_library_does(capsys, tiny_model_dir, tiny_model):
    def blend(*weights):
        code, out, err = _run(capsys, "blend", *weights, "--model", str(tiny_model_dir), "--format", "json")
        assert code == 0, err
        return json.loads(out)["weights"], list(from_json(out).to_vector())

    weights, repeated = blend("warm=1", "warm=2", "bright=1")
    assert weights == {"warm": 3.0, "bright": 1.0}
    assert repeated == blend("warm=3", "bright=1")[1]
    assert repeated != blend("warm=2", "bright=1")[1]  # the last weight alone, as before
    # The library: one word given twice (in two spellings, as a mapping cannot repeat a key) adds up.
    assert repeated == pytest.approx(list(tiny_model.blend({"warm": 1.0, "Warm": 2.0, "bright": 1.0}).to_vector()))
    # in two spellings on the command line too, said once as first typed ("WARM=1, warm=2" was listed twice)
    weights, spelled = blend("WARM=1", "warm=2", "bright=1")
    assert weights == {"WARM": 3.0, "bright": 1.0} and spelled == pytest.approx(repeated)
