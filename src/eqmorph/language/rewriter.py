"""A token-list rewriter: phrases of a table replaced by what they mean, where they stand.

The grammar's rewrites (idioms, phrasal verbs, doubts, keep phrases: language/statements.py, trailing.py,
qualified.py) are tables; this is the one mechanism that applies them.
"""

from __future__ import annotations

from collections.abc import Sequence


class PhraseRewriter:
    """Replace each phrase of a table (``{phrase tokens: tokens said instead}``) where it stands in a token list,
    the table's phrases in their order, each at every place from the last one back ("I like" -> "keep").

    Only the phrases whose first token the list holds, and all of whose words it holds or held, are tried: a table
    of hundreds of phrases (each negation before each direction verb) tried one by one made a phrase's parse 3-8
    times slower. The same rewrite as trying them all, since no table's replacement starts a phrase of its own
    (checked here).
    """

    def __init__(self, table: dict[tuple[str, ...], tuple[str, ...]]) -> None:
        self._table = list(table.items())
        starts = {phrase[0] for phrase in table}
        if any(said and said[0] in starts for said in table.values()):
            raise ValueError("a replacement starts a phrase of the same table: the rewrite would depend on order")
        self._words = [frozenset(phrase) for phrase, _ in self._table]
        self._by_first: dict[str, list[int]] = {}
        for n, (phrase, _) in enumerate(self._table):
            self._by_first.setdefault(phrase[0], []).append(n)

    def __call__(self, tokens: Sequence[str], unless_next: frozenset[str] = frozenset()) -> list[str]:
        """``tokens`` rewritten, except where the token after a phrase is in ``unless_next`` ("I like it warmer" is a
        wish, not a liking)."""
        out = list(tokens)
        present = set(out)  # every token the list holds or held: a phrase with a word outside it cannot stand here
        for n in sorted({n for t in present for n in self._by_first.get(t, ())}):
            phrase, said = self._table[n]
            if not present.issuperset(self._words[n]):
                continue
            size = len(phrase)
            for k in range(len(out) - size, -1, -1):
                if tuple(out[k:k + size]) == phrase and (k + size == len(out) or out[k + size] not in unless_next):
                    out[k:k + size] = said
                    present.update(said)
        return out
