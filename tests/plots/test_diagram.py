"""The network diagram: a PNG for any model config, and a clear error for anything else."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")

from png_checks import assert_png, only_files  # noqa: E402

from eqmorph.errors import ParameterError  # noqa: E402
from eqmorph.model import ModelConfig  # noqa: E402
from eqmorph.plots.diagram import architecture_diagram  # noqa: E402


@pytest.mark.parametrize("config", [ModelConfig(), ModelConfig(latent_dim=64, hidden=(64, 64), proj_dim=16)])
def test_architecture_diagram_writes_a_png_for_any_config(tmp_path, config):
    out = architecture_diagram(config, tmp_path / "arch.png", train_config={"supcon_weight": 0.1})
    assert_png(out, min_width=1000)
    assert only_files(tmp_path) == {"arch.png"}


def test_architecture_diagram_needs_a_model_config(tmp_path):
    with pytest.raises(ParameterError, match="config"):
        architecture_diagram({"latent_dim": 32}, tmp_path / "x.png")
