"""An unknown word's 404 says how to have the server read such words, when its open vocabulary is off and would
read this one: the body's ``hint`` (a sentence the page shows), also at the end of ``detail``."""

from __future__ import annotations

import pytest

from eqmorph.language import open_vocab_hint

SERVE = "To read words outside the vocabulary by meaning, start the server with eqmorph serve --open-vocab."


def test_an_unknown_new_word_names_the_serve_option(client, monkeypatch):
    monkeypatch.setattr(open_vocab_hint, "text_extra_installed", lambda: True)
    r = client.get("/api/generate", params={"word": "velvety"})
    assert r.status_code == 404
    body = r.json()
    assert body["hint"] == SERVE
    assert body["detail"].endswith("; to read words outside the vocabulary by meaning, start the server with eqmorph "
                                   "serve --open-vocab")
    assert "eqmorph.load" not in body["detail"]  # the library's keyword is no server user's


def test_without_the_text_extra_the_hint_names_its_install_command(client, monkeypatch):
    monkeypatch.setattr(open_vocab_hint, "text_extra_installed", lambda: False)
    body = client.get("/api/morph", params={"a": "warm", "b": "velvety", "alpha": "0.5"}).json()
    assert body["error"] == "unknown_word" and body["parameter"] == "b"
    assert body["hint"].startswith("To read words outside the vocabulary by meaning, install the text extra (")
    assert "[text]" in body["hint"] and body["hint"].endswith(") and start the server with eqmorph serve --open-vocab.")


@pytest.mark.parametrize("word", ["hello", "qwrtzx"])
def test_no_hint_for_a_word_the_open_vocabulary_would_refuse_too(client, word):
    body = client.get("/api/generate", params={"word": word}).json()
    assert body["error"] == "unknown_word" and body["hint"] is None
    assert "open-vocab" not in body["detail"]
