"""The page's word boxes, refusals and match card as a new user met them (trial 2, items 3, 7, 9 and 14).

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import httpx
import numpy as np
import pytest
from browser_fixtures import PHONE, open_page, pick, pick_row, shown
from tests.match_signals import PAGE_KNOWN, PAGE_SR, float_wav, page_recordings

from eqmorph.core import dsp

LAPTOP = {"width": 1280, "height": 800}
SR, KNOWN = PAGE_SR, PAGE_KNOWN


def _link(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(page.evaluate("() => location.hash").removeprefix("#")).items()}


def _rows(page, side: str) -> list[str]:
    return page.eval_on_selector_all(f"#word-{side}-list li[data-word]", "ls => ls.map(l => l.dataset.word)")


# --- item 3: Enter takes what was typed; a row only when highlighted ---------------------------------------

def test_an_exact_word_wins_over_a_longer_autocomplete_row(browser, bundled_server):
    with open_page(browser, bundled_server.url) as page:
        a = page.get_attribute("#word-a", "data-word")
        page.click("#word-b")
        page.fill("#word-b", "air")
        assert _rows(page, "b")[:2] == ["air", "airy"]  # airy has more examples, but air is what was typed
        assert page.get_attribute("#word-b-opt-0", "aria-selected") == "true"
        page.press("#word-b", "Enter")
        shown(page, a, "air", "0.5")
        assert page.input_value("#word-b") == "air"


def test_enter_asks_for_the_typed_word_not_a_row_that_merely_contains_it(browser, bundled_server):
    with open_page(browser, bundled_server.url) as page:
        page.expect_404 = True  # "ollow" is not in the bundled vocabulary (no open vocabulary here; "low" is bass)
        a, b = page.get_attribute("#word-a", "data-word"), page.get_attribute("#word-b", "data-word")
        page.click("#word-b")
        page.fill("#word-b", "ollow")
        assert "hollow" in _rows(page, "b")
        assert page.eval_on_selector_all("#word-b-list [aria-selected='true']", "ls => ls.length") == 0
        page.press("#word-b", "Enter")
        page.wait_for_selector("#word-b-error:not([hidden])")
        assert page.text_content("#word-b-error").startswith("Unknown word “ollow”. Did you mean:")
        shown(page, a, b, "0.5")
        assert page.input_value("#word-b") == "ollow"  # kept to be fixed (trial 5)


def test_a_row_moved_to_with_the_arrow_keys_is_what_enter_takes(browser, bundled_server):
    with open_page(browser, bundled_server.url) as page:
        a = page.get_attribute("#word-a", "data-word")
        page.click("#word-b")
        page.fill("#word-b", "low")
        second = _rows(page, "b")[1]
        pick_row(page, "b", "low", rows_down=2)
        shown(page, a, second, "0.5")


# --- item 7: the user's text stays in the box, with how it was read ----------------------------------------

@pytest.mark.parametrize("typed", ["50% brighter", "2x warmer", "brighter", "warm drums"])
def test_a_degree_number_inflection_or_ignored_word_stays_as_typed_with_its_note(page, live_server, typed):
    a = page.get_attribute("#word-a", "data-word")
    answer = httpx.get(live_server.url + "/api/morph", params={"a": a, "b": typed, "alpha": "0.5"}).json()
    pick(page, "b", typed)
    shown(page, a, answer["words"][1], "0.5")
    page.wait_for_selector("#word-b-note:not([hidden])")
    meant = httpx.get(live_server.url + "/api/parse", params={"text": typed}).json()
    assert page.text_content("#word-b-note") == meant["summary"]
    assert page.input_value("#word-b") == typed
    assert page.text_content("#legend-b") == f"B: {typed}"
    assert page.text_content("#alpha-b-label") == typed
    assert _link(page)["b"] == typed
    np.testing.assert_allclose(json.loads(page.get_attribute("#curve", "data-points")), answer["response"]["db"],
                               atol=1e-3)
    page.reload()  # the link keeps the text, not the word it was read as
    page.wait_for_selector("body[data-ready='1']")
    shown(page, a, answer["words"][1], "0.5")
    assert page.input_value("#word-b") == typed
    page.wait_for_selector("#word-b-note:not([hidden])")


def test_a_vocabulary_word_typed_in_capitals_is_shown_as_the_word_without_a_note(page):
    pick(page, "b", "Warm")  # the word itself: nothing to explain
    shown(page, page.get_attribute("#word-a", "data-word"), "warm", "0.5")
    assert page.input_value("#word-b") == "warm"
    assert page.is_hidden("#word-b-note")


# --- item 14: refusals keep the server's reason and go with the next change ---------------------------------

def test_a_stop_listed_word_keeps_the_servers_explanation(page, live_server):
    page.expect_404 = True
    said = httpx.get(live_server.url + "/api/parse", params={"text": "hello"}).json()
    assert said["error"] == "unknown_word" and "names no sound" in said["detail"]
    pick(page, "b", "hello")
    page.wait_for_selector("#word-b-error:not([hidden])")
    assert page.text_content("#word-b-error").strip() == said["detail"].rstrip(".") + "."
    assert "Unknown word" not in page.text_content("#word-b-error")


def _change_a(page) -> None:
    pick(page, "a", "muddy")
    shown(page, "muddy", page.get_attribute("#word-b", "data-word"), "0.5")


def _move_alpha(page) -> None:
    page.fill("#alpha", "0.2")
    page.dispatch_event("#alpha", "input")
    page.wait_for_selector("#curve[data-alpha='0.2']", state="attached")


def _swap(page) -> None:
    a, b = page.get_attribute("#word-a", "data-word"), page.get_attribute("#word-b", "data-word")
    page.click("#swap")
    shown(page, b, a, "0.5")


@pytest.mark.parametrize("change", [_change_a, _move_alpha, _swap], ids=["word-a", "morph-slider", "swap"])
def test_a_refusal_goes_with_the_next_successful_change_anywhere(page, change):
    page.expect_status.add(422)
    pick(page, "b", "more warm, less warm")
    page.wait_for_selector("#word-b-error:not([hidden])")
    change(page)
    assert page.is_hidden("#word-b-error") and page.is_hidden("#word-a-error")


def test_a_new_refusal_in_one_box_replaces_the_old_one_in_the_other(page):
    page.expect_status.add(422)
    page.expect_404 = True
    pick(page, "b", "more warm, less warm")
    page.wait_for_selector("#word-b-error:not([hidden])")
    pick(page, "a", "hello")
    page.wait_for_selector("#word-a-error:not([hidden])")
    assert page.is_hidden("#word-b-error")


# --- item 9: the match card shows only a current match, and follows its Amount ------------------------------

@pytest.fixture(scope="module")
def recordings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("match")
    files, dry = page_recordings(folder)
    return {**files,
            "silent": float_wav(folder / "silent.wav", np.zeros(SR * 2)),
            "long": float_wav(folder / ("a-recording-with-a-very-long-file-name-" * 3 + ".wav"), dry)}


def _match(page, files: dict[str, str], reference: str = "wet") -> None:
    page.click("details.match summary")
    page.set_input_files("#match-input", files["dry"])
    page.set_input_files("#match-reference", files[reference])
    page.click("#match-run")
    page.wait_for_selector("#match-result[data-text]", state="attached")


def _no_match_shown(page) -> None:
    assert page.get_attribute("#curve", "data-match") is None
    assert page.is_hidden("#legend-match-row")
    for fmt in ("json", "apo", "csv"):
        assert page.get_attribute(f"#match-{fmt}", "aria-disabled") == "true"
        assert page.get_attribute(f"#match-{fmt}", "href") is None


def test_a_failed_match_clears_the_previous_result(page, recordings):
    page.expect_status.add(422)  # the API's refusal of the silent input
    _match(page, recordings)
    assert page.get_attribute("#match-apo", "href").startswith("blob:")
    page.set_input_files("#match-input", recordings["silent"])
    page.click("#match-run")
    page.wait_for_selector("#match-result:text('Cannot match')")
    assert "silent" in page.text_content("#match-result")
    _no_match_shown(page)


def test_choosing_another_file_clears_the_match_of_the_old_ones(page, recordings):
    _match(page, recordings)
    page.set_input_files("#match-reference", recordings["dry"])
    _no_match_shown(page)
    assert page.text_content("#match-result") == ""


def test_a_match_stays_across_a_word_change_and_names_its_files(page, recordings):
    _match(page, recordings)
    pick(page, "b", "muddy")
    shown(page, page.get_attribute("#word-a", "data-word"), "muddy", "0.5")
    assert page.is_visible("#legend-match-row")
    assert page.text_content("#legend-match") == "match: dry.wav → wet.wav"


def test_moving_amount_shows_its_value_and_reruns_the_match(page, recordings):
    _match(page, recordings)
    assert page.text_content("#match-amount-value") == "1.00"
    full = np.asarray(json.loads(page.get_attribute("#curve", "data-match")))
    page.fill("#match-amount", "0.5")
    page.dispatch_event("#match-amount", "input")
    assert page.text_content("#match-amount-value") == "0.50"
    page.wait_for_selector("#match-result[data-amount='0.5']", state="attached")  # no Match press
    half = np.asarray(json.loads(page.get_attribute("#curve", "data-match")))
    freqs = dsp.log_freq_grid(len(half))
    band = (freqs > 60) & (freqs < 15000)
    error = (half - 0.5 * dsp.response_db_np(KNOWN, freqs, SR))[band]
    assert np.sqrt(np.mean((error - error.mean()) ** 2)) < 1.0  # half-way in dB, as the library's amount says
    assert np.max(np.abs(full - half)) > 1.0


# --- nothing changed here overflows, at laptop and phone size ----------------------------------------------

@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
def test_notes_refusals_and_the_match_card_fit_the_page(browser, live_server, recordings, viewport):
    with open_page(browser, live_server.url, viewport=viewport) as page:
        page.expect_404 = True
        pick(page, "a", "warm drums")
        page.wait_for_selector("#word-a-note:not([hidden])")
        pick(page, "b", "hello")
        page.wait_for_selector("#word-b-error:not([hidden])")
        page.click("details.match summary")
        page.set_input_files("#match-input", recordings["long"])
        page.set_input_files("#match-reference", recordings["wet"])
        page.click("#match-run")
        page.wait_for_selector("#match-result[data-text]", state="attached")
        width = page.evaluate("() => document.documentElement.clientWidth")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        inside = page.evaluate("""() => [['#word-a-note', '.picker-a'], ['#word-b-error', '.picker-b'],
            ['#legend-match-row', '.plot'], ['#match-amount-value', '.listen'], ['#match-amount', '.listen']]
            .filter(([el, box]) => { const r = document.querySelector(el).getBoundingClientRect();
              const b = document.querySelector(box).getBoundingClientRect();
              return r.left < b.left || r.right > b.right; }).map(([el]) => el)""")
        assert inside == []
