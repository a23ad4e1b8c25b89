"""Files from the internet: random bytes, truncation and wrong schemas end in eqmorph's own errors.

Every loader that reads a user-supplied file (datasets, model directories) is fed garbage; the
only acceptable outcome is an :class:`EqmorphError` subclass (never a raw exception, hang or crash).
"""

import shutil

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eqmorph.datasets import load_safe, load_socialfx
from eqmorph.errors import EqmorphError, ModelFileError
from eqmorph.semantic.morph import load

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
MODEL_FILES = ["config.json", "vocab.json", "weights.safetensors", "latents.safetensors"]


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_a_safe_csv_raise_eqmorph_errors(tmp_path, data):
    path = tmp_path / "SAFEEqualiserUserData.csv"
    path.write_bytes(data)
    try:
        ds = load_safe(path)
    except EqmorphError:
        return
    assert len(ds) >= 1  # only a file with at least one valid row may load


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_a_socialfx_parquet_raise_eqmorph_errors(tmp_path, data):
    path = tmp_path / "eq-00000-of-00001.parquet"
    path.write_bytes(data)
    with pytest.raises(EqmorphError):
        load_socialfx(path)


def test_a_truncated_socialfx_parquet_raises_an_eqmorph_error(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    rows = {"id": ["eq_1"], "text": ["warm"], "param_keys": [[f"k{i}" for i in range(40)]],
            "param_values": [list(np.linspace(-1, 1, 40))],
            "extra": ["{'lang': 'English', 'ratings_consistency': 1.0}"]}
    good = tmp_path / "good.parquet"
    pq.write_table(pa.table(rows), good)
    data = good.read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 8):
        bad = tmp_path / f"cut{cut}.parquet"
        bad.write_bytes(data[:cut])
        with pytest.raises(EqmorphError):
            load_socialfx(bad)


def test_a_parquet_with_the_wrong_schema_raises_an_eqmorph_error(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"name": ["a"], "value": [1.0]}), path)
    with pytest.raises(EqmorphError, match="param_values|columns|schema"):
        load_socialfx(path)


@pytest.fixture(scope="module")
def model_copy_root(tiny_model_dir, tmp_path_factory):
    return tmp_path_factory.mktemp("fuzzmodels"), tiny_model_dir


@FUZZ
@given(name=st.sampled_from(MODEL_FILES), data=st.binary(max_size=3000))
def test_random_bytes_in_any_model_file_raise_model_file_errors(model_copy_root, name, data):
    root, src = model_copy_root
    d = root / "m"
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(src, d)
    (d / name).write_bytes(data)
    with pytest.raises(ModelFileError):
        load(d)
