"""Moves said as nouns with a size, and sizes said around a move or a region: "a gentle boost in the highs", "un
realce suave en los agudos", "a deep cut", "as warm as possible", "a slight smile curve", and dB amounts said in words
("half a dB"). Tables :mod:`eqmorph.language.trailing` rewrites phrases with (:mod:`eqmorph.language.grammar_words`
holds the other grammar words); docs/language.md tabulates what each does, with its test.
"""

from __future__ import annotations

# Small and large moves said as adjectives of a direction noun: "a gentle boost in the highs", "a subtle cut in the
# low mids", "a big lift on top". Read as level words of the region (gentle, soft, calm: -1), gentle and soft turned
# a boost into a 6 dB cut and a cut into a boost, and slight, small, subtle and tiny were ignored (full strength;
# an eighteenth trial, 2026-12-04). Each pair is read as the degree adverb and the noun.
MOVE_NOUNS = ("boost", "boosts", "cut", "cuts", "lift", "dip", "bump", "scoop", "trim", "shelf")
SIZE_ADVERBS: dict[str, str] = {size: adverb for adverb, sizes in (
    ("slightly", ("gentle", "soft", "subtle", "slight", "small", "tiny", "mild", "light", "modest", "little", "calm")),
    ("very", ("big", "large", "huge", "massive", "strong", "heavy", "serious", "major", "aggressive", "drastic")))
    for size in sizes}
# Spanish move nouns and sizes, either side of the noun ("un realce suave en los agudos", "un ligero corte"): read as
# the English, the noun alone too ("un realce en los agudos"), but for "corte", which starts the band word "corte de
# graves" (only "corte en" is the noun). "un realce suave en los agudos" was a 6 dB treble cut, suave read as a level
# word of the region, and "realce" ignored (a twentieth trial, 2026-12-04).
_SPANISH_MOVE_NOUNS = {"realce": "boost", "refuerzo": "boost", "corte": "cut", "recorte": "cut", "atenuación": "cut"}
_SPANISH_SIZES = {**dict.fromkeys(("suave", "ligero", "ligera", "pequeño", "pequeña", "leve", "sutil"), "slightly"),
                  **dict.fromkeys(("grande", "gran", "fuerte", "marcado", "marcada", "generoso"), "very")}
SIZED_MOVES: dict[tuple[str, ...], tuple[str, ...]] = {
    **{(size, noun): (adverb, noun) for size, adverb in SIZE_ADVERBS.items() for noun in MOVE_NOUNS},
    **{pair: (adverb, english) for noun, english in _SPANISH_MOVE_NOUNS.items()
       for size, adverb in _SPANISH_SIZES.items() for pair in ((noun, size), (size, noun))},
    **{(noun,): (english,) for noun, english in _SPANISH_MOVE_NOUNS.items() if noun != "corte"},
    ("corte", "en"): ("cut", "en"),
    # a cut's depth is its size: "a deep cut in the low mids" read the crowds' deep cut, and "deep cut" alone (a song
    # nobody plays) a 6 dB move (a thirty-second trial); a boost has no depth
    **{(depth, noun): (adverb, noun) for depth, adverb in (("deep", "very"), ("shallow", "slightly"))
       for noun in ("cut", "cuts", "dip", "scoop")}}
# "as warm as possible", "as much air as you can", "tan cálido como sea posible": the superlative's degree, as
# "warmest" (the pair was ignored: the word at its own strength, a twentieth trial, 2026-12-04). Per opening word,
# its second word and what may follow that:
AS_FAR_AS: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {
    "as": ("as", (("possible",), ("you", "can"), ("it", "gets"), ("it", "goes"))),
    "tan": ("como", (("sea", "posible"), ("se", "pueda"), ("puedas",), ("puedan",)))}
# A size said before the region of a move noun is its degree too: "a gentle treble boost" was a 6 dB treble cut and
# "a gentle bass cut" a boost (gentle read as a level word of the region), "a small treble boost" full strength (a
# twentieth trial, 2026-12-04). At most SIZED_REGION_WORDS words between the size and the noun ("high shelf").
SIZED_REGION_WORDS = 2
# The last word of a curve's name ("smile curve", "v shape", "smiley face", forms of scoop): a size before the name is
# its degree too ("a slight smile curve" was the whole scoop, the size ignored: a twenty-first trial, 2026-12-04).
SHAPE_NOUNS = ("curve", "shape", "face")
# dB amounts said in words, read as the numbers they are: "shave a dB off the top", "half a dB more air", "medio dB
# más de graves" (ignored, each was the whole 6 dB move: an eighteenth trial, 2026-12-04).
SPOKEN_DB: dict[tuple[str, ...], tuple[str, ...]] = {
    **{(*said, unit): (f"{value}db",) for said, value in (  # the longer first: "half a dB" is not "half 1 dB"
        (("half", "a"), "0.5"), (("a", "half"), "0.5"), (("a", "couple", "of"), "2"), (("un", "par", "de"), "2"),
        (("a", "couple"), "2"), (("a", "few"), "3"),  # "add a couple dB of warmth" (a twenty-fifth trial)
        (("a",), "1"), (("one",), "1"), (("un",), "1"), (("medio",), "0.5"), (("two",), "2"), (("dos",), "2"),
        (("three",), "3"), (("tres",), "3"), (("four",), "4"), (("cuatro",), "4"))
       for unit in ("db", "decibel", "decibels", "decibelio", "decibelios")}}


__all__ = ["AS_FAR_AS", "MOVE_NOUNS", "SHAPE_NOUNS", "SIZED_MOVES", "SIZED_REGION_WORDS", "SIZE_ADVERBS", "SPOKEN_DB"]
