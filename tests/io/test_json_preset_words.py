"""A JSON preset's faults are said in JSON's words (null, true, an array, "1000"), never Python's (NoneType, True,
list, '1000'), with no recursion text; an empty .json says the preset is empty, as APO text does (trial 6)."""

from __future__ import annotations

import json
import re

import pytest

from eqmorph.errors import DataFormatError
from eqmorph.io.presets import import_preset

PYTHON_WORDS = re.compile(r"\b(NoneType|None|True|False|list|dict|str|int|float|bool|recursion)\b|'")


def _band(**values):
    return {"name": "peak1", "type": "peaking", "gain_db": 3.0, "freq_hz": 1000.0, "q": 1.0, **values}


def _refusal(tmp_path, text: str, name: str = "p.json") -> str:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(DataFormatError) as caught:
        import_preset(path)
    message = str(caught.value).removeprefix(f"{path}: ")
    if name.endswith(".json"):
        assert not PYTHON_WORDS.search(message), message
    return message


@pytest.mark.parametrize(("text", "said"), [
    ("null", "found null"),
    ("[1, 2, 3]", "found an array of 3 items"),
    ("true", "found true"),
    ('"hello"', 'found a string "hello"'),
    (json.dumps({"bands": [_band(gain_db=True)]}), "peak1.gain_db is true; expected a number"),
    (json.dumps({"bands": [_band(freq_hz="1000")]}), 'peak1.freq_hz is "1000"; expected a number'),
    (json.dumps({"bands": [_band(freq_hz=None)]}), "peak1.freq_hz is null; expected a number"),
    (json.dumps({"bands": [None]}), "bands[0] must be an object, found null"),
    (json.dumps({"bands": None}), "found null"),
    (json.dumps({"bands": [_band(name=False)]}), "bands[0].name is false"),
    (json.dumps({"bands": [_band()], "preamp_db": True}), '"preamp_db" is true'),
])
def test_a_value_of_the_wrong_kind_is_named_as_json_writes_it(tmp_path, text, said):
    assert said in _refusal(tmp_path, text)


def test_json_nested_too_deeply_for_the_reader_is_refused_without_pythons_recursion_text(tmp_path):
    message = _refusal(tmp_path, "[" * 100000)
    assert "nested too deeply" in message


@pytest.mark.parametrize("text", ["", "  \n\n"])
@pytest.mark.parametrize("name", ["p.json", "p.csv", "p.txt"])
def test_an_empty_preset_says_the_preset_is_empty_whatever_its_format(tmp_path, text, name):
    assert "the preset is empty" in _refusal(tmp_path, text, name)
