"""The language of the page's "sounds like" line, as a Spanish-speaking mixing engineer's trial asked for it: a
user's Spanish answered in Spanish, the box last typed in first (with the default "bright" in B, a Spanish phrase
typed in A was described in English, with no way to tell why).

Over the bundled model, which has Spanish words. Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
from browser_fixtures import open_page, pick

SPANISH_PHRASE = "un poco más de aire"  # the trial's first phrase: read as Spanish (aire, air's translation)


def _describe_languages(page) -> list[str]:
    """The language= of every /api/describe request the page makes from now on (a list that fills as they go)."""
    asked: list[str] = []

    def seen(request) -> None:
        if urlsplit(request.url).path == "/api/describe":
            asked.append(parse_qs(urlsplit(request.url).query)["language"][0])
    page.on("request", seen)
    return asked


def _described(page, a: str, b: str, language: str) -> None:
    page.wait_for_selector(f"#sounds-like[data-a='{a}'][data-b='{b}'][data-alpha='0.5'][data-language='{language}']",
                           state="attached")


def _api_text(server, a: str, b: str, language: str) -> str:
    return httpx.get(server.url + "/api/describe",
                     params={"a": a, "b": b, "alpha": "0.5", "language": language}).json()["text"]


# --- Auto: the box last typed in first ---------------------------------------------------------------------------

def test_auto_answers_a_spanish_phrase_typed_in_a_in_spanish_though_b_holds_the_default_bright(browser,
                                                                                                bundled_server):
    with open_page(browser, bundled_server.url) as page:
        _described(page, "warm", "bright", "en")
        asked = _describe_languages(page)
        pick(page, "a", SPANISH_PHRASE)
        _described(page, SPANISH_PHRASE, "bright", "es")
        assert set(asked) == {"es"}  # asked once its reading came, never first in English
        assert page.get_attribute("#sounds-like", "data-text") == _api_text(bundled_server, SPANISH_PHRASE, "bright",
                                                                            "es")


def test_auto_turns_english_again_once_the_user_last_typed_english(browser, bundled_server):
    with open_page(browser, bundled_server.url) as page:
        pick(page, "a", SPANISH_PHRASE)
        _described(page, SPANISH_PHRASE, "bright", "es")
        pick(page, "b", "a bit warmer")
        _described(page, SPANISH_PHRASE, "a bit warmer", "en")


def test_swap_keeps_auto_following_the_box_the_user_typed_in(browser, bundled_server):
    with open_page(browser, bundled_server.url) as page:
        pick(page, "a", SPANISH_PHRASE)
        _described(page, SPANISH_PHRASE, "bright", "es")
        page.click("#swap")
        _described(page, "bright", SPANISH_PHRASE, "es")
