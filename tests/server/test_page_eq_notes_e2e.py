"""A note about a word shows under the box of the word it is about (its subject, named before the colon), never
under the other box because it quotes that box's word: with A "brillante" and B "bright", the note "brillante: its
crowd's 4 examples lift ..., while 'bright' lifts the highs ..." was shown under B (a new-user trial).

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

import pytest
from browser_fixtures import pick, shown, with_notes

# The server's note for a crowd word of few examples (eqmorph.semantic.word_responses.few_examples_notes), about A's
# word and quoting B's; and one about B's word quoting A's.
ABOUT_A = ("warm: its crowd's 4 examples lift 710 Hz-4.4 kHz (+2.1 dB above 5 kHz), while 'bright' lifts the highs "
           "(+3.0 dB); to lift the highs, say 'more bright'")
ABOUT_B = ("bright: its crowd's 3 examples cut 2-8 kHz, against 'warm' (their EQs correlate -0.40); for its sound, "
           "say 'warm'")


def _slide(page, selector: str, value: str) -> None:
    page.eval_on_selector(selector, """(el, v) => { el.value = v; el.dispatchEvent(new Event('input'));
        el.dispatchEvent(new Event('change')); }""", value)


def test_a_note_shows_under_the_box_of_the_word_it_is_about_not_the_word_it_quotes(page):
    shown(page, "warm", "bright", "0.5")
    page.route("**/api/morph?*", with_notes([ABOUT_A, ABOUT_B]))
    _slide(page, "#alpha", "0.6")
    page.wait_for_selector("#word-a-eq-note:not([hidden])")
    assert page.text_content("#word-a-eq-note") == ABOUT_A
    assert page.text_content("#word-b-eq-note") == ABOUT_B
    assert page.is_hidden("#morph-notes")


@pytest.mark.parametrize("side, typed, note", [
    ("a", "a bit warm", ABOUT_A),
    # eqmorph.semantic.word_responses' note on taking away a flaw names "less muddy" first: words of a phrase
    ("b", "a bit less muddy", "less muddy: the crowds' muddy also cuts 3-7.7 kHz, so taking it away lifts there too; "
                              "to take away only its lift 80-310 Hz, say 'less bass'"),
])
def test_a_note_about_a_word_of_a_phrase_shows_under_the_phrases_box(page, side, typed, note):
    shown(page, "warm", "bright", "0.5")
    page.route("**/api/morph?*", with_notes([note]))
    pick(page, side, typed)
    other = "b" if side == "a" else "a"
    page.wait_for_selector(f"#word-{side}-eq-note:not([hidden])")
    assert page.text_content(f"#word-{side}-eq-note") == note
    assert page.is_hidden(f"#word-{other}-eq-note") and page.is_hidden("#morph-notes")
