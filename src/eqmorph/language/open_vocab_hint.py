"""Which unknown words the open vocabulary would read, and the hint that says how to turn it on.

Without the open vocabulary (the ``text`` extra not installed, or not enabled), an unknown word that is no slip of a
known one was refused with "no similar known words" alone: a new user never learned that words outside the
vocabulary can be read by meaning (``m.generate("velvety")``; the page's "Unknown word “velvety”"). The error for
such a word gets one short hint; each front end says it in its own terms (the library's keyword here, the server's
option in ``eqmorph.server.errors``, ``--open-vocab`` in ``eqmorph.cli.handler``).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping

from eqmorph.errors import UnknownWordError


def text_extra_installed() -> bool:
    """Whether the ``text`` extra (the sentence model's weights package and its tokenizer) can be imported."""
    from eqmorph.language.openvocab import MODEL_PACKAGE

    return importlib.util.find_spec(MODEL_PACKAGE) is not None and importlib.util.find_spec("tokenizers") is not None


def reads_by_meaning(error: UnknownWordError, counts: Mapping[str, int]) -> bool:
    """Whether the open vocabulary would read the word ``error`` refuses (``counts``: the known words), as
    ``WordReader.meanings`` hands it one: one word that is no stop-listed thing ("hello"), no word a mixer says that no
    EQ makes ("glue"), no slip of a known word or studio term ("wram", "presense": the open vocabulary is not asked to
    guess at those) and that looks like a word at all ("qwrtzx" does not)."""
    from eqmorph.language.not_eq import NOT_EQ_WORDS
    from eqmorph.language.stoplist import stoplist
    from eqmorph.language.terms import normalise_term
    from eqmorph.language.typos import is_typo
    from eqmorph.language.wordlike import is_dictionary_word, looks_like_a_word

    word = normalise_term(error.word)
    if error.studio_terms or not word or " " in word or word in stoplist() or word in NOT_EQ_WORDS:
        return False
    return not is_typo(word, counts, is_dictionary_word) and looks_like_a_word(word)


def text_extra_step() -> str:
    """"install the text extra (pip ...) and " when it is missing, else "": the first step of a hint."""
    if text_extra_installed():
        return ""
    from eqmorph.core.install import install_hint

    return f"install the text extra ({install_hint('text')}) and "


def library_hint() -> str:
    """How a Python user turns the open vocabulary on."""
    return f"to read words outside the vocabulary by meaning, {text_extra_step()}load with " \
        "eqmorph.load(open_vocabulary=True)"


__all__ = ["library_hint", "reads_by_meaning", "text_extra_installed", "text_extra_step"]
