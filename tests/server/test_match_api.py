"""POST /api/match: two spectra measured as the page measures them -> the EQ between them, its words and files."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from scipy.signal import sosfilt

from eqmorph.core import dsp
from eqmorph.core.fit import fit_grid
from eqmorph.server.limits import DEFAULT_MAX_BODY_BYTES

SR = 48000
N_FFT = 8192  # a client's FFT length: the API takes any (the page sends the library's, up to 131,072)
KNOWN = np.array([[-6.0, 200.0, 0.71], [0.0, 500.0, 1.0], [4.0, 2000.0, 1.2], [0.0, 5000.0, 1.0], [6.0, 6000.0, 0.71]])


def page_spectrum(x: np.ndarray, sr: int = SR) -> dict:
    """A client's spectrum (what match.js sent before new-user trial 8): Welch with Hann frames of N_FFT, hop N_FFT / 2,
    power in dB to 0.1 dB."""
    window = np.hanning(N_FFT)
    frames = np.lib.stride_tricks.sliding_window_view(x, N_FFT)[:: N_FFT // 2]
    power = (np.abs(np.fft.rfft(frames * window, axis=-1)) ** 2).mean(0) / (sr * np.sum(window**2))
    rms = float(np.mean(x**2))
    return {"sample_rate": sr, "power_db": np.round(10 * np.log10(np.maximum(power, 1e-30)), 1).tolist(),
            "seconds": len(x) / sr, "channels": 1, "rms_dbfs": 10 * np.log10(rms) if rms > 0 else None,
            "clipped_runs": 0}


@pytest.fixture(scope="module")
def dry_and_wet():
    rng = np.random.default_rng(0)
    dry = 0.1 * rng.standard_normal(SR * 4)
    return dry, sosfilt(dsp.sos_np(KNOWN, SR), dry)


def test_the_match_recovers_a_known_eq_and_names_it(client, dry_and_wet):
    dry, wet = dry_and_wet
    body = {"input": page_spectrum(dry), "reference": page_spectrum(wet)}
    assert len(json.dumps(body)) < DEFAULT_MAX_BODY_BYTES  # the page's request fits the stated limit
    r = client.post("/api/match", json=body)
    assert r.status_code == 200, r.text
    answer = r.json()
    freqs = np.asarray(answer["eq"]["response"]["freqs_hz"])
    got, want = np.asarray(answer["eq"]["response"]["db"]), dsp.response_db_np(KNOWN, freqs, SR)
    band = (freqs > 60) & (freqs < 15000)
    error = (got - want)[band]
    assert np.sqrt(np.mean((error - error.mean()) ** 2)) < 1.0  # level-free, as the match is
    assert answer["sounds_like"] and isinstance(answer["text"], str)
    assert any(line.startswith("Preamp:") for line in answer["exports"]["apo"].splitlines())
    assert set(answer["exports"]) == {"json", "apo", "csv"}


def test_a_silent_reference_is_a_clear_error_naming_it(client, dry_and_wet):
    dry, _ = dry_and_wet
    r = client.post("/api/match", json={"input": page_spectrum(dry), "reference": page_spectrum(np.zeros(SR))})
    assert r.status_code == 422 and r.json()["parameter"] == "reference.rms_dbfs"
    assert r.json()["detail"].startswith("the reference recording is silent")


def test_a_malformed_spectrum_is_a_422_naming_the_field(client, dry_and_wet):
    dry, _ = dry_and_wet
    spec = page_spectrum(dry)
    r = client.post("/api/match", json={"input": {**spec, "power_db": [0.0] * 10}, "reference": spec})
    assert r.status_code == 422 and r.json()["parameter"].startswith("input.power_db")


def test_the_page_matches_two_local_files_and_offers_the_result(browser, live_server, dry_and_wet, tmp_path):
    from browser_fixtures import open_page

    sf = pytest.importorskip("soundfile")
    dry, wet = dry_and_wet
    sf.write(tmp_path / "dry.wav", dry.astype(np.float32), SR, subtype="FLOAT")
    sf.write(tmp_path / "wet.wav", wet.astype(np.float32), SR, subtype="FLOAT")
    with open_page(browser, live_server.url) as page:
        page.click(".match summary")
        page.set_input_files("#match-input", str(tmp_path / "dry.wav"))
        page.set_input_files("#match-reference", str(tmp_path / "wet.wav"))
        page.click("#match-run")
        page.wait_for_selector("#match-result[data-text]", state="attached")
        got = np.asarray(json.loads(page.get_attribute("#curve", "data-match")))
        assert page.get_attribute("#match-apo", "href").startswith("blob:")
        assert page.is_visible("#legend-match-row")
    freqs = dsp.log_freq_grid(len(got))
    error = (got - dsp.response_db_np(KNOWN, freqs, SR))[(freqs > 60) & (freqs < 15000)]
    assert np.sqrt(np.mean((error - error.mean()) ** 2)) < 1.0


def test_the_matchs_words_judge_its_shape_not_its_level(client, tiny_model, dry_and_wet):
    from eqmorph import EQ

    dry, wet = dry_and_wet
    answer = client.post("/api/match", json={"input": page_spectrum(dry), "reference": page_spectrum(wet)}).json()
    m = tiny_model
    eq = EQ.from_array([[b["gain_db"], b["freq_hz"], b["q"]] for b in answer["eq"]["bands"]])
    # In English, as the comparison beside them.
    assert [w["word"] for w in answer["sounds_like"]] == [
        w for w, _ in m.describe(eq, None, level_free=True, language="en")][:5]
    assert answer["text"] == m.describe_text(eq, level_free=True, language="en")


def test_the_match_says_what_changed_in_the_clis_sentence_and_its_files_claim_no_words(client, tiny_model,
                                                                                        dry_and_wet):
    from eqmorph import EQ

    dry, wet = dry_and_wet
    answer = client.post("/api/match", json={"input": page_spectrum(dry), "reference": page_spectrum(wet)}).json()
    eq = EQ.from_array([[b["gain_db"], b["freq_hz"], b["q"]] for b in answer["eq"]["bands"]])
    # what `eqmorph match` prints: the words, the largest boost and cut, the fit error (MatchResult.difference_text)
    words = tiny_model.describer.compare(eq)
    assert answer["comparison"].startswith(f"{words}; largest moves +") and words.startswith("the reference ")
    moves = [float(v) for v in re.findall(r"([+-]\d+\.\d) dB at", answer["comparison"])]
    response = eq.response_db(fit_grid())
    assert moves == pytest.approx([response.max(), response.min()], abs=0.3)
    assert answer["comparison"].endswith(f"(fit error {answer['rms_db']:.2f} dB RMS)")
    header = answer["exports"]["apo"].splitlines()[0]
    assert header.startswith("# eqmorph") and "match" not in header and "intensity" not in header


def test_the_words_say_the_recordings_difference_whatever_amount_is_applied(client, dry_and_wet):
    # At amount 0 the EQ applied is flat, yet the recordings still differ: the words say how.
    dry, wet = dry_and_wet
    full = client.post("/api/match", json={"input": page_spectrum(dry), "reference": page_spectrum(wet)}).json()
    none = client.post("/api/match", json={"input": page_spectrum(dry), "reference": page_spectrum(wet),
                                           "amount": 0.0}).json()
    assert all(band["gain_db"] == 0.0 for band in none["eq"]["bands"])
    assert none["comparison"] == full["comparison"] and "the same in tone" not in none["comparison"]
    assert none["text"] == full["text"]


def test_at_any_amount_the_answer_gives_the_full_matchs_fit_error_beside_its_own(client, dry_and_wet):
    dry, wet = dry_and_wet
    spectra = {"input": page_spectrum(dry), "reference": page_spectrum(wet)}
    full = client.post("/api/match", json={**spectra, "amount": 1.0}).json()
    half = client.post("/api/match", json={**spectra, "amount": 0.5}).json()
    assert full["full_rms_db"] == full["rms_db"]
    assert half["full_rms_db"] == full["rms_db"]  # what the comparison describes, whatever share is applied
    assert half["comparison"] == full["comparison"]


def test_a_spectrums_frame_count_is_the_one_its_client_says():
    """The page sends how many frames it averaged (its frames are the library's, a quarter overlapping): the
    match's estimation noise (smoothing_counts) counts them, as `eqmorph match` does; a client that does not say
    gets half-overlapping frames of its FFT length assumed."""
    from eqmorph.server.schemas import SpectrumIn
    from eqmorph.server.service import _spectrum

    said = page_spectrum(0.1 * np.random.default_rng(4).standard_normal(3 * SR))
    assert _spectrum(SpectrumIn(**said)).frames_averaged == 2 * 3 * SR // N_FFT - 1
    assert _spectrum(SpectrumIn(**said, frames_averaged=7)).frames_averaged == 7


def test_a_page_spectrum_of_a_quiet_16_bit_file_is_matched_only_above_its_noise_floor(client):
    # A ninth new-user trial: the page matched a quiet 16-bit file on its rounding noise, where eqmorph match leaves
    # that out; the page now sends the file's bits.
    from scipy.signal import butter, sosfilt

    from eqmorph.audio.spectrum import audio_spectrum

    rng = np.random.default_rng(5)
    noise = rng.standard_normal(SR * 6)
    dark = sosfilt(butter(4, 3000.0, fs=SR, output="sos"), noise) + 0.01 * sosfilt(
        butter(4, 3000.0, btype="high", fs=SR, output="sos"), noise)

    def sent(x, bits):
        if bits:
            x = np.round(x * 2.0 ** (bits - 1)) / 2.0 ** (bits - 1)  # the file's samples
        s = audio_spectrum(x, SR)
        return {"sample_rate": SR, "power_db": np.round(10 * np.log10(np.maximum(s.power, 1e-30)), 2).tolist(),
                "seconds": s.seconds, "channels": 1, "rms_dbfs": s.rms_dbfs, "clipped_runs": 0,
                "frames_averaged": s.n_frames, "bits": bits}

    quiet = dark * 10 ** (-75 / 20) / np.sqrt(np.mean(dark**2))
    loud = dark * 10 ** (-20 / 20) / np.sqrt(np.mean(dark**2))
    answers = {bits: client.post("/api/match", json={"input": sent(quiet, bits), "reference": sent(loud, 16)}).json()
               for bits in (16, None)}
    assert any("16-bit samples' noise floor" in w for w in answers[16]["warnings"])
    assert not any("noise floor" in w for w in answers[None]["warnings"])


def test_the_match_files_say_the_band_the_match_covers(client, dry_and_wet, tmp_path):
    # A thirteenth new-user trial: the page's "Match as JSON" of a guitar (nothing above 7 kHz) matched to its copy
    # through "less muddy" was described "very bright", judged where the match had not looked (`eqmorph describe`
    # judges a match's preset in the band it says: tests/cli/test_cli_trial13.py).
    from scipy.signal import butter

    from eqmorph.io.presets import import_preset

    dry, wet = dry_and_wet
    low_pass = butter(16, 5000.0, fs=SR, output="sos")
    answer = client.post("/api/match", json={"input": page_spectrum(sosfilt(low_pass, dry)),
                                             "reference": page_spectrum(sosfilt(low_pass, wet))}).json()
    kept = json.loads(answer["exports"]["json"])["band_hz"]
    assert kept[0] < 25.0 and 4000.0 < kept[1] < 10000.0  # the low-pass's -60 dB point, not 20 kHz
    assert re.search(r": band \d+\.\d-\d+\.\d Hz; model ", answer["exports"]["apo"].splitlines()[0])
    full = client.post("/api/match", json={"input": page_spectrum(dry), "reference": page_spectrum(wet)}).json()
    assert json.loads(full["exports"]["json"])["band_hz"] is None  # a match over the whole band says none
    for fmt, suffix in (("json", ".json"), ("apo", ".txt"), ("csv", ".csv")):
        path = tmp_path / f"m{suffix}"
        path.write_text(answer["exports"][fmt])
        assert import_preset(path).provenance["band_hz"] == pytest.approx(kept, abs=0.1)
