"""The note that sets a small difference aside as estimation noise states the rule its numbers obey."""

import re

import numpy as np

from eqmorph import EQ
from eqmorph.semantic.match import NOISE_FACTOR, match_result


def test_the_same_tone_note_states_the_noise_factor_and_its_numbers_obey_it():
    """Trial 6: 'differ by 0.85 dB RMS, within ... (0.58 dB of estimation noise)' read as a contradiction."""
    rng = np.random.default_rng(11)
    a, b = (0.1 * rng.standard_normal((2 * 44100, 2)) for _ in range(2))
    result = match_result(a, b, 44100)
    assert result.eq == EQ.flat()
    notes = [note for note in result.warnings if "estimation noise" in note]
    assert len(notes) == 1
    found = re.search(r"differ by ([0-9.]+) dB RMS, less than ([0-9.]+) x the ([0-9.]+) dB of estimation noise",
                      notes[0])
    assert found, notes[0]
    spread, factor, noise = (float(g) for g in found.groups())
    assert factor == NOISE_FACTOR
    assert spread < factor * noise
    assert "within what" not in notes[0]
