"""The SAFE-DB CSV loader: good rows in, bad rows counted by reason, wrong files refused."""

import numpy as np
import pytest
from datasets_fixtures import SAFE_BAD, SAFE_GOOD

from eqmorph.core.ranges import DEFAULT_SHELF_Q
from eqmorph.datasets import load_safe
from eqmorph.errors import DataFormatError, DataUnavailableError


def test_good_rows_load_with_normalised_terms_and_shelf_q(safe_csv):
    ds = load_safe(safe_csv)
    assert ds.terms == ("warm", "bright", "bright", "toppy", "thick")
    assert set(ds.source) == {"safe"} and set(ds.lang) == {None}
    assert np.all(ds.weight == 1.0) and np.all(np.isnan(ds.fit_error_db))
    p = ds.params_array()
    assert np.all(p[:, [0, 4], 2] == DEFAULT_SHELF_Q)
    assert p[0, 0, :2] == pytest.approx([6.0, 120.0])
    assert p[0, 4, :2] == pytest.approx([-4.0, 9000.0])


def test_peaking_bands_are_stored_sorted_by_frequency_with_their_gain_and_q(safe_csv):
    # Row 2 lists its peaks at 3000, 300, 8000 Hz.
    p = load_safe(safe_csv).params_array()
    assert np.all(np.diff(p[:, 1:4, 1], axis=1) > 0)
    assert np.allclose(p[1, 1:4], [[1, 300, 0.99], [3, 3000, 1.2], [5, 8000, 0.1]])


def test_float32_rounding_past_a_bound_is_clipped_onto_it(safe_csv):
    # Row 2's third peak has Q 0.10000000149 (float32 of 0.1): inside after clipping, not skipped.
    ds = load_safe(safe_csv)
    assert "bright" in ds.terms[:2]
    assert ds.params_array()[1, 1:4, 2].min() == pytest.approx(0.1)


def test_bad_rows_are_skipped_and_counted_by_reason(safe_csv):
    ds = load_safe(safe_csv)
    assert dict(ds.skipped) == {reason: 1 for reason in SAFE_BAD}


def test_comma_separated_descriptors_become_one_row_per_word_with_sibling_ids(safe_csv):
    ds = load_safe(safe_csv)
    assert ds.ids[-2:] == ("safe_4#0", "safe_4#1")
    assert np.array_equal(ds.params[-1], ds.params[-2])


@pytest.mark.parametrize("where", ["file", "folder", "root"])
def test_the_csv_is_found_from_its_file_its_folder_or_the_data_root(safe_csv, where):
    path = {"file": safe_csv, "folder": safe_csv.parent, "root": safe_csv.parent.parent}[where]
    assert len(load_safe(path)) == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"a,b,c\n1,2,3\n", "25 columns"),
    ],
)
def test_a_file_that_is_not_a_safe_csv_raises_a_data_format_error(tmp_path, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(DataFormatError, match=message):
        load_safe(path)


def test_a_file_with_only_placeholder_rows_raises_a_data_format_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(SAFE_BAD["placeholder descriptor"] + "\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="no usable"):
        load_safe(path)


def test_a_missing_path_names_the_data_option(tmp_path):
    with pytest.raises(DataUnavailableError, match="--data"):
        load_safe(tmp_path / "nowhere")


def test_a_folder_without_the_csv_says_where_it_looked(tmp_path):
    with pytest.raises(DataUnavailableError, match="SAFEEqualiserUserData.csv"):
        load_safe(tmp_path)


def test_good_rows_are_unchanged_when_bad_rows_are_removed(tmp_path, safe_csv):
    clean = tmp_path / "clean.csv"
    clean.write_text("\n".join(SAFE_GOOD) + "\n", encoding="utf-8")
    a, b = load_safe(safe_csv), load_safe(clean)
    assert a.terms == b.terms and np.array_equal(a.params, b.params)
    assert dict(b.skipped) == {}
