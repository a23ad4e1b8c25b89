"""The page as a new user met it in trial 12: a match at another amount says the full match's fit error and the
share the amount applies (as `eqmorph match --amount` does), and a file too short or silent to hear or match is
said so as soon as it is chosen, on the Listen card and on the match card.

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import json
import re

import httpx
import numpy as np
import pytest
from browser_fixtures import PHONE, open_page
from scipy.signal import sosfilt
from tests.match_signals import PAGE_SR, float_wav

from eqmorph.core import dsp
from eqmorph.semantic.match_inputs import MIN_SECONDS

SR = PAGE_SR
LAPTOP = {"width": 1280, "height": 800}
FIT_ERRORS = re.compile(r"(\d+\.\d+) dB RMS")


@pytest.fixture(scope="module")
def rough_pair(tmp_path_factory):
    """Noise, and the same noise through ten alternating bells an octave apart: more ups and downs than five bands
    follow, so the full match's fit is rough (about 2.4 dB RMS) and the library's note on it names that error too."""
    folder = tmp_path_factory.mktemp("trial12")
    dry = 0.1 * np.random.default_rng(0).standard_normal(SR * 3)
    bells = np.array([[8.0 * (-1) ** i, f, 3.0] for i, f in enumerate(np.geomspace(40, 16_000, 10))])
    wet = sosfilt(np.vstack([dsp.sos_np(bells[:5], SR), dsp.sos_np(bells[5:], SR)]), dry)
    return float_wav(folder / "piano.wav", dry), float_wav(folder / "guitar.wav", 0.3 * wet / np.abs(wet).max())


def _choose(page, input_path: str, reference_path: str) -> None:
    page.click("details.match summary")
    page.set_input_files("#match-input", input_path)
    page.set_input_files("#match-reference", reference_path)


def _set_amount(page, amount: str) -> None:
    page.fill("#match-amount", amount)
    page.dispatch_event("#match-amount", "input")


def _api_rms_db(live_server, sent: dict, amount: float) -> float:
    """The fit error /api/match gives for the spectra the page sent, at ``amount``."""
    answer = httpx.post(live_server.url + "/api/match", json={**sent, "amount": amount}, timeout=60).json()
    return answer["rms_db"]


# --- item 1: the fit error is the full match's, and the amount's share is said -----------------------------------

@pytest.mark.parametrize("moved_after_a_match", [True, False], ids=["amount-moved-after", "amount-set-before"])
def test_at_amount_half_the_match_says_one_fit_error_the_full_matchs_and_that_half_of_it_is_applied(
        page, live_server, rough_pair, moved_after_a_match):
    sent = []
    page.on("request", lambda r: sent.append(json.loads(r.post_data)) if r.url.endswith("/api/match") else None)
    _choose(page, *rough_pair)
    if moved_after_a_match:
        page.click("#match-run")
        page.wait_for_selector("#match-result[data-amount='1']", state="attached")
        _set_amount(page, "0.5")
    else:
        _set_amount(page, "0.5")
        page.click("#match-run")
    page.wait_for_selector("#match-result[data-amount='0.5']", state="attached")
    said = page.text_content("#match-result")
    spectra = {role: sent[-1][role] for role in ("input", "reference")}
    full_db, half_db = _api_rms_db(live_server, spectra, 1.0), _api_rms_db(live_server, spectra, 0.5)
    assert full_db > 2.0 and abs(full_db - half_db) > 0.5  # a rough fit, whose two errors are told apart
    assert f"(fit error {full_db:.2f} dB RMS); amount 0.5 applies half of it." in said, said
    errors = [float(x) for x in FIT_ERRORS.findall(said)]
    assert len(errors) >= 2, said  # the library's rough-fit note names the error as well: the same one
    assert all(abs(e - full_db) <= 0.05 for e in errors), said


def test_at_amount_one_the_sentence_says_no_share_and_at_zero_that_none_is_applied(page, live_server, rough_pair):
    _choose(page, *rough_pair)
    page.click("#match-run")
    page.wait_for_selector("#match-result[data-amount='1']", state="attached")
    full = page.text_content("#match-result")
    assert "applies" not in full
    _set_amount(page, "0")
    page.wait_for_selector("#match-result[data-amount='0']", state="attached")
    said = page.text_content("#match-result")
    # At amount 0 the EQ is flat, and the recordings still differ as much: the same fit error.
    assert FIT_ERRORS.search(said).group(1) == FIT_ERRORS.search(full).group(1)
    assert "amount 0 applies none of it: the EQ is flat." in said, said


# --- item 2: a file too short or silent to hear or match is said so when it is chosen ----------------------------

def _noise(frames: int) -> np.ndarray:
    return 0.1 * np.random.default_rng(1).standard_normal(frames)


LISTEN_CASES = {
    "100-samples": (_noise(100), "100.wav: 2.08 ms; too short to hear or to match (a match needs at least 0.5 s)."),
    "1-sample": (np.array([0.5]), "1.wav: 0.02 ms; too short to hear or to match (a match needs at least 0.5 s)."),
    "0.4-s": (_noise(round(0.4 * SR)), "0.4.wav: 0.4 s; too short to hear or to match (a match needs at least 0.5 s)."),
    "silent": (np.zeros(2 * SR), "silent.wav: 2.0 s; it holds only digital silence (every sample is 0): nothing "
                                 "to hear, and nothing to match."),
    "silent-1-sample": (np.zeros(1), "silent-1.wav: 0.02 ms; it holds only digital silence (every sample is 0), "
                                     "and it is too short to match (a match needs at least 0.5 s)."),
}


@pytest.mark.parametrize("case", list(LISTEN_CASES))
def test_a_listen_file_too_short_or_silent_to_hear_is_said_so_next_to_its_name(page, tmp_path, case):
    samples, expected = LISTEN_CASES[case]
    path = float_wav(tmp_path / expected.split(":")[0], samples)
    with page.expect_file_chooser() as chooser:
        page.select_option("#source", "file")
    chooser.value.set_files(path)
    page.wait_for_selector("#audio-source-info.warning")
    assert page.text_content("#audio-source-info") == expected
    assert f"at least {MIN_SECONDS:g} s" in expected or "silence" in expected  # the match's own minimum, named
    assert page.get_attribute("#audio-source-info", "role") == "alert"
    assert page.input_value("#source") == "file"  # still the source: the user chose it


def test_a_listen_file_with_sound_and_long_enough_loads_without_a_warning(page, tmp_path):
    path = float_wav(tmp_path / "fine.wav", _noise(SR))
    with page.expect_file_chooser() as chooser:
        page.select_option("#source", "file")
    chooser.value.set_files(path)
    page.wait_for_selector("#audio-source-info:has-text('fine.wav: 1.0 s')")
    assert page.text_content("#audio-source-info") == "fine.wav: 1.0 s (stays in this browser)."
    assert page.get_attribute("#audio-source-info", "class") == "audio-line muted"


MATCH_CASES = {
    "short": (_noise(round(0.3 * SR)),
              "The reference (short.wav) is 0.3 s long, too short to match (a match needs at least 0.5 s)."),
    "100-samples": (_noise(100),
                    "The reference (100.wav) is 2.08 ms long, too short to match (a match needs at least 0.5 s)."),
    "silent": (np.zeros(2 * SR),
               "The reference (silent.wav) holds only digital silence (every sample is 0): nothing to match."),
    # a new-user trial: an empty file was "digital silence", where the CLI says it holds no audio
    "empty": (np.zeros(0), "The reference (empty.wav) holds no audio (0 frames): nothing to match."),
}


@pytest.mark.parametrize("case", list(MATCH_CASES))
def test_a_match_file_it_would_refuse_is_said_so_before_match_is_pressed(page, tmp_path, case):
    samples, expected = MATCH_CASES[case]
    name = re.search(r"\((.+?)\)", expected).group(1)
    page.expect_status.add(422)  # Match pressed anyway: the server's refusal, in the same card
    _choose(page, float_wav(tmp_path / "long.wav", _noise(2 * SR)), float_wav(tmp_path / name, samples))
    page.wait_for_selector("#match-result.warning")
    assert page.text_content("#match-result") == expected
    assert page.get_attribute("#match-apo", "aria-disabled") == "true"  # no match on offer
    page.click("#match-run")
    page.wait_for_selector("#match-result:text('Cannot match')")
    assert "warning" not in page.get_attribute("#match-result", "class")


def test_match_files_it_takes_bring_no_note_and_another_file_takes_a_note_away(page, tmp_path):
    good = float_wav(tmp_path / "good.wav", _noise(2 * SR))
    _choose(page, float_wav(tmp_path / "long.wav", _noise(2 * SR)), float_wav(tmp_path / "short.wav", _noise(100)))
    page.wait_for_selector("#match-result.warning")
    page.set_input_files("#match-reference", good)
    page.wait_for_selector("#match-result:not(.warning)", state="attached")
    page.wait_for_timeout(300)  # the new files' check would have spoken by now
    assert page.text_content("#match-result") == ""
    page.click("#match-run")
    page.wait_for_selector("#match-result[data-text]", state="attached")


# --- nothing new overflows, at laptop and phone size -------------------------------------------------------------

@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
def test_the_new_notes_fit_the_listen_card(browser, live_server, tmp_path, rough_pair, viewport):
    with open_page(browser, live_server.url, viewport=viewport) as page:
        with page.expect_file_chooser() as chooser:
            page.select_option("#source", "file")
        chooser.value.set_files(float_wav(tmp_path / ("a-very-long-file-name-" * 4 + ".wav"), np.zeros(100)))
        page.wait_for_selector("#audio-source-info.warning")
        _choose(page, *rough_pair)
        _set_amount(page, "0.5")
        page.click("#match-run")
        page.wait_for_selector("#match-result[data-amount='0.5']", state="attached")
        width = page.evaluate("() => document.documentElement.clientWidth")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        outside = page.evaluate("""() => ['#audio-source-info', '#match-result'].filter((el) => {
            const r = document.querySelector(el).getBoundingClientRect();
            const b = document.querySelector('.listen').getBoundingClientRect();
            return r.left < b.left || r.right > b.right; })""")
        assert outside == []
