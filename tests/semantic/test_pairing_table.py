"""A model's precomputed peak pairings (eqmorph.semantic.pairings): same pairings, same EQs, tied to the model."""

import dataclasses
import itertools
import shutil

import numpy as np
import pytest

from eqmorph import ModelFileError
from eqmorph.core.ranges import PEAK_PERMS, to_model_space
from eqmorph.model import checkpoint
from eqmorph.semantic import pairings
from eqmorph.semantic.morph import Morpher, bundled_model_dir, load
from eqmorph.semantic.path import MorphPath, _best_pairing, best_pairings

ALPHAS = [0.0, 1e-9, 0.1, 0.37, 0.5, 0.83, 1.0 - 1e-9, 1.0]
INTENSITIES = [1.0, -0.7, 2.5]


def _crowd_checkpoint(ckpt, seed=0):
    """``ckpt`` with two made-up crowds whose centroids are moved copies of the combined ones."""
    rng = np.random.default_rng(seed)
    k, d = ckpt.centroids.shape
    crowds = np.clip(ckpt.centroids[None] + rng.normal(0.0, 0.3, (2, k, d)), -1.0, 1.0).astype(np.float32)
    return dataclasses.replace(ckpt, sources=("safe", "socialfx"), source_counts=np.ones((2, k), dtype=np.int64),
                               source_centroids=crowds, source_spreads=np.repeat(ckpt.spreads[None], 2, axis=0))


@pytest.fixture
def model_dir(tiny_model_dir, tmp_path):
    """A writable copy of the tiny model, with two crowds so the per-crowd rows of the table are exercised."""
    folder = tmp_path / "model"
    checkpoint.save(_crowd_checkpoint(checkpoint.load(tiny_model_dir)), folder)
    return folder


def _one_at_a_time(model, source):
    """``(k, k)`` pairings computed pair by pair, as a path without a table does."""
    x = to_model_space(np.stack([model.generate_params(w, source=source) for w in model.terms]))
    return np.array([[_best_pairing(xa, xb) for xb in x] for xa in x])


def _all_eqs(model, source=None):
    """``(pairs, n, 5, 3)``: every ordered pair (and one word with itself), one alpha at a time and in batches."""
    pairs = list(itertools.permutations(model.terms, 2)) + [(model.terms[0], model.terms[0])]
    return np.stack([np.concatenate([
        np.stack([model.interpolate(a, b, x, i, source=source).to_array() for x in ALPHAS for i in INTENSITIES]),
        np.concatenate([model.interpolate_params(a, b, [x], i, source=source) for x in ALPHAS for i in INTENSITIES]),
        *(model.interpolate_params(a, b, ALPHAS, i, source=source) for i in INTENSITIES)]) for a, b in pairs])


def test_the_table_holds_the_computed_pairing_of_every_pair_for_every_crowd(model_dir):
    model = load(model_dir)
    table = pairings.compute_pairings(model)
    assert table.shape == (3, len(model.terms), len(model.terms)) and table.dtype == np.uint8
    for row, source in enumerate((None, *model.sources)):
        np.testing.assert_array_equal(table[row], _one_at_a_time(model, source))


def test_the_bundled_models_pairs_are_paired_alike_in_batches_and_one_at_a_time():
    model = load()
    x = to_model_space(np.stack([model.generate_params(w) for w in model.terms]))
    rng = np.random.default_rng(0)
    first, second = rng.integers(0, len(x), 300), rng.integers(0, len(x), 300)
    batched = np.concatenate([best_pairings(x[first[s:s + 32]], x[second[s:s + 32]]) for s in range(0, 300, 32)])
    alone = np.array([_best_pairing(x[i], x[j]) for i, j in zip(first, second)])
    np.testing.assert_array_equal(batched, alone)
    assert len(set(alone.tolist())) >= 2  # the sample holds crossing pairings, not only the identity
    np.testing.assert_array_equal(pairings.pairing_table(x[:0]), np.empty((0, 0), dtype=np.uint8))


def test_the_bundled_model_ships_a_current_table_that_agrees_with_computing():
    model = load()
    n = len(model.terms)
    table = pairings.read_pairings(bundled_model_dir(), pairings.model_key(model), (1 + len(model.sources), n, n))
    assert table is not None, "regenerate it: python -m eqmorph.semantic.pairings src/eqmorph/pretrained/default"
    rng = np.random.default_rng(1)
    for row, source in enumerate((None, *model.sources)):
        x = to_model_space(np.stack([model.generate_params(w, source=source) for w in model.terms]))
        for i, j in rng.integers(0, n, (150, 2)):
            if model.terms[i] in model.shadowed or model.terms[j] in model.shadowed:
                continue  # text never names them directly ("brighter" is more of bright): their rows go unread
            assert table[row, i, j] == _best_pairing(x[i], x[j])


def test_written_and_read_back_the_table_is_unchanged_and_used_by_new_pairs(model_dir):
    model = load(model_dir)
    written = pairings.write_pairings(model_dir)
    assert written == model_dir / pairings.PAIRINGS_FILE
    n = len(model.terms)
    read = pairings.read_pairings(model_dir, pairings.model_key(model), (3, n, n))
    np.testing.assert_array_equal(read, pairings.compute_pairings(model))
    fresh = load(model_dir)
    assert fresh._pairings.get("socialfx", 1, 2) == read[2, 1, 2]
    assert fresh._pairings.get(None, None, 2) is None  # a phrase has no entry: computed on demand


def test_interpolate_gives_the_same_bits_with_and_without_the_table(model_dir):
    without = load(model_dir)  # no table written yet: every pair computes its pairing
    pairings.write_pairings(model_dir)
    with_table = load(model_dir)
    plain = Morpher(checkpoint.load(model_dir))  # no model directory at all
    for source in (None, "safe", "socialfx"):
        expected = _all_eqs(without, source)
        n = len(ALPHAS) * len(INTENSITIES)  # one alpha per call, through interpolate and interpolate_params
        np.testing.assert_array_equal(expected[:, :n], expected[:, n:2 * n])
        np.testing.assert_array_equal(_all_eqs(with_table, source), expected)
        np.testing.assert_array_equal(_all_eqs(plain, source), expected)
    assert with_table._pairings._table is not None  # the table was read and used


def test_a_new_pair_takes_its_pairing_from_the_table(model_dir):
    # A doctored table (right key, another pairing) changes the morph: the path reads the table, not a recomputation.
    model = load(model_dir)
    a, b = model.terms[0], model.terms[1]
    computed = _best_pairing(*to_model_space(np.stack([model.generate_params(a), model.generate_params(b)])))
    other = (computed + 1) % len(PEAK_PERMS)
    table = pairings.compute_pairings(model)
    table[0, 0, 1] = other
    _write(model_dir, table, key=pairings.model_key(model))
    doctored = load(model_dir).path(a, b)
    expected = MorphPath._trusted(model.generate_params(a), model.generate_params(b), other)
    for x in (0.3, 0.6):
        np.testing.assert_array_equal(doctored.params(x), expected.params(x))


def test_a_word_standing_for_its_base_pairs_from_the_base_words_row(monkeypatch):
    model = load()
    if not model.shadowed:
        pytest.skip("the bundled model has no word that stands for another")
    form, base = next(iter(model.shadowed.items()))
    other = next(w for w in model.terms if w not in (form, base))

    def no_computing(*args):
        raise AssertionError("the pairing was computed, not read from the table")

    monkeypatch.setattr("eqmorph.semantic.path._best_pairing", no_computing)
    for a, b in ((form, other), (other, form)):
        path, expected = model.path(a, b), model.path(a.replace(form, base), b.replace(form, base))
        for x in (0.3, 0.6):
            np.testing.assert_array_equal(path.params(x), expected.params(x))


def _write(folder, table, **meta):
    from safetensors.numpy import save_file

    defaults = {"format": pairings.FORMAT, "rule_version": pairings.RULE_VERSION, "model_id": "m", "key": "k"}
    save_file({"pairings": table}, str(folder / pairings.PAIRINGS_FILE), metadata={**defaults, **meta})


def test_a_table_for_another_model_is_ignored_with_a_warning_and_pairs_are_computed(model_dir):
    model = load(model_dir)
    table = np.full((3, len(model.terms), len(model.terms)), 5, dtype=np.uint8)  # wrong pairings everywhere
    _write(model_dir, table, key="0" * 64, model_id="eqmorph-000000000000")
    stale = load(model_dir)
    with pytest.warns(UserWarning, match="another model.*python -m eqmorph.semantic.pairings"):
        eqs = _all_eqs(stale)
    np.testing.assert_array_equal(eqs, _all_eqs(Morpher(checkpoint.load(model_dir))))
    _write(model_dir, table, key=pairings.model_key(model), rule_version="0")  # an older pairing rule
    with pytest.warns(UserWarning, match="pairing rule"):
        assert load(model_dir)._pairings.get(None, 0, 1) is None


def test_the_key_changes_with_the_weights_the_words_and_the_centroids(model_dir):
    ckpt = checkpoint.load(model_dir)
    key = pairings.model_key(Morpher(ckpt))
    assert pairings.model_key(Morpher(ckpt)) == key
    moved = dataclasses.replace(ckpt, centroids=ckpt.centroids + np.float32(1e-3))
    crowds = _crowd_checkpoint(ckpt, seed=5)
    weights = dict(ckpt.weights)
    name = sorted(weights)[0]
    weights[name] = weights[name] + np.float32(1e-3)
    renamed = dataclasses.replace(ckpt, terms=tuple(reversed(ckpt.terms)))
    for other in (moved, crowds, dataclasses.replace(ckpt, weights=weights), renamed):
        assert pairings.model_key(Morpher(other)) != key


@pytest.mark.parametrize("damage", ["not safetensors", "wrong shape", "too large a pairing", "wrong format"])
def test_a_broken_table_is_refused_with_a_message_saying_how_to_rewrite_it(model_dir, damage):
    model = load(model_dir)
    n, key = len(model.terms), pairings.model_key(model)
    if damage == "not safetensors":
        (model_dir / pairings.PAIRINGS_FILE).write_bytes(b"\x00" * 40)
    elif damage == "wrong shape":
        _write(model_dir, np.zeros((1, n, n), dtype=np.uint8), key=key)
    elif damage == "too large a pairing":
        _write(model_dir, np.full((3, n, n), 6, dtype=np.uint8), key=key)
    else:
        _write(model_dir, np.zeros((3, n, n), dtype=np.uint8), key=key, format="something-else")
    with pytest.raises(ModelFileError, match="pairing table.*python -m eqmorph.semantic.pairings"):
        load(model_dir).path(model.terms[0], model.terms[1])


def test_the_command_writes_the_table_and_reports_a_missing_model(model_dir, tmp_path, capsys):
    assert pairings.main([str(model_dir)]) == 0
    assert f"wrote {model_dir / pairings.PAIRINGS_FILE}" in capsys.readouterr().out
    assert pairings.main([str(tmp_path / "nowhere")]) == 2
    assert "is not a directory" in capsys.readouterr().err


def test_a_model_without_a_table_loads_and_morphs(tiny_model_dir, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(tiny_model_dir, folder)
    model = load(folder)
    assert not (folder / pairings.PAIRINGS_FILE).exists()
    assert model._pairings.get(None, 0, 1) is None
    assert model.interpolate(model.terms[0], model.terms[1], 0.5) == model.path(model.terms[0], model.terms[1]).eq(0.5)
