"""The page in headless Chromium against the live server: pick words, drag the slider, see the API's answer.

Needs Playwright (dev extra) and the system Chromium at /usr/bin/chromium (never ``playwright install``).
Without them the tests skip, unless the CI environment variable is set: then they fail.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import numpy as np
import pytest

from eqmorph.io.fileio import write_bytes_atomic

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
WAIT_MS = 15_000  # guard against a hang only; the page updates within a frame or two


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (CI installs it with: apt-get update && apt-get install -y chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run on CI: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    pg.errors, pg.foreign, pg.expect_404 = [], [], False
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    # Console errors include Content-Security-Policy violations and failed loads.
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    pg.on("request", lambda req: None if req.url.startswith((live_server.url, "data:", "blob:"))
          else pg.foreign.append(req.url))
    pg.goto(live_server.url + "/")
    pg.wait_for_selector("body[data-ready='1']")
    yield pg
    context.close()
    errors = [e for e in pg.errors if not (pg.expect_404 and "404 (Not Found)" in e)]
    assert errors == [], f"the page raised JavaScript errors: {errors}"
    assert pg.foreign == [], "the page requested something other than this server"


def _shown(page, a: str, b: str, alpha: str) -> None:
    """Wait until the plot shows the morph a -> b at alpha.

    Waits use selectors, not ``wait_for_function``: Playwright evaluates predicate strings
    inside the page, which the page's Content-Security-Policy (no eval) rightly refuses.
    """
    page.wait_for_selector(f"#curve[data-a='{a}'][data-b='{b}'][data-alpha='{alpha}']", state="attached")


def _pick(page, side: str, typed: str) -> None:
    box = f"#word-{side}"
    page.click(box)
    page.fill(box, typed)
    page.press(box, "Enter")


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
    _pick(page, "a", "mud")  # autocomplete: the first match is chosen
    _pick(page, "b", "thi")
    assert page.get_attribute("#word-a", "data-word") == "muddy"
    assert page.get_attribute("#word-b", "data-word") == "thin"
    _shown(page, "muddy", "thin", "0.5")
    before_points = json.loads(page.get_attribute("#curve", "data-points"))
    before_table = _table(page)
    before_pixels = page.eval_on_selector("#curve", "c => c.toDataURL()")

    page.fill("#alpha", "0.8")
    page.dispatch_event("#alpha", "input")
    _shown(page, "muddy", "thin", "0.8")

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
    _shown(page, page.get_attribute("#word-a", "data-word"), "muddy", "0.5")
    assert page.is_checked("#map-target-a"), "after setting B, the next click sets A"
    href = page.get_attribute("#export-apo", "href")
    assert "b=muddy" in href and "format=apo" in href
    r = httpx.get(live_server.url + href)
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("attachment;")
    assert r.text.startswith("Preamp:")


def test_an_unknown_word_shows_suggestions_that_can_be_picked(page):
    page.expect_404 = True  # the browser logs the API's 404 for the unknown word
    _pick(page, "a", "wram")
    page.wait_for_selector("#status.error button")
    assert "wram" in page.text_content("#status")
    page.click("#status button:has-text('warm')")
    _shown(page, "warm", page.get_attribute("#word-b", "data-word"), "0.5")


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
