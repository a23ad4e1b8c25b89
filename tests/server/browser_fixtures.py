"""Headless Chromium for the page tests: launch it, open the page, check it raised no errors.

Needs Playwright (dev extra) and the system Chromium at /usr/bin/chromium (never ``playwright install``).
Without them the tests skip, unless the CI environment variable is set: then they fail.
"""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required"]
WAIT_MS = 15_000  # guard against a hang only; the page updates within a frame or two
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (CI installs it with: apt-get update && apt-get install -y chromium)"
    return None


@contextmanager
def launch():
    """A headless Chromium, or a skip (a failure on CI) when it cannot run here."""
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run on CI: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@contextmanager
def open_page(browser, url: str, *, viewport: dict[str, int] = DESKTOP, fragment: str = ""):
    """The page at ``url`` once it is ready; afterwards, no JavaScript errors and no foreign requests.

    Set ``page.expect_404 = True`` in a test that provokes a 404 on purpose (the browser logs it), or add
    other statuses a test provokes to ``page.expect_status`` (the browser logs every failed load).
    """
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    pg.errors, pg.foreign, pg.expect_404, pg.expect_status = [], [], False, set()
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    # Console errors include Content-Security-Policy violations and failed loads.
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    pg.on("request", lambda req: None if req.url.startswith((url, "data:", "blob:")) else pg.foreign.append(req.url))
    try:
        pg.goto(url + "/" + fragment)
        pg.wait_for_selector("body[data-ready='1']")
        yield pg
    finally:
        context.close()
    expected = pg.expect_status | ({404} if pg.expect_404 else set())
    errors = [e for e in pg.errors if not any(f"status of {code} (" in e for code in expected)]
    assert errors == [], f"the page raised JavaScript errors: {errors}"
    assert pg.foreign == [], "the page requested something other than this server"


def shown(page, a: str, b: str, alpha: str) -> None:
    """Wait until the plot shows the morph a -> b at alpha.

    Waits use selectors, not ``wait_for_function``: Playwright evaluates predicate strings
    inside the page, which the page's Content-Security-Policy (no eval) rightly refuses.
    """
    page.wait_for_selector(f"#curve[data-a='{a}'][data-b='{b}'][data-alpha='{alpha}']", state="attached")


def with_notes(notes: list[str]):
    """A route handler that answers with the server's own answer, its ``notes`` replaced by ``notes``."""
    def handle(route):
        response = route.fetch()
        body = response.json()
        body["notes"] = notes
        route.fulfill(response=response, body=json.dumps(body))
    return handle


def pick(page, side: str, typed: str) -> None:
    """Type into word box A or B and press Enter."""
    box = f"#word-{side}"
    page.click(box)
    page.fill(box, typed)
    page.press(box, "Enter")


def picker_rows(page, side: str) -> list[dict[str, str]]:
    """The rows of word box A's or B's drop-down: each row's word, text, title, class (``studio`` for a studio term)
    and the class of its tag (``count``, ``studio-tag`` or ``lexicon-tag``)."""
    return page.eval_on_selector_all(
        f"#word-{side}-list li[data-word]",
        "ls => ls.map(l => ({word: l.dataset.word, text: l.textContent, title: l.title, kind: l.className, "
        "tag: l.lastChild.className}))")


def typed_rows(page, side: str, typed: str, row: str) -> list[dict[str, str]]:
    """Type ``typed`` into word box A or B, wait for the drop-down row of word ``row``, and return the rows
    (:func:`picker_rows`)."""
    page.click(f"#word-{side}")
    page.fill(f"#word-{side}", typed)
    page.wait_for_selector(f"#word-{side}-list li[data-word='{row}']")
    return picker_rows(page, side)


def pick_row(page, side: str, typed: str, rows_down: int = 1) -> None:
    """Type into word box A or B, move the highlight down ``rows_down`` rows of the drop-down, press Enter."""
    box = f"#word-{side}"
    page.click(box)
    page.fill(box, typed)
    for _ in range(rows_down):
        page.press(box, "ArrowDown")
    page.press(box, "Enter")


def match_refused_unasked(page, said: str, posted: list[str]) -> None:
    """Press Match on files the card already refused: it says ``Cannot match: {said}.`` and sends nothing (``posted``:
    the /api/match requests seen), its exports staying off."""
    page.click("#match-run")
    page.wait_for_selector("#match-result:text('Cannot match')")
    assert page.text_content("#match-result") == f"Cannot match: {said}."
    page.wait_for_timeout(300)  # a request would have gone by now
    assert posted == []
    assert page.get_attribute("#match-apo", "aria-disabled") == "true"


# The page's own analysis of the file chosen in the Match card's input, run in its worker (match-worker.js), for
# a test to compare with the library's spectrum of the same file
ANALYSE_IN_WORKER = """async () => {
  const file = document.querySelector('#match-input').files[0];
  const worker = new Worker('/static/match-worker.js', {type: 'module'});
  const answer = await new Promise((resolve) => {
    worker.onmessage = ({data}) => { if (data.type !== 'progress') resolve(data); };
    worker.onerror = (event) => resolve({type: 'error', message: event.message || 'the worker did not start'});
    worker.postMessage({type: 'file', file});
  });
  worker.terminate();
  return answer;
}"""
