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
from eqmorph.language.regions import is_region_word

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
    """``text`` (normalised) with each move of a region reported as done read as the state it left: "the sound guy
    cut all the bass" -> "the sound guy not enough bass", "you boosted the highs" -> "you too much highs", "she added
    way too much bass" -> "she too much bass". A move of no region is left as it is: "he added that it needs more
    high end" (said), "they cut the mud, add some air" (a flaw taken out is no lack of it: it added mud, a trial)."""
    out, pos = [], 0
    for found in _REPORTED.finditer(text):
        before = text[:found.start()].split()
        named = _region_named(text, found.end())
        if found.start() < pos or named is None or (before and before[-1] in _ASKING):
            continue
        end, region, overdone = named
        if found["who"] == "you" and found["done"] == "cut" and not overdone:
            continue  # "you cut the bass and I'll add air" may ask; "you cut the bass too much" reports
        said = "not enough" if found["done"] in _CUT_DONE else "too much"
        out += [text[pos:found.start()], f"{found['who']} {said} {region}"]
        pos = end  # the degree that says the move went too far is the report's, not a request's
    return "".join([*out, text[pos:]])


# A reported move said to have gone too far: "way too much", "too far", "so much", "a lot", "overboard"
_OVERDONE = r"(?:way\s+|far\s+|much\s+)?(?:too\s+(?:much|far|many|hard)|so\s+much|a\s+lot|overboard)"
_LEADING_OVERDONE = re.compile(rf"{_OVERDONE}(?:\s+of)?\s+")
_TRAILING_OVERDONE = re.compile(rf"\s+{_OVERDONE}(?=$|[\s,.;!?])")
_BEFORE_REGION = frozenset({"the", "all", "some", "a", "bit", "of", "his", "her", "their", "my", "our", "that"})


def _region_named(text: str, at: int) -> tuple[int, str, bool] | None:
    """The region a move reported at ``at`` of ``text`` names next (after a degree, an article, "all"): where its
    words end (a degree that says the move went too far included), the region as written, and whether it went too
    far ("way too much bass", "the bass too much"); None when no region is named next."""
    lead = _LEADING_OVERDONE.match(text, at)
    tokens = list(re.finditer(r"[^\s,.;!?]+", text[lead.end() if lead else at:]))
    offset = lead.end() if lead else at
    skip = 0
    while skip < len(tokens) and tokens[skip].group(0) in _BEFORE_REGION:
        skip += 1
    for n in (2, 1):
        if len(tokens) < skip + n:
            continue
        region = " ".join(t.group(0) for t in tokens[skip:skip + n])
        if is_region_word(region):
            end = offset + tokens[skip + n - 1].end()
            trailing = _TRAILING_OVERDONE.match(text, end)
            return (trailing.end() if trailing else end), region, bool(lead or trailing)
    return None


def undo_error(text: str, norm: str) -> ParameterError | None:
    """The error for ``text`` (``norm``: normalised) that asks to undo an earlier change, else None."""
    if _UNDO.search(norm) is None:
        return None
    return ParameterError("text", text, "a change to make: a phrase starts from the flat EQ and does not know an "
                                        "earlier change to undo; say the change itself, e.g. 'less bass', or edit a "
                                        "preset: eqmorph edit PRESET --less bass")


__all__ = ["reported", "undo_error"]
