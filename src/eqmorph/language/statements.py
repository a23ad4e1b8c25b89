"""Statements rewritten before the grammar reads them: what a sentence says of a sound, put in the words the
grammar reads (language/complaints.py then decides what a statement asks for).

"the low end is fine" keeps the low end; "don't touch the highs", "sin tocar", "without losing the warmth" keep what
follows; "I love" keeps, "I hate" asks for less; "los agudos pican" says the treble is too loud; a comparison stated
("it's brighter than it should be") is an excess; "the bass is to loud" has the typo "to"; "a bit much in the highs",
"there's a lot of mud", "the bass is missing" are amounts; "the low mids need cleaning up" is "clean up the low
mids"; idioms ("cut through", "address the lack of", "without thinning it out") say what they mean. Each rule names
the trial that found it.
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.language.band_words import band_word
from eqmorph.language.comparisons import compared
from eqmorph.language.complaints import (
    COPULAS,
    FINE,
    NEGATED_COPULAS,
    PRAISE_OF_A_SUBJECT,
    WISHES,
    clause_end,
    clause_start,
    is_wished,
    names_band,
)
from eqmorph.language.existential import IN, there_is
from eqmorph.language.grammar_words import CONTRASTING, JOINERS, LESS, MORE, NOT, STOP
from eqmorph.language.lemmas import in_dictionary
from eqmorph.language.qualified import qualified
from eqmorph.language.quantified_negations import quantified_negations
from eqmorph.language.rewriter import PhraseRewriter

# Verbs that state a flaw ("los graves retumban": the bass booms): read as a copula and the flaw ("suenan retumban"),
# they were a request for boom (a fourteenth trial)
FLAW_VERBS = frozenset({"retumba", "retumban", "booms"})
# Verbs of a region's excess ("los agudos pican", "los graves tapan la voz", "the highs hurt"): read as "too loud" said
# of it, in the phrase's language. Ignored, they left the region a request, boosted 6 dB (a nineteenth trial,
# 2026-12-04; the English ones a twenty-seventh and a twenty-eighth).
_NOT_COMPLAINED = frozenset({"that", "how", "when"})  # "it bugs me that it's dull": what bugs is said after
_TOO_LOUD = {"es": ("suenan", "demasiado", "fuertes"), "en": ("sound", "too", "loud")}
_COMPLAINING = PhraseRewriter({(verb,): _TOO_LOUD["es"] for verb in (
    "pican", "pica", "molestan", "molesta", "cansan", "cansa", "lastiman", "lastima", "saturan", "satura", "tapan",
    "tapa", "distorsionan", "distorsiona", "aturden", "aturde",
    "chillan", "chilla",  # "los platillos chillan" boosted the treble 6 dB (a twentieth trial, 2026-12-04)
    "duelen", "duele", "matan", "mata", "revientan", "revienta")}
    | {(verb,): _TOO_LOUD["en"] for verb in ("hurt", "hurts", "sting", "stings")}
    # said of what bothers, not alone ("i hate to bother you", "remove the whistling": a twenty-ninth trial)
    | {(verb, "me"): _TOO_LOUD["en"] for verb in ("bug", "bugs", "bother", "bothers", "annoy", "annoys")}
    | {(are, verb): _TOO_LOUD["en"] for are in ("are", "is") for verb in ("whistling", "spitting", "grating")}
    # wished away in the subjunctive: "que los platos no molesten", "que los graves no tapen la voz" boosted what
    # should bother less (a twenty-seventh trial): less of the region
    | {("no", verb): ("menos",) for verb in ("molesten", "moleste", "lastimen", "lastime", "tapen", "tape", "piquen",
                                             "pique", "saturen", "sature")}
    # shining too much: "los agudos brillan mucho" boosted the top 7 dB (a twenty-fifth trial); "brillan" alone praises
    | {(verb, much): _TOO_LOUD["es"] for verb in ("brillan", "brilla") for much in ("mucho", "demasiado")}
    # a region too marked ("las eses están muy marcadas" boosted them 7.5 dB: a thirtieth trial)
    | {(much, marked): ("too", "loud") for much in ("muy", "demasiado", "re", "super", "súper")
       for marked in ("marcado", "marcada", "marcados", "marcadas")})
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
    ("out", "of", "the", "way"): ("off",),  # "get the bass out of the way": a cut ("way" was read as x1.25)
    ("half", "as", "much"): ("a", "bit", "less"),  # "half as much bass" boosted it (a twenty-seventh trial)
    ("cutting", "edge"): ("edge",),  # "cutting" is a cut verb, but "a cutting edge" is edge
    # a twenty-eighth trial: "twice as much bass" was x2.5 ("much" read as a degree too), "any way to make it less
    # nasal" x1.25 ("way" a degree); "don't you think it's too bright?" asked for brightness (a question that states);
    # "the toms boom too much" asked for boom
    ("twice", "as", "much"): ("2x",), ("twice", "as", "many"): ("2x",), ("any", "way", "to"): (),
    ("don't", "you", "think"): (), ("dont", "you", "think"): (), ("no", "crees", "que"): (),
    ("boom", "too", "much"): ("booms", "too", "much"), ("boom", "a", "lot"): ("booms", "a", "lot"),
    **{("rumbles", *much): ("has", "too", "much", "rumble") for much in (("too", "much"), ("a", "lot"))},
    # "it's not muddy at all" and "it's not harsh anymore" were unknown words
    ("at", "all"): (), ("anymore",): (),
    # "half the mud" asked for half of it (a thirtieth trial); "lejos de ser perfecto" is far from, no place
    ("half", "the"): ("a", "bit", "less", "the"), ("lejos", "de"): (),
    # "tiene un chorro de bajos" boosted them (a thirty-second trial)
    ("no", "hace", "daño"): (), ("no", "hacen", "daño"): (),  # "un poco más de brillo no hace daño": no harm in it
    ("un", "chorro", "de"): ("mucho",),  # not "una banda de": a band ("una banda de rock", a thirty-third trial)
    # overdoing a region: "se te fue la mano con los graves" boosted them (a thirty-second trial)
    ("se", "te", "fue", "la", "mano", "con"): ("too", "much"), ("te", "pasaste", "con"): ("too", "much"),
    ("overdid", "the"): ("too", "much", "the"), ("overdid", "it", "on", "the"): ("too", "much", "the")})
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
                ("sin", "tocar"), ("no", "toques"), ("no", "tocar"),
                # with a pronoun and in voseo: "no le toqués los graves" cut the bass 6 dB (a thirty-second trial)
                *(("no", *pronoun, touch) for pronoun in ((), ("le",), ("les",), ("me",))
                  for touch in ("toqués", "toquen", "toques") if pronoun or touch != "toques"),
                ("without", "losing"), ("without", "sacrificing"),
                ("without", "killing"), ("without", "hurting"), ("don't", "lose"), ("do", "not", "lose"),
                ("sin", "perder"), ("sin", "sacrificar"), ("no", "pierdas"), ("no", "perder"),
                # Caution said of what follows: "more air but watch the esses" added esses (a sixteenth trial)
                ("watch",), ("watch", "out", "for"), ("careful", "with"), ("be", "careful", "with"),
                ("careful", "of"), ("mind",), ("cuidado", "con"), ("ojo", "con"), ("pilas", "con"),
                # A need denied keeps what it names: "it doesn't need more bass" cut the bass 6 dB, "it doesn't need to
                # be brighter" darkened it (a twenty-eighth trial, 2026-12-04); the longer phrases first
                *((*dont, need, *more) for dont in (("doesn't",), ("does", "not"), ("don't",), ("do", "not"))
                  for need in ("need", "needs")
                  # not alone: "it doesn't need that much bass" asks for less of it
                  for more in (("to", "be", "any"), ("to", "be"), ("any", "more"), ("any",), ("more",), ("less",))),
                *(("no", need, *more) for need in ("necesita", "necesitan", "necesitamos")
                  for more in (("más",), ("menos",), ())),
                ("no", "hace", "falta", "más"), ("no", "hace", "falta"), ("nothing", "more"))
# A liking or a dislike said of what follows: kept, or asked away. "I like the mix but it's muddy" read "like" as a
# wish and boosted the mud; "I hate the mud" boosted it (a fourteenth trial). Not before "it" or "how", where the
# verb says how the user wants it ("I like it warmer", "I'd like it brighter" stay wishes).
FEELING_PHRASES = {  # a table's phrases are tried in order: "no me gusta" before "me gusta"
                   # "no me gusta el barro" was refused as a keep with no change (a fourteenth new-user trial)
                   ("no", "me", "gusta"): ("less",), ("no", "me", "gustan"): ("less",),
                   ("i", "love"): ("keep",), ("i", "like"): ("keep",), ("i", "really", "like"): ("keep",),
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
# "the low mids need cleaning up" was the low mids and clean boosted (a sixteenth trial): the verb the need names.
GERUNDS = {"cleaning": "clean", "tightening": "tighten", "taming": "tame", "cutting": "cut", "reducing": "reduce",
           "tidying": "tidy",
           "boosting": "boost", "lifting": "lift", "brightening": "brighten", "warming": "warm"}
PARTICIPLES = {"tamed": "tame", "cut": "cut", "reduced": "reduce", "cleaned": "clean", "lowered": "lower",
               "tightened": "tighten", "tidied": "tidy", "boosted": "boost", "lifted": "lift", "brightened": "brighten",
               "warmed": "warm"}
# "the bass is missing" suggested "hiss" (a sixteenth trial): a region said to be missing lacks.
_MISSING = frozenset({"missing", "lacking", "gone", "absent"})
_LACKING = frozenset({"lacking", "lacks"})  # before what is lacked: a need of it
_NEGATED = NOT | frozenset({"nothing", "nothing's", "isn't", "isnt", "aren't", "arent"})  # "it's not lacking bass"
# After "is to", these keep "to" a preposition or an infinitive's ("the plan is to add air", "is to be"); any other word
# makes it the common typo of "too" ("the bass is to loud", a fifteenth trial).
_NOT_AFTER_TO = MORE | LESS | frozenset({"be", "make", "have", "get", "sound", "keep", "do", "the", "a", "me",
                                          "my", "your", "it", "them", "him", "her"})
_TOO_DEGREES = frozenset({"way", "bit", "little", "far", "just", "slightly", "much"})  # "way to bright"
_UNITS = frozenset({"db", "dbs", "decibel", "decibels", "decibeles", "x", "times", "k", "khz", "hz", "octaves",
                    "octave", "percent"})  # "it's 2 dB too loud": a number
# Not "los", "las": "me encantan los graves, pero ..." read "encantan" as a wish and boosted the bass (a
# twenty-eighth trial)
_FEELING_OBJECTS_NOT = frozenset({"it", "it's", "them", "how", "when", "that", "lo", "la", "como"})
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


# A change under way said with "more" or "less" ("it's getting more muddy", "it's getting less clear", "se está poniendo
# más turbio", "cada vez más turbio"): read as the state it is reaching ("it is getting muddy", "it is not clear";
# "está turbio"), which asks against it; each was a request for it (+5.4 dB of mud: a thirty-sixth trial)
_BECOMING_MORE = PhraseRewriter(
    {(verb, "more"): () for verb in ("getting", "gotten", "becoming", "growing")}
    | {(verb, "less"): ("not",) for verb in ("getting", "gotten", "becoming", "growing")}
    | {(*becoming, *more): ("es",) for becoming in (("se", "está", "poniendo"), ("se", "puso"), ("se", "pone"),
                                                    ("se", "volvió"), ("se", "vuelve"), ("está", "cada", "vez"),
                                                    ("cada", "vez"))
       for more in (("más",), ())})


def statement_tokens(tokens: Sequence[str], liked: bool = False) -> list[str]:
    """``tokens`` with a region said to be fine turned into a kept one ("the low end is fine" -> "keep the low
    end"), a fine word with nothing before it dropped ("sounds good but a bit harsh": the copula stays and states
    harsh), "don't touch" / "sin tocar" / "without losing" read as "keep", and a liking or a dislike as "keep" or
    "less" (:data:`FEELING_PHRASES`); then comparisons, the typo "to", amounts and needs stated (the helpers below,
    in that order). ``liked``: the phrase says it likes or keeps what it names ("there's a dip in the mids, which I
    like"): a quantity or a shape said to be there is then kept, not cut or filled."""
    # "nothing muddy" is "no muddy"; then doubts, causes, excess nouns...
    out = _FEELING(qualified(quantified_negations(tokens), liked), unless_next=_FEELING_OBJECTS_NOT)
    out = _cuts_through(_IDIOMS(_NOT_THINNING(_COMPLAINING(_BECOMING_MORE(out), unless_next=_NOT_COMPLAINED))))
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
    out = _typo_less(_bass_named(_ears(out)))
    # "the mids are scooped out" cut the mids: "out" turned the participle (a thirtieth trial)
    out = [t for k, t in enumerate(out) if not (t == "out" and k and out[k - 1] == "scooped")]
    return _praised(_needs_verb(there_is(_amounts_stated(_typo_too(compared(_KEEPING(out)))), liked)))


# "bajo" lacked or in excess is the bass ("le falta bajo", "le sobra un poco de bajo"; read as the Spanish crowd's
# bajo, deep, they lifted 2 kHz: a thirtieth trial), as "el bajo" is (the stop list's bass guitar)
_LACKED = frozenset({"falta", "faltan", "sobra", "sobran"})
_AMOUNT_OF = frozenset({"poco", "poquito", "mucho", "algo", "nada", "falta", "sobra", "harto", "harta"})
# right before "bajo", only a plenty makes it the bass ("tiene mucho bajo"); "algo bajo", "poco bajo" say low, a bit
_PLENTY = frozenset({"mucho", "harto", "demasiado"})


# Pain said of the ears by a region ("the s's are cutting my ears" boosted them 6 dB: a thirtieth trial); "it's
# hurting my ears" names no region and stays as it was (ignored beside "less harsh").
_EARS_HURT = frozenset({"cutting", "hurting", "killing", "piercing", "stabbing", "destroying", "ripping"})


def _ears(tokens: list[str]) -> list[str]:
    """``tokens`` with "<region> is/are <pain verb> my ears" read as "<region> sound too loud", and Spanish "<region>
    silba(n)", "hace(n) daño" as "<region> suenan demasiado fuertes" ("mis eses silban mucho" boosted them 7.5 dB: a
    thirty-second trial; said of no region, "silba un poco", "hace daño a los oídos" stay unread: a thirty-third)."""
    out = list(tokens)
    for k in range(len(out) - 1, -1, -1):
        hurts = out[k] in ("silba", "silban") or (out[k] in ("hace", "hacen") and out[k + 1:k + 2] == ["daño"])
        if out[k] in _EARS_HURT and out[k + 1:k + 3] == ["my", "ears"] and k and out[k - 1] in ("is", "are") and \
                names_band(out[clause_start(out, k):k - 1]):
            out[k - 1:k + 3] = list(_TOO_LOUD["en"])
        elif hurts and not (k and out[k - 1] in NOT):  # not "no hace daño un poco más de brillo"
            said = k + 1 + (out[k] in ("hace", "hacen"))
            after = out[said:clause_end(out, k)]
            if names_band(out[clause_start(out, k):k]):
                out[k:said] = list(_TOO_LOUD["es"])
            elif names_band(after):  # "silban los agudos", "me hace daño el bajo": the region said first
                out[k:said + len(after)] = [*after, *_TOO_LOUD["es"]]
    return out


def _bass_named(tokens: list[str]) -> list[str]:
    """``tokens`` with "bajo" after a lack or an excess ("falta bajo", "un poco de bajo") read as "graves"."""
    return ["graves" if t == "bajo" and k and (tokens[k - 1] in _LACKED or tokens[k - 1] in _PLENTY or (
        tokens[k - 1] == "de" and k > 1 and tokens[k - 2] in _AMOUNT_OF)) else t for k, t in enumerate(tokens)]


def _typo_less(tokens: list[str]) -> list[str]:
    """"les" before a region or an English word at a request's start read as "less": "les bass" boosted the bass 6 dB
    (a thirtieth trial), "les warm" was plain warm (an eleventh new-user trial); Spanish "les" comes before a verb
    ("les falta bajo")."""
    return ["less" if t == "les" and (k == 0 or tokens[k - 1] in JOINERS) and (any(
        band_word(" ".join(tokens[k + 1:k + n])) for n in (2, 3)) or (k + 1 < len(tokens) and in_dictionary(
            tokens[k + 1]))) else t for k, t in enumerate(tokens)]


def _typo_too(tokens: list[str]) -> list[str]:
    """"to" between a copula and an adjective read as "too": "the bass is to loud" (read as "to", a boost); also
    opening a clause or after a degree word ("to muddy", "way to bright", "a bit to bright": a twenty-third trial)
    when one word ends the clause after it, not a verb ("to brighten", "to make it warmer")."""
    out = list(tokens)
    for k in range(len(out) - 1):
        said_after = out[k - 1] in COPULAS or out[k - 1] in _TOO_DEGREES or names_band(out[k - 1:k])
        if out[k] == "2" and k and (said_after or out[k + 1] in ("much", "many")) and out[k + 1].isalpha() \
                and out[k + 1] not in _UNITS:  # texting's "too": "its way 2 bright", "bass is 2 much", "lowmids 2 loud"
            out[k] = "too"
            continue
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
        said = out[clause_start(out, k):k]  # a note's "low mids too much" states it without a copula (a 31st trial)
        noted = len(said) <= 3 and MORE.isdisjoint(said) and LESS.isdisjoint(said)
        if (out[k] in EXCESS_LEVEL and out[k - 1] in _EXCESS_BEFORE and (k + 1 == len(out) or out[k + 1] in JOINERS)
                and (not COPULAS.isdisjoint(said) or noted) and names_band(said)):
            out[k:k + 1] = ["too", "loud"] if out[k - 1] in ("bit", "little") else ["loud"]
        elif (out[k] in _AMOUNT_WORDS and k + 1 < len(out) and out[k + 1] in IN and out[k - 1] in _AMOUNT_BEFORE
              and names_band(out[k + 1:])):
            out[k:k + 2] = ["much"] if out[k - 1] == "too" else ["too", "much"]
        elif (out[k] == "much" and k + 1 < len(out) and out[k + 1] in IN and out[k - 1] in NOT
              and names_band(out[k + 1:])):  # it cut the bass
            out[k - 1:k + 2] = ["not", "enough"]
        elif out[k] in _LACKING and k + 1 < len(out) and out[k + 1] not in JOINERS and out[k - 1] not in _NEGATED:
            out[k] = "needs"  # "it's lacking a bit of sparkle" stated the sparkle, a cut (a thirtieth trial)
        elif out[k] in _MISSING and out[k + 1:k + 2] in (["in"], ["from"]) and names_band(out[k + 2:k + 4]) and \
                _NEGATED.isdisjoint(out[clause_start(out, k):k]):  # not "nothing is missing in the low end"
            # "something is missing in the low end" suggested "hiss" (a thirtieth trial)
            start = clause_start(out, k)
            out[start:k + 2] = ["not", "enough"]
        elif out[k] in _MISSING and out[k - 1] in COPULAS and names_band(out[clause_start(out, k):k - 1]):
            start = clause_start(out, k)
            out[start:k + 1] = ["not", "enough", *out[start:k - 1]]
    return out


def _needs_verb(tokens: list[str]) -> list[str]:
    """A region that needs a verb's gerund or passive gets the verb: "the low mids need cleaning up" -> "clean up the
    low mids", "the low end needs to be tamed" -> "tame the low end" (it boosted the bass 6 dB: a thirtieth trial)."""
    out = list(tokens)
    k = 0
    while (k := k + 1) < len(out) - 1:  # a rewrite shortens the list
        if out[k] not in ("need", "needs"):
            continue
        if out[k + 1:k + 3] == ["to", "be"] and out[k + 3:k + 4] and out[k + 3] in PARTICIPLES:
            verb, said = PARTICIPLES[out[k + 3]], 4
        elif out[k + 1] in GERUNDS:
            verb, said = GERUNDS[out[k + 1]], 2
        else:
            continue
        start, up = clause_start(out, k), out[k + said:k + said + 1] == ["up"]
        out[start:k + said + up] = [verb, *(["up"] if up else []), *out[start:k]]
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
            start = clause_start(out, k - 1)
            said = [t for t in out[start:k - 1] if t not in STOP]
            if out[k] not in FINE and not said:  # "it sounds nice": the crowds' nice
                k += 1
                continue
            if k + 1 < len(out) and out[k + 1] not in JOINERS:
                out[k] = "keep"  # "it has good bass": the bass is kept
            # "the low end is fine", "el bajo está bien" (with its article): kept, and the copula stays to state what
            # follows
            elif names_band(out[start:k - 1]):
                out[start:k + 1] = ["keep", *out[start:k]]
            elif said:  # "the warmth is good but too much low end": as "it is warm ...", praise beside a flaw
                out[start:k + 1] = [out[k - 1], *out[start:k - 1]]
            else:  # "sounds good but a bit harsh": nothing eqmorph could keep
                del out[k]
                continue
        k += 1
    return out


__all__ = ["FEELING_PHRASES", "FLAW_VERBS", "KEEP_PHRASES", "statement_tokens"]
