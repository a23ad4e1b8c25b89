"""The evaluation report: strict JSON and markdown tables with the seed report as reference."""

import json
import math

import numpy as np
import pytest

from eqmorph import ParameterError
from eqmorph.evaluation import SEED_REPORT_CLAIMS, render_markdown, write_report
from eqmorph.evaluation.report import to_jsonable


def _reject_nan(name):
    raise AssertionError(f"{name} in strict JSON")


def test_report_files_are_strict_json_and_the_rendered_markdown(all_results, tmp_path):
    json_path, md_path = write_report(all_results, tmp_path)
    data = json.loads(json_path.read_text(encoding="utf-8"), parse_constant=_reject_nan)
    assert data["seed_report_claims"] == SEED_REPORT_CLAIMS
    assert data["scopes"]["combined"]["results"]["word_mean"]["reconstruction"] is None
    assert md_path.read_text(encoding="utf-8") == render_markdown(all_results)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evaluation.json", "evaluation.md"]


def test_markdown_has_a_table_per_dataset_with_every_model_and_the_claims(all_results):
    md = render_markdown(all_results)
    for scope in ("## combined", "## safe", "## socialfx"):
        assert scope in md
    header = next(line for line in md.splitlines() if line.startswith("| metric"))
    for label in ("eqmorph", "word-mean", "FlowEQ β=0 ", "FlowEQ β=0.001", "FlowEQ β=0.01", "seed report claim"):
        assert label.strip() in header
    mse_row = next(line for line in md.splitlines() if line.startswith("| Parameter MSE"))
    cells = [c.strip() for c in mse_row.strip("|").split("|")]
    assert cells[2] == "n/a"  # word-mean has no reconstruction
    assert cells[-1] == f"{SEED_REPORT_CLAIMS['model_space_mse']:.4f}"
    assert "0.680" in md  # the silhouette claim


def test_nan_and_numpy_values_become_json_values():
    got = to_jsonable({"a": np.float32(1.5), "b": float("nan"), "c": np.arange(3), "d": (np.int64(2), math.inf)})
    assert got == {"a": 1.5, "b": None, "c": [0, 1, 2], "d": [2, None]}


def test_writing_into_a_missing_folder_or_odd_values_is_refused(all_results, tmp_path):
    with pytest.raises(ParameterError, match="out_dir"):
        write_report(all_results, tmp_path / "missing")
    with pytest.raises(ParameterError, match="results value"):
        to_jsonable({"x": object()})
