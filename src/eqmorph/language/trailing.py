"""What is said after a descriptor or between descriptors of a list: a degree after its word ("scoop the mids a
little"), a particle after its word ("take the harshness off", "get the warmth back"), and a direction that a list
of nouns shares ("cut the mud and the harshness", "less mud and boom").

Each was read wrongly by a grammar that reads a piece's words before its descriptor only: the degree ignored (a full
-6 dB scoop), the particle ignored (the harshness added), the direction given to the first noun alone ("cut the mud
and the harshness" cut the mud and added harshness). New-user trials and a review, 2026-12-03.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from eqmorph.language import lemmas
from eqmorph.language.band_words import CUTTING_WORDS, band_word
from eqmorph.language.grammar_words import (
    AGAINST,
    BY_WORDS,
    CLOSING_DIRECTION,
    DEGREE_PHRASES,
    DIRECTION_WORDS,
    DOWN_COMPLETES,
    EASING,
    ENOUGH,
    IMPERATIVES,
    JOINERS,
    KEEP,
    LACK,
    LESS,
    MORE,
    NOT,
    OPPOSITE,
    PARTICLES,
    POSTFIX_DIRECTION,
    REQUEST_OPENERS,
    STOP,
    UP_COMPLETES,
)
from eqmorph.language.interpretation import Meaning, Piece
from eqmorph.language.numbers import Amount, db_amount, number_degree
from eqmorph.language.rewriter import PhraseRewriter
from eqmorph.language.sized_moves import (
    AS_FAR_AS,
    MOVE_NOUNS,
    SHAPE_NOUNS,
    SIZE_ADVERBS,
    SIZED_MOVES,
    SIZED_REGION_WORDS,
    SPOKEN_DB,
)
from eqmorph.language.stoplist import stoplist

# Prepositions that, with stop words and a thing that names no sound after them, say what a move is for ("a treble
# boost for the vocals"); "on", "in", "to" are stop words already ("a bass cut on the guitar").
SUBJECT_PREPOSITIONS = frozenset({"for", "with", "at", "on"})  # "lower the bass on the podcast by 2 dB"
# Whose a thing is, between a preposition and the thing: "take the mud out of his voice" (the possessive stopped the
# reading of "out", and the mud was boosted 5 dB: a twenty-eighth trial).
POSSESSIVES = frozenset({"his", "her", "my", "their", "your", "our", "su", "sus", "mi", "mis", "tu", "tus"})


def subject_span(tokens: Sequence[str], j: int) -> int:
    """How many tokens from ``tokens[j]`` name what a move is for rather than a sound, 0 if none: a stop-listed thing
    ("guitar", "vocals": language/stoplist.txt), or a SUBJECT_PREPOSITIONS word, STOP words and such a thing
    ("for the vocals"). Skipped where the parser looks for a piece's end, a direction after the word reaches its word:
    "bass cut on the guitar" and "mid scoop guitar" boosted the region they cut (a twentieth trial, 2026-12-04)."""
    things = stoplist()
    if j < len(tokens) and tokens[j] in things:
        return 1
    if j >= len(tokens) or (tokens[j] not in SUBJECT_PREPOSITIONS and tokens[j] not in POSSESSIVES):
        return 0
    k = j + (tokens[j] in SUBJECT_PREPOSITIONS)
    while k < len(tokens) and (tokens[k] in STOP or tokens[k] in POSSESSIVES):
        k += 1
    return k + 1 - j if k < len(tokens) and tokens[k] in things else 0


# After their word, at the end of its piece, these cut it ("take the harshness off", "take some mud out") unless a
# verb before the word set the way ("bring the presence out").
CUTTING_PARTICLES = frozenset({"off", "out"})
# "back" cuts only after a verb that pulls something back ("dial the mud back"); after "get", "put", "give" or
# "want" it restores ("get the warmth back", "put the air back"), and alone it says nothing about the way.
BACK = "back"
BACK_CUTTING_VERBS = frozenset({"dial", "knock", "pull", "roll", "tone", "ease", "scale", "rein", "take", "turn",
                                "cut"})
# Stop-listed verbs (grammar_words.STOP) that start a request of their own: a particle after it turns only its list.
VERBS = frozenset({"take", "get", "turn", "roll", "make", "makes"})
UP = "up"
# Negations that an enough word after them turns into a lack ("not bright enough"): those of grammar_words.LACK.
NOT_ENOUGH = frozenset(k[0] for k in LACK if len(k) == 2 and k[1] in ENOUGH)
# Joining words of a list, whose nouns share a direction said before the first ("cut the mud and the harshness").
LIST_JOINERS = frozenset({"and", "y", "e", "plus", "&"})
# A size before a move named by its band word is its degree, as before a move noun: "heavy de-essing" was heavy (the
# crowds' word) beside the de-esser, "gentle de-essing" gentle beside it (a thirtieth trial).
_SIZED_CUTS = {(size, *form.split()): (adverb, *form.split()) for size, adverb in SIZE_ADVERBS.items()
               for name in CUTTING_WORDS for form in band_word(name).forms}
_EASING = PhraseRewriter({**EASING, **SIZED_MOVES, **SPOKEN_DB, **_SIZED_CUTS})
# "less" said last, after a piece a verb set: a smaller move ("scoop the mids a bit less": half the scoop)
SMALLER = frozenset({"less", "menos"})
SMALLER_DEGREE = 0.5


def stands_alone(tokens: Sequence[str], i: int, phrase_at: Callable[[Sequence[str], int], tuple[str, ...] | None],
                 known: Callable[[str], bool]) -> bool:
    """Whether the direction word at ``tokens[i]`` is also a ``known`` word of its own ("scoop", "scooped", "soften")
    with no descriptor after it in its piece, only what it is done to ("soften the vocal"): it is then that word
    ("scoop" alone is the scoop band word; "scoop the mids" cuts the mids). ``phrase_at``: the longest grammar
    phrase or term at a token (WordReader._phrase_at)."""
    tok = tokens[i]
    if band_word(tok) is None and lemmas.adjective_of_verb(tok) is None:
        return False
    j = i + 1
    while j < len(tokens) and tokens[j] not in JOINERS:
        span = phrase_at(tokens, j)
        if span and span[0] in AGAINST:
            break
        if span and (span[0] in DEGREE_PHRASES or span[0] in OPPOSITE):
            j += len(span[0])
            continue
        if skip := subject_span(tokens, j):  # "soften the vocal": what it is done to, no descriptor
            if band_word(tokens[j + skip - 1]) is not None:  # "soften the cymbals": the treble (it was boosted 4 dB)
                return False
            j += skip
            continue
        t = tokens[j]
        if not (t in STOP or t in NOT or t in LESS or t in MORE or t in PARTICLES or t in KEEP or t in BY_WORDS
                or number_degree(t) is not None or db_amount(t) is not None):
            return False
        j += 1
    return known(tok)


def degree_after(pieces: list[Piece], pending: list[str], degree: float, sign: float, way: float, keep: bool,
                 amounts: dict[int, Amount], max_degree: float, last_way: float = 0.0) -> bool:
    """Give a degree said after its descriptor ("scoop the mids a little", "more bass, but just a little") to the
    piece before it; True if it did. Only degree words: not with a direction, negation, kept word or number waiting,
    nor for a piece a dB amount sets. Left unread, "a little" made the move full strength (a new-user trial).
    An "up" after a boost goes its way and may come first: "warm it up a bit" (the degree was dropped, a trial)."""
    if way > 0.0 and pieces and pieces[-1].sign > 0 and UP in pending and all(
            t == UP or t not in PARTICLES for t in pending):
        way = 0.0
    if (pending and pieces and pending[-1] in SMALLER and way < 0.0 and sign == 1.0 and not keep
            and len(pieces) - 1 not in amounts and pieces[-1].sign != 0.0):
        # "scoop the mids a bit less", "boost the bass a little less": a smaller move than the verb's (ignored, it was
        # the whole move: a seventeenth trial); "the bass a bit less" (no verb) is less bass, a bit.
        last = pieces[-1]
        # less of a word already asked against stays against it: "the highs are harsh, ease off" (it had turned the
        # stated harshness into a request for it: a twenty-eighth trial)
        turned = (last.sign, SMALLER_DEGREE) if last_way else (-abs(last.sign), degree)
        pieces[-1] = replace(last, text=f"{last.text} {' '.join(pending)}", sign=turned[0],
                             degree=min(last.degree * turned[1], max_degree))
        return True
    if not (pending and pieces and degree != 1.0 and sign == 1.0 and way == 0.0 and not keep):
        return False
    if any(number_degree(t) is not None for t in pending):  # "warm, 0.5": a number alone is no degree word
        return False
    last = pieces[-1]
    if len(pieces) - 1 in amounts or last.sign == 0:
        return False
    pieces[-1] = replace(last, text=f"{last.text} {' '.join(pending)}", degree=min(last.degree * degree, max_degree))
    return True


def postfix_move(tokens: Sequence[str], i: int, after_piece: bool, number: float | None, last_way: float,
                 closes: Callable[[Sequence[str], int], bool], ends_piece: Callable[[Sequence[str], int], bool],
                 amount_at: Callable[[Sequence[str], int], bool]) -> tuple[float, float] | None:
    """``(sign, degree)`` when ``tokens[i]`` is a direction word or number closing the descriptor just read.

    It must follow a descriptor directly (``after_piece``) and end the clause or come before a conjunction, a
    dB amount ("treble cut 2 dB"), a region or a degree ("turn the bass down a bit"; the parser's ``closes``,
    ``ends_piece`` and ``amount_at`` say so), so "cut the bass" and "2x warmer" keep reading forwards; a
    CLOSING_DIRECTION word only ends the clause ("make the highs lower"), and after a piece a verb set
    (``last_way``) "less" is a smaller move ("scoop the mids less": the whole scoop, turned, was a 6 dB boost).
    """
    if after_piece and number is None and tokens[i] in CLOSING_DIRECTION:
        if not closes(tokens, i + 1) or (last_way and tokens[i] not in SMALLER):
            return None
        return (1.0, SMALLER_DEGREE) if last_way else (CLOSING_DIRECTION[tokens[i]], 1.0)
    if not after_piece or (number is None and tokens[i] not in POSTFIX_DIRECTION):
        return None
    if not ends_piece(tokens, i + 1) and not amount_at(tokens, i + 1):
        return None
    return (1.0, number) if number is not None else (POSTFIX_DIRECTION[tokens[i]], 1.0)


def move_enough(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with an enough word said after the negation before it moved next to it: "not bright enough" reads
    as "not enough bright", "no es suficientemente brillante" as "no suficientemente brillante", so the lack phrase
    (grammar_words.LACK) asks for more. Read as "not" and an ignored "enough", they cut the word (a new-user trial).
    A negation is looked for back to the clause's start or the last joining word; with none, "enough" stays."""
    out = list(tokens)
    for k in range(len(out) - 1, 0, -1):  # "lo bastante brillante" is "suficientemente brillante"
        if out[k - 1] == "lo" and out[k] == "bastante":
            out[k - 1:k + 1] = ["suficientemente"]
    for k in range(len(out)):
        if out[k] not in ENOUGH:
            continue
        for n in range(k - 1, -1, -1):
            if out[n] in JOINERS:
                break
            if out[n] in NOT_ENOUGH:
                if n + 1 < k:
                    out = [*out[:n + 1], out[k], *out[n + 1:k], *out[k + 1:]]
                break
    return out


def imperatives(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with a verb that is a noun too (grammar_words.IMPERATIVES: "drop") read as its direction word
    where a request starts: the clause's first word, or after a joining word or a request opener ("please"); and an
    easing phrasal verb (grammar_words.EASING: "ease up on") read as its direction word anywhere, and a sized move
    (grammar_words.SIZED_MOVES: "a gentle boost") as its degree adverb and noun, a dB amount said in words
    (grammar_words.SPOKEN_DB: "half a dB") as its number; then a size before a move noun's region
    (:func:`_sized_regions`) and "as X as possible" (:func:`_as_far_as`)."""
    verbs = [IMPERATIVES[t] if t in IMPERATIVES and (k == 0 or tokens[k - 1] in JOINERS
                                                     or tokens[k - 1] in REQUEST_OPENERS) else t
             for k, t in enumerate(tokens)]
    verbs = [str(_COUNTS[t]) if t in _COUNTS and k and verbs[k - 1] in ("up", "down") else t
             for k, t in enumerate(verbs) if not _unsaid(verbs, k)]
    if verbs[:1] in (["take"], ["get"], ["pull"]) and "from" in verbs and PARTICLES.keys().isdisjoint(verbs):
        # "take the mud from the low mids" asked for the mud (no particle said the way): "take ... out of"
        at = verbs.index("from")
        verbs[at:at + 1] = ["out", "of"]
    return _as_far_as(_sized_regions(_EASING(verbs)))


def _unsaid(verbs: Sequence[str], k: int) -> bool:
    """Whether ``verbs[k]`` only completes or names what the words around it say, and is left out for the grammar:
    "down" completing a word's verb ("calm it down", "dull it down a bit": read as a cut after the word, it was
    ignored with the degree after it, a thirtieth trial), "up" completing the clause's verb after its object ("soften
    the cymbals up a bit" was +6 dB, a thirty-first), "clicks" after a count ("down two clicks": 2 dB, not clicky),
    the control a region is turned with ("turn the treble knob down" boosted the treble), "then" after a joiner
    ("and then": one joiner, the list kept) and "heavily" before a participle ("heavily boosted highs": the
    participle's degree, no move's; these three a thirty-second and thirty-third trial)."""
    t = verbs[k]
    if t == "down":
        return k > 1 and verbs[k - 1] in _OBJECTS and verbs[k - 2] in DOWN_COMPLETES
    if t == UP:
        return k > 1 and verbs[0] in UP_COMPLETES and not DIRECTION_WORDS.intersection(verbs[1:k])
    if t in _STEPS:
        return k > 1 and verbs[k - 1] in _COUNTS and verbs[k - 2] in ("up", "down")
    if t in _CONTROLS:
        return k > 0 and band_word(verbs[k - 1]) is not None
    if t == "then":
        return k > 0 and verbs[k - 1] in JOINERS
    return t == "heavily" and k + 1 < len(verbs) and verbs[k + 1].endswith("ed")


_OBJECTS = frozenset({"it", "things", "them", "that", "this"})
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_STEPS = frozenset({"click", "clicks", "notch", "notches", "step", "steps"})  # read as dB: "clicks" was clicky
_CONTROLS = frozenset({"knob", "knobs", "fader", "faders", "pot", "control", "perilla", "potenciómetro"})


_AS_LITTLE = frozenset({"little", "few", "poco", "poca", "pocos", "pocas"})


def _as_far_as(tokens: list[str]) -> list[str]:
    """``tokens`` with "as X as possible" (grammar_words.AS_FAR_AS) read as "extremely X"; "much" between is dropped
    ("as much air as you can")."""
    for k, tok in enumerate(tokens):
        if tok not in AS_FAR_AS:
            continue
        second, endings = AS_FAR_AS[tok]
        for j in range(k + 2, min(k + 5, len(tokens))):
            if tokens[j] != second:
                continue
            ending = next((e for e in endings if tuple(tokens[j + 1:j + 1 + len(e)]) == e), None)
            if ending is not None:
                middle = [t for t in tokens[k + 1:j] if t not in ("much", "mucho")]
                if middle[:1] and middle[0] in _AS_LITTLE:  # "as little bass as possible" was bass x 1.45
                    middle[:1] = ["less"]
                return _as_far_as([*tokens[:k], "extremely", *middle, *tokens[j + 1 + len(ending):]])
    return tokens


def _sized_regions(tokens: list[str]) -> list[str]:
    """``tokens`` with a size said before a move noun's region or a curve's name read as its degree adverb
    (grammar_words.SIZE_ADVERBS: "a gentle treble boost" is "a slightly treble boost", "a slight smile curve" "a
    slightly smile curve"); the words between are left to the parser."""
    out = list(tokens)
    for k, tok in enumerate(tokens):
        if tok not in SIZE_ADVERBS:
            continue
        between = tokens[k + 1:k + 2 + SIZED_REGION_WORDS]
        for n, later in enumerate(between):
            if later in JOINERS or later in SIZE_ADVERBS:
                break
            if (later in MOVE_NOUNS or later in SHAPE_NOUNS) and n > 0:
                out[k] = SIZE_ADVERBS[tok]
                break
    return out


def particle_way(tokens: Sequence[str], i: int, before: Sequence[str], way: float) -> float | None:
    """How a particle at ``tokens[i]`` after its word turns the piece: -1 it cuts a piece no direction word set
    ("take the harshness off"), +1 it leaves it as it is (the way was set: "bring the presence out"; "get the
    warmth back"), None when ``tokens[i]`` is no such particle. ``before``: the clause's words before the piece."""
    tok = tokens[i] if i < len(tokens) else None
    if tok in CUTTING_PARTICLES:
        return 1.0 if way else -1.0
    if tok == BACK:
        return -1.0 if not way and not BACK_CUTTING_VERBS.isdisjoint(before) else 1.0
    return None


def is_noun(typed: str, meaning: Meaning) -> bool:
    """Whether a descriptor was typed as a noun ("mud", "harshness", "bass"), which a list's direction reaches,
    not an adjective ("muddy", "warm": "less muddy and warm" may ask for warmth)."""
    if meaning.how == "defined":
        return True  # band words name regions: "bass", "treble", "presence"
    return lemmas.is_noun(typed)


def nouns_of(pieces: Sequence[Piece], run: Sequence[int]) -> list[int]:
    """The last pieces of ``run`` (indices of a list's pieces no direction word set) that are nouns, back to the first
    that is not: a particle after the list turns them ("take the mud and boom out"), not an adjective before them."""
    found: list[int] = []
    for k in reversed(run):
        if not is_noun(pieces[k].term, pieces[k].meanings[0]):
            break
        found.append(k)
    return found[::-1]


def flip(pieces: list[Piece], indices: Sequence[int]) -> None:
    """Turn the pieces at ``indices`` the other way (a particle after a list: "take the mud and boom out")."""
    for k in indices:
        pieces[k] = replace(pieces[k], sign=-pieces[k].sign)


__all__ = ["BACK", "BACK_CUTTING_VERBS", "CUTTING_PARTICLES", "LIST_JOINERS", "NOT_ENOUGH", "SMALLER", "UP", "VERBS",
           "degree_after", "flip", "imperatives", "is_noun", "move_enough", "nouns_of", "particle_way", "postfix_move",
           "stands_alone"]
