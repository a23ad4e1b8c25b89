"""A match's two recordings: one that is silent, short, non-finite or at a bad rate is refused naming which; one that
clips is warned about, and only one that truly clips."""

import warnings

import numpy as np
import pytest
from match_signals import multisine

from eqmorph import match
from eqmorph.audio.spectrum import audio_spectrum
from eqmorph.errors import AudioError, ParameterError


@pytest.mark.parametrize("role", ["input", "reference"])
def test_silent_recording_is_refused_by_name(role):
    sound, silence = multisine(1.0, 44100), np.zeros((44100, 1))
    args = (silence, sound) if role == "input" else (sound, silence)
    with pytest.raises(AudioError, match=f"the {role} is silent"):
        match(*args, 44100)


@pytest.mark.parametrize("role", ["input", "reference"])
def test_a_recording_that_is_only_a_dc_offset_is_refused_by_name(role):
    sound, offset = multisine(4.0, 44100), np.full((4 * 44100, 1), 0.5)  # long enough frames to tell (INAUDIBLE_DB)
    args = (offset, sound) if role == "input" else (sound, offset)
    with pytest.raises(AudioError, match=f"the {role} holds almost nothing from 20 Hz up .*a DC offset"):
        match(*args, 44100)


def test_music_riding_on_a_dc_offset_is_still_matched():
    from eqmorph import EQ
    from eqmorph.semantic.match import match_result

    sound = multisine(4.0, 44100)
    result = match_result(0.01 * sound + 0.5, sound, 44100)  # the song 40 dB under a -6 dBFS offset
    assert result.eq == EQ.flat()  # the same tone, the offset's leakage below 20 Hz aside


def test_short_clip_is_refused():
    with pytest.raises(AudioError, match=r"the reference is 13230 samples, 300 ms long: expected at least 0\.5 s"):
        match(multisine(1.0, 44100), multisine(0.3, 44100), 44100)


@pytest.mark.parametrize("role", ["input", "reference", "both"])
@pytest.mark.parametrize("value", [np.nan, np.inf])
def test_non_finite_samples_are_refused_by_name_and_place(role, value):
    bad = multisine(1.0, 44100)
    bad[22050, 0] = value  # 0.5 s in
    good = multisine(1.0, 44100)
    args = {"input": (bad, good), "reference": (good, bad), "both": (bad, bad)}[role]
    named = "input" if role == "both" else role  # the input is checked first
    with pytest.raises(AudioError, match=rf"the {named}: 1 sample\(s\) are NaN or infinite; the first at frame "
                                         r"22050 \(0\.500 s\), channel 0"):
        match(*args, 44100)


def test_clipping_warns():
    clipped = np.clip(4.0 * multisine(1.0, 44100), -1.0, 1.0)
    # Clipping a multisine changes its spectrum by less than a second's estimation noise: the flat EQ, said too.
    with pytest.warns(UserWarning, match="the reference clips"), pytest.warns(UserWarning, match="the same tone"):
        match(multisine(1.0, 44100), clipped, 44100)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_float_audio_past_full_scale_but_not_flattened_is_not_called_clipped(dtype):
    loud = (4.0 * multisine(1.0, 44100)).astype(dtype)  # peaks far above 1.0, every sample its own value
    assert np.abs(loud).max() > 1.5
    assert audio_spectrum(loud, 44100).clipped_runs == 0
    assert audio_spectrum(np.clip(loud, -1.0, 1.0), 44100).clipped_runs > 0  # flat tops at full scale
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        match(multisine(1.0, 44100), loud, 44100)
    assert not [w for w in said if "clips" in str(w.message)]  # "includes the distortion's added high frequencies"


def test_bad_reference_rate_is_named():
    with pytest.raises(ParameterError, match="reference_sample_rate"):
        match(multisine(1.0, 44100), multisine(1.0, 44100), 44100, reference_sample_rate=100)
