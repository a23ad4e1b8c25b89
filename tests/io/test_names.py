"""The one rule for the names eqmorph makes up (io/names.py; web/filenames.js mirrors it, tested in the page tests)."""

from __future__ import annotations

import pytest

from eqmorph.io.names import FALLBACK_STEM, MAX_PART_CHARS, eq_stem, file_stem, slug


@pytest.mark.parametrize("text, expected", [
    ("a bit brighter", "a-bit-brighter"),
    ("Un poco MÁS cálido", "un-poco-mas-calido"),  # lower case, accents stripped
    ("  ¿más brillo?  ", "mas-brillo"),  # no hyphen at either end
    ("bass -3dB", "bass-3db"),
    ("niño/año_2", "nino-ano-2"),  # a path separator or an underscore is one more hyphen
    ("温暖", ""),  # nothing of a-z, 0-9 is left
])
def test_a_slug_is_lower_case_without_accents_with_one_hyphen_for_every_other_run(text, expected):
    assert slug(text) == expected


def test_a_long_text_is_cut_and_never_ends_in_a_hyphen():
    cut = slug("warm but not muddy, with a touch of air and more presence")
    assert len(cut) <= MAX_PART_CHARS and cut == "warm-but-not-muddy-with-a-touch" and not cut.endswith("-")


def test_a_stem_joins_the_pieces_leaving_out_empty_ones():
    assert file_stem("eqmorph", "match", "Drums (take 2)", "to", "piano") == "eqmorph-match-drums-take-2-to-piano"
    assert file_stem("温暖", "?") == FALLBACK_STEM


def test_an_eqs_stem_writes_its_numbers_as_they_are():
    assert eq_stem("un poco más cálido") == "un-poco-mas-calido"
    assert eq_stem("un poco más cálido", "bright", alpha=0.3) == "un-poco-mas-calido-to-bright-0.300"
    assert eq_stem("thin", intensity=1.5, source="SAFE") == "thin-x1.5-safe"
