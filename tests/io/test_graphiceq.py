"""AutoEq's GraphicEQ line: written as AutoEq writes it (127 points, never above 0 dB) and read back by fitting."""

import numpy as np
import pytest

from eqmorph import EQ, ParameterError
from eqmorph.core.preamp import preamp_db
from eqmorph.io.graphiceq import GRAPHIC_POINTS, to_graphiceq
from eqmorph.io.presets import import_preset, output_format, save_preset

ROWS = [[6.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]


def _points(text: str) -> np.ndarray:
    assert text.startswith("GraphicEQ: ") and text.endswith("\n") and text.count("\n") == 1
    return np.array([[float(v) for v in p.split()] for p in text.removeprefix("GraphicEQ: ").split(";")])


def test_graphiceq_is_the_response_lowered_by_the_preamp_on_127_whole_hz_points():
    eq = EQ.from_array(ROWS)
    points = _points(to_graphiceq(eq))
    freqs, gains = points[:, 0], points[:, 1]
    assert len(points) == GRAPHIC_POINTS and freqs[0] == 20 and 19000 < freqs[-1] < 20000
    assert np.all(np.diff(freqs) > 0) and np.all(freqs == np.round(freqs))
    assert gains.max() <= 0.0  # Wavelet applies the curve as given: it must not clip
    np.testing.assert_allclose(gains, eq.response_db(freqs, 48000.0) + preamp_db(eq), atol=0.051)


def test_a_written_graphiceq_reads_back_close_to_the_eq(tmp_path):
    eq = EQ.from_array(ROWS)
    path = tmp_path / "warm GraphicEQ.txt"
    save_preset(path, eq)  # the AutoEq file name asks for the GraphicEQ format
    assert path.read_text().startswith("GraphicEQ: 20 ")
    imported = import_preset(path)
    assert imported.fitted and imported.rms_db < 0.1
    assert imported.preamp_db == pytest.approx(preamp_db(eq), abs=1.0)  # the curve's level becomes the preamp
    grid = np.geomspace(20, 20000, 200)
    heard = imported.eq.response_db(grid, 48000.0) + imported.preamp_db
    assert np.sqrt(np.mean((heard - (eq.response_db(grid, 48000.0) + preamp_db(eq))) ** 2)) < 0.1


@pytest.mark.parametrize("name,fmt,expected", [("a.txt", None, "apo"), ("a GraphicEQ.txt", None, "graphiceq"),
                                               ("a.txt", "graphiceq", "graphiceq"), ("a.apo", "graphiceq", "graphiceq"),
                                               ("a.txt", "json", "json"), ("a.preset", "csv", "csv")])
def test_the_format_follows_the_name_unless_given(name, fmt, expected):
    assert output_format(name, fmt) == expected


@pytest.mark.parametrize("name,fmt", [("warm.json", "apo"), ("warm.csv", "json"), ("warm.apo", "csv")])
def test_a_format_that_contradicts_the_extension_is_refused(tmp_path, name, fmt):
    with pytest.raises(ParameterError) as err:
        save_preset(tmp_path / name, EQ.flat(), fmt)
    assert err.value.name == "--format" and name in str(err.value)
    assert not (tmp_path / name).exists()


def test_a_folder_or_a_name_without_a_format_is_refused_saying_what_to_do(tmp_path):
    with pytest.raises(ParameterError, match="a file name, not a folder"):
        output_format(tmp_path)
    with pytest.raises(ParameterError, match="--format") as err:
        output_format(tmp_path / "warm")
    assert "None" not in str(err.value)
