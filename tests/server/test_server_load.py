"""The load benchmark's harness runs end to end on the tiny model (its numbers are not checked here)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives

from benchmarks import server_load  # noqa: E402

from eqmorph.errors import ModelFileError, ParameterError  # noqa: E402


def test_every_level_and_mode_is_answered_without_errors(tiny_model_dir):
    result = server_load.run(tiny_model_dir, levels=(1, 3), max_requests=12, max_seconds=10.0)
    assert [(r["mode"], r["clients"]) for r in result["levels"]] == [
        (mode, clients) for mode in server_load.MODES for clients in (1, 3)]
    for r in result["levels"]:
        assert (r["requests"], r["errors"]) == (12, 0)
        assert r["p50_ms"] <= r["p99_ms"]
    assert set(result["words"]) <= {"warm", "bright", "muddy", "thin"}
    assert "| flat-out | 3 | 12 | 0 |" in server_load.markdown(result)
    assert "| random-pairs | 3 | 12 | 0 |" in server_load.markdown(result)


def test_rows_with_a_target_say_whether_it_was_met(tiny_model_dir):
    result = server_load.run(tiny_model_dir, levels=(20,), modes=("pair-per-client", "random-pairs"),
                             max_requests=40, max_seconds=10.0)
    for r in result["levels"]:
        p99, rate = server_load.TARGETS[(r["mode"], 20)]
        assert r["met"] == (r["p99_ms"] <= p99 and (rate is None or r["requests_per_s"] >= rate))
    table = server_load.markdown(result)
    assert "p99 <= 8 ms, >= 3,000/s" in table and ("| met |" in table or "| not met |" in table)


def test_a_missing_model_directory_is_a_model_file_error(tmp_path):
    with pytest.raises(ModelFileError, match="--model"):
        server_load.run(tmp_path / "nothing")


@pytest.mark.parametrize("kw", [{"levels": ()}, {"levels": (0,)}, {"modes": ("sprint",)}])
def test_bad_levels_or_modes_name_the_parameter(tiny_model_dir, kw):
    with pytest.raises(ParameterError):
        server_load.run(tiny_model_dir, **kw)
