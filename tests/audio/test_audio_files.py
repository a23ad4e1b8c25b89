"""Audio files: formats kept, streaming equals one-shot, safe output, bad input refused."""

import errno
import os

import numpy as np
import pytest
import soundfile as sf

from eqmorph import EQ
from eqmorph.audio import files as audio_io
from eqmorph.audio.automation import parse_automation
from eqmorph.audio.files import process_file, read_audio, read_info, write_audio
from eqmorph.audio.filtering import apply_eq, apply_morph
from eqmorph.core.ranges import flat_params
from eqmorph.errors import AudioError, EqmorphError, ParameterError

FILE_FORMATS = [("wav", "PCM_16"), ("flac", "PCM_16"), ("ogg", "VORBIS")]


def _noise(frames, channels, seed=0, level=0.25):
    return np.random.default_rng(seed).uniform(-level, level, (frames, channels))


def _write(path, samples, sample_rate, subtype=None):
    sf.write(path, samples, sample_rate, subtype=subtype)
    return path


def _boost_eq(gain_db=6.0):
    p = flat_params()
    p[2] = [gain_db, 1000.0, 1.0]
    return EQ.from_array(p)


def _morph():
    b = flat_params()
    b[2] = [9.0, 1000.0, 1.0]

    def params_at(alphas):
        al = np.asarray(alphas, dtype=float)[:, None, None]
        return flat_params() * (1 - al) + b * al

    return params_at


def _listing(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("ext, subtype", FILE_FORMATS)
@pytest.mark.parametrize("sample_rate", [8000, 44100, 48000, 96000, 192000])
@pytest.mark.parametrize("channels", [1, 2, 8])
def test_files_keep_channels_length_sample_rate_and_subtype(tmp_path, ext, subtype, sample_rate, channels):
    src = _write(tmp_path / "in.wav", _noise(sample_rate // 20 + 3, channels), sample_rate, "PCM_16")
    out = tmp_path / f"out.{ext}"
    report = process_file(src, out, eq=_boost_eq())
    info = sf.info(out)
    assert (info.samplerate, info.channels, info.subtype) == (sample_rate, channels, subtype)
    assert info.frames == report.frames == sample_rate // 20 + 3
    assert (report.sample_rate, report.channels, report.subtype) == (sample_rate, channels, subtype)


@pytest.mark.parametrize(
    "in_subtype, ext, out_subtype",
    [("PCM_24", "wav", "PCM_24"), ("PCM_24", "flac", "PCM_24"), ("FLOAT", "wav", "FLOAT"), ("FLOAT", "flac", "PCM_24"),
     ("PCM_U8", "flac", "PCM_16"), ("FLOAT", "ogg", "VORBIS")],
)  # fmt: skip
def test_the_sample_format_is_kept_when_the_output_format_allows_it(tmp_path, in_subtype, ext, out_subtype):
    src = _write(tmp_path / "in.wav", _noise(1000, 2), 44100, in_subtype)
    assert process_file(src, tmp_path / f"out.{ext}", eq=EQ.flat()).subtype == out_subtype
    assert sf.info(tmp_path / f"out.{ext}").subtype == out_subtype


def test_a_flat_eq_copies_16_bit_audio_bit_for_bit(tmp_path):
    src = _write(tmp_path / "in.wav", _noise(5000, 2, level=0.9), 48000, "PCM_16")
    process_file(src, tmp_path / "out.wav", eq=EQ.flat())
    a, _ = sf.read(src, dtype="int16")
    b, _ = sf.read(tmp_path / "out.wav", dtype="int16")
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("block_frames", [37, 1000, 65536])
def test_streaming_a_file_equals_processing_the_whole_array(tmp_path, block_frames):
    x = _noise(7001, 3)
    src = _write(tmp_path / "in.wav", x, 44100, "FLOAT")
    eq = _boost_eq()
    process_file(src, tmp_path / "static.wav", eq=eq, block_frames=block_frames)
    auto = parse_automation("0:0,0.1:1")
    process_file(src, tmp_path / "morph.wav", params_at=_morph(), automation=auto, block_frames=block_frames)
    x32 = x.astype(np.float32).astype(np.float64)  # what the FLOAT file holds
    np.testing.assert_allclose(read_audio(tmp_path / "static.wav")[0], apply_eq(x32, 44100, eq), atol=1e-7)
    morphed = apply_morph(x32, 44100, _morph(), auto)
    np.testing.assert_allclose(read_audio(tmp_path / "morph.wav")[0], morphed, atol=1e-7)


@pytest.mark.parametrize("ext, subtype", FILE_FORMATS)
def test_a_one_sample_file_works(tmp_path, ext, subtype):
    src = _write(tmp_path / "in.wav", np.full((1, 2), 0.5), 44100, "PCM_16")
    report = process_file(src, tmp_path / f"out.{ext}", eq=_boost_eq())
    assert report.frames == 1
    assert sf.info(tmp_path / f"out.{ext}").frames == 1


# --- safe output ------------------------------------------------------------------------
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write to read-only folders")
def test_output_to_a_read_only_folder_fails_clearly_and_leaves_nothing(tmp_path):
    src = _write(tmp_path / "in.wav", _noise(1000, 1), 44100)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(EqmorphError, match="cannot write"):
            process_file(src, locked / "out.wav", eq=EQ.flat())
        assert _listing(locked) == []
    finally:
        locked.chmod(0o755)


def test_a_folder_refusing_new_files_fails_clearly_and_leaves_nothing(tmp_path, monkeypatch):
    """What a read-only folder does, simulated so the test also holds when run as root."""
    src = _write(tmp_path / "in.wav", _noise(1000, 1), 44100)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("eqmorph.io.fileio.tempfile.mkstemp", refuse)
    with pytest.raises(EqmorphError, match="cannot write .*Permission denied"):
        process_file(src, out_dir / "out.wav", eq=EQ.flat())
    assert _listing(out_dir) == []


def test_a_disk_full_mid_write_leaves_the_previous_output_intact(tmp_path, monkeypatch):
    src = _write(tmp_path / "in.wav", _noise(5000, 2), 44100)
    out = tmp_path / "out.flac"
    out.write_bytes(b"previous version")
    calls = []

    def fail_second_block(self, data):
        calls.append(len(data))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sf.SoundFile, "write", fail_second_block)
    with pytest.raises(AudioError, match="No space left"):
        process_file(src, out, eq=EQ.flat(), block_frames=1000)
    assert out.read_bytes() == b"previous version"
    assert _listing(tmp_path) == ["in.wav", "out.flac"]


@pytest.mark.parametrize("how", ["same path", "symlink", "hard link", "relative path"])
def test_output_equal_to_the_input_is_refused_and_the_input_is_intact(tmp_path, how, monkeypatch):
    src = _write(tmp_path / "in.wav", _noise(1000, 2), 44100)
    before = src.read_bytes()
    out = {"same path": src, "symlink": tmp_path / "link.wav", "hard link": tmp_path / "hard.wav",
           "relative path": "in.wav"}[how]  # fmt: skip
    if how == "symlink":
        out.symlink_to(src)
    elif how == "hard link":
        os.link(src, out)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParameterError, match="different from the input"):
        process_file(src, out, eq=_boost_eq())
    assert src.read_bytes() == before


def test_the_output_gets_ordinary_file_permissions(tmp_path):
    src = _write(tmp_path / "in.wav", _noise(100, 1), 44100)
    process_file(src, tmp_path / "out.wav", eq=EQ.flat())
    umask = os.umask(0o022)
    os.umask(umask)
    assert (tmp_path / "out.wav").stat().st_mode & 0o777 == 0o666 & ~umask


# --- bad input ------------------------------------------------------------------------------
def test_nan_in_the_input_file_is_refused_with_count_and_position(tmp_path):
    x = _noise(200000, 2)
    x[70000, 1] = np.nan
    x[150000, 0] = np.inf
    src = _write(tmp_path / "in.wav", x, 44100, "FLOAT")
    with pytest.raises(AudioError) as info:
        process_file(src, tmp_path / "out.wav", eq=EQ.flat())
    assert "2 sample(s)" in str(info.value) and "frame 70000" in str(info.value) and "in.wav" in str(info.value)
    assert _listing(tmp_path) == ["in.wav"]


def test_a_zero_length_file_is_refused(tmp_path):
    src = _write(tmp_path / "empty.wav", np.zeros((0, 2)), 44100)
    with pytest.raises(AudioError, match="empty.wav.*0 frames"):
        process_file(src, tmp_path / "out.wav", eq=EQ.flat())
    assert _listing(tmp_path) == ["empty.wav"]


@pytest.mark.parametrize("content", [b"", b"hello, not audio at all", b"RIFF\x00\x00\x00\x00WAVEjunk"])
def test_a_non_audio_file_is_refused(tmp_path, content):
    src = tmp_path / "fake.wav"
    src.write_bytes(content)
    with pytest.raises(AudioError, match="fake.wav"):
        process_file(src, tmp_path / "out.wav", eq=EQ.flat())
    assert _listing(tmp_path) == ["fake.wav"]


def test_a_missing_input_is_refused(tmp_path):
    with pytest.raises(AudioError, match="no such file"):
        read_info(tmp_path / "missing.wav")


@pytest.mark.parametrize("name", ["out.mp3", "out.txt", "out", "out.aiff"])
def test_an_unsupported_output_extension_is_refused_naming_what_is_allowed(tmp_path, name):
    src = _write(tmp_path / "in.wav", _noise(100, 1), 44100)
    with pytest.raises(AudioError, match=r"\.wav, \.flac, \.ogg"):
        process_file(src, tmp_path / name, eq=EQ.flat())
    assert _listing(tmp_path) == ["in.wav"]


def test_an_input_sample_rate_below_8_khz_is_refused(tmp_path):
    src = _write(tmp_path / "in.wav", _noise(100, 1), 4000)
    with pytest.raises(AudioError, match="4000 Hz"):
        process_file(src, tmp_path / "out.wav", eq=EQ.flat())


def test_flac_with_more_than_8_channels_is_refused_before_writing(tmp_path):
    src = _write(tmp_path / "in.wav", _noise(100, 10), 44100)
    with pytest.raises(AudioError, match="at most 8 channels"):
        process_file(src, tmp_path / "out.flac", eq=EQ.flat())
    assert process_file(src, tmp_path / "out.wav", eq=EQ.flat()).channels == 10


def test_ogg_above_192_khz_is_refused_instead_of_crashing(tmp_path):
    src = _write(tmp_path / "in.wav", _noise(100, 2), 384000)
    with pytest.raises(AudioError, match="192000 Hz"):
        process_file(src, tmp_path / "out.ogg", eq=EQ.flat())
    assert process_file(src, tmp_path / "out.flac", eq=EQ.flat()).sample_rate == 384000


def test_eq_and_morph_arguments_must_not_be_mixed(tmp_path):
    src = _write(tmp_path / "in.wav", _noise(100, 1), 44100)
    with pytest.raises(ParameterError):
        process_file(src, tmp_path / "out.wav")
    with pytest.raises(ParameterError):
        process_file(src, tmp_path / "out.wav", eq=EQ.flat(), params_at=_morph(), automation=parse_automation("0:0"))
    with pytest.raises(ParameterError):
        process_file(src, tmp_path / "out.wav", params_at=_morph())


# --- report -------------------------------------------------------------------------------
def test_the_report_counts_clipping_and_pcm_output_is_clipped_not_wrapped(tmp_path):
    t = np.arange(44100) / 44100
    x = 0.9 * np.sin(2 * np.pi * 1000 * t)[:, None]
    src = _write(tmp_path / "in.wav", x, 44100, "PCM_16")
    report = process_file(src, tmp_path / "out.wav", eq=_boost_eq(6.0))
    assert report.clipped and report.peak_dbfs == pytest.approx(20 * np.log10(0.9 * 10 ** (6 / 20)), abs=0.05)
    y = read_audio(tmp_path / "out.wav")[0][:, 0]
    loud = np.abs(x[:, 0]) > 0.8
    assert np.all(np.sign(y[loud]) == np.sign(x[loud, 0]))  # a wrapped sample would flip sign


def test_auto_gain_prevents_the_clipping(tmp_path):
    t = np.arange(44100) / 44100
    src = _write(tmp_path / "in.wav", 0.9 * np.sin(2 * np.pi * 1000 * t)[:, None], 44100, "PCM_16")
    report = process_file(src, tmp_path / "out.wav", eq=_boost_eq(6.0), auto_gain=True)
    assert report.gain_db == pytest.approx(-6.0, abs=0.05)  # a sine at the bell's centre: its loudness kept
    assert not report.clipped and report.peak_dbfs < 0.0


@pytest.mark.parametrize("terminal", [True, False])
def test_a_progress_bar_is_shown_for_long_files_only_when_asked_and_only_on_a_terminal(tmp_path, monkeypatch, capsys,
                                                                                      terminal):
    src = _write(tmp_path / "in.wav", _noise(3000, 1), 44100)
    monkeypatch.setattr(audio_io, "PROGRESS_MIN_FRAMES", 1000)
    monkeypatch.setattr(audio_io.sys.stderr, "isatty", lambda: terminal)
    process_file(src, tmp_path / "a.wav", eq=EQ.flat(), progress=False, block_frames=1000)
    assert capsys.readouterr().err == ""
    process_file(src, tmp_path / "b.wav", eq=EQ.flat(), progress=True, auto_gain=True, block_frames=1000)
    err = capsys.readouterr().err
    assert ("in.wav" in err and "measuring level" in err) == terminal  # a redirected stderr keeps no bar frames


def test_write_audio_and_read_audio_round_trip(tmp_path):
    x = _noise(999, 3)
    write_audio(tmp_path / "x.wav", x, 22050, subtype="FLOAT")
    y, sample_rate = read_audio(tmp_path / "x.wav")
    assert sample_rate == 22050
    np.testing.assert_allclose(y, x, atol=1e-7)


@pytest.mark.parametrize(
    "ext, subtype", [(".wav", "PCM_16"), (".flac", "PCM_24"), (".wav", "PCM_32"), (".wav", "FLOAT")]
)
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_blocks_hold_the_same_samples_as_libsndfiles_own_float_conversion(tmp_path, ext, subtype, dtype):
    # Integer PCM is read as integers and scaled by numpy (faster); it must be the same bits, full scale included.
    x = np.clip(0.3 * np.random.default_rng(0).standard_normal((5000, 2)), -1.0, 1.0)
    x[10, 0], x[11, 1] = 1.0, -1.0
    path = tmp_path / f"in{ext}"
    sf.write(path, x, 44100, subtype=subtype)
    blocks = list(audio_io.iter_blocks(path, 1234, dtype=dtype))
    assert [len(b) for b in blocks] == [1234] * 4 + [5000 - 4 * 1234]
    got = np.concatenate(blocks)
    assert got.dtype == np.dtype(dtype)
    np.testing.assert_array_equal(got, sf.read(path, dtype=dtype, always_2d=True)[0])


def test_an_explicit_gain_is_applied_and_is_not_combined_with_auto_gain(tmp_path):
    x = 0.1 * np.random.default_rng(0).standard_normal((4000, 2))
    src = tmp_path / "in.wav"
    sf.write(src, x, 44100, subtype="FLOAT")
    report = process_file(src, tmp_path / "out.wav", eq=EQ.flat(), gain_db=-6.0)
    out, _ = sf.read(tmp_path / "out.wav", always_2d=True)
    np.testing.assert_allclose(out, x * 10.0 ** (-6.0 / 20.0), atol=1e-6)
    assert report.gain_db == -6.0
    with pytest.raises(ParameterError, match="gain_db"):
        process_file(src, tmp_path / "out2.wav", eq=EQ.flat(), gain_db=-6.0, auto_gain=True)
    assert not (tmp_path / "out2.wav").exists()
