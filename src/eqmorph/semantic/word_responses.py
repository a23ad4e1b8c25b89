"""What the parser asks of a model's crowd words in dB, read on their responses: the largest move of a blend of
them (a dB amount said with a crowd word, "cut 2 dB of mud": ``language/numbers.set_amounts``) and how much of an
asked-for change a kept word takes out ("less boomy but keep the warmth": ``language/compose.py``), and where a
crowd word of few examples does not sound as its dictionary translation ("brillante": :func:`few_examples_notes`).

The Morpher hands both to its vocabulary, which gives them to the parser (:mod:`eqmorph.semantic.vocabulary`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.fit import fit_grid
from eqmorph.core.schema import hz_text
from eqmorph.language.band_words import BandWord, band_word_at
from eqmorph.language.lexicon import english_translations

if TYPE_CHECKING:
    from eqmorph.language.interpretation import Interpretation
    from eqmorph.semantic.morph import Morpher

# A kept word whose EQ and the asked-for change share this much (cosine squared) is said to keep most of it
KEPT_OVERLAP = 0.5
PEAK_GRID_HZ = fit_grid(256)  # where a crowd word's largest move is found: the fit's grid, 20 Hz-20 kHz


def peak_db(model: Morpher, words: Sequence[tuple[str, float]]) -> float:
    """The largest |dB| of the response of ``sum(share x response(word))`` (both crowds' words): what a dB amount
    sets for a crowd word ("cut 2 dB of mud"; language/numbers.set_amounts)."""
    shares = np.array([share for _, share in words])
    return float(np.abs(shares @ _responses(model, [word for word, _ in words])).max())


def _responses(model: Morpher, words: Sequence[str]) -> np.ndarray:
    """``(k, F)`` dB responses of the ``k`` words' EQs (both crowds') on ``PEAK_GRID_HZ``."""
    return dsp.response_db_np(np.stack([model._word_params(w) for w in words]), PEAK_GRID_HZ, ANALYSIS_SAMPLE_RATE)


def kept_notes(model: Morpher, meant: Interpretation) -> list[str]:
    """A note for each crowd word kept ("less boomy but keep the warmth") whose EQ moves the bands the asked-for
    change moves: keeping it takes out that part of the change (language/compose.py), which for words the crowds
    hear alike is nearly all of it. Said, since the EQ then looked like nothing happened (a twenty-fifth trial:
    boomy and warm correlate 0.9 in the crowds' EQs)."""
    weights = dict(meant.weights)
    kept = [w for w in meant.kept if w in model.counts and w not in weights]
    if not kept or not weights:
        return []
    responses = _responses(model, [*weights, *kept])
    asked = np.array(list(weights.values())) @ responses[:len(weights)]
    notes = []
    for word, response in zip(kept, responses[len(weights):]):
        cos = float(asked @ response / max(np.linalg.norm(asked) * np.linalg.norm(response), 1e-12))
        if cos * cos >= KEPT_OVERLAP:
            notes.append(f"keeping {word!r} takes out about {100 * cos * cos:.0f}% of the change: its EQ moves the "
                         f"bands the change moves (cosine {cos:+.2f}); to keep less, keep a region instead (e.g. "
                         "'keep the low end')")
    return notes


# A crowd word with fewer examples than this is compared with its lexicon translation's EQ (one with at least as
# many examples): the Spanish crowd's "brillante" (4 examples) lifts 0.7-4.4 kHz, "bright" (423) lifts the highs, and
# "un poco más brillante" read back as "a bit harsh" with nothing said (a forty-second round)
FEW_EXAMPLES = 10
HIGHS_HZ = 5000.0  # where a translation's highs are compared: its mean dB above this
HIGHS_DB = 1.5  # a translation that moves its highs this much (mean dB) is compared there
HIGHS_SHARE = 1 / 3  # a word that moves them less than this share of it, or the other way, disagrees


def few_examples_notes(model: Morpher, words: Sequence[str], cut: Collection[str] = ()) -> list[str]:
    """A note for each crowd word of ``words`` (those a text stands for) whose EQ disagrees with its lexicon
    translation's (the one of the model with the most examples, at least ``FEW_EXAMPLES``): in sign (the two
    responses correlate below 0), or, for a word of fewer than ``FEW_EXAMPLES`` examples, above ``HIGHS_HZ`` too (the
    translation moves its highs at least ``HIGHS_DB`` on average and the word less than ``HIGHS_SHARE`` of that, or
    the other way). The EQ stays the crowd's; the note says what its examples do and what to say for the
    translation's sound, the other way for the words of ``cut`` (asked for less: "demasiado brillante" was told how
    to lift the highs, an eleventh new-user trial)."""
    notes = []
    highs = PEAK_GRID_HZ >= HIGHS_HZ
    for word in dict.fromkeys(words):
        if word not in model.counts:
            continue
        count = model.counts[word]
        known = sorted((t for t in english_translations(word) if t != word and model.counts.get(t, 0) >= FEW_EXAMPLES),
                       key=lambda t: -model.counts[t])
        if not known:
            continue
        own, other = _responses(model, [word, known[0]])
        centred = own - own.mean(), other - other.mean()
        corr = float(centred[0] @ centred[1] / max(np.linalg.norm(centred[0]) * np.linalg.norm(centred[1]), 1e-12))
        own_high, other_high = float(own[highs].mean()), float(other[highs].mean())
        # a word of many examples is said only when its crowd's EQ goes against its translation's ("más claridad"
        # read the Spanish crowd's claro, 25 examples, a treble cut, with nothing said: a fourteenth new-user trial)
        high_apart = count < FEW_EXAMPLES and abs(other_high) >= HIGHS_DB and \
            own_high * np.sign(other_high) < HIGHS_SHARE * abs(other_high)
        if corr >= 0 and not high_apart:
            continue
        said = f"{word}: its crowd's {count} examples {_main_move(own)}"
        if high_apart:
            way = "lifts" if other_high > 0 else "cuts"
            wanted = other_high > 0 if word not in cut else other_high < 0  # the translation's way, as asked
            band = band_word_at(float(np.sqrt(HIGHS_HZ * PEAK_GRID_HZ[-1])))  # the highs' band word: treble
            notes.append(f"{said} ({own_high:+.1f} dB above {hz_text(HIGHS_HZ)}), while '{known[0]}' {way} the highs "
                         f"({other_high:+.1f} dB); to {'lift' if wanted else 'cut'} the highs, say "
                         f"'{_band_request(band, wanted, spanish=True)}'")
        else:
            notes.append(f"{said}, against '{known[0]}' (their EQs correlate {corr:+.2f}); for its sound, say "
                         f"'{known[0]}'")
    return notes


# A flaw word asked away whose crowd EQ, inverted, lifts this much (dB, times the weight) where the word cuts is told
# so: the crowds' muddy is a dark tilt (+5 dB at 150-250 Hz, -5 dB at 5 kHz), and "less muddy" lifted 5 kHz 5 dB,
# which read back "twangy, tinny" with nothing said (a thirteenth new-user trial).
INVERTED_LIFT_DB = 3.0


def inverted_lift_notes(model: Morpher, cut: Sequence[tuple[str, float]], spanish: bool = False) -> list[str]:
    """A note for each flaw word (:data:`eqmorph.language.complaints.FLAW_WORDS`) of ``cut`` (``(word, weight)``,
    weight < 0) whose crowd EQ's largest move is a lift and which also cuts elsewhere, enough that taking it away
    lifts there ``INVERTED_LIFT_DB`` or more: where, and the band word that takes away only its lift, named in Spanish
    for a ``spanish`` text ("bájale el barro" was told to say 'less bass': a fourteenth new-user trial). A word whose
    largest move is a cut ("less muffled") lifts there as asked: nothing to say."""
    from eqmorph.language.complaints import FLAW_WORDS

    notes = []
    for word, weight in cut:
        if weight >= 0 or word not in FLAW_WORDS or word not in model.counts:
            continue
        own = _responses(model, [word])[0]
        main, side = int(np.argmax(np.abs(own))), int(np.argmin(own))
        lift_db = float(weight * own[side])  # what "less <word>" lifts where the word cuts most
        if own[main] <= 0 or lift_db < INVERTED_LIFT_DB:
            continue
        band = band_word_at(float(PEAK_GRID_HZ[main]))
        instead = "" if band is None else \
            f"; to take away only its {_move_at(own, main)}, say '{_band_request(band, False, spanish)}'"
        # no dB in the note: a blend ("less muddy=0.5") applies a share of the text it is said of
        notes.append(f"less {word}: the crowds' {word} also {_move_at(own, side).replace('cut', 'cuts', 1)}, so "
                     f"taking it away lifts there too{instead}")
    return notes


def _band_request(band: BandWord, more: bool, spanish: bool) -> str:
    """Asking for more or less of ``band``'s move: "more treble", or in Spanish when ``spanish`` and it has a Spanish
    name, "menos graves"."""
    if spanish and band.spanish:
        return f"{'más' if more else 'menos'} {band.spanish}"
    return f"{'more' if more else 'less'} {band.name}"


def _main_move(response: np.ndarray) -> str:
    """The largest move of a ``PEAK_GRID_HZ`` response in words: "lift 800 Hz-3.9 kHz" (where it is at least
    three quarters of its peak, around the peak)."""
    return _move_at(response, int(np.argmax(np.abs(response))))


def _move_at(response: np.ndarray, at: int) -> str:
    """The move of a ``PEAK_GRID_HZ`` response at point ``at`` in words, as :func:`_main_move` says the largest."""
    near = np.abs(response) >= 0.75 * abs(response[at])
    lo = hi = at
    while lo > 0 and near[lo - 1]:
        lo -= 1
    while hi < len(response) - 1 and near[hi + 1]:
        hi += 1
    way = "lift" if response[at] > 0 else "cut"
    return f"{way} {_span(float(PEAK_GRID_HZ[lo]), float(PEAK_GRID_HZ[hi]))}"


def _span(lo: float, hi: float) -> str:
    """``"1-3 kHz"``, ``"200-800 Hz"`` or ``"400 Hz-2 kHz"``, rounded to two figures."""
    def figure(hz: float) -> float:
        return float(f"{hz:.2g}")
    lo, hi = figure(lo), figure(hi)
    if lo >= 1000:
        return f"{lo / 1000:g}-{hi / 1000:g} kHz"
    if hi < 1000:
        return f"{lo:g}-{hi:g} Hz"
    return f"{lo:g} Hz-{hi / 1000:g} kHz"


__all__ = ["FEW_EXAMPLES", "INVERTED_LIFT_DB", "KEPT_OVERLAP", "PEAK_GRID_HZ", "few_examples_notes",
           "inverted_lift_notes", "kept_notes", "peak_db"]
