"""The page's link (URL hash), its word refusals and its match card, against what the API and the CLI say.

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import httpx
import numpy as np
import pytest
import soundfile as sf
from browser_fixtures import open_page, pick, shown

from eqmorph.semantic.match_inputs import MIN_SECONDS


def _link(page) -> dict[str, str]:
    """The page's URL hash as one value per key (a key with an empty value kept as "")."""
    hash_ = page.evaluate("() => location.hash")
    return {k: v[0] for k, v in parse_qs(hash_.removeprefix("#"), keep_blank_values=True).items()}


def _default_intensity(live_server) -> float:
    return httpx.get(live_server.url + "/api/limits").json()["intensity"]["default"]


def test_double_clicking_intensity_puts_the_value_shown_in_the_link_and_a_reload_keeps_it(page, live_server):
    default = _default_intensity(live_server)
    a, b = page.get_attribute("#word-a", "data-word"), page.get_attribute("#word-b", "data-word")
    box = page.eval_on_selector("#intensity", "el => { const r = el.getBoundingClientRect(); "
                                              "return {width: r.width, height: r.height}; }")
    page.click("#intensity", position={"x": box["width"] * 0.25, "y": box["height"] / 2})
    clicked = page.input_value("#intensity")
    page.wait_for_selector(f"#curve[data-intensity='{float(clicked):g}']", state="attached")
    assert float(clicked) != default and _link(page)["i"] == clicked
    page.dblclick("#intensity")  # its clicks land mid-slider first, as a user's do
    page.wait_for_selector(f"#curve[data-intensity='{default:g}']", state="attached")
    assert float(page.input_value("#intensity")) == default
    assert float(_link(page)["i"]) == default
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    shown(page, a, b, "0.5")
    page.wait_for_selector(f"#curve[data-intensity='{default:g}']", state="attached")
    assert page.text_content("#intensity-value") == f"{default:.2f}"


def test_a_link_with_empty_values_opens_at_the_defaults_not_flat(browser, live_server):
    default = _default_intensity(live_server)
    with open_page(browser, live_server.url, fragment="#a=&b=&alpha=&i=") as page:
        a, b = page.get_attribute("#word-a", "data-word"), page.get_attribute("#word-b", "data-word")
        assert a and b
        shown(page, a, b, "0.5")
        page.wait_for_selector(f"#curve[data-intensity='{default:g}']", state="attached")
        assert page.text_content("#intensity-value") == f"{default:.2f}"
        assert _link(page) == {"a": a, "b": b, "alpha": "0.5", "i": f"{default:g}"}
        assert "the EQ is flat" not in page.text_content("#sounds-like")


def test_editing_the_link_on_an_open_page_shows_its_setting(page, live_server):
    a, b = page.get_attribute("#word-a", "data-word"), page.get_attribute("#word-b", "data-word")
    shown(page, a, b, "0.5")
    assert (a, b) != ("muddy", "thin")
    page.evaluate("() => { location.hash = '#a=muddy&b=thin&alpha=0.1&i=0.5'; }")
    shown(page, "muddy", "thin", "0.1")
    page.wait_for_selector("#curve[data-intensity='0.5']", state="attached")
    assert page.input_value("#word-a") == "muddy" and page.input_value("#word-b") == "thin"
    assert page.input_value("#alpha") == "0.1" and page.input_value("#intensity") == "0.5"
    assert page.text_content("#intensity-value") == "0.50"
    api = httpx.get(live_server.url + "/api/morph",
                    params={"a": "muddy", "b": "thin", "alpha": "0.1", "intensity": "0.5"}).json()
    np.testing.assert_allclose(json.loads(page.get_attribute("#curve", "data-points")), api["response"]["db"],
                               atol=1e-3)


@pytest.mark.parametrize("typed", ["not", "more warm, less warm"])
def test_a_refused_phrase_is_explained_next_to_its_box_without_the_api_parameter(page, live_server, typed):
    page.expect_status.add(422)  # the browser logs the API's refusal; the page's own text is what is checked
    a, b = page.get_attribute("#word-a", "data-word"), page.get_attribute("#word-b", "data-word")
    pick(page, "b", typed)
    page.wait_for_selector("#word-b-error:not([hidden])")
    said = page.text_content("#word-b-error")
    refusal = httpx.get(live_server.url + "/api/parse", params={"text": typed}).json()
    assert said == f"“{typed}” is not allowed: expected {refusal['allowed']}"
    assert "b=" not in said and "text=" not in said
    shown(page, a, b, "0.5")  # nothing else changed


def _wav(path, seconds: float, rate: int = 48_000) -> str:
    rng = np.random.default_rng(0)
    sf.write(path, 0.1 * rng.standard_normal(round(seconds * rate)), rate)
    return str(path)


@pytest.mark.parametrize("seconds", [0.1, 0.3], ids=["shorter-than-one-frame", "a-few-frames"])
def test_a_reference_too_short_to_match_is_refused_at_the_clis_length_without_asking_the_server(
        page, tmp_path, seconds):
    sent = []
    page.on("request", lambda r: sent.append(r.url) if r.url.endswith("/api/match") else None)
    page.click("details.match summary")
    page.set_input_files("#match-input", _wav(tmp_path / "long.wav", 2.0))
    page.set_input_files("#match-reference", _wav(tmp_path / "short.wav", seconds))
    page.click("#match-run")
    page.wait_for_selector("#match-result:text('Cannot match')")
    said = page.text_content("#match-result")
    # In the card's words (trial 5), the length in seconds as it is, never rounded up to the minimum.
    assert said == (f"Cannot match: the reference (short.wav) is {seconds:g} s long, too short to match (a match "
                    f"needs at least {MIN_SECONDS:g} s)."), said
    assert sent == []  # the page said why; the server's refusal would say it again in other words
    assert page.get_attribute("#match-apo", "aria-disabled") == "true"
