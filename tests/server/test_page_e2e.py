"""The page in headless Chromium against the live server: pick words, drag the slider, see the API's answer.

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import numpy as np
import pytest
from browser_fixtures import pick_row, shown

from eqmorph.io.fileio import write_bytes_atomic

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"


def _table(page) -> dict[str, dict[str, tuple[str, float]]]:
    rows = page.eval_on_selector_all(
        "#band-table tbody tr",
        "rows => rows.map(r => [r.dataset.band, [...r.cells].filter(c => c.dataset.param)"
        ".map(c => [c.dataset.param, c.textContent, Number(c.dataset.value)])])")
    return {band: {p: (text, value) for p, text, value in cells} for band, cells in rows}


def _formatted(band: dict) -> dict[str, str]:
    g = band["gain_db"]
    return {"gain_db": f"{'+' if g >= 0 else ''}{g:.2f} dB", "freq_hz": f"{band['freq_hz']:.1f} Hz",
            "q": f"{band['q']:.3f}"}


def test_moving_the_slider_updates_curve_and_table_to_the_api_answer(page, live_server):
    pick_row(page, "a", "mud")  # autocomplete: the arrow key highlights the first row, Enter takes it
    # at once: the second choice must not undo the first; "thi" highlights thin itself, the down arrow would go on to
    # the lexicon's "thick" (the opposite of thin) listed after it
    pick_row(page, "b", "thi", rows_down=0)
    shown(page, "muddy", "thin", "0.5")
    assert page.get_attribute("#word-a", "data-word") == "muddy"
    assert page.get_attribute("#word-b", "data-word") == "thin"
    before_points = json.loads(page.get_attribute("#curve", "data-points"))
    before_table = _table(page)
    before_pixels = page.eval_on_selector("#curve", "c => c.toDataURL()")

    page.fill("#alpha", "0.8")
    page.dispatch_event("#alpha", "input")
    shown(page, "muddy", "thin", "0.8")

    api = httpx.get(live_server.url + "/api/morph", params={"a": "muddy", "b": "thin", "alpha": "0.8",
                                                            "intensity": "1"}).json()
    points = json.loads(page.get_attribute("#curve", "data-points"))
    np.testing.assert_allclose(points, api["response"]["db"], atol=1e-3)
    table = _table(page)
    for band in api["bands"]:
        row = table[band["name"]]
        for param, text in _formatted(band).items():
            assert row[param][0] == text
            assert row[param][1] == pytest.approx(band[param], rel=1e-12)
    assert np.max(np.abs(np.subtract(points, before_points))) > 0.1
    assert table != before_table
    assert page.eval_on_selector("#curve", "c => c.toDataURL()") != before_pixels
    assert page.text_content("#alpha-value") == "0.800"

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.eval_on_selector("#alpha", "el => el.blur()")  # no focus ring in the picture
    shot = page.screenshot(full_page=True)
    write_bytes_atomic(ARTIFACTS / "page_after_slider.png", shot)


def test_clicking_the_word_map_sets_the_chosen_word_and_the_exports_follow(page, live_server):
    page.check("#map-target-b")
    page.click("#word-map circle[data-word='muddy']")
    shown(page, page.get_attribute("#word-a", "data-word"), "muddy", "0.5")
    assert page.is_checked("#map-target-a"), "after setting B, the next click sets A"
    href = page.get_attribute("#export-apo", "href")
    assert "b=muddy" in href and "format=apo" in href
    r = httpx.get(live_server.url + href)
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("attachment;")
    assert any(line.startswith("Preamp:") for line in r.text.splitlines())
    graphic = httpx.get(live_server.url + page.get_attribute("#export-graphiceq", "href"))
    assert graphic.status_code == 200 and "GraphicEQ.txt" in graphic.headers["content-disposition"]
    comment, preamp, curve = graphic.text.splitlines()
    assert comment.startswith("# eqmorph") and preamp.startswith("Preamp:") and curve.startswith("GraphicEQ: 20 ")


def test_audio_preview_plays_through_the_eq_and_bypass_toggles(page):
    page.select_option("#source", "pink")
    page.click("#play")
    page.wait_for_selector("#play[aria-pressed='true']")
    page.check("#bypass")
    page.fill("#intensity", "1.5")
    page.dispatch_event("#intensity", "input")
    page.wait_for_selector("#curve[data-intensity='1.5']", state="attached")
    page.uncheck("#bypass")
    page.click("#play")
    assert page.get_attribute("#play", "aria-pressed") == "false"
