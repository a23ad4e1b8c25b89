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
    LESS,
    MORE,
    NOT,
    QUANTITY_WORDS,
    STOP,
    PhraseRewriter,
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
})
# Words of level, with the way each moves the region they are said of ("louder highs", "the bass is too quiet";
# language/regions.py level_move).
LEVEL_WORDS = {"loud": 1.0, "strong": 1.0, "hot": 1.0, "fuerte": 1.0, "quiet": -1.0, "weak": -1.0, "débil": -1.0,
               # A region made softer is made quieter: the crowds' soft, gentle, calm and mellow EQs lift 10 kHz by
               # 2-3 dB, so kept to the highs "softer highs" boosted them and "the highs are too soft" cut them
               # (a fifteenth trial, 2026-12-03).
               "soft": -1.0, "gentle": -1.0, "calm": -1.0, "mellow": -1.0, "suave": -1.0}
# Said of a region, every level word is a flaw, as loud and quiet are everywhere: "the bass is soft" asks for more
# bass, "the bass is strong" for less (read as requests, they cut and boosted it 6 dB: an eighteenth trial,
# 2026-12-04). Said of the whole sound, "it's soft" and "it's mellow" stay descriptions.
REGION_FLAW_WORDS = FLAW_WORDS | frozenset(LEVEL_WORDS)
# Copulas that state a sound as it is. English "'s" is read as "is" (language/words.py), "it's" is one token.
COPULAS = frozenset({
    "is", "are", "it's", "it’s", "isn't", "aren't", "sounds", "sound", "seems", "seem", "feels", "feel", "looks",
    "became", "gets", "got", "has", "have", "hear", "hearing", "there's", "es", "son", "está", "esta", "están",
    "estan", "suena", "suenan", "queda", "quedan", "tiene", "tienen", "hay",
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
# Verbs that state a flaw ("los graves retumban": the bass booms): read as a copula and the flaw ("suenan retumban"),
# they were a request for boom (a fourteenth trial)
FLAW_VERBS = frozenset({"retumba", "retumban", "booms"})
# Spanish verbs of a region's excess ("los agudos pican", "los graves tapan la voz"): read as "too loud" said of it.
# Ignored, they left the region a request, boosted 6 dB (a nineteenth trial, 2026-12-04).
_COMPLAINING = PhraseRewriter({(verb,): ("suenan", "demasiado", "fuertes") for verb in (
    "pican", "pica", "molestan", "molesta", "cansan", "cansa", "lastiman", "lastima", "saturan", "satura", "tapan",
    "tapa", "distorsionan", "distorsiona", "aturden", "aturde",
    "chillan", "chilla")}  # "los platillos chillan" boosted the treble 6 dB (a twentieth trial, 2026-12-04)
    # shining too much: "los agudos brillan mucho" boosted the top 7 dB (a twenty-fifth trial); "brillan" alone praises
    | {(verb, much): ("suenan", "demasiado", "fuertes") for verb in ("brillan", "brilla")
       for much in ("mucho", "demasiado")})
# "cut the mud without thinning it out": thinning is losing the low end, which the phrase keeps (read as "less thin",
# reduced beside the mud, it cut the lows 2-2.5 dB: a twenty-fifth trial)
_NOT_THINNING = PhraseRewriter({phrase: ("keep", "the", "low", "end") for phrase in (
    ("without", "thinning", "it", "out"), ("without", "thinning", "it"), ("without", "thinning"),
    ("without", "making", "it", "thin"), ("without", "making", "it", "thinner"), ("sin", "adelgazar"),
    ("sin", "adelgazarlo"), ("sin", "que", "quede", "delgado"))})
# Idioms whose words, read one by one, went against what they say (a twenty-sixth trial): "make the vocal cut
# through" asks for presence and "the vocal doesn't cut through" says it lacks it, while "cut through the mud" cuts the
# mud (read as presence, "cut through" had added it); "address the lack of bass" and "fix the missing low end" ask for
# more, "don't be shy with the bass" too, and "don't worry about the highs" leaves them alone.
_IDIOMS = PhraseRewriter({
    **{(neg, "cut", "through"): ("not", "enough", "presence")
       for neg in ("doesn't", "don't", "can't", "won't", "didn't", "isn't", "never")},
    **{(verb, "the", lack): ("more",) for verb in ("address", "fix", "tackle", "handle", "solve", "manage")
       for lack in ("lack", "missing")},
    ("the", "lack", "of"): ("not", "enough"),
    ("don't", "be", "shy", "with"): ("more",), ("don't", "worry", "about"): ("keep",),
    ("can't", "wait", "to", "hear", "it"): ("make", "it"), ("clear", "up"): ("clean", "up"),
    ("out", "of", "the", "way"): ("off",)})  # "get the bass out of the way": a cut ("way" was read as x1.25)
_CUTS_THROUGH = ("cut", "through")


def _cuts_through(tokens: list[str]) -> list[str]:
    """"cut through" at the end of its clause, or before "the mix", is presence ("make the vocal cut through"); before
    anything else it cuts what follows ("cut through the mud")."""
    out = list(tokens)
    for k in range(len(out) - 2, -1, -1):
        if tuple(out[k:k + 2]) == _CUTS_THROUGH:
            rest = out[k + 2:k + 4]
            if not rest or rest[0] in JOINERS or rest in (["the", "mix"], ["in", "the"]) or rest[0] in ("it", "a"):
                out[k:k + 2] = ["presence"]
    return out


# "sounds great just a bit harsh": "just" after praise contrasts, as "but" (the flaw was taken for what to keep, and
# the phrase refused: a twenty-fifth trial)
_PRAISING = FINE | PRAISE_OF_A_SUBJECT
_JUST = frozenset({"just", "solo", "sólo"})  # "suena genial solo un poco áspero"
# Praise that opens a contrast without a verb ("nice low end but harsh"): read as "it is good ..." (statement_tokens)
PRAISE_OPENERS = frozenset({*((w,) for w in FINE), ("nice",), ("lovely",), ("solid",), ("decent",), ("all", "good"),
                            ("love", "it"), ("like", "it"), ("loving", "it")})
# Phrases that keep what follows: "warmer but don't touch the low end" cut the bass as "don't" (a review), and
# "brighter without losing the warmth" cut the warmth (a fourteenth trial, 2026-12-03).
KEEP_PHRASES = (("do", "not", "touch"), ("don't", "touch"), ("dont", "touch"), ("without", "touching"),
                ("sin", "tocar"), ("no", "toques"), ("no", "tocar"), ("without", "losing"), ("without", "sacrificing"),
                ("without", "killing"), ("without", "hurting"), ("don't", "lose"), ("do", "not", "lose"),
                ("sin", "perder"), ("sin", "sacrificar"), ("no", "pierdas"), ("no", "perder"),
                # Caution said of what follows: "more air but watch the esses" added esses (a sixteenth trial)
                ("watch",), ("watch", "out", "for"), ("careful", "with"), ("be", "careful", "with"),
                ("careful", "of"), ("mind",), ("cuidado", "con"), ("ojo", "con"))
# A liking or a dislike said of what follows: kept, or asked away. "I like the mix but it's muddy" read "like" as a
# wish and boosted the mud; "I hate the mud" boosted it (a fourteenth trial). Not before "it" or "how", where the
# verb says how the user wants it ("I like it warmer", "I'd like it brighter" stay wishes).
FEELING_PHRASES = {("i", "love"): ("keep",), ("i", "like"): ("keep",), ("i", "really", "like"): ("keep",),
                   ("i", "really", "love"): ("keep",), ("we", "love"): ("keep",), ("we", "like"): ("keep",),
                   ("love", "the"): ("keep", "the"), ("me", "gusta"): ("keep",), ("me", "gustan"): ("keep",),
                   ("me", "encanta"): ("keep",), ("me", "encantan"): ("keep",),
                   ("i", "hate"): ("less",), ("i", "really", "hate"): ("less",), ("we", "hate"): ("less",),
                   ("i", "dislike"): ("less",), ("hate", "the"): ("less", "the"), ("odio",): ("less",)}
# Said last of a region after a copula and an excess, these are its level: "the low mids are too much", "the bass is a
# bit much", "the treble is too high" were a 4-6 dB boost of the region (the excess dropped: a fifteenth trial), and
# read as "too loud" they cut it (regions.level_move).
EXCESS_LEVEL = frozenset({"much", "big", "high", "mucho"})
_EXCESS_BEFORE = frozenset({"too", "overly", "so", "way", "demasiado", "bit", "little"})
# "it's a bit much in the highs", "a lot in the low end" boosted the region 4-7 dB (a sixteenth trial): an amount said
# of a place after a copula is its excess.
_AMOUNT_WORDS = frozenset({"much", "lot"})
_AMOUNT_BEFORE = frozenset({"too", "bit", "little", "a"})  # not "not much in the low end", a lack
_IN = frozenset({"in", "on", "around", "at", "en"})
# "the low mids need cleaning up" was the low mids and clean boosted (a sixteenth trial): the verb the need names.
GERUNDS = {"cleaning": "clean", "tightening": "tighten", "taming": "tame", "cutting": "cut", "reducing": "reduce",
           "tidying": "tidy",
           "boosting": "boost", "lifting": "lift", "brightening": "brighten", "warming": "warm"}
# "the bass is missing" suggested "hiss" (a sixteenth trial): a region said to be missing lacks.
_MISSING = frozenset({"missing", "lacking", "gone", "absent"})
# "there's a lot of bass", "hay muchos graves" were requests for 7 dB more: said to be there in quantity, an excess
# ("it has a lot of warmth" stays a request: "has" praises as often as it complains). "there's" is read "there is".
_A_LOT = frozenset({"a", "so", "lots", "mucho", "mucha", "muchos", "muchas", "tanto", "tanta", "tantos", "tantas"})
# A comparison stated of the sound ("it's brighter than it should be", "the mix is muddier than the reference", "es
# más brillante que la referencia") names an excess, or with "less" a lack: read as requests, they asked for more of
# it (a fifteenth trial). What it is compared with is no request of its own and is dropped.
_THAN = {"than": ("more", "less"), "que": ("más", "menos")}
# After "is to", these keep "to" a preposition or an infinitive's ("the plan is to add air", "is to be"); any other word
# makes it the common typo of "too" ("the bass is to loud", a fifteenth trial).
_NOT_AFTER_TO = MORE | LESS | frozenset({"be", "make", "have", "get", "sound", "keep", "do", "the", "a", "me",
                                          "my", "your", "it", "them", "him", "her"})
_TOO_DEGREES = frozenset({"way", "bit", "little", "far", "just", "slightly", "much"})  # "way to bright"
_FEELING_OBJECTS_NOT = frozenset({"it", "it's", "them", "how", "when", "that", "lo", "la", "los", "las", "como"})
# A direction verb said not to be done keeps what it names: "don't cut the bass" boosted the bass 6 dB and "don't boost
# the highs" cut them (a fifteenth trial, 2026-12-03). Not "less" and "more": "not less muddy" is muddy.
_VERBS_OF_DIRECTION = (MORE | LESS) - {"less", "more", "fewer", "menos", "más", "extra", "minus"}
_DONT = (("don't",), ("dont",), ("do", "not"), ("never",), ("don’t",),
         # "no le bajes los graves", "no bajes los graves": don't lower the bass (a cut before a nineteenth trial)
         ("no",), ("no", "le"), ("no", "les"), ("nunca",), ("nunca", "le"))
_KEEPING = PhraseRewriter({phrase: ("keep",) for phrase in (*KEEP_PHRASES, *((*dont, verb) for dont in _DONT
                                                                             for verb in sorted(_VERBS_OF_DIRECTION)))})
_FEELING = PhraseRewriter(FEELING_PHRASES)
_UNSTATING = NOT | WISHES  # before a flaw verb, no statement: "no retumba", "quiero que retumbe"


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
    if sign > 0 and word in flaws and not (typed != word and typed.endswith("er")):
        return -1.0  # "it's muddy"
    if word not in flaws and negation is not None and (sign < 0 or negation in NEGATED_COPULAS):
        return 1.0  # "it's not bright", "it isn't bright", "it has no air"
    if sign > 0 and negation is None and word in INTENSE_EXCESS and intensified(clause_before, pending):
        return -1.0  # "it's very bright"
    return None


_PRAISE_PAIRS = frozenset({("i", "like"), ("keep", "it"), ("love", "it")})


def praises(text: str) -> bool:
    """Whether ``text`` (normalised) praises anywhere (``PRAISE_WORDS``, "I like"): an intense quality in it is then
    praise too ("it's very bright, perfect", "very dark but I like it")."""
    words = re.findall(r"[^\W\d_]+", text)
    return not PRAISE_WORDS.isdisjoint(words) or not _PRAISE_PAIRS.isdisjoint(zip(words, words[1:]))


def intensified(clause_before: Sequence[str], pending: Sequence[str]) -> bool:
    """Whether a word is said with an intensifier ("very", "really", "muy"; "so", "tan" just before it): stated of
    the sound, a quality said so is its excess, unless the clause states a flaw beside it ("it sounds really warm
    but a bit muddy": praise, :func:`drop_praised`)."""
    return not (INTENSIFIERS.isdisjoint(pending) and INTENSIFIERS.isdisjoint(clause_before[-2:]))


def states_next(tokens: Sequence[str], j: int) -> bool:
    """Whether a copula follows ``tokens[j]`` before the clause ends: the word before ``j`` is a subject ("the bass is
    too loud and the highs are too quiet": the highs took the cut said of the bass, as a list would)."""
    return not COPULAS.isdisjoint(tokens[j:_clause_end(tokens, j)])


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
                 notes: list[str]) -> None:
    """Drop the pieces ``praised`` (``(index, piece)``, :func:`is_praise`), of a clause that also states a flaw or a
    lack, and the flaws said to be absent ("it isn't muddy", :func:`stated_turn` 0), re-keying ``amounts`` (piece
    index -> its dB amount): "it's warm but muddy" asks for less mud and not for warmth. Read as a request beside
    the complaint, warm was boosted and, as a contrast's asked-for side, took the mud cut away with it (+1.9 dB at
    300 Hz: a review, 2026-12-03); kept as it is, it took away as much, since the crowds' warm and muddy EQs
    correlate 0.87."""
    for k, piece in sorted(praised, key=lambda kp: -kp[0]):
        if k >= len(pieces) or pieces[k] is not piece:  # merged since with the word after it ("the highs are harsh")
            continue
        stated = f"{pieces[k].term}: said of the sound as it is"  # an intense quality's excess: "really warm but muddy"
        notes[:] = [note for note in notes if not note.startswith(stated)]
        notes.append(f"{pieces[k].term}: said to be absent, no change asked" if piece.meanings[0].word in FLAW_WORDS
                     else f"{pieces[k].term}: said of the sound beside a flaw, not asked for")
        del pieces[k]
        for j in sorted(i for i in amounts if i > k):
            amounts[j - 1] = amounts.pop(j)


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


def _compared(tokens: list[str]) -> list[str]:
    """``tokens`` with each comparison stated after a copula read as an excess ("it's brighter than it should be" ->
    "it's too brighter") or a lack ("it's less bright than the reference" -> "it's not enough bright"), and what it
    compares with dropped up to the clause's end; wishes ("make it brighter than the reference") stay."""
    out = list(tokens)
    for k in range(len(out) - 1, 1, -1):
        if out[k] not in _THAN:
            continue
        more, less = _THAN[out[k]]
        end = _clause_end(out, k)
        if COPULAS.isdisjoint(out[:k - 1]) or is_wished(out[:k]):  # a copula states the clauses after it too
            continue
        if out[k - 2] in (more, less):  # "more muffled than", "less bright than", "más brillante que"
            said = ["too"] if out[k - 2] == more else ["not", "enough"]
            out[k - 2:end] = [*said, out[k - 1]]
        elif out[k] == "than" and out[k - 1].endswith("er") and out[k - 1] not in ("rather", "other"):  # "duller"
            out[k - 1:end] = ["too", out[k - 1]]
    return out


def statement_tokens(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with a region said to be fine turned into a kept one ("the low end is fine" -> "keep the low
    end"), a fine word with nothing before it dropped ("sounds good but a bit harsh": the copula stays and states
    harsh), "don't touch" / "sin tocar" / "without losing" read as "keep", and a liking or a dislike as "keep" or
    "less" (:data:`FEELING_PHRASES`); then comparisons, the typo "to", amounts and needs stated (the helpers below,
    in that order)."""
    out = _cuts_through(_IDIOMS(_NOT_THINNING(_COMPLAINING(_FEELING(tokens, unless_next=_FEELING_OBJECTS_NOT)))))
    out = [("but" if t in _JUST and k and out[k - 1] in _PRAISING else t) for k, t in enumerate(out)]
    if CONTRASTING.intersection(out):
        # praise opening a contrast, without a verb: "good low end but harsh", "love it but a bit muddy" (the flaw
        # after "but" was asked for, +2.6 dB of harsh: a fourteenth trial); read as "it is good ..."
        # "like it" / "love it" only right before the contrast: "like it brighter but less harsh" is a wish
        opener = next((n for n in (2, 1) if tuple(out[:n]) in PRAISE_OPENERS
                       and (out[1:2] != ["it"] or out[2:3] and out[2] in CONTRASTING)), 0)
        out[:opener] = ["is", "good"] if opener else []
    for k in range(len(out) - 1, -1, -1):
        if out[k] in FLAW_VERBS and COPULAS.isdisjoint(out[:k]) and (k == 0 or out[k - 1] not in _UNSTATING):
            out.insert(k, "suena")
    return _praised(_needs_verb(_there_is(_amounts_stated(_typo_too(_compared(_KEEPING(out)))))))


def _clause_start(tokens: Sequence[str], k: int) -> int:
    """Index of the first token of the clause ``tokens[k]`` is in: after the last joining word before it."""
    return max((j + 1 for j in range(k) if tokens[j] in JOINERS), default=0)


def _clause_end(tokens: Sequence[str], k: int) -> int:
    """Index of the joining word that ends the clause from ``tokens[k]`` on (``len(tokens)`` if none)."""
    return next((j for j in range(k, len(tokens)) if tokens[j] in JOINERS), len(tokens))


def _typo_too(tokens: list[str]) -> list[str]:
    """"to" between a copula and an adjective read as "too": "the bass is to loud" (read as "to", a boost); also
    opening a clause or after a degree word ("to muddy", "way to bright", "a bit to bright": a twenty-third trial)
    when one word ends the clause after it, not a verb ("to brighten", "to make it warmer")."""
    out = list(tokens)
    for k in range(len(out) - 1):
        if out[k] != "to" or out[k + 1] in _NOT_AFTER_TO or not out[k + 1][0].isalpha():
            continue
        ends = k + 2 == len(out) or out[k + 2] in JOINERS
        if (k and out[k - 1] in COPULAS) or (ends and not out[k + 1].endswith("en") and (
                k == 0 or out[k - 1] in JOINERS or out[k - 1] in _TOO_DEGREES)):
            out[k] = "too"
    return out


def _amounts_stated(tokens: list[str]) -> list[str]:
    """A region's level said as an amount, read as an excess or a lack: "the low mids are too much" ("too loud"), "it's
    a bit much in the highs" ("too much highs"), "not much in the low end" and "the bass is missing" ("not enough")."""
    out = list(tokens)
    for k in range(len(out) - 1, 0, -1):
        if (out[k] in EXCESS_LEVEL and out[k - 1] in _EXCESS_BEFORE and (k + 1 == len(out) or out[k + 1] in JOINERS)
                and not COPULAS.isdisjoint(out[_clause_start(out, k):k]) and names_band(out[_clause_start(out, k):k])):
            out[k:k + 1] = ["too", "loud"] if out[k - 1] in ("bit", "little") else ["loud"]
        elif (out[k] in _AMOUNT_WORDS and k + 1 < len(out) and out[k + 1] in _IN and out[k - 1] in _AMOUNT_BEFORE
              and names_band(out[k + 1:])):
            out[k:k + 2] = ["much"] if out[k - 1] == "too" else ["too", "much"]
        elif (out[k] == "much" and k + 1 < len(out) and out[k + 1] in _IN and out[k - 1] in NOT
              and names_band(out[k + 1:])):  # it cut the bass
            out[k - 1:k + 2] = ["not", "enough"]
        elif out[k] in _MISSING and out[k - 1] in COPULAS and names_band(out[_clause_start(out, k):k - 1]):
            start = _clause_start(out, k)
            out[start:k + 1] = ["not", "enough", *out[start:k - 1]]
    return out


def _there_is(tokens: list[str]) -> list[str]:
    """A quantity said to be there read as an excess: "there's a lot of mud", "hay muchos graves" -> "too much"."""
    out = list(tokens)
    for k in range(len(out) - 1):
        there = out[k] in ("hay", "theres") or (out[k] == "is" and k > 0 and out[k - 1] == "there")
        two = out[k + 1] in ("a", "so")  # "a lot", "so much": two words
        if there and out[k + 1] in _A_LOT and (not two or out[k + 2:k + 3] in (["lot"], ["much"])):
            out[k + 1:k + 3 if two else k + 2] = ["too", "much"]
    return out


def _needs_verb(tokens: list[str]) -> list[str]:
    """A region that needs a verb's gerund gets the verb: "the low mids need cleaning up" -> "clean up the low mids"."""
    out = list(tokens)
    for k in range(1, len(out) - 1):
        if out[k] in ("need", "needs") and out[k + 1] in GERUNDS:
            start, up = _clause_start(out, k), out[k + 2:k + 3] == ["up"]
            out[start:k + 2 + up] = [GERUNDS[out[k + 1]], *(["up"] if up else []), *out[start:k]]
    return out


def _praised(tokens: list[str]) -> list[str]:
    """A region said to be fine turned into a kept one ("the low end is fine" -> "keep the low end"), praise of a named
    subject read as the praise of "it is ..." ("the warmth is good but ..."), a fine word with nothing before it
    dropped ("sounds good but a bit harsh")."""
    out = list(tokens)
    k = 1
    while k < len(out):
        if (out[k] in FINE or out[k] in PRAISE_OF_A_SUBJECT) and out[k - 1] in COPULAS and out[k - 1] not in \
                NEGATED_COPULAS and not is_wished(out[:k]):
            start = _clause_start(out, k - 1)
            said = [t for t in out[start:k - 1] if t not in STOP]
            if out[k] not in FINE and not said:  # "it sounds nice": the crowds' nice
                k += 1
                continue
            if k + 1 < len(out) and out[k + 1] not in JOINERS:
                out[k] = "keep"  # "it has good bass": the bass is kept
            elif names_band(said):  # "the low end is fine": kept, and the copula stays to state what follows
                out[start:k + 1] = ["keep", *out[start:k]]
            elif said:  # "the warmth is good but too much low end": as "it is warm ...", praise beside a flaw
                out[start:k + 1] = [out[k - 1], *out[start:k - 1]]
            else:  # "sounds good but a bit harsh": nothing eqmorph could keep
                del out[k]
                continue
        k += 1
    return out


__all__ = ["COMPLAINT_DEGREE", "COPULAS", "FEELING_PHRASES", "FINE", "FLAW_WORDS", "KEEP_PHRASES", "LEVEL_WORDS",
           "REGION_FLAW_WORDS", "SENTENCE_WORDS", "WISHES", "drop_praised", "hedged", "is_praise", "is_wished",
           "names_band", "nothing_asked", "stated_turn", "statement_tokens", "states_next"]
