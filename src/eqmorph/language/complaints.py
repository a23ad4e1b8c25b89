"""A sound stated as it is: "it's muddy", "the highs are harsh", "it has no air", "the low end is fine".

A mixing engineer who types what is wrong with a sound asks for a change, and what is right to be left alone; read
as requests, "it's very muddy" added 25% more mud than "muddy" and "it isn't bright" cut the treble (two new-user
trials and a review, 2026-12-03). So, after a copula ("is", "sounds", "has", "está", "suena", "hay"), with no
direction or wish of its own:

- a word that names a flaw is a complaint: the word turned, at the degree of "too" (grammar_words.EXCESS) times any
  degree said ("it's a bit muddy" asks for half of what "it's muddy" does);
- a word said to be missing is a lack: "it isn't bright", "it has no air", "no tiene brillo" ask for more of it, as
  "not bright enough" does (grammar_words.LACK), when the negation stands at the copula;
- a region said to be fine is kept: "the low end is fine but the highs are harsh" keeps the low end
  (grammar_words.KEEP).

A word that names no flaw stays a request ("it sounds warm", "the low end is full"), and so does a flaw wished for
("make it sound thin", "I want it muddy") or a comparative ("it's great but a bit thinner").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from eqmorph.errors import ParameterError
from eqmorph.language.band_words import band_word
from eqmorph.language.grammar_words import (
    CONTRASTING,
    DEGREES,
    ENOUGH,
    EXCESS,
    EXCLAIMING,
    HEDGES,
    JOINERS,
    LACK,
    NOT,
    QUANTITY_WORDS,
    small_amount,
)
from eqmorph.language.interpretation import Piece

# Words that name a flaw of a sound, by the vocabulary word (or band word) a typed word is read as: "mud" and
# "turbio" are muddy. Not words a mix may be asked to have ("dark"; "thin" is here: "sounds thin" asks for body,
# while "make it sound thin" still asks for thin), nor words of feeling ("feo", "hate": they name no sound).
FLAW_WORDS = frozenset({
    # Not "apagado": its crowd EQ (3 examples) lifts the top, so as a flaw "suena apagado" cut the highs (a review).
    "muddy", "boomy", "boxy", "box", "harsh", "hollow", "muffled", "noisy", "shrill", "tinny", "thin", "raspy",
    "áspero", "dull", "sharp",  # "it's sharp" was a +6.6 dB boost at 3 kHz (a fourteenth trial); "sharper" asks
    "flat",  # "it sounds flat" asked for more of the crowds' flat (a bass cut, a 1-5 kHz lift; a twenty-first trial)
    "rumble", "hum", "plosives", "honky", "nasal", "sibilance", "hiss", "scoop",  # band words
    # Level words stated of a region: "the highs are very loud" boosted them 7 dB (a fifteenth trial); they turn as
    # "too loud" does (regions.level_move), and alone "it's loud" asks for less of the crowds' loud.
    "loud", "quiet", "fuerte",
    "lo-fi",  # "it sounds like a telephone" asked for more of it (a twenty-eighth trial); "make it lo-fi" still does
})
# A region's adjective says there is much of it: stated, "it's so bassy", "it sounds trebly" asked for more (a
# twenty-eighth trial); "make it bassier" still does.
EXCESS_FORMS = frozenset({"bassy", "trebly", "subby"})
# Words of level, with the way each moves the region they are said of ("louder highs", "the bass is too quiet";
# language/regions.py level_move).
LEVEL_WORDS = {"loud": 1.0, "strong": 1.0, "hot": 1.0, "fuerte": 1.0, "quiet": -1.0, "weak": -1.0, "débil": -1.0,
               # A region made softer is made quieter: the crowds' soft, gentle, calm and mellow EQs lift 10 kHz by
               # 2-3 dB, so kept to the highs "softer highs" boosted them and "the highs are too soft" cut them
               # (a fifteenth trial, 2026-12-03).
               "soft": -1.0, "gentle": -1.0, "calm": -1.0, "mellow": -1.0, "suave": -1.0,
               # "the low end is heavy" boosted it 4 dB, "the low end is light" cut it 5 dB (a twenty-seventh trial)
               "heavy": 1.0, "pesado": 1.0, "light": -1.0, "ligero": -1.0,
               # "the highs are dark" darkened them further (a twenty-seventh trial)
               "dark": -1.0, "oscuro": -1.0,
               # The crowds' energetic and aggressive EQs cut 10-12 kHz, so kept to the highs "more energy up top"
               # cut them 2.5 dB and "less aggressive highs" lifted them (a twenty-seventh trial, 2026-12-04)
               "energetic": 1.0, "aggressive": 1.0, "intenso": 1.0}
# The level words that say how loud a sound is, not how it sounds: stated of a source ("the snare is too loud") they
# are refused (regions.refuse_source_level), while "the guitar is too dark" and "too heavy" are the crowds' words
# (refused for a day after dark and heavy became level words in a region: a twenty-eighth trial, 2026-12-04).
LOUDNESS_WORDS = frozenset({"loud", "strong", "hot", "fuerte", "quiet", "weak", "débil", "soft"})
# Said of a region, every level word is a flaw, as loud and quiet are everywhere: "the bass is soft" asks for more
# bass, "the bass is strong" for less (read as requests, they cut and boosted it 6 dB: an eighteenth trial,
# 2026-12-04). Said of the whole sound, "it's soft" and "it's mellow" stay descriptions.
REGION_FLAW_WORDS = FLAW_WORDS | frozenset(LEVEL_WORDS)
# Copulas that state a sound as it is. English "'s" is read as "is" (language/words.py), "it's" is one token.
COPULAS = frozenset({
    "is", "are", "it's", "it’s", "isn't", "aren't", "sounds", "sound", "seems", "seem", "feels", "feel", "looks",
    "look",
    "became", "gets", "got", "has", "have", "hear", "hearing", "there's", "es", "son", "está", "esta", "están",
    "estan", "suena", "suenan", "queda", "quedan", "tiene", "tienen", "hay",
    "getting",  # "i'm getting some harshness" asked for it (a twenty-seventh trial)
    "its", "theres", "thats",  # the last three: "its muddy", typed without the apostrophe
    # Spanish hearing verbs, as "hear": "no se escuchan los graves" cut the bass 6 dB, its "no" read as a plain
    # negation of the word (an eighteenth trial, 2026-12-04)
    "escucha", "escuchan", "escucho", "oye", "oyen", "oigo", "siente", "sienten", "siento", "nota", "notan", "noto",
    "percibe", "perciben"})
# Unstressed pronouns that stand between a negation and its verb: "no se escuchan", "no me suena", "no le queda".
CLITICS = frozenset({"se", "me", "le", "les", "te", "nos"})
NEGATED_COPULAS = frozenset({"isn't", "aren't"})
# Words that make the statement a wish: "make it sound thin", "I want it muddy", "quiero que suene turbio".
WISHES = frozenset({"make", "makes", "making", "want", "wants", "need", "needs", "should", "like", "haz", "hazlo",
                    "hacer", "quiero", "quieres", "queremos", "necesito", "necesita", "debe", "debería",
                    # "it's gotta be super heavy", "it's supposed to be very dark", "it must be brighter", "the
                    # reference is very bright" read "very" as the excess of a statement (a twenty-sixth trial)
                    "must", "gotta", "supposed", "meant", "ought", "reference", "referencia", "ref"})
# Modals in two words: "it has to be really heavy", "tiene que sonar muy pesado"
WISH_PAIRS = frozenset({("has", "to"), ("have", "to"), ("tiene", "que"), ("tienen", "que"), ("hay", "que"),
                        ("needs", "to"), ("need", "to")})
# Words of a sentence around a sound word, never one themselves: an error names an unknown word only when it is
# none of these (language/parse.py).
SENTENCE_WORDS = COPULAS | WISHES | frozenset({
    "i", "i'm", "im", "my", "mine", "me", "we", "our", "us", "you", "your", "he", "she", "his", "her", "they", "their",
    "yo", "mi", "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra", "como", "can't", "cannot", "be", "been",
    "heard", "sounding", "son", "suenan", "suene"})
COMPLAINT_DEGREE = DEGREES[("a", "bit")]  # as "too": a complaint says what is wrong, not how far to go
# Words of an excess or a lack already said ("isn't boomy enough", "too much mud"): the statement needs no turning.
# "it's very bright", "the hats are really bright", "está muy agudo": a quality stated as intense is its excess, as
# "too bright" is (they were requests for more: +6.9 dB at 3.5 kHz, a twenty-fifth trial); "it's bright" stays a
# description, read as asking for it. Only the qualities a mix has too much of: "it sounds really nice", "the vocal
# is super clear" and "it's so warm" praise (read so, they asked for less of what was praised: a review).
INTENSIFIERS = frozenset(p[0] for p, v in DEGREES.items() if len(p) == 1 and v > 1.0) | EXCLAIMING
# A small degree said of an intense quality after a copula states a slight excess as well: "the master is a bit dark",
# "it feels a little bright on my monitors" asked for more of it (a twenty-ninth trial); "it's bright" stays a request.
MILD = frozenset({"bit", "little", "slightly", "somewhat", "kinda", "tad", "touch", "poco", "ligeramente"})
# (A trial of these rules: "the snare is super hard hitting", "the guitars are very crunchy", "it sounds super heavy,
# sick" praise, so hard, crunchy and heavy are not here; "the vocal is very forward" complains, so presence is.)
INTENSE_EXCESS = frozenset({"bright", "brillante", "agudo", "dark", "oscuro", "aggressive", "toppy", "presence"})
# Praise anywhere in a phrase makes an intense quality in it praise too: "it's very bright, perfect", "suena muy
# brillante, me encanta" cut the highs they praised (a twenty-sixth trial); read so, they ask for no change there.
PRAISE_WORDS = frozenset({"perfect", "great", "awesome", "amazing", "excellent", "sick", "love", "loving", "lovely",
                          "gorgeous", "stunning", "fantastic", "dope", "killer", "perfecto", "perfecta", "genial",
                          "encanta", "encantan", "gusta", "gustan", "increíble", "increible", "hermoso", "precioso",
                          "chido", "bacán", "bacan", "buenísimo", "buenisimo"})
# "it's not too muddy": fine
HEDGED = frozenset({"too", "overly", "excessively", "demasiado", "demasiada", "excesivamente"})
AMOUNT_SAID = (frozenset(t for phrase in (*EXCESS, *LACK) for t in phrase) - NOT - NEGATED_COPULAS
               - frozenset(t for phrase in DEGREES for t in phrase)) | ENOUGH  # "a little" is a degree, "too" no
# Said of a region after a copula, these keep it: "the low end is fine", "los graves están bien".
FINE = frozenset({"fine", "good", "ok", "okay", "great", "perfect", "bien", "bueno", "buenos", "buena", "buenas",
                  "perfecto", "perfectos", "perfecta", "perfectas", "genial"})
# Praise said of a named subject, read as FINE is ("the warmth is nice but muddy"); alone, "it sounds nice" is the
# crowds' nice. Read before the subject, the praised word was a request beside the flaw: "the warmth is good but too
# much low end" boosted 400 Hz 1.8 dB (a fifteenth trial).
PRAISE_OF_A_SUBJECT = frozenset({"nice", "lovely", "sweet", "solid", "decent"})
def stated_turn(clause_before: Sequence[str], word: str, typed: str, sign: float,
                pending: Sequence[str] = ()) -> float | None:
    """The sign a descriptor stated as it is takes (-1 a complaint, +1 a lack, 0 a flaw said to be absent: no change
    asked), or None when it is not such a statement. ``clause_before``: the clause's tokens before it; ``word``:
    the vocabulary or band word it is read as; ``typed``: as typed; ``sign``: the negations' so far; ``pending``:
    the grammar words said for it (an excess or a lack among them was read already: "isn't boomy enough"). The
    caller checks no direction or amount was said. A copula earlier in the clause states the words after it too:
    "it's muddy and dull"."""
    if is_wished(clause_before):
        return None
    if COPULAS.isdisjoint(clause_before):  # but "lots of mud", "mucho barro", "so muddy": an amount of a flaw states it
        said = not QUANTITY_WORDS.isdisjoint(pending) or not EXCLAIMING.isdisjoint(clause_before[-2:])
        return -1.0 if sign > 0 and word in FLAW_WORDS and said else None
    flaws = REGION_FLAW_WORDS if names_band(clause_before) else FLAW_WORDS
    negation = _negation_at_copula(clause_before)
    if word in flaws and negation is not None and ENOUGH.isdisjoint(pending) and (
            sign < 0 or negation in NEGATED_COPULAS or not HEDGED.isdisjoint(pending)):
        return 0.0  # "it isn't muddy", "it's not (too) muddy": said to be fine, no change asked
    if not AMOUNT_SAID.isdisjoint(pending):
        return None
    # not a comparative ("it's duller" wishes), nor a synonym that ends so ("underwater": muffled, asked for until a
    # twenty-eighth trial); a comparative said of a named subject reports it ("the vocal is harsher", "the second take
    # is boomier": asked for, a thirty-second trial), as "the vocal is harsher than before" does, and so does one said
    # to be becoming so ("it's getting duller" asked for more dull: a forty-fourth round)
    if sign > 0 and (word in flaws or typed in EXCESS_FORMS) and not (
            typed != word and typed.endswith("er") and typed[:3] == word[:3] and not _named_subject(clause_before)
            and _BECOMING.isdisjoint(clause_before)):
        return -1.0  # "it's muddy", "it's bassy"
    if word not in flaws and negation is not None and (sign < 0 or negation in NEGATED_COPULAS):
        return 1.0  # "it's not bright", "it isn't bright", "it has no air"
    if sign > 0 and negation is None and word in INTENSE_EXCESS and (intensified(clause_before, pending) or (
            not MILD.isdisjoint(pending) and not typed.endswith("er"))):  # not "it's a bit brighter": it became so
        return -1.0  # "it's very bright", "it's a bit dark"
    return None



# Verbs of a change under way: a comparative after them says what the sound is becoming, not a wish
_BECOMING = frozenset({"getting", "gets", "got", "gotten", "became", "becoming", "becomes", "growing", "grown",
                       "turning"})  # "it's gotten muddier" asked for mud (a thirty-sixth trial)
# Subjects that name nothing: "it's duller", "this is harsher" may ask for it (they are said of the sound being made)
_UNNAMED = frozenset({"it", "this", "that", "everything", "everything's", "which", "who"})


_BETWEEN = frozenset({"a", "bit", "little", "lot", "much", "way", "even", "slightly", "far", "now", "so", "getting"})


def _named_subject(clause_before: Sequence[str]) -> bool:
    """Whether the clause's last copula follows a named subject ("the vocal is", "the highs are"), not "it", with only
    degree words after it (not "voice is a bit harsh at louder moments")."""
    at = max((k for k, t in enumerate(clause_before) if t in COPULAS), default=0)
    while at > 0 and clause_before[at - 1] in COPULAS:  # "the vocal is getting harsher": the subject before "is"
        at -= 1
    return at > 0 and clause_before[at - 1] not in _UNNAMED | COPULAS and _BETWEEN.issuperset(
        t for t in clause_before[at + 1:] if t not in COPULAS)


def stated_reading(stating: Sequence[str], clause_before: Sequence[str], word: str, typed: str, sign: float,
                   pending: Sequence[str], praised_text: bool) -> float | None:
    """:func:`stated_turn` of a descriptor read in its sentence: ``stating`` holds a copula of an earlier clause ("it's
    not harsh, just dull" states dull too), ``praised_text`` says the phrase praises the sound somewhere."""
    stated = stated_turn([*stating, *clause_before], word, typed, sign, pending)  # "it's muddy", "it has no air"
    if stated == -1.0 and (word in INTENSE_EXCESS or typed in EXCESS_FORMS) and praised_text and CONTRASTING.isdisjoint(
            clause_before):  # not after the praise's contrast: "great sound but very bright"
        return 0.0  # "it's very bright, perfect": the intense quality praised, no change asked there
    if stated is None and word in FLAW_WORDS and small_amount(pending):
        return 0.0  # "not much mud", "almost no harshness": a flaw hardly there, no change asked
    return stated

_PRAISE_PAIRS = frozenset({("i", "like"), ("keep", "it"), ("love", "it")})


def praises(text: str) -> bool:
    """Whether ``text`` (normalised) praises anywhere (``PRAISE_WORDS``, "I like"): an intense quality in it is then
    praise too ("it's very bright, perfect", "very dark but I like it")."""
    words = re.findall(r"[^\W\d_]+", text)
    return not PRAISE_WORDS.isdisjoint(words) or not _PRAISE_PAIRS.isdisjoint(zip(words, words[1:]))


# Keeping said of what a statement names ("there's a dip in the mids, don't touch it", "a bump I want to keep")
_KEEPING_PAIRS = frozenset({("touch", "it"), ("to", "keep"), ("love", "that"), ("like", "that"), ("i", "love")})


def likes(text: str, praised: bool) -> bool:
    """Whether ``text`` (normalised) likes or keeps what it says is there: praise (``praised``, :func:`praises` of the
    same text, which the caller has), "don't touch it", "I want to keep". A quantity or a shape said to be there
    ("there's a dip in the mids") is then kept, not filled or cut (language/existential.py; a thirty-first trial:
    "..., which I like" filled the dip 3 dB)."""
    if praised:
        return True
    words = re.findall(r"[^\W\d_]+", text)
    return not _KEEPING_PAIRS.isdisjoint(zip(words, words[1:]))


def intensified(clause_before: Sequence[str], pending: Sequence[str]) -> bool:
    """Whether a word is said with an intensifier ("very", "really", "muy"; "so", "tan" just before it): stated of
    the sound, a quality said so is its excess, unless the clause states a flaw beside it ("it sounds really warm
    but a bit muddy": praise, :func:`drop_praised`)."""
    return not (INTENSIFIERS.isdisjoint(pending) and INTENSIFIERS.isdisjoint(clause_before[-2:]))


def states_next(tokens: Sequence[str], j: int) -> bool:
    """Whether a copula follows ``tokens[j]`` before the clause ends: the word before ``j`` is a subject ("the bass is
    too loud and the highs are too quiet": the highs took the cut said of the bass, as a list would)."""
    return not COPULAS.isdisjoint(tokens[j:clause_end(tokens, j)])


def nothing_asked(text: str, absent: Sequence[str]) -> ParameterError:
    """The error for a text that names no change: only flaws said to be absent (``absent``: "it isn't muddy"), or
    no descriptor at all."""
    if absent:
        return ParameterError("text", text, f"a change to make: it says what is fine ({', '.join(absent)}), not what "
                                            "to change; e.g. 'less muddy' or 'a bit warmer'")
    return ParameterError("text", text, "at least one descriptor word, e.g. 'warm', 'a bit brighter' or 'un poco más "
                                        "cálido'")


def is_praise(clause_before: Sequence[str], piece: Piece) -> bool:
    """Whether ``piece``, asked for plainly after a copula (``clause_before``: the clause's tokens before its word),
    names no flaw: "warm" in "it's warm but muddy". Alone it stays a request ("it sounds warm"); beside a flaw
    stated in its clause it is praise, not a request (:func:`drop_praised`)."""
    # A band word names a region or a move, not a quality: "the low end needs weight", "the highs are harsh".
    # "really warm" praises as "warm" does ("it sounds really warm but a bit muddy"); "a bit warm" is no praise
    return (piece.sign == 1.0 and piece.degree >= 1.0 and piece.meanings[0].word not in FLAW_WORDS
            and piece.meanings[0].how != "defined" and not COPULAS.isdisjoint(clause_before)
            and not is_wished(clause_before))


def drop_praised(pieces: list[Piece], praised: Sequence[tuple[int, Piece]], amounts: dict[int, Any],
                 notes: list[str], *, again: bool = False) -> None:
    """Drop the pieces ``praised`` (``(index, piece)``, :func:`is_praise`), of a clause that also states a flaw or a
    lack, and the flaws said to be absent ("it isn't muddy", :func:`stated_turn` 0), re-keying ``amounts`` (piece
    index -> its dB amount): "it's warm but muddy" asks for less mud and not for warmth. Read as a request beside
    the complaint, warm was boosted and, as a contrast's asked-for side, took the mud cut away with it (+1.9 dB at
    300 Hz: a review, 2026-12-03); kept as it is, it took away as much, since the crowds' warm and muddy EQs
    correlate 0.87. ``again``: the pieces were stated in an earlier clause and said of again in a later one."""
    for k, piece in sorted(praised, key=lambda kp: -kp[0]):
        if k >= len(pieces) or pieces[k] is not piece:  # merged since with the word after it ("the highs are harsh")
            continue
        stated = f"{pieces[k].term}: said of the sound as it is"  # an intense quality's excess: "really warm but muddy"
        notes[:] = notes if again else [note for note in notes if not note.startswith(stated)]
        notes.append(f"{pieces[k].term}: said of the sound, then of what to do with it" if again else
                     f"{pieces[k].term}: said to be absent, no change asked" if piece.meanings[0].word in FLAW_WORDS
                     else f"{pieces[k].term}: said of the sound beside a flaw, not asked for")
        del pieces[k]
        for j in sorted(i for i in amounts if i > k):
            amounts[j - 1] = amounts.pop(j)



def said_again(pieces: list[Piece], first: int, earlier: tuple[Sequence[Piece], Sequence[Piece]],
               complained: set[str], amounts: dict[int, Any], notes: list[str]) -> None:
    """Drop pieces of earlier clauses that a clause from ``pieces[first]`` on says again: "It's bright. Too bright.",
    "it's bright, make it less bright" (a sound stated as it is, then said of again, was the later piece's context; it
    had been asked for beside it, the bright added, or a contradiction refused). ``earlier``: (sounds stated as they
    are, naming no flaw; clauses that were one bare word), the bare word dropped only when the later clause complains
    of it (``complained``: "Bright. Way too bright."), so "warm, less warm" stays a contradiction."""
    stated, alone = earlier
    said = {piece.meanings[0].word for piece in pieces[first:]}
    drop_praised(pieces, [(k, piece) for k, piece in enumerate(pieces[:first]) if (
        piece.meanings[0].word in said and any(piece is p for p in stated)) or (
        piece.meanings[0].word in complained and any(piece is p for p in alone))], amounts, notes, again=True)

def is_wished(tokens: Sequence[str]) -> bool:
    """Whether ``tokens`` hold a wish since their last contrast ("but", "pero": "make it warm but it's muddy" states
    muddy); "like" after a copula compares ("it sounds like mud"), it wishes nothing. A modal said in two words ("has
    to", "tiene que") wishes, and so does a reference named: "the reference is very bright" is what to match."""
    start = max((k + 1 for k, t in enumerate(tokens) if t in CONTRASTING), default=0)
    return any((t in WISHES and not (t == "like" and k > start and tokens[k - 1] in COPULAS))
               or tuple(tokens[k:k + 2]) in WISH_PAIRS for k, t in enumerate(tokens) if k >= start)


def hedged(pending: Sequence[str]) -> bool:
    """Whether ``pending`` (a piece's grammar words) holds a negated excess ("not too", "not overly", "no
    demasiado", grammar_words.HEDGES): said of a flaw word it asks against the flaw, moderately, where of another
    word it asks for it moderately ("not too bright")."""
    return any(tuple(pending[k:k + len(h)]) == h for h in HEDGES for k in range(len(pending) - len(h) + 1))


def names_band(tokens: Sequence[str]) -> bool:
    """Whether ``tokens`` hold a band word's form, one word or two ("bass", "low end", "graves")."""
    return any(band_word(" ".join(tokens[k:k + n])) is not None for n in (1, 2) for k in range(len(tokens) - n + 1))


def _negation_at_copula(tokens: Sequence[str]) -> str | None:
    """The last negation of ``tokens`` if it stands at a copula ("isn't", "is not", "has no", "no tiene"), else
    None. "isn't" and "aren't" are no negation words of the grammar (grammar_words.NOT): said with "too" ("it isn't
    too muddy", "isn't it too bright?") the two turned each other, and asked for more."""
    at = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k] in NOT or tokens[k] in NEGATED_COPULAS
               or tokens[k] in JOINERS), None)
    if at is None or tokens[at] in JOINERS:  # another piece's: "it isn't muddy but a bit thin"
        return None
    after = at + 1 + (at + 1 < len(tokens) and tokens[at + 1] in CLITICS)  # "no se escuchan"
    if tokens[at] in NEGATED_COPULAS or (at > 0 and tokens[at - 1] in COPULAS) or (
            after < len(tokens) and tokens[after] in COPULAS):
        return tokens[at]
    return None


def clause_start(tokens: Sequence[str], k: int) -> int:
    """Index of the first token of the clause ``tokens[k]`` is in: after the last joining word before it."""
    return max((j + 1 for j in range(k) if tokens[j] in JOINERS), default=0)


def clause_end(tokens: Sequence[str], k: int) -> int:
    """Index of the joining word that ends the clause from ``tokens[k]`` on (``len(tokens)`` if none)."""
    return next((j for j in range(k, len(tokens)) if tokens[j] in JOINERS), len(tokens))


__all__ = ["COMPLAINT_DEGREE", "COPULAS", "FINE", "FLAW_WORDS", "INTENSE_EXCESS", "LEVEL_WORDS", "LOUDNESS_WORDS",
           "PRAISE_OF_A_SUBJECT", "PRAISE_WORDS", "REGION_FLAW_WORDS", "SENTENCE_WORDS", "WISHES", "clause_end",
           "clause_start",
           "drop_praised", "hedged", "intensified", "is_praise", "is_wished", "names_band", "nothing_asked", "praises",
           "stated_turn", "states_next"]
