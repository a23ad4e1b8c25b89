"""What a phrase was understood as: :class:`Interpretation` and its parts.

``m.parse("warm but not muddy")`` returns one; ``str()`` gives one line for people
(``warm but not muddy -> warm x 0.5, muddy x -0.5``) and ``to_dict()`` the same for the web API.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eqmorph.errors import ParameterError
from eqmorph.language.band_words import band_word, region_hz
from eqmorph.language.grammar_words import CONTRASTING
from eqmorph.language.terms import normalise_term

# "defined": a band word, a studio term with a fixed EQ move (eqmorph.language.band_words), not a crowd word.
HOWS = ("exact", "accents", "inflection", "synonym", "translation", "antonym", "embedding", "defined")


Where = tuple[str, str | None]  # a known word and the region word it acts in (None: everywhere)


def format_weight(w: float) -> str:
    """``-1.0``, ``0.5``, ``0.25``: two decimals, one trailing zero dropped."""
    s = f"{w:.2f}"
    return s[:-1] if s.endswith("0") else s


@dataclass(frozen=True)
class Meaning:
    """One known word a typed word was taken to mean."""

    word: str  # a vocabulary word of the model, or a band word's name ("defined")
    share: float  # signed share of the piece (antonyms negative); a piece's shares sum to 1 in absolute value
    how: str  # one of HOWS
    similarity: float | None = None  # cosine similarity of the text embeddings ("embedding" only)
    source: str | None = None  # lexicon source code (synonym, translation, antonym)


@dataclass(frozen=True)
class Piece:
    """One descriptor of the phrase with its direction and degree, e.g. "a bit brighter"."""

    text: str  # the words of the piece as typed (normalised), e.g. "a bit brighter"
    term: str  # the descriptor word itself, e.g. "brighter"
    sign: float  # +1 towards the word, -1 away from it ("less", "not", "sin"), 0 kept as it is ("keep the lows")
    degree: float  # calibrated intensity of the degree words (docs/language.md), 1 without any
    meanings: tuple[Meaning, ...]
    # The degree is a whole move a dB amount set ("bass -3dB"), added as written: not shared with the other pieces
    # (read as a share, "bright, bass -3dB" halved bright), nor taken as the denied side of a contrast.
    absolute: bool = False
    # The region word ("bass") that says where the word acts ("less boomy low end"): its move elsewhere is left out
    # (language/regions.py). None: everywhere.
    region: str | None = None

    def explanation(self) -> str | None:
        """How the term was understood, when it was not simply a vocabulary word; ``None`` if it was."""
        if len(self.meanings) == 1 and self.meanings[0].how == "exact":
            return None
        parts = []
        for how in dict.fromkeys(m.how for m in self.meanings):  # in the order the parser found them
            mine = [m for m in self.meanings if m.how == how]
            if how == "embedding":
                near = sorted(mine, key=lambda m: -(m.similarity or 0.0))[:3]
                parts.append("embedding neighbours " + ", ".join(f"{m.word} {m.similarity:.2f}" for m in near))
            elif how == "defined":
                parts.extend(f"band word{'' if m.word == self.term else ' ' + m.word}, {band.summary()}"
                             for m in mine if (band := band_word(m.word)) is not None)
            else:
                parts.append(f"{how} of {', '.join(m.word for m in mine)}")
        return f"{self.term}: {'; '.join(parts)}"


def piece_scale(piece: Piece, n_pieces: int) -> float:
    """How much of the phrase's EQ one of its ``n_pieces`` pieces is: its sign times its degree, shared among the
    pieces so two words are not twice as loud, unless a dB amount set it (``Piece.absolute``). A meaning's weight is
    this times its share (0 for a kept piece)."""
    return piece.sign * piece.degree / (1 if piece.absolute else n_pieces)


def moving_pieces(pieces: tuple[Piece, ...] | list[Piece]) -> int:
    """How many pieces ask for a change (the ``n_pieces`` of :func:`piece_scale`): a kept piece ("but keep the
    low end") shares nothing, so "brighter but keep the low end" is all of "brighter", not half; nor does a piece a
    dB amount set ("bright, bass -3dB" is all of bright), unless it is asked for beside a word asked against, which
    then takes its share as beside any word ("bass +3dB but not muddy": muddy x -0.5, as in "warm but not muddy").
    At least 1."""
    if _separate_band_moves([p for p in pieces if p.sign != 0 and not p.absolute]):
        return 1
    against = any(p.sign < 0 and not p.absolute for p in pieces)
    return max(1, sum(p.sign != 0 and (not p.absolute or (against and p.sign > 0)) for p in pieces))


def _separate_band_moves(moving: list[Piece]) -> bool:
    """Whether ``moving`` are two or more band words whose regions do not overlap ("more bass and treble", "more
    bass, less treble"): each is a defined move in its own region, so none is shared out. Shared, "more bass and
    treble" was a 3 dB shelf at each end where a mixer asked for each move (a new-user trial, 2026-12-03)."""
    regions = []
    for piece in moving:
        meaning = piece.meanings[0] if len(piece.meanings) == 1 else None
        band = band_word(meaning.word) if meaning is not None and meaning.how == "defined" else None
        hz = None if band is None or piece.region is not None else region_hz(band)
        if hz is None:
            return False
        regions.append(hz)
    regions.sort()
    return len(regions) > 1 and all(low[1] <= high[0] for low, high in zip(regions, regions[1:]))


@dataclass(frozen=True)
class Interpretation:
    """How a phrase was understood.

    ``weights`` are the known words and the signed coefficients of the EQ that the phrase asks
    for: its response is ``sum(weight x response(word))``. One piece keeps its own weight
    (``less muddy`` -> ``muddy x -1.0``); several pieces share the EQ, each weighted by its
    direction and degree divided by the number of pieces, so two words are not twice as loud. A piece confined
    to a region (:attr:`Piece.region`) counts in its word's weight, but its response is kept to the region.
    """

    text: str  # the text as given
    pieces: tuple[Piece, ...]
    weights: tuple[tuple[str, float], ...]  # (known word, signed weight), largest first
    source: str | None = None  # "safe" or "socialfx" when the text names a crowd
    ignored: tuple[str, ...] = ()  # words that meant nothing (unknown words, a degree with no word)
    notes: tuple[str, ...] = ()  # what else the reader should know (capped degree, cancelled words)

    @property
    def intensity(self) -> float:
        """Overall strength: the sum of the absolute weights (1.0 = one word at its own strength)."""
        return float(sum(abs(w) for _, w in self.weights))

    @property
    def degree(self) -> float:
        """How far the phrase itself scales what it names: its pieces' degrees, shared as their weights are (1 for
        a word, 1.25 for "very warm", 0.5 for "a bit warm" and for "warm and bright" each half). Unlike
        :attr:`intensity` it does not count how many known words a piece spreads over: an unknown word read as 60
        embedding neighbours whose weights sum to 2 is still one word at degree 1."""
        n = moving_pieces(self.pieces)
        return float(sum(abs(piece_scale(p, n)) for p in self.pieces))

    @property
    def contrast(self) -> bool:
        """True when the phrase asks for a word and against others, either first ("warm but not muddy", "bright,
        less harsh": the later words qualify the first) or joined by "but"/"pero" in any order ("not muddy but
        warm"). A phrase that starts with a reduction and has no "but" ("less boxy and a bit warmer") is a list of
        requests, each applied as asked (language/compose.py)."""
        moving = [p for p in self.pieces if p.sign != 0]
        # A dB amount may be asked for ("bass +3dB but not muddy") but is never denied: it is added as written.
        if not any(p.sign < 0 and not p.absolute for p in moving) or not any(p.sign > 0 for p in moving):
            return False
        return moving[0].sign > 0 or not CONTRASTING.isdisjoint(re.findall(r"\w+", normalise_term(self.text)))

    @property
    def reductions(self) -> tuple[str, ...]:
        """The terms of a list's reductions when it has two or more and is no contrast ("it's muddy and harsh", "less
        boomy, less harsh"): language/compose.py sums them so that a cut one of them asks for is not undone by
        another's boost. A term also asked for is left out (it cancels, as :attr:`weights` say)."""
        if self.contrast:
            return ()
        asked = {p.term for p in self.pieces if p.sign > 0}
        terms = tuple(dict.fromkeys(p.term for p in self.pieces
                                    if p.sign < 0 and not p.absolute and p.term not in asked))
        return terms if len(terms) >= 2 else ()

    @property
    def kept(self) -> tuple[str, ...]:
        """Known words of the pieces to be kept as they are ("brighter but keep the low end": the bass band word)."""
        return tuple(dict.fromkeys(m.word for p in self.pieces if p.sign == 0 for m in p.meanings))

    def piece_weights(self) -> list[tuple[float, tuple[tuple[Where, float], ...]]]:
        """Each piece's direction and its share of :attr:`weights`: ``[(sign, (((word, region), weight), ...)),
        ...]``, for the pieces that ask for a change (not the kept ones) and whose move no dB amount set
        (:meth:`absolute_pieces`); ``region`` is :attr:`Piece.region`.

        These and :meth:`absolute_pieces` summed per word are :attr:`weights`.
        """
        n = moving_pieces(self.pieces)
        return [(p.sign, tuple(((m.word, p.region), piece_scale(p, n) * m.share) for m in p.meanings))
                for p in self.pieces if p.sign != 0 and not p.absolute]

    def absolute_pieces(self) -> list[tuple[float, tuple[tuple[Where, float], ...]]]:
        """:meth:`piece_weights` of the pieces a dB amount set ("bass -3dB"): whole, added as written."""
        return [(p.sign, tuple(((m.word, p.region), piece_scale(p, 1) * m.share) for m in p.meanings))
                for p in self.pieces if p.absolute]

    @property
    def regional(self) -> bool:
        """True when a piece acts only in a region ("less boomy low end"; :attr:`Piece.region`)."""
        return any(p.region is not None for p in self.pieces)

    @property
    def single_word(self) -> tuple[str, float] | None:
        """``(word, weight)`` when the phrase stands for one known word scaled, else ``None``."""
        return self.weights[0] if len(self.weights) == 1 else None

    @property
    def plain_word(self) -> tuple[str, float] | None:
        """:attr:`single_word` when the phrase is that word's EQ scaled and nothing more: no region it acts in, no
        part kept, no crowd named, no dB amount ("a bit warmer", "less muddy"). "harsh highs", "brighter but keep
        the low end" and "warm (safe)" weigh one word at 1.0 too, but their EQs are not that word's (a trial,
        2026-12-04: the web app had served them as the bare word)."""
        if self.regional or self.kept or self.source or any(p.absolute for p in self.pieces):
            return None
        return self.single_word

    def __str__(self) -> str:
        shown = self.weights[:4]
        line = ", ".join(f"{w} x {format_weight(v)}" for w, v in shown)
        if len(self.weights) > len(shown):
            line += f", +{len(self.weights) - len(shown)} more"
        extra = [e for e in (p.explanation() for p in self.pieces) if e]
        if self.source:
            extra.append(f"source: {self.source}")
        if self.ignored:
            extra.append("ignored: " + ", ".join(self.ignored))
        extra.extend(self.notes)
        tail = f" ({'; '.join(extra)})" if extra else ""
        return f"{' '.join(self.text.split())} -> {line}{tail}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the web API: the line, the weights and each piece's meanings."""
        return {
            "text": self.text,
            "summary": str(self),
            "weights": [{"word": w, "weight": round(v, 4)} for w, v in self.weights],
            "intensity": round(self.intensity, 4),
            "source": self.source,
            "ignored": list(self.ignored),
            "notes": list(self.notes),
            "pieces": [
                {
                    "text": p.text,
                    "term": p.term,
                    "sign": p.sign,
                    "degree": round(p.degree, 4),
                    "region": p.region,
                    "meanings": [
                        {"word": m.word, "share": round(m.share, 4), "how": m.how,
                         "similarity": None if m.similarity is None else round(m.similarity, 4),
                         "source": m.source}
                        for m in p.meanings
                    ],
                }
                for p in self.pieces
            ],
        }


def interpret(text: str, pieces: Sequence[Piece], source: str | None, ignored: tuple[str, ...],
              said: Sequence[str] = (), *, capped: float | None = None) -> Interpretation:
    """The :class:`Interpretation` of ``text`` read as ``pieces``: their words' weights summed, and notes on what
    the reader should know (``said`` by the parser first; ``capped``: the degree stacked words were capped at).

    :class:`ParameterError` when nothing is left to change (only kept words, or words asked for both ways).
    """
    totals: dict[str, float] = {}
    n = moving_pieces(pieces)
    for p in pieces:
        for m in p.meanings:
            if p.sign != 0:
                totals[m.word] = totals.get(m.word, 0.0) + piece_scale(p, n) * m.share
    notes = [f"degree capped at {capped:g}"] if capped is not None else []
    notes.extend(said)
    meant = Interpretation(text, tuple(pieces), (), source, ignored)
    asked = [p.term for p in pieces if p.sign > 0]
    # A word asked both ways cancels; a dB amount is added as written, never denied ("warm, treble -2dB").
    denied = [p.term for p in pieces if p.sign < 0 and not p.absolute and p.term not in asked]
    if meant.contrast and denied:  # language/compose.py: phrase_params
        notes.append(f"{', '.join(denied)}: only what {'it adds' if len(denied) == 1 else 'they add'} to "
                     f"{', '.join(asked)} is taken away")
    if meant.reductions:
        notes.append(f"{', '.join(meant.reductions)}: reduced together, a cut one of them asks for is not undone by "
                     "another's boost")
    kept = [p.term for p in pieces if p.sign == 0]
    if kept:
        notes.append(f"{', '.join(kept)}: kept as {'it is' if len(kept) == 1 else 'they are'} (what the other "
                     f"words would change there is left out)")
    # a note list ("cut the mud, add some air, more presence, less sibilance") did a quarter of each, unsaid; one word
    # said three times ("brighter, brighter, brighter") is one request at its whole strength
    if n > 2 and len({p.term for p in pieces if p.sign != 0}) > 2:
        notes.append(f"{n} requests share the EQ: each at about 1/{n} of its own strength; say fewer, or add 'a lot'")
    cancelled = [w for w, v in totals.items() if abs(v) < 1e-9]
    if cancelled:
        notes.append("cancel out: " + ", ".join(cancelled))
    weights = sorted(((w, v) for w, v in totals.items() if abs(v) >= 1e-9), key=lambda wv: -abs(wv[1]))
    if not weights and not cancelled:
        raise ParameterError("text", text, f"a change as well as what to keep ({', '.join(kept)}), e.g. "
                                           "'brighter but keep the low end'")
    if not weights:
        raise ParameterError("text", text, "descriptors that do not cancel each other out "
                                           f"({', '.join(cancelled)} asked for both ways)")
    return Interpretation(text, tuple(pieces), tuple(weights), source, ignored, tuple(notes))
