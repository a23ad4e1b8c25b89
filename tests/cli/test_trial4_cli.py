"""Trial 4 on the command line: bands moved below a file's Nyquist are said, Ogg overs are kept not clipped, one
line per distinct alpha, finite weights, a match's level change is said, and a GraphicEQ curve's level is named as
the fit's."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from eqmorph import cli

TONES = (150.0, 1000.0, 3000.0)


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _tones(path, sample_rate: int, level: float = 0.1, subtype: str = "PCM_16"):
    t = np.arange(sample_rate // 2) / sample_rate
    sf.write(path, sum(level * np.sin(2 * np.pi * f * t) for f in TONES), sample_rate, subtype=subtype)
    return path


# --- #13: bands above the file's Nyquist ----------------------------------------------------------------------------
def test_apply_at_8_khz_says_which_band_was_moved_below_nyquist_and_by_how_much_the_response_differs(tmp_path, capsys):
    code, _, err = _run(capsys, "apply", _tones(tmp_path / "in8k.wav", 8000), tmp_path / "o.wav", "--word", "airy",
                        "--quiet")
    assert code == 0
    assert "sample rate 8000 Hz (Nyquist 4000 Hz) cannot hold high shelf" in err and "placed at 3920 Hz" in err
    difference = float(err.split("differs from the one printed by up to ")[1].split(" dB")[0])
    assert abs(difference) > 1.0  # the trial measured up to 4.9 dB below 3.5 kHz


def test_apply_at_44_khz_has_no_nyquist_note(tmp_path, capsys):
    code, _, err = _run(capsys, "apply", _tones(tmp_path / "in.wav", 44100), tmp_path / "o.wav", "--word", "airy")
    assert code == 0 and "Nyquist" not in err


# --- #27: Ogg Vorbis keeps overs ---------------------------------------------------------------------------------
def test_overs_written_to_ogg_are_said_to_be_kept_as_vorbis_keeps_them(tmp_path, capsys):
    hot = _tones(tmp_path / "hot.wav", 44100, level=3.0, subtype="FLOAT")  # about +19 dBFS
    code, _, err = _run(capsys, "apply", hot, tmp_path / "o.ogg", "--word", "warm", "--quiet", "--no-auto-gain")
    assert code == 0 and "kept above full scale in the Ogg Vorbis file" in err and "clipped" not in err
    assert np.abs(sf.read(tmp_path / "o.ogg")[0]).max() > 1.0  # what the message says is what the file holds


# --- #28: message nits ------------------------------------------------------------------------------------------------
def test_a_constant_alpha_lists_its_eq_once(tmp_path, capsys):
    code, out, _ = _run(capsys, "apply", _tones(tmp_path / "in.wav", 44100), tmp_path / "o.wav", "--word", "warm",
                        "--to", "bright", "--automate", "0:0.5")
    assert code == 0 and out.count("alpha 0.50:") == 1


def test_a_negative_automate_spec_is_explained_in_the_help(capsys):
    with pytest.raises(SystemExit):
        cli.main(["apply", "--help"])
    assert "--automate=SPEC" in " ".join(capsys.readouterr().out.split())


def test_blend_says_a_weight_must_be_finite(capsys):
    code, _, err = _run(capsys, "blend", "warm=1e400")
    assert code == 2 and "a finite number >= 0" in err


# --- #10: match --apply --no-auto-gain (auto gain is a match's default since the eighth new-user trial) -------------
def test_match_apply_without_auto_gain_says_the_level_change_and_how_to_keep_the_loudness(tmp_path, capsys):
    # a dull input and a bright reference (the trial's guitar and drums: 7.8 dB quieter), synthesized
    from scipy.signal import butter, sosfilt

    rng = np.random.default_rng(4)
    noise = rng.standard_normal((2 * 44100, 2))
    dull = sosfilt(butter(2, 300.0, fs=44100, output="sos"), noise, axis=0)
    guitar, drums = tmp_path / "dull.wav", tmp_path / "bright.wav"
    sf.write(guitar, 0.3 * dull / np.abs(dull).max(), 44100, subtype="FLOAT")
    sf.write(drums, 0.3 * noise / np.abs(noise).max(), 44100, subtype="FLOAT")
    code, _, err = _run(capsys, "match", guitar, drums, "--apply", tmp_path / "g.wav", "--quiet", "--no-auto-gain")
    change_db = 10.0 * np.log10(np.mean(sf.read(tmp_path / "g.wav")[0] ** 2) / np.mean(sf.read(guitar)[0] ** 2))
    assert abs(change_db) > 1.0
    assert code == 0 and f"is {abs(change_db):.1f} dB {'quieter' if change_db < 0 else 'louder'}" in err
    assert "drop --no-auto-gain" in err
    code, _, err = _run(capsys, "match", guitar, drums, "--apply", tmp_path / "g2.wav", "--quiet")
    assert code == 0 and "--no-auto-gain" not in err


# --- #6: import of a GraphicEQ curve -------------------------------------------------------------------------------
def test_import_names_a_fitted_curve_level_as_the_fits_not_the_presets_preamp(tmp_path, capsys):
    (tmp_path / "down.txt").write_text("GraphicEQ: 20 -12; 1000 -10; 20000 -12\n")
    code, out, err = _run(capsys, "import", tmp_path / "down.txt")
    assert code == 0 and "the curve has no preamp of its own; the fit set its level -10.0 dB" in err
    assert "preamp (the curve's level -10.0 dB, found by the fit)" in out and "preset's own" not in out


def test_import_of_a_curve_the_bands_follow_invents_no_preamp(tmp_path, capsys):
    (tmp_path / "geq2.txt").write_text("GraphicEQ: 20 -2.0; 100 3.0; 1000 0; 10000 -4.0; 20000 -6\n")
    code, out, err = _run(capsys, "import", tmp_path / "geq2.txt")
    assert code == 0 and "Preamp -3.0" not in err and "preamp (the preset's own): 0.0 dB" in out
