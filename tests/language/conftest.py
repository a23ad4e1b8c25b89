"""Fixtures of the language tests: the bundled model, loaded once per module that asks for it."""

from __future__ import annotations

import pytest

import eqmorph


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()
