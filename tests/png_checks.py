"""Checks on written PNG files, shared by the figure tests (needs matplotlib: import after importorskip)."""

from __future__ import annotations

from matplotlib.image import imread

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def assert_png(path, min_width: int = 400, min_height: int = 250) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    image = imread(path)
    assert image.ndim == 3 and image.shape[2] in (3, 4)
    assert image.shape[0] >= min_height and image.shape[1] >= min_width
    assert float(image[..., :3].std()) > 0.01  # something was drawn, not a blank canvas


def only_files(folder) -> set[str]:
    return {p.name for p in folder.iterdir()}
