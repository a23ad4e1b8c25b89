"""The SocialFX parquet loader: hub layout, safe parsing of `extra`, fitting, clear errors offline."""

import unicodedata

import numpy as np
import pytest
from datasets_fixtures import curve, sfx_row, write_parquet

from eqmorph.core import fit
from eqmorph.datasets import audealize, load_socialfx, read_socialfx
from eqmorph.datasets import paths as data_paths
from eqmorph.errors import DataFormatError, DataUnavailableError


def test_rows_load_with_terms_languages_weights_and_a_fit_per_row(socialfx_parquet):
    ds = load_socialfx(socialfx_parquet)
    assert ds.terms == ("warm", "cálido", "soft", "calm")
    assert ds.lang == ("en", "es", "en", "en")
    assert ds.weight.tolist() == [0.8, 0.5, 0.8, 0.8]
    assert ds.ids == ("eq_0", "eq_1", "eq_2#0", "eq_2#1")
    assert set(ds.source) == {"socialfx"}
    assert np.all(np.isfinite(ds.fit_error_db)) and np.all(ds.fit_error_db < 2.0)


def test_the_stored_fit_error_is_the_rms_distance_to_the_rendered_curve(socialfx_parquet):
    ds = load_socialfx(socialfx_parquet)
    freqs = fit.fit_grid()
    target = audealize.render_audealize_db(np.array([curve(0)]), freqs)[0]
    from eqmorph.core import dsp

    fitted = dsp.response_db_np(ds.params_array()[0], freqs, 48000.0)
    assert np.sqrt(np.mean((fitted - target) ** 2)) == pytest.approx(ds.fit_error_db[0], abs=1e-9)


def test_multi_word_siblings_share_one_fitted_eq(socialfx_parquet):
    ds = load_socialfx(socialfx_parquet)
    assert np.array_equal(ds.params[2], ds.params[3])


def test_without_fit_the_terms_load_with_flat_eqs_and_no_fit_error(socialfx_parquet):
    ds = load_socialfx(socialfx_parquet, fit=False)
    assert len(ds) == 4
    assert np.all(ds.params_array()[:, :, 0] == 0.0)
    assert np.all(np.isnan(ds.fit_error_db))


def test_decomposed_unicode_text_is_normalised_to_nfc(tmp_path):
    path = write_parquet(tmp_path / "a.parquet", [sfx_row("eq_0", unicodedata.normalize("NFD", " Frío "))])
    assert read_socialfx(path).terms == ("frío",)


def test_a_malicious_extra_is_not_executed_but_counted_as_a_bad_row(tmp_path):
    marker = tmp_path / "pwned"
    evil = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    path = write_parquet(tmp_path / "a.parquet", [sfx_row("eq_0", "warm"), sfx_row("eq_1", "cold", extra=evil)])
    rows = read_socialfx(path)
    assert not marker.exists()
    assert rows.terms == ("warm",)
    assert rows.skipped == {"bad extra": 1}


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (sfx_row("eq_9", None), "missing descriptor"),
        (sfx_row("eq_9", " , "), "empty descriptor"),
        (sfx_row("eq_9", "test"), "placeholder descriptor"),
        (sfx_row("eq_9", "warm", values=[0.0] * 39), "bad param_values"),
        (sfx_row("eq_9", "warm", values=[float("nan")] + [0.0] * 39), "bad param_values"),
        (sfx_row("eq_9", "warm", keys=[f"k{i}" for i in range(40)]), "unexpected param_keys"),
        (sfx_row("eq_9", "warm", extra="[1, 2]"), "bad extra"),
        (sfx_row("eq_9", "warm", extra="{'lang': 'English', 'ratings_consistency': 3}"), "bad extra"),
        (sfx_row("eq_9", "warm", extra="{'lang': 'English'"), "bad extra"),
    ],
)
def test_bad_rows_are_skipped_and_counted_by_reason(tmp_path, row, reason):
    path = write_parquet(tmp_path / "a.parquet", [sfx_row("eq_0", "warm"), row])
    rows = read_socialfx(path)
    assert rows.terms == ("warm",)
    assert rows.skipped == {reason: 1}


def test_param_keys_in_another_order_are_reordered(tmp_path):
    from eqmorph.datasets.socialfx import PARAM_KEYS

    values = curve(3)
    row = sfx_row("eq_0", "warm", values=values[::-1], keys=list(PARAM_KEYS)[::-1])
    assert read_socialfx(write_parquet(tmp_path / "a.parquet", [row])).curves[0].tolist() == values


def test_a_file_that_is_not_parquet_raises_a_data_format_error(tmp_path):
    path = tmp_path / "eq-00000-of-00001.parquet"
    path.write_text("id,text\n1,warm\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="parquet"):
        load_socialfx(path)


def test_a_parquet_without_the_hub_columns_raises_a_data_format_error(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"id": ["a"], "word": ["warm"]}), path)
    with pytest.raises(DataFormatError, match="param_values"):
        load_socialfx(path)


@pytest.mark.parametrize("where", ["file", "dataset folder", "data root"])
def test_the_parquet_is_found_in_the_hub_and_shared_layouts(socialfx_parquet, where):
    path = {
        "file": socialfx_parquet,
        "dataset folder": socialfx_parquet.parent.parent,
        "data root": socialfx_parquet.parent.parent.parent,
    }[where]
    assert len(read_socialfx(path).terms) == 4


def test_offline_download_raises_data_unavailable_naming_the_data_option(monkeypatch):
    import huggingface_hub

    def offline(*args, **kwargs):
        raise OSError("network is unreachable")

    monkeypatch.setattr(huggingface_hub, "snapshot_download", offline)
    with pytest.raises(DataUnavailableError) as info:
        load_socialfx(None)
    assert "--data" in str(info.value) and data_paths.DATA_ENV in str(info.value)


def test_a_second_load_reuses_the_cached_fit(socialfx_parquet, private_fit_cache, monkeypatch):
    first = load_socialfx(socialfx_parquet)
    assert len(list(private_fit_cache.glob("socialfx-fit-*.npz"))) == 1

    def no_fit(*args, **kwargs):
        raise AssertionError("fitted again instead of using the cache")

    monkeypatch.setattr(fit, "fit_curves", no_fit)
    monkeypatch.setattr("eqmorph.datasets.socialfx.fit_curves", no_fit)
    second = load_socialfx(socialfx_parquet)
    assert np.array_equal(first.params, second.params)
    assert np.array_equal(first.fit_error_db, second.fit_error_db)


def test_another_fit_config_or_a_corrupt_cache_file_refits(socialfx_parquet, private_fit_cache):
    base = load_socialfx(socialfx_parquet)
    (cached,) = private_fit_cache.glob("socialfx-fit-*.npz")
    cached.write_bytes(b"not an npz")
    again = load_socialfx(socialfx_parquet)
    assert np.array_equal(base.params, again.params)
    load_socialfx(socialfx_parquet, fit_config=fit.FitConfig(polish_iterations=3))
    assert len(list(private_fit_cache.glob("socialfx-fit-*.npz"))) == 2
