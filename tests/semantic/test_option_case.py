"""The Python API takes its text options in any letter case, as the CLI and the server do (a sixth new-user trial:
``language="EN"`` and ``method="LATENT"`` were refused while ``source="SAFE"`` was read)."""

import numpy as np
import pytest

import eqmorph
from eqmorph.errors import ParameterError


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


def test_describe_reads_a_language_in_capitals(m):
    eq = m.generate("warm")
    assert m.describe(eq, k=3, language="EN") == m.describe(eq, k=3, language="en")


@pytest.mark.parametrize("method", ["LATENT", "Slerp", " params "])
def test_interpolate_reads_a_method_in_any_case(m, method):
    got = m.interpolate("warm", "bright", 0.3, method=method).to_array()
    want = m.interpolate("warm", "bright", 0.3, method=method.strip().lower()).to_array()
    np.testing.assert_array_equal(got, want)


def test_an_unknown_method_is_still_refused_naming_the_choices(m):
    with pytest.raises(ParameterError, match="method='nope'.*latent or slerp or params"):
        m.interpolate("warm", "bright", 0.5, method="nope")
