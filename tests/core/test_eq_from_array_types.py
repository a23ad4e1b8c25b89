"""EQ.from_array given something that is not a (5, 3) array of numbers names params, its value and what is allowed
(trial 6: numpy's bare "ValueError: could not convert string to float: 'x'")."""

import pytest

from eqmorph import EQ, ParameterError


@pytest.mark.parametrize("params", ["x", "3", b"x", {"gain_db": 3}, [["a", "b", "c"]] * 5,
                                    [[0.0, 100.0, 0.7]] * 4 + [[0.0, 8000.0]]])
def test_values_that_are_not_rows_of_numbers_are_refused_naming_params(params):
    with pytest.raises(ParameterError) as err:
        EQ.from_array(params)
    assert err.value.name == "params" and err.value.value is params
    assert "a (5, 3) array of numbers: (gain_db, freq_hz, q) rows" in str(err.value)
    assert str(err.value).startswith(f"params=<{type(params).__name__} ")

