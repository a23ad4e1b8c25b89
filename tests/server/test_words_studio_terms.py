"""/api/words lists the studio terms (band words: "presence", "low cut", "agudos") as `eqmorph words` does."""

from __future__ import annotations

import pytest

from eqmorph.language.band_words import band_words, find_band_words


def _terms(client, **params) -> list[dict]:
    r = client.get("/api/words", params=params)
    assert r.status_code == 200, r.text
    return r.json()["studio_terms"]


def test_words_lists_every_studio_term_with_its_forms_and_summary(client):
    expected = [{"word": w.name, "forms": list(w.forms), "summary": w.summary()} for w in band_words().values()]
    assert _terms(client) == expected
    presence = next(t for t in _terms(client) if t["word"] == "presence")
    assert "presencia" in presence["forms"] and presence["summary"].startswith("+6 dB bell at 5 kHz")


def test_a_search_finds_the_studio_terms_with_a_form_containing_it(client):
    assert [t["word"] for t in _terms(client, search="pres")] == ["presence"]
    assert [t["word"] for t in _terms(client, search="cut")] == [w.name for w in find_band_words("cut")]
    assert "treble" in [t["word"] for t in _terms(client, search="agud")]  # by its Spanish form, agudos


@pytest.mark.parametrize("search", ["zzz", "warm"])
def test_a_search_no_studio_term_holds_lists_none(client, search):
    assert _terms(client, search=search) == []


def test_the_word_fields_are_unchanged_and_limit_cuts_only_the_words(client):
    body = client.get("/api/words", params={"limit": 1}).json()
    assert set(body) == {"total", "vocabulary_size", "words", "interpretation", "studio_terms", "lexicon_terms"}
    assert len(body["words"]) == 1 and body["total"] == body["vocabulary_size"]
    assert len(body["studio_terms"]) == len(band_words())
    assert client.get("/api/words", params={"search": "pres"}).json()["words"] == []


def test_words_lists_the_lexicon_words_with_what_they_read_as(client, tiny_model):
    # the page's pickers offer them (a new-user trial: "cál" offered caliente and calm, not cálido)
    body = client.get("/api/words").json()
    terms = {t["word"]: t for t in body["lexicon_terms"]}
    assert terms["cálido"]["means"][0] == "warm" and not terms["cálido"]["opposite"]
    assert terms["cold"] == {"word": "cold", "means": ["warm"], "opposite": True}  # the tiny model's warm
    assert not set(terms) & set(tiny_model.terms)  # the vocabulary's own words are words, not lexicon terms
    assert "agudos" not in terms  # a studio term's spelling is listed as that
    searched = client.get("/api/words", params={"search": "CAL"}).json()["lexicon_terms"]
    assert "cálido" in {t["word"] for t in searched} and "cold" not in {t["word"] for t in searched}
