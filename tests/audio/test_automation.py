"""Automation: parsing SECONDS:ALPHA text, alpha over time, and validation of the points."""

import numpy as np
import pytest

from eqmorph.audio.automation import RAMP_S, Automation, parse_automation
from eqmorph.errors import ParameterError


def test_parse_automation_reads_seconds_and_alphas():
    auto = parse_automation(" 0:0, 2.5:0.25 ,8:1")
    assert auto.times_s == (0.0, 2.5, 8.0)
    assert auto.alphas == (0.0, 0.25, 1.0)


def test_alpha_is_piecewise_linear_and_held_outside_the_points():
    auto = parse_automation("2:0.2,4:1")
    np.testing.assert_allclose(auto.alpha_at(np.array([0.0, 2.0, 3.0, 3.5, 4.0, 100.0])), [0.2, 0.2, 0.6, 0.8, 1, 1])
    assert auto.alpha_range(3.0) == pytest.approx((0.2, 0.6))


@pytest.mark.parametrize("text", ["2:0.2,4:1", "0:0,8:1", "0:0,0.4:1", f"0:0,1:1,{1 + RAMP_S}:0,5:0.5"])
def test_a_morph_no_faster_than_the_ramp_is_followed_exactly(text):
    auto = parse_automation(text)
    times = np.linspace(0.0, 10.0, 10001)
    bare = Automation(auto.times_s, auto.alphas, ramp_s=0.0)
    np.testing.assert_array_equal(auto.alpha_at(times), bare.alpha_at(times))


def test_a_jump_becomes_a_ramp_of_ramp_s_from_where_it_is():
    auto = parse_automation("0:0,2:0,2.001:1,5:1,5.001:0.5")
    times = np.array([1.0, 2.0, 2.0 + RAMP_S / 4, 2.0 + RAMP_S / 2, 2.0 + RAMP_S, 4.0, 5.0 + RAMP_S / 4, 5.0 + RAMP_S])
    np.testing.assert_allclose(auto.alpha_at(times), [0.0, 0.0, 0.25, 0.5, 1.0, 1.0, 0.75, 0.5], atol=1e-9)
    alphas = auto.alpha_at(np.linspace(0.0, 8.0, 80001))
    assert alphas.min() == 0.0 and alphas.max() == 1.0  # never outside the points' alphas, even by rounding
    assert np.abs(np.diff(alphas)).max() <= 1e-4 / RAMP_S * (1 + 1e-9)  # the fastest: a full 0 -> 1 in RAMP_S


def test_a_spike_shorter_than_the_ramp_turns_back_where_the_points_do():
    auto = parse_automation("0:0,1:0,1.001:1,1.02:1,1.021:0")
    curve = auto.alpha_at(np.linspace(0.0, 2.0, 200001))
    assert curve.max() == pytest.approx(0.2, abs=0.011)  # rose at the rate for 20 ms, then fell back at it
    assert curve[-1] == 0.0 and auto.alpha_range(2.0) == (0.0, pytest.approx(curve.max(), abs=1e-4))


def test_a_jump_in_the_automation_gives_no_click_on_a_sine():
    """The trial's case: `apply sine.wav --word warm --to bright --automate 0:0,2:0,2.001:1` on a 0.3 sine at 440 Hz
    (second difference 0.114 at 2 s against 0.0016 elsewhere before the ramp)."""
    import eqmorph
    from eqmorph.audio.filtering import apply_morph

    model = eqmorph.load()
    sr = 44100
    x = 0.3 * np.sin(2 * np.pi * 440.0 * np.arange(4 * sr) / sr)
    auto = parse_automation("0:0,2:0,2.001:1")
    y = apply_morph(x, sr, lambda al: model.interpolate_params("warm", "bright", al), auto)
    curvature = np.abs(np.diff(y, 2))
    near = np.zeros(curvature.size, dtype=bool)
    near[int(1.8 * sr):int(2.2 * sr)] = True
    elsewhere = curvature[~near][int(0.1 * sr):]  # past the filter's start-up
    assert curvature[near].max() <= 5.0 * elsewhere.max()  # was 74 times without the ramp


@pytest.mark.parametrize(
    "text",
    ["", "0:0,8", "a:b", "0:1.5", "0:-0.1", "8:0,0:1", "0:0,0:1", "-1:0", "nan:0", "0:nan", "0:0;8:1", "1:2:3"],
)
def test_bad_automation_text_names_the_option_the_value_and_the_form(text):
    with pytest.raises(ParameterError) as info:
        parse_automation(text)
    message = str(info.value)
    assert info.value.name == "--automate"
    assert repr(text) in message
    assert "SECONDS:ALPHA" in message


def test_an_automation_built_directly_is_validated():
    with pytest.raises(ParameterError, match="strictly increasing"):
        Automation((1.0, 1.0), (0.0, 1.0))
    with pytest.raises(ParameterError, match=r"\[0, 1\]"):
        Automation((0.0,), (2.0,))
    with pytest.raises(ParameterError, match="ramp_s"):
        Automation((0.0,), (0.5,), ramp_s=-0.01)
