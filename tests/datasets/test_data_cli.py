"""`eqmorph data stats` on tiny fixture files."""

import argparse

import pytest

from eqmorph.cli import data as data_cli
from eqmorph.errors import DataUnavailableError


def run(argv):
    parser = argparse.ArgumentParser(prog="eqmorph")
    data_cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_stats_of_all_datasets_print_counts_terms_skips_and_fit_error(safe_csv, socialfx_parquet, capsys):
    root = safe_csv.parent.parent
    assert socialfx_parquet.is_relative_to(root)
    assert run(["data", "stats", "--data", str(root)]) == 0
    out = capsys.readouterr().out
    assert "== socialfx ==" in out and "== safe ==" in out and "== all ==" in out
    assert "examples: 4" in out and "examples: 5" in out and "examples: 9" in out
    assert "en 3, es 1" in out
    assert "placeholder descriptor 1" in out and "wrong column count 1" in out
    assert "fit error (RMS dB" in out
    assert "bright (2)" in out


def test_stats_of_safe_has_no_fit_error_line(safe_csv, capsys):
    assert run(["data", "stats", "--dataset", "safe", "--data", str(safe_csv)]) == 0
    out = capsys.readouterr().out
    assert "fit error" not in out and "terms with >= 8 examples: 0 terms" in out


def test_stats_without_data_for_safe_raises_the_error_naming_the_data_option(monkeypatch):
    monkeypatch.delenv("EQMORPH_DATA", raising=False)
    with pytest.raises(DataUnavailableError, match="--data"):
        run(["data", "stats", "--dataset", "safe"])


def test_stats_count_stop_listed_terms_and_the_model_vocabulary_they_leave_out():
    import numpy as np

    from eqmorph.core.ranges import flat_params
    from eqmorph.datasets.dataset import EQDataset

    terms = ("warm",) * 3 + ("guitar",) * 4 + ("hello",) * 1
    n = len(terms)
    ds = EQDataset(flat_params(n).reshape(n, 15), terms, ("safe",) * n, (None,) * n, np.ones(n),
                   tuple(f"r{i}" for i in range(n)), np.full(n, np.nan))
    out = data_cli.format_stats("safe", ds)
    assert "stop-listed (not sound words, never in a model's vocabulary): 2 terms, 5 examples" in out
    assert "guitar 4" in out
    assert "model vocabulary (>= 3 examples, not stop-listed): 1 terms" in out
