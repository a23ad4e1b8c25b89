"""match_files with a path of the wrong type names the parameter, its value and what is allowed (trial 6: pathlib's
bare 'TypeError: expected str, bytes or os.PathLike object, not int')."""

import pytest

import eqmorph
from eqmorph import ParameterError


@pytest.mark.parametrize(("args", "name"), [((5, "x.wav"), "input_path"), (("x.wav", None), "reference_path"),
                                            ((b"a.wav", "x.wav"), "input_path")])
def test_a_path_that_is_not_one_is_refused_naming_its_parameter(args, name):
    with pytest.raises(ParameterError) as err:
        eqmorph.match_files(*args)
    assert err.value.name == name
    assert "an audio file's path (str or os.PathLike)" in str(err.value)
    assert str(err.value).startswith(f"{name}=<{type(err.value.value).__name__} ")
