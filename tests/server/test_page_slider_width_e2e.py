"""The Morph slider keeps its width whatever its end labels say: long phrases wrap under the track's ends instead of
taking the track's room (trial 6: 90 px on a 390x844 phone and 140 px at 1280x800 beside two phrases, while the
Intensity slider kept 255-292 px).

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

from urllib.parse import quote_plus

import pytest
from browser_fixtures import PHONE, open_page

LAPTOP = {"width": 1280, "height": 800}
NARROW_TWO_COLUMNS = {"width": 901, "height": 800}  # the narrowest width with the words card in a column of its own
PAIRS = [("warm", "bright"), ("less muddy", "a bit brighter but not harsh"),
         ("un poco más cálido", "más brillante y menos turbio")]

BOXES = """() => Object.fromEntries(['#alpha', '#intensity', '#alpha-a-label', '#alpha-b-label'].map((el) => {
    const node = document.querySelector(el), r = node.getBoundingClientRect();
    return [el, {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
                 clipped: node.scrollWidth > node.clientWidth}]; }))"""


def _boxes(browser, url, viewport, a, b):
    fragment = f"#a={quote_plus(a)}&b={quote_plus(b)}&alpha=0.5&i=1"
    with open_page(browser, url, viewport=viewport, fragment=fragment) as page:
        page.wait_for_selector(f"#alpha-a-label:text-is('{a}')")
        page.wait_for_selector(f"#alpha-b-label:text-is('{b}')")
        boxes = page.evaluate(BOXES)
        width = page.evaluate("() => document.documentElement.clientWidth")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    return boxes


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP, NARROW_TWO_COLUMNS], ids=["390x844", "1280x800", "901x800"])
def test_the_morph_slider_is_as_wide_as_intensity_with_short_words_or_long_phrases(browser, bundled_server, viewport):
    widths = []
    for a, b in PAIRS:
        boxes = _boxes(browser, bundled_server.url, viewport, a, b)
        morph, intensity = boxes["#alpha"], boxes["#intensity"]
        assert abs(morph["width"] - intensity["width"]) < 1.0, (a, b, morph, intensity)
        assert abs(morph["left"] - intensity["left"]) < 1.0
        # The phrases are shown whole (no ellipsis), under the track's two ends and clear of each other
        end_a, end_b = boxes["#alpha-a-label"], boxes["#alpha-b-label"]
        assert not end_a["clipped"] and not end_b["clipped"]
        assert morph["left"] - 1 <= end_a["left"] and end_b["right"] <= morph["right"] + 1
        assert end_a["right"] < end_b["left"] and end_a["top"] >= morph["bottom"] - 1
        widths.append(morph["width"])
    assert max(widths) - min(widths) < 1.0, widths
    assert min(widths) >= (250 if viewport is PHONE else 170), widths
