"""One schema for an EQ as data: presets, the API (its answers and its pydantic models) and the CLI share it."""

import json

import numpy as np
import pytest

from eqmorph import EQ, DataFormatError
from eqmorph.core import schema
from eqmorph.core.ranges import BAND_KINDS, BAND_NAMES, PARAM_NAMES
from eqmorph.io.presets import format_eq, from_json

ROWS = [[3.0, 105.0, 0.71], [1.5, 250.0, 2.0], [-2.5, 1000.0, 1.41], [4.0, 4000.0, 0.8], [2.0, 8000.0, 0.71]]


def test_eq_data_has_named_typed_bands_with_units_and_reads_back_exactly():
    eq = EQ.from_array(ROWS)
    data = schema.eq_data(eq)
    assert data["units"] == {"gain_db": "dB", "freq_hz": "Hz", "q": "dimensionless"}
    assert [tuple(b) for b in data["bands"]] == [schema.BAND_KEYS] * 5
    assert [(b["name"], b["type"]) for b in data["bands"]] == list(zip(BAND_NAMES, BAND_KINDS))
    assert [[b[p] for p in PARAM_NAMES] for b in data["bands"]] == ROWS
    assert schema.eq_from_data(json.loads(json.dumps(data))) == eq


def test_eq_from_data_refuses_other_units_and_shapes():
    data = schema.eq_data(EQ.flat())
    with pytest.raises(DataFormatError, match="units"):
        schema.eq_from_data({**data, "units": {"gain_db": "dB", "freq_hz": "kHz", "q": "dimensionless"}})
    with pytest.raises(DataFormatError, match="array of 5"):
        schema.eq_from_data({"bands": data["bands"][:4]})


def test_json_presets_are_the_schema_plus_how_the_eq_was_made():
    eq = EQ.from_array(ROWS)
    doc = json.loads(format_eq(eq, "json", words=["warm"]))
    assert {k: doc[k] for k in ("units", "bands")} == schema.eq_data(eq)
    assert from_json(json.dumps(doc)) == eq


def test_version_1_presets_with_band_keys_still_read():
    eq = EQ.from_array(ROWS)
    bands = [{"band": b["name"], "type": b["type"], **{p: b[p] for p in PARAM_NAMES}} for b in schema.bands_data(eq)]
    doc = {"format": "eqmorph-eq", "version": 1, "units": {"gain_db": "dB", "freq_hz": "Hz", "q": "dimensionless"},
           "bands": bands}
    assert from_json(json.dumps(doc)) == eq


def test_api_answers_use_the_schema():
    pytest.importorskip("orjson")
    from eqmorph.server.payload import CurveGrid, eq_body

    eq = EQ.from_array(ROWS)
    body = eq_body(eq, CurveGrid(), model_id="m", words=["warm"], intensity=1.0)
    assert body["units"] == schema.UNITS
    assert body["bands"] == schema.bands_data(eq)


def test_the_api_pydantic_models_describe_the_schema():
    pytest.importorskip("pydantic")
    from eqmorph.server.schemas import BandOut, EQOut

    assert tuple(BandOut.model_fields) == schema.BAND_KEYS
    assert {"units", "bands"} <= set(EQOut.model_fields)
    BandOut.model_validate(schema.bands_data(EQ.flat())[0])  # a schema band is a valid API band
    body_like = {"model_id": "m", "words": ["w"], "intensity": 1.0, **schema.eq_data(EQ.flat()), "vector": [0.0] * 15,
                 "response": {"sample_rate": 48000.0, "freqs_hz": [20.0], "db": [0.0]}}
    assert EQOut.model_validate(body_like).units == schema.UNITS


def test_the_text_renderings_share_one_table():
    eq = EQ.from_array(ROWS)
    table = schema.table_lines(eq)
    assert str(eq).splitlines() == table
    assert format_eq(eq, "table").splitlines()[: len(table)] == table
    assert schema.one_line(eq) == schema.one_line(np.asarray(ROWS)[[0, 1, 2, 3, 4]])
    assert schema.one_line(eq).startswith("LS +3.0 dB 105 Hz | PK +1.5 dB 250 Hz Q2.00 | ")


def test_a_zero_gain_is_never_printed_as_a_negative_zero():
    from eqmorph.core.schema import one_line, table_lines

    eq = EQ.from_array(np.array([[-0.0, 100.0, 0.71], [-0.0, 300.0, 1.0], [0.0, 1000.0, 1.0], [-0.0, 3000.0, 1.0],
                                 [-0.0, 8000.0, 0.71]]))
    assert "-0.0" not in one_line(eq) and not any("-0.00" in line for line in table_lines(eq))
    # nor a gain that rounds to zero (a match's -0.004 dB high shelf, a twelfth new-user trial)
    faint = EQ.from_array(np.array([[-0.004, 100.0, 0.71], [0.0, 300.0, 1.0], [0.0, 1000.0, 1.0], [-0.001, 3000.0, 1.0],
                                    [-0.0049, 8000.0, 0.71]]))
    assert not any("-0.00" in line for line in table_lines(faint))
