"""Trial 4: notes for a word a crowd never used, /api/words' phrase fallback, the match's body limit and fields,
and the table export shown rather than downloaded as a preset."""

from __future__ import annotations

import json

import numpy as np
import pytest

from eqmorph.cli.phrases import say_understood
from eqmorph.io.presets import FILE_FORMATS, format_for_path
from eqmorph.semantic.match_inputs import MIN_SECONDS
from eqmorph.server.limits import DEFAULT_MAX_BODY_BYTES, MATCH_MAX_BODY_BYTES
from eqmorph.server.schemas import MAX_SPECTRUM_BINS

NEVER_SAFE = "cold"  # a word of socialfx's that safe never used (counts_by_source["safe"] == 0), with no other note
SR = 48000


def note_for(word: str, source: str = "safe") -> str:
    return f"{source} never used {word!r}; using its EQ over both crowds"


# --- 14: notes -------------------------------------------------------------------------------------------------
def test_the_fixture_word_is_one_safe_never_used(bundled):
    counts = bundled.model.word_info(NEVER_SAFE).counts_by_source
    assert counts.get("safe", 0) == 0 and counts.get("socialfx", 0) > 0


def test_generate_notes_a_word_the_crowd_never_used_in_the_clis_words(bundled, capsys):
    body = bundled.get("/api/generate", params={"word": NEVER_SAFE, "source": "safe"}).json()
    assert body["notes"] == [note_for(NEVER_SAFE)]
    say_understood(bundled.model, NEVER_SAFE, command="generate", source="safe")
    assert capsys.readouterr().err.strip() == f"eqmorph generate: note: {body['notes'][0]}"


def test_a_word_the_crowd_used_and_an_answer_for_both_crowds_have_no_notes(bundled):
    assert bundled.get("/api/generate", params={"word": NEVER_SAFE, "source": "socialfx"}).json()["notes"] == []
    assert bundled.get("/api/generate", params={"word": NEVER_SAFE}).json()["notes"] == []
    assert bundled.get("/api/generate", params={"word": "warm", "source": "safe"}).json()["notes"] == []


def test_a_band_word_is_the_same_for_every_crowd_and_gets_no_note(bundled):
    body = bundled.get("/api/generate", params={"word": "more presence", "source": "safe"})
    assert body.status_code == 200, body.text
    assert body.json()["notes"] == []


def test_a_phrase_notes_the_words_it_stands_for_that_the_crowd_never_used(bundled):
    m = bundled.model
    standing_for = [w for w, _ in m.resolve("más cálido")]
    unused = [w for w in standing_for if m.word_info(w).counts_by_source.get("safe", 0) == 0]
    assert unused and len(unused) < len(standing_for)  # the phrase mixes used and unused words
    body = bundled.get("/api/generate", params={"word": "más cálido", "source": "safe"}).json()
    assert body["notes"] == [note_for(w) for w in unused]


def test_a_morph_notes_each_end_the_crowd_never_used_once(bundled):
    params = {"a": NEVER_SAFE, "b": "warm", "alpha": "0.5", "source": "safe"}
    assert bundled.get("/api/morph", params=params).json()["notes"] == [note_for(NEVER_SAFE)]
    same_word_twice = bundled.get("/api/morph", params={**params, "b": NEVER_SAFE}).json()
    assert same_word_twice["notes"] == [note_for(NEVER_SAFE)]


def test_describe_blend_and_sample_carry_the_same_notes(bundled):
    describe = bundled.get("/api/describe", params={"word": NEVER_SAFE, "source": "safe"}).json()
    blend = bundled.post("/api/blend", json={"weights": {NEVER_SAFE: 1, "warm": 1}, "source": "safe"}).json()
    sample = bundled.get("/api/sample", params={"word": NEVER_SAFE, "n": "2", "source": "safe"}).json()
    assert describe["notes"] == blend["notes"] == [note_for(NEVER_SAFE)]
    assert [eq["notes"] for eq in sample["eqs"]] == [[note_for(NEVER_SAFE)]] * 2


@pytest.mark.parametrize("spelled", ["SAFE", "Safe", " safe "])
def test_a_crowd_in_any_case_is_answered_and_noted_under_its_own_name(bundled, spelled):
    body = bundled.get("/api/generate", params={"word": NEVER_SAFE, "source": spelled}).json()
    assert body["source"] == "safe" and body["notes"] == [note_for(NEVER_SAFE)]
    expected = bundled.model.generate(NEVER_SAFE, source="safe").to_vector()
    np.testing.assert_allclose(body["vector"], expected)
    morph = bundled.get("/api/morph", params={"a": "warm", "b": NEVER_SAFE, "alpha": "1", "source": spelled}).json()
    assert morph["source"] == "safe"
    export = bundled.get("/api/export", params={"word": "warm", "source": spelled})
    assert export.headers["content-disposition"].endswith('-safe.json"')


def test_every_eq_answer_of_a_model_without_crowds_has_empty_notes(client):
    answers = [client.get("/api/generate", params={"word": "warm"}).json(),
               client.get("/api/generate", params={"word": "less muddy"}).json(),
               client.get("/api/morph", params={"a": "warm", "b": "bright", "alpha": "0.3"}).json(),
               client.post("/api/blend", json={"weights": {"warm": 1}}).json(),
               *client.get("/api/sample", params={"word": "warm", "n": "2"}).json()["eqs"],
               client.get("/api/describe", params={"word": "warm"}).json()]
    assert [a["notes"] for a in answers] == [[]] * len(answers)


# --- 15: /api/words falls back on the language layer ------------------------------------------------------------
@pytest.mark.parametrize("text,words", [("cálido", ["warm", "caliente"]), ("less muddy", ["muddy"])])
def test_a_search_no_word_contains_answers_the_words_the_phrase_stands_for(bundled, text, words):
    body = bundled.get("/api/words", params={"search": text}).json()
    assert [w["word"] for w in body["words"]] == words and body["total"] == len(words)
    assert body["interpretation"] == str(bundled.model.parse(text))
    entry = bundled.get("/api/words", params={"search": words[0]}).json()["words"][0]
    assert body["words"][0] == entry  # the same entry (count, confidence, map position) as a plain search gives


def test_a_search_some_word_contains_lists_those_words_without_an_interpretation(bundled):
    body = bundled.get("/api/words", params={"search": "war"}).json()
    assert "warm" in [w["word"] for w in body["words"]] and body["interpretation"] is None
    assert bundled.get("/api/words").json()["interpretation"] is None


@pytest.mark.parametrize("text", ["zzzq", "very", "hello"])
def test_a_search_neither_a_word_nor_a_phrase_finds_nothing_without_an_error(bundled, text):
    r = bundled.get("/api/words", params={"search": text})
    assert r.status_code == 200
    assert (r.json()["total"], r.json()["words"], r.json()["interpretation"]) == (0, [], None)


# --- 16: the match's body limit, short recordings, amount -------------------------------------------------------
def spectrum(x: np.ndarray, bins: int, decimals: int | None = None) -> dict:
    """A Welch spectrum of ``x`` with ``bins`` bins from 0 Hz to Nyquist, as /api/match takes it."""
    n_fft = 2 * (bins - 1)
    window = np.hanning(n_fft)
    frames = np.lib.stride_tricks.sliding_window_view(x, n_fft)[:: n_fft // 2]
    power = (np.abs(np.fft.rfft(frames * window, axis=-1)) ** 2).mean(0) / (SR * np.sum(window**2))
    db = 10 * np.log10(np.maximum(power, 1e-30))
    return {"sample_rate": SR, "power_db": (db if decimals is None else np.round(db, decimals)).tolist(),
            "seconds": len(x) / SR, "channels": 1, "rms_dbfs": float(10 * np.log10(np.mean(x**2))),
            "clipped_runs": 0}


@pytest.fixture(scope="module")
def noise() -> np.ndarray:
    return 0.1 * np.random.default_rng(4).standard_normal(SR * 3)


def test_match_accepts_the_most_bins_its_schema_admits_written_at_full_precision(client, noise):
    spec = spectrum(noise, MAX_SPECTRUM_BINS)
    data = json.dumps({"input": spec, "reference": spec}).encode()  # numpy's floats in full, as json writes them
    assert len(data) > DEFAULT_MAX_BODY_BYTES  # what used to be refused with 413
    r = client.post("/api/match", content=data, headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text[:300]
    schema = client.get("/openapi.json").json()["components"]["schemas"]["SpectrumIn"]
    assert schema["properties"]["power_db"]["maxItems"] == MAX_SPECTRUM_BINS


def test_a_match_body_over_its_own_limit_is_413_naming_that_limit(client):
    padded = b'{"input": 1' + b" " * MATCH_MAX_BODY_BYTES + b"}"
    r = client.post("/api/match", content=padded, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["limit_bytes"] == MATCH_MAX_BODY_BYTES


def test_the_larger_match_limit_is_for_the_match_only(client, noise):
    spec = spectrum(noise, MAX_SPECTRUM_BINS)
    data = json.dumps({"weights": {"warm": 1}, "pad": spec}).encode()
    assert DEFAULT_MAX_BODY_BYTES < len(data) < MATCH_MAX_BODY_BYTES
    r = client.post("/api/blend", content=data, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["limit_bytes"] == DEFAULT_MAX_BODY_BYTES


@pytest.mark.parametrize("role", ["input", "reference"])
def test_a_recording_too_short_to_match_is_422_naming_its_seconds(client, noise, role):
    spec = spectrum(noise, 4097, decimals=1)
    short = {**spec, "seconds": MIN_SECONDS / 2}
    r = client.post("/api/match", json={"input": spec, "reference": spec, role: short})
    assert r.status_code == 422
    body = r.json()
    assert (body["error"], body["parameter"]) == ("invalid_parameter", f"{role}.seconds")
    assert str(MIN_SECONDS) in body["allowed"] and f"the {role} is " in body["allowed"]  # in its own samples


def test_the_match_answers_its_amount_as_amount_and_as_the_eqs_intensity(client, noise):
    spec = spectrum(noise, 4097, decimals=1)
    body = client.post("/api/match", json={"input": spec, "reference": spec, "amount": 0.25}).json()
    assert body["amount"] == 0.25 and body["eq"]["intensity"] == 0.25  # the full match's gains, scaled
    assert body["eq"]["notes"] == []


# --- 17: the table export -----------------------------------------------------------------------------------------
def test_the_table_export_is_shown_inline_not_downloaded_under_a_preset_name(client):
    r = client.get("/api/export", params={"word": "warm", "format": "table"})
    assert r.status_code == 200 and r.headers["content-disposition"] == "inline"
    assert r.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_every_downloaded_export_is_named_as_the_format_it_holds(client, fmt):
    r = client.get("/api/export", params={"word": "warm", "format": fmt})
    disposition = r.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="')
    assert format_for_path(disposition.split('"')[1]) == fmt  # so `eqmorph import` reads it back as that format


@pytest.mark.parametrize("text", ["flat", "a bit flat", "warm and flat"])
def test_a_word_that_names_an_eq_setting_is_noted_as_the_crowds_sound_in_the_api_and_the_cli(bundled, capsys, text):
    # A trial: "generate flat" gave -6 dB at 150 Hz and +3.5 dB at 3 kHz; an engineer's "flat" does nothing.
    flat = f"'flat' is the crowd's word for a sound ({bundled.model.counts['flat']} examples), not an EQ that does "
    body = bundled.get("/api/generate", params={"word": text}).json()
    assert len(body["notes"]) == 1 and body["notes"][0].startswith(flat) and "intensity 0" in body["notes"][0]
    say_understood(bundled.model, text, command="generate")
    assert f"eqmorph generate: note: {body['notes'][0]}" in capsys.readouterr().err
    assert bundled.get("/api/generate", params={"word": "warm"}).json()["notes"] == []
