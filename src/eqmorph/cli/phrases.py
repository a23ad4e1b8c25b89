"""How the CLI tells the user what a word or phrase was understood as (one helper for every command).

``eqmorph generate "less muddy"`` prints ``less muddy -> muddy x -1.0`` on stderr, so stdout stays
the preset; a plain vocabulary word, however it is typed (``Warm``, ``WARM``, ``Warm!``: case, spacing
and punctuation the parser drops), prints nothing, and ``--quiet`` prints nothing at all.  Notes
(a crowd that never used a word, an intensity a phrase's degree caps) start ``eqmorph COMMAND: note:``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eqmorph.language.interpretation import Interpretation
    from eqmorph.semantic.morph import Morpher


def add_quiet_arg(parser: argparse.ArgumentParser) -> None:
    """``--quiet``: do not print how words were understood."""
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print how the words were understood")


def note(command: str, text: str) -> None:
    """``eqmorph COMMAND: note: TEXT`` on stderr: how every note of every command starts."""
    print(f"eqmorph {command}: note: {text}", file=sys.stderr)


def merely_a_word(meant: Interpretation) -> bool:
    """Whether ``meant`` is one vocabulary word as it is, the text differing from it only in what the parser drops
    (case, spaces, punctuation): saying ``Warm! -> warm x 1.0`` would tell the user nothing."""
    if len(meant.pieces) != 1 or meant.ignored or meant.notes or meant.source:
        return False
    piece = meant.pieces[0]
    return (piece.sign == 1.0 and piece.degree == 1.0 and len(piece.meanings) == 1
            and piece.meanings[0].how == "exact" and meant.weights == ((piece.meanings[0].word, 1.0),))


def say_understood(m: Morpher, *texts: str, command: str, quiet: bool = False, source: str | None = None,
                   scales: Mapping[str, float] | None = None) -> None:
    """Print, on stderr, the interpretation of each text that is not simply a known word, a note for a word that
    also names an EQ setting ("flat": the crowd's sound, not an EQ that does nothing), and with ``source``
    (``--source``) a note for each word that crowd never used: the model gives it both crowds' EQ there
    (docs/model.md), which a user who asked for one crowd's meaning should know (``Vocabulary.notes``).
    ``command`` names the sub-command in the note, as its errors and other notes are named; ``scales``: how much
    of each text's EQ the command applies (:func:`scaled`)."""
    if quiet:
        return
    from eqmorph.language.terms import normalise_term

    for text in texts:
        meant = None
        if normalise_term(text) not in m.counts:
            meant = m.parse(text)
            if not merely_a_word(meant):
                print(str(meant if scales is None else scaled(meant, scales[text])), file=sys.stderr)
        for sentence in m.vocabulary.notes(text, source if m.sources else None, meant):
            note(command, sentence)


def scaled(meant: Interpretation, scale: float) -> Interpretation:
    """``meant`` applied ``scale`` times, labelled ``TEXT=SCALE``: ``bass +3dB=1 -> bass x 0.5``.

    ``eqmorph edit`` moves a preset by ``scale`` x each text's EQ and its preset's ``weights:`` line says
    ``bass +3dB=1``; a trial read that beside an unscaled ``bass +3dB -> bass x 0.5`` as two different moves.
    Labelled and scaled alike, the two lines say one thing: all of "bass +3dB", which is half the band word.
    """
    return dataclasses.replace(meant, text=f"{' '.join(meant.text.split())}={scale:g}",
                               weights=tuple((word, weight * scale) for word, weight in meant.weights))


def applied_intensity(command: str, m: Morpher, intensity: float, texts: Sequence[str]) -> float:
    """The intensity ``m`` applies to ``texts`` (a word or phrase, or the two ends of a morph) at ``intensity``.

    A phrase's degree multiplies the intensity, and the product stops at MAX_INTENSITY
    (:func:`eqmorph.semantic.path.capped_intensity`, what ``Morpher.generate`` and ``interpolate`` apply; a morph
    takes the larger degree of its ends).  When it stops there, a note says so on stderr, and the caller labels its
    output with the value returned, so no command shows an intensity it did not apply.
    """
    from eqmorph.semantic.path import MAX_INTENSITY

    applied = m.applied_intensity(intensity, *texts)
    if applied != intensity:
        phrase = max(texts, key=m.strength)  # kept by the Morpher from generating: no second parse
        strength = m.strength(phrase)
        note(command, f"--intensity {intensity:g} on {phrase!r}, a phrase of degree {strength:.3g}, would scale its "
                      f"words {abs(intensity) * strength:.3g} times; it stops at {MAX_INTENSITY:g}: intensity "
                      f"{applied:.3g} applied")
    return applied


def word_text(text: str) -> str:
    """argparse type of a word argument: a file's name ("warmer.txt", "song.wav") is refused, not read as the word
    before its extension ("warmer.txt" was warm, the wrong EQ, exit 0: a new-user trial, 2026-12-04)."""
    from pathlib import PurePath

    from eqmorph.io.presets import AUDIO_SUFFIXES, SUFFIX_FORMATS

    suffix = PurePath(text.strip()).suffix.lower()
    if suffix in AUDIO_SUFFIXES:
        raise argparse.ArgumentTypeError(f"{text!r} names an audio file, not a word or phrase; audio is what "
                                         "'eqmorph apply IN OUT' and 'eqmorph match' read")
    if suffix in SUFFIX_FORMATS:
        raise argparse.ArgumentTypeError(f"{text!r} names a preset file, not a word or phrase; a preset is read by "
                                         "'eqmorph apply --preset', 'eqmorph edit' and 'eqmorph describe'")
    return text
