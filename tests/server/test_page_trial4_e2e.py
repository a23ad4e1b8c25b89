"""The page as a new user met it in trial 4: the intensity a phrase caps (item 5), a server that stops answering (7),
the server's notes about a word (14), the Listen card's messages (22), text typed and left (23) and the match's
transform (29).

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import numpy as np
import pytest
from browser_fixtures import open_page, shown, with_notes

CAPPED = "very very bright"  # degree 1.25 x 1.25: at intensity 4 it would ask 6.25 times bright; 4 / 1.5625 is applied
CAP = 4 / 1.5625
REFUSED = "net::ERR_CONNECTION_REFUSED"


def _link(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(page.evaluate("() => location.hash.slice(1)")).items()}


def _slide(page, selector: str, value: str) -> None:
    """Move a range input as a drag does: its value, then input and change."""
    page.eval_on_selector(selector, """(el, v) => { el.value = v; el.dispatchEvent(new Event('input'));
        el.dispatchEvent(new Event('change')); }""", value)


def _intensity_shown(page, value: str) -> str:
    """Slide the intensity to ``value``, wait for the curve of that intensity and return the number shown."""
    _slide(page, "#intensity", value)
    page.wait_for_selector(f"#curve[data-intensity='{value}']", state="attached")
    return page.text_content("#intensity-value")


def _box(page, selector: str) -> dict[str, float]:
    return page.eval_on_selector(selector, "el => { const r = el.getBoundingClientRect(); "
                                           "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }")


# --- item 5: the intensity by the slider is the one the EQ got ------------------------------------------------

def test_the_intensity_shown_is_the_one_a_phrase_caps_it_at_with_a_note_saying_why(browser, live_server):
    fragment = f"#a=warm&b={CAPPED.replace(' ', '%20')}&alpha=0.5&i=4"
    with open_page(browser, live_server.url, fragment=fragment) as page:
        page.wait_for_selector(f"#curve[data-b='{CAPPED}'][data-intensity='{CAP}']", state="attached")
        assert page.text_content("#intensity-value") == f"{CAP:.2f}"  # 2.56, not 4.00
        note = page.text_content("#intensity-note")
        assert page.is_visible("#intensity-note")
        assert note.startswith(f"Applied {CAP:.2f}, not 4.00: “{CAPPED}” already scales its words"), note
        assert _link(page)["i"] == "4"  # the link keeps what was asked: other words may take it whole
        # Dragged to the other end: the applied value (known for this pair) shows at once, with its sign.
        _slide(page, "#intensity", "-4")
        assert page.text_content("#intensity-value") == f"{-CAP:.2f}"
        page.wait_for_selector(f"#curve[data-intensity='{-CAP}']", state="attached")
        # Below the cap the value asked is the value applied, and nothing needs saying.
        assert _intensity_shown(page, "2") == "2.00"
        assert page.is_hidden("#intensity-note")


def test_words_the_intensity_is_not_capped_for_show_it_as_asked(page):
    shown(page, "warm", "bright", "0.5")
    assert _intensity_shown(page, "4") == "4.00"
    assert page.is_hidden("#intensity-note")


# --- item 7: a server that stops answering ---------------------------------------------------------------------

def test_a_server_that_stops_answering_is_said_by_the_controls_and_the_curve_is_marked_as_the_last_answer(page):
    shown(page, "warm", "bright", "0.5")
    page.route("**/api/**", lambda route: route.abort("connectionrefused"))  # as a stopped `eqmorph serve`
    _slide(page, "#alpha", "0.8")
    page.wait_for_selector("#server-down:not([hidden])")
    assert "not reachable" in page.text_content("#server-down")
    words = _box(page, ".card.words")
    banner = _box(page, "#server-down")
    assert words["top"] <= banner["top"] and banner["bottom"] <= words["bottom"]  # in the controls' card
    # The curve on show is the morph at 0.5, not the slider's 0.8: it is marked so, and says which it is.
    assert page.get_attribute("#curve", "data-alpha") == "0.5"
    assert page.get_attribute("#curve", "data-stale") == "1"
    assert "morph 0.500" in page.text_content("#stale-note")
    assert page.is_visible("#stale-note")
    assert "Failed to fetch" not in page.text_content("body")
    # Back: the page asks again by itself, shows the slider's setting and drops both marks.
    page.unroute("**/api/**")
    shown(page, "warm", "bright", "0.8")
    page.wait_for_selector("#curve:not([data-stale])", state="attached")
    assert page.is_hidden("#server-down") and page.is_hidden("#stale-note")
    page.errors[:] = [e for e in page.errors if REFUSED not in e]


def test_a_word_typed_while_the_server_is_down_is_kept_and_asked_for_once_it_answers(page):
    shown(page, "warm", "bright", "0.5")
    page.route("**/api/**", lambda route: route.abort("connectionrefused"))
    page.fill("#word-b", "muddy")
    page.press("#word-b", "Enter")
    page.wait_for_selector("#word-b-error:not([hidden])")
    assert "“muddy” is not checked yet: the eqmorph server is not reachable" in page.text_content("#word-b-error")
    assert page.input_value("#word-b") == "muddy"  # trial 5: kept, not replaced by the word on show
    assert page.get_attribute("#curve", "data-b") == "bright"
    assert page.is_visible("#server-down")
    page.unroute("**/api/**")
    shown(page, "warm", "muddy", "0.5")
    assert page.is_hidden("#word-b-error") and page.get_attribute("#word-b", "aria-invalid") is None
    page.errors[:] = [e for e in page.errors if REFUSED not in e]


# --- item 14: the server's notes about a word -------------------------------------------------------------------

def test_a_note_naming_a_word_shows_under_that_words_box(page):
    shown(page, "warm", "bright", "0.5")
    about_b = "safe never used 'bright'; using its EQ over both crowds"
    other = "the morph path bends around a flat EQ"
    page.route("**/api/morph?*", with_notes([about_b, other]))
    _slide(page, "#alpha", "0.6")
    page.wait_for_selector("#word-b-eq-note:not([hidden])")
    assert page.text_content("#word-b-eq-note") == about_b
    assert page.is_hidden("#word-a-eq-note")
    assert page.text_content("#morph-notes") == other
    # The next answer has none: the notes were about that answer and go with it.
    page.unroute("**/api/morph?*")
    _slide(page, "#alpha", "0.7")
    shown(page, "warm", "bright", "0.7")
    assert page.is_hidden("#word-b-eq-note") and page.is_hidden("#morph-notes")


def test_an_answer_without_notes_shows_none(page):
    shown(page, "warm", "bright", "0.5")
    for box in ("#word-a-eq-note", "#word-b-eq-note", "#morph-notes"):
        assert page.is_hidden(box)
        assert page.text_content(box) == ""


# --- item 22: the Listen card's messages --------------------------------------------------------------------------

def test_a_file_that_cannot_be_decoded_is_an_error_of_its_own_and_the_source_goes_back(page, tmp_path):
    shown(page, "warm", "bright", "0.5")
    bad = tmp_path / "warm.txt"
    bad.write_text("not audio\n")
    _slide(page, "#intensity", "3")  # boosts: the preview's level note has something to say
    page.wait_for_selector("#curve[data-intensity='3']", state="attached")
    with page.expect_file_chooser() as chooser:
        page.select_option("#source", "file")
    chooser.value.set_files(str(bad))
    page.wait_for_selector("#audio-source-info.error")
    said = page.text_content("#audio-source-info")
    assert said.startswith("Cannot decode warm.txt: ") and "lowered" not in said, said
    assert said.endswith("The source is back to Drum and chord loop (synthesised).")
    assert page.input_value("#source") == "drums"
    assert page.text_content("#audio-level-info").startswith("EQ path lowered by")  # its own line
    assert page.get_attribute("#audio-source-info", "role") == "alert"


# --- item 23: text typed and left is taken, as Enter takes it ---------------------------------------------------

def test_text_typed_in_a_box_is_taken_when_the_user_clicks_elsewhere(page):
    shown(page, "warm", "bright", "0.5")
    page.click("#word-a")
    page.fill("#word-a", "muddy")
    page.click("#alpha")  # the slider, right after typing: the click also moves it
    page.wait_for_selector("#curve[data-a='muddy']", state="attached")
    assert page.input_value("#word-a") == "muddy"
    assert _link(page)["a"] == "muddy"


def test_tab_out_of_a_box_takes_the_text_and_escape_still_goes_back(page):
    shown(page, "warm", "bright", "0.5")
    page.click("#word-b")
    page.fill("#word-b", "thin")
    page.keyboard.press("Escape")
    assert page.input_value("#word-b") == "bright"
    page.click("#word-b")
    page.fill("#word-b", "thin")
    page.keyboard.press("Tab")
    shown(page, "warm", "thin", "0.5")
    page.click("#word-b")  # focus and leave without typing: nothing is asked again
    page.keyboard.press("Tab")
    assert page.input_value("#word-b") == "thin"
    assert page.get_attribute("#curve", "data-b") == "thin"


def test_typed_text_then_swap_swaps_the_typed_word(page):
    shown(page, "warm", "bright", "0.5")
    page.click("#word-a")
    page.fill("#word-a", "muddy")
    page.click("#swap")
    shown(page, "bright", "muddy", "0.5")


# --- item 29: the match's transform, now two stages a pass --------------------------------------------------------

FFT = """async ([re, im]) => {
  const { makeFft } = await import('/static/spectrum.js');
  const x = Float64Array.from(re);
  const y = Float64Array.from(im);
  makeFft(x.length)(x, y);
  return [Array.from(x), Array.from(y)];
}"""


@pytest.mark.parametrize("n", [2, 4, 8, 8192, 16384, 32768, 65536])  # the page's frames: 256 to 2 s (65,536 at 44.1k)
def test_the_fft_is_the_discrete_fourier_transform(page, n):
    rng = np.random.default_rng(n)
    x = rng.standard_normal(n) + 1j * rng.standard_normal(n)
    re, im = page.evaluate(FFT, [x.real.tolist(), x.imag.tolist()])
    np.testing.assert_allclose(np.array(re) + 1j * np.array(im), np.fft.fft(x), atol=1e-9 * np.sqrt(n), rtol=0)
