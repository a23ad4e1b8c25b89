"""Any preset fits into the 5-band layout: exact values when it already fits, a reported response fit otherwise."""

import numpy as np
import pytest

from eqmorph import EQ
from eqmorph.core.fit import fit_grid
from eqmorph.io.apo import read_apo
from eqmorph.io.layout import filters_response_db, import_apo
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
    grid = fit_grid()
    content = read_apo(text)
    target = filters_response_db(content.filters, grid, 48000.0)
    for curve in content.curves:
        target = target + curve.response_db(grid)
    return float(np.sqrt(np.mean((imported.eq.response_db(grid, 48000.0) - target) ** 2)))


@pytest.mark.parametrize("text,what,max_rms_db", [
    (FOUR_PEAKS, "4 peaking filters", 0.5),
    (NO_HIGH_SHELF, "1 low shelf, 1 peaking filter", 0.05),
    (TEN_FILTERS, "1 low shelf, 8 peaking filters, 1 high shelf", 0.6),
])
def test_presets_of_other_layouts_are_fitted_and_the_fit_error_is_reported(text, what, max_rms_db):
    imported = import_apo(text)
    assert imported.fitted
    assert imported.rms_db == pytest.approx(_response_error_db(imported, text), abs=1e-6)
    assert imported.rms_db < max_rms_db and imported.max_error_db >= imported.rms_db
    message = imported.describe_fit()
    assert what in message and f"{imported.rms_db:.2f} dB RMS" in message


def test_a_low_shelf_and_a_peak_without_a_high_shelf_fit_almost_exactly():
    imported = import_apo(NO_HIGH_SHELF)
    assert imported.preamp_db == -3.0
    assert imported.eq.bands[4].gain_db == pytest.approx(0.0, abs=0.1)  # nothing to do for the high shelf


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


def test_filters_outside_eqmorphs_ranges_are_fitted_instead_of_refused():
    # A 2 kHz low shelf is common in the wild (eqmorph's low shelf stops at 1 kHz): only a fit can take it.
    text = "Filter 1: ON LSC Fc 2000 Hz Gain 3 dB Q 0.7\nFilter 2: ON PK Fc 800 Hz Gain 1 dB Q 1\n" \
           "Filter 3: ON PK Fc 5000 Hz Gain 1 dB Q 1\n"
    imported = import_apo(text)
    assert imported.fitted and imported.rms_db < 1.0
