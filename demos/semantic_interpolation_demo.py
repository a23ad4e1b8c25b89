"""The seed report's demo: morph from "warm" to "bright" and print the EQ at each step.

Run: python demos/semantic_interpolation_demo.py [--model DIR] [--a warm] [--b bright] [--steps 5]
"""

from __future__ import annotations

import argparse

import numpy as np

from eqmorph.compat import NeuralEQMorphingSystem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="model directory (default: the bundled model)")
    parser.add_argument("--a", default="warm")
    parser.add_argument("--b", default="bright")
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args()
    system = NeuralEQMorphingSystem(args.model)
    for alpha in np.linspace(0.0, 1.0, args.steps):
        eq = system.interpolate_semantic_terms(args.a, args.b, alpha=float(alpha))
        print(f"== alpha {alpha:.2f} ({args.a} -> {args.b})\n{eq}\n")


if __name__ == "__main__":
    main()
