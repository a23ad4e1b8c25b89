"""Any preset fits into the 5-band layout: exact values when it already fits, a reported response fit otherwise."""

import numpy as np
import pytest

from eqmorph import EQ, ParameterError
from eqmorph.core.fit import fit_grid
from eqmorph.core.ranges import flat_params
from eqmorph.io.apo import read_apo
from eqmorph.io.layout import ERROR_GRID_POINTS, filters_response_db, import_apo
from eqmorph.io.presets import import_preset, load_preset, to_apo

LAYOUT_ROWS = [[3.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]
FOUR_PEAKS = "".join(f"Filter {i}: ON PK Fc {f} Hz Gain {g} dB Q 1.4\n"
                     for i, (f, g) in enumerate([(60, 4), (400, -3), (2500, 2.5), (9000, -2)], 1))
NO_HIGH_SHELF = "Preamp: -3 dB\nFilter 1: ON LSC Fc 120 Hz Gain 4 dB Q 0.7\nFilter 2: ON PK Fc 3000 Hz Gain -2 dB Q 2\n"
TEN_FILTERS = ("Filter 1: ON LSC Fc 105 Hz Gain 5.5 dB Q 0.70\n" + "".join(
    f"Filter {i}: ON PK Fc {f} Hz Gain {g} dB Q {q}\n" for i, (f, g, q) in enumerate(
        [(30, -1.0, 0.9), (180, -2.4, 0.6), (700, 1.2, 1.3), (1500, -1.6, 2.2), (2800, 3.0, 1.8), (4600, -2.2, 3.0),
         (6500, 1.4, 2.0), (9000, -1.2, 1.5)], 2)) + "Filter 10: ON HSC Fc 10000 Hz Gain -1.5 dB Q 0.70\n")


def _response_error_db(imported, text):
    grid = fit_grid(ERROR_GRID_POINTS)
    content = read_apo(text)
    target = filters_response_db(content.filters, grid, 48000.0)
    for curve in content.curves:
        target = target + curve.response_db(grid)
    return float(np.sqrt(np.mean((imported.eq.response_db(grid, 48000.0) - target) ** 2)))


@pytest.mark.parametrize("text,what,max_rms_db", [
    (FOUR_PEAKS, "4 peaking filters", 0.5),
    (TEN_FILTERS, "1 low shelf, 8 peaking filters, 1 high shelf", 0.6),
])
def test_presets_of_other_layouts_are_fitted_and_the_fit_error_is_reported(text, what, max_rms_db):
    imported = import_apo(text)
    assert imported.fitted
    assert imported.rms_db == pytest.approx(_response_error_db(imported, text), abs=1e-6)
    assert imported.rms_db < max_rms_db and imported.max_error_db >= imported.rms_db
    message = imported.describe_fit()
    assert what in message and f"{imported.rms_db:.2f} dB RMS" in message


def test_a_low_shelf_and_a_peak_without_a_high_shelf_are_kept_exactly_with_a_flat_high_shelf():
    imported = import_apo(NO_HIGH_SHELF)
    assert not imported.fitted and imported.preamp_db == -3.0
    assert imported.eq.bands[0].gain_db == 4.0 and imported.eq.bands[0].freq_hz == 120.0
    assert list(imported.eq.to_array()[4]) == list(flat_params()[4])  # the flat EQ's high shelf


@pytest.mark.parametrize("text,placed", [
    ("Filter 1: ON PK Fc 1000 Hz Gain 6 dB Q 1\n", [("peaking", 6.0, 1000.0, 1.0)]),
    ("Filter: ON LSC Fc 80 Hz Gain -4 dB Q 0.7\n", [("low_shelf", -4.0, 80.0, 0.7)]),
    ("Filter: ON HSC Fc 9000 Hz Gain 2.5 dB Q 0.8\n", [("high_shelf", 2.5, 9000.0, 0.8)]),
    ("Filter: ON PK Fc 300 Hz Gain -3 dB Q 2\nFilter: ON PK Fc 3000 Hz Gain 4 dB Q 0.5\n",
     [("peaking", -3.0, 300.0, 2.0), ("peaking", 4.0, 3000.0, 0.5)]),
    ("Filter: ON HSC Fc 6000 Hz Gain 3 dB Q 0.7\nFilter: ON PK Fc 200 Hz Gain 2 dB Q 1.4\n"
     "Filter: ON PK Fc 2000 Hz Gain -2 dB Q 3\nFilter: ON PK Fc 700 Hz Gain 1 dB Q 1\n",
     [("high_shelf", 3.0, 6000.0, 0.7), ("peaking", 2.0, 200.0, 1.4), ("peaking", 1.0, 700.0, 1.0),
      ("peaking", -2.0, 2000.0, 3.0)]),
])
def test_fewer_filters_than_bands_are_placed_exactly_and_the_other_bands_are_0_db(text, placed):
    imported = import_apo(text)
    assert not imported.fitted and imported.describe_fit() == ""
    bands = [(b.kind, b.gain_db, b.freq_hz, b.q) for b in imported.eq.bands]
    for band in placed:
        bands.remove(band)  # each given filter is one band, values unchanged
    assert [b[1] for b in bands] == [0.0] * len(bands)
    grid = fit_grid()
    np.testing.assert_allclose(imported.eq.response_db(grid, 48000.0),
                               filters_response_db(read_apo(text).filters, grid, 48000.0), atol=1e-9)


def test_no_filters_at_all_read_as_the_flat_eq_with_the_presets_preamp():
    imported = import_apo("Preamp: -2 dB\n")
    assert not imported.fitted and imported.eq == EQ.flat() and imported.preamp_db == -2.0


def test_a_preset_in_the_layout_keeps_its_values_exactly():
    eq = EQ.from_array(LAYOUT_ROWS)
    imported = import_apo(to_apo(eq))
    assert not imported.fitted and imported.eq == eq and imported.describe_fit() == ""


def test_a_graphiceq_curve_is_fitted(tmp_path):
    eq = EQ.from_array(LAYOUT_ROWS)
    path = tmp_path / "Headphone GraphicEQ.txt"
    freqs = np.geomspace(20, 20000, 60)
    path.write_text("GraphicEQ: " + "; ".join(f"{f:.1f} {g:.2f}" for f, g in zip(freqs, eq.response_db(freqs))))
    imported = import_preset(path)
    assert imported.fitted and "1 GraphicEQ curve" in imported.describe_fit()
    assert imported.rms_db < 0.3
    assert load_preset(path) == imported.eq


@pytest.mark.parametrize("high_shelf", ["", "Filter 4: ON HSC Fc 8000 Hz Gain 2 dB Q 0.7\n"])
def test_a_filter_only_another_kind_of_band_can_hold_is_fitted_in_every_layout(high_shelf):
    # A 2 kHz low shelf is common in the wild (eqmorph's low shelf stops at 1 kHz, its high shelf starts at 500 Hz):
    # only a fit can take it, with or without the rest of the layout around it.
    text = "Filter 1: ON LSC Fc 2000 Hz Gain 3 dB Q 0.7\nFilter 2: ON PK Fc 800 Hz Gain 1 dB Q 1\n" \
           "Filter 3: ON PK Fc 5000 Hz Gain 1 dB Q 1\n" + high_shelf
    imported = import_apo(text)
    assert imported.fitted and imported.rms_db < 1.0


LONE = "Filter 1: ON PK {} Q 1\n"
LAYOUT = "Filter 1: ON LSC Fc 105 Hz Gain 3 dB Q 0.7\n{}Filter 3: ON HSC Fc 8000 Hz Gain 2 dB Q 0.7\n"


@pytest.mark.parametrize("peak", ["Fc 10 Hz Gain 6 dB Q 1", "Fc 1000 Hz Gain 30 dB Q 1", "Fc 1000 Hz Gain -6 dB Q 12"])
@pytest.mark.parametrize("alone", [True, False], ids=["alone", "in_layout"])
def test_a_value_outside_eqmorphs_bands_that_a_preset_may_hold_is_fitted_alone_or_in_the_layout(alone, peak):
    # A 10 Hz peak or a Q 12 notch of a room correction: no band holds it exactly, the fit approximates it.
    line = f"Filter 2: ON PK {peak}\n"
    imported = import_apo(line if alone else LAYOUT.format(line))
    assert imported.fitted


@pytest.mark.parametrize("values,name,value,allowed", [
    ("Fc 100000 Hz Gain 6 dB", "peaking.freq_hz", 100000.0, "1..24000 Hz"),
    ("Fc 0.5 Hz Gain 6 dB", "peaking.freq_hz", 0.5, "1..24000 Hz"),
    ("Fc 1000 Hz Gain 150 dB", "peaking.gain_db", 150.0, "-100..100 dB"),
])
@pytest.mark.parametrize("layout", [LONE, LAYOUT.format("Filter 2: ON PK {} Q 1\n")], ids=["alone", "in_layout"])
def test_a_value_no_band_can_hold_is_refused_alone_or_in_the_layout_naming_line_value_and_range(
        tmp_path, layout, values, name, value, allowed):
    path = tmp_path / "p.txt"
    path.write_text(layout.format(values))
    with pytest.raises(ParameterError) as err:
        import_preset(path)
    assert err.value.value == value and allowed in str(err.value)
    line = 1 if layout == LONE else 2
    assert str(err.value).startswith(f"{path}: line {line}: {name}={value!r}")


@pytest.mark.parametrize("q", [12.0, 20.0, 40.0])
def test_the_reported_fit_error_of_a_narrow_filter_is_its_largest_error_at_any_frequency(q):
    """A peak narrower than eqmorph's Q 10 falls between the fit's grid points: the report must not miss its top."""
    text = f"Filter 1: ON PK Fc 1000 Hz Gain 3 dB Q {q:g}\n"
    imported = import_apo(text)
    dense = np.geomspace(20.0, 20000.0, 50000)
    true_max = np.abs(imported.eq.response_db(dense, 48000.0)
                      - filters_response_db(read_apo(text).filters, dense, 48000.0)).max()
    assert imported.fitted
    assert imported.max_error_db == pytest.approx(true_max, rel=0.02)
    assert f"at most {imported.max_error_db:.2f} dB" in imported.describe_fit()
