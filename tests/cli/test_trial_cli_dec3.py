"""What a CLI and API new-user trial (2026-12-03) tripped on: each command answers as the others do."""

import json
import warnings

import numpy as np
import pytest
import soundfile as sf

import eqmorph
from eqmorph.cli import main
from eqmorph.io.presets import import_preset, save_preset
from eqmorph.io.provenance import match_recordings


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [["generate", "warm", "-o"], ["sample", "warm", "-n", "2", "-o"]])
def test_a_file_name_too_long_for_the_file_system_is_one_clear_line(capsys, tiny_model_dir, tmp_path, command):
    name = tmp_path / ("a" * 252 + ".txt")  # legal for sample alone; its "-1" pushes it past 255 bytes
    if command[0] == "generate":
        name = tmp_path / ("a" * 300 + ".txt")
    code, _, err = _run(capsys, *command, name, "--model", tiny_model_dir)
    assert code == 2 and "longer than the file system allows" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_import_keeps_a_match_presets_recordings(capsys, tmp_path):
    source = tmp_path / "m.json"
    save_preset(source, eqmorph.EQ.flat().with_band(1, gain_db=3.0), input="drums.wav", reference="piano.wav")
    for out in ("m2.json", "m2.txt"):
        code, _, _ = _run(capsys, "import", source, "-o", tmp_path / out)
        assert code == 0 and match_recordings(tmp_path / out) == ("drums.wav", "piano.wav")  # dropped: other words


def test_edit_says_it_replaces_the_presets_own_preamp(capsys, tiny_model_dir, tmp_path):
    preset = tmp_path / "p.txt"
    preset.write_text("Preamp: -10 dB\nFilter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1\n")
    code, _, err = _run(capsys, "edit", preset, "--more", "warm", "-o", tmp_path / "e.txt", "--model", tiny_model_dir)
    assert code == 0 and "the preset's preamp (-10.0 dB" in err and "is replaced" in err  # it was silent


def test_edit_says_nothing_of_a_preamp_it_keeps_at_the_same_value(capsys, tiny_model_dir, tmp_path):
    from eqmorph.core.preamp import preamp_db

    # "the preset's preamp (-3.5 dB ...) is replaced by ... (-3.5 dB)" (a new-user trial)
    code, _, _ = _run(capsys, "generate", "warm", "-o", tmp_path / "w.txt", "--model", tiny_model_dir)
    edited = tmp_path / "e.txt"
    code, _, err = _run(capsys, "edit", tmp_path / "w.txt", "--more", "warm", "--amount", "0.001", "-o", edited,
                        "--model", tiny_model_dir)
    before, after = import_preset(tmp_path / "w.txt").preamp_db, preamp_db(import_preset(edited).eq)
    assert code == 0 and before != 0.0 and f"{after:.1f}" == f"{before:.1f}"
    assert "is replaced" not in err


def test_describe_says_a_preset_was_fitted(capsys, tiny_model_dir, tmp_path):
    preset = tmp_path / "five.txt"
    preset.write_text("".join(f"Filter {i}: ON PK Fc {f} Hz Gain {g} dB Q 1\n"
                              for i, (f, g) in enumerate([(100, 3), (300, -3), (1000, 3), (3000, -3), (8000, 3)], 1)))
    code, _, err = _run(capsys, "describe", preset, "--model", tiny_model_dir)
    assert code == 0 and "fitted 5 peaking filters" in err and "response error" in err
    code, out, _ = _run(capsys, "describe", preset, "--json", "--model", tiny_model_dir)
    said = json.loads(out)
    assert said["fitted"] is True and 0.0 < said["fit_rms_db"] <= said["fit_max_db"]


def test_dash_as_the_output_is_refused_not_written(capsys, tiny_model_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, "generate", "warm", "-o", "-", "--format", "apo", "--model", tiny_model_dir)
    assert code == 2 and "without -o the preset is printed to stdout" in err
    assert not (tmp_path / "-").exists()  # it wrote a file named "-"


def test_a_json_band_without_a_name_says_so(capsys, tmp_path):
    preset = tmp_path / "b.json"
    preset.write_text('{"bands":[{"type":"peaking","gain_db":3,"freq_hz":1000,"q":1}]}')
    code, _, err = _run(capsys, "import", preset)
    assert code == 2 and 'bands[0] has no "name"' in err and "'None'" not in err


def test_apply_calls_a_device_not_a_regular_file(capsys, tmp_path):
    code, _, err = _run(capsys, "apply", "/dev/null", tmp_path / "o.wav", "--preset", tmp_path / "p.txt")
    assert code == 2 and "not a regular file" in err and "no such file" not in err


def test_apply_with_its_input_as_the_preset_suggests_no_match_with_itself(capsys, tmp_path):
    clip = tmp_path / "g.wav"
    sf.write(clip, np.sin(np.arange(44100) * 0.05) * 0.3, 44100)
    code, _, err = _run(capsys, "apply", clip, tmp_path / "o.wav", "--preset", clip)
    assert code == 2 and "--word WORD" in err and f"match {clip} {clip}" not in err  # a match of the file with itself


def test_an_empty_more_is_named_as_typed(capsys, tiny_model_dir, tmp_path):
    preset = tmp_path / "p.txt"
    preset.write_text("Filter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1\n")
    code, _, err = _run(capsys, "edit", preset, "--more", "", "--model", tiny_model_dir)
    assert code == 2 and "--more=''" in err and "text=''" not in err


def test_a_silent_file_to_match_is_named(tmp_path):
    silent, sound = tmp_path / "silent.wav", tmp_path / "sound.wav"
    sf.write(silent, np.zeros((88200, 2)), 44100)
    sf.write(sound, np.random.default_rng(0).standard_normal((88200, 2)) * 0.1, 44100)
    with pytest.raises(eqmorph.AudioError, match="the reference '.*silent.wav' is silent"):
        eqmorph.match_files(sound, silent)


@pytest.mark.parametrize("command", ["generate", "morph", "blend", "plot", "apply"])
def test_intensity_help_gives_its_range(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "4 to 4" in " ".join(capsys.readouterr().out.split())  # "from -4 to 4": the error's range


def test_process_says_samples_past_full_scale(tiny_model):
    loud = tiny_model.generate("warm", intensity=3.0)
    pcm = (np.sin(np.arange(44100) * 2 * np.pi * 100 / 44100) * 30000).astype(np.int16)
    with pytest.warns(UserWarning, match="past full scale.*clipped"):
        loud.process(pcm, 44100)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loud.process(pcm.astype(np.float32) / 32768 * 0.01, 44100)  # quiet: no warning


def test_morph_audio_warns_when_the_automation_outlasts_the_audio(tiny_model):
    from eqmorph.audio.arrays import morph_audio

    quiet = np.random.default_rng(0).standard_normal(44100).astype(np.float32) * 0.01
    with pytest.warns(UserWarning, match="reaches 100 s but the audio lasts 1.00 s"):
        morph_audio(tiny_model, quiet, 44100, "warm", "bright", "0:0,100:1")


def test_plot_refuses_a_method_without_a_second_word(capsys, tiny_model_dir, tmp_path):
    code, _, err = _run(capsys, "plot", "warm", "--method", "latent", "-o", tmp_path / "w.png", "--model",
                        tiny_model_dir)
    assert code == 2 and "--method together with --to WORD2" in err  # accepted and ignored, as --alpha is not
    assert not (tmp_path / "w.png").exists()
