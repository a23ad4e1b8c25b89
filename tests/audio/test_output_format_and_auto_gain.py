"""The output's sample format follows what the output format holds, and auto gain keeps loudness without clipping."""

import numpy as np
import pytest
import soundfile as sf

from eqmorph import EQ
from eqmorph.audio.arrays import morph_audio
from eqmorph.audio.autogain import CEILING_DBFS, AutoGain, auto_gain_from
from eqmorph.audio.files import process_file
from eqmorph.audio.filtering import apply_eq
from eqmorph.core.ranges import flat_params

SR = 44100
CAN_WRITE_MP3 = "MP3" in sf.available_formats()


def _noise(frames, channels=2, seed=0, level=0.25):
    return np.random.default_rng(seed).uniform(-level, level, (frames, channels))


def _bell(gain_db, freq_hz=1000.0, q=1.0):
    p = flat_params()
    p[2] = [gain_db, freq_hz, q]
    return EQ.from_array(p)


def _mean_square_db(x):
    return 10.0 * np.log10(np.mean(np.square(x)))


@pytest.mark.parametrize("in_format, in_subtype, ext, out_subtype", [
    ("WAV", "PCM_16", "flac", "PCM_16"), ("FLAC", "PCM_16", "wav", "PCM_16"), ("FLAC", "PCM_24", "wav", "PCM_24"),
    ("WAV", "FLOAT", "flac", "PCM_24"), ("WAV", "DOUBLE", "flac", "PCM_24"), ("WAV", "DOUBLE", "wav", "DOUBLE"),
    ("WAV", "PCM_32", "flac", "PCM_24"), ("WAV", "ULAW", "wav", "FLOAT"), ("WAV", "IMA_ADPCM", "flac", "PCM_24"),
    ("OGG", "VORBIS", "wav", "FLOAT"), ("OGG", "VORBIS", "flac", "PCM_24"), ("FLAC", "PCM_S8", "wav", "PCM_16"),
    ("WAV", "PCM_16", "ogg", "VORBIS"),
])  # fmt: skip
def test_any_input_sample_format_can_be_written_to_any_output_format(tmp_path, in_format, in_subtype, ext,
                                                                      out_subtype):
    src = tmp_path / f"in.{in_format.lower()}"
    sf.write(src, _noise(4000), SR, subtype=in_subtype, format=in_format)
    report = process_file(src, tmp_path / f"out.{ext}", eq=_bell(3.0))
    assert report.subtype == sf.info(tmp_path / f"out.{ext}").subtype == out_subtype
    assert sf.read(tmp_path / f"out.{ext}")[0].shape == (sf.info(src).frames, 2)  # ADPCM pads to its block


@pytest.mark.skipif(not CAN_WRITE_MP3, reason="this libsndfile cannot write MP3")
@pytest.mark.parametrize("ext, out_subtype", [("wav", "FLOAT"), ("flac", "PCM_24"), ("ogg", "VORBIS")])
def test_an_mp3_input_is_written_as_wav_flac_or_ogg(tmp_path, ext, out_subtype):
    # WAV cannot hold MPEG audio as libsndfile writes it: the MP3's subtype once went along and the write failed.
    src = tmp_path / "in.mp3"
    sf.write(src, _noise(SR // 2), SR, format="MP3", subtype="MPEG_LAYER_III")
    report = process_file(src, tmp_path / f"out.{ext}", eq=_bell(3.0), auto_gain=True)
    assert report.subtype == sf.info(tmp_path / f"out.{ext}").subtype == out_subtype
    assert not report.clipped


def test_auto_gain_keeps_the_input_loudness_when_the_peak_allows_it(tmp_path):
    x = _noise(SR, level=0.1)
    src = tmp_path / "in.wav"
    sf.write(src, x, SR, subtype="FLOAT")
    report = process_file(src, tmp_path / "out.wav", eq=_bell(9.0, q=0.7), auto_gain=True)
    y = sf.read(tmp_path / "out.wav")[0]
    assert report.auto_gain.peak_cut_db == 0.0 and report.gain_db < -1.0
    assert _mean_square_db(y) == pytest.approx(_mean_square_db(x), abs=0.01)
    assert report.level_change_db == pytest.approx(0.0, abs=0.01)


def test_auto_gain_never_lets_a_sample_exceed_full_scale_and_says_how_much_further_it_lowered(tmp_path):
    # A steady 100 Hz tone with a short 3 kHz burst the EQ boosts by 12 dB: the burst adds little to the loudness
    # and much to the peak, so keeping the loudness alone clips (+2.7 dBFS).
    t = np.arange(SR) / SR
    x = 0.3 * np.sin(2 * np.pi * 100.0 * t)[:, None]
    x[: SR // 20, 0] += 0.5 * np.sin(2 * np.pi * 3000.0 * t[: SR // 20])
    src = tmp_path / "in.wav"
    sf.write(src, x, SR, subtype="PCM_16")
    eq = _bell(12.0, 3000.0, 2.0)
    loudness_only_db = _mean_square_db(x) - _mean_square_db(apply_eq(x, SR, eq))
    assert np.abs(apply_eq(x, SR, eq, gain_db=loudness_only_db)).max() > 1.0
    report = process_file(src, tmp_path / "out.wav", eq=eq, auto_gain=True)
    y = sf.read(tmp_path / "out.wav")[0]
    assert not report.clipped and np.abs(y).max() <= 10 ** (CEILING_DBFS / 20) + 1e-4
    assert report.auto_gain.loudness_db == pytest.approx(loudness_only_db, abs=0.01)
    assert report.auto_gain.peak_cut_db > 2.0
    assert report.level_change_db == pytest.approx(-report.auto_gain.peak_cut_db, abs=0.01)
    assert f"lowered {report.auto_gain.peak_cut_db:.1f} dB more" in report.auto_gain.describe()


def test_auto_gain_of_a_morph_file_covers_the_whole_path(tmp_path):
    from eqmorph.audio.automation import parse_automation

    b = flat_params()
    b[2] = [15.0, 1000.0, 1.0]

    def params_at(alphas):
        al = np.asarray(alphas, dtype=float)[:, None, None]
        return flat_params() * (1 - al) + b * al

    t = np.arange(SR) / SR
    x = 0.6 * np.sin(2 * np.pi * 1000.0 * t)[:, None]
    src = tmp_path / "in.wav"
    sf.write(src, x, SR, subtype="PCM_24")
    report = process_file(src, tmp_path / "out.wav", params_at=params_at, automation=parse_automation("0:0,1:1"),
                          auto_gain=True)
    assert not report.clipped and report.auto_gain.peak_cut_db > 0.0


def test_eq_process_auto_gain_keeps_loudness_and_never_clips_int16():
    t = np.arange(SR) / SR
    x = (0.9 * 32767 * np.sin(2 * np.pi * 1000.0 * t)).astype(np.int16)
    y = _bell(12.0).process(x, SR, auto_gain=True)
    assert y.dtype == np.int16 and np.abs(y.astype(np.int32)).max() < 32767
    quiet = 0.01 * _noise(SR, 1, level=1.0)
    z = _bell(6.0, q=0.5).process(quiet, SR, auto_gain=True)
    assert _mean_square_db(z) == pytest.approx(_mean_square_db(quiet), abs=0.01)


def test_morph_audio_auto_gain_never_clips(tiny_model):
    t = np.arange(SR // 2) / SR
    x = 0.95 * np.stack([np.sin(2 * np.pi * f * t) for f in (150.0, 1000.0)], axis=1) / 2
    y = morph_audio(tiny_model, x, SR, "warm", "bright", "0:0,0.5:1", auto_gain=True)
    assert np.abs(y).max() <= 10 ** (CEILING_DBFS / 20) + 1e-9


def test_silence_gets_no_gain():
    assert auto_gain_from(0.0, 0.0, 0.0) == AutoGain(0.0, 0.0, -np.inf)


def test_a_gain_that_rounds_to_nothing_is_said_without_a_minus_sign():
    assert AutoGain(-0.02, 0.0, -3.0).describe().startswith("+0.0 dB auto gain")


def test_a_level_meter_told_the_running_peak_gives_the_auto_gain_of_one_that_measures_it():
    from eqmorph.audio.autogain import LevelMeter
    from eqmorph.audio.filtering import PeakMeter

    x = _noise(SR, seed=3)
    y = apply_eq(x, SR, _bell(9.0))
    measured, told, peaks = LevelMeter(), LevelMeter(), PeakMeter()
    for start in range(0, SR, 4096):
        block_in, block_out = x[start:start + 4096], y[start:start + 4096]
        measured.update(block_in, block_out)
        peaks.update(block_out)
        told.update(block_in, block_out, output_peak=peaks.peak)
    assert told.result() == measured.result()
    assert told.output_peak == pytest.approx(float(np.abs(y).max()), rel=0, abs=0)
