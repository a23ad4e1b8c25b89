"""Cross-validation end to end on synthetic crowds, and the report's tables and targets."""

import numpy as np
import pytest
from synthetic import synthetic_params

from eqmorph.core import dsp
from eqmorph.datasets.dataset import EQDataset
from eqmorph.datasets.responses import reference_responses_db
from eqmorph.evaluation.cv_report import bucket_summary, render_markdown, targets

torch = pytest.importorskip("torch")

from eqmorph.evaluation.cv import CVConfig, run_cv  # noqa: E402
from eqmorph.model import TrainConfig  # noqa: E402

FREQS = dsp.log_freq_grid(48)


def _crowds():
    social, _ = synthetic_params(10, seed=5, words={"warm": (0, 9.0, 150.0), "bright": (4, 8.0, 5000.0)})
    safe, _ = synthetic_params(10, seed=6, words={"warm": (2, -9.0, 600.0), "bright": (4, 8.0, 5000.0)})
    params = np.concatenate([social, safe]).reshape(-1, 15)
    terms = (["warm"] * 10 + ["bright"] * 10) * 2
    source = ["socialfx"] * 20 + ["safe"] * 20
    lang = ["en"] * 20 + [None] * 20
    ids = [f"eq_{i}" for i in range(40)]
    n = len(terms)
    return EQDataset(params, terms, source, lang, np.ones(n), ids, np.full(n, np.nan))


@pytest.fixture(scope="module")
def cv_result():
    ds = _crowds()
    cfg = CVConfig(folds=2, train=TrainConfig(epochs=3, patience=3, batches_per_epoch=2, words_per_batch=2,
                                              min_count=2),
                   variants={"response-fit, count-weighted": {"centroid_fit": True, "combine": "count"}},
                   floweq=False, retrieval_min_count=3)
    return run_cv(ds, reference_responses_db(ds, FREQS), FREQS, cfg)


def test_every_crowd_and_the_pool_are_scored_against_held_out_rows_only(cv_result):
    scopes = {ob["scope"] for ob in cv_result["fidelity"]}
    assert scopes == {"socialfx_en", "safe", "pooled"}
    for ob in cv_result["fidelity"]:
        assert ob["n_train"] >= 2 and ob["n_test"] >= 1
        expected = 10 if ob["crowd"] != "pooled" else 20  # the word's rows in that crowd, split in two
        assert ob["n_train"] + ob["n_test"] == expected


def test_the_crowd_mean_of_a_consistent_crowd_predicts_its_held_out_mean_well(cv_result):
    r = [ob["scores"]["crowd mean (a)"][0] for ob in cv_result["fidelity"] if ob["crowd"] != "pooled"]
    assert min(r) > 0.9


def test_retrieval_ranks_each_held_out_row_among_its_crowds_words(cv_result):
    recs = cv_result["retrieval"]
    assert len(recs) == 40 and all(r["n_candidates"] == 2 for r in recs)
    assert all(1 <= rank <= 2 for r in recs for rank in r["ranks"].values())
    assert "describe" in recs[0]["ranks"] and "raw response" in recs[0]["ranks"]
    assert "describe, the crowd's words" in recs[0]["ranks"]


def test_the_report_has_every_table_and_judges_each_target(cv_result):
    md = render_markdown(cv_result, "response-fit, count-weighted")
    for heading in ("**Fidelity**", "**By training-count bucket**", "**Retrieval**", "**Targets**"):
        assert heading in md
    judged = targets(cv_result, "response-fit, count-weighted")
    assert all(isinstance(t["met"], bool) for t in judged)
    retrieval = [t["target"] for t in judged if t["target"].startswith("retrieval")]
    assert len(retrieval) == 3 and any("(describe, the crowd's words)" in t for t in retrieval)


def test_buckets_follow_the_training_count():
    fake = {"fidelity": [
        {"scope": "safe", "n_train": n, "n_test": 1, "word": f"w{n}", "scores": {"m": (0.5, 1.0)}}
        for n in (2, 4, 5, 9, 10, 29, 30, 300)]}
    assert {b: v["n"] for b, v in bucket_summary(fake).items()} == {"2-4": 2, "5-9": 2, "10-29": 2, ">=30": 2}


def test_eqmorph_evaluate_without_a_model_cross_validates_and_writes_both_reports(monkeypatch, tmp_path, capsys):
    import argparse
    import json

    from eqmorph.cli import evaluate as cli_evaluate
    from eqmorph.datasets import responses

    ds = _crowds()
    monkeypatch.setattr(responses, "load_with_references",
                        lambda dataset, data, freqs: (ds, reference_responses_db(ds, freqs)))
    parser = argparse.ArgumentParser(prog="eqmorph")
    cli_evaluate.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["evaluate", "--folds", "2", "--epochs", "2", "--no-floweq", "--out", str(tmp_path)])
    assert args.func(args) == 0
    saved = json.loads((tmp_path / "cv.json").read_text())
    assert saved["fold_sizes"] == [20, 20] and saved["fidelity"]
    assert "**Targets**" in (tmp_path / "cv.md").read_text()
    assert "wrote" in capsys.readouterr().out


def test_every_recipe_names_all_its_settings_and_the_default_is_the_bundled_recipe():
    from eqmorph.evaluation.cv import VARIANTS, default_variant

    settings = {"centroid_fit", "combine", "shrink_examples", "shrink_toward", "shrink_select"}
    assert all(set(v) == settings for v in VARIANTS.values())
    chosen = VARIANTS[default_variant(VARIANTS)]
    defaults = TrainConfig()
    assert all(getattr(defaults, k) == v for k, v in chosen.items())
