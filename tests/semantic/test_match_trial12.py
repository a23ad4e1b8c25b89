"""Trial 12 on match's arrays: a channels-first recording is told to be one, naming which, before its length."""

import numpy as np
import pytest
from match_signals import MATCH_SR, pink_noise

from eqmorph import match
from eqmorph.errors import AudioError
from eqmorph.semantic.match import match_result


@pytest.mark.parametrize("entry", [match, match_result])
@pytest.mark.parametrize("role", ["input", "reference"])
def test_a_channels_first_recording_is_refused_as_such_naming_its_role(entry, role):
    stereo = pink_noise(1.0)  # (44100, 2): one second, the layout soundfile returns
    args = (stereo.T, stereo) if role == "input" else (stereo, stereo.T)
    with pytest.raises(AudioError, match=rf"^the {role}: audio shape \(2, 44100\) looks channels-first .*"
                                         r"pass audio\.T$"):
        entry(*args, MATCH_SR)


def test_a_channels_first_recording_is_refused_before_the_other_is_analysed(monkeypatch):
    calls = []
    monkeypatch.setattr("eqmorph.semantic.match_inputs.audio_spectrum", lambda *a: calls.append(a))
    stereo = pink_noise(1.0)
    with pytest.raises(AudioError, match="^the reference: .* looks channels-first"):
        match(stereo, stereo.T, MATCH_SR)
    assert calls == []


def test_integer_pcm_in_the_right_layout_still_matches():
    stereo = (pink_noise(1.0) * 32767).astype(np.int16)
    eq = match(stereo, stereo, MATCH_SR)
    assert np.allclose(eq.to_array()[:, 0], 0.0)
