"""Inference latency: eqmorph's numpy runtime next to a torch eager forward of the same decoder.

Rows: one value (p50/p99 over many calls) and 1,001 alpha values in one call. The torch rows
load the same weights into ``eqmorph.model.network.Decoder`` and run it eagerly under
``torch.no_grad()`` in the same process, so the ratio compares runtimes, not models. The
FlowEQ-style baseline (numpy) is timed too when it is given.

Run: python -m benchmarks.inference_speed [--model DIR] [--quick]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from eqmorph.semantic.morph import Morpher, load

TARGETS = {"single_p50_us": 100.0, "single_p99_us": 300.0, "batch_1001_ms": 10.0}


def timed(fn: Callable[[], object], repeats: int, warmup: int = 50) -> dict[str, float]:
    """p50 / p99 / mean of ``fn`` in microseconds over ``repeats`` calls."""
    for _ in range(warmup):
        fn()
    t = np.empty(repeats)
    for i in range(repeats):
        start = time.perf_counter_ns()
        fn()
        t[i] = time.perf_counter_ns() - start
    t /= 1000.0
    return {"p50_us": float(np.percentile(t, 50)), "p99_us": float(np.percentile(t, 99)), "mean_us": float(t.mean())}


def _torch_decoder(model: Morpher) -> Any:
    import torch

    from eqmorph.model.network import Decoder

    torch.set_num_threads(1)
    dec = Decoder(model.checkpoint.config)
    state = {k[len("decoder."):]: torch.from_numpy(np.asarray(v, dtype=np.float32))
             for k, v in model.checkpoint.weights.items() if k.startswith("decoder.")}
    dec.load_state_dict(state)
    return dec.eval()


def run(model: Morpher | None = None, *, quick: bool = False, floweq: Any = None) -> dict[str, Any]:
    model = model or load()
    a, b = model.terms[0], model.terms[1]
    single_n, batch_n = (1000, 30) if quick else (10000, 200)
    alphas = np.linspace(0.0, 1.0, 1001)
    rng = np.random.default_rng(0)
    rows: dict[str, dict[str, float]] = {}
    rows["eqmorph generate (numpy)"] = timed(lambda: model.generate(a), single_n)
    rows["eqmorph interpolate, params default (numpy)"] = timed(
        lambda: model.interpolate(a, b, float(rng.random())), single_n)
    rows["eqmorph interpolate, latent (numpy decoder)"] = timed(
        lambda: model.interpolate(a, b, float(rng.random()), method="latent"), single_n)
    rows["eqmorph decoder forward, 1 latent (numpy)"] = timed(lambda: model._net.decode(model.centroid(a)), single_n)
    rows["eqmorph interpolate x1001, params (numpy)"] = timed(lambda: model.interpolate_params(a, b, alphas), batch_n)
    rows["eqmorph interpolate x1001, latent (numpy)"] = timed(
        lambda: model.interpolate_params(a, b, alphas, method="latent"), batch_n)
    try:
        import torch
    except ModuleNotFoundError:
        torch = None
    if torch is not None:
        dec = _torch_decoder(model)
        z1 = torch.from_numpy(model.centroid(a)[None].copy())
        zb = torch.from_numpy(np.linspace(model.centroid(a), model.centroid(b), 1001).astype(np.float32))
        with torch.no_grad():
            rows["torch eager decoder forward, 1 latent"] = timed(lambda: dec(z1), single_n)
            rows["torch eager decoder forward, 1001 latents"] = timed(lambda: dec(zb), batch_n)
    if floweq is not None:
        w = floweq.terms[0]
        zf = np.linspace(floweq.centroid(w), floweq.centroid(floweq.terms[1]), 1001)
        rows["FlowEQ-style decoder, 1 word (numpy)"] = timed(lambda: floweq.generate_params(w), single_n)
        rows["FlowEQ-style decoder, 1001 latents (numpy)"] = timed(lambda: floweq.decode_params(zf), batch_n)
    single = rows["eqmorph interpolate, params default (numpy)"]
    batch = rows["eqmorph interpolate x1001, params (numpy)"]
    out: dict[str, Any] = {"rows": rows, "words": [a, b], "targets": TARGETS}
    out["met"] = {
        "single_p50_us": single["p50_us"] <= TARGETS["single_p50_us"],
        "single_p99_us": single["p99_us"] <= TARGETS["single_p99_us"],
        "batch_1001_ms": batch["p50_us"] / 1000.0 <= TARGETS["batch_1001_ms"],
    }
    if torch is not None:
        t1 = rows["torch eager decoder forward, 1 latent"]["p50_us"]
        out["ratio_torch_over_numpy_single"] = t1 / rows["eqmorph decoder forward, 1 latent (numpy)"]["p50_us"]
        tb = rows["torch eager decoder forward, 1001 latents"]["p50_us"]
        out["ratio_torch_over_numpy_batch"] = tb / rows["eqmorph interpolate x1001, latent (numpy)"]["p50_us"]
    return out


def markdown(result: dict[str, Any]) -> str:
    lines = ["| call | p50 | p99 | mean |", "|---|---|---|---|"]
    for name, r in result["rows"].items():
        lines.append(f"| {name} | {r['p50_us']:.1f} us | {r['p99_us']:.1f} us | {r['mean_us']:.1f} us |")
    if "ratio_torch_over_numpy_single" in result:
        lines += ["", f"torch eager / numpy decoder: {result['ratio_torch_over_numpy_single']:.1f}x slower for one "
                  f"latent, {result['ratio_torch_over_numpy_batch']:.1f}x for 1,001 (numpy row includes the whole "
                  "interpolate call)."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(markdown(run(load(args.model), quick=args.quick)))


if __name__ == "__main__":
    main()
