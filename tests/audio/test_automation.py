"""Automation: parsing SECONDS:ALPHA text, alpha over time, and validation of the points."""

import numpy as np
import pytest

from eqmorph.audio.automation import Automation, parse_automation
from eqmorph.errors import ParameterError


def test_parse_automation_reads_seconds_and_alphas():
    auto = parse_automation(" 0:0, 2.5:0.25 ,8:1")
    assert auto.times_s == (0.0, 2.5, 8.0)
    assert auto.alphas == (0.0, 0.25, 1.0)


def test_alpha_is_piecewise_linear_and_held_outside_the_points():
    auto = parse_automation("2:0.2,4:1")
    np.testing.assert_allclose(auto.alpha_at(np.array([0.0, 2.0, 3.0, 3.5, 4.0, 100.0])), [0.2, 0.2, 0.6, 0.8, 1, 1])
    assert auto.alpha_range(3.0) == pytest.approx((0.2, 0.6))


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
