"""A CSV preset's band names and types are read in any letter case, as its header and APO keywords are (trial 6:
'PEAK1,Peaking' was refused with a message that did not name case as the problem)."""

import pytest

from eqmorph.errors import DataFormatError
from eqmorph.io.preset_csv import read_csv

LOWER = "name,type,gain_db,freq_hz,q\nlow_shelf,low_shelf,2,100,0.7\npeak1,peaking,3,1000,1\npreamp,preamp,-3,,\n"


def test_band_names_types_and_the_preamp_row_are_read_in_any_case():
    mixed = "Name,Type,Gain_dB,Freq_Hz,Q\nLow_Shelf,LOW_SHELF,2,100,0.7\nPEAK1,Peaking,3,1000,1\nPreamp,PREAMP,-3,,\n"
    assert read_csv(mixed) == read_csv(LOWER)
    assert read_csv(mixed)[1] == -3.0


def test_an_unknown_band_name_keeps_its_spelling_in_the_message_and_lists_the_names():
    with pytest.raises(DataFormatError) as caught:
        read_csv("name,type,gain_db,freq_hz,q\nPEAK9,Peaking,3,1000,1\n")
    message = str(caught.value)
    assert "'PEAK9,Peaking,3,1000,1'" in message
    assert "low_shelf, peak1, peak2, peak3, high_shelf (any case)" in message
