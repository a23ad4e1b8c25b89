"""The JSON API on the tiny model: shapes, agreement with the library, and every kind of bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

from eqmorph.core.dsp import log_freq_grid
from eqmorph.core.ranges import BAND_KINDS, BAND_NAMES
from eqmorph.io.presets import FORMATS, format_eq, format_for_path, from_csv, from_json
from eqmorph.language.phrase_text import MAX_TEXT_CHARS

GRID_HZ = log_freq_grid(128)
SAMPLE_RATE = 48000.0


def _vector(body) -> np.ndarray:
    return np.asarray(body["vector"], dtype=np.float64)


def _check_eq_body(body, eq) -> None:
    """``body`` describes ``eq``: 15 parameters with units, bands in order, response on the grid."""
    assert len(body["vector"]) == 15
    np.testing.assert_array_equal(_vector(body), eq.to_vector())
    assert [b["name"] for b in body["bands"]] == list(BAND_NAMES)
    assert [b["type"] for b in body["bands"]] == list(BAND_KINDS)
    rows = np.array([[b["gain_db"], b["freq_hz"], b["q"]] for b in body["bands"]])
    np.testing.assert_array_equal(rows, eq.to_array())
    assert body["units"] == {"gain_db": "dB", "freq_hz": "Hz", "q": "dimensionless"}  # eqmorph.core.schema.UNITS
    curve = body["response"]
    assert curve["sample_rate"] == SAMPLE_RATE
    np.testing.assert_allclose(curve["freqs_hz"], GRID_HZ, atol=0.006)
    np.testing.assert_allclose(curve["db"], eq.response_db(GRID_HZ, SAMPLE_RATE), atol=6e-5)


# --- what the endpoints answer ----------------------------------------------------------------
def test_health_names_the_model_and_its_vocabulary_size(client, tiny_model):
    body = client.get("/api/health").json()
    assert body["model_id"] == tiny_model.model_id
    assert body["words"] == len(tiny_model.terms)
    assert body["grid"]["n_points"] == 128


def test_words_lists_every_word_with_count_confidence_and_map_position(client, tiny_model):
    body = client.get("/api/words").json()
    assert body["total"] == len(tiny_model.terms)
    assert [w["word"] for w in body["words"]] == list(tiny_model.terms)
    for i, w in enumerate(body["words"]):
        assert w["count"] == tiny_model.counts[w["word"]]
        assert w["confidence"] == pytest.approx(tiny_model.word_info(w["word"]).confidence, abs=1e-4)
        assert (w["x"], w["y"]) == pytest.approx(tuple(tiny_model.word_map[i]), abs=1e-4)


@pytest.mark.parametrize("query", ["r", "BR", "mud", "zzz", ""])
def test_words_search_filters_like_the_vocabulary_search(client, tiny_model, query):
    from eqmorph.language.spelling import search

    body = client.get("/api/words", params={"search": query}).json()
    expected = search(query, tiny_model.counts, len(tiny_model.terms))
    assert [(w["word"], w["count"]) for w in body["words"]] == expected


def test_words_limit_caps_the_list(client):
    assert len(client.get("/api/words", params={"limit": 2}).json()["words"]) == 2
    assert len(client.get("/api/words", params={"search": "", "limit": 3}).json()["words"]) == 3


@pytest.mark.parametrize("intensity", [1.0, 0.5, -1.0])
def test_generate_returns_the_library_eq_with_its_response(client, tiny_model, intensity):
    body = client.get("/api/generate", params={"word": "warm", "intensity": intensity}).json()
    _check_eq_body(body, tiny_model.generate("warm", intensity))
    assert (body["words"], body["intensity"], body["model_id"]) == (["warm"], intensity, tiny_model.model_id)


def test_generate_accepts_the_word_in_any_case_and_reports_the_known_spelling(client, tiny_model):
    body = client.get("/api/generate", params={"word": "  Warm "}).json()
    assert body["words"] == ["warm"]
    np.testing.assert_array_equal(_vector(body), tiny_model.generate("warm").to_vector())


@pytest.mark.parametrize("alpha", [0.0, 0.25, 0.7, 1.0])
def test_morph_returns_the_library_interpolation(client, tiny_model, alpha):
    body = client.get("/api/morph", params={"a": "muddy", "b": "thin", "alpha": alpha, "intensity": 0.8}).json()
    _check_eq_body(body, tiny_model.interpolate("muddy", "thin", alpha, 0.8))
    assert (body["words"], body["alpha"], body["intensity"]) == (["muddy", "thin"], alpha, 0.8)


@pytest.mark.parametrize("method", ["latent", "slerp", "params"])
def test_morph_takes_the_libraries_interpolation_method(client, tiny_model, method):
    # a new-user trial: the CLI and the library took method=, /api/morph answered 422 "unknown query parameter"
    body = client.get("/api/morph", params={"a": "muddy", "b": "thin", "alpha": 0.4, "method": method}).json()
    _check_eq_body(body, tiny_model.interpolate("muddy", "thin", 0.4, method=method))
    assert (body["words"], body["alpha"]) == (["muddy", "thin"], 0.4)


def test_morph_refuses_an_unknown_method_naming_the_methods(client):
    response = client.get("/api/morph", params={"a": "muddy", "b": "thin", "alpha": 0.4, "method": "cubic"})
    body = response.json()
    assert response.status_code == 422
    assert (body["parameter"], body["value"]) == ("method", "cubic") and "latent" in body["allowed"]


@pytest.mark.parametrize("intensity", [1.0, 1.7])
def test_morph_at_alpha_0_and_1_equals_generate_of_each_word(client, intensity):
    def get(path, **params):
        return client.get(path, params={**params, "intensity": intensity}).json()

    for alpha, word in ((0, "warm"), (1, "bright")):
        morph = get("/api/morph", a="warm", b="bright", alpha=alpha)
        gen = get("/api/generate", word=word)
        assert morph["vector"] == gen["vector"]
        assert morph["response"]["db"] == gen["response"]["db"]


def test_morph_changes_along_the_slider(client):
    curves = [client.get("/api/morph", params={"a": "warm", "b": "bright", "alpha": a}).json()["response"]["db"]
              for a in (0.0, 0.5, 1.0)]
    assert np.max(np.abs(np.subtract(curves[0], curves[1]))) > 0.5
    assert np.max(np.abs(np.subtract(curves[1], curves[2]))) > 0.5


def test_repeated_morph_requests_give_identical_answers(client):
    params = {"a": "warm", "b": "thin", "alpha": 0.123456}
    first, second = (client.get("/api/morph", params=params) for _ in range(2))
    assert first.content == second.content


def test_blend_returns_the_library_blend(client, tiny_model):
    weights = {"warm": 0.6, "bright": 0.4}
    r = client.post("/api/blend", json={"weights": weights, "intensity": 1.2})
    assert r.status_code == 200
    body = r.json()
    _check_eq_body(body, tiny_model.blend(weights, 1.2))
    assert body["weights"] == weights and body["words"] == ["warm", "bright"]


def test_sample_returns_n_reproducible_variations(client, tiny_model):
    params = {"word": "bright", "n": 3, "temperature": 0.5, "seed": 7}
    body = client.get("/api/sample", params=params).json()
    expected = tiny_model.sample("bright", 3, temperature=0.5, seed=7)
    assert body["n"] == 3 and len(body["eqs"]) == 3
    for got, eq in zip(body["eqs"], expected):
        _check_eq_body(got, eq)
    assert client.get("/api/sample", params=params).json() == body
    other = client.get("/api/sample", params={**params, "seed": 8}).json()
    assert other["eqs"][0]["vector"] != body["eqs"][0]["vector"]


@pytest.mark.parametrize("fmt,media", [("json", "application/json"), ("apo", "text/plain"), ("csv", "text/csv")])
def test_export_of_a_word_is_a_download_in_the_asked_format(client, tiny_model, fmt, media):
    r = client.get("/api/export", params={"word": "thin", "intensity": 1.5, "format": fmt})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    ext = {"json": "json", "apo": "txt", "csv": "csv"}[fmt]
    assert r.headers["content-disposition"] == f'attachment; filename="eqmorph-thin-x1.5.{ext}"'
    eq = tiny_model.generate("thin", 1.5)
    meta = {"words": ["thin"], "intensity": 1.5, "model_id": tiny_model.model_id}
    assert r.text == format_eq(eq, fmt, **meta)


def test_export_of_a_morph_reads_back_as_the_morph(client, tiny_model):
    params = {"a": "warm", "b": "bright", "alpha": 0.3}
    r = client.get("/api/export", params={**params, "format": "json"})
    assert 'filename="eqmorph-warm-to-bright-0.300.json"' in r.headers["content-disposition"]
    eq = tiny_model.interpolate("warm", "bright", 0.3)
    assert from_json(r.text) == eq
    csv_text = client.get("/api/export", params={**params, "format": "csv"}).text
    np.testing.assert_array_equal(from_csv(csv_text).to_array(), eq.to_array())


def test_export_writes_graphiceq_the_health_route_lists(client, tiny_model):
    assert "graphiceq" in client.get("/api/health").json()["formats"]
    r = client.get("/api/export", params={"word": "thin", "intensity": 1.5, "format": "graphiceq"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain")
    name = "eqmorph-thin-x1.5-GraphicEQ.txt"
    assert r.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert format_for_path(name) == "graphiceq"  # the CLI reads the download as GraphicEQ again
    written = format_eq(tiny_model.generate("thin", 1.5), "graphiceq")  # the io layer's one writer
    assert r.text.startswith("# eqmorph 5-band EQ as a GraphicEQ curve: words thin; intensity 1.5")
    assert r.text.splitlines()[1:] == written.splitlines()[1:]


def test_export_serves_every_format_the_health_route_lists_and_no_other(client, tiny_model):
    formats = client.get("/api/health").json()["formats"]
    assert sorted(formats) == sorted(FORMATS)
    params = {"a": "warm", "b": "bright", "alpha": 0.3}
    meta = {"words": ["warm", "bright"], "alpha": 0.3, "intensity": 1.0, "model_id": tiny_model.model_id}
    eq = tiny_model.interpolate("warm", "bright", 0.3)
    for fmt in formats:
        r = client.get("/api/export", params={**params, "format": fmt})
        assert r.status_code == 200, (fmt, r.text)
        assert r.text == format_eq(eq, fmt, **meta)
    refused = client.get("/api/export", params={**params, "format": "xml"}).json()
    assert refused["allowed"] == ", ".join(formats)


def test_openapi_schema_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/health", "/api/words", "/api/generate", "/api/morph", "/api/blend", "/api/sample",
                 "/api/export"):
        assert path in paths
    assert "post" in paths["/api/blend"]


def test_page_and_its_files_are_served_locally_with_a_self_only_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for ref in ("/static/app.js", "/static/style.css"):
        assert f'"{ref}"' in page.text
        assert client.get(ref).status_code == 200
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text


# --- bad input ---------------------------------------------------------------------------------
@pytest.mark.parametrize("path,params,parameter,word", [
    ("/api/generate", {"word": "wram"}, "word", "wram"),
    ("/api/morph", {"a": "wram", "b": "bright", "alpha": 0.5}, "a", "wram"),
    ("/api/morph", {"a": "warm", "b": "wram", "alpha": 0.5}, "b", "wram"),
    ("/api/sample", {"word": "wram"}, "word", "wram"),
    ("/api/export", {"word": "mudy"}, "word", "mudy"),
    ("/api/export", {"a": "warm", "b": "brit", "alpha": 0.5}, "b", "brit"),  # "brite" is bright (said "-ight")
])
def test_unknown_word_is_404_with_suggestions_and_their_counts(client, tiny_model, path, params, parameter, word):
    r = client.get(path, params=params)
    assert r.status_code == 404
    body = r.json()
    assert (body["error"], body["parameter"], body["word"]) == ("unknown_word", parameter, word)
    assert body["suggestions"], "a one-letter typo of a known word must get a suggestion"
    for s in body["suggestions"]:
        assert s["count"] == tiny_model.counts[s["word"]]


def test_unknown_word_in_a_blend_is_404_naming_the_weights(client, tiny_model):
    r = client.post("/api/blend", json={"weights": {"warm": 0.5, "wram": 0.5}})
    assert r.status_code == 404
    assert r.json()["parameter"] == "weights"
    assert {"word": "warm", "count": tiny_model.counts["warm"]} in r.json()["suggestions"]


def test_gibberish_gets_404_without_suggestions(client):
    body = client.get("/api/generate", params={"word": "qxzqxz"}).json()
    assert body["suggestions"] == []


MORPH = {"a": "warm", "b": "bright", "alpha": "0.5"}


@pytest.mark.parametrize("path,params,parameter", [
    ("/api/morph", {**MORPH, "alpha": "1.5"}, "alpha"),
    ("/api/morph", {**MORPH, "alpha": "-0.1"}, "alpha"),
    ("/api/morph", {**MORPH, "alpha": "nan"}, "alpha"),
    ("/api/morph", {**MORPH, "alpha": "NaN"}, "alpha"),
    ("/api/morph", {**MORPH, "alpha": "inf"}, "alpha"),
    ("/api/morph", {**MORPH, "alpha": "half"}, "alpha"),
    ("/api/morph", {**MORPH, "alpha": ""}, "alpha"),
    ("/api/morph", {"a": "warm", "b": "bright"}, "alpha"),
    ("/api/morph", {"a": "warm", "alpha": "0.5"}, "b"),
    ("/api/morph", {**MORPH, "intensity": "nan"}, "intensity"),
    ("/api/morph", {**MORPH, "intensity": "-inf"}, "intensity"),
    ("/api/morph", {**MORPH, "intensity": "4.5"}, "intensity"),
    ("/api/morph", {**MORPH, "a": "w" * (MAX_TEXT_CHARS + 1)}, "a"),
    ("/api/generate", {"word": ""}, "word"),
    ("/api/generate", {"word": "warm", "intensity": "1e999"}, "intensity"),
    ("/api/sample", {"word": "warm", "n": "0"}, "n"),
    ("/api/sample", {"word": "warm", "n": "65"}, "n"),
    ("/api/sample", {"word": "warm", "n": "2.5"}, "n"),
    ("/api/sample", {"word": "warm", "temperature": "nan"}, "temperature"),
    ("/api/sample", {"word": "warm", "temperature": "-1"}, "temperature"),
    ("/api/sample", {"word": "warm", "seed": "-1"}, "seed"),
    ("/api/words", {"limit": "0"}, "limit"),
    ("/api/export", {"word": "warm", "format": "xml"}, "format"),
    ("/api/export", {"word": "warm", "format": "../../etc/passwd"}, "format"),
    ("/api/export", {}, "word"),
    ("/api/export", {"a": "warm", "alpha": "0.5"}, "b"),
    ("/api/export", {"a": "warm", "b": "bright"}, "alpha"),
    ("/api/export", {"word": "warm", "a": "warm"}, "word"),
    ("/api/export", {"word": "warm", "alpha": "nan"}, "alpha"),
])
def test_bad_numbers_and_values_are_422_naming_the_parameter(client, path, params, parameter):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "invalid_parameter"
    assert body["parameter"] == parameter
    assert parameter in body["detail"]


@pytest.mark.parametrize("payload,parameter", [
    ('{"weights": {"warm": NaN}}', "weights.warm"),
    ('{"weights": {"warm": Infinity}}', "weights.warm"),
    ('{"weights": {"warm": -0.5, "bright": 1}}', "weights.warm"),
    ('{"weights": {"warm": "lots"}}', "weights.warm"),
    ('{"weights": {}}', "weights"),
    ('{"weights": {"warm": 0, "bright": 0}}', "weights"),
    ('{"weights": {"warm": 1}, "intensity": 9}', "intensity"),
    ('{"weights": {"warm": 1}, "model": "/etc/passwd"}', "model"),
    ('{"intensity": 1}', "weights"),
    ('{"weights": ', "body"),
    ('[1, 2]', "body"),
])
def test_bad_blend_bodies_are_422_naming_the_parameter(client, payload, parameter):
    r = client.post("/api/blend", content=payload, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["parameter"].startswith(parameter)


@pytest.mark.parametrize("sent", ['{"words": [', '{"weights": {"warm": 1,}}', "weights=warm"])
def test_a_blend_body_that_is_not_json_is_quoted_and_called_not_json(client, sent):
    r = client.post("/api/blend", content=sent, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    body = r.json()
    assert (body["parameter"], body["value"]) == ("body", sent)
    assert "not valid JSON" in body["allowed"] and "JSON object" in body["allowed"]
    assert body["detail"].startswith("body: not valid JSON")


def test_a_long_body_that_is_not_json_is_quoted_only_in_part(client):
    sent = '{"weights": {"' + "w" * 5000
    body = client.post("/api/blend", content=sent, headers={"content-type": "application/json"}).json()
    assert body["parameter"] == "body"
    assert body["value"] == sent[:80] + "..."


def test_error_bodies_echo_long_values_only_in_part(client):
    body = client.get("/api/morph", params={**MORPH, "alpha": "9" * 5000}).json()
    assert body["parameter"] == "alpha"
    assert len(body["value"]) < 100


def test_morph_values_are_finite_json_numbers_at_the_intensity_limits(client):
    for intensity in (-4, 4):
        body = client.get("/api/morph", params={**MORPH, "intensity": intensity}).json()
        assert all(math.isfinite(v) for v in body["response"]["db"] + body["vector"])


@pytest.mark.parametrize("headers,sent", [({"content-type": "application/x-www-form-urlencoded"},
                                           "Content-Type 'application/x-www-form-urlencoded'"),
                                          ({"content-type": "text/plain"}, "Content-Type 'text/plain'"),
                                          ({}, "no Content-Type")])
def test_a_json_body_sent_without_a_json_content_type_is_told_to_send_one(client, headers, sent):
    """curl -d sends a form: the body is never parsed, so 'a valid dictionary' would mislead."""
    payload = '{"weights": {"warm": 1}}'
    r = client.post("/api/blend", content=payload, headers=headers)
    assert r.status_code == 422, r.text
    body = r.json()
    assert (body["parameter"], body["value"]) == ("body", payload)
    assert "Content-Type: application/json" in body["detail"] and sent in body["detail"]
    assert "valid dictionary" not in r.text


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8",
                                          "application/vnd.api+json"])
def test_a_json_content_type_with_parameters_or_a_suffix_is_json(client, content_type):
    r = client.post("/api/blend", content='{"weights": {"warm": 1}}', headers={"content-type": content_type})
    assert r.status_code == 200, r.text


def test_export_reads_its_format_in_any_case_as_the_crowd_is(client):
    upper = client.get("/api/export", params={"word": "warm", "format": "JSON"})
    assert upper.status_code == 200, upper.text  # it was refused while source=SAFE was accepted
    assert upper.text == client.get("/api/export", params={"word": "warm", "format": "json"}).text
    assert client.get("/api/export", params={"word": "warm", "format": "XML"}).json()["value"] == "XML"
