"""The language of the page's "sounds like" line, as a Spanish-speaking mixing engineer's trial asked for it: a
"Describe in" menu (Auto, English, Español) that forces the language every description is asked in, kept in the link
like the crowd; and Auto answering a user's Spanish in Spanish, the box last typed in first (with the default "bright"
in B, a Spanish phrase typed in A was described in English, with no way to tell why or to choose).

Over the bundled model, which has Spanish words. Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from browser_fixtures import open_page, pick

SPANISH_PHRASE = "un poco más de aire"  # the trial's first phrase: read as Spanish (aire, air's translation)


def _link(a: str, b: str, **more: str) -> str:
    return "#" + urlencode({"a": a, "b": b, "alpha": "0.5", "i": "1", **more})


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


def _hash(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(page.evaluate("() => location.hash").removeprefix("#")).items()}


def _link_notes(page) -> list[str]:
    return page.eval_on_selector_all("#link-note span", "(spans) => spans.map((s) => s.textContent)")


# --- the menu forces a language ------------------------------------------------------------------------------------

@pytest.mark.parametrize("a,b,chosen", [("claro", "oscuro", "en"), ("warm", "bright", "es")],
                         ids=["spanish-words-in-english", "english-words-in-spanish"])
def test_the_describe_in_menu_asks_and_shows_every_description_in_the_language_chosen(browser, bundled_server, a, b,
                                                                                      chosen):
    with open_page(browser, bundled_server.url, fragment=_link(a, b)) as page:
        auto = "es" if chosen == "en" else "en"  # each pair's Auto language is the other one
        _described(page, a, b, auto)
        asked = _describe_languages(page)
        page.select_option("#describe-in", chosen)
        _described(page, a, b, chosen)
        assert asked and set(asked) == {chosen}
        text = _api_text(bundled_server, a, b, chosen)
        assert text != _api_text(bundled_server, a, b, auto)
        assert page.text_content("#sounds-like") == f"sounds like: {text}"
        # The slider's next description is asked in it too, not only the one the menu's change asked for.
        page.fill("#alpha", "0.3")
        page.dispatch_event("#alpha", "input")
        page.wait_for_selector(f"#sounds-like[data-alpha='0.3'][data-language='{chosen}']", state="attached")
        assert set(asked) == {chosen}


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
        assert page.text_content("#describe-in option[value='']") == "Auto (Español)"  # what Auto chose, said


def test_auto_turns_english_again_once_the_user_last_typed_english(browser, bundled_server):
    with open_page(browser, bundled_server.url) as page:
        pick(page, "a", SPANISH_PHRASE)
        _described(page, SPANISH_PHRASE, "bright", "es")
        pick(page, "b", "a bit warmer")
        _described(page, SPANISH_PHRASE, "a bit warmer", "en")
        assert page.text_content("#describe-in option[value='']") == "Auto (English)"


def test_swap_keeps_auto_following_the_box_the_user_typed_in(browser, bundled_server):
    with open_page(browser, bundled_server.url) as page:
        pick(page, "a", SPANISH_PHRASE)
        _described(page, SPANISH_PHRASE, "bright", "es")
        page.click("#swap")
        _described(page, "bright", SPANISH_PHRASE, "es")


# --- the choice in the link ----------------------------------------------------------------------------------------

def test_the_language_chosen_is_in_the_link_and_a_reload_keeps_it(browser, bundled_server):
    with open_page(browser, bundled_server.url, fragment=_link("warm", "bright")) as page:
        _described(page, "warm", "bright", "en")
        assert "lang" not in _hash(page)  # Auto is the default, no value, as both crowds are
        page.select_option("#describe-in", "es")
        _described(page, "warm", "bright", "es")
        assert _hash(page)["lang"] == "es"
        page.reload()
        page.wait_for_selector("body[data-ready='1']")
        asked = _describe_languages(page)
        _described(page, "warm", "bright", "es")
        assert page.input_value("#describe-in") == "es"
        assert set(asked) <= {"es"}  # none asked in English on the way back
        page.go_back()  # Back goes to the setting before the choice: Auto, English for these words
        _described(page, "warm", "bright", "en")
        assert page.input_value("#describe-in") == ""


def test_a_links_unknown_language_falls_back_to_auto_saying_so_until_the_menu_is_used(browser, bundled_server):
    with open_page(browser, bundled_server.url, fragment=_link("claro", "oscuro", lang="fr")) as page:
        _described(page, "claro", "oscuro", "es")  # Auto's: both boxes Spanish
        assert page.input_value("#describe-in") == ""
        assert _link_notes(page) == ["The link's language “fr” is not known (the page describes in en (English) or "
                                     "es (Español)); using Auto."]
        assert "lang" not in _hash(page)
        page.select_option("#describe-in", "en")
        _described(page, "claro", "oscuro", "en")
        assert _link_notes(page) == [] and page.is_hidden("#link-note")


@pytest.mark.parametrize("given,used", [("ES", "es"), ("auto", "")])
def test_a_links_language_is_read_in_any_case_and_auto_by_name(browser, bundled_server, given, used):
    with open_page(browser, bundled_server.url, fragment=_link("warm", "bright", lang=given)) as page:
        _described(page, "warm", "bright", used or "en")
        assert page.input_value("#describe-in") == used and _link_notes(page) == []
