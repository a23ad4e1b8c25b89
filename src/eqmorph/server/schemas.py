"""Request and response shapes of the web API, for validation and the OpenAPI schema.

Responses are rendered by :mod:`eqmorph.server.payload` (a hot path, so they are not
re-validated through these models); the models here document the same shapes.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from eqmorph.semantic.match_inputs import MIN_SECONDS
from eqmorph.server.bounds import INTENSITY, MAX_TEXT_CHARS

MAX_BLEND_WORDS = 64  # more words than anyone blends by hand
# Blend weights are relative (each is divided by their sum), so a bound costs nothing: 1e6 : 1 is already a
# blend of one word. Unbounded, weights such as 1e308 overflowed the sum to inf and gave another EQ silently.
MAX_BLEND_WEIGHT = 1e6

Word = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT_CHARS)]
# Strict: a JSON number only, as Morpher.blend takes numbers only. Lax, true counted as 1 and "0.5" as 0.5, so a
# client's bug (a checkbox's value, a field read as text) gave an EQ instead of an error.
Weight = Annotated[float, Field(ge=0.0, le=MAX_BLEND_WEIGHT, allow_inf_nan=False, strict=True,
                                description=f"relative weight, a number from 0 to {MAX_BLEND_WEIGHT:g}")]
Intensity = Annotated[float, Field(ge=INTENSITY.low, le=INTENSITY.high, allow_inf_nan=False, strict=True)]
Source = Annotated[str, StringConstraints(min_length=1, max_length=32)]


class BlendRequest(BaseModel):
    """``POST /api/blend`` body: ``{"weights": {"warm": 0.6, "bright": 0.4}, "intensity": 1, "source": "safe"}``
    (``intensity`` and ``source`` optional)."""

    model_config = ConfigDict(extra="forbid")

    weights: Annotated[dict[Word, Weight], Field(min_length=1, max_length=MAX_BLEND_WORDS)]
    intensity: Intensity = INTENSITY.default
    source: Source | None = Field(None, description="a crowd the model has (see /api/health sources); null: both")


# A 131,072-point FFT's bins, 0 Hz to Nyquist: the most the page sends (web/spectrum.js), which analyses a file as
# `eqmorph match` does (eqmorph.audio.spectrum: frames up to 2 s, 65,537 bins below 88.2 kHz; 32,769 at 44.1 and
# 48 kHz), so that a pair of files gets one match wherever it is measured. The body limit of /api/match
# (limits.MATCH_MAX_BODY_BYTES) fits two such spectra written as JSON numbers at full precision.
MAX_SPECTRUM_BINS = 65537


class SpectrumIn(BaseModel):
    """A recording's long-term average spectrum as the page measures it: as ``eqmorph match`` does
    (:mod:`eqmorph.audio.spectrum`: Welch, Tukey frames, channels summed, a one-sided density per Hz)."""

    model_config = ConfigDict(extra="forbid")

    sample_rate: Annotated[float, Field(ge=8000.0, le=384000.0, allow_inf_nan=False)]
    power_db: Annotated[list[Annotated[float, Field(ge=-400.0, le=400.0, allow_inf_nan=False)]],
                        Field(min_length=65, max_length=MAX_SPECTRUM_BINS,
                              description="power density in dB at bins evenly spaced from 0 Hz to sample_rate / 2")]
    seconds: Annotated[float, Field(ge=0.0, le=86400.0, allow_inf_nan=False,
                                    description=f"length of the recording measured; at least {MIN_SECONDS:g} s "
                                                "(shorter clips average too little)")]
    channels: Annotated[int, Field(ge=1, le=64)]
    rms_dbfs: Annotated[float | None, Field(le=20.0, allow_inf_nan=False,
                                            description="level of the whole recording; null: digital silence")]
    clipped_runs: Annotated[int, Field(ge=0)] = 0
    frames_averaged: Annotated[int | None, Field(ge=1, description=(
        "analysis frames averaged into power_db (what sets the match's estimation noise, "
        "eqmorph.audio.smoothing.smoothing_counts); null: half-overlapping frames of the spectrum's FFT length "
        "are assumed"))] = None
    bits: Annotated[int | None, Field(ge=8, le=32, description=(
        "bits of the integer samples the recording holds (16 for a 16-bit WAV), which set its quantisation noise "
        "floor, left out of a match as eqmorph match leaves it out; null: float or decoded audio"))] = None


class MatchRequest(BaseModel):
    """``POST /api/match``: the EQ that moves ``input``'s spectrum toward ``reference``'s."""

    model_config = ConfigDict(extra="forbid")

    input: SpectrumIn
    reference: SpectrumIn
    amount: Annotated[float, Field(ge=0.0, le=2.0, allow_inf_nan=False)] = 1.0


class WordOut(BaseModel):
    word: str
    count: int = Field(description="training examples behind the word")
    confidence: float = Field(description="0..1, how well the examples pin the word down")
    x: float = Field(description="word-map position in [-1, 1]")
    y: float = Field(description="word-map position in [-1, 1]")


class StudioTermOut(BaseModel):
    word: str = Field(description="the studio term's name, which a word parameter takes ('presence')")
    forms: list[str] = Field(description="every spelling that reads as it, English and Spanish, the name first")
    summary: str = Field(description="the EQ move it is defined as, e.g. '+6 dB bell at 5 kHz, Q 1.41 (3.5-7 kHz)'")


class LexiconTermOut(BaseModel):
    word: str = Field(description="a lexicon word read as the model's words ('cálido'), which a word parameter takes")
    means: list[str] = Field(description="the vocabulary words it reads as ('warm', 'caliente')")
    opposite: bool = Field(description="true when it reads as their opposite ('rough': less smooth)")


class WordsOut(BaseModel):
    total: int = Field(description="words matching the search (every word without one), before limit")
    vocabulary_size: int = Field(description="words the model knows")
    words: list[WordOut]
    interpretation: str | None = Field(None, description=(
        "when no word contains the search but it reads as a phrase or translation ('cálido', 'less muddy'): how it "
        "is understood, as /api/parse's summary, and words lists the words it stands for; else null"))
    studio_terms: list[StudioTermOut] = Field(default_factory=list, description=(
        "band words: studio terms defined as EQ moves ('presence', 'low cut', 'agudos'), which no crowd used and "
        "every word parameter takes; all of them without a search (or an empty one), else those with a form "
        "containing it ('pres': presence), in the table's order, as `eqmorph words --search` lists them; "
        "limit does not apply"))
    lexicon_terms: list[LexiconTermOut] = Field(default_factory=list, description=(
        "words of the lexicon (translations and synonyms: 'cálido', 'mud') read as the model's words; all of them "
        "without a search, else those holding it up to case and accents; alphabetical; limit does not apply"))


class BandOut(BaseModel):
    name: str = Field(description="low_shelf, peak1, peak2, peak3 or high_shelf")
    type: str = Field(description="low_shelf, peaking or high_shelf")
    gain_db: float
    freq_hz: float
    q: float


class CurveOut(BaseModel):
    sample_rate: float
    freqs_hz: list[float] = Field(description="log-spaced grid, 20 Hz to 20 kHz")
    db: list[float] = Field(description="magnitude response at freqs_hz, dB")


class EQOut(BaseModel):
    model_id: str
    words: list[str]
    alpha: float | None = None
    intensity: float
    source: str | None = Field(None, description="the crowd whose words made the EQ; null: both crowds")
    notes: list[str] = Field(default_factory=list, description=(
        "sentences to show with the words, e.g. \"safe never used 'claro'; using its EQ over both crowds\"; "
        "empty when there is nothing to say"))
    units: dict[str, str]
    bands: list[BandOut]
    vector: list[float] = Field(description="15 numbers: (gain_db, freq_hz, q) per band")
    response: CurveOut
    weights: dict[str, float] | None = None
    resolved: dict[str, list[tuple[str, float]]] | None = Field(
        None, description="open vocabulary only: the known words that stood in for an unknown one")


class SampleOut(BaseModel):
    word: str
    n: int
    temperature: float
    seed: int | None
    source: str | None = Field(None, description="the crowd whose variations these are; null: both crowds")
    eqs: list[EQOut]


class GridOut(BaseModel):
    n_points: int
    sample_rate: float
    low_hz: float
    high_hz: float


class HealthOut(BaseModel):
    status: str
    model_id: str
    words: int
    grid: GridOut
    max_intensity: float
    formats: list[str]
    sources: list[str] = Field(description="crowds with their own words (source=); empty: one combined vocabulary")


class BoundOut(BaseModel):
    low: float
    high: float
    default: float | None = Field(description="the value when the parameter is left out; null: required")
    step: float = Field(description="the page's slider step")
    description: str


class LimitsOut(BaseModel):
    alpha: BoundOut
    intensity: BoundOut
    text_chars: int = Field(description="longest word or phrase a request may carry")


class ScoredWord(BaseModel):
    word: str
    score: float = Field(description="-1..1: 1 is the word's own EQ, negative the opposite")


class DescribeOut(BaseModel):
    model_id: str
    words: list[str] = Field(description="the words the EQ was made from")
    alpha: float | None = None
    intensity: float
    source: str | None = Field(None, description="the crowd whose words made the EQ; null: both crowds")
    notes: list[str] = Field(default_factory=list, description=(
        "sentences to show with the words, e.g. \"safe never used 'claro'; using its EQ over both crowds\"; "
        "empty when there is nothing to say"))
    sounds_like: list[ScoredWord] = Field(description="the words the EQ sounds most like, best first")
    text: str = Field(description="a phrase for the EQ that the model reads back ('' when flat)")
    language: str = Field(description="the language of the words: en, es or any (language=; en by default)")


class MapPosition(BaseModel):
    x: float = Field(description="word-map position in [-1, 1], as /api/words gives a word's")
    y: float = Field(description="word-map position in [-1, 1]")


class ParsedWeight(BaseModel):
    word: str
    weight: float


class ParseOut(BaseModel):
    text: str
    summary: str = Field(description="the interpretation as one line, e.g. 'less muddy -> muddy x -1.0'")
    weights: list[ParsedWeight] = Field(description="known words and signed weights, largest first")
    intensity: float
    source: str | None
    ignored: list[str]
    notes: list[str]
    pieces: list[dict[str, Any]] = Field(description="each piece of the phrase and how it was understood")
    language: str | None = Field(description=(
        "en or es when every descriptor of the text is a word of that language (describe it back in it with "
        "/api/describe's language=); null when they mix languages or none can tell (band words)"))
    map: MapPosition = Field(description="where the text sits on the word map: a word at its dot, a phrase at "
                                         "the projection of its EQ's code")


class MatchOut(BaseModel):
    eq: EQOut = Field(description="the matched EQ: the full match with its gains scaled by amount (its intensity)")
    amount: float = Field(description="the share of the difference the EQ was fitted to, as requested")
    sounds_like: list[ScoredWord]
    text: str = Field(description="the matched EQ as a phrase, e.g. 'brighter, a bit less boomy'")
    language: str = Field(description="en: the phrase and words are English, as the comparison is")
    comparison: str = Field(description="what the match changes, as `eqmorph match` says it: "
                                        "'the reference is brighter (0.97) and less boomy (0.42)'")
    rms_db: float = Field(description="fit error of the returned EQ against amount times the smoothed target "
                                      "difference, dB RMS")
    full_rms_db: float = Field(description="fit error of the full match (amount 1) against the smoothed target "
                                           "difference, dB RMS: what the comparison describes, whatever the amount")
    warnings: list[str]
    exports: dict[str, str] = Field(description="the matched EQ as preset files: json, apo, csv")


class Suggestion(BaseModel):
    word: str
    count: int


class UnknownWordOut(BaseModel):
    error: str = "unknown_word"
    parameter: str
    word: str
    suggestions: list[Suggestion]
    detail: str


class InvalidParameterOut(BaseModel):
    error: str = "invalid_parameter"
    parameter: str
    value: str | None
    allowed: str
    detail: str


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    404: {"model": UnknownWordOut, "description": "unknown word, with known words spelled like it"},
    422: {"model": InvalidParameterOut, "description": "a parameter is missing, out of range or not a number"},
}
