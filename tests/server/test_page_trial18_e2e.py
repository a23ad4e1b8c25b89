"""The page as a new user met it in trial 18: a Listen file with NaN or infinite samples is refused (it had poisoned
the preview's filters for good), a new source plays through new filters, the source line follows the source, a
link's unknown crowd is said, Match sends nothing for a file the card has already refused, and a phrase keeps the
user's spelling.

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs

import httpx
import numpy as np
import pytest
from browser_fixtures import match_refused_unasked, open_page, pick, shown
from tests.match_signals import PAGE_SR, float_wav

SR = PAGE_SR

# An analyser on what the preview sends to the speakers, and the preview's input (the first gain its AudioContext
# makes: audio.js's ensureAudio), set up before the page's own scripts run.
PROBE = """(() => {
  const connect = AudioNode.prototype.connect;
  AudioNode.prototype.connect = function (target, ...rest) {
    if (target instanceof AudioDestinationNode && !window.__probe) {
      window.__probe = this.context.createAnalyser();
      connect.call(this, window.__probe);
    }
    return connect.call(this, target, ...rest);
  };
  const createGain = BaseAudioContext.prototype.createGain;
  BaseAudioContext.prototype.createGain = function () {
    const gain = createGain.call(this);
    if (this instanceof AudioContext && !window.__input) window.__input = gain;
    return gain;
  };
})()"""

HEARD = """() => {
  const x = new Float32Array(window.__probe.fftSize);
  window.__probe.getFloatTimeDomainData(x);
  return {nan: x.filter((v) => !Number.isFinite(v)).length, peak: x.reduce((m, v) => Math.max(m, Math.abs(v)), 0)};
}"""

# One block of NaN into the preview's input: what a file of NaN samples did to the filters.
POISON = """() => {
  const ctx = window.__input.context;
  const buffer = ctx.createBuffer(1, 128, ctx.sampleRate);
  buffer.getChannelData(0).fill(NaN);
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  source.connect(window.__input);
  source.start();
}"""


@pytest.fixture
def probed(page):
    """The page with PROBE in it, from its start."""
    page.context.add_init_script(PROBE)
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    shown(page, "warm", "bright", "0.5")
    return page


def _hears(page, sound: bool) -> dict:
    """What the preview plays once it is sound (finite, not silent) or, with sound False, NaN."""
    for _ in range(100):
        heard = page.evaluate(HEARD)
        if (heard["nan"] == 0 and heard["peak"] > 1e-4) == sound and (sound or heard["nan"]):
            return heard
        time.sleep(0.05)
    raise AssertionError(f"the preview never played {'sound' if sound else 'NaN'}: {heard}")


def _noise(frames: int, seed: int = 1) -> np.ndarray:
    return 0.1 * np.random.default_rng(seed).standard_normal(frames)


def _with_nans() -> np.ndarray:
    x = _noise(2 * SR)
    x[1000:1020] = np.nan
    return x


def _rate(server) -> int:
    return round(httpx.get(server.url + "/api/health").json()["grid"]["sample_rate"])


def _nan_note(name: str, rate: int) -> str:
    return (f"Cannot play {name}: it holds 20 NaN or infinite samples once decoded at {rate} Hz, the first at 0.021 s "
            "(channel 0): the preview needs finite samples.")


# --- item 1: a file of NaN samples is refused; a new source plays through new filters ----------------------------

def test_a_listen_file_with_nan_samples_is_refused_and_the_file_before_keeps_playing(probed, tmp_path, live_server):
    page = probed
    page.set_input_files("#file", float_wav(tmp_path / "good.wav", _noise(2 * SR)))
    page.wait_for_selector("#audio-source-info:has-text('good.wav: 2.0 s')")
    page.click("#play")
    page.wait_for_selector("#play[aria-pressed='true']")
    _hears(page, True)
    page.set_input_files("#file", float_wav(tmp_path / "nan.wav", _with_nans()))
    page.wait_for_selector("#audio-source-info.error")
    said = page.text_content("#audio-source-info")
    assert said == f"{_nan_note('nan.wav', _rate(live_server))} Still playing good.wav.", said
    assert page.get_attribute("#audio-source-info", "role") == "alert"
    assert page.input_value("#source") == "file"
    page.wait_for_timeout(300)  # the NaN would have reached the speakers by now
    _hears(page, True)
    page.check("#bypass")
    _hears(page, True)
    page.click("#play")


def test_a_listen_file_with_infinite_samples_chosen_first_leaves_the_clip(page, tmp_path, live_server):
    x = _noise(2 * SR)
    x[4800] = np.inf
    with page.expect_file_chooser() as chooser:
        page.select_option("#source", "file")
    chooser.value.set_files(float_wav(tmp_path / "inf.wav", x))
    page.wait_for_selector("#audio-source-info.error")
    said = page.text_content("#audio-source-info")
    assert re.fullmatch(rf"Cannot play inf\.wav: it holds \d+ NaN or infinite samples? once decoded at "
                        rf"{_rate(live_server)} Hz, the first at 0\.100 s \(channel 0\): the preview needs finite "
                        r"samples\. The source is back to Drum and chord loop \(synthesised\)\.", said), said
    assert page.input_value("#source") == "drums"


def test_a_new_source_plays_through_new_filters_not_those_a_source_before_poisoned(probed):
    page = probed
    page.select_option("#source", "pink")
    page.click("#play")
    page.wait_for_selector("#play[aria-pressed='true']")
    _hears(page, True)
    page.evaluate(POISON)
    _hears(page, False)  # the filters hold NaN: without a new chain, nothing would ever play again
    page.select_option("#source", "drums")
    _hears(page, True)
    page.click("#play")


# --- item 2: the source line follows the source ------------------------------------------------------------------

def test_the_source_line_names_the_file_only_while_the_file_is_the_source(page, tmp_path):
    page.set_input_files("#file", float_wav(tmp_path / "song.wav", _noise(SR)))
    page.wait_for_selector("#audio-source-info:has-text('song.wav: 1.0 s')")
    page.select_option("#source", "pink")
    assert page.text_content("#audio-source-info") == ""
    page.click("#play")
    page.wait_for_selector("#play[aria-pressed='true']")
    assert page.text_content("#audio-source-info") == ""
    page.select_option("#source", "drums")
    assert page.text_content("#audio-source-info") == ""
    page.select_option("#source", "file")  # the file loaded before: no chooser, its line again
    assert page.text_content("#audio-source-info") == "song.wav: 1.0 s (stays in this browser)."
    page.click("#play")


def test_hearing_the_match_again_after_a_clip_names_the_file_again(page, tmp_path):
    page.click("details.match summary")
    page.set_input_files("#match-input", float_wav(tmp_path / "song.wav", _noise(2 * SR)))
    page.set_input_files("#match-reference", float_wav(tmp_path / "ref.wav", _noise(2 * SR, seed=2)))
    page.click("#match-run")
    page.wait_for_selector("#match-result[data-text]", state="attached")
    page.click("#match-listen")
    page.wait_for_selector("#audio-source-info:has-text('song.wav: 2.0 s')")
    page.select_option("#source", "pink")
    assert page.text_content("#audio-source-info") == ""
    page.click("#match-listen")  # the file already loaded: played again, and named again
    page.wait_for_selector("#audio-source-info:has-text('song.wav: 2.0 s')")
    assert page.input_value("#source") == "file"
    page.click("#play")


# --- item 3: a link's unknown crowd is said ----------------------------------------------------------------------

def _link(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(page.evaluate("() => location.hash").removeprefix("#")).items()}


def _notes(page) -> list[str]:
    return page.eval_on_selector_all("#link-note span", "(spans) => spans.map((s) => s.textContent)")


def test_a_links_unknown_crowd_is_said_and_the_crowd_menu_takes_the_note_away(browser, bundled_server):
    with open_page(browser, bundled_server.url, fragment="#a=warm&b=bright&alpha=0.3&i=1&src=bogus") as page:
        shown(page, "warm", "bright", "0.3")
        assert _notes(page) == ["The link's crowd “bogus” is not known (this model's crowds are SAFE and SocialFX); "
                                "using both crowds."]
        assert page.input_value("#crowd") == "" and "src" not in _link(page)
        page.select_option("#crowd", "safe")
        page.wait_for_selector("#curve[data-source='safe']", state="attached")
        assert _notes(page) == [] and page.is_hidden("#link-note")


def test_a_links_crowd_on_a_model_without_crowds_is_said_with_a_bad_slider_value(browser, live_server):
    with open_page(browser, live_server.url, fragment="#a=warm&b=bright&alpha=2&i=1&src=bogus") as page:
        shown(page, "warm", "bright", "0.5")
        assert _notes(page) == ["The link's alpha 2 is outside 0..1; using 0.5.",
                                "The link's crowd “bogus” is not known (this model has no crowds); "
                                "using all its words."]


def test_a_links_known_crowd_brings_no_note(browser, bundled_server):
    with open_page(browser, bundled_server.url, fragment="#a=warm&b=bright&alpha=0.3&i=1&src=safe") as page:
        page.wait_for_selector("#curve[data-source='safe']", state="attached")
        assert _notes(page) == [] and page.is_hidden("#link-note")


# --- item 4: Match sends nothing for a file the card has refused -------------------------------------------------

REFUSED = {
    "short": (_noise(round(0.3 * SR)), "is 0.3 s long, too short to match (a match needs at least 0.5 s)"),
    "silent": (np.zeros(2 * SR), "holds only digital silence (every sample is 0): nothing to match"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_match_pressed_for_a_file_the_card_refused_sends_nothing_and_keeps_the_cards_words(page, tmp_path, case):
    samples, why = REFUSED[case]
    posted: list[str] = []
    page.on("request", lambda req: posted.append(req.url) if "/api/match" in req.url else None)
    page.click("details.match summary")
    page.set_input_files("#match-input", float_wav(tmp_path / "song.wav", _noise(2 * SR)))
    page.set_input_files("#match-reference", float_wav(tmp_path / "ref.wav", samples))
    page.wait_for_selector("#match-result.warning")
    assert page.text_content("#match-result") == f"The reference (ref.wav) {why}."
    match_refused_unasked(page, f"the reference (ref.wav) {why}", posted)


# --- item 5: a phrase keeps the user's spelling ------------------------------------------------------------------

def test_a_phrase_the_server_folds_stays_as_typed_everywhere(page):
    shown(page, "warm", "bright", "0.5")
    pick(page, "b", "bass -3dB")
    shown(page, "warm", "bass -3db", "0.5")  # the server's word for it
    assert page.input_value("#word-b") == "bass -3dB"
    assert page.text_content("#legend-b") == "B: bass -3dB"
    assert page.text_content("#alpha-b-label") == "bass -3dB"
    assert _link(page)["b"] == "bass -3dB"


@pytest.mark.parametrize(("typed", "word"), [("Warm", "warm"), ("PRESENCE", "presence")])
def test_a_known_word_or_studio_term_typed_otherwise_is_shown_as_known(page, typed, word):
    shown(page, "warm", "bright", "0.5")
    pick(page, "b", typed)
    shown(page, "warm", word, "0.5")
    assert page.input_value("#word-b") == word and _link(page)["b"] == word
