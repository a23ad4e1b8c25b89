"""Tiny SocialFX parquet and SAFE CSV files, written per test."""

from __future__ import annotations

import pytest
from datasets_fixtures import SAFE_BAD, SAFE_GOOD, curve, sfx_row, write_parquet


@pytest.fixture
def safe_csv(tmp_path):
    path = tmp_path / "safe" / "SAFEEqualiserUserData.csv"
    path.parent.mkdir()
    path.write_text("\n".join(SAFE_GOOD + list(SAFE_BAD.values())) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def socialfx_parquet(tmp_path):
    rows = [
        sfx_row("eq_0", "warm", values=curve(0)),
        sfx_row("eq_1", "Cálido", values=curve(1), extra="{'lang': 'Español', 'ratings_consistency': 0.5}"),
        sfx_row("eq_2", "soft, calm", values=curve(2)),
    ]
    return write_parquet(tmp_path / "socialfx" / "data" / "eq-00000-of-00001.parquet", rows)


@pytest.fixture(autouse=True)
def private_fit_cache(tmp_path_factory, monkeypatch):
    """Each test caches SocialFX fits in its own folder, never in the user's cache."""
    folder = tmp_path_factory.mktemp("fit-cache")
    monkeypatch.setenv("EQMORPH_CACHE", str(folder))
    return folder
