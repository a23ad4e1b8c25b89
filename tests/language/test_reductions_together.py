"""Two or more reductions in one list ("it's muddy and harsh", "less boxy, less harsh"): a review, 2026-12-04."""

from __future__ import annotations

import numpy as np
import pytest

from eqmorph.core import dsp


def gain_db(m, text, hz):
    return float(dsp.response_db_np(m.generate_params(text), np.array([float(hz)]), 48000.0)[0])


@pytest.mark.parametrize("text, amount_db", [
    ("less muddy and less harsh", 1.5), ("less boxy, less harsh", 1.5), ("less boomy and less harsh", 1.5),
    ("it's muddy and harsh", 0.75), ("it's harsh and muddy", 0.75)])
def test_two_reductions_that_pull_opposite_ways_both_cut(m, text, amount_db):
    # Summed as they were, less muddy's lift at 2-5 kHz undid less harsh's cut there (-0.1 to -0.5 dB at 2.5 kHz)
    assert gain_db(m, text, 250) < -amount_db
    assert gain_db(m, text, 2500) < -amount_db


def test_reductions_that_agree_sum_as_before(m):
    # muddy and boomy both lift the lows and cut the highs: less of both lifts the highs as less muddy does
    assert gain_db(m, "less muddy and less boomy", 250) < -3.0
    assert gain_db(m, "less muddy and less boomy", 5000) > 3.0


def test_one_reduction_is_its_word_inverted(m):
    inverted = m.generate_params("muddy").copy()
    inverted[:, 0] *= -1.0
    assert m.generate_params("less muddy") == pytest.approx(inverted)


@pytest.mark.parametrize("text, together", [
    ("less muddy and less harsh", ("muddy", "harsh")), ("it's muddy and harsh", ("muddy", "harsh")),
    ("less muddy", ()), ("warm but not muddy, not harsh", ()),  # a contrast takes away what warm does not share
    ("more warm, less warm, less bright", ())])  # warm is asked both ways: it cancels, one reduction is left
def test_the_interpretation_says_which_reductions_are_summed_together(m, text, together):
    parsed = m.parse(text)
    assert parsed.reductions == together
    assert ("reduced together" in str(parsed)) == bool(together)
