"""Phrases in, words out: the language layer (/api/parse, phrases in word parameters) and /api/describe."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.language.phrase_text import MAX_TEXT_CHARS


def test_parse_answers_the_interpretation_the_library_gives(client, tiny_model):
    body = client.get("/api/parse", params={"text": "less muddy"}).json()
    meant = tiny_model.parse("less muddy")
    assert body["summary"] == str(meant)
    assert [(w["word"], w["weight"]) for w in body["weights"]] == [("muddy", -1.0)]


def test_a_phrase_is_a_word_everywhere_a_word_is(client, tiny_model):
    r = client.get("/api/morph", params={"a": "less muddy", "b": "warm", "alpha": "0.25"})
    assert r.status_code == 200
    assert r.json()["words"] == ["less muddy", "warm"]
    np.testing.assert_array_equal(r.json()["vector"], tiny_model.interpolate("less muddy", "warm", 0.25).to_vector())


def test_an_unknown_word_in_a_phrase_is_a_404_naming_the_parameter(client):
    r = client.get("/api/parse", params={"text": "velvety"})
    assert r.status_code == 404
    assert (r.json()["error"], r.json()["parameter"]) == ("unknown_word", "text")


@pytest.mark.parametrize("path,params,name", [("/api/parse", {}, "text"), ("/api/generate", {}, "word"),
                                              ("/api/morph", {"b": "bright", "alpha": "0.5"}, "a")])
def test_text_longer_than_the_language_layer_takes_is_refused(client, path, params, name):
    at_limit = client.get(path, params={**params, name: "warm " + "a" * (MAX_TEXT_CHARS - 5)})
    r = client.get(path, params={**params, name: "w" * (MAX_TEXT_CHARS + 1)})
    assert at_limit.status_code != 422
    assert r.status_code == 422 and r.json()["parameter"] == name
    assert client.get("/api/limits").json()["text_chars"] == MAX_TEXT_CHARS


ONLY_DEGREE = "very"  # a degree word with no descriptor after it
CONTRADICTION = "more warm, less warm"  # descriptors that cancel out


@pytest.mark.parametrize("path,params,parameter", [
    ("/api/generate", {"word": ONLY_DEGREE}, "word"),
    ("/api/generate", {"word": CONTRADICTION}, "word"),
    ("/api/morph", {"a": ONLY_DEGREE, "b": "warm", "alpha": "0.5"}, "a"),
    ("/api/morph", {"a": "warm", "b": CONTRADICTION, "alpha": "0.5"}, "b"),
    ("/api/sample", {"word": ONLY_DEGREE}, "word"),
    ("/api/export", {"word": CONTRADICTION}, "word"),
    ("/api/export", {"a": "warm", "b": ONLY_DEGREE, "alpha": "0.5"}, "b"),
    ("/api/describe", {"word": ONLY_DEGREE}, "word"),
    ("/api/describe", {"a": CONTRADICTION, "b": "warm", "alpha": "0.5"}, "a"),
    ("/api/parse", {"text": CONTRADICTION}, "text"),
])
def test_a_phrase_the_language_layer_refuses_is_422_naming_the_parameter_sent(client, path, params, parameter):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert (body["error"], body["parameter"], body["value"]) == ("invalid_parameter", parameter, params[parameter])
    assert body["allowed"] and body["detail"].startswith(f"{parameter}=")


@pytest.mark.parametrize("phrase", [ONLY_DEGREE, CONTRADICTION])
def test_a_phrase_the_language_layer_refuses_in_a_blend_names_the_weights(client, phrase):
    r = client.post("/api/blend", json={"weights": {"warm": 1, phrase: 1}})
    assert r.status_code == 422, r.text
    body = r.json()
    assert (body["parameter"], body["value"]) == ("weights", phrase)
    assert body["detail"].startswith("weights=")


def test_describe_names_the_words_an_eq_sounds_like(client, tiny_model):
    # language=any: the tiny model's words carry no language (its data has none), so they are no English words.
    body = client.get("/api/describe", params={"word": "warm", "k": "3", "language": "any"}).json()
    eq = tiny_model.generate("warm")
    assert [(s["word"], s["score"]) for s in body["sounds_like"]] == [
        (w, round(s, 4)) for w, s in tiny_model.describe(eq, 3)]
    assert body["sounds_like"][0]["word"] == "warm"
    assert body["text"] == tiny_model.describe_text(eq)


def test_describe_of_a_morph_describes_the_morphs_eq(client, tiny_model):
    r = client.get("/api/describe", params={"a": "warm", "b": "thin", "alpha": "0.7", "intensity": "1.5"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["words"], body["alpha"], body["intensity"]) == (["warm", "thin"], 0.7, 1.5)
    assert body["text"] == tiny_model.describe_text(tiny_model.interpolate("warm", "thin", 0.7, 1.5), language="en")
