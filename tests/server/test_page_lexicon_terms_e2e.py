"""The word picker offers the lexicon's words (translations and synonyms: "cálido") after the vocabulary's words
and the studio terms, with the words each reads as (a new-user trial, 2026-12-04: typing "cál" offered caliente and
calm, not cálido, which the model reads as warm).

Browser set-up and its skip rules: ``browser_fixtures.py``.
"""

from __future__ import annotations

from browser_fixtures import shown, typed_rows


def test_typing_part_of_a_lexicon_word_offers_it_with_what_it_reads_as_and_choosing_it_morphs(page):
    a = page.get_attribute("#word-a", "data-word")
    rows = typed_rows(page, "b", "cál", "cálido")
    kinds = ["lexicon" if r["tag"] == "lexicon-tag" else "word" for r in rows]
    assert kinds == sorted(kinds, key=lambda k: k == "lexicon")  # after the vocabulary's words
    calido = next(r for r in rows if r["word"] == "cálido")
    assert calido["tag"] == "lexicon-tag" and calido["text"].endswith("→ warm")  # the test model's warm
    page.click("#word-b-list li[data-word='cálido']")
    page.wait_for_selector("#word-b[data-word='cálido'][data-server-word='warm']", state="attached")
    shown(page, a, "warm", "0.5")  # the curve is named by the server's word for it


def test_a_lexicon_word_typed_whole_is_the_row_enter_takes(page):
    rows = typed_rows(page, "a", "cold", "cold")
    assert rows[0]["word"] == "cold" and "opposite of warm" in rows[0]["text"]
    assert page.get_attribute("#word-a-list li[data-word='cold']", "aria-selected") == "true"
