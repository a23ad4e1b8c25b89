"""``eqmorph apply``: words to filtered audio files, option checks, report and warnings.

The CLI runs the real loader on the tiny synthetic model (``--model tiny_model_dir``); the
expected audio is the same model's EQ run through the filtering functions.
"""

import re

import numpy as np
import pytest
import soundfile as sf

import eqmorph
from eqmorph import cli
from eqmorph.audio.autogain import auto_gain_for
from eqmorph.audio.automation import parse_automation
from eqmorph.audio.filtering import apply_eq, apply_morph
from eqmorph.core.preamp import max_response_db
from eqmorph.semantic.morph import DEFAULT_INTERPOLATION, INTERPOLATIONS

SR = 44100


@pytest.fixture
def missing_model(tmp_path):
    """A --model that cannot load: an error naming anything else shows the check came before loading."""
    return tmp_path / "no-model-here"


def _run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _band_texts(eq):
    """The gain and frequency of each band as the report prints them."""
    return [f"{gain_db:+.1f} dB {freq_hz:.0f} Hz" for gain_db, freq_hz, _ in eq.to_array()]


def _loud_sine(tmp_path, eq):
    """A 0.9 full-scale PCM_16 sine at the frequency of ``eq``'s strongest boost."""
    params = eq.to_array()
    freq_hz = params[np.argmax(params[:, 0]), 1]
    assert max_response_db(params, SR) > 3.0  # the word must boost enough for 0.9 to clip
    t = np.arange(SR // 2) / SR
    path = tmp_path / "loud.wav"
    sf.write(path, 0.9 * np.sin(2 * np.pi * freq_hz * t), SR, subtype="PCM_16")
    return path, sf.read(path)[0]


def test_apply_filters_the_file_through_the_words_eq(tmp_path, tones_wav, tiny_model_dir, tiny_model, capsys):
    src, x = tones_wav
    argv = ["apply", src, tmp_path / "out.wav", "--word", "muddy", "--intensity", "0.5", "--model", tiny_model_dir,
            "--no-auto-gain"]
    code, out, err = _run(argv, capsys)
    assert code == 0 and err == ""
    eq = tiny_model.generate("muddy", intensity=0.5)
    expected = apply_eq(x, SR, eq)
    y = sf.read(tmp_path / "out.wav")[0]
    np.testing.assert_allclose(y, expected, atol=1e-6)
    # intensity reached the model: the full-strength word filters differently
    assert np.abs(apply_eq(x, SR, tiny_model.generate("muddy")) - y).max() > 1e-2
    assert "'muddy' (intensity 0.5)" in out and "dBFS" in out
    assert all(text in out for text in _band_texts(eq))


def test_apply_without_model_uses_the_bundled_model(tmp_path, tones_wav, tiny_model, capsys):
    src, x = tones_wav
    code, _, err = _run(["apply", src, tmp_path / "out.wav", "--word", "warm", "--quiet", "--no-auto-gain"], capsys)
    assert code == 0, err
    y = sf.read(tmp_path / "out.wav")[0]
    np.testing.assert_allclose(y, apply_eq(x, SR, eqmorph.load().generate("warm")), atol=1e-6)
    assert np.abs(apply_eq(x, SR, tiny_model.generate("warm")) - y).max() > 1e-2


def test_apply_with_to_and_alpha_uses_the_blend(tmp_path, tones_wav, tiny_model_dir, tiny_model, capsys):
    src, x = tones_wav
    argv = ["apply", src, tmp_path / "out.flac", "--word", "warm", "--to", "bright", "--alpha", "0.25",
            "--no-auto-gain"]
    code, out, err = _run([*argv, "--model", tiny_model_dir], capsys)
    assert code == 0, err
    eq = tiny_model.interpolate("warm", "bright", 0.25)
    y = sf.read(tmp_path / "out.flac")[0]
    np.testing.assert_allclose(y, apply_eq(x, SR, eq), atol=2e-4)  # 16-bit FLAC
    assert np.abs(apply_eq(x, SR, tiny_model.interpolate("warm", "bright", 0.5)) - y).max() > 1e-2
    assert f"alpha 0.25 ({DEFAULT_INTERPOLATION}" in out
    assert all(text in out for text in _band_texts(eq))


def test_apply_with_automate_morphs_over_time(tmp_path, tones_wav, tiny_model_dir, tiny_model, capsys):
    src, x = tones_wav
    argv = ["apply", src, tmp_path / "out.wav", "--word", "warm", "--to", "bright", "--automate", "0:0,0.4:1",
            "--no-auto-gain"]
    code, out, err = _run([*argv, "--model", tiny_model_dir], capsys)
    assert code == 0, err

    def params_at(alphas):
        return tiny_model.interpolate_params("warm", "bright", alphas)

    expected = apply_morph(x, SR, params_at, parse_automation("0:0,0.4:1"))
    y = sf.read(tmp_path / "out.wav")[0]
    np.testing.assert_allclose(y, expected, atol=1e-6)
    # a morph, not either word's static EQ
    for word in ("warm", "bright"):
        assert np.abs(apply_eq(x, SR, tiny_model.generate(word)) - y).max() > 1e-2
    assert "morph 'warm' -> 'bright'" in out and "alpha 0.00" in out and "alpha 1.00" in out
    assert all(text in out for text in _band_texts(tiny_model.generate("bright")))


@pytest.mark.parametrize("method", INTERPOLATIONS)
def test_method_reaches_the_blend(tmp_path, tones_wav, tiny_model_dir, tiny_model, capsys, method):
    src, x = tones_wav
    argv = ["apply", src, tmp_path / "out.wav", "--word", "warm", "--to", "bright", "--alpha", "0.5", "--no-auto-gain"]
    code, out, err = _run([*argv, "--method", method, "--model", tiny_model_dir], capsys)
    assert code == 0, err
    y = sf.read(tmp_path / "out.wav")[0]
    np.testing.assert_allclose(
        y, apply_eq(x, SR, tiny_model.interpolate("warm", "bright", 0.5, method=method)), atol=1e-6
    )
    assert f"({method}, intensity 1)" in out
    for other in INTERPOLATIONS:
        if other != method and {method, other} != {"latent", "slerp"}:  # the two latent paths may nearly agree
            eq = tiny_model.interpolate("warm", "bright", 0.5, method=other)
            assert np.abs(apply_eq(x, SR, eq) - y).max() > 1e-3, other


def test_method_latent_and_params_give_different_audio(tmp_path, tones_wav, tiny_model_dir, capsys):
    src, _ = tones_wav
    outputs = {}
    for method in ("params", "latent"):
        out = tmp_path / f"{method}.wav"
        argv = ["apply", src, out, "--word", "warm", "--to", "bright", "--alpha", "0.5", "--method", method,
                "--no-auto-gain"]
        code, _, err = _run([*argv, "--model", tiny_model_dir, "--quiet"], capsys)
        assert code == 0, err
        outputs[method] = sf.read(out)[0]
    assert np.abs(outputs["params"] - outputs["latent"]).max() > 1e-3


def test_method_reaches_the_morph(tmp_path, tones_wav, tiny_model_dir, tiny_model, capsys):
    src, x = tones_wav
    automation = parse_automation("0:0,0.5:1")
    argv = ["apply", src, tmp_path / "out.wav", "--word", "warm", "--to", "bright", "--automate", "0:0,0.5:1",
            "--no-auto-gain"]
    code, out, err = _run([*argv, "--method", "latent", "--model", tiny_model_dir], capsys)
    assert code == 0, err
    y = sf.read(tmp_path / "out.wav")[0]

    def path(method):
        return apply_morph(
            x, SR, lambda al: tiny_model.interpolate_params("warm", "bright", al, method=method), automation
        )

    np.testing.assert_allclose(y, path("latent"), atol=1e-6)
    assert np.abs(path("params") - y).max() > 1e-3
    assert "(latent, intensity 1)" in out


def test_default_method_is_the_librarys_default(tmp_path, tones_wav, tiny_model_dir, capsys):
    src, _ = tones_wav
    argv = ["apply", src, None, "--word", "warm", "--to", "bright", "--alpha", "0.5", "--model", tiny_model_dir]
    argv[2] = tmp_path / "default.wav"
    assert _run(argv, capsys)[0] == 0
    argv[2] = tmp_path / "named.wav"
    assert _run([*argv, "--method", DEFAULT_INTERPOLATION], capsys)[0] == 0
    np.testing.assert_array_equal(sf.read(tmp_path / "default.wav")[0], sf.read(tmp_path / "named.wav")[0])


def test_an_unknown_method_is_refused_by_the_parser(tmp_path, tones_wav, capsys):
    src, _ = tones_wav
    argv = ["apply", src, tmp_path / "o.wav", "--word", "warm", "--to", "bright", "--method", "cubic"]
    with pytest.raises(SystemExit) as info:
        cli.main([str(a) for a in argv])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--method" in err and all(m in err for m in INTERPOLATIONS)
    assert not (tmp_path / "o.wav").exists()


@pytest.mark.parametrize(
    "extra, named",
    [
        (["--automate", "0:0,8:1"], "--automate"),
        (["--alpha", "0.3"], "--alpha"),
        (["--method", "latent"], "--method"),
        (["--to", "bright", "--alpha", "1.5"], "--alpha"),
        (["--to", "bright", "--alpha", "nan"], "--alpha"),
        (["--to", "bright", "--automate", "8:1,0:0"], "--automate"),
    ],
)
def test_bad_option_combinations_are_refused_before_the_model_loads(
    tmp_path, tones_wav, missing_model, capsys, extra, named
):
    src, _ = tones_wav
    code, _, err = _run(
        ["apply", src, tmp_path / "out.wav", "--word", "warm", *extra, "--model", missing_model], capsys
    )
    assert code == 2
    assert named in err and err.count("\n") == 1 and "Traceback" not in err
    assert str(missing_model) not in err  # the model was never tried
    assert not (tmp_path / "out.wav").exists()


def test_a_model_that_cannot_load_is_a_one_line_error(tmp_path, tones_wav, missing_model, capsys):
    src, _ = tones_wav
    code, _, err = _run(["apply", src, tmp_path / "out.wav", "--word", "warm", "--model", missing_model], capsys)
    assert code == 2 and str(missing_model) in err and err.count("\n") == 1
    assert not (tmp_path / "out.wav").exists()


def test_alpha_and_automate_are_exclusive(tmp_path, tones_wav, capsys):
    src, _ = tones_wav
    argv = ["apply", src, tmp_path / "o.wav", "--word", "warm", "--to", "bright", "--alpha", "0.5", "--automate", "0:0"]
    with pytest.raises(SystemExit) as info:
        cli.main([str(a) for a in argv])
    assert info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize("via_symlink", [False, True])
def test_output_equal_to_input_is_refused_and_input_intact(tmp_path, tones_wav, missing_model, capsys, via_symlink):
    src, _ = tones_wav
    before = src.read_bytes()
    out = src
    if via_symlink:
        out = tmp_path / "link.wav"
        out.symlink_to(src)
    code, _, err = _run(["apply", src, out, "--word", "warm", "--model", missing_model], capsys)
    assert code == 2 and f"different from IN {str(src)!r}" in err and err.count("\n") == 1
    assert str(missing_model) not in err  # refused before the model loads
    assert src.read_bytes() == before


@pytest.mark.parametrize("words", [["--word", "nonsense"], ["--word", "warm", "--to", "nonsense", "--alpha", "0.5"]])
def test_an_unknown_word_is_a_one_line_error_and_writes_nothing(tmp_path, tones_wav, tiny_model_dir, capsys, words):
    src, _ = tones_wav
    code, _, err = _run(["apply", src, tmp_path / "out.wav", *words, "--model", tiny_model_dir], capsys)
    assert code == 2 and "unknown word 'nonsense'" in err and err.count("\n") == 1
    assert not (tmp_path / "out.wav").exists()


def test_a_non_audio_input_is_refused(tmp_path, missing_model, capsys):
    src = tmp_path / "notes.wav"
    src.write_text("not audio")
    code, _, err = _run(["apply", src, tmp_path / "out.wav", "--word", "warm", "--model", missing_model], capsys)
    assert code == 2 and "notes.wav" in err and err.count("\n") == 1
    assert str(missing_model) not in err  # the input is checked before the model loads
    assert not (tmp_path / "out.wav").exists()


def test_clipping_is_warned_about_even_when_quiet(tmp_path, tiny_model_dir, tiny_model, capsys):
    eq = tiny_model.generate("muddy")
    src, x = _loud_sine(tmp_path, eq)
    argv = ["apply", src, tmp_path / "out.wav", "--word", "muddy", "--quiet", "--model", tiny_model_dir,
            "--no-auto-gain"]
    code, out, err = _run(argv, capsys)
    assert code == 0 and out == ""
    clipped = int(np.count_nonzero(np.abs(apply_eq(x, SR, eq)) > 1.0))
    assert clipped > 0
    assert "warning" in err and f"{clipped} sample(s)" in err and "clipped" in err and "drop --no-auto-gain" in err
    assert np.abs(sf.read(tmp_path / "out.wav")[0]).max() <= 1.0  # PCM_16 output holds the clipped signal


def test_a_words_eq_keeps_the_inputs_loudness_and_never_clips_by_default(tmp_path, tiny_model_dir, tiny_model,
                                                                          capsys):
    """As 'match --apply' does: a word changes tone, not loudness (--no-auto-gain applies the EQ as it is)."""
    eq = tiny_model.generate("muddy")
    src, x = _loud_sine(tmp_path, eq)
    code, out, err = _run(["apply", src, tmp_path / "out.wav", "--word", "muddy", "--model", tiny_model_dir], capsys)
    assert code == 0 and "warning" not in err
    y = sf.read(tmp_path / "out.wav")[0]
    auto = auto_gain_for(x, apply_eq(x, SR, eq))
    assert np.abs(y).max() <= 1.0 and f"output: {auto.describe()}, peak" in out
    np.testing.assert_allclose(y, apply_eq(x, SR, eq, gain_db=auto.gain_db), atol=1e-4)  # PCM_16


def test_auto_gain_lowers_the_level_and_avoids_clipping(tmp_path, tiny_model_dir, tiny_model, capsys):
    eq = tiny_model.generate("muddy")
    src, x = _loud_sine(tmp_path, eq)
    argv = ["apply", src, tmp_path / "out.wav", "--word", "muddy", "--auto-gain", "--model", tiny_model_dir]
    code, out, err = _run(argv, capsys)
    assert code == 0 and err == ""
    auto = auto_gain_for(x, apply_eq(x, SR, eq))
    assert auto.gain_db < -3.0 and f"output: {auto.describe()}, peak" in out
    y = sf.read(tmp_path / "out.wav")[0]
    np.testing.assert_allclose(y, apply_eq(x, SR, eq, gain_db=auto.gain_db), atol=1e-4)  # PCM_16
    assert np.abs(y).max() < 1.0


def test_auto_gain_on_a_morph_covers_the_whole_path(tmp_path, tones_wav, tiny_model_dir, tiny_model, capsys):
    src, x = tones_wav
    automation = parse_automation("0:0,0.5:1")
    argv = ["apply", src, tmp_path / "out.wav", "--word", "warm", "--to", "bright", "--automate", "0:0,0.5:1"]
    code, out, err = _run([*argv, "--model", tiny_model_dir, "--auto-gain"], capsys)
    assert code == 0, err

    def params_at(alphas):
        return tiny_model.interpolate_params("warm", "bright", alphas)

    auto = auto_gain_for(x, apply_morph(x, SR, params_at, automation))
    assert auto.gain_db < -1.0 and f"output: {auto.describe()}, peak" in out
    y = sf.read(tmp_path / "out.wav")[0]
    np.testing.assert_allclose(y, apply_morph(x, SR, params_at, automation, gain_db=auto.gain_db), atol=1e-6)
    assert "morph 'warm' -> 'bright'" in out


def test_the_report_of_a_clipped_integer_file_says_its_peak_was_before_clipping(tmp_path, tiny_model_dir, tiny_model,
                                                                                capsys):
    """A tenth new-user trial read "output: peak +1.5 dBFS" for a 16-bit file whose peak is 0 dBFS."""
    src, x = _loud_sine(tmp_path, tiny_model.generate("muddy"))
    argv = ["apply", src, tmp_path / "out.wav", "--word", "muddy", "--no-auto-gain", "--model", tiny_model_dir]
    code, out, _ = _run(argv, capsys)
    assert code == 0 and re.search(r"output: peak \+\d+\.\d dBFS before clipping, \d+\.\d dB louder than the input",
                                   out), out
    assert np.abs(sf.read(tmp_path / "out.wav")[0]).max() <= 1.0
