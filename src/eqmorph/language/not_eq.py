"""Words a mixing engineer says of a sound that no EQ makes: what eqmorph answers instead of "unknown word".

"glue" is a bus compressor's work, "make it pop" asks for impact or level, and "ringing" is a narrow resonance whose
frequency a word does not say. Each was refused as an unknown word with no similar known words (the eighth
new-user trial, 2026-12-05); :func:`not_eq_error` says what the word is and what to say for an EQ. A ringing said
with its region named ("the toms ring in the low mids") is that region's excess (language/ringing.py).
"""

from __future__ import annotations

from eqmorph.errors import UnknownWordError
from eqmorph.language.terms import normalise_term

_DYNAMICS = ("is compression (a bus compressor makes the parts move together), not EQ; eqmorph only makes EQs: say "
             "how it should sound, e.g. 'warmer' or 'less harsh'")
_POP = ("asks for impact or level (compression, saturation, a louder fader), not a tone; for an EQ, say what should "
        "stand out, e.g. 'more presence', 'more punch' or 'a bit brighter'")
_COMPRESSION = "is dynamics (a compressor's work), not EQ; for an EQ, say how it should sound, e.g. 'warmer'"
_RING = ("is a narrow resonance, and the word does not say where it is: name the region it rings in, e.g. 'less low "
         "mids', 'cut the high mids a little' or 'less harsh high mids'")

NOT_EQ_WORDS: dict[str, str] = {
    **dict.fromkeys(("glue", "gluey", "glued", "gluing"), _DYNAMICS),
    **dict.fromkeys(("pop", "poppy"), _POP),
    **dict.fromkeys(("compression", "compressed", "compress", "compressor", "squashed", "compresión", "comprimido"),
                    _COMPRESSION),
    **dict.fromkeys(("ring", "rings", "ringing", "ringy", "ringer"), _RING),
}


RING_WORDS = frozenset({"ring", "rings", "ringing", "ringy"})  # placed in a region: language/ringing.py


def not_eq_error(terms: list[str] | tuple[str, ...]) -> UnknownWordError | None:
    """The error for a phrase whose unknown words ``terms`` include one no EQ makes (:data:`NOT_EQ_WORDS`): the
    first such word, said to be what it is; ``None`` if none is."""
    for term in terms:
        said = NOT_EQ_WORDS.get(normalise_term(term).casefold())
        if said is not None:
            return UnknownWordError(term, [], message=f"{term!r} {said}")
    return None


__all__ = ["NOT_EQ_WORDS", "RING_WORDS", "not_eq_error"]
