"""The page says how to have unknown words read by meaning, in the server's words: a new user who typed "velvety"
read only "Unknown word “velvety”. No similar words known."

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import json

import httpx
from browser_fixtures import pick, shown


def test_an_unknown_word_shows_the_servers_hint_under_its_box(page, live_server):
    shown(page, "warm", "bright", "0.5")
    page.expect_404 = True
    hint = httpx.get(f"{live_server.url}/api/generate", params={"word": "velvety"}).json()["hint"]
    assert hint and "eqmorph serve --open-vocab" in hint
    pick(page, "b", "velvety")
    page.wait_for_selector("#word-b-error:not([hidden])")
    assert page.text_content("#word-b-error") == f"Unknown word “velvety”. No similar words known. {hint}"


def test_the_hint_is_the_one_the_server_sends(page):
    # the page says what the server says (its option, its install command), not a sentence of its own
    shown(page, "warm", "bright", "0.5")
    page.expect_404 = True

    def with_hint(route):
        response = route.fetch()
        body = response.json()
        body["hint"] = "Ask the admin to restart with the open vocabulary."
        route.fulfill(response=response, body=json.dumps(body))

    page.route("**/api/generate?*", with_hint)
    page.route("**/api/morph?*", with_hint)
    pick(page, "b", "velvety")
    page.wait_for_selector("#word-b-error:not([hidden])")
    said = page.text_content("#word-b-error")
    assert said.endswith("No similar words known. Ask the admin to restart with the open vocabulary."), said
    assert "--open-vocab" not in said
