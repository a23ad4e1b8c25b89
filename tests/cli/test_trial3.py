"""Trial 3 on the command line: converted presets keep their Preamp, capped intensities are said and labelled by every
command, one-line errors for unwritable folders, valid multi-EQ output, match presets that say what they match,
crowds in any case and notes with the command's prefix."""

from __future__ import annotations

import csv
import errno
import io
import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

import eqmorph
from eqmorph import cli
from eqmorph.core.preamp import preamp_db
from eqmorph.io.presets import import_preset

SR = 44100
PHRASE = "very very very very warm"  # degree 1.25**4 = 2.44: intensity 4 would scale warm 9.8 times, so 1.64 applies
APPLIED = f"{4.0 / 1.25 ** 4:.3g}"


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- #8: a converted preset keeps its own Preamp ------------------------------------------------------------------
P10 = "Preamp: -10 dB\nFilter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1\n"
TWO_LINES = "Preamp: -3 dB\nPreamp: -7 dB\nFilter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1\n"


@pytest.mark.parametrize("text", [P10, TWO_LINES], ids=["one line", "two lines"])
@pytest.mark.parametrize("name", ["p.json", "p.txt", "p.csv", "p GraphicEQ.txt"])
def test_import_carries_the_presets_preamp_into_every_format_so_apply_is_as_loud(tmp_path, tones_wav, capsys, text,
                                                                               name):
    tones_wav, _ = tones_wav
    original = tmp_path / "original.txt"
    original.write_text(text)
    code, _, err = _run(capsys, "import", original, "-o", tmp_path / name)
    assert code == 0 and err == ""  # -10 dB leaves the 3 dB boost no way to clip: nothing to say
    assert import_preset(tmp_path / name).preamp_db == -10.0
    _run(capsys, "apply", tones_wav, tmp_path / "a.wav", "--preset", original, "--quiet")
    _run(capsys, "apply", tones_wav, tmp_path / "b.wav", "--preset", tmp_path / name, "--quiet")
    a, b = sf.read(tmp_path / "a.wav")[0], sf.read(tmp_path / "b.wav")[0]
    # Before, the converted file carried eqmorph's own -3.0 dB: 7 dB louder than the original.
    level = 20 * np.log10(np.sqrt(np.mean(b**2)) / np.sqrt(np.mean(a**2)))
    assert abs(level) < 0.05  # a GraphicEQ curve is refitted; the parametric formats are exact
    if not name.endswith("GraphicEQ.txt"):
        np.testing.assert_allclose(b, a, atol=1e-6)


def test_import_shows_the_presets_own_preamp_in_the_table_and_notes_when_it_lets_the_eq_clip(tmp_path, capsys):
    loud = tmp_path / "loud.txt"
    loud.write_text("Preamp: +4 dB\nFilter 1: ON PK Fc 1000 Hz Gain -6 dB Q 1\n")
    code, out, err = _run(capsys, "import", loud)
    assert code == 0 and "preamp (the preset's own): 4.0 dB; for no clipping: 0.0 dB" in out
    assert err == ("eqmorph import: note: kept the preset's Preamp +4.0 dB, with which the EQ peaks at +4.0 dB and "
                   "may clip; for no clipping it would be 0.0 dB\n")
    code, _, _ = _run(capsys, "import", loud, "-o", tmp_path / "loud.json")
    assert json.loads((tmp_path / "loud.json").read_text())["preamp_db"] == 4.0


def test_a_preset_without_a_preamp_converts_at_0_db_as_equalizer_apo_plays_it(tmp_path, capsys):
    bare = tmp_path / "bare.txt"
    bare.write_text("Filter 1: ON PK Fc 1000 Hz Gain 6 dB Q 1\n")
    code, _, err = _run(capsys, "import", bare, "-o", tmp_path / "bare.csv")
    assert code == 0 and "may clip" in err and "-6.0 dB" in err
    # it said "kept the preset's Preamp +0.0 dB"
    assert "the file has no preamp: 0 dB" in err and "Preamp +0.0" not in err
    assert (tmp_path / "bare.csv").read_text().splitlines()[-1] == "preamp,preamp,0.0,,"


def test_generate_exports_still_carry_eqmorphs_own_preamp(tmp_path, capsys):
    code, _, _ = _run(capsys, "generate", "warm", "-o", tmp_path / "warm.json")
    assert code == 0
    doc = json.loads((tmp_path / "warm.json").read_text())
    assert doc["preamp_db"] == preamp_db(eqmorph.load().generate("warm")) < 0


# --- #17: apply --preset names the preset's Preamp as such ------------------------------------------------------------
def test_apply_preset_calls_the_presets_preamp_preset_preamp_not_auto_gain(tmp_path, tones_wav, capsys):
    tones_wav, _ = tones_wav
    preset = tmp_path / "p10.txt"
    preset.write_text(P10)
    code, out, _ = _run(capsys, "apply", tones_wav, tmp_path / "o.wav", "--preset", preset)
    assert code == 0 and "output: -10.0 dB preset Preamp, peak" in out and "dB auto gain" not in out
    # The Preamp's loss is said, with the way to keep the input's loudness (a tenth new-user trial: a match preset
    # came out 10.6 dB quieter, unsaid)
    assert "dB quieter than the input (auto gain would keep its loudness: --auto-gain)" in out
    code, out, _ = _run(capsys, "apply", tones_wav, tmp_path / "o.wav", "--preset", preset, "--auto-gain")
    assert code == 0 and "dB auto gain (keeps the input's loudness" in out and "preset Preamp" not in out


# --- #10: folders that cannot be created ------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["demo", "figures"])
def test_an_out_folder_that_cannot_be_created_is_a_one_line_error(tmp_path, capsys, monkeypatch, command):
    pytest.importorskip("matplotlib")
    original = Path.mkdir

    def read_only(self, *args, **kwargs):  # a read-only file system, as the trial mounted one (root ignores chmod)
        if self.parent == tmp_path:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    target = tmp_path / "d"
    code, out, err = _run(capsys, command, "--out", target)
    assert code == 2 and out == ""
    assert err == f"eqmorph {command}: error: cannot write {str(target)!r}: Read-only file system\n"


# --- #13: every command says and labels the intensity a phrase's degree caps ------------------------------------
def _note(command):
    return f"eqmorph {command}: note: --intensity 4 on {PHRASE!r}, a phrase of degree 2.44, would scale its words " \
           f"9.77 times; it stops at 4: intensity {APPLIED} applied\n"


def test_generate_and_morph_say_the_cap_and_write_the_intensity_applied(capsys):
    code, out, err = _run(capsys, "generate", PHRASE, "--intensity", "4", "--format", "json", "--quiet")
    assert code == 0 and err == _note("generate") and json.loads(out)["intensity"] == pytest.approx(4.0 / 1.25**4)
    code, out, err = _run(capsys, "morph", PHRASE, "bright", "--alpha", "0", "--intensity", "4", "--quiet")
    assert code == 0 and err == _note("morph") and f"intensity: {4.0 / 1.25**4}" in out
    m = eqmorph.load()
    assert m.interpolate(PHRASE, "bright", 0.0, 4.0) == m.generate(PHRASE, 4.0)  # the same EQ, now the same label


def test_blend_says_the_cap_and_writes_the_intensity_applied(capsys):
    code, out, err = _run(capsys, "blend", f"{PHRASE}=1", "--intensity", "4", "--format", "json", "--quiet")
    assert code == 0 and err == _note("blend") and json.loads(out)["intensity"] == pytest.approx(4.0 / 1.25**4)


def test_apply_labels_the_intensity_applied(tmp_path, tones_wav, capsys):
    tones_wav, _ = tones_wav
    code, out, err = _run(capsys, "apply", tones_wav, tmp_path / "o.wav", "--word", PHRASE, "--intensity", "4")
    assert code == 0 and _note("apply") in err
    assert f"EQ: {PHRASE!r} (intensity {APPLIED}):" in out
    code, out, err = _run(capsys, "apply", tones_wav, tmp_path / "o.wav", "--word", PHRASE, "--to", "bright",
                          "--automate", "0:0,0.4:1", "--intensity", "4")
    assert code == 0 and _note("apply") in err and f"intensity {APPLIED})" in out


def test_plot_titles_and_labels_the_intensity_each_curve_was_drawn_at(tmp_path, capsys, monkeypatch):
    pytest.importorskip("matplotlib")
    from eqmorph.plots import figures

    drawn = []
    monkeypatch.setattr(figures, "plot_eqs", lambda curves, path, title: drawn.append((curves, title)) or path)
    code, _, err = _run(capsys, "plot", PHRASE, "--intensity", "4", "-o", tmp_path / "p.png", "--quiet")
    assert code == 0 and err == _note("plot")
    (curves, title), = drawn
    assert title.endswith(f"(intensity {APPLIED})") and curves[0][0] == f"{PHRASE} (intensity {APPLIED})"
    code, _, err = _run(capsys, "plot", PHRASE, "--to", "bright", "--intensity", "4", "-o", tmp_path / "q.png",
                        "--quiet")
    assert code == 0 and err == _note("plot")
    curves, title = drawn[1]
    # The morph and the phrase at the capped value (the title's); bright alone is drawn at 4 and says so.
    assert title.endswith(f"(intensity {APPLIED})")
    assert [label for label, _ in curves] == [PHRASE, "bright (intensity 4)", f"{PHRASE} \u2192 bright at alpha 0.5"]


# --- #22: sample's variations on stdout stay valid in their format --------------------------------------------------
def test_sample_csv_on_stdout_is_one_valid_csv_table_with_a_variation_column(capsys):
    code, out, _ = _run(capsys, "sample", "warm", "-n", "2", "--seed", "1", "--format", "csv")
    assert code == 0 and "#" not in out
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["variation", "name", "type", "gain_db", "freq_hz", "q"]
    assert len(rows) == 1 + 2 * 6 and {r[0] for r in rows[1:]} == {"1", "2"} and all(len(r) == 6 for r in rows)
    eqs = eqmorph.load().sample("warm", 2, seed=1)
    assert float(rows[1 + 6 + 0][3]) == eqs[1].to_array()[0, 0]  # variation 2's low shelf gain, exactly


def test_sample_json_on_stdout_is_one_json_array_and_apo_keeps_its_comment_labels(capsys):
    code, out, _ = _run(capsys, "sample", "warm", "-n", "3", "--seed", "1", "--format", "json")
    docs = json.loads(out)
    assert code == 0 and len(docs) == 3 and all(d["format"] == "eqmorph-eq" and d["words"] == ["warm"] for d in docs)
    code, out, _ = _run(capsys, "sample", "warm", "-n", "2", "--seed", "1", "--format", "apo")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "# warm variation 1 of 2" and "# warm variation 2 of 2" in lines
    assert all(line.startswith(("#", "Preamp:", "Filter")) for line in lines)  # every line one Equalizer APO reads


# --- #28: a match preset says what it matches ------------------------------------------------------------------------
def test_match_presets_name_the_input_and_the_reference(tmp_path, capsys):
    rng = np.random.default_rng(0)
    for name, tilt in (("guitar.wav", 0.0), ("piano.wav", 0.9)):
        noise = rng.normal(0, 0.1, 2 * SR)
        sf.write(tmp_path / name, np.convolve(noise, [1.0, tilt], mode="same"), SR)
    code, _, err = _run(capsys, "match", tmp_path / "guitar.wav", tmp_path / "piano.wav", "-o", tmp_path / "m.txt")
    assert code == 0, err
    first = (tmp_path / "m.txt").read_text().splitlines()[0]
    assert first.startswith("# eqmorph 5-band EQ: match of guitar.wav to piano.wav; amount 1; model eqmorph-")
    code, _, err = _run(capsys, "match", tmp_path / "guitar.wav", tmp_path / "piano.wav", "--amount", "0.5", "-o",
                        tmp_path / "m.json")
    doc = json.loads((tmp_path / "m.json").read_text())
    assert code == 0 and (doc["input"], doc["reference"], doc["amount"]) == ("guitar.wav", "piano.wav", 0.5)


# --- #29: crowds in any case, notes with the command's prefix, plain words said alike ---------------------------------
@pytest.mark.parametrize("typed", ["SAFE", "Safe", "safe"])
def test_source_takes_any_case_as_words_do(capsys, typed):
    code, out, _ = _run(capsys, "generate", "warm", "--source", typed, "--format", "json")
    assert code == 0 and json.loads(out)["source"] == "safe"


def test_a_word_the_crowd_never_used_is_a_note_with_the_commands_prefix(capsys):
    code, _, err = _run(capsys, "generate", "caliente", "--source", "SocialFX")
    assert code == 0 and err == ""  # SocialFX used it
    code, _, err = _run(capsys, "generate", "caliente", "--source", "safe")
    assert code == 0 and err == "eqmorph generate: note: safe never used 'caliente'; using its EQ over both crowds\n"


@pytest.mark.parametrize("typed", ["WARM", "Warm!", "  warm. ", '"Warm"'])
def test_a_known_word_in_any_case_or_punctuation_prints_no_interpretation(capsys, typed):
    code, _, err = _run(capsys, "generate", typed)
    assert code == 0 and err == ""


@pytest.mark.parametrize("typed", ["warmer", "a bit warm", "Warm and bright!"])
def test_what_is_more_than_a_known_word_still_prints_its_interpretation(capsys, typed):
    code, _, err = _run(capsys, "generate", typed)
    assert code == 0 and str(eqmorph.load().parse(typed)) + "\n" == err


# --- #24: match_files at the top level --------------------------------------------------------------------------------
def test_match_files_and_match_result_are_at_the_top_level():
    from eqmorph.semantic import match

    assert eqmorph.match is match.match and eqmorph.match_files is match.match_files
    assert eqmorph.match_result is match.match_result and eqmorph.MatchResult is match.MatchResult
    assert {"match", "match_files", "match_result", "MatchResult"} <= set(eqmorph.__all__)
    with pytest.raises(AttributeError, match="no attribute 'match_everything'"):
        eqmorph.match_everything  # noqa: B018


def test_a_crowd_named_in_the_text_gets_the_same_note(capsys):
    code, _, err = _run(capsys, "generate", "caliente (safe)")
    assert code == 0 and "eqmorph generate: note: safe never used 'caliente'; using its EQ over both crowds" in err
    code, _, err = _run(capsys, "generate", "caliente (socialfx)")
    assert code == 0 and "never used" not in err
