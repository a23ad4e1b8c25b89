"""Spanish forms of the cutting verbs (bajar, quitar, cortar, reducir, sacar, ...), built from stems and endings.

The imperatives a request usually takes ("baja", "quita") are direction words of language/grammar_words.py; these
are the other forms a user types, each read as the one imperative ``SPANISH_CUT`` (language/words.py).
"""

from __future__ import annotations

# Spanish forms of the cutting verbs beyond the imperatives listed above, by stem and ending, compared without
# accents: voseo ("bajá", "cortá", "reducí"), the ustedes plural ("bájenle"), infinitive or imperative with a
# pronoun ("bajarle", "bájame"), "bajemos", "bajaría", the subjunctive after "no" ("no le bajes"). Ignored until an
# nineteenth trial (2026-12-04), each boosted 6 dB what it asked to lower. The parser reads each as "bájale"
# (words.py); the verbs of a boost need no such list, since a region said alone is boosted anyway.
_CUTTING_AR_STEMS = ("baj", "rebaj", "quit", "cort", "recort", "atenu", "limpi", "elimin", "suaviz", "arregl",
                     "control", "achic", "aplan", "cerr", "cierr", "apag")
_CUTTING_IR_STEMS = ("reduc", "reduzc", "disminu", "disminuy", "corrig", "corrij")
_AR_ENDINGS = ("a", "ar", "ale", "ales", "alo", "alos", "ame", "en", "enle", "enles", "arle", "arles", "emos",
               "emosle", "aria", "arias", "e", "es", "ele", "eles", "elo",
               "amos", "amosle")  # "¿y si le quitamos un poco de medios?" boosted them (a twenty-eighth trial)
_IR_ENDINGS = ("e", "es", "i", "ir", "irle", "irles", "ele", "eles", "eme", "an", "anle", "anles", "imos", "iria",
               "a", "as", "ale", "ales")
# Forms that are other words, kept out: English ("quite", "reduce"), and "corte", "cortes" of the band words' "corte
# de graves" (tests/language/test_trial19_spanish.py checks no form is a word of English, the band words, the
# lexicon, the vocabulary or this grammar).
_NOT_CUTTING = frozenset({"quite", "reduce", "reduces", "corte", "cortes"})
SPANISH_CUTTING_FORMS = frozenset({stem + end for stem in _CUTTING_AR_STEMS for end in _AR_ENDINGS}
                                  | {stem + end for stem in _CUTTING_IR_STEMS for end in _IR_ENDINGS}) - _NOT_CUTTING
# "sacar" (take out) is a cutting verb too ("sácale graves", "saca el barro" added what they took out: a trial,
# 2026-12-04), except in the idiom "sacar (el) brillo", to polish, to bring out the shine: "sácale brillo" asks for
# more. Its stem is "saqu" before an e ("sáquele", "saquen"). words.py reads a form followed by POLISH_WORDS as no
# direction, so the brightness word that follows is brought out.
_TAKING_OUT_STEMS = ("sac", "saqu")
SPANISH_TAKING_OUT_FORMS = frozenset(stem + end for stem in _TAKING_OUT_STEMS for end in _AR_ENDINGS)
POLISH_WORDS = frozenset({"brillo"})  # "sácale brillo", "sacarle el brillo": the shine brought out
SPANISH_CUT = "bájale"  # the form they are read as
