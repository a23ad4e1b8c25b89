"""Draw every documentation figure into docs/figures (or --out).

Run from anywhere: ``python docs/generate_diagrams.py [--model DIR] [--data PATH] [--out DIR]``.
Needs the ``plots`` extra; ``--data`` (a SocialFX file or folder) adds the 40-band -> 5-band fit figure.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from eqmorph.errors import EqmorphError
from eqmorph.plots.figures import make_all
from eqmorph.semantic.morph import load

DEFAULT_OUT = Path(__file__).resolve().parent / "figures"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python docs/generate_diagrams.py", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT), help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--model", default=None, help="model directory (default: the bundled model)")
    parser.add_argument("--data", default=None, help="SocialFX file or folder for the fit figure (default: none)")
    args = parser.parse_args(argv)
    try:
        paths = make_all(load(args.model), args.out, data_path=args.data)
    except EqmorphError as exc:
        print(f"generate_diagrams: error: {exc}", file=sys.stderr)
        return 2
    for path in paths:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
