"""The page as a new user met it in trial 10: a match heard through the filters it exports, a partly typed studio
term taken on Enter, a second audio file loaded, and a refused word (a link's, or one typed and left) said until the
box is edited, never silently replaced.

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import numpy as np
import pytest
from browser_fixtures import open_page, pick, shown
from tests.match_signals import PAGE_SR, float_wav, page_recordings

from eqmorph.core import dsp

SR = PAGE_SR
PREVIEW = """async (freqs) => {
  const audio = await import('/static/audio.js');
  return { chain: audio.previewChain(), db: freqs ? audio.previewResponseDb(freqs) : null };
}"""


def _link(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(page.evaluate("() => location.hash").removeprefix("#")).items()}


@pytest.fixture(scope="module")
def recordings(tmp_path_factory):
    return page_recordings(tmp_path_factory.mktemp("trial10"))[0]


def _bands_params(bands: list[dict]) -> np.ndarray:
    return np.array([[b["gain_db"], b["freq_hz"], b["q"]] for b in bands])


def _heard(page, which: str, freqs=None) -> dict:
    """The preview's filters once they are the EQ ``which`` ("eq" or "match")."""
    for _ in range(100):
        now = page.evaluate(PREVIEW, freqs)
        if now["chain"] and now["chain"]["heard"] == which:
            return now
        page.wait_for_timeout(50)
    raise AssertionError(f"the preview never played {which}: {now['chain']}")


def _assert_filters_are(heard: dict, bands: list[dict]) -> None:
    """The preview's five IIR filters have the RBJ coefficients of ``bands`` (eqmorph.core.dsp's, exactly)."""
    want = dsp.sos_np(_bands_params(bands), heard["chain"]["sampleRate"])
    got = np.array([c["feedforward"] + c["feedback"] for c in heard["chain"]["coefficients"]])
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)


def _match(page, recordings, folder) -> dict:
    """Runs the match of dry.wav to wet.wav; the match as its JSON download has it."""
    page.click("details.match summary")
    page.set_input_files("#match-input", recordings["dry"])
    page.set_input_files("#match-reference", recordings["wet"])
    page.click("#match-run")
    page.wait_for_selector("#match-result[data-text]", state="attached")
    with page.expect_download() as info:
        page.click("#match-json")
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


# --- item 1: a match can be auditioned --------------------------------------------------------------------------

def test_hearing_the_match_plays_your_recording_through_the_exported_match_filters(page, recordings, tmp_path):
    shown(page, "warm", "bright", "0.5")
    assert page.is_hidden("#hear-row")  # nothing to choose before there is a match
    exported = _match(page, recordings, tmp_path)
    assert page.is_visible("#hear-row") and page.is_enabled("#match-listen")
    page.click("#match-listen")
    page.wait_for_selector("#play[aria-pressed='true']")
    page.wait_for_selector("#audio-source-info:has-text('dry.wav')")
    assert page.input_value("#source") == "file" and page.is_checked("#hear-match")
    freqs = np.geomspace(20, 20_000, 64).tolist()
    heard = _heard(page, "match", freqs)
    _assert_filters_are(heard, exported["bands"])
    match_db = dsp.response_db_np(_bands_params(exported["bands"]), np.array(freqs), heard["chain"]["sampleRate"])
    assert np.max(np.abs(np.subtract(heard["db"], match_db))) <= 0.1  # the filters as the browser runs them
    assert np.max(np.abs(match_db)) > 1.0  # a curve worth comparing

    page.check("#hear-eq")  # back to the sliders' EQ: the morph on show, not the match
    morph = page.evaluate("async () => (await import('/static/state.js')).state.current.bands")
    _assert_filters_are(_heard(page, "eq"), morph)
    page.click("#play")


def test_the_match_choice_plays_any_source_through_the_match_and_goes_with_the_match(page, recordings,
                                                                                   tmp_path):
    exported = _match(page, recordings, tmp_path)
    page.select_option("#source", "pink")
    page.click("#play")
    page.wait_for_selector("#play[aria-pressed='true']")
    _heard(page, "eq")
    page.check("#hear-match")
    _assert_filters_are(_heard(page, "match"), exported["bands"])
    page.fill("#alpha", "0.2")  # a slider moved while the match is heard does not take the preview back
    page.dispatch_event("#alpha", "input")
    page.wait_for_selector("#curve[data-alpha='0.2']", state="attached")
    _assert_filters_are(_heard(page, "match"), exported["bands"])
    page.set_input_files("#match-reference", recordings["dry"])  # other files: no match any more, none to hear
    page.wait_for_selector("#hear-row", state="hidden")
    _heard(page, "eq")
    assert page.is_checked("#hear-eq")
    page.click("#play")


# --- item 2: Enter takes the one suggestion a partly typed word has ---------------------------------------------

def test_enter_on_a_partly_typed_studio_term_takes_the_highlighted_suggestion(page):
    shown(page, "warm", "bright", "0.5")
    page.click("#word-b")
    page.fill("#word-b", "pres")
    page.wait_for_selector("#word-b-opt-0[data-word='presence'][aria-selected='true']")
    page.press("#word-b", "Enter")
    shown(page, "warm", "presence", "0.5")
    assert page.input_value("#word-b") == "presence" and _link(page)["b"] == "presence"


@pytest.mark.parametrize("typed", ["thin", "a bit brighter"])
def test_a_known_word_or_a_phrase_entered_is_used_as_typed(page, typed):
    shown(page, "warm", "bright", "0.5")
    pick(page, "a", typed)
    shown(page, typed, "bright", "0.5")
    assert page.input_value("#word-a") == typed


# --- item 3: a second file is loaded ----------------------------------------------------------------------------

def test_a_second_file_and_the_same_file_again_are_loaded(page, tmp_path):
    first = float_wav(tmp_path / "first.wav", np.zeros(SR))
    second = float_wav(tmp_path / "second.wav", np.zeros(2 * SR))
    with page.expect_file_chooser() as chooser:
        page.select_option("#source", "file")
    chooser.value.set_files(first)
    page.wait_for_selector("#audio-source-info:has-text('first.wav: 1.0 s')")
    with page.expect_file_chooser() as chooser:
        page.click("#file-choose")
    chooser.value.set_files(second)
    page.wait_for_selector("#audio-source-info:has-text('second.wav: 2.0 s')")
    assert page.input_value("#file") == ""  # emptied: the same file chosen again is a change
    float_wav(tmp_path / "second.wav", np.zeros(3 * SR))  # re-saved, longer
    with page.expect_file_chooser() as chooser:
        page.click("#file-choose")
    chooser.value.set_files(second)
    page.wait_for_selector("#audio-source-info:has-text('second.wav: 3.0 s')")
    assert page.input_value("#source") == "file"


# --- items 4 and 5: a refused word is said until the box is edited ----------------------------------------------

def _everything_names(page, a: str, b: str) -> None:
    """Boxes, slider labels, legend, plot, table's EQ and the link all name the pair a -> b."""
    shown(page, a, b, page.get_attribute("#curve", "data-alpha"))
    for side, word in (("a", a), ("b", b)):
        assert page.input_value(f"#word-{side}") == word
        assert page.get_attribute(f"#word-{side}", "aria-invalid") is None
        assert page.text_content(f"#alpha-{side}-label") == word
        assert page.text_content(f"#legend-{side}") == f"{side.upper()}: {word}"
        assert _link(page)[side] == word
    current = page.evaluate("async () => (await import('/static/state.js')).state.current.words")
    assert current == [a, b]  # the EQ in the table and the exports is this pair's


def test_a_links_refused_word_is_named_with_the_word_shown_instead(browser, live_server):
    with open_page(browser, live_server.url, fragment="#a=velvetyx&b=bright&alpha=0.5&i=1") as page:
        page.expect_404 = True
        page.wait_for_selector("#word-a-error:not([hidden])")
        said = page.text_content("#word-a-error")
        assert said.startswith("The link's word “velvetyx” is not understood, so the box shows “warm” instead."), said
        _everything_names(page, "warm", "bright")
        page.fill("#alpha", "0.3")  # moving on keeps telling the user, in a note
        page.dispatch_event("#alpha", "input")
        page.wait_for_selector("#curve[data-alpha='0.3']", state="attached")
        assert page.is_hidden("#word-a-error")
        kept = page.text_content("#word-a-kept")
        assert kept == "The link's word “velvetyx” was not understood; showing “warm” instead."


def test_a_refused_word_left_for_another_control_is_noted_until_its_box_is_edited(page):
    page.expect_404 = True
    shown(page, "warm", "bright", "0.5")
    pick(page, "b", "velvetyx")
    page.wait_for_selector("#word-b-error:not([hidden])")
    page.fill("#alpha", "0.3")
    page.dispatch_event("#alpha", "input")
    page.wait_for_selector("#curve[data-alpha='0.3']", state="attached")
    _everything_names(page, "warm", "bright")
    assert page.is_hidden("#word-b-error")
    note = "“velvetyx” was not understood; still using “bright”."
    assert page.is_visible("#word-b-kept") and page.text_content("#word-b-kept") == note
    pick(page, "a", "muddy")  # another box: the note stays
    shown(page, "muddy", "bright", "0.3")
    assert page.text_content("#word-b-kept") == note
    page.click("#swap")  # the note follows the word it names
    shown(page, "bright", "muddy", "0.3")
    assert page.text_content("#word-a-kept") == note and page.is_hidden("#word-b-kept")
    page.click("#word-a")
    page.keyboard.type("t")  # the box edited: the note has done its work
    assert page.is_hidden("#word-a-kept")
