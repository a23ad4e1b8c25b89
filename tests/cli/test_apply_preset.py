"""``eqmorph apply IN OUT --preset PRESET``: any preset import reads, applied as words are, without a model."""

import numpy as np
import pytest
import soundfile as sf

from eqmorph import EQ, cli
from eqmorph.audio.autogain import auto_gain_for
from eqmorph.audio.filtering import apply_eq
from eqmorph.io.presets import import_preset, to_apo

SR = 44100
ROWS = [[3.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]
FOUR_PEAKS = "".join(f"Filter {i}: ON PK Fc {f} Hz Gain 4 dB Q 2\n" for i, f in enumerate((100, 300, 1000, 3000), 1))


@pytest.fixture
def preset(tmp_path):
    path = tmp_path / "preset.txt"
    path.write_text(to_apo(EQ.from_array(ROWS)))
    return path


def _run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_apply_with_a_preset_filters_the_file_through_the_presets_eq(tmp_path, tones_wav, preset, capsys):
    src, x = tones_wav
    code, out, err = _run(["apply", src, tmp_path / "out.wav", "--preset", preset], capsys)
    assert code == 0 and err == ""
    preamp_db = import_preset(preset).preamp_db
    assert preamp_db < 0.0  # our own export writes the preamp that keeps the EQ from clipping
    y = sf.read(tmp_path / "out.wav")[0]
    np.testing.assert_allclose(y, apply_eq(x, SR, EQ.from_array(ROWS), gain_db=preamp_db), atol=1e-6)
    assert f"EQ: preset {str(preset)!r}: LS +3.0 dB 105 Hz" in out and f"wrote {tmp_path / 'out.wav'}" in out


@pytest.mark.parametrize("name,text", [
    ("four.txt", FOUR_PEAKS),
    ("one.csv", "name,type,gain_db,freq_hz,q\npeak1,peaking,6,1000,1\n"),
    ("hand.json", '{"bands": [{"name": "peak1", "gain_db": 6, "freq_hz": 1000, "q": 1}]}'),
])
def test_apply_takes_every_preset_import_reads_and_a_fitted_one_says_its_fit_error(tmp_path, tones_wav, capsys,
                                                                                  name, text):
    src, x = tones_wav
    path = tmp_path / name
    path.write_text(text)
    imported = import_preset(path)
    code, _, err = _run(["apply", src, tmp_path / "out.wav", "--preset", path, "--quiet"], capsys)
    assert code == 0
    np.testing.assert_allclose(sf.read(tmp_path / "out.wav")[0], apply_eq(x, SR, imported.eq), atol=1e-6)
    if imported.fitted:  # even with --quiet: the audio went through an approximation
        assert err == f"eqmorph apply: {imported.describe_fit()}\n" and "dB RMS" in err
    else:
        assert err == ""


def test_auto_gain_works_on_a_preset_as_on_a_word(tmp_path, preset, capsys):
    t = np.arange(SR // 2) / SR
    src = tmp_path / "loud.wav"
    sf.write(src, 0.9 * np.sin(2 * np.pi * 4000.0 * t), SR, subtype="PCM_16")
    x = sf.read(src)[0]
    eq = EQ.from_array(ROWS)
    bare = tmp_path / "bare.txt"  # the preset without its Preamp line
    bare.write_text("\n".join(line for line in preset.read_text().splitlines() if not line.startswith("Preamp")))
    code, out, err = _run(["apply", src, tmp_path / "plain.wav", "--preset", bare, "--quiet"], capsys)
    assert code == 0 and "exceed full scale" in err and "--auto-gain" in err
    code, out, err = _run(["apply", src, tmp_path / "out.wav", "--preset", preset, "--auto-gain"], capsys)
    assert code == 0 and err == ""
    auto = auto_gain_for(x, apply_eq(x, SR, eq))
    assert auto.gain_db < -3.0 and f"output: {auto.describe()}, peak" in out
    y = sf.read(tmp_path / "out.wav")[0]
    np.testing.assert_allclose(y, apply_eq(x, SR, eq, gain_db=auto.gain_db), atol=1e-4)
    assert np.abs(y).max() < 1.0


def test_a_presets_preamp_line_is_applied_as_equalizer_apo_does_unless_auto_gain_replaces_it(tmp_path, tones_wav,
                                                                                              capsys):
    src, x = tones_wav
    path = tmp_path / "pre.txt"
    path.write_text("Preamp: -6 dB\nFilter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1\n")
    eq = import_preset(path).eq
    code, _, err = _run(["apply", src, tmp_path / "a.wav", "--preset", path], capsys)
    assert code == 0 and err == ""
    np.testing.assert_allclose(sf.read(tmp_path / "a.wav")[0], apply_eq(x, SR, eq, gain_db=-6.0), atol=1e-4)
    code, _, err = _run(["apply", src, tmp_path / "b.wav", "--preset", path, "--auto-gain"], capsys)
    assert code == 0 and err == ""
    auto = auto_gain_for(x, apply_eq(x, SR, eq))
    np.testing.assert_allclose(sf.read(tmp_path / "b.wav")[0], apply_eq(x, SR, eq, gain_db=auto.gain_db), atol=1e-4)


@pytest.mark.parametrize("choice", [[], ["--word", "warm", "--preset", "p.txt"]], ids=["neither", "both"])
def test_exactly_one_of_word_and_preset_is_required(tmp_path, tones_wav, capsys, choice):
    src, _ = tones_wav
    with pytest.raises(SystemExit) as info:
        cli.main(["apply", str(src), str(tmp_path / "o.wav"), *choice])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--word" in err and "--preset" in err
    assert ("one of the arguments" in err) if not choice else ("not allowed with argument" in err)
    assert not (tmp_path / "o.wav").exists()


@pytest.mark.parametrize("extra,named", [
    (["--to", "bright"], "--to"), (["--alpha", "0.5"], "--alpha"), (["--automate", "0:0,1:1"], "--automate"),
    (["--method", "latent"], "--method"), (["--intensity", "2"], "--intensity"), (["--model", "m"], "--model"),
    (["--source", "safe"], "--source"), (["--open-vocab"], "--open-vocab"),
])
def test_options_of_words_are_refused_with_a_preset_naming_the_option(tmp_path, tones_wav, preset, capsys, extra,
                                                                      named):
    src, _ = tones_wav
    code, out, err = _run(["apply", src, tmp_path / "o.wav", "--preset", preset, *extra], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"eqmorph apply: error: {named}=") and "together with --word WORD" in err
    assert not (tmp_path / "o.wav").exists()


@pytest.mark.parametrize("make,said", [
    (lambda d: d, "--preset="),
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: (d / "bad.txt").write_text("Filter 1: ON PK 1000 Hz Gain 3 dB Q 1\n") and d / "bad.txt",
     "the Fc keyword is missing"),
])
def test_a_bad_preset_is_a_one_line_error_and_writes_nothing(tmp_path, tones_wav, capsys, make, said):
    src, _ = tones_wav
    folder = tmp_path / "presets"
    folder.mkdir()
    code, _, err = _run(["apply", src, tmp_path / "o.wav", "--preset", make(folder)], capsys)
    assert code == 2 and said in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "o.wav").exists()


def test_a_file_shorter_than_a_second_is_reported_in_samples_and_ms_not_as_zero_seconds(tmp_path, preset, capsys):
    src = tmp_path / "short.wav"
    sf.write(src, np.zeros((100, 2)) + 0.1, SR, subtype="PCM_16")
    code, out, err = _run(["apply", src, tmp_path / "o.wav", "--preset", preset], capsys)
    assert code == 0, err
    assert "100 samples, 2.27 ms, 44100 Hz" in out and "0.00 s" not in out
