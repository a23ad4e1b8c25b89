"""docs/figures: the committed figures drawn from a model were drawn from the bundled one.

They had fallen behind a retrained bundled model once, unnoticed (new-user trial 7, #2): make_all writes the
model's id into each such PNG, and this reads it back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eqmorph.plots.canvas import MODEL_KEY
from eqmorph.semantic.morph import load

Image = pytest.importorskip("PIL.Image")

FIGURES = Path(__file__).resolve().parents[2] / "docs" / "figures"
# The figures make_all draws from the model (fit_worst.png comes from the data alone, match_drums_to_piano.png from
# the benchmark).
MODEL_FIGURES = ("word_curves.png", "latent_map.png", "latent_map_tsne.png", "interpolation_flow.png",
                 "training_curves.png", "architecture.png")


@pytest.mark.skipif(not FIGURES.is_dir(), reason="no docs/figures beside these tests")
def test_the_documented_figures_were_drawn_from_the_bundled_model():
    drawn_from = {}
    for name in MODEL_FIGURES:
        with Image.open(FIGURES / name) as image:
            drawn_from[name] = image.text.get(MODEL_KEY)
    assert drawn_from == dict.fromkeys(MODEL_FIGURES, load().model_id), (
        "docs/figures is stale: python docs/generate_diagrams.py --data ../shared/data")
