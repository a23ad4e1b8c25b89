"""save_preset's path of the wrong type, and a keyword under the name it has elsewhere, get a ParameterError that
names the parameter, the value and what is allowed (trial 6: a bare TypeError from pathlib; 'preamp_db' refused
without naming preamp=)."""

import pytest

from eqmorph import EQ, ParameterError
from eqmorph.io.presets import import_preset, save_preset


@pytest.mark.parametrize("path", [None, 5, b"x.txt", ["x.txt"]])
def test_saving_to_a_path_that_is_not_one_names_path_its_type_and_what_is_allowed(tmp_path, monkeypatch, path):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParameterError) as err:
        save_preset(path, EQ.flat())
    assert err.value.name == "path" and err.value.value is path
    assert str(err.value).startswith(f"path=<{type(path).__name__} ")
    assert "a preset file's path (str or os.PathLike)" in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_importing_from_a_path_that_is_not_one_still_names_path():
    with pytest.raises(ParameterError, match=r"^path=<int 5> is not allowed: expected a preset file's path"):
        import_preset(5)


def test_the_preamp_given_as_preamp_db_names_the_keyword_preamp(tmp_path):
    with pytest.raises(ParameterError) as err:
        save_preset(tmp_path / "x.txt", EQ.flat(), preamp_db=-3)
    assert "'preamp_db'" in str(err.value) and "preamp=" in str(err.value)
    assert not (tmp_path / "x.txt").exists()
    save_preset(tmp_path / "x.txt", EQ.flat(), preamp=-3)  # the keyword it names is the one that works
    assert "Preamp: -3.0 dB" in (tmp_path / "x.txt").read_text()


def test_an_unknown_keyword_with_no_likely_meaning_lists_the_allowed_ones_only(tmp_path):
    with pytest.raises(ParameterError) as err:
        save_preset(tmp_path / "x.txt", EQ.flat(), colour="red")
    assert "'colour'" in str(err.value) and "words, weights" in str(err.value) and "keyword for that" not in str(
        err.value)
