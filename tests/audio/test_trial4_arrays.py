"""Trial 4 on audio arrays: integer PCM (what scipy.io.wavfile and soundfile's dtype="int16" return) is read at its
full scale by EQ.process, the morph and the match, and comes back in its own dtype."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.audio.arrays import morph_audio
from eqmorph.audio.filtering import EQProcessor, apply_eq
from eqmorph.core.eq import EQ
from eqmorph.errors import AudioError

SR = 44100
ROWS = [[3.0, 120.0, 0.7], [-2.0, 400.0, 1.0], [2.0, 1500.0, 2.0], [1.0, 4000.0, 1.0], [-3.0, 9000.0, 0.7]]
# dtype -> (zero code, full scale), as libsndfile reads PCM files
PCM = {np.int16: (0, 2.0**15), np.int32: (0, 2.0**31), np.uint8: (128, 2.0**7), np.int8: (0, 2.0**7)}


def _noise(shape: tuple[int, ...]) -> np.ndarray:
    return 0.25 * np.random.default_rng(4).standard_normal(shape)


def _to_pcm(x: np.ndarray, dtype: type) -> np.ndarray:
    zero, scale = PCM[dtype]
    info = np.iinfo(dtype)
    return np.clip(np.rint(x * scale + zero), info.min, info.max).astype(dtype)


@pytest.mark.parametrize("dtype", list(PCM))
def test_eq_process_reads_integer_pcm_at_full_scale_and_returns_its_dtype(dtype):
    eq = EQ.from_array(ROWS)
    pcm = _to_pcm(_noise((4096, 2)), dtype)
    zero, scale = PCM[dtype]
    expected = apply_eq((pcm.astype(np.float64) - zero) / scale, SR, eq)
    y = eq.process(pcm, SR)
    assert y.dtype == dtype and y.shape == pcm.shape
    # The same samples as the float path, within the type's rounding (half a code).
    np.testing.assert_allclose((y.astype(np.float64) - zero) / scale, expected, atol=0.5 / scale + 1e-12)


def test_integer_overs_are_clipped_to_the_types_range_as_a_pcm_file_clips_them():
    loud = EQ.from_array([[12.0, 1000.0, 0.7], *ROWS[1:]])
    pcm = np.full(4096, 30000, dtype=np.int16)  # +12 dB of bass on a near-full-scale DC step
    with pytest.warns(UserWarning, match="past full scale.*clipped"):  # and says so, as the CLI does
        y = loud.process(pcm, SR)
    assert y.dtype == np.int16 and y.max() == 32767


def test_a_warning_names_the_callers_line_not_eqmorphs(tiny_model):
    loud = EQ.from_array([[12.0, 1000.0, 0.7], *ROWS[1:]])
    pcm = np.full(4096, 30000, dtype=np.int16)
    with pytest.warns(UserWarning, match="past full scale") as said:
        loud.process(pcm, SR)
        # The automation runs past the 0.09 s of audio: said too, and from the caller's line as well.
        with pytest.warns(UserWarning, match="the automation reaches 1 s but the audio lasts 0.09 s") as morphed:
            morph_audio(tiny_model, pcm, SR, "warm", "bright", "0:0,1:1", intensity=4.0)
    every = [*said, *morphed]
    assert [w.filename for w in every] == [__file__] * len(every)  # EQ.process pointed at core/eq.py


def test_the_morph_takes_integer_pcm_too(tiny_model):
    pcm = _to_pcm(0.2 * _noise((SR // 4, 2)), np.int16)  # quiet enough that no word's boost reaches full scale
    y = morph_audio(tiny_model, pcm, SR, "warm", "bright", "0:0,0.25:1")
    as_float = morph_audio(tiny_model, pcm / 2.0**15, SR, "warm", "bright", "0:0,0.25:1")
    assert y.dtype == np.int16
    np.testing.assert_allclose(y / 2.0**15, as_float, atol=0.5 / 2.0**15 + 1e-12)


def test_a_streaming_processor_scales_an_integer_block_instead_of_reading_codes_as_floats():
    proc = EQProcessor.from_eq(EQ.flat(), SR, 1)
    y = proc.process(np.full((64, 1), 16384, dtype=np.int16))
    np.testing.assert_allclose(y, 0.5)


def test_match_reads_integer_pcm_as_it_reads_the_same_floats():
    import eqmorph

    t = np.arange(SR) / SR
    x = 0.2 * np.sin(2 * np.pi * 200 * t) + 0.05 * _noise((SR,))
    bright = EQ.from_array([[0.0, 100.0, 0.7], *ROWS[1:4], [6.0, 3000.0, 0.7]]).process(x, SR)
    from_pcm = eqmorph.match(_to_pcm(x, np.int16), _to_pcm(bright, np.int16), SR)
    from_float = eqmorph.match(_to_pcm(x, np.int16) / 2.0**15, _to_pcm(bright, np.int16) / 2.0**15, SR)
    np.testing.assert_allclose(from_pcm.response_db(np.geomspace(50, 15000, 64)),
                               from_float.response_db(np.geomspace(50, 15000, 64)), atol=1e-3)


@pytest.mark.parametrize("dtype", [np.int64, np.uint16, bool])
def test_other_integer_types_are_refused_naming_the_dtypes_read(dtype):
    with pytest.raises(AudioError, match=r"expected float samples \(full scale 1.0\) or integer PCM \(int16, int32"):
        EQ.flat().process(np.zeros(100, dtype=dtype), SR)
