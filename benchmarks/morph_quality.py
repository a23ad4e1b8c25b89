"""Morph quality: how smoothly and monotonically the response moves from word A to word B.

For the 20 most frequent word pairs (pairs of the most frequent words, ordered by the
smaller count of the two) and 101 alpha steps, per interpolation method:
- max step: the largest change of the magnitude response (dB, 256-point log grid
  20 Hz-20 kHz, 44.1 kHz) between neighbouring alpha steps (target <= 0.5 dB);
- monotonic share: the share of frequencies whose response moves monotonically from A to B
  (a 0.01 dB tolerance for wiggles below audibility; target >= 0.95).

Run: python -m benchmarks.morph_quality [--model DIR]
"""

from __future__ import annotations

import argparse
import itertools
from typing import Any

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.ranges import PEAK_PERMS
from eqmorph.semantic.morph import INTERPOLATIONS, Morpher, load
from eqmorph.semantic.path import MorphPath

TARGET_MAX_STEP_DB = 0.5
TARGET_MONOTONIC = 0.95
MONOTONIC_TOL_DB = 0.01


def word_pairs(model: Morpher, n_pairs: int = 20) -> list[tuple[str, str]]:
    """The ``n_pairs`` pairs of frequent words whose rarer member is most frequent."""
    top = model.terms[: max(2, int(np.ceil(np.sqrt(2 * n_pairs))) + 2)]
    pairs = sorted(itertools.combinations(top, 2), key=lambda p: (-min(model.counts[p[0]], model.counts[p[1]]), p))
    return pairs[:n_pairs]


def path_metrics(responses: np.ndarray) -> tuple[float, float]:
    """(max step dB, monotonic share) of responses ``(steps, F)`` along alpha."""
    steps = np.diff(responses, axis=0)
    up = np.all(steps >= -MONOTONIC_TOL_DB, axis=0)
    down = np.all(steps <= MONOTONIC_TOL_DB, axis=0)
    return float(np.abs(steps).max()), float(np.mean(up | down))


def run(model: Morpher | None = None, n_pairs: int = 20, steps: int = 101) -> dict[str, Any]:
    model = model or load()
    freqs = dsp.log_freq_grid(256)
    alphas = np.linspace(0.0, 1.0, steps)
    pairs = word_pairs(model, n_pairs)
    out: dict[str, Any] = {"pairs": [list(p) for p in pairs], "steps": steps, "methods": {},
                           "params_best_pairing_monotonic_mean": best_pairing_share(model, pairs, alphas, freqs)}
    for method in INTERPOLATIONS:
        rows = []
        for a, b in pairs:
            params = model.interpolate_params(a, b, alphas, method=method)
            rows.append(path_metrics(dsp.response_db_np(params, freqs, 44100.0)))
        arr = np.array(rows)
        out["methods"][method] = {
            "max_step_db_mean": float(arr[:, 0].mean()),
            "max_step_db_worst": float(arr[:, 0].max()),
            "monotonic_share_mean": float(arr[:, 1].mean()),
            "monotonic_share_worst": float(arr[:, 1].min()),
            "pairs_meeting_both": int(np.sum((arr[:, 0] <= TARGET_MAX_STEP_DB) & (arr[:, 1] >= TARGET_MONOTONIC))),
        }
    return out


def best_pairing_share(model: Morpher, pairs: list[tuple[str, str]], alphas: np.ndarray, freqs: np.ndarray) -> float:
    """Mean over ``pairs`` of the best monotonic share any of the six peak pairings gives the params morph.

    The most a params morph can reach on these words: the pairing rule is judged against it.
    """
    best = []
    for a, b in pairs:
        pa, pb = model.generate_params(a), model.generate_params(b)
        best.append(max(path_metrics(dsp.response_db_np(MorphPath._trusted(pa, pb, k).params_many(alphas), freqs,
                                                        44100.0))[1] for k in range(len(PEAK_PERMS))))
    return float(np.mean(best))


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"Over {len(result['pairs'])} word pairs, {result['steps']} alpha steps each "
        f"(targets: max step <= {TARGET_MAX_STEP_DB} dB, monotonic share >= {TARGET_MONOTONIC}).",
        "",
        "| method | max step dB (mean / worst) | monotonic share (mean / worst) | pairs meeting both |",
        "|---|---|---|---|",
    ]
    for method, m in result["methods"].items():
        lines.append(
            f"| {method} | {m['max_step_db_mean']:.3f} / {m['max_step_db_worst']:.3f} | "
            f"{m['monotonic_share_mean']:.3f} / {m['monotonic_share_worst']:.3f} | "
            f"{m['pairs_meeting_both']} of {len(result['pairs'])} |"
        )
    if "params_best_pairing_monotonic_mean" in result:
        lines += ["", "Best a params morph can do on these pairs (for each pair the best of the six peak pairings, "
                  f"judged on this grid): mean monotonic share {result['params_best_pairing_monotonic_mean']:.3f}. "
                  "A params morph slides bells between frequencies, and a bell passing a frequency raises then "
                  "lowers it: where two words' peaks sit far apart no pairing keeps every frequency monotonic."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    print(markdown(run(load(args.model))))


if __name__ == "__main__":
    main()
