"""Changes said to have been made before the phrase: a move someone reported ("the sound guy cut all the bass") and a
request to undo one ("undo the bass boost").

A phrase starts from the flat EQ. A move reported as done is read as the state it left, a lack or an excess of what it
moved, as "there's not enough bass" is; read as a request, "the sound guy cut all the bass, bring it back" cut the bass
6 dB and "sounds like you boosted the highs" boosted them (a thirty-second trial). An undo names no change a flat EQ
can make, so it is refused with what to say instead (it was the region's move: "undo the bass boost" boosted the bass).
"""

from __future__ import annotations

import re

from eqmorph.errors import ParameterError

# Who is said to have made the move; "we" suggests one ("what if we cut the low mids a bit?"), and "you" is said to
# eqmorph too ("can you cut the sub", "you cut the bass": only its past forms report)
_SOMEONE = r"(?:guy|engineer|mixer|he|she|they|someone|somebody|you)"
# a move reported as done; "cut" after "you" may be a request ("you cut the bass and I'll add air"): not read
_CUT_DONE = ("cut", "removed", "killed", "scooped", "took out", "pulled out", "rolled off", "lowered", "reduced")
_BOOST_DONE = ("boosted", "added", "raised", "cranked", "pushed", "lifted")
_REPORTED = re.compile(rf"(?:^|(?<=[\s,]))(?P<who>{_SOMEONE})\s+(?:just\s+|already\s+)?"
                       rf"(?P<done>{'|'.join(map(re.escape, _CUT_DONE + _BOOST_DONE))})\s+(?=\S)(?!too\b)")
# before the one said to make the move, a request or a supposition: "can you cut", "what if they boosted"
_ASKING = frozenset({"can", "could", "would", "will", "should", "if", "to", "please", "why", "don't", "dont", "let",
                     "may", "might", "must"})
_UNDO = re.compile(r"(?<![^\W_])(?:undo|revert|deshaz|deshacer|deshazlo|deshaga)(?![^\W_])")


def reported(text: str) -> str:
    """``text`` (normalised) with each move reported as done read as the state it left: "the sound guy cut all the
    bass" -> "the sound guy not enough all the bass", "you boosted the highs" -> "you too much the highs"."""
    def state(found: re.Match[str]) -> str:
        before = text[:found.start()].split()
        if (before and before[-1] in _ASKING) or (found["who"] == "you" and found["done"] == "cut"):
            return found.group(0)
        return f"{found['who']} {'not enough' if found['done'] in _CUT_DONE else 'too much'} "

    return _REPORTED.sub(state, text)


def undo_error(text: str, norm: str) -> ParameterError | None:
    """The error for ``text`` (``norm``: normalised) that asks to undo an earlier change, else None."""
    if _UNDO.search(norm) is None:
        return None
    return ParameterError("text", text, "a change to make: a phrase starts from the flat EQ and does not know an "
                                        "earlier change to undo; say the change itself, e.g. 'less bass', or edit a "
                                        "preset: eqmorph edit PRESET --less bass")


__all__ = ["reported", "undo_error"]
