"""The word picker suggests studio terms (band words) after the vocabulary's words, marked as such.

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

from browser_fixtures import picker_rows, shown, typed_rows


def test_typing_part_of_a_studio_term_suggests_it_marked_and_choosing_it_morphs(page):
    a = page.get_attribute("#word-a", "data-word")
    rows = typed_rows(page, "b", "pres", "presence")
    presence = next(r for r in rows if r["word"] == "presence")
    assert "studio term" in presence["text"] and presence["kind"] == "studio"
    assert presence["title"].startswith("studio term: +6 dB bell at 5 kHz")
    page.click("#word-b-list li[data-word='presence']")
    shown(page, a, "presence", "0.5")
    assert page.input_value("#word-b") == "presence"


def test_studio_terms_follow_the_vocabulary_words_and_match_by_any_form(page):
    page.click("#word-a")
    page.fill("#word-a", "r")  # warm, bright (vocabulary) and treble, rumble, ... (studio terms)
    rows = picker_rows(page, "a")
    kinds = ["studio" if r["kind"] == "studio" else "word" for r in rows]
    assert kinds[:2] == ["word", "word"] and "studio" in kinds
    assert kinds == sorted(kinds, key=lambda k: k == "studio")  # every word before every studio term
    assert len(rows) <= 12
    page.fill("#word-a", "agud")  # treble by its Spanish form, agudos
    page.wait_for_selector("#word-a-list li[data-word='treble']")
    assert page.text_content("#word-a-list li[data-word='treble'] .form") == "agudos"  # shown under its name
