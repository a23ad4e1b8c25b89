"""A phrase's EQ: the signed blend of its known words, as one 5-band EQ.

``less muddy`` is muddy's EQ with its gains inverted (``intensity -1``): for RBJ peaking and
shelving filters the dB response of gain ``-g`` is exactly minus that of ``+g``, so it
correlates -1 with muddy's. Several words are blended in the response domain: the target
is ``sum(weight x response(word))`` in dB, and :func:`eqmorph.core.fit.fit_curves` finds the
5-band EQ closest to it.

A contrast ("warm but not muddy", "bright, less harsh") takes away only what the negated words do not
share with the asked-for ones: each negated piece's response loses its projection on the span of the
positive pieces' responses (:func:`phrase_params`), and what is left of it moves the EQ only against the denied
word (a cut where it lifts, a lift where it cuts: :func:`_contrast_target`), and when a denied crowd word's largest
move is where an asked-for piece goes its own way, only where both act (:func:`_qualifies`): the crowds' shrill cuts
the bass 5 dB, and "more highs but not shrill" boosted it. Warm and muddy correlate 0.87 on the bundled model, so
subtracting all of muddy cancelled warm's own low-mid boost and left an EQ correlating -0.55 with warm.
A phrase that starts with a reduction ("less boxy and a bit warmer") is a list of requests, summed as asked: read
as a contrast, the boxy cut that overlaps warm was dropped and the 200-500 Hz region did not come down.
Several reductions ("it's muddy and harsh") are summed so that a cut one asks for is not undone by another's boost
(:func:`_reductions_target`).
A kept region ("brighter but keep the low end") loses nothing and adds nothing: the asked-for response is multiplied
by one minus the region's window (:func:`eqmorph.language.regions.region_window`: 1 deep in the region, 0.5 at its
corner), so bright's bass cut is left out and its treble stays. Until 2026-12-03 a region was kept as a kept crowd
word still is, by taking out the asked-for response's least-squares projection on the kept word's response: for
"warm but keep the low end" that left +2.4 dB at 200 Hz and cut 1.4 dB at 20 Hz that warm never cut (a trial).
Blending latent codes instead (``flat + sum weight x (centroid - flat)``)
was measured against this on the bundled model (docs/language.md): the latent blend's response
correlates 0.67-0.95 with the asked-for sum, the fitted one 0.997-1.0 (fit settings below).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE
from eqmorph.core.eq import canonical_array
from eqmorph.core.fit import FitConfig, fit_curves, fit_grid
from eqmorph.language.band_words import band_word
from eqmorph.language.complaints import FLAW_WORDS
from eqmorph.language.interpretation import Interpretation, Where
from eqmorph.language.regions import REGION_VERB_WORDS, WHERE_WORDS, confine, region_start, region_window

# Phrases are fitted while the user waits: one greedy start plus the strongest word, 12 LM steps, no polish,
# on 128 points, and a light gain ridge as in the Morpher's edit fit. Against 15 polish steps on 256 points
# this took a third of the time (23 vs 81 ms on a loaded machine) for RMS <= 0.21 dB from the asked-for
# response on 8 test phrases (0.16 dB before).
PHRASE_FIT = FitConfig(greedy_starts=((150.0, 6000.0, 1.4),), fixed_peaks_hz=(), iterations=12,
                       polish_iterations=0, gain_penalty=0.05)
_GRID = fit_grid(128)
# A contrast's denied word that qualifies the asked-for words takes away what it adds only where it and they both
# act: where each moves at least this share of its largest move fully, less where it moves less (:func:`_where_acts`)
ACTS_SHARE = 0.5
# ... when one goes its own way that much where it makes its largest move (:func:`_qualifies`); else it is a request
# of its own.
QUALIFIES_SHARE = 0.1
# ... and takes it away in its own direction only (its opposite lobes are no part of what was denied: shrill's
# crowd EQ cuts the bass, and "more highs but not shrill" boosted it 2.5 dB), within this many octaves of where the
# asked-for words act: "more highs, less shrill" cuts 3-5 kHz, where shrill lifts and the highs begin, not 800 Hz.
NEAR_OCTAVES = 1.0


def signed_blend_params(
    weights: Sequence[tuple[str, float]],
    word_params: Callable[[str], np.ndarray],
    scale: Callable[[np.ndarray, float], np.ndarray],
) -> np.ndarray:
    """Physical ``(5, 3)`` EQ whose response is closest to ``sum(w x response(word_params(word)))``.

    ``word_params(word)`` gives a known word's ``(5, 3)`` EQ; ``scale(params, k)`` scales its gains
    (the Morpher's saturating scale). One word is scaled exactly, without a fit.
    """
    if len(weights) == 1:
        word, w = weights[0]
        return scale(np.array(word_params(word), dtype=np.float64), w)
    stacked = np.stack([word_params(word) for word, _ in weights])  # (k, 5, 3)
    coef = np.array([w for _, w in weights], dtype=np.float64)  # (k,)
    target = coef @ dsp.response_db_np(stacked, _GRID, ANALYSIS_SAMPLE_RATE)  # (F,)
    return _fit_target(target, stacked, coef, scale)


def phrase_params(
    meant: Interpretation,
    word_params: Callable[[str], np.ndarray],
    scale: Callable[[np.ndarray, float], np.ndarray],
) -> np.ndarray:
    """Physical ``(5, 3)`` EQ of a parsed phrase: :func:`signed_blend_params` of its weights, except that in a
    contrast each negated piece takes away only its part outside the asked-for pieces' responses, and a kept word
    ("brighter but keep the low end") has its own shape taken out of what the others change."""
    kept = [(w, None) for w in meant.kept if w not in dict(meant.weights)]
    if not meant.contrast and not kept and not meant.regional and not meant.reductions:
        return signed_blend_params(meant.weights, word_params, scale)
    pieces = _denied_where_asked(meant.piece_weights()) if meant.contrast else meant.piece_weights()
    # Every word (and region) a piece names, also one whose pieces cancel ("more warm, less warm, bright").
    words = list(dict.fromkeys([*(w for _, ws in [*pieces, *meant.absolute_pieces()] for w, _ in ws), *kept]))
    column = {w: i for i, w in enumerate(words)}
    stacked = np.stack([word_params(word) for word, _ in words])  # (k, 5, 3)
    responses = dsp.response_db_np(stacked, _GRID, ANALYSIS_SAMPLE_RATE)  # (k, F)
    # a flaw said against in a region ("the mids are muddy") moves it against the flaw's own way; asked for ("peaky
    # highs", read as a wish) it keeps the word's main way there, as any word does
    asked_where = {(m.word, p.region) for p in meant.pieces if p.sign > 0 for m in p.meanings}
    for i, (word, region) in enumerate(words):
        if region is not None:  # "less boomy low end": the word's move there only ("clean up the mids": its cut)
            responses[i] = confine(responses[i], region, _GRID, ANALYSIS_SAMPLE_RATE,
                                   cut_only=word in REGION_VERB_WORDS,
                                   flaw=word in FLAW_WORDS and word not in REGION_VERB_WORDS
                                   and (word, region) not in asked_where)
    if meant.contrast:
        # A dB amount asked for is one of the asked-for pieces ("bass +3dB but not muddy"); one that cuts is added
        # as written ("warm but not muddy, treble -2dB").
        absolute = meant.absolute_pieces()
        target = _contrast_target(pieces + [p for p in absolute if p[0] > 0], column, responses)
        for word, weight in (ws for sign, piece in absolute if sign < 0 for ws in piece):
            target = target + weight * responses[column[word]]
    else:
        # piece_weights keeps the order of the moving pieces that no dB amount set
        moving = [p for p in meant.pieces if p.sign != 0 and not p.absolute]
        together = [p.sign < 0 and p.term in meant.reductions for p in moving]
        coef = np.zeros(len(words))
        for _, ws in [*(p for p, t in zip(pieces, together) if not t), *meant.absolute_pieces()]:
            for w, weight in ws:
                coef[column[w]] += weight
        target = coef @ responses
        if any(together):
            target = target + _reductions_target([p for p, t in zip(pieces, together) if t], column, responses)
    for word, _ in kept:
        if word in WHERE_WORDS:  # "keep the low end": nothing changes there, as much as the region's band reaches
            target = target * (1.0 - region_window(word, _GRID, ANALYSIS_SAMPLE_RATE))
    held_words = [w for w in kept if w[0] not in WHERE_WORDS]
    if held_words:
        # Least-squares projection on the kept words' responses: what the phrase would change in their shape.
        held = responses[[column[w] for w in held_words]]  # (j, F)
        fit, *_ = np.linalg.lstsq(held.T, target, rcond=None)
        target = target - held.T @ fit
    asked_weight = dict(meant.weights)
    start = np.array([max(asked_weight.get(w, 0.0), 0.0) for w, _ in words])  # start from an asked-for word
    if not start.any():  # only reductions: from the strongest, as a blend starts
        start = np.array([asked_weight.get(w, 0.0) for w, _ in words])
    main = int(np.argmax(np.abs(start)))
    region = words[main][1]
    if region is not None:  # a word confined to a region is a poor start outside it: the region's own band is not
        return _fit(target, region_start(region, target, _GRID, ANALYSIS_SAMPLE_RATE))
    return _fit_target(target, stacked, start, scale)


def _denied_where_asked(pieces: list[tuple[float, tuple[tuple[Where, float], ...]]]
                        ) -> list[tuple[float, tuple[tuple[Where, float], ...]]]:
    """A contrast's denied pieces kept to the asked-for pieces' region when they all share one ("warmer low end but
    not muddy": not muddy there). Everywhere, muddy's treble cut lay outside the low end's warmth and was taken
    away as a 2 dB treble boost."""
    regions = {region for sign, ws in pieces if sign > 0 for (_, region), _ in ws}
    if len(regions) != 1 or None in regions:
        return pieces
    (where,) = regions
    return [(sign, ws if sign > 0 else tuple(((w, r or where), v) for (w, r), v in ws)) for sign, ws in pieces]


def _reductions_target(pieces: list[tuple[float, tuple[tuple[Where, float], ...]]], column: dict[Where, int],
                       responses: np.ndarray) -> np.ndarray:
    """The response ``(F,)`` of a list's reductions ("it's muddy and harsh"): at each frequency their cuts, plus
    only what their boosts there exceed those cuts by (``responses`` ``(k, F)``, one row per word of ``column``).

    Summed as they are, two reductions that pull opposite ways cancel: less muddy's crowd EQ lifts 2-5 kHz by 3-5 dB
    where less harsh cuts it, and "it's muddy and harsh" cut under 1 dB anywhere (a review, 2026-12-04); this way
    it cuts the low mids and 2.5-5 kHz. Reductions that agree sum as before.
    """
    moves = np.stack([sum(w * responses[column[word]] for word, w in ws) for _, ws in pieces])  # (p, F)
    cut = np.minimum(moves, 0.0).sum(0)
    return cut + np.maximum(np.maximum(moves, 0.0).sum(0) + cut, 0.0)


def _contrast_target(pieces: list[tuple[float, tuple[tuple[Where, float], ...]]], column: dict[Where, int],
                     responses: np.ndarray) -> np.ndarray:
    """The response ``(F,)`` a contrast asks for: the asked-for pieces, less each denied piece's part outside
    their span where the denied piece and the asked-for ones both act (``responses`` ``(k, F)``, one row per word of
    ``column``): "more highs but not shrill" takes shrill's 3-8 kHz lift away from the treble, not its bass cut."""
    asked_words = {w for sign, ws in pieces if sign > 0 for w, _ in ws}
    plain = np.zeros(len(column))  # the asked-for pieces, and a denied word also asked for (it cancels, as weights say)
    asked_rows, denied_rows = [], []
    for sign, ws in pieces:
        row = np.zeros(len(column))
        for word, w in ws:
            if sign < 0 and word in asked_words:
                plain[column[word]] += w
            else:
                row[column[word]] += w
        if sign > 0:
            plain += row
            asked_rows.append(row)
        else:
            # a band word names its own region: denied, it is a move asked for there ("tame the highs but add
            # some presence"), never kept to where the others act
            denied_rows.append((row, all(band_word(word) is None for (word, _), _ in ws)))
    asked = np.stack(asked_rows) @ responses  # (p, F)
    target = plain @ responses
    near_asked = _spread(np.max([_where_acts(a, own_way=True) for a in asked], axis=0), NEAR_OCTAVES)
    for row, crowd in denied_rows:
        r = row @ responses
        fit, *_ = np.linalg.lstsq(asked.T, r, rcond=None)  # least-squares projection on the asked-for pieces
        outside = r - asked.T @ fit
        if crowd and _qualifies(asked, r):  # only where both act: "more highs but not shrill" keeps the bass
            outside = np.minimum(_where_acts(r, own_way=True), near_asked) * outside
        # Never the denied word's own way: the projection's leftover lifted 250-400 Hz where muddy lifts most, so
        # "warm but not muddy" boosted the mud more than "a bit warm" (a thirteenth new-user trial).
        target = target + np.where(outside * r > 0.0, outside, 0.0)
    return target


def _spread(acts: np.ndarray, octaves: float) -> np.ndarray:
    """``acts`` ``(F,)`` on the phrase grid, each point raised to the largest value within ``octaves`` of it."""
    step = float(np.log2(_GRID[1] / _GRID[0]))
    reach = int(round(octaves / step))
    padded = np.pad(acts, reach, mode="edge")
    return np.max(np.lib.stride_tricks.sliding_window_view(padded, 2 * reach + 1), axis=1)


def _where_acts(response: np.ndarray, own_way: bool = False) -> np.ndarray:
    """Where a response ``(F,)`` acts, 0-1: 1 where it moves at least ``ACTS_SHARE`` of its largest move, falling
    linearly to 0 where it does not move; with ``own_way``, only where it goes the way of its largest move."""
    peak = float(response[np.argmax(np.abs(response))])
    if abs(peak) < 1e-9:
        return np.zeros_like(response)
    return np.clip((response * np.sign(peak) if own_way else np.abs(response)) / (ACTS_SHARE * abs(peak)), 0.0, 1.0)


def _qualifies(asked: np.ndarray, denied: np.ndarray) -> bool:
    """Whether a contrast's denied crowd word, of response ``denied`` ``(F,)``, qualifies the asked-for pieces of
    responses ``asked`` ``(p, F)``: one of them goes its own way (:func:`_where_acts`), at least
    ``QUALIFIES_SHARE``, where the denied word makes its largest move. Shrill's largest move (5 kHz) is where "more
    highs" lifts, harsh's (3 kHz) where "more treble" starts to: each is taken away only where both act. Harsh's is
    nowhere near "more bass", mud's (200 Hz) is where bright cuts, not where it lifts ("brighter and less muddy"):
    a cut asked for of its own, taken away whole less what it shares with the asked-for words."""
    peak = int(np.argmax(np.abs(denied)))
    return max(float(_where_acts(a, own_way=True)[peak]) for a in asked) >= QUALIFIES_SHARE


def _fit_target(target: np.ndarray, stacked: np.ndarray, coef: np.ndarray,
                scale: Callable[[np.ndarray, float], np.ndarray]) -> np.ndarray:
    """The phrase fit of ``target`` ``(F,)`` on the fit grid, started from the strongest of the words ``stacked``
    ``(k, 5, 3)`` scaled by its coefficient in ``coef`` ``(k,)``."""
    main = int(np.argmax(np.abs(coef)))
    return _fit(target, scale(np.array(stacked[main], dtype=np.float64), float(coef[main])))


def _fit(target: np.ndarray, start: np.ndarray) -> np.ndarray:
    """The phrase fit of ``target`` ``(F,)`` on the fit grid from the physical ``(5, 3)`` EQ ``start``."""
    fit = fit_curves(target[None], _GRID, ANALYSIS_SAMPLE_RATE, PHRASE_FIT, starts=start[None, None])
    return canonical_array(fit.params[0])
