"""Bad values are named short and plainly: a wrong type shows its type and value, a long value is cut."""

import numpy as np
import pytest

from eqmorph import EQ, ParameterError, UnknownWordError
from eqmorph.core.eq import check_eq
from eqmorph.errors import MAX_VALUE_CHARS

SAMPLE_RATE = 44100.0
GRID_HZ = np.geomspace(20.0, 20000.0, 16)


def _boosted() -> EQ:
    return EQ.flat().with_band(2, gain_db=3.0)


@pytest.mark.parametrize("value,shown", [("warm", "<str 'warm'>"), (None, "<NoneType None>"),
                                         (np.zeros(3), "<ndarray array([0., 0., 0.])>")])
def test_a_value_of_the_wrong_type_is_shown_with_its_type_and_value(value, shown):
    with pytest.raises(ParameterError) as err:
        check_eq(value)
    assert str(err.value).startswith(f"eq={shown} is not allowed: expected an eqmorph.EQ")
    assert err.value.value is value  # callers that rename the parameter still get the value itself


def test_a_long_value_is_cut_in_the_message_but_kept_whole_on_the_error():
    phrase = "warm " * 100
    err = ParameterError("word", phrase, "at most 200 characters")
    shown = str(err).split(" is not allowed")[0].removeprefix("word=")
    assert len(shown) == MAX_VALUE_CHARS and shown.startswith("'warm warm") and shown.endswith("...")
    assert err.value == phrase


def test_a_value_whose_repr_spans_lines_is_shown_on_one_line():
    err = ParameterError("eq", np.zeros((5, 3)), "an eqmorph.EQ", wrong_type=True)
    assert "\n" not in str(err)


def test_renaming_an_error_keeps_its_value_and_how_it_is_shown():
    err = ParameterError("text", "warm", "an EQ", wrong_type=True).renamed("word")
    assert (err.name, err.value, err.allowed) == ("word", "warm", "an EQ")
    assert str(err).startswith("word=<str 'warm'>")


def test_an_unknown_long_word_is_cut_in_the_message():
    err = UnknownWordError("x" * 5000, [])
    assert len(str(err)) < 2 * MAX_VALUE_CHARS and err.word == "x" * 5000


@pytest.mark.parametrize("freq", [1000, 1000.0, np.float32(1000.0), np.int64(1000)])
def test_the_response_at_one_frequency_is_one_number(freq):
    value = _boosted().response_db(freq, sample_rate=SAMPLE_RATE)
    assert isinstance(value, float)
    assert value == _boosted().response_db([float(freq)], sample_rate=SAMPLE_RATE)[0]


@pytest.mark.parametrize("freqs", ["1000", b"1000", ["1000"], True, [True, False], [1000.0, [2000.0]], [None]])
def test_frequencies_given_as_text_or_bools_are_refused_naming_freqs_hz(freqs):
    with pytest.raises(ParameterError, match=r"^freqs_hz=<.*never str or bool"):
        _boosted().response_db(freqs, sample_rate=SAMPLE_RATE)


def test_a_2d_grid_of_frequencies_is_refused_naming_its_shape():
    with pytest.raises(ParameterError, match=r"freqs_hz=.*1-D sequence of Hz, not shape \(2, 8\)"):
        _boosted().response_db(GRID_HZ.reshape(2, 8), sample_rate=SAMPLE_RATE)


def test_a_long_path_is_shown_whole_so_the_user_knows_which_file():
    path = "/tmp/" + "a_long_folder_name/" * 8 + "mix.wav"
    assert f"path={path!r} is not allowed" in str(ParameterError("path", path, "an audio file"))
