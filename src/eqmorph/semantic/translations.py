"""Words across languages in descriptions: which crowd words a translation contradicts, and the Spanish names of
English crowd words.

Two crowds typed words: SAFE-DB's engineers and most of SocialFX in English, part of SocialFX in Spanish. The Spanish
words have few examples each and a noisy crowd (split-half reliability 0.51, docs/model.md), so a description worded
in Spanish from them alone is weak: before these names, a warm EQ was "duro" in Spanish and a bright one "muy agudo".
The English words carry far more data, and the lexicon (:mod:`eqmorph.language.lexicon`, dictionary rows) knows
what Spanish speakers call them. A Spanish description may say an English word by its Spanish name ("cálido" for
warm) when that name reads back, through the language layer, as the word's own sound: ``generate(name)``
correlates at least ``READS_BACK_CORR`` with the word's EQ, and the name is no crowd word of its own (the crowd's
"brillante" stays the Spanish crowd's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core import dsp
from eqmorph.errors import ParameterError
from eqmorph.language.lexicon import english_translations, translation_pairs
from eqmorph.language.stoplist import feeling_words

if TYPE_CHECKING:
    from eqmorph.semantic.describe import Describer, WordModel

# A translated word whose crowd EQ correlates below this with every English translation the model knows is not
# said: the Spanish crowd's "claro" correlates -0.13 with "clear" and described a treble cut as "very claro".
MIN_TRANSLATION_CORR = 0.3
# A Spanish name must read back as its word: generate(name) correlates at least this well with the word's EQ.
# "cálido" reads as warm and the Spanish crowd's caliente (0.99 with warm); "nítido" as clear and crisp.
READS_BACK_CORR = 0.9


def _unit_shapes(responses_db: np.ndarray) -> np.ndarray:
    """Responses ``(..., F)`` less their means, scaled to unit length: their dot products are correlations."""
    r = responses_db - responses_db.mean(axis=-1, keepdims=True)
    return r / np.maximum(np.linalg.norm(r, axis=-1, keepdims=True), 1e-12)


def contradicts_its_translations(describer: Describer) -> np.ndarray:
    """``(W,)``: words whose EQ correlates below ``MIN_TRANSLATION_CORR`` with every English translation (the
    lexicon's) among the describer's words: said, they would tell a reader the opposite of their dictionary sense.
    A word with no translation among the words is not judged."""
    row = {t: i for i, t in enumerate(describer.terms)}
    unit = _unit_shapes(describer.responses_db)
    out = np.zeros(len(describer.terms), dtype=bool)
    for i, term in enumerate(describer.terms):
        known = [row[t] for t in english_translations(term) if t in row and t != term]
        out[i] = bool(known) and float(np.max(unit[known] @ unit[i])) < MIN_TRANSLATION_CORR
    return out


def spanish_names(model: WordModel, describer: Describer, source: str | None = None) -> dict[str, str]:
    """``{english word: its Spanish name}`` for the describer's words that are not Spanish already ("warm":
    "cálido"): the first of the lexicon's translation rows (file order) that is no word of the model, names no
    other word and reads back as the word (``READS_BACK_CORR``) in crowd ``source``'s EQs. A word whose crowd
    meaning has its own Spanish crowd word ("bright": the crowd's "brillante", which correlates only 0.76 with it)
    has no Spanish name: two "brillante" with different sounds would confuse a reader."""
    row = {t: i for i, t in enumerate(describer.terms)}
    spanish_words = {t for t, langs in zip(describer.terms, describer.languages or ()) if "es" in langs}
    own_words = set(model.terms)
    # A word of feeling ("scary": language/feelings.txt) names no sound, and its name would slip past that list.
    unsaid = feeling_words()
    unit = _unit_shapes(describer.responses_db)
    names: dict[str, str] = {}
    for spanish, english in translation_pairs():
        i = row.get(english)
        taken = english in names or spanish in names.values()  # one name per word, one word per name
        if i is None or taken or english in spanish_words or english in unsaid or spanish in own_words:
            continue
        read_back = _read_back(model, spanish, source)
        if read_back is None:
            continue
        shape = _unit_shapes(dsp.response_db_np(read_back[None], describer.freqs_hz, describer.sample_rate)[0])
        if float(shape @ unit[i]) >= READS_BACK_CORR:
            names[english] = spanish
    return names


def _read_back(model: WordModel, text: str, source: str | None) -> np.ndarray | None:
    """``generate(text)``'s ``(5, 3)`` EQ, or ``None`` when this model cannot read it (a small model's vocabulary
    lacks every word the lexicon ties it to): then it names nothing."""
    try:
        return np.asarray(model.generate_params(text, source=source), dtype=np.float64)
    except ParameterError:
        return None


__all__ = ["MIN_TRANSLATION_CORR", "READS_BACK_CORR", "contradicts_its_translations", "spanish_names"]
