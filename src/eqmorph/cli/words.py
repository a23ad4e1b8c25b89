"""``eqmorph words``: the known words with their example counts and confidence."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eqmorph.cli.common import add_model_arg, add_open_vocab_arg, load_model
from eqmorph.cli.handler import open_vocab_hint
from eqmorph.errors import ParameterError, UnknownWordError
from eqmorph.language.band_words import BandWord, band_words, find_band_words
from eqmorph.language.grammar_words import kind_of

if TYPE_CHECKING:
    from eqmorph.semantic.morph import Morpher


NO_MATCH = 1  # exit code of a search that found nothing, as grep's: a script can tell (the message still says why)


def run_words(args: argparse.Namespace) -> int:
    """Handler of ``eqmorph words``; returns the exit code."""
    if args.limit < 1:
        raise ParameterError("--limit", args.limit, "an integer >= 1")
    m = load_model(args)
    from eqmorph.language.spelling import suggest
    from eqmorph.language.stoplist import is_stopword

    if not args.search:
        print_word_table(m, m.terms[: args.limit])
        if args.limit < len(m.terms):  # a newcomer took the first 50 for all the model knows (a new-user trial)
            total = len(m.terms)
            print(f"(showing {args.limit} of {total} words, most examples first; --limit {total} for all)")
        print(f"\nstudio terms, defined moves (the same in every crowd; docs/language.md): {', '.join(band_words())}")
        return 0
    # "pres" -> presence: the crowds never used these, the parser reads them; --limit counts them too
    studio = find_band_words(args.search)[: args.limit]
    # Words containing the text; or, if none does, what generate understands it as ("cálido", "warmer", "less
    # muddy"), said, with the words it stands for rather than words merely spelled like it.
    try:
        words, understood = m.vocabulary.search(args.search, args.limit)
    except (UnknownWordError, ParameterError) as exc:
        lexicon = _lexicon_terms(m, args.search, args.limit - len(studio))
        if studio or lexicon:  # "pres"; "cut", a direction word and part of "low cut": the studio terms holding it
            print_studio_terms(studio)  # answer, and the lexicon's words ("barr": barro reads as muddy)
            _print_terms(lexicon)
            return 0
        if isinstance(exc, ParameterError):  # a phrase refused for a reason ("warm but not warm" cancels out)
            reason = _grammar_reason(args.search, exc)
        elif is_stopword(args.search):  # "hello": no sound at all, so no word spelled like it either
            print(exc)
            return NO_MATCH
        else:  # a typo ("brigth"): offer the words spelled like it, as generate does
            close = ", ".join(w for w, _ in suggest(args.search, m.counts))
            reason = (f"; closest known words: {close}" if close else "") + open_vocab_hint(exc, args)
    else:
        if understood is not None:
            print(understood)
        words = words[: args.limit]
        if words:  # a band word has no examples to show
            print_word_table(m, words)
        print_studio_terms(studio[: args.limit - len(words)])  # "graves" reads as bass; sub bass, low cut hold it too
        if understood is None:  # else the text itself was read ("cálido -> warm, caliente"), said above
            _print_terms(_lexicon_terms(m, args.search, args.limit - len(words) - len(studio)))
        return 0
    print(f"no known word matches {args.search!r}{reason}; run 'eqmorph words' for all {len(m.terms)} words")
    return NO_MATCH


def _grammar_reason(text: str, exc: ParameterError) -> str:
    """Why a search the phrase grammar refused found nothing: the kind of grammar word it is, or the parser's reason."""
    grammar = kind_of(text)
    if grammar == "filler word":
        return f"; {text!r} is a filler word that phrases skip, not a descriptor"
    if grammar == "joining word":
        return (f"; {text!r} is a joining word of phrases, not a descriptor: it goes between two, e.g. "
                f"'warm {text} bright'")
    if grammar:
        return f"; {text!r} is a {grammar} of phrases, not a descriptor: it goes before one, e.g. '{text} warm'"
    return f"; as a phrase, expected {exc.allowed}"


def print_word_table(m: Morpher, words: Sequence[str]) -> None:
    """One row per known word: its examples in all, per crowd and per language, and its confidence."""
    # Per crowd and language: the training rows behind each word (the bundled model saw every row, so these
    # equal `eqmorph data stats`; stop-listed and rarer words are not in a model, see docs/model.md).
    crowds = list(m.sources)
    print(f"{'word':<24}{'examples':>9}" + "".join(f"{c:>10}" for c in crowds) + f"{'languages':>14}{'confidence':>12}")
    for word in words:
        info = m.word_info(word)
        langs = " ".join(f"{k} {v}" for k, v in sorted(info.counts_by_language.items()) if k != "none") or "-"
        print(f"{word:<24}{info.count:>9}" + "".join(f"{info.counts_by_source.get(c, 0):>10}" for c in crowds)
              + f"{langs:>14}{info.confidence:>12.2f}")


def print_studio_terms(found: Sequence[BandWord]) -> None:
    """One line per band word: its name and the move it is defined as (they have no examples to count)."""
    for word in found:
        print(f"{word.name:<24}studio term: {word.summary()}")


def _lexicon_terms(m: Any, text: str, limit: int) -> list[dict[str, Any]]:
    """The lexicon's words holding ``text`` (``cál``: cálido, which reads as warm and caliente), as the page's word
    pickers offer them: a tenth new-user trial found cálido on the page but not in ``words --search cál``."""
    from eqmorph.semantic.vocabulary import terms_matching

    return terms_matching(m.vocabulary.lexicon_terms(), text)[: max(limit, 0)]


def _print_terms(terms: list[dict[str, Any]]) -> None:
    for term in terms:
        reads = ("the opposite of " if term["opposite"] else "") + ", ".join(term["means"])
        print(f"{term['word']:<24}reads as {reads}")


def register(subparsers: Any) -> None:
    """Add ``eqmorph words [--search TEXT]``."""
    p = subparsers.add_parser("words", help="known words with example counts and confidence",
                              description="List the words the model knows, most examples first, with their examples "
                              "per crowd and language and a 0-1 confidence, then the studio terms; or search them.")
    p.add_argument("--search", default=None,
                   help="only words containing this text, and studio terms ('pres': presence); or, if no word "
                   "does, the words a phrase or translation stands for (e.g. 'cálido', 'less muddy'); exit code 1 "
                   "when nothing matched")
    p.add_argument("--limit", type=int, default=50,
                   help="at most this many words (default 50; the list says when it was cut)")
    add_model_arg(p)
    add_open_vocab_arg(p)
    p.set_defaults(func=run_words)
