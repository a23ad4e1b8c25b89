"""What a preset says made it, read back (io/provenance.py), and kept by ``eqmorph import``."""

from __future__ import annotations

import json

import pytest

import eqmorph
from eqmorph.cli import main
from eqmorph.io.presets import import_preset, save_preset
from eqmorph.io.provenance import match_origin, preset_provenance

EQ = eqmorph.EQ.flat().with_band(2, gain_db=3.0)

MADE = [
    {"words": ["warm"], "intensity": 1.0, "model_id": "eqmorph-abc"},
    {"words": ["warm", "bright"], "weights": {"warm": 0.5, "bright": 0.5}, "intensity": 0.8, "source": "safe"},
    {"words": ["warm", "a bit brighter"], "alpha": 0.3, "intensity": 1.0},
    {"input": "my song to master.wav", "reference": "ref.flac", "amount": 0.5, "model_id": "eqmorph-abc"},
    {"input": "a.wav", "reference": "b.wav", "amount": 1.0, "band_hz": (20.0, 6953.6)},  # the band a match covers
    {"start": "warm.txt", "weights": {"a bit brighter": 0.5, "muddy": -0.25}, "model_id": "eqmorph-abc"},
]


@pytest.mark.parametrize("meta", MADE)
@pytest.mark.parametrize("suffix", [".json", ".txt", ".csv"])
def test_save_then_read_back_gives_the_same_provenance(tmp_path, meta, suffix):
    path = tmp_path / f"p{suffix}"
    save_preset(path, EQ, **meta)
    assert preset_provenance(path) == meta


def test_a_csv_says_how_it_was_made_in_its_eqmorph_row_and_reads_as_the_same_eq(tmp_path):
    # A new-user trial: the page's CSV of a match said nothing of it, and describe read it as "very loud, very thin".
    path = tmp_path / "p.csv"
    save_preset(path, EQ, input="drums, take 2.wav", reference='the "ref".wav', words="warm")
    assert path.read_text().splitlines()[-1] == 'eqmorph,"match of drums, take 2.wav to the ""ref"".wav; words warm",,,'
    assert match_origin(path) == 'match of drums, take 2.wav to the "ref".wav'
    assert import_preset(path).eq == EQ and import_preset(path).provenance == preset_provenance(path)


def test_a_csv_without_an_eqmorph_row_reads_as_before_with_no_provenance(tmp_path):
    path = tmp_path / "p.csv"
    save_preset(path, EQ)  # nothing said of how it was made: no row, as every CSV written before it had one
    assert "eqmorph" not in path.read_text()
    path.write_text(path.read_text().replace("name,", "band,", 1))  # the older header too
    assert preset_provenance(path) == {} and match_origin(path) is None and import_preset(path).eq == EQ


def test_a_hand_broken_field_is_left_out_and_the_rest_kept(tmp_path):
    path = tmp_path / "p.json"
    save_preset(path, EQ, words="warm", model_id="eqmorph-abc")
    doc = json.loads(path.read_text())
    doc["intensity"] = "loud"
    path.write_text(json.dumps(doc))
    assert preset_provenance(path) == {"words": ["warm"], "model_id": "eqmorph-abc"}


def test_a_users_own_comment_is_no_provenance(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("# my favourite: words warm\nPreamp: -3 dB\nFilter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1\n")
    assert preset_provenance(path) == {} and match_origin(path) is None


@pytest.mark.parametrize("out", ["copy.json", "copy.txt", "copy.csv"])
def test_import_keeps_the_words_and_model_of_a_converted_preset(capsys, tmp_path, out):
    # the converted file named nothing of how the EQ was made (a new-user trial, 2026-12-04)
    source = tmp_path / "warm.json"
    save_preset(source, EQ, words="warm", intensity=1.0, model_id="eqmorph-abc")
    assert main(["import", str(source), "-o", str(tmp_path / out)]) == 0
    assert preset_provenance(tmp_path / out) == {"words": ["warm"], "intensity": 1.0, "model_id": "eqmorph-abc"}


def test_a_phrase_given_to_edit_as_an_argument_is_told_where_it_goes(capsys, tmp_path):
    source = tmp_path / "warm.json"
    save_preset(source, EQ, words="warm")
    with pytest.raises(SystemExit):
        main(["edit", str(source), "a bit brighter"])
    err = capsys.readouterr().err
    assert "--more or --less" in err and "goes in quotes" not in err


@pytest.mark.parametrize("suffix", [".json", ".txt"])
def test_an_imported_preset_carries_the_provenance_its_file_holds(tmp_path, suffix):
    from eqmorph.io.presets import import_preset

    path = tmp_path / f"m{suffix}"
    save_preset(path, EQ, input="a.wav", reference="b.wav", amount=1.0)
    imported = import_preset(path)
    assert dict(imported.provenance) == preset_provenance(path)
    assert match_origin(imported.provenance) == match_origin(path) == "match of a.wav to b.wav"



def test_a_matchs_band_is_written_outward_to_a_tenth_of_a_hz(tmp_path):
    # Rounded outward, the band keeps every grid point it held (the fit grid's points are 0.5 Hz apart or more).
    save_preset(tmp_path / "m.txt", EQ, input="a.wav", reference="b.wav", band_hz=(20.04, 6953.61))
    assert "band 20.0-6953.7 Hz" in (tmp_path / "m.txt").read_text().splitlines()[0]
    assert preset_provenance(tmp_path / "m.txt")["band_hz"] == (20.0, 6953.7)


@pytest.mark.parametrize("band", [(7000.0, 20.0), (0.0, 100.0), (20.0,), "20-7000", (20.0, float("nan")), (True, 9.0)])
def test_a_band_that_is_no_low_high_pair_in_hz_is_refused_naming_it(tmp_path, band):
    from eqmorph.errors import ParameterError

    with pytest.raises(ParameterError, match=r"band_hz=.*expected \(low, high\) in Hz with 0 < low < high"):
        save_preset(tmp_path / "m.json", EQ, band_hz=band)
