"""audio/smoothing.power_average: a spectrum's fractional-octave smoothing as weights a fit can take an EQ through."""

from dataclasses import replace

import numpy as np
import pytest
from match_signals import pink_noise

from eqmorph import EQ
from eqmorph.audio.smoothing import power_average, smooth_octave
from eqmorph.audio.spectrum import audio_spectrum
from eqmorph.core.fit import fit_grid

SHARP = EQ.from_array([[5.0, 60.0, 2.0], [8.0, 400.0, 3.0], [-9.0, 520.0, 3.0], [6.0, 3000.0, 3.0],
                       [-6.0, 12000.0, 2.0]])


@pytest.mark.parametrize("seconds", [0.6, 4.0])  # a short clip's coarse bins, a longer one's fine ones
@pytest.mark.parametrize("fraction", [3, 4, 6])
def test_a_power_average_of_an_eqs_response_is_the_smoothed_level_change_through_it(seconds, fraction):
    spectrum = audio_spectrum(pink_noise(seconds), 44100)
    freqs = fit_grid()
    gain = 10.0 ** (0.1 * SHARP.response_db(np.clip(spectrum.freqs_hz, 1.0, 22049.0), 44100))  # DC, Nyquist bins
    through = replace(spectrum, power=spectrum.power * gain)
    expected = 10.0 * np.log10(smooth_octave(through, freqs, fraction) / smooth_octave(spectrum, freqs, fraction))
    average = power_average(spectrum, freqs, fraction)
    # Within 0.05 dB where SHARP's response turns at 50 dB per octave: the cells (AVERAGE_CELLS_PER_OCTAVE) lose only
    # its curvature across 1/48 octave (0.04 dB at worst here; 1/24-octave cells were 0.12 dB off).
    np.testing.assert_allclose(average.of(SHARP.response_db(average.freqs_hz, 44100)), expected, atol=0.05)


def test_a_power_averages_points_lie_inside_the_spectrum_and_its_rows_sum_to_one():
    spectrum = audio_spectrum(pink_noise(2.0), 44100)
    average = power_average(spectrum, fit_grid(), 4)
    assert 0.0 < average.freqs_hz.min() and average.freqs_hz.max() < 22050.0
    assert np.all(np.diff(average.freqs_hz) > 0.0)
    np.testing.assert_allclose(average.weights.sum(axis=1), 1.0, atol=1e-12)


def test_a_point_past_the_spectrums_nyquist_takes_the_nearest_frequency():
    spectrum = audio_spectrum(pink_noise(2.0)[::4], 44100 / 4)  # 11.025 kHz: nothing above 5.5 kHz
    average = power_average(spectrum, np.array([1000.0, 9000.0]), 4)
    assert np.count_nonzero(average.weights[1]) == 1
    assert average.freqs_hz[np.argmax(average.weights[1])] == average.freqs_hz.max()
