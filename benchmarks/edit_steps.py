"""Multi-step editing with words: does each step move the sound the way the word says, and no further?

For pairs of frequent words (start, target), starting from ``generate(start)``, apply
``edit(eq, {target: +amount})`` three times, then ``edit(eq, {start: -amount})`` once, and
measure for every step:
- direction: Pearson correlation between the change of the response (dB, 256-point log grid)
  and the word's own direction, ``response(generate(word))`` (the flat EQ is 0 dB); for a
  negative amount the expected sign is negative, so we report correlation x sign(amount);
- closeness: RMS (dB) of the change, next to the RMS of the word's direction itself.

Run: python -m benchmarks.edit_steps [--model DIR]
"""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np

from benchmarks.morph_quality import word_pairs
from eqmorph.core import dsp
from eqmorph.semantic.morph import Morpher, load

AMOUNT = 0.5


def run(model: Morpher | None = None, n_pairs: int = 10, method: str = "response") -> dict[str, Any]:
    model = model or load()
    freqs = dsp.log_freq_grid(256)

    def resp(eq: Any) -> np.ndarray:
        return eq.response_db(freqs)

    steps: list[dict[str, Any]] = []
    for start, target in word_pairs(model, n_pairs):
        eq = model.generate(start)
        plan = [(target, AMOUNT)] * 3 + [(start, -AMOUNT)]
        for i, (word, amount) in enumerate(plan):
            new = model.edit(eq, {word: amount}, method=method)
            change = resp(new) - resp(eq)
            direction = resp(model.generate(word))
            corr = float(np.corrcoef(change, direction)[0, 1]) if np.std(change) > 1e-9 else float("nan")
            steps.append({"start": start, "word": word, "amount": amount, "step": i + 1,
                          "signed_correlation": corr * float(np.sign(amount)),
                          "change_rms_db": float(np.sqrt(np.mean(change**2))),
                          "word_rms_db": float(np.sqrt(np.mean(direction**2)))})
            eq = new
    corr = np.array([s["signed_correlation"] for s in steps])
    ratio = np.array([s["change_rms_db"] / max(s["word_rms_db"], 1e-9) for s in steps])
    return {
        "method": method,
        "amount": AMOUNT,
        "steps": steps,
        "share_in_direction": float(np.mean(corr > 0)),
        "median_signed_correlation": float(np.nanmedian(corr)),
        "median_change_over_word_rms": float(np.median(ratio)),
        "max_change_over_word_rms": float(np.max(ratio)),
    }


def run_all(model: Morpher | None = None) -> dict[str, Any]:
    """Both edit methods side by side."""
    from eqmorph.semantic.morph import EDIT_METHODS

    model = model or load()
    res = {"methods": {m: run(model, method=m) for m in EDIT_METHODS}}
    res["markdown"] = markdown(res)
    return res


def markdown(res: dict[str, Any]) -> str:
    methods = res["methods"]
    first = next(iter(methods.values()))
    lines = [
        f"{len(first['steps'])} edit steps of amount {first['amount']} (three towards a second word, one away from "
        "the start word), over the most frequent word pairs. Target: every step's response change correlates "
        "positively with the word's direction, and stays close to the start.",
        "",
        "| method | steps in the word's direction | median signed correlation | median step RMS / word RMS "
        "| largest step RMS / word RMS |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in methods.items():
        lines.append(f"| {name} | {r['share_in_direction']:.0%} | {r['median_signed_correlation']:.2f} | "
                     f"{r['median_change_over_word_rms']:.2f} | {r['max_change_over_word_rms']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    print(markdown(run_all(load(args.model))))


if __name__ == "__main__":
    main()
