"""AutoEq's GraphicEQ line: AutoEq's 127 points after a Preamp line, and read back as the EQ that was written."""

import numpy as np
import pytest

from eqmorph import EQ, ParameterError
from eqmorph.core.preamp import preamp_db
from eqmorph.core.ranges import HIGH, LOW, flat_params
from eqmorph.io.graphiceq import GRAPHIC_POINTS, to_graphiceq
from eqmorph.io.layout import import_apo
from eqmorph.io.presets import import_preset, output_format, save_preset

ROWS = [[6.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]
# The bundled model's "warm" and "bright", as `eqmorph generate` writes them (the first user's report).
WARM = [[0.270326167345047, 113.02257174608502, 0.9418799648370395],
        [3.9687702655792236, 292.9369069955775, 0.35570290271151317],
        [-2.2878305912017822, 909.2633194565559, 0.5849818815706114],
        [-1.2106628715991974, 3158.185358931661, 0.655655116106658],
        [-2.451448917388916, 6402.760458761057, 0.6060221669842771]]
BRIGHT = [[-3.1278573274612427, 105.26024796801822, 0.5427575192443562],
          [-0.8681827783584595, 289.4636478582986, 0.7563721333114813],
          [0.9831832051277161, 1008.7930211361834, 0.6742508847072399],
          [4.9526978731155396, 2997.737513526426, 0.5372895169164966],
          [3.916914939880371, 5805.659009984564, 0.6646727055682304]]
ROUND_TRIP_RMS_DB = 0.2  # the curve's 0.1 dB rounding costs ~0.03 dB; the rest is the response fit's own error
GRID = np.geomspace(20.0, 20000.0, 200)


def _points(text: str) -> np.ndarray:
    lines = text.splitlines()
    assert text.endswith("\n") and len(lines) == 2 and lines[1].startswith("GraphicEQ: ")
    return np.array([[float(v) for v in p.split()] for p in lines[1].removeprefix("GraphicEQ: ").split(";")])


def _random_eqs(n: int, seed: int) -> list[EQ]:
    """Valid EQs of the sizes words give: gains within +-6 dB, Q 0.5-2, frequencies anywhere in their ranges."""
    rng = np.random.default_rng(seed)
    eqs = []
    for _ in range(n):
        p = flat_params()
        p[:, 0] = rng.uniform(-6.0, 6.0, 5)
        p[:, 1] = np.exp(rng.uniform(np.log(LOW[:, 1]), np.log(HIGH[:, 1])))
        p[:, 2] = np.exp(rng.uniform(np.log(0.5), np.log(2.0), 5))
        eqs.append(EQ.from_array(p))
    return eqs


def _rms_db(a: EQ, b: EQ) -> float:
    return float(np.sqrt(np.mean((a.response_db(GRID) - b.response_db(GRID)) ** 2)))


def test_graphiceq_is_the_preamp_line_then_the_response_on_127_whole_hz_points():
    eq = EQ.from_array(ROWS)
    text = to_graphiceq(eq)
    assert text.splitlines()[0] == f"Preamp: {preamp_db(eq):.1f} dB"  # as the APO writer says it
    points = _points(text)
    freqs, gains = points[:, 0], points[:, 1]
    assert len(points) == GRAPHIC_POINTS and freqs[0] == 20 and 19000 < freqs[-1] < 20000
    assert np.all(np.diff(freqs) > 0) and np.all(freqs == np.round(freqs))
    np.testing.assert_allclose(gains, eq.response_db(freqs, 48000.0), atol=0.051)  # the curve at its own level


def test_a_cut_only_eq_still_gets_a_preamp_line_so_its_curve_reads_at_its_own_level():
    eq = EQ.from_array([[-3.0, 100.0, 0.71], [0.0, 300.0, 1.0], [-6.0, 1000.0, 1.0], [0.0, 3000.0, 1.0],
                        [-1.0, 8000.0, 0.71]])
    text = to_graphiceq(eq)
    assert text.startswith("Preamp: 0.0 dB\n")
    imported = import_apo(text)
    assert imported.preamp_db == 0.0 and _rms_db(imported.eq, eq) < ROUND_TRIP_RMS_DB


@pytest.mark.parametrize("eq", [EQ.from_array(WARM), EQ.from_array(BRIGHT), EQ.from_array(ROWS), *_random_eqs(4, 3)],
                         ids=["warm", "bright", "rows", "random0", "random1", "random2", "random3"])
def test_a_written_graphiceq_reads_back_as_the_eq_it_was_with_its_preamp(tmp_path, eq):
    path = tmp_path / "t GraphicEQ.txt"
    save_preset(path, eq)  # the AutoEq file name asks for the GraphicEQ format
    imported = import_preset(path)
    assert imported.fitted and "1 GraphicEQ curve" in imported.describe_fit()
    assert imported.preamp_db == preamp_db(eq)  # the headroom comes back as headroom, not as EQ
    # The same sound at the same level (the parameters may differ: other 5-band EQs have this response too).
    # With the preamp folded into the curve, warm came back 1.5 dB off (shelves -1.12 dB at 58 Hz, -3.89 dB at 1 kHz).
    assert _rms_db(imported.eq, eq) < ROUND_TRIP_RMS_DB


def test_an_autoeq_curve_without_a_preamp_line_has_its_level_fitted_as_the_preamp():
    eq = EQ.from_array(ROWS)
    points = _points(to_graphiceq(eq))
    shifted = points[:, 1] + preamp_db(eq)  # AutoEq's own convention: the preamp folded into the curve
    text = "GraphicEQ: " + "; ".join(f"{f:.0f} {g:.1f}" for f, g in zip(points[:, 0], shifted)) + "\n"
    imported = import_apo(text)
    assert imported.fitted and imported.rms_db < 0.1
    heard = imported.eq.response_db(GRID) + imported.preamp_db
    assert np.sqrt(np.mean((heard - (eq.response_db(GRID) + preamp_db(eq))) ** 2)) < 0.1


@pytest.mark.parametrize("level_db", [-3.5, 2.0])
def test_a_constant_curve_without_a_preamp_line_is_a_flat_eq_at_that_level(level_db):
    imported = import_apo(f"GraphicEQ: 20 {level_db}; 1000 {level_db}; 20000 {level_db}\n")
    np.testing.assert_allclose(imported.eq.response_db(GRID), 0.0, atol=1e-6)  # was a shelf pair holding the level
    assert imported.preamp_db == pytest.approx(level_db) and imported.level_db == pytest.approx(level_db)


@pytest.mark.parametrize("name,fmt,expected", [("a.txt", None, "apo"), ("a GraphicEQ.txt", None, "graphiceq"),
                                               ("a.txt", "graphiceq", "graphiceq"), ("a.apo", "graphiceq", "graphiceq"),
                                               ("a.preset", "json", "json"), ("a.preset", "csv", "csv")])
def test_the_format_follows_the_name_unless_given(name, fmt, expected):
    assert output_format(name, fmt) == expected


@pytest.mark.parametrize("name,fmt", [("warm.json", "apo"), ("warm.csv", "json"), ("warm.apo", "csv")])
def test_a_format_that_contradicts_the_extension_is_refused(tmp_path, name, fmt):
    with pytest.raises(ParameterError) as err:
        save_preset(tmp_path / name, EQ.flat(), fmt)
    assert err.value.name == "format" and name in str(err.value)
    assert not (tmp_path / name).exists()


def test_a_folder_or_a_name_without_a_format_is_refused_saying_what_to_do(tmp_path):
    with pytest.raises(ParameterError, match="a file name, not a folder") as err:
        output_format(tmp_path)
    assert err.value.name == "path"
    with pytest.raises(ParameterError, match=r"or format=json\|apo\|") as err:
        output_format(tmp_path / "warm")
    assert err.value.name == "path" and "None" not in str(err.value)


def test_a_graphiceq_export_names_what_it_is_in_a_comment_and_reads_back():
    from eqmorph.io.layout import import_apo
    from eqmorph.io.presets import format_eq

    eq = EQ.from_array(ROWS)
    text = format_eq(eq, "graphiceq", words=["warm"], intensity=1.0, model_id="m1")
    assert text.splitlines()[0] == "# eqmorph 5-band EQ as a GraphicEQ curve: words warm; intensity 1; model m1"
    assert text.splitlines()[1:] == to_graphiceq(eq).splitlines()
    assert import_apo(text).preamp_db == preamp_db(eq)
