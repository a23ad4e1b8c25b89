"""Findings of the fifth new-user trial: MP3 in, one auto gain, the match's words, hints, outputs and help."""

import numpy as np
import pytest
import soundfile as sf
from match_signals import BRIGHTER, pink_noise

import eqmorph
from eqmorph import EQ, cli
from eqmorph.audio.filtering import apply_eq
from eqmorph.io.presets import load_preset

SR = 44100


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


# --- 1: an MP3 input with a .wav output ------------------------------------------------------------------------------
@pytest.mark.skipif("MP3" not in sf.available_formats(), reason="this libsndfile cannot write MP3")
def test_apply_and_match_write_an_mp3_input_to_wav(tmp_path, pair, tiny_model_dir, capsys):
    mp3 = tmp_path / "song.mp3"
    sf.write(mp3, sf.read(pair[0])[0], SR, format="MP3", subtype="MPEG_LAYER_III")
    code, out, err = _run(capsys, "apply", mp3, tmp_path / "a.wav", "--word", "warm", "--model", tiny_model_dir)
    assert code == 0, err
    assert "WAV FLOAT" in out and sf.info(tmp_path / "a.wav").subtype == "FLOAT"
    code, _, err = _run(capsys, "match", mp3, pair[1], "--apply", tmp_path / "m.wav", "--quiet")
    assert code == 0, err
    assert sf.info(tmp_path / "m.wav").frames == sf.info(mp3).frames


# --- 2: one auto gain, that never clips, and a warning that never names a flag already on ---------------------------
def test_match_apply_auto_gain_keeps_loudness_and_never_clips(tmp_path, capsys):
    # A quiet input matched to a reference with far more treble: the match boosts where the input has its peaks.
    t = np.arange(int(1.5 * SR)) / SR
    song = 0.05 * pink_noise(1.5) + 0.6 * np.sin(2 * np.pi * 3000.0 * t)[:, None] * (t[:, None] < 0.05)
    sf.write(tmp_path / "song.wav", song, SR, subtype="PCM_16")
    sf.write(tmp_path / "ref.wav", apply_eq(pink_noise(1.5, seed=1), SR, BRIGHTER), SR, subtype="PCM_16")
    code, out, err = _run(capsys, "match", tmp_path / "song.wav", tmp_path / "ref.wav", "--apply",
                          tmp_path / "out.wav", "--auto-gain")
    assert code == 0 and "exceed full scale" not in err and "--auto-gain" not in err
    y = sf.read(tmp_path / "out.wav")[0]
    assert np.abs(y).max() < 1.0
    assert "dB auto gain" in out


def test_the_clipping_warning_never_recommends_auto_gain_when_it_is_on():
    from eqmorph.audio.autogain import AutoGain
    from eqmorph.audio.files import ProcessReport
    from eqmorph.cli.common import clip_warning

    def report(auto):
        return ProcessReport("i.wav", "o.ogg", 10, 1.0, SR, 1, "OGG", "VORBIS", -1.0, 0.5, 3, auto)

    assert "use --auto-gain or a lower --amount" in clip_warning(report(None), "a lower --amount")
    # match has auto gain on unless --no-auto-gain: its advice says how to have it back (a ninth new-user trial)
    said = clip_warning(report(None), "a lower --amount", auto_gain="auto gain (drop --no-auto-gain)")
    assert "use auto gain (drop --no-auto-gain) or a lower --amount" in said and "--auto-gain or" not in said
    on = clip_warning(report(AutoGain(-1.0, 0.0, -0.1)), "a lower --amount")
    assert "--auto-gain" not in on and "use a lower --amount" in on
    assert clip_warning(report(AutoGain(-1.0, 0.0, -0.1))).endswith("to clip in whatever plays it")


@pytest.mark.parametrize("command", ["apply", "match"])
def test_auto_gain_means_the_same_in_every_help(command, capsys):
    from eqmorph.cli.common import AUTO_GAIN_HELP

    with pytest.raises(SystemExit):
        cli.main([command, "--help"])
    assert " ".join(AUTO_GAIN_HELP.split()) in " ".join(capsys.readouterr().out.split())


def test_eq_process_documents_auto_gain():
    assert "auto_gain" in EQ.process.__doc__ and "clip" in EQ.process.__doc__


# --- 3: the words describe the full match, whatever --amount applies -------------------------------------------------
@pytest.mark.parametrize("amount", ["0", "0.5"])
def test_match_words_do_not_depend_on_the_amount_applied(pair, tmp_path, capsys, amount):
    code, full, _ = _run(capsys, "match", *pair)
    assert code == 0
    code, out, _ = _run(capsys, "match", *pair, "--amount", amount, "-o", tmp_path / "m.json")
    sentence = full.splitlines()[0]
    assert code == 0 and "the reference is " in sentence and "same in tone" not in out
    assert out.splitlines()[0].startswith(sentence + f"; --amount {amount} applies ")
    gains = load_preset(tmp_path / "m.json").to_array()[:, 0]
    assert np.all(gains == 0.0) if amount == "0" else np.abs(gains).max() > 0.5


def test_an_amount_out_of_range_is_refused_before_the_analysis(pair, capsys, monkeypatch):
    import eqmorph.semantic.match as match_module

    monkeypatch.setattr(match_module, "match_files", lambda *a, **k: pytest.fail("analysed before the check"))
    code, _, err = _run(capsys, "match", *pair, "--amount", "3")
    assert code == 2 and "--amount=3.0" in err and "[0, 2]" in err


# --- 5: --version, import --quiet, errors as typed, the file a refusal names, help, overwrites, band words ----------
def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"eqmorph {eqmorph.__version__}"


def test_import_quiet_hides_the_preamp_notes(tmp_path, capsys):
    preset = tmp_path / "loud.txt"
    preset.write_text("Filter 1: ON PK Fc 1000 Hz Gain 6 dB Q 1\n")
    code, _, err = _run(capsys, "import", preset)
    assert code == 0 and "note:" in err
    code, out, err = _run(capsys, "import", preset, "--quiet")
    assert code == 0 and err == "" and "peak2" in out


def test_a_blend_of_zero_weights_is_refused_as_typed_not_as_a_dict(capsys):
    code, _, err = _run(capsys, "blend", "warm=0", "bright=0")
    assert code == 2 and "WORD=WEIGHT='warm=0 bright=0'" in err and "{" not in err


def test_match_apply_over_the_reference_names_the_reference(pair, capsys):
    before = pair[1].read_bytes()
    code, _, err = _run(capsys, "match", *pair, "--apply", pair[1])
    assert code == 2 and f"--apply={str(pair[1])!r}" in err and f"REFERENCE {str(pair[1])!r}" in err
    assert pair[1].read_bytes() == before


def test_apply_over_the_preset_names_the_preset(tmp_path, pair, capsys):
    preset = tmp_path / "p.wav"  # a preset of any name is read by its content: one named like audio is refused
    preset.write_text("Filter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1\n")
    code, _, err = _run(capsys, "apply", pair[0], preset, "--preset", preset)
    assert code == 2 and f"different from --preset {str(preset)!r}" in err
    assert preset.read_text().startswith("Filter 1")


def test_describe_help_says_graphiceq_is_read(capsys):
    with pytest.raises(SystemExit):
        cli.main(["describe", "--help"])
    assert "GraphicEQ" in capsys.readouterr().out


def test_an_existing_output_is_replaced_and_said_to_be(tmp_path, pair, tiny_model_dir, capsys):
    out = tmp_path / "w.txt"
    for said in ("wrote", "overwrote"):
        code, text, _ = _run(capsys, "generate", "warm", "-o", out, "--model", tiny_model_dir)
        assert code == 0 and text.strip() == f"{said} {out}"
    for said in ("wrote", "overwrote"):
        code, text, _ = _run(capsys, "apply", pair[0], tmp_path / "o.wav", "--word", "warm", "--model",
                             tiny_model_dir)
        assert code == 0 and text.splitlines()[-1] == f"{said} {tmp_path / 'o.wav'}"


def test_sample_still_varies_crowd_words(capsys):
    code, out, _ = _run(capsys, "sample", "warm", "-n", "2", "--seed", "0")
    assert code == 0 and out.count("variation") == 2


# --- 6: the package's help --------------------------------------------------------------------------------------------
def test_the_package_doc_shows_the_main_calls_and_dir_hides_internals():
    doc = eqmorph.__doc__
    for call in ("eqmorph.load()", ".generate(", ".interpolate(", ".describe_text(", ".process(", "eqmorph.match("):
        assert call in doc
    assert not {"core", "semantic", "language", "_MATCH_NAMES"} & set(dir(eqmorph))
    assert all(hasattr(eqmorph, name) and not name.startswith("_") for name in eqmorph.__all__)


def test_an_output_at_a_link_says_which_file_it_wrote(tmp_path, tiny_model_dir, capsys):
    real = tmp_path / "config.txt"
    link = tmp_path / "link.txt"
    link.symlink_to(real)  # broken until the first write makes config.txt
    for said in ("wrote", "overwrote"):
        code, text, _ = _run(capsys, "generate", "warm", "-o", link, "--model", tiny_model_dir)
        assert code == 0 and text.strip() == f"{said} {link} (the file it links to, {real})"
        assert link.is_symlink() and real.read_text().startswith("#")
