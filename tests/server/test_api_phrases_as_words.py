"""A phrase that weighs one word at 1.0 but is more than that word ("harsh highs", "brighter but keep the low end",
"warm (safe)") is served as the phrase, as the library and the CLI give it (a web-page trial, 2026-12-04: the
server had collapsed it to the bare word, losing its region, kept part or crowd, in the curve and the exports)."""

from __future__ import annotations

import numpy as np
import pytest


def rows(body):
    return np.array([[b["gain_db"], b["freq_hz"], b["q"]] for b in body["bands"]])


@pytest.mark.parametrize("text", ["brighter but keep the low end", "harsh highs", "boomy low end", "warm (socialfx)",
                                  "warm (safe)"])
def test_generate_serves_the_phrase_not_its_one_word(bundled, text):
    m = bundled.model
    body = bundled.get("/api/generate", params={"word": text}).json()
    np.testing.assert_allclose(rows(body), m.generate_params(text), atol=1e-9)
    word = m.parse(text).single_word[0]
    assert not np.allclose(m.generate_params(text), m.generate_params(word), atol=0.05)  # the bug's answer


def test_an_export_of_a_phrase_holds_the_phrase(bundled):
    m = bundled.model
    text = "brighter but keep the low end"
    r = bundled.get("/api/export", params={"a": text, "b": "dark", "alpha": 0, "format": "json"})
    assert r.status_code == 200, r.text
    np.testing.assert_allclose(rows(r.json()), m.generate_params(text), atol=1e-6)


@pytest.mark.parametrize("text, word", [("Warm", "warm"), (" warmth ", "warm")])
def test_a_spelling_of_a_word_is_still_served_as_the_word(bundled, text, word):
    body = bundled.get("/api/generate", params={"word": text}).json()
    assert body["words"] == [word]


def test_the_library_keeps_a_phrase_apart_from_its_word(bundled):
    m = bundled.model
    assert m.vocabulary.plain("harsh highs") is None and m.vocabulary.plain("a bit warmer") == ("warm", 0.5)
    assert not np.allclose(m.centroid("harsh highs"), m.centroid("harsh"))
