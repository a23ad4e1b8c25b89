"""The page as a new user met it in trial 13: a match file with NaN or infinite samples is said so, with the file, how
many and where the first is (as `eqmorph match` says it), and nothing is sent to the server; a link whose alpha or
intensity is out of range or not a number says what became of it, as a link's refused word does.

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

import httpx
import numpy as np
import pytest
from browser_fixtures import match_refused_unasked, open_page, shown
from tests.match_signals import PAGE_SR, float_wav

from eqmorph.audio.filtering import non_finite_report

SR = PAGE_SR


def _noise(frames: int, channels: int = 1, seed: int = 1) -> np.ndarray:
    x = 0.1 * np.random.default_rng(seed).standard_normal((frames, channels))
    return x[:, 0] if channels == 1 else x


def _choose(page, input_path: str, reference_path: str) -> list[str]:
    """Both files chosen; the list of /api/match requests the page makes from then on."""
    posted: list[str] = []
    page.on("request", lambda req: posted.append(req.url) if "/api/match" in req.url else None)
    page.click("details.match summary")
    page.set_input_files("#match-input", input_path)
    page.set_input_files("#match-reference", reference_path)
    return posted


def _said(samples: np.ndarray, sample_rate: int = SR) -> str:
    """What the card says of a file's non-finite samples, from the library's own report of them."""
    count, frame, channel = non_finite_report(samples.reshape(len(samples), -1))
    many = f"{count} NaN or infinite sample{'' if count == 1 else 's'}"
    return (f"holds {many}, the first at {frame / sample_rate:.3f} s (frame {frame}, channel {channel}): "
            "a match needs finite samples")


# --- item 1: NaN or infinite samples are said before anything is sent --------------------------------------------

def _with_nans() -> np.ndarray:
    x = _noise(2 * SR)
    x[1000:1020] = np.nan
    return x


def _stereo_with_inf() -> np.ndarray:
    x = _noise(2 * SR, channels=2)
    x[3001, 1] = np.inf  # the first, in the second channel (not at 0.0625 s, which Python and JS round apart)
    x[4000, 0] = -np.inf
    x[9000, :] = np.nan
    return x


CASES = {
    "input-nan": ("input", "nan.wav", _with_nans(), "your recording"),
    "reference-inf-stereo": ("reference", "inf.wav", _stereo_with_inf(), "the reference"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_match_file_with_nan_or_infinite_samples_is_named_and_nothing_is_sent(page, tmp_path, case):
    role, name, samples, called = CASES[case]
    bad = float_wav(tmp_path / name, samples)
    good = float_wav(tmp_path / "good.wav", _noise(2 * SR, seed=2))
    posted = _choose(page, *((bad, good) if role == "input" else (good, bad)))
    said = f"{called} ({name}) {_said(samples)}"
    page.wait_for_selector("#match-result.warning")
    assert page.text_content("#match-result") == said[0].upper() + said[1:] + "."  # as soon as it is chosen
    match_refused_unasked(page, said, posted)
    assert page.is_disabled("#match-listen")


def test_the_cli_and_the_page_agree_on_where_the_first_nan_is():
    """The CLI's sentence for the same samples names the same count, frame and time the page's test expects."""
    from eqmorph.audio.filtering import non_finite_message

    samples = _with_nans()
    cli = non_finite_message(*non_finite_report(samples[:, None]), SR)
    assert cli.startswith("20 sample(s) are NaN or infinite; the first at frame 1000 (0.021 s), channel 0")
    assert "20 NaN or infinite samples, the first at 0.021 s (frame 1000, channel 0)" in _said(samples)


def test_a_file_the_browser_resamples_counts_its_decoded_samples_and_says_so(page, tmp_path):
    """A rate /api/match does not take (4 kHz) is decoded by the browser at 48 kHz, which keeps NaN but spreads it:
    the count is the decoded audio's, and the sentence says so; the first one's time stays the file's."""
    x = _noise(2 * 4000)
    x[1000:1020] = np.nan  # 0.25 s into the file
    posted = _choose(page, float_wav(tmp_path / "low.wav", x, 4000),
                     float_wav(tmp_path / "good.wav", _noise(2 * SR, seed=2)))
    page.wait_for_selector("#match-result.warning")
    said = page.text_content("#match-result")
    found = re.fullmatch(r"Your recording \(low\.wav\) holds (\d+) NaN or infinite samples once decoded at 48000 Hz, "
                         r"the first at (\d\.\d{3}) s \(channel 0\): a match needs finite samples\.", said)
    assert found, said
    assert int(found.group(1)) >= 20 and 0.23 <= float(found.group(2)) <= 0.25
    page.click("#match-run")
    page.wait_for_selector("#match-result:text('Cannot match')")
    assert posted == []


def test_a_file_with_finite_samples_still_matches(page, tmp_path):
    posted = _choose(page, float_wav(tmp_path / "a.wav", _noise(2 * SR)), float_wav(tmp_path / "b.wav",
                                                                                      _noise(2 * SR, seed=2)))
    page.click("#match-run")
    page.wait_for_selector("#match-result[data-text]", state="attached")
    assert posted and "NaN" not in page.text_content("#match-result")


# --- item 2: a link's out-of-range or non-numeric slider value is said -------------------------------------------

def _link(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(page.evaluate("() => location.hash").removeprefix("#")).items()}


def _notes(page) -> list[str]:
    return page.eval_on_selector_all("#link-note span", "(spans) => spans.map((s) => s.textContent)")


def _limits(live_server) -> dict:
    return httpx.get(live_server.url + "/api/limits").json()


def _minus(x: float) -> str:
    return f"{x:g}".replace("-", "−")


def test_a_links_out_of_range_alpha_and_intensity_are_said_with_the_values_used(browser, live_server):
    limits = _limits(live_server)
    default = limits["intensity"]["default"]
    with open_page(browser, live_server.url, fragment="#a=warm&b=bright&alpha=5&i=9") as page:
        shown(page, "warm", "bright", "0.5")
        page.wait_for_selector("#link-note:not([hidden])")
        alpha, intensity = limits["alpha"], limits["intensity"]
        assert _notes(page) == [
            f"The link's alpha 5 is outside {_minus(alpha['low'])}..{_minus(alpha['high'])}; using 0.5.",
            f"The link's intensity 9 is outside {_minus(intensity['low'])}..{_minus(intensity['high'])}; "
            f"using {default:g}.",
        ]
        assert page.get_attribute("#link-note", "role") == "status"
        assert page.input_value("#alpha") == "0.5" and float(page.input_value("#intensity")) == default
        assert _link(page)["alpha"] == "0.5"  # the link now says what is shown
        # Moving a slider makes its value the user's: its line goes, the other's stays.
        page.fill("#alpha", "0.3")
        page.dispatch_event("#alpha", "input")
        page.wait_for_selector("#curve[data-alpha='0.3']", state="attached")
        notes = _notes(page)
        assert len(notes) == 1 and notes[0].startswith("The link's intensity 9"), notes
        page.fill("#intensity", "0.5")
        page.dispatch_event("#intensity", "input")
        assert page.is_hidden("#link-note")


def test_a_links_values_that_are_not_numbers_are_said(browser, live_server):
    default = _limits(live_server)["intensity"]["default"]
    with open_page(browser, live_server.url, fragment="#a=warm&b=bright&alpha=abc&i=loud") as page:
        shown(page, "warm", "bright", "0.5")
        assert _notes(page) == ["The link's alpha “abc” is not a number; using 0.5.",
                                f"The link's intensity “loud” is not a number; using {default:g}."]


def test_a_link_in_range_or_with_empty_values_brings_no_note_and_an_edited_link_is_checked(browser, live_server):
    intensity = _limits(live_server)["intensity"]
    with open_page(browser, live_server.url, fragment="#a=warm&b=bright&alpha=&i=") as page:
        shown(page, "warm", "bright", "0.5")
        assert page.is_hidden("#link-note")  # an empty value is a link without it: the default, without a word
        page.evaluate("() => { location.hash = '#a=warm&b=bright&alpha=0.2&i=-7'; }")
        shown(page, "warm", "bright", "0.2")
        page.wait_for_selector("#link-note:not([hidden])")
        assert [n.split(";")[0] for n in _notes(page)] == [
            f"The link's intensity −7 is outside {_minus(intensity['low'])}..{_minus(intensity['high'])}"]
        page.evaluate("() => { location.hash = '#a=warm&b=bright&alpha=0.4&i=0.5'; }")
        shown(page, "warm", "bright", "0.4")
        page.wait_for_selector("#link-note", state="hidden")


def test_the_links_limits_are_the_servers(browser, live_server):
    """The note's range is /api/limits's: served narrower, the page says (and keeps to) the narrower range."""
    limits = _limits(live_server)
    narrow = {**limits, "intensity": {**limits["intensity"], "low": -2.0, "high": 2.0}}
    with open_page(browser, live_server.url) as page:
        page.route("**/api/limits", lambda route: route.fulfill(json=narrow))
        page.goto(live_server.url + "/#a=warm&b=bright&alpha=0.5&i=3")
        page.reload()  # the hash alone would not load the page again
        page.wait_for_selector("body[data-ready='1']")
        shown(page, "warm", "bright", "0.5")
        assert _notes(page) == [f"The link's intensity 3 is outside −2..2; using {limits['intensity']['default']:g}."]
