"""Finding the data: --data, $EQMORPH_DATA, hub download, and clear errors."""

import pytest
from datasets_fixtures import write_parquet

from eqmorph.datasets import resolve_data_path
from eqmorph.datasets.paths import DATA_ENV
from eqmorph.errors import DataUnavailableError, ParameterError


def test_the_data_argument_wins_over_the_environment(tmp_path, safe_csv, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "elsewhere"))
    assert resolve_data_path(safe_csv.parent.parent, "safe") == safe_csv


def test_the_environment_variable_is_used_without_a_data_argument(safe_csv, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(safe_csv.parent.parent))
    assert resolve_data_path(None, "safe") == safe_csv


def test_safe_without_any_path_names_the_data_option_and_the_source(monkeypatch):
    monkeypatch.delenv(DATA_ENV, raising=False)
    with pytest.raises(DataUnavailableError, match="--data") as info:
        resolve_data_path(None, "safe")
    assert "SAFE-DB" in str(info.value) and DATA_ENV in str(info.value)


def test_socialfx_without_any_path_downloads_from_the_hub(tmp_path, monkeypatch):
    import huggingface_hub

    folder = tmp_path / "snapshot"
    write_parquet(folder / "data" / "eq-00000-of-00001.parquet", [])
    calls = []

    def fake_download(**kwargs):
        calls.append(kwargs)
        return str(folder)

    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_download)
    path = resolve_data_path(None, "socialfx")
    assert path == folder / "data" / "eq-00000-of-00001.parquet"
    assert calls[0]["repo_id"] == "seungheondoh/socialfx-original" and calls[0]["repo_type"] == "dataset"


def test_an_unknown_dataset_name_raises_a_parameter_error(tmp_path):
    with pytest.raises(ParameterError, match="dataset"):
        resolve_data_path(tmp_path, "freesound")


def test_data_root_prefers_the_argument_then_the_environment_then_the_fallback(tmp_path, monkeypatch):
    from eqmorph.datasets.paths import data_root

    arg, env, fallback = (tmp_path / n for n in ("arg", "env", "fallback"))
    for d in (arg, env, fallback):
        d.mkdir()
    monkeypatch.setenv(DATA_ENV, str(env))
    assert data_root(str(arg), fallback) == arg
    assert data_root(None, fallback) == env
    monkeypatch.delenv(DATA_ENV)
    assert data_root(None, fallback) == fallback
    assert data_root(None, tmp_path / "missing") is None


def test_one_data_file_with_dataset_all_is_its_own_crowds(safe_csv, socialfx_parquet):
    from eqmorph.datasets.experiment import data_files

    assert data_files("all", safe_csv) == {"safe": safe_csv}  # it was read as SocialFX parquet and failed
    assert data_files("all", socialfx_parquet) == {"socialfx": socialfx_parquet}
    assert data_files("all", safe_csv.parent.parent) == {"socialfx": socialfx_parquet, "safe": safe_csv}  # a root


def test_a_data_file_of_the_other_crowd_is_refused_naming_the_dataset_to_use(safe_csv, socialfx_parquet):
    from eqmorph.datasets.experiment import data_files

    with pytest.raises(ParameterError, match="use --dataset safe"):
        data_files("socialfx", safe_csv)
    with pytest.raises(ParameterError, match="use --dataset socialfx"):
        data_files("safe", socialfx_parquet)
