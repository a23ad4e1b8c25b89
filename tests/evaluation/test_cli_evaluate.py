"""`eqmorph evaluate`: rebuilds the split from the model's provenance and writes the report."""

import argparse
import hashlib
import json

import pytest

import eqmorph
from eqmorph import DataFormatError, ModelFileError, ParameterError
from eqmorph.baselines import FlowEQConfig
from eqmorph.cli import evaluate as cli_evaluate
from eqmorph.evaluation import evaluate as evaluate_module

SPLIT = {"dataset": "all", "val_fraction": 0.1, "test_fraction": 0.2, "seed": 7}


def run(argv):
    parser = argparse.ArgumentParser(prog="eqmorph")
    cli_evaluate.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["evaluate", *argv])
    return args.func(args)


@pytest.fixture
def wired(monkeypatch, oracle, train_split, test_split, tmp_path):
    """eqmorph.load returns the oracle; the split loader records what it was asked for."""
    pytest.importorskip("torch")
    oracle.checkpoint.provenance = {"split": dict(SPLIT), "model_name": "oracle"}
    oracle.checkpoint.train_config = {"min_count": 3}
    calls = []

    def fake_split(model, data):
        calls.append(data)
        return train_split, test_split, dict(model.checkpoint.provenance["split"])

    monkeypatch.setattr(eqmorph, "load", lambda path: oracle, raising=False)
    monkeypatch.setattr(cli_evaluate, "load_test_split", fake_split)
    monkeypatch.setattr(evaluate_module, "FlowEQConfig", lambda: FlowEQConfig(hidden=8, epochs=2))
    model_dir = tmp_path / "models" / "m1"
    model_dir.mkdir(parents=True)
    return model_dir, calls


def test_evaluate_writes_json_and_markdown_next_to_the_model_by_default(wired, capsys):
    model_dir, calls = wired
    assert run(["--model", str(model_dir), "--data", "/some/data"]) == 0
    out = model_dir.parent / "eval"
    data = json.loads((out / "evaluation.json").read_text())
    assert data["provenance"]["seed"] == 7 and data["provenance"]["centroid_min_count"] == 3
    assert set(data["scopes"]) == {"combined", "safe", "socialfx"}
    assert (out / "evaluation.md").read_text().startswith("# eqmorph evaluation")
    assert calls == ["/some/data"]
    assert "wrote" in capsys.readouterr().out


def test_evaluate_writes_into_out_when_given(wired, tmp_path):
    model_dir, _ = wired
    assert run(["--model", str(model_dir), "--out", str(tmp_path / "report")]) == 0
    assert (tmp_path / "report" / "evaluation.md").is_file()


def test_a_model_without_split_provenance_is_a_model_file_error(monkeypatch, oracle, tmp_path):
    oracle.checkpoint.provenance = {"model_name": "oracle"}
    monkeypatch.setattr(eqmorph, "load", lambda path: oracle, raising=False)
    with pytest.raises(ModelFileError, match="split"):
        run(["--model", str(tmp_path)])


def test_data_that_differs_from_the_training_files_is_refused(tmp_path):
    a = tmp_path / "train.csv"
    a.write_bytes(b"1,warm\n")
    prov = {"files": {"safe": {"sha256": hashlib.sha256(b"1,warm\n").hexdigest()}}}
    cli_evaluate.check_same_files(prov, {"safe": a})  # the same bytes pass
    a.write_bytes(b"1,warm\n2,bright\n")
    with pytest.raises(DataFormatError, match="safe data"):
        cli_evaluate.check_same_files(prov, {"safe": a})


def test_a_missing_model_folder_names_the_option(tmp_path):
    with pytest.raises(ParameterError, match="--model"):
        run(["--model", str(tmp_path / "nope")])
