"""Each word of a description names a move the EQ makes: a band word its region's, a crowd word its score's sign."""

import numpy as np
import pytest

import eqmorph
from eqmorph.core.fit import fit_grid
from eqmorph.language.band_words import band_words
from eqmorph.semantic.pursuit import LEVEL_MOVE_DB

BAND_WORDS = set(band_words())
# The new-user trial's phrases (finding 4) and two-part phrases like them.
TRIAL = ["brighter but keep the low end", "more crisp but keep the low end", "more bass but not muddy",
         "warm but not muddy", "less harsh but more air", "more presence but not harsh"]
CONTRASTS = ["more highs but not shrill", "more air but not shrill", "more bass but not boomy", "bright but not thin",
             "airy but not sibilant", "thick but not muddy", "more presence but not sibilant", "full but not muddy",
             "brighter but keep the bass", "warmer but keep the highs", "less boomy but keep the punch",
             "more air but not shrill", "deep but not muddy", "cut the mud but keep the warmth",
             "fuller but keep it clear", "more sparkle but keep it smooth", "darker but keep the air"]


@pytest.fixture(scope="module")
def m():
    return eqmorph.load()


def _eqs(m):
    rng = np.random.default_rng(3)
    pairs = [tuple(rng.choice(m.terms, 2, replace=False)) for _ in range(120)]
    return [m.generate(t) for t in TRIAL + CONTRASTS] + [m.interpolate(a, b, 0.5) for a, b in pairs]


def _region_move_db(d, word, x):
    """The EQ's plain mean move (dB) where ``word``'s own response is at least half its largest, + where it boosts:
    measured independently of the pursuit's weighted mean."""
    r = d.responses_db[d.terms.index(word)]
    region = np.abs(r) >= 0.5 * np.abs(r).max()
    return float(np.mean(x[region])) * float(np.sign(np.mean(r[region])))


@pytest.mark.parametrize("language", ["en", "es", None])
def test_a_described_band_word_moves_the_way_the_eq_moves_that_band(m, language):
    d = m._describer(None, False, language)
    said = 0
    for eq in _eqs(m):
        x = d.response(eq)
        for word, amount in d.amounts(eq).items():
            if word in BAND_WORDS:
                said += 1
                assert np.sign(amount) * _region_move_db(d, word, x) > 0.2, (m.describe_text(eq), word, amount)
    assert said > 20  # band words were said, and checked


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_described_crowd_word_has_the_sign_of_its_describe_score(m, language):
    d = m._describer(None, False, language)
    later = 0
    for eq in _eqs(m):
        scores = dict(zip(d.terms, d.scores(eq)))
        for n, (word, amount) in enumerate(d.amounts(eq).items()):
            if word not in BAND_WORDS:
                later += n > 0
                assert np.sign(amount) == np.sign(scores[word]), (m.describe_text(eq), word, amount, scores[word])
    assert later >= 8  # correcting words were said, and checked


@pytest.mark.parametrize("text, unsaid", [("brighter but keep the low end", "bass"),
                                          ("more crisp but keep the low end", "more bass"),
                                          ("warm but not muddy", "presence"), ("less harsh but more air", "quiet"),
                                          ("muddy, more presence", "presence")])
def test_the_trials_compensating_words_are_not_said(m, text, unsaid):
    # "bright, a bit more bass" for an EQ at 0.0 dB below 100 Hz; "a bit light, a bit more bass" for one cutting
    # 200 Hz by 2 dB; "a bit quiet" for an EQ whose level is unchanged (a new-user trial)
    said = m.describe_text(m.generate(text), language="en")
    assert said and unsaid not in said


def test_a_level_word_is_said_only_for_a_level_change_or_its_own_shape(m):
    d = m._describer(None, False, "en")
    for eq in _eqs(m):
        x = d.response(eq)
        for word, amount in d.amounts(eq).items():
            if word in ("quiet", "loud"):
                way = -1.0 if word == "quiet" else 1.0
                own = d.scores(eq)[d.terms.index(word)]
                assert abs(own) >= 0.98 or np.sign(amount) * way * x.mean() >= LEVEL_MOVE_DB, (word, amount)
    assert m.describe_text(m.generate("quiet"), language="en") == "quiet"  # its own shape still says it


@pytest.mark.parametrize("language", [None, "es"])
def test_every_words_phrase_still_reads_back_as_its_eq(m, language):
    # the round trip the phrase exists for: generate(describe_text(generate(w))) correlates >= 0.8 with generate(w)
    f = fit_grid()
    for word in m.terms:
        eq = m.generate(word)
        back = m.generate(m.describe_text(eq, language=language))
        assert np.corrcoef(eq.response_db(f, 48000.0), back.response_db(f, 48000.0))[0, 1] >= 0.8, word
