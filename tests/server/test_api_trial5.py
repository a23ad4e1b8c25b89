"""Trial 5, the HTTP API: repeated query parameters, JSON values in error messages, describe's language, what
/api/parse adds for the page (language, word-map place) and the match's refusals in a person's words."""

from __future__ import annotations

import json

import numpy as np
import pytest
from fastapi.testclient import TestClient

from eqmorph.semantic.match_inputs import MIN_SECONDS
from eqmorph.server import create_app

SR = 48_000


@pytest.mark.parametrize("path,query,name", [
    ("/api/morph", "a=warm&a=bright&b=thin&alpha=0.5", "a"),
    ("/api/morph", "a=warm&b=thin&alpha=0.5&alpha=0.7&alpha=1", "alpha"),
    ("/api/generate", "word=warm&word=thin", "word"),
    ("/api/describe", "word=warm&intensity=1&intensity=2", "intensity"),
    ("/api/words", "search=wa&search=th", "search"),
])
def test_a_query_parameter_given_twice_is_refused_naming_it_and_how_often(client, path, query, name):
    r = client.get(f"{path}?{query}")
    assert r.status_code == 422, r.text
    body = r.json()
    assert (body["error"], body["parameter"]) == ("invalid_parameter", name)
    times = [pair.split("=")[0] for pair in query.split("&")].count(name)
    assert body["detail"].startswith(f"{name} was given {times} times")


def test_a_repeated_parameter_is_refused_on_the_short_path_and_the_validating_one_alike(tiny_model):
    with TestClient(create_app(tiny_model, short_path=False)) as slow:
        fast = create_app(tiny_model)
        with TestClient(fast) as quick:
            for query in ("a=warm&b=thin&b=thin&alpha=0.5", "a=warm&b=thin&alpha=0.5&other=1&other=2"):
                answers = [c.get(f"/api/morph?{query}") for c in (slow, quick)]
                assert answers[0].status_code == answers[1].status_code
                assert answers[0].content == answers[1].content
    assert answers[0].status_code == 422  # a parameter the route does not take is refused (a typo was ignored)


@pytest.mark.parametrize("path,query,typo", [("/api/morph", "a=warm&b=thin&alpha=0.5&intesity=3", "intesity"),
                                             ("/api/generate", "word=warm&intensty=3", "intensty"),
                                             ("/api/generate", "word=warm&sorce=safe", "sorce")])
def test_a_misspelt_query_parameter_is_refused_naming_it_and_what_the_route_takes(tiny_model, path, query, typo):
    with TestClient(create_app(tiny_model, short_path=False)) as slow, TestClient(create_app(tiny_model)) as quick:
        answers = [c.get(f"{path}?{query}") for c in (slow, quick)]
    assert answers[0].content == answers[1].content  # the short path hands it to the route
    body = answers[0].json()
    assert answers[0].status_code == 422 and body["parameter"] == typo  # it answered 200 with the default intensity
    assert body["detail"].startswith(f'unknown query parameter "{typo}"') and "intensity" in body["detail"]


def test_the_page_takes_any_query_a_link_may_carry(client):
    assert client.get("/?utm_source=newsletter").status_code == 200


@pytest.mark.parametrize("sent,shown", [(True, "true"), (False, "false"), ([1], "[1]"), ({"w": 1}, '{"w": 1}')])
def test_a_json_value_is_echoed_as_json_not_as_python(client, sent, shown):
    body = client.post("/api/blend", json={"weights": {"warm": 1}, "source": sent}).json()
    assert body["parameter"] == "source" and body["value"] == shown
    assert "True" not in json.dumps(body) and "None" not in json.dumps(body)


def test_a_library_refusal_quotes_the_value_as_json(bundled):
    body = bundled.post("/api/blend", json={"weights": {"warm": 1}, "source": "reddit"}).json()
    assert body["detail"].startswith('source="reddit" is not allowed: expected ')


# --- describe's language ---------------------------------------------------------------------------------------

def _spanish_only(model, words):
    from eqmorph.semantic.describe import word_languages

    # A Spanish name of an English crowd word ("cálido": warm) is a Spanish word, the lexicon's translation.
    named = set(model.describer.spanish.values())
    return [w for w in words if w in named or word_languages(model.word_info(w).counts_by_language) == {"es"}]


def test_describe_speaks_english_by_default_as_the_cli(bundled):
    m = bundled.model
    body = bundled.get("/api/describe", params={"a": "warm", "b": "bright", "alpha": "0.5"}).json()
    eq = m.interpolate("warm", "bright", 0.5)
    assert body["language"] == "en"
    assert body["text"] == m.describe_text(eq, language="en")
    assert _spanish_only(m, [w for w, _ in m.describe(eq, 5, language="any")])  # every word's names a Spanish one
    assert _spanish_only(m, [w["word"] for w in body["sounds_like"]]) == []


def test_describe_in_spanish_names_spanish_words_only(bundled):
    m = bundled.model
    body = bundled.get("/api/describe", params={"word": "claro", "language": "es"}).json()
    words = [w["word"] for w in body["sounds_like"]]
    assert body["language"] == "es" and body["text"] == m.describe_text(m.generate("claro"), language="es")
    assert _spanish_only(m, words) == words


@pytest.mark.parametrize("language", ["en", "es", "any"])
def test_describe_lists_no_words_of_feeling_as_the_cli(bundled, language):
    # A trial: the page listed "melodic 0.97, scary 0.96" for warm where `eqmorph describe` leaves them out.
    from eqmorph.language.stoplist import feeling_words

    body = bundled.get("/api/describe", params={"word": "warm", "language": language, "k": "8"}).json()
    words = [w["word"] for w in body["sounds_like"]]
    assert len(words) == 8 and not set(words) & feeling_words()


def test_describe_in_any_language_is_the_librarys_every_word(bundled):
    m = bundled.model
    body = bundled.get("/api/describe", params={"word": "warm", "language": "any"}).json()
    assert body["language"] == "any" and body["text"] == m.describe_text(m.generate("warm"), language="any")


@pytest.mark.parametrize("language", ["fr", "english", ""])
def test_describe_refuses_a_language_naming_the_ones_it_takes(client, language):
    r = client.get("/api/describe", params={"word": "warm", "language": language})
    assert r.status_code == 422
    body = r.json()
    assert (body["parameter"], body["value"]) == ("language", language)
    for allowed in ("en", "es", "any"):
        assert allowed in body["allowed"]


# --- /api/parse: the text's language and place on the word map ----------------------------------------------------

@pytest.mark.parametrize("text,language", [
    ("claro", "es"), ("más cálido", "es"), ("warm", "en"), ("a bit brighter", "en"), ("claro but not bright", None),
])
def test_parse_says_which_language_the_text_is_in(bundled, text, language):
    assert bundled.get("/api/parse", params={"text": text}).json()["language"] == language


def test_a_vocabulary_word_is_placed_at_its_own_dot(bundled):
    dots = {w["word"]: (w["x"], w["y"]) for w in bundled.get("/api/words").json()["words"]}
    for text in ("warm", "Warm", "warmer"):  # spellings of the word: its dot, not the projection of its code
        place = bundled.get("/api/parse", params={"text": text}).json()["map"]
        np.testing.assert_allclose([place["x"], place["y"]], dots["warm"], atol=2e-3)


def test_a_phrase_is_placed_where_its_code_projects_inside_the_map(bundled):
    m = bundled.model
    place = bundled.get("/api/parse", params={"text": "warm but not muddy"}).json()["map"]
    assert -1 <= place["x"] <= 1 and -1 <= place["y"] <= 1
    codes = np.stack([m.centroid(w) for w in m.terms])
    xy = m.word_map
    nearest = m.terms[int(np.argmin(np.linalg.norm(codes - m.centroid("warm but not muddy"), axis=1)))]
    dots = {w: xy[i] for i, w in enumerate(m.terms)}
    # The word whose code is nearest the phrase's is nearer it on the map than the map's far side.
    assert np.linalg.norm(dots[nearest] - [place["x"], place["y"]]) < 1.0


# --- the match's refusals ------------------------------------------------------------------------------------------

def _spectrum(seconds: float, rms_dbfs: float | None = -20.0) -> dict:
    return {"sample_rate": SR, "power_db": [-40.0] * 257, "seconds": seconds, "channels": 1, "rms_dbfs": rms_dbfs}


@pytest.mark.parametrize("seconds,said", [(0.3, "0.3 s"), (MIN_SECONDS - 1e-4, "0.49 s"), (0.004, "4 ms")])
def test_a_short_recording_is_refused_in_seconds_a_person_reads(client, seconds, said):
    r = client.post("/api/match", json={"input": _spectrum(2.0), "reference": _spectrum(seconds)})
    body = r.json()
    assert r.status_code == 422 and body["parameter"] == "reference.seconds"
    assert body["detail"] == f"the reference recording is {said} long; it must be at least {MIN_SECONDS:g} s"


@pytest.mark.parametrize("level,said", [(None, "every sample is 0"), (-120.0, "its level is -120 dBFS")])
def test_a_silent_recording_is_refused_naming_its_level(client, level, said):
    r = client.post("/api/match", json={"input": _spectrum(2.0, level), "reference": _spectrum(2.0)})
    body = r.json()
    assert r.status_code == 422 and body["parameter"] == "input.rms_dbfs"
    assert body["detail"].startswith(f"the input recording is silent ({said})")


def test_describe_of_a_crowds_eq_speaks_that_crowds_words(bundled):
    # A thirteenth new-user trial: with "Words as described by: SocialFX", warm was said "very romantic" (both crowds'
    # words) where m.describe_text(m.generate("warm", source="socialfx"), source="socialfx") says warm.
    m = bundled.model
    body = bundled.get("/api/describe", params={"word": "warm", "source": "socialfx"}).json()
    eq = m.generate("warm", source="socialfx")
    assert body["text"] == m.describe_text(eq, source="socialfx") != m.describe_text(eq)
    assert [w["word"] for w in body["sounds_like"]][0] == "warm"
