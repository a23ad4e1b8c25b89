"""The layers stay apart: using a model never loads the dataset code (loaders, hub download, fit cache)."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(m for m in sys.modules if m.startswith('eqmorph')))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_import_eqmorph_does_not_import_datasets():
    loaded = _modules_after("import eqmorph")
    assert "eqmorph.core.eq" in loaded  # the probe sees eqmorph's modules at all
    assert not any(m.startswith("eqmorph.datasets") for m in loaded)


def test_loading_and_using_the_bundled_model_does_not_import_datasets_or_torch():
    loaded = _modules_after("import eqmorph\nm = eqmorph.load()\nm.interpolate(m.terms[0], m.terms[1], 0.5)")
    assert "eqmorph.semantic.morph" in loaded
    assert not any(m.startswith("eqmorph.datasets") for m in loaded)
    assert not any(m.startswith("eqmorph.training") for m in loaded)


def test_dir_of_the_package_lists_the_lazily_imported_match_functions():
    import eqmorph

    assert {"match", "match_files", "match_result", "MatchResult", "load", "EQ"} <= set(dir(eqmorph))
