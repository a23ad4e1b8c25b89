"""What a statement says is there: a quantity ("there's a lot of mud", "hay muchos graves", "it has a lot of low
end") read as an excess, and a curve's shape said to be there ("there's a dip in the mids", "tiene un pico en los
agudos") as its region's lack or excess; kept when the phrase likes it. One of the statement rewrites of
:mod:`eqmorph.language.statements`, which calls :func:`there_is` on a clause's tokens.
"""

from __future__ import annotations

from eqmorph.language.complaints import clause_end, names_band
from eqmorph.language.grammar_words import NOT

IN = frozenset({"in", "on", "around", "at", "en"})  # where a quantity or a shape is said to be ("a dip in the mids")
_WISHED_AFTER = frozenset({"want", "need", "more", "más", "quiero"})  # a quantity said there, then asked for more
# "there's a lot of bass", "hay muchos graves" were requests for 7 dB more: said to be there in quantity, an excess
# ("it has a lot of warmth" stays a request: "has" praises as often as it complains). "there's" is read "there is".
# "it has a lot of low end", "tiene muchos graves" boosted 7.5 dB (a twenty-seventh trial): said of a region, a quantity
# had is its excess; of a quality it stays a request ("it has a lot of warmth" praises as often as it complains)
_HAS = frozenset({"has", "have", "tiene", "tienen",
                  "getting"})  # "i'm getting a lot of proximity effect" boosted the bass 7.5 dB (a thirtieth trial)
_A_LOT = frozenset({"a", "so", "lots", "mucho", "mucha", "muchos", "muchas", "tanto", "tanta", "tantos", "tantas",
                    "harto", "harta", "hartos", "hartas"})  # Chile's "harto": a lot
# A curve's shape said to be there: "there's a dip in the mids" cut the mids 6 dB (a dip read as the move noun), "the
# mix has a bump in the low mids" was refused (a thirtieth trial). A dip is a lack of the region, a bump its excess.
_SHAPES = {**dict.fromkeys(("dip", "hole", "gap", "notch", "hueco", "bache", "pozo"), ("not", "enough")),
           **dict.fromkeys(("bump", "peak", "hump", "buildup", "spike", "bulge", "pico", "bulto"), ("too", "much"))}
_ONE = frozenset({"a", "an", "un", "una", "some", "big", "little", "small", "slight", "huge", "gran", "pequeño"})
# also "a bit of a dip", and the quantity a list carries ("tiene mucho barro y un hueco": judged.py says "too much")
_BEFORE_SHAPE = frozenset({"bit", "of", "too", "much"})


def there_is(tokens: list[str], liked: bool = False) -> list[str]:
    """A quantity said to be there read as an excess: "there's a lot of mud", "hay muchos graves" -> "too much"; a
    dip or a bump of a region as its lack or excess: "there's a dip in the mids" -> "there is not enough the mids"."""
    out = list(tokens)
    k, existing = -1, False  # existing: "there is" or "has" said ("there's a lot of mud and a dip in the highs")
    while (k := k + 1) < len(out) - 1:  # a shape's rewrite shortens the list
        there = out[k] in ("hay", "theres") or (out[k] == "is" and k > 0 and out[k - 1] == "there") or (
            out[k] in _HAS and names_band(out[k + 1:clause_end(out, k)]))  # "it has a lot of low end", a region
        two = out[k + 1] in ("a", "so")  # "a lot", "so much": two words
        if k and out[k - 1] in NOT:  # "no hay hueco en los medios", "no tiene muchos graves"
            continue
        if there and out[k + 1] in _A_LOT and (not two or out[k + 2:k + 3] in (["lot"], ["much"])) and (
                out[k] != "getting" or names_band(out[k + 3 + two:k + 6 + two])) and (  # not "... of compliments"
                _WISHED_AFTER.isdisjoint(out[k:])):  # "a lot of bass but i want more"
            out[k + 1:k + 3 if two else k + 2] = ["keep"] if liked else ["too", "much"]
        existing = existing or there or out[k] in _HAS
        if existing and (there or out[k] in _HAS or out[k] in ("and", "y")) and (
                shape := _shape_at(out, k)):  # "there's a dip in the mids", "it has a bump around the low mids"
            out[k + 1:shape] = ["keep"] if liked else _SHAPES[out[shape - 2]]  # "..., which I like": kept
    return out


def _shape_at(out: list[str], k: int) -> int | None:
    """The index after a dip's or a bump's preposition ("in", "around") if one starts after ``out[k]`` and a region
    follows it ("... a dip in the mids"), else None."""
    j = next((j for j in range(k + 1, min(k + 6, len(out) - 1)) if out[j] in _SHAPES), None)
    if (j is not None and all(t in _ONE or t in _BEFORE_SHAPE for t in out[k + 1:j]) and out[j + 1] in IN
            and names_band(out[j + 2:clause_end(out, j)])):
        return j + 2
    return None


__all__ = ["IN", "there_is"]
