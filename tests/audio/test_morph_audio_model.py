"""morph_audio's model of the wrong kind is named (trial 6: "AttributeError: 'NoneType' object has no attribute
'interpolate_params'")."""

import numpy as np
import pytest

from eqmorph import ParameterError
from eqmorph.audio.arrays import morph_audio


@pytest.mark.parametrize("model", [None, "warm", object()])
def test_a_model_that_is_not_a_morpher_is_refused_naming_model_and_how_to_get_one(model):
    with pytest.raises(ParameterError) as err:
        morph_audio(model, np.zeros(4410), 44100, "warm", "bright", "0:0,0.1:1")
    assert err.value.name == "model" and err.value.value is model
    assert "an eqmorph.Morpher (eqmorph.load())" in str(err.value)


def test_a_morpher_is_still_accepted(tiny_model):
    y = morph_audio(tiny_model, np.zeros(4410), 44100, "warm", "bright", "0:0,0.1:1")
    assert y.shape == (4410,)
