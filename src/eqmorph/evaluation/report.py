"""Evaluation results as JSON and as markdown tables (one per dataset).

Columns: every evaluated model (eqmorph, word-mean, FlowEQ per beta) and the numbers the
seed report claimed, as a reference only: they came without a split, a protocol or code,
so they are not reproduced here and are not comparable as such.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from eqmorph.errors import ParameterError
from eqmorph.io.fileio import write_text_atomic

JSON_NAME = "evaluation.json"
MARKDOWN_NAME = "evaluation.md"

# What the seed report claimed (metric key -> value); "+-" figures read as mean absolute errors.
SEED_REPORT_CLAIMS: dict[str, float] = {
    "model_space_mse": 0.12,
    "gain_mae_db": 0.5,
    "freq_median_abs_error_hz": 15.0,
    "q_mae": 0.3,
    "silhouette": 0.68,
}

# (label, section, key, decimals); "better" arrows say which way is good
_ROWS: tuple[tuple[str, str, str, int], ...] = (
    ("Parameter MSE, model space (lower)", "reconstruction", "model_space_mse", 4),
    ("Gain MAE, dB (lower)", "reconstruction", "gain_mae_db", 2),
    ("Frequency error, octaves (lower)", "reconstruction", "freq_error_octaves", 3),
    ("Frequency median abs error, Hz (lower)", "reconstruction", "freq_median_abs_error_hz", 1),
    ("Q MAE (lower)", "reconstruction", "q_mae", 3),
    ("Response RMS error, dB (lower)", "reconstruction", "response_rms_db", 2),
    ("Silhouette, test (higher)", "silhouette_test", "silhouette", 3),
    ("Silhouette, train (higher)", "silhouette_train", "silhouette", 3),
    ("Retrieval top-1 (higher)", "retrieval", "top1", 3),
    ("Retrieval top-5 (higher)", "retrieval", "top5", 3),
    ("Fidelity mean Pearson r (higher)", "fidelity", "mean_pearson_r", 3),
    ("Fidelity median Pearson r (higher)", "fidelity", "median_pearson_r", 3),
    ("Fidelity mean RMS, dB (lower)", "fidelity", "mean_rms_db", 2),
    ("Fidelity median RMS, dB (lower)", "fidelity", "median_rms_db", 2),
)
# which claim sits on which row
_CLAIM_ROW = {
    "model_space_mse": "model_space_mse",
    "gain_mae_db": "gain_mae_db",
    "freq_median_abs_error_hz": "freq_median_abs_error_hz",
    "q_mae": "q_mae",
    "silhouette_train": "silhouette",
}


def to_jsonable(obj: Any) -> Any:
    """``obj`` with numpy scalars/arrays turned into Python values and NaN/inf into ``None``."""
    if isinstance(obj, Mapping):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return to_jsonable(obj.tolist())
    if isinstance(obj, np.generic):
        return to_jsonable(obj.item())
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if obj is None or isinstance(obj, bool | int | str):
        return obj
    if isinstance(obj, os.PathLike):
        return os.fspath(obj)
    raise ParameterError("results value", obj, "numbers, strings, lists and dicts", wrong_type=True)


def _label(name: str) -> str:
    if name == "eqmorph":
        return "eqmorph"
    if name == "word_mean":
        return "word-mean"
    if name.startswith("floweq_beta_"):
        return f"FlowEQ β={name.removeprefix('floweq_beta_')}"
    return name


def _cell(value: Any, decimals: int) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a"
    return f"{float(value):.{decimals}f}"


def _scope_table(scope: Mapping[str, Any], claims: Mapping[str, float]) -> list[str]:
    results = scope["results"]
    names = list(results)
    header = ["metric", *(_label(n) for n in names), "seed report claim"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for label, section, key, decimals in _ROWS:
        cells = []
        for n in names:
            block = results[n].get(section)
            cells.append(_cell(block.get(key) if isinstance(block, Mapping) else None, decimals))
        claim_key = _CLAIM_ROW.get(key if section == "reconstruction" else section)
        claim = claims.get(claim_key) if claim_key else None
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {_cell(claim, decimals) if claim else ''} |")
    any_retrieval = next((r["retrieval"] for r in results.values() if r.get("retrieval")), None)
    if any_retrieval:
        extra = [
            ("Retrieval chance top-1 / top-5", f"{_cell(any_retrieval.get('chance_top1'), 3)} / "
                                               f"{_cell(any_retrieval.get('chance_top5'), 3)}"),
            ("Retrieval most-frequent-word top-1 / top-5", f"{_cell(any_retrieval.get('majority_top1'), 3)} / "
                                                           f"{_cell(any_retrieval.get('majority_top5'), 3)}"),
            ("Retrieval words / test examples", f"{any_retrieval.get('n_words')} / {any_retrieval.get('n_points')}"),
        ]
        for label, text in extra:
            lines.append(f"| {label} | " + " | ".join([text] + [""] * (len(names) - 1)) + " | |")
    fid = next((r["fidelity"] for r in results.values() if r.get("fidelity")), None)
    if fid:
        lines.append("| Fidelity words | " + " | ".join(str(r["fidelity"]["n_words"]) for r in results.values())
                     + " | |")
    return lines


def _fidelity_words(scope: Mapping[str, Any], limit: int = 12) -> list[str]:
    results = scope["results"]
    per_model = {n: {row["word"]: row for row in r["fidelity"]["per_word"]} for n, r in results.items()}
    words: dict[str, int] = {}
    for rows in per_model.values():
        for w, row in rows.items():
            words[w] = int(row["n_test"])
    if not words:
        return []
    ordered = sorted(words, key=lambda w: (-words[w], w))[:limit]
    names = list(results)
    lines = [
        "| word | test examples | " + " | ".join(f"{_label(n)} r / RMS dB" for n in names) + " |",
        "|" + "---|" * (2 + len(names)),
    ]
    for w in ordered:
        cells = []
        for n in names:
            row = per_model[n].get(w)
            cells.append(f"{_cell(row['pearson_r'], 2)} / {_cell(row['rms_db'], 1)}" if row else "n/a")
        lines.append(f"| {w} | {words[w]} | " + " | ".join(cells) + " |")
    return lines


def render_markdown(results: Mapping[str, Any], claims: Mapping[str, float] = SEED_REPORT_CLAIMS) -> str:
    """Markdown report of :func:`eqmorph.evaluation.evaluate_all` results."""
    if not isinstance(results, Mapping) or "scopes" not in results:
        raise ParameterError("results", results, "the dict evaluate_all returns (with 'scopes')", wrong_type=True)
    out = ["# eqmorph evaluation", ""]
    prov = results.get("provenance")
    if isinstance(prov, Mapping) and prov:
        out += ["Split: " + ", ".join(f"{k}={v}" for k, v in prov.items()), ""]
    models = results.get("models", {})
    if models:
        out += ["Models:", ""]
        for name, info in models.items():
            secs = info.get("fit_seconds")
            timing = f" (fit in {secs:.1f} s)" if isinstance(secs, int | float) else ""
            out.append(f"- **{_label(name)}**: {info.get('description', '')}{timing}")
        out.append("")
    for scope_name, scope in results["scopes"].items():
        out += [f"## {scope_name}: {scope['n_test']} test / {scope['n_train']} train examples", ""]
        out += _scope_table(scope, claims)
        fid = _fidelity_words(scope)
        if fid:
            out += ["", "Semantic fidelity of the most frequent test words:", ""] + fid
        out.append("")
    out += [
        "## Notes",
        "",
        "- Reconstruction: encode then decode each test EQ; bands compared in canonical order, all 5 bands. "
        "word-mean has no latent, so reconstruction is n/a.",
        "- word-mean's silhouette and retrieval are computed on raw model-space parameters "
        "(frequencies and Q on a log scale), with its per-word mean EQs as centroids.",
        "- Silhouette, train: training latents of words with >= 8 training examples. Silhouette, test: test latents "
        "of those words (each needs 2 test examples). Retrieval ranks the words with >= 8 training examples.",
        "- Fidelity: generated EQ of each word with >= 5 test examples vs the mean dB response of those examples "
        "(256 log points, 20 Hz - 20 kHz, 44.1 kHz).",
        "- Seed report claims are quoted for reference only; they came without a split or protocol and were not "
        "reproduced. The silhouette claim is placed next to the training-set silhouette.",
        "",
    ]
    return "\n".join(out)


def write_report(
    results: Mapping[str, Any], out_dir: str | os.PathLike[str], claims: Mapping[str, float] = SEED_REPORT_CLAIMS
) -> tuple[Path, Path]:
    """Write ``evaluation.json`` and ``evaluation.md`` into ``out_dir`` (atomically); returns both paths."""
    out = Path(out_dir)
    if not out.is_dir():
        raise ParameterError("out_dir", str(out), "an existing folder")
    data = dict(to_jsonable(results))
    data["seed_report_claims"] = dict(claims)
    json_path, md_path = out / JSON_NAME, out / MARKDOWN_NAME
    write_text_atomic(json_path, json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n")
    write_text_atomic(md_path, render_markdown(results, claims))
    return json_path, md_path


__all__ = ["JSON_NAME", "MARKDOWN_NAME", "SEED_REPORT_CLAIMS", "render_markdown", "to_jsonable", "write_report"]
