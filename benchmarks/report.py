"""docs/benchmarks.md from the benchmark results: the targets table first, then each section."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

SEED_CLAIMS = ("MSE 0.12, gain +-0.5 dB, frequency +-15 Hz, Q +-0.3, silhouette 0.68, training 15 min, "
               "interpolation < 5 ms")

TITLES = {
    "inference": "Inference latency (numpy runtime vs torch eager, same decoder, same run)",
    "morph_quality": "Morph quality (20 most frequent word pairs, 101 alpha steps)",
    "edit": "Editing an EQ with words, step by step",
    "audio": "Audio processing speed and memory",
    "memory": "Memory of the command line",
    "server": "Web server under load (loopback)",
    "fit": "SocialFX 40-band -> 5-band fit",
    "training": "Training time and ablation (held-out test split)",
    "quality": "Quality on held-out data: eqmorph vs per-word mean vs FlowEQ-style beta-VAE",
    "open_vocab": "Open vocabulary, leave-one-word-out",
    "audio_semantic": "Audio-domain semantic evaluation (after LLM2Fx)",
}


def jsonable(obj: Any) -> Any:
    """Plain JSON values: numpy scalars/arrays become Python, NaN/Inf become None."""
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return jsonable(obj.tolist())
    if isinstance(obj, np.generic):
        return jsonable(obj.item())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def _g(d: Any, *keys: Any) -> Any:
    for k in keys:
        if isinstance(d, dict) and k in d:
            d = d[k]
        elif isinstance(d, list) and isinstance(k, int) and -len(d) <= k < len(d):
            d = d[k]
        else:
            return None
    return d


def _row(rows: list[tuple[str, str, str, bool | None]], what: str, target: str, value: Any, fmt: str,
         met: bool | None) -> None:
    rows.append((what, target, "not measured" if value is None else format(value, fmt), met if value is not None
                 else None))


def targets(res: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    s = res["sections"]
    rows: list[tuple[str, str, str, bool | None]] = []
    inf = s.get("inference", {})
    single = _g(inf, "rows", "eqmorph interpolate, params default (numpy)")
    batch = _g(inf, "rows", "eqmorph interpolate x1001, params (numpy)")
    _row(rows, "interpolate, one value, p50", "<= 100 us", _g(single, "p50_us"), ".1f",
         _g(single, "p50_us") is not None and single["p50_us"] <= 100)
    _row(rows, "interpolate, one value, p99", "<= 300 us", _g(single, "p99_us"), ".1f",
         _g(single, "p99_us") is not None and single["p99_us"] <= 300)
    _row(rows, "interpolate, 1,001 values in one call (p50, ms)", "<= 10 ms",
         None if batch is None else batch["p50_us"] / 1000, ".2f", batch is not None and batch["p50_us"] <= 10000)
    mq = _g(s, "morph_quality", "methods", "params")
    _row(rows, "morph: largest step between neighbouring alphas (worst pair, dB)", "<= 0.5 dB",
         _g(mq, "max_step_db_worst"), ".3f", mq is not None and mq["max_step_db_worst"] <= 0.5)
    _row(rows, "morph: share of monotonic frequencies (mean over pairs)", ">= 0.95",
         _g(mq, "monotonic_share_mean"), ".3f", mq is not None and mq["monotonic_share_mean"] >= 0.95)
    tr = _g(s, "training", "variants", "default (param + response + 0.1 SupCon)", "seconds")
    _row(rows, "default training wall time (s)", "<= 180 s", tr, ".0f", tr is not None and tr <= 180)
    au = _g(s, "audio", "static_x_realtime")
    _row(rows, "audio, static 5-band EQ, stereo 44.1 kHz (x real time)", ">= 1000x", au, ".0f",
         au is not None and au >= 1000)
    rss = _g(s, "audio", "hwm_static_mb")
    _row(rows, "audio, 1-hour stereo file, peak RSS (MB)", "< 500 MB", rss, ".0f", rss is not None and rss < 500)
    lv = [x for x in (_g(s, "server", "levels") or []) if x.get("clients") == 20]
    p99 = lv[0]["p99_ms"] if lv else None
    _row(rows, "server /api/morph p99 at 20 clients (ms)", "<= 5 ms", p99, ".2f", p99 is not None and p99 <= 5)
    fit = _g(s, "fit", "rms_db")
    _row(rows, "SocialFX fit, median RMS (dB)", "<= 0.75 dB", _g(fit, "median"), ".3f",
         fit is not None and fit["median"] <= 0.75)
    _row(rows, "SocialFX fit, p95 RMS (dB)", "<= 2 dB", _g(fit, "p95"), ".3f", fit is not None and fit["p95"] <= 2)
    ft = _g(s, "fit", "wall_s", "total")
    _row(rows, "SocialFX fit of every curve, wall time (s)", "< 30 s", ft, ".1f", ft is not None and ft < 30)
    size = _g(res, "model", "bytes")
    _row(rows, "bundled model size (MB)", "<= 5 MB", None if size is None else size / 2**20, ".2f",
         size is not None and size <= 5 * 2**20)
    return rows


def render(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = [
        "# eqmorph benchmarks" + (" (quick smoke run)" if res["quick"] else ""),
        "",
        f"Generated by `python -m benchmarks{' --quick' if res['quick'] else ''}` on {res['date']}, "
        f"commit {res['commit']}.",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['platform']}; "
        f"load average at start {tuple(round(x, 2) for x in m['load_average_at_start'])}.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".",
        f"Model: {res['model']['id']} ({res['model']['words']} words) from `{res['model']['dir']}`.",
        "",
        "## Targets",
        "",
        "| what | target | measured | met |",
        "|---|---|---:|---|",
    ]
    for what, target, value, met in targets(res):
        lines.append(f"| {what} | {target} | {value} | {'yes' if met else ('no' if met is False else '-')} |")
    lines += ["", f"The seed report claimed: {SEED_CLAIMS}. Our measured counterparts are in the quality table.", ""]
    if res["skipped"]:
        lines += ["Skipped: " + "; ".join(f"{k}: {v}" for k, v in res["skipped"].items()), ""]
    for name, title in TITLES.items():
        sec = res["sections"].get(name)
        if sec is None:
            continue
        md = sec.get("markdown") if isinstance(sec, dict) else None
        if md is None:
            from benchmarks import inference_speed, morph_quality

            md = {"inference": inference_speed.markdown, "morph_quality": morph_quality.markdown}.get(
                name, lambda r: "```\n" + str(jsonable(r)) + "\n```")(sec)
        lines += [f"## {title}", "", md.strip(), ""]
    return "\n".join(lines)
