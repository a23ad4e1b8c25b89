"""The grammar's words: degree words and their numbers, directions, negations, joiners, "keep", stop words.

:mod:`eqmorph.language.parse` reads phrases with them; docs/language.md tabulates what each does, with its test.
Kept as data apart from the parser so the word lists can be read (and reviewed) at a glance.
"""

from __future__ import annotations

from collections.abc import Sequence

from eqmorph.language.spelling import fold
from eqmorph.language.terms import normalise_term

# Degree words -> multipliers of the word's gains. Rounded from Cliff (1959), "Adverbs as multipliers",
# Psychological Review 66(1): slightly .54, somewhat .66, rather .84, pretty .88, very 1.25, extremely 1.45.
# Words he did not scale take the nearest one he did (a bit ~ slightly, really ~ very, super ~ extremely).
DEGREES: dict[tuple[str, ...], float] = {
    ("a", "little", "bit"): 0.5, ("a", "bit"): 0.5, ("a", "little"): 0.5, ("a", "touch"): 0.5, ("a", "tad"): 0.5,
    ("a", "hint"): 0.5, ("a", "hair"): 0.5, ("a", "tiny", "bit"): 0.5, ("tiny", "bit"): 0.5, ("a", "wee", "bit"): 0.5,
    ("a", "smidge"): 0.5, ("a", "smidgen"): 0.5, ("smidge",): 0.5, ("un", "pelo"): 0.5, ("a", "notch"): 0.5,
    ("a", "way"): 1.0,  # "is there a way to make it brighter?": no degree ("way brighter" is 1.25)
    ("abit",): 0.5, ("a", "lil"): 0.5, ("a", "lil'"): 0.5,  # typed so by beginners (a sixteenth trial: full strength)
    ("lil", "bit"): 0.5, ("a", "lil", "bit"): 0.5, ("un", "pokito"): 0.5, ("pokito",): 0.5,  # a twenty-third trial
    ("alot",): 1.25, ("hella",): 1.25,
    # a twenty-fifth trial: "bit warmer", "lil warmer", "the tiniest bit brighter" were the whole word, "a good bit
    # brighter" read "good" as a sound word, and "a whole lot more bass" was the plain word
    ("bit",): 0.5, ("lil",): 0.5, ("tiniest", "bit"): 0.5, ("the", "tiniest", "bit"): 0.5, ("a", "good", "bit"): 1.25,
    ("a", "whole", "lot"): 1.45, ("whole", "lot"): 1.45, ("a", "fair", "bit"): 1.25, ("fair", "bit"): 1.25,
    ("touch",): 0.5,  # "touch more bass", as "a touch"
    # adverbs of a move said after it: "de-ess the dialogue lightly" read the crowds' light (a thirty-second trial)
    ("lightly",): 0.5, ("gently",): 0.5, ("heavily",): 1.25,
    ("a", "third"): 1 / 3, ("a", "quarter"): 0.25,  # "a third less bass" was the whole cut (a twenty-seventh trial)
    ("tad",): 0.5, ("slightly",): 0.5, ("barely",): 0.5, ("hardly",): 0.5, ("scarcely",): 0.5,
    ("un", "poco"): 0.5, ("un", "poquito"): 0.5, ("poquito",): 0.5, ("un", "pelín"): 0.5, ("un", "pelin"): 0.5,
    ("ligeramente",): 0.5,
    # Spanish and Latin American small amounts (an eighteenth trial, 2026-12-04: each was ignored, full strength)
    ("un", "toque"): 0.5, ("un", "toquecito"): 0.5, ("tantito",): 0.5, ("una", "pizca"): 0.5, ("un", "chin"): 0.5,
    ("un", "chiqui"): 0.5, ("un", "poquitito"): 0.5, ("poquitito",): 0.5, ("la", "mitad"): 0.5,
    ("un", "cachito"): 0.5, ("un", "pelito"): 0.5, ("un", "tris"): 0.5, ("un", "poquitín"): 0.5,  # a nineteenth trial
    ("un", "montón"): 1.25, ("un", "chingo"): 1.25, ("un", "buen"): 1.25, ("un", "chorro"): 1.25, ("harto",): 1.25,
    ("re",): 1.25, ("recontra",): 1.45, ("re", "contra"): 1.45, ("mazo",): 1.25, ("un", "huevo"): 1.25,  # a 14th trial
    ("bastantes",): 0.85, ("más", "o", "menos"): 0.65,  # Argentina's, Spain's; "más o menos": so-so, kind of
    ("harta",): 1.25,
    ("a", "whisper"): 0.5, ("nudge",): 0.5,  # "nudge the bass down": a small move
    ("somewhat",): 0.65, ("kind", "of"): 0.65, ("kinda",): 0.65, ("sort", "of"): 0.65, ("sorta",): 0.65,
    ("algo",): 0.65,
    ("rather",): 0.85, ("pretty",): 0.85, ("fairly",): 0.85, ("quite",): 0.85, ("bastante",): 0.85,
    ("marginally",): 0.5, ("mildly",): 0.5, ("subtly",): 0.5, ("moderately",): 0.65,
    # "quite a bit" and "a good deal" are a lot, not "quite" times "a bit" (0.42, weaker than the word alone, and
    # "good" read as a sound word: a new-user trial, 2026-12-03); the adverbs of a clear change take "very"'s.
    ("quite", "a", "bit"): 1.25, ("quite", "a", "lot"): 1.25, ("a", "good", "deal"): 1.25,
    ("a", "great", "deal"): 1.25,
    # "a good amount less bass" read the crowds' good (a thirteenth trial's regression); amounts said with a size
    ("a", "good", "amount"): 1.25, ("a", "fair", "amount"): 1.25, ("a", "large", "amount"): 1.25,
    ("a", "big", "amount"): 1.25, ("a", "huge", "amount"): 1.45, ("a", "small", "amount"): 0.5,
    ("a", "tiny", "amount"): 0.5, ("a", "little", "amount"): 0.5,
    ("significantly",): 1.25, ("considerably",): 1.25, ("noticeably",): 1.25,
    ("substantially",): 1.25, ("markedly",): 1.25, ("far",): 1.25,
    ("very",): 1.25, ("really",): 1.25, ("much",): 1.25, ("a", "lot"): 1.25, ("lots",): 1.25, ("way",): 1.25,
    # as "lots" (a twentieth trial: "tons of bass", "a ton of air" were ignored, at the word's own strength)
    ("tons",): 1.25, ("a", "ton"): 1.25, ("loads",): 1.25, ("a", "load"): 1.25, ("heaps",): 1.25,
    ("plenty",): 1.25,
    ("muy",): 1.25, ("mucho",): 1.25, ("mucha",): 1.25, ("muchos",): 1.25, ("muchas",): 1.25, ("realmente",): 1.25,
    ("extremely",): 1.45, ("super",): 1.45, ("súper",): 1.45, ("incredibly",): 1.45, ("hugely",): 1.45,
    ("extremadamente",): 1.45, ("muchísimo",): 1.45, ("muchísima",): 1.45, ("muchísimos",): 1.45,
    ("muchísimas",): 1.45,
    # Literal multiples, as a producer writes them: "half warm", "twice as bright", "double the air".
    ("half",): 0.5, ("twice",): 2.0, ("double",): 2.0, ("doble",): 2.0,
}
SUPERLATIVE_DEGREE = 1.45  # "brightest", "suavísimo": as "extremely"
# Degree words whose degree differs before a comparative: Spanish "bastante más brillante" is considerably brighter
# (as "mucho más"), while "bastante brillante" is fairly bright (read as 0.85 in both, it was weaker than "más").
COMPARATIVE_DEGREES: dict[tuple[str, ...], float] = {("bastante",): DEGREES[("very",)]}
COMPARATIVE_WORDS = frozenset({"más", "mas", "menos"})
# Negated excess: "not too bright" asks for bright, but moderately, not for its opposite (the flat EQ is where a
# phrase starts, so there is no brightness to cut). It takes the degree of "a bit"; "not bright" still inverts.
HEDGES: dict[tuple[str, ...], float] = {
    hedge: DEGREES[("a", "bit")] for hedge in [
        ("not", "too"), ("not", "too", "much"), ("not", "overly"), ("not", "excessively"), ("no", "demasiado")]
}
# Negated intensity (litotes): "not very bright", "no tan brillante" and Spanish "poco brillante" describe a sound
# on the dull side: a bit less bright, the degree of "a bit" with the sign turned ("un poco" is still "a bit").
LITOTES: dict[tuple[str, ...], float] = {
    litotes: DEGREES[("a", "bit")] for litotes in [
        ("not", "very"), ("not", "really"), ("not", "so"), ("not", "that"), ("no", "muy"), ("no", "tan"),
        ("poco",)]
}
# Excess: "too bright", "it's too boomy" name a problem, so they ask for less of the word, moderately (the degree
# of "a bit": the phrase starts from the flat EQ and says how far to go, and "too" says nothing of how far).
EXCESS: dict[tuple[str, ...], float] = {
    excess: DEGREES[("a", "bit")] for excess in [
        ("too",), ("too", "much"), ("overly",), ("excessively",), ("demasiado",), ("demasiada",), ("excesivamente",),
        ("to", "much"), ("to", "many")]  # the common typo: read as "to", "to much bass" was a 7.5 dB bass boost
}
# "too many" is excess too, and Spanish says it with the plural or with "sobrar": "demasiados graves", "sobran
# graves", "me sobra barro" (ignored, each boosted what it called too much: a new-user trial, 2026-12-03).
EXCESS.update({excess: DEGREES[("a", "bit")] for excess in [
    ("too", "many"), ("demasiados",), ("demasiadas",), ("sobra",), ("sobran",), ("sobrado",), ("sobrada",)]})
# Excess said as a load ("loaded with bass", "cargado de graves", "saturado de graves": each boosted it 6-7.5 dB, a
# twenty-third trial, 2026-12-04), and "demaciado", demasiado as often misspelt.
EXCESS.update({excess: DEGREES[("a", "bit")] for excess in [
    ("loaded", "with"), *((f"{stem}{end}", "de") for stem in ("cargad", "saturad") for end in ("o", "a", "os", "as")),
    *((f"demaciad{end}",) for end in ("o", "a", "os", "as")),
    # "demasiao" (Caribbean and Andalusian speech) boosted what it called too much, 6 dB (a twenty-eighth trial);
    # "excess" is read by language/statements.py, which sees whether a cut was said already
    ("demasiao",), ("demasiá",), ("demasiaos",), ("demasiás",)]})
# Words of quantity: said of a flaw with no direction or copula, a statement of it ("lots of mud", "mucho barro":
# muddy x 1.25, the mud asked for; language/complaints.stated_turn), while "lots of warmth" still asks for warmth.
QUANTITY_WORDS = frozenset({"lots", "lot", "tons", "ton", "loads", "load", "heaps", "plenty", "mucho", "mucha",
                            "muchos", "muchas", "montón", "monton", "harto", "harta"})
# "so" right before a flaw is an exclamation of it, as a quantity is ("so muddy", "sooo boomy", "so much mud": the
# mud was asked for, a twenty-third trial).
EXCLAIMING = frozenset({"so", "tan", "qué", "que"})  # Spanish "tan embarrado", "qué embarrado está" (a 24th trial)
# Enough words: "not enough bass", "not bright enough", "no es suficientemente brillante" (language/trailing.py
# moves one said after its word next to the negation before it).
ENOUGH = frozenset({"enough", "suficiente", "suficientes", "suficientemente"})
# Lack, the mirror of excess: "not enough bass", "too little treble", "le falta brillo" ask for more of the word,
# moderately (the degree of "a bit", as "too" asks for less). Read as "not" and an ignored "enough", they cut it.
# Small amounts, lacks of what they name: "almost no bass", "not much low end" cut the bass 6-7.5 dB (a twenty-fifth
# trial; "hardly any" was x0.5 only as a degree, its "any" ignored). Of a flaw they ask for nothing: "not much mud"
# added mud (a twenty-sixth trial; language/parse.py).
SMALL_AMOUNTS = (("not", "much"), ("not", "a", "lot", "of"), ("almost", "no"), ("hardly", "any"), ("barely", "any"),
                 ("very", "little"), ("little", "to", "no"), ("casi", "sin"), ("casi", "nada", "de"))
LACK: dict[tuple[str, ...], float] = {
    lack: DEGREES[("a", "bit")] for lack in [
        *((negation, enough) for negation in ("not", "no", "isn't", "aren't", "don't", "doesn't", "didn't", "wasn't",
                                                 "never", "without", "sin")
          for enough in ENOUGH),
        ("too", "little"), ("too", "few"), ("falta",), ("faltan",), ("hace", "falta"), ("hacen", "falta"),
        ("demasiado", "poco"), ("demasiada", "poca"), ("demasiado", "poca"),
        ("pocos",), ("pocas",),  # "tiene pocos graves": a lack, as "poco" before an adjective is a litotes
        *SMALL_AMOUNTS]
}
APPROXIMATE_DEGREE = DEGREES[("a", "bit")]  # "warmish", "warm-ish": a bit warm
DEGREE_PHRASES = {**DEGREES, **HEDGES, **LITOTES, **EXCESS, **LACK}
# Connectors that ask against the descriptor after them: "bright rather than dark", "warm instead of boomy",
# "cálido en vez de brillante" (as "nor" does: a conjunction whose next piece is negated).
AGAINST: frozenset[tuple[str, ...]] = frozenset({
    ("rather", "than"), ("instead", "of"), ("in", "place", "of"), ("en", "vez", "de"), ("en", "lugar", "de")})
# "the opposite of warm", "anti-muddy", "lo contrario de cálido": the word inverted, as "not" inverts it ("the" and
# "lo" are stop words). Until 2026-12-04 they were ignored and gave the word itself (a new-user trial).
OPPOSITE: frozenset[tuple[str, ...]] = frozenset({
    ("opposite", "of"), ("inverse", "of"), ("anti",), ("contrario", "de"), ("contrario", "a"), ("opuesto", "a"),
    ("opuesto", "de")})
# "or" joins two pieces; after a negated piece it carries the negation: "not warm or bright" is neither.
OR = frozenset({"or", "o", "u"})
# The subjunctive a Spanish "don't" takes ("no le subas los agudos": "subas" was ignored and the "no" cut the treble
# 6 dB, while "no le bajes los graves" keeps them, as "don't boost the treble" does; a twenty-third trial).
SPANISH_NEGATED_BOOSTS = frozenset({"subas", "suban", "subamos", "aumentes", "aumenten", "añadas", "añadan",
                                    "agregues", "agreguen", "realces", "realcen", "resaltes", "resalten"})
# Verbs a mixing engineer writes before a region: an unknown verb was ignored, so "kill the bass" or "get rid of the
# mud" boosted what it asked to remove (a user trial, 2026-12-03). "rid" carries the direction of "get rid of".
MORE = frozenset({"more", "add", "boost", "increase", "raise", "extra", "más", "añadir", "añade",
                  "boosting", "adding", "raising", "lifting", "subiendo", "añadiendo",  # "try boosting the air"
                  "agregar", "agrega", "aumentar", "aumenta", "subir", "sube", "push", "enhance", "emphasize",
                  "emphasise", "accentuate", "bring", "realza", "realzar", "resalta", "resaltar",
                  # and, ignored until a new-user trial (2026-12-03), the pronoun-joined Spanish imperatives
                  "lift", "pump", "crank", "súbele", "súbeles", "ponle", "añádele", "agrégale", "auméntale",
                  # "¿le subes el brillo?" read "subes" as the sub bass, +5 dB at 40 Hz (a twenty-eighth trial)
                  "subes", "subimos", "subís", "subile", "subí", "súbale", "súbanle",
                  # with the object as a pronoun ("los agudos súbelos" was cut by the list's "bájalos": a 33rd trial)
                  "súbelo", "súbelos", "súbela", "súbelas", "subilo", "subilos", "subila", "subilas",
                  *SPANISH_NEGATED_BOOSTS})
LESS = frozenset({"less", "reduce", "cut", "lower", "decrease", "remove", "tame", "fewer", "minus", "menos",
                  "reducir", "quitar", "quita", "bajar", "baja", "cortar", "corta", "kill", "lose", "attenuate",
                  "dip", "scoop", "scooped", "soften", "pull", "rid", "eliminate", "elimina", "eliminar", "atenúa",
                  "atenuar", "suaviza", "suavizar",
                  # Ignored until a new-user trial (2026-12-03), they boosted what they asked to lower ("drop the
                  # highs", "bájale los agudos", "recorta los agudos", "quítale graves" were +6 dB shelves).
                  "dim", "trim", "shave", "lessen", "diminish", "bájale", "bájales", "recorta", "recortar",
                  "recórtale", "quítale", "quítales", "disminuye", "disminuir", "rebaja", "rebajar", "atenúale",
                  # and, a fourteenth trial (2026-12-03): read as no direction, "fix the mud", "control the low end",
                  # "arregla el barro" were +5-6 dB of what they asked to fix
                  "fix", "suppress", "minimize", "minimise", "control", "nuke", "notch", "carve", "handle", "deal",
                  "rein", "arregla", "arreglar", "arréglale", "limpia", "limpiar", "límpiale", "controla", "controlar",
                  "corrige", "corregir", "corrígele",
                  # a fifteenth trial: "tamer highs" was ignored, and the highs boosted 6 dB
                  "tamer", "tamed",
                  # a sixteenth: "avoid mud" added 5 dB of mud ("sácale": SPANISH_TAKING_OUT_FORMS below)
                  "avoid", "evita", "evitar", "evitá",
                  # an eighteenth trial (2026-12-04): "ease the harshness", "relax the highs", "tuck the 3k a hair"
                  # boosted what they eased
                  "ease", "relax", "tuck",
                  # a twentieth: "flatten the low end" (a bump made level) boosted the bass 6 dB, as "aplana" did not
                  "flatten",
                  # a twenty-fifth: "tidy up the mud", "address the low mids", "manage the low end" boosted them
                  "tidy", "address", "manage", "tackle",
                  # a twenty-seventh: "try cutting some mud", "try reducing the harshness" boosted them 5 dB
                  "cutting", "reducing", "taming", "lowering", "removing", "trimming", "softening", "cortando",
                  "bajando", "quitando", "reduciendo",
                  # a twenty-eighth: "mute the highs", "subdue the highs", "de-emphasize the bass" boosted them 6 dB
                  "mute", "subdue", "de-emphasize", "deemphasize", "de-emphasise", "deemphasise",
                  # a fourteenth new-user trial (2026-12-05): "filtra los graves", "filter the lows", "fuera el barro",
                  # "chau barro", "vajale el barro" (b for v) boosted what they asked to take out, 4-6 dB
                  "filtra", "filtrá", "filtrar", "filtrale", "fuera", "afuera", "chau", "chao",
                  "vajale", "vájale", "vaja", "vajá", "vajar"})
# Verbs that are nouns too, read as their direction only where a request starts (the clause's first word, or after a
# joining word or "please"): "drop the highs" cuts, while "the drop needs more air" and "make the drop brighter"
# speak of a song's drop (read as a cut word everywhere, they cut the air and the brightness: a review, 2026-12-03).
IMPERATIVES: dict[str, str] = {"drop": "cut", "duck": "cut",  # "duck the presence under the dialogue"
                               "knock": "cut",  # "knock the highs down": knock is the crowd's punch elsewhere
                               "filter": "cut"}  # "filter the lows"; "high pass filter at 80" names the filter
# Phrasal verbs whose particle would read as a direction of its own: "ease up on the treble" was a 6 dB boost ("ease"
# unknown, "up" more: a fifteenth trial, 2026-12-03). Each is read as the one direction word it means.
EASING: dict[tuple[str, ...], tuple[str, ...]] = {  # the longer phrases first: "ease up on" before "ease up"
    ("ease", "up", "on"): ("less",), ("ease", "off", "on"): ("less",), ("ease", "up"): ("less",),
    ("ease", "off"): ("less",), ("go", "easy", "on"): ("less",), ("back", "off", "on"): ("less",),
    ("let", "up", "on"): ("less",), ("calm", "down"): ("less",),
    # "open" is airy's synonym (lexicon.tsv: "a more open sound"), but "open up the top end" and "open the mids" give a
    # region room, as "more the top end" (read as airy there, "open up the low end" cut the bass 3.5 dB: a trial).
    ("open", "up", "the"): ("more", "the"), ("open", "the"): ("more", "the"),
    # "fill out the low mids" was a cut: "fill" unknown, "out" the particle of "take the mud out" (a twentieth trial)
    ("fill", "out"): ("more",), ("fill", "in"): ("more",), ("fill", "up"): ("more",),
    # "make the vocal pop out with more presence" cut the presence 6 dB ("out" the particle of "take ... out": a
    # thirty-fifth trial): standing out is no direction
    **{(verb, "out"): () for verb in ("pop", "pops", "stand", "stands", "stick", "sticks", "jump", "jumps")}}
REQUEST_OPENERS = frozenset({"please", "just", "then", "now", "also"})
# "scooped mids" cuts the mids as "scoop the mids" does. With no descriptor after it, a direction word that is a word
# of its own is read as that word (language/parse.py): "scoop" and "scooped" the scoop band word, "soften" soft.
# Particles of phrasal verbs, with the direction each gives alone ("roll off", "take out", "turn down"). After a
# direction verb, "up" and "down" set the direction ("pull up the bass" is more, "bring down the bass" less), while
# "out", "back" and "off" take the verb's ("bring out the presence", "add back the bass" are more, "pull back" less):
# read as plain less words, they turned "bring out the presence" into a presence cut (a review, 2026-12-03).
PARTICLES: dict[str, float] = {"off": -1.0, "out": -1.0, "back": -1.0, "down": -1.0, "away": -1.0, "up": 1.0}
OVERRIDING_PARTICLES = frozenset({"up", "down"})


# Verbs whose "up" completes them rather than raising: "tidy up the mud" boosted it (a twenty-fifth trial).
UP_COMPLETES = frozenset({"tidy", "fix", "clear", "sort", "clean", "soften"})  # "soften up the cymbals" too
# Words whose verb "down" completes: "calm it down", "dull it down" are calm and dull (language/trailing.py).
DOWN_COMPLETES = frozenset({"calm", "dull", "mellow", "quiet", "settle", "smooth", "soften", "darken", "dumb"})


def small_amount(pending: Sequence[str]) -> bool:
    """Whether ``pending`` (a piece's grammar words) holds a small amount ("not much", "almost no": SMALL_AMOUNTS)."""
    return any(tuple(pending[k:k + len(p)]) == p for p in SMALL_AMOUNTS for k in range(len(pending) - len(p) + 1))


def direction_after(tok: str, way: float, before: str | None = None) -> float:
    """The direction after direction word ``tok`` (a MORE or LESS word, or a particle), given the one so far and
    the token ``before`` it.

    A less word sets less ("more less warm" asks for less); a more word sets more unless a direction was given;
    a particle gives its own direction alone ("roll off"), and after a verb "up"/"down" set it ("pull up") while
    "out"/"back"/"off" keep the verb's ("bring out", "add back"; :data:`PARTICLES`), as "up" does after a verb it
    completes ("tidy up": :data:`UP_COMPLETES`).
    """
    if tok in LESS:
        return -1.0
    if tok in MORE:
        return way or 1.0
    if way and tok == "up" and before in UP_COMPLETES:
        return way
    if not way or tok in OVERRIDING_PARTICLES:
        return PARTICLES[tok]
    return way

# The Spanish words of MORE and LESS: a hint answers in the language it was asked in ("más 3k": 'más medios agudos').
SPANISH_DIRECTIONS = frozenset({"más", "añadir", "añade", "agregar", "agrega", "aumentar", "aumenta", "subir", "sube",
                                "subes", "subimos", "subís", "subile", "subí", "súbale", "súbanle",
                                "realza", "realzar", "resalta", "resaltar", "menos", "reducir", "quitar", "quita",
                                "bajar", "baja", "cortar", "corta", "elimina", "eliminar", "atenúa", "atenuar",
                                "suaviza", "suavizar", "súbele", "súbeles", "ponle", "añádele", "agrégale", "auméntale",
                                "bájale", "bájales", "recorta", "recortar", "recórtale", "quítale", "quítales",
                                "disminuye", "disminuir", "rebaja", "rebajar", "atenúale", *SPANISH_NEGATED_BOOSTS})
NOT = frozenset({"not", "no", "without", "sin", "never", "non", "don't", "ni", "nada", "neither", "zero", "cero",
                 # ignored until a fourteenth trial (2026-12-03): "it shouldn't be so harsh" was a +5 dB harsh boost
                 "doesn't", "didn't", "shouldn't", "can't", "cannot", "won't", "wouldn't", "couldn't", "mustn't",
                 "wasn't", "weren't", "doesnt", "didnt", "shouldnt", "wouldnt", "couldnt", "wasnt"})
# "brighter but keep the low end": the next descriptor's region stays as it is (language/compose.py).
KEEP = frozenset({"keep", "keeping", "preserve", "preserving", "maintain", "maintaining", "retain", "retaining",
                  "protect", "leave", "leaving", "mantener", "manteniendo", "mantén", "manten", "mantenga",
                  "conservar", "conservando", "conserva", "conserve", "respetar", "respeta",
                  "mantené", "conservá", "respetá"})  # voseo (a nineteenth trial: "mantené los graves" boosted them)
NOR = frozenset({"nor"})  # "neither warm nor bright": a conjunction that negates the piece after it
# Direction written after the descriptor, as on a console: "treble cut", "bass boost", "low end lift".
POSTFIX_DIRECTION: dict[str, float] = {"cut": -1.0, "cuts": -1.0, "reduction": -1.0, "dip": -1.0, "scoop": -1.0,
                                       "boost": 1.0, "boosts": 1.0, "lift": 1.0, "bump": 1.0,
                                       "down": -1.0, "up": 1.0,  # "turn the bass down": they set the way
                                       "trim": -1.0,
                                       # past participles, as said of a sound ("mid-scooped", "bass boosted"): each
                                       # was read as its own word or ignored (a twentieth trial, 2026-12-04)
                                       "scooped": -1.0, "dipped": -1.0, "trimmed": -1.0, "boosted": 1.0,
                                       "lifted": 1.0, "bumped": 1.0}
# Direction words that close a request after its descriptor only at the clause's end: "make the highs lower", "the
# bass a bit less" were ignored and the region boosted 6 dB (a fifteenth trial, 2026-12-03). Before another word
# they start its piece: "more bass less treble".
CLOSING_DIRECTION: dict[str, float] = {"lower": -1.0, "less": -1.0, "tamer": -1.0, "more": 1.0}
STOP = frozenset({"the", "a", "an", "of", "some", "sound", "sounding", "sounds", "tone", "it", "make", "makes",
                  "with", "please", "just", "to", "bit", "little", "el", "la", "los", "las", "lo", "un", "una",
                  "unos", "unas", "de", "del", "con", "sonido", "tono", "que", "hazlo", "hacer", "it's", "it’s", "its",
                  "is", "are", "as", "es", "está", "esta", "están", "estan", "alone", "intact", "untouched", "igual",
                  "intacto",
                  "intactos", "intacta", "intactas", "turn", "roll", "take", "get",  # verbs whose particle says the way
                  "in", "on", "en",  # before a region ("more presence in the mids"); an embedding guessed at them
                  "me", "le", "les", "hay", "has", "have", "there's", "there", "that", "what", "here",
                  "isn't", "aren't", "suena", "suenan"})  # "me sobra
                  # barro", "le falta brillo", "there's a lot of mud"
# Words of a sentence around a request that name no sound, and so are never given to the open vocabulary's embedding:
# with it, "like" in "sounds like a telephone" read as fuerte and strong, and "can you", "por favor", "thanks",
# "quiero" took half a phrase's weight from what it asked for (a new-user trial, 2026-12-04). Without it they
# are ignored, as they are then.
FUNCTION_WORDS = frozenset({
    "i", "i'm", "im", "i'd", "id", "i'll", "we", "we'd", "you", "u", "ya", "your", "it", "this", "these", "those",
    "they", "them", "he", "she", "one", "can", "could", "would", "will", "should", "might", "must", "may", "do",
    "does", "did", "be", "been", "being", "was", "were", "want", "wanna", "gonna", "need", "needs", "like", "let",
    "lets", "let's", "give", "pls", "plz", "thanks", "thank", "thx", "ty", "hey", "hi", "yo", "ok", "okay",
    "maybe", "perhaps", "also", "so", "if", "then", "for", "from", "into", "about", "how", "why", "when", "which",
    "who", "my", "our", "his", "her", "their", "something", "anything", "everything", "stuff", "thing", "things",
    "bit", "lil", "lol", "lmao", "tbh", "imo", "left",
    "por", "favor", "porfa", "porfavor", "gracias", "quiero", "quisiera", "queremos", "puedes", "podrías", "podrias",
    "puede", "pueden", "hazme", "dame", "hola", "oye", "para", "mi", "mis", "tu", "tus", "su", "sus", "al",
    "se", "te", "nos", "algo", "cosa", "como", "cómo", "esto", "eso", "este", "esta"})
# Words before a dB amount: "cut bass by 3 dB", "set the bass to -3 dB", "bass at -3dB".
BY_WORDS = frozenset({"by", "to", "at"})
CONJUNCTIONS = frozenset({"and", "but", "y", "e", "pero", "while", "also", "plus",
                          "then"})  # "take the mud out then add some air": a second request (a 32nd trial)
# Conjunctions that set one piece against another: with one, a phrase is a contrast in either order ("warm but not
# muddy", "not muddy but warm"; language/interpretation.py); a list ("less boxy and a bit warmer") is not.
CONTRASTING = frozenset({"but", "pero"})
JOINERS = CONJUNCTIONS | NOR | OR  # words that close one piece and open the next


def _unaccented(words: frozenset[str]) -> frozenset[str]:
    """``words`` and their spellings without accents: "atenua", "anade", "mas" as typed on an English keyboard."""
    return words | {fold(w) for w in words}


def _unaccented_keys(table: dict[tuple[str, ...], float]) -> dict[tuple[str, ...], float]:
    """``table`` with each multi-word key also spelled without accents ("muchisimo", "no demasiado")."""
    return {**table, **{tuple(fold(t) for t in k): v for k, v in table.items()}}


# Every Spanish grammar word is also read without its accents ("muchisimo mas brillante", "atenua los graves"): typed
# so, they were ignored, and "atenua los graves" boosted the bass (a review, 2026-12-03).
MORE, LESS, NOT, KEEP, STOP = (_unaccented(w) for w in (MORE, LESS, NOT, KEEP, STOP))
DEGREES, HEDGES, LITOTES, EXCESS, LACK = (_unaccented_keys(t) for t in (DEGREES, HEDGES, LITOTES, EXCESS, LACK))
DEGREE_PHRASES = {**DEGREES, **HEDGES, **LITOTES, **EXCESS, **LACK}
DIRECTION_WORDS = MORE | LESS | NOT | KEEP  # a word that says which way a request goes (or that it keeps)


def degree_of(words: tuple[str, ...], following: Sequence[str]) -> float:
    """The multiplier of degree phrase ``words`` (a key of DEGREE_PHRASES) said before ``following``."""
    if words in COMPARATIVE_DEGREES and following and following[0] in COMPARATIVE_WORDS:
        return COMPARATIVE_DEGREES[words]
    return DEGREE_PHRASES[words]


def kind_of(text: str) -> str | None:
    """What kind of grammar word ``text`` is ("direction word" for "más" or "out", "degree word" for "a bit",
    "joining word" for "but"), None if it is none: a word search for it finds no descriptor, and saying why beats
    "expected a descriptor" (``eqmorph words --search``)."""
    tokens = tuple(normalise_term(text).split())
    one = tokens[0] if len(tokens) == 1 else None
    kinds = (("direction word", one in MORE or one in LESS or one in PARTICLES),
             ("negation", one in NOT or one in NOR or tokens in OPPOSITE), ("degree word", tokens in DEGREE_PHRASES),
             ("keep word", one in KEEP), ("joining word", one in JOINERS or tokens in AGAINST),
             ("filler word", one in STOP))
    return next((kind for kind, found in kinds if found), None)
