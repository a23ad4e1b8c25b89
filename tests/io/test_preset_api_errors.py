"""The Python API's preset errors: they name the library's parameters (eq, path, format), not the CLI's options."""

import pytest

from eqmorph import EQ, ParameterError
from eqmorph.io.presets import save_preset

ROWS = [[3.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]


@pytest.mark.parametrize("eq", ["warm", EQ.from_array(ROWS).to_array(), None])
def test_saving_something_that_is_not_an_eq_names_eq_its_type_and_what_is_expected(tmp_path, eq):
    with pytest.raises(ParameterError) as err:
        save_preset(tmp_path / "x.json", eq)
    assert err.value.name == "eq" and err.value.value is eq
    assert str(err.value).startswith(f"eq=<{type(eq).__name__} ") and "an eqmorph.EQ" in str(err.value)
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("args,name", [
    (("warm.json", "apo"), "format"),
    (("warm.txt", "xml"), "format"),
    (("warm", None), "path"),
    (("no/such/folder/warm.json", None), "path"),
])
def test_save_preset_errors_name_its_own_parameters_not_the_clis_options(tmp_path, monkeypatch, args, name):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParameterError) as err:
        save_preset(args[0], EQ.from_array(ROWS), args[1])
    assert err.value.name == name
    assert "-o" not in err.value.allowed and "--format" not in err.value.allowed
