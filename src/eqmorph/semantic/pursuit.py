"""Which words a description says, and how much of each: matching pursuit over a describer's word responses.

The phrase is found by matching pursuit (Mallat & Zhang 1993) over the word responses: take the
word with the highest score on what is left (a word's exact shape or its exact opposite first: the
inverse of "bright" is "less bright", not the nearest other word), subtract its share, stop after
``MAX_PHRASE_WORDS`` or once what is left is small. Similar words (warm, caliente) are not repeated, because the second
explains little that is new. A later word may not say the opposite of what the EQ does where that word acts (the
EQ's mean move there, weighted by the word's own move, at least ``CONTRADICTS_DB`` the other way): "heavy, a bit
more sibilance" for a warm EQ that cuts 7 kHz by 2.5 dB read as more sibilance (a new-user trial). Judged on the
whole EQ's shape instead, it also dropped words the EQ does do ("a bit muddy, a bit more presence" lost its
presence, read back 0.999 -> 0.900: a review); measured on 80 random two-word phrases, read-back 0.940 either way.
Every word names a move the EQ makes, the first too: a band word a move of its region (``BAND_MOVE_DB``), a crowd word
the sign of its describe score, a level word a level change (``LEVEL_MOVE_DB``). A word only correcting the others
("bright, a bit more bass" for an EQ at 0.0 dB below 100 Hz) read as a move the EQ makes (the eighth new-user trial).
Amounts are not refitted jointly (orthogonal matching pursuit): with
words as alike as these, least squares answers with large amounts of opposite sign that cancel
("very strong, much less oscuro"), which read as nonsense. Amounts
become the degree words of the language layer: "a bit warm", "warm", "very warm", "less harsh"
(:mod:`eqmorph.semantic.wording` says them), so ``m.generate(m.describe_text(eq))`` reads the phrase back
(benchmarks/match_describe.py measures how close).

Which words may speak at all (``speakable``, ``muted``) is the describer's (:mod:`eqmorph.semantic.describe`);
this module only reads them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import numpy as np

from eqmorph.core.eq import EQ

if TYPE_CHECKING:
    from eqmorph.semantic.describe import Describer

MAX_PHRASE_WORDS = 3  # a phrase a person reads at a glance
EXPLAINED_ENOUGH = 0.9  # stop adding words once they explain 90% of the EQ's energy (dB^2)
MIN_AMOUNT = 0.25  # a word at less than a quarter of its own strength is not worth saying
# "less X" reads harder than a word: the phrase says it only when it scores clearly better (by 1/0.85).
NEGATION_WEIGHT = 0.85
CONTRADICTS_DB = 1.0  # a later word may not say the EQ's opposite: it goes >= this many dB the other way there
# A band word ("more bass") names a move the EQ makes: its region (weighted by the word's own move) goes the word's way
# by at least this, or half the EQ's largest move for a fainter EQ. "a bit more bass" corrected "bright" for an EQ
# that left the bass at 0.0 dB (a new-user trial).
BAND_MOVE_DB = 0.5
# A level word ("a bit quiet") names the EQ's level: said only when the EQ's mean level goes its way by this much
# (or for its own shape). The crowd's "quiet" is a mid cut and treble lift of about 0 dB mean, and read as "quieter".
LEVEL_MOVE_DB = 1.0
# Which way a level word moves the level. Spanish "fuerte" and "alto" are level words too (describe.LEVEL_WORDS: a
# match never says them), but also name a strong, forward sound ("un sonido fuerte"): a phrase may say them for it.
LEVEL_DIRECTIONS = {"loud": 1, "louder": 1, "quiet": -1, "quieter": -1}
MIN_CHANGE_SCORE = 0.1  # changed_words leaves out words scoring less than this on the whole EQ
FLAT_RMS_DB = 0.1  # an EQ with less than 0.1 dB RMS response is flat: nothing to describe
# Noises a phrase never says as added (describe.UNSAID_BAND_WORDS) but may say as taken away: "less hum" is how an
# engineer names notches at 45-82 Hz, which read "a bit thick" at 0.17 while "less hum" scored 0.47 (a thirteenth
# new-user trial). Not "hiss": a treble cut is a tone ("darker") before it is a noise fix.
SAID_AS_CUTS = frozenset({"hum", "rumble"})
SELF_DESCRIBING_COS = 0.98  # a word the crowd does not agree on still names an EQ of its own shape
EXACT_MARGIN = 0.01  # ... unless a sayable word is within this of its cosine


def phrase_amounts(describer: Describer, eq: EQ) -> dict[str, float]:
    """The few words (at most ``MAX_PHRASE_WORDS``) and signed amounts whose EQs add up to ``eq``'s sound.

    An amount is in units of the word's own EQ: 1 is the word, 0.5 half of it, -1 its opposite.
    Empty for a flat EQ.
    """
    x = describer.response(eq)
    total = float(np.sum(x**2))
    if np.sqrt(total / len(x)) < FLAT_RMS_DB:
        return {}
    chosen: dict[int, float] = {}
    residual = x
    # Which way the EQ goes where each word acts (a presence bell is judged at 5 kHz, not by how the whole EQ's
    # shape correlates with it): dB, + where the word boosts.
    local = describer.where_weights @ x
    # Each word says its own way (the trial's "cold, a bit more bass" for a bass boost read as a bass cut): a band word
    # only a move its region makes, a crowd word only the sign of its describe score on the whole EQ (units @ x), a
    # level word only a level change made.
    whole = describer.units @ x
    noticeable = min(BAND_MOVE_DB, 0.5 * float(np.max(np.abs(x))))
    level_way = describer.level_directions * float(np.mean(x))
    cut_only = _said_as_cuts(describer.terms)
    for _ in range(MAX_PHRASE_WORDS):
        # The word whose shape best matches what is left (cosine), among the words worth saying at
        # their amount (>= MIN_AMOUNT of their own EQ: a far stronger word would enter at a trace).
        # A word the crowd does not agree on may speak only for an EQ that is its own shape.
        rms = max(float(np.sqrt(residual @ residual / len(residual))), 1e-12)
        projection = describer.units @ residual  # cos * |residual|
        cos = projection / rms
        amount = projection / np.maximum(describer.norms_db, 1e-12)
        score = np.where(cos > 0, cos, -NEGATION_WEIGHT * cos)
        # A word's exact shape, or its exact opposite, beats any likeness: names it outright. Among several
        # such words a sayable one comes first: a muddy EQ is "muddy" before it is "much less feo".
        exact = np.abs(cos) >= SELF_DESCRIBING_COS
        unsayable = cos[exact & ~describer.speakable & (cos > 0)]
        if unsayable.size:
            # ... and a sayable word nearly as close (EXACT_MARGIN) is exact beside it: "más cálido" was "melodic" (a
            # word of feeling, 0.985) once a preset's rounding took warm from 0.9802 to 0.9799.
            exact |= describer.speakable & (cos >= unsayable.max() - EXACT_MARGIN)
        score = np.where(exact, 1.0 + np.abs(cos) + describer.speakable, score)
        way = np.sign(amount)
        honest = np.where(describer.band_word_rows, way * local >= noticeable, way * whole > 0)
        honest &= (describer.level_directions == 0) | exact | (way * level_way >= LEVEL_MOVE_DB)
        sayable = ~describer.muted | (cut_only & (amount < 0))
        allowed = (describer.speakable | exact) & (np.abs(amount) >= MIN_AMOUNT) & sayable & honest
        allowed[list(chosen)] = False
        if chosen:
            # A correcting word says its own way: "heavy, a bit more sibilance" for a warm EQ cutting 7 kHz read
            # as more sibilance (a new-user trial). A later word may not go against what the EQ does there.
            allowed &= np.where(amount > 0, local > -CONTRADICTS_DB, local < CONTRADICTS_DB)
        if not allowed.any():
            if chosen:
                break
            # The first word is always said: any the phrase may say at all, an honest one if there is one.
            honest_ones = sayable & honest
            allowed = honest_ones if honest_ones.any() else ~describer.muted
        best = int(np.argmax(np.where(allowed, score, -np.inf)))
        # In units of the word's EQ: <residual, r_w> / |r_w|^2 (RMS norms over the same grid).
        chosen[best] = float(amount[best])
        residual = residual - chosen[best] * describer.responses_db[best]
        if 1.0 - float(np.sum(residual**2)) / total >= EXPLAINED_ENOUGH:
            break
    first = next(iter(chosen))  # the best word is always said, however faint: the EQ is not flat
    return {describer.terms[i]: a for i, a in chosen.items() if i == first or abs(a) >= MIN_AMOUNT}


@functools.lru_cache(maxsize=16)
def _said_as_cuts(terms: tuple[str, ...]) -> np.ndarray:
    """``(W,)``: which of ``terms`` are :data:`SAID_AS_CUTS` (one mask per vocabulary, not one per phrase)."""
    return np.isin(np.array(terms, dtype=object), list(SAID_AS_CUTS))


def changed_words(describer: Describer, eq: EQ) -> list[tuple[str, float]]:
    """The phrase's words with their scores on ``eq``, highest ``|score|`` first: what ``eq`` changes.

    A word the pursuit needed only to correct the others (``|score| < MIN_CHANGE_SCORE`` on the
    whole EQ, or a score whose sign is not its amount's) is left out; the first always stays.
    """
    scores = dict(zip(describer.terms, describer.scores(eq).tolist()))
    amounts = phrase_amounts(describer, eq)
    ranked = sorted(((w, scores[w]) for w in amounts), key=lambda ws: -abs(ws[1]))
    # A word the phrase takes away ("a bit less smooth") while the whole EQ leans its way (score > 0) only
    # corrects the words before it: the sentence would say the opposite ("smoother"), so it is left out.
    return ranked[:1] + [(w, s) for w, s in ranked[1:]
                         if abs(s) >= MIN_CHANGE_SCORE and (s > 0) == (amounts[w] > 0)]
