"""``eqmorph describe`` of a preset that is mostly a gain: said as a level, the words judging its shape only."""

import json

import numpy as np
import pytest

import eqmorph
from eqmorph import cli
from eqmorph.core.eq import EQ
from eqmorph.semantic.describe import LEVEL_DOMINATED, level_only_db

_SHELVES = "Filter 1: ON LSC Fc 1000 Hz Gain {g} dB Q 0.7\nFilter 2: ON HSC Fc 1000 Hz Gain {g} dB Q 0.7\n"


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


def _gain_eq(gain_db: float, bell_db: float = 0.0) -> EQ:
    """Both shelves at ``gain_db`` and one corner: ``gain_db`` at every frequency; plus a bell at 3 kHz."""
    a = EQ.flat().to_array()
    a[0], a[4] = [gain_db, 1000.0, 0.7], [gain_db, 1000.0, 0.7]
    a[2] = [bell_db, 3000.0, 1.0]
    return EQ.from_array(a)


def _describe(tmp_path, capsys, text, *extra):
    path = tmp_path / "p.txt"
    path.write_text(text)
    assert cli.main(["describe", str(path), *extra]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("gain_db", [6.0, -6.0])
def test_a_gain_of_every_band_lists_no_words(m, gain_db):
    # a flat +6 dB read as "much more bass, bright, more low mids"
    eq = _gain_eq(gain_db)
    assert m.describe_text(eq) == ""
    assert max(abs(s) for _, s in m.describe(eq, k=None)) < 1e-9


def test_a_gain_with_a_bell_is_described_by_the_bell(m):
    # +6 dB everywhere and a 2 dB bell at 3 kHz read as "much more mids, much more treble, more bass"
    top = [w for w, _ in m.describe(_gain_eq(6.0, 2.0), k=3)]
    for word in top:  # each a word that lifts around 3 kHz over the low end
        at_100, at_3k = m.generate(word).response_db(np.array([100.0, 3000.0]), 48000)
        assert at_3k > at_100 + 1.0, (word, at_100, at_3k)
    assert not {"bass", "low mids", "mids"} & set(top)


def test_a_word_s_own_eq_is_no_gain(m):
    # every word keeps its own shape's reading: the most level-heavy word is well under the limit
    for word in m.terms:
        assert level_only_db(m.generate(word).response_db(np.geomspace(20, 20000, 256), 48000)) is None, word
    assert LEVEL_DOMINATED >= 2.0


def test_the_cli_says_a_gain_as_a_level_change(tmp_path, capsys):
    out = _describe(tmp_path, capsys, "Preamp: 0 dB\n" + _SHELVES.format(g=6))
    assert "only louder: a level change of +6.0 dB" in out and "words most alike" not in out


def test_the_cli_says_a_preamp_that_takes_the_gain_back(tmp_path, capsys):
    out = _describe(tmp_path, capsys, "Preamp: -6 dB\n" + _SHELVES.format(g=6))
    assert "no change at all: the preamp takes the bands' level back" in out


def test_the_cli_json_gives_the_level(tmp_path, capsys):
    got = json.loads(_describe(tmp_path, capsys, "Preamp: -2 dB\n" + _SHELVES.format(g=6), "--json"))
    assert got["level_db"] == pytest.approx(4.0, abs=0.01) and got["words"] == [] and got["phrase"] == ""


@pytest.mark.parametrize("preamp_db, said", [(6.0, "only louder: a level change of +6.0 dB"),
                                             (-3.0, "only quieter: a level change of -3.0 dB")])
def test_a_preset_of_a_preamp_alone_is_said_as_its_level(tmp_path, capsys, preamp_db, said):
    """A tenth new-user trial: "Preamp: 6 dB" alone read "sounds like nothing: the EQ is flat", level_db null."""
    out = _describe(tmp_path, capsys, f"Preamp: {preamp_db:g} dB\n")
    assert said in out and "no change of tone" in out
    assert json.loads(_describe(tmp_path, capsys, f"Preamp: {preamp_db:g} dB\n", "--json"))["level_db"] == preamp_db
