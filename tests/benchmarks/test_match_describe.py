"""The match benchmark's "real use" sentence is the one `eqmorph match` prints for the same two recordings."""

import sys
from pathlib import Path

import numpy as np
import soundfile as sf
from match_signals import BRIGHTER, MATCH_SR, pink_noise
from scipy import signal

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives

from benchmarks import match_describe  # noqa: E402

from eqmorph import cli, load  # noqa: E402
from eqmorph.audio.filtering import apply_eq  # noqa: E402


def test_benchmark_sentence_is_what_eqmorph_match_prints(tmp_path, capsys):
    # A song with nothing above ~3 kHz: the match covers only part of the spectrum, where words judged over the whole
    # range ("more toppy") and over the band the match covers ("less bass") differ, as they did for the shared clips.
    dry = pink_noise(3.0)
    song = signal.sosfilt(signal.butter(8, 2000.0, fs=MATCH_SR, output="sos"), dry, axis=0)
    song *= 0.3 / np.abs(song).max()
    sf.write(tmp_path / "song.wav", song, MATCH_SR, subtype="FLOAT")
    sf.write(tmp_path / "reference.wav", 0.5 * apply_eq(song, MATCH_SR, BRIGHTER), MATCH_SR, subtype="FLOAT")
    assert match_describe.SR == MATCH_SR

    code = cli.main(["match", str(tmp_path / "song.wav"), str(tmp_path / "reference.wav"), "--quiet"])
    printed = capsys.readouterr().out.splitlines()[0]
    _, words = match_describe.match_words(load(), sf.read(tmp_path / "song.wav", always_2d=True)[0],
                                          sf.read(tmp_path / "reference.wav", always_2d=True)[0])

    assert code == 0
    assert printed == words and "(fit error " in words  # one sentence: MatchResult.difference_text
