"""Request and response shapes of the web API, for validation and the OpenAPI schema.

Responses are rendered by :mod:`eqmorph.server.payload` (a hot path, so they are not
re-validated through these models); the models here document the same shapes.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from eqmorph.semantic.morph import MAX_INTENSITY

MAX_WORD_CHARS = 64  # the longest SocialFX/SAFE descriptor is far shorter; caps the cost of suggestions
MAX_BLEND_WORDS = 64  # more words than anyone blends by hand

Word = Annotated[str, StringConstraints(min_length=1, max_length=MAX_WORD_CHARS)]
Weight = Annotated[float, Field(ge=0.0, allow_inf_nan=False)]
Intensity = Annotated[float, Field(ge=-MAX_INTENSITY, le=MAX_INTENSITY, allow_inf_nan=False)]


class BlendRequest(BaseModel):
    """``POST /api/blend`` body: ``{"weights": {"warm": 0.6, "bright": 0.4}, "intensity": 1}``."""

    model_config = ConfigDict(extra="forbid")

    weights: Annotated[dict[Word, Weight], Field(min_length=1, max_length=MAX_BLEND_WORDS)]
    intensity: Intensity = 1.0


class WordOut(BaseModel):
    word: str
    count: int = Field(description="training examples behind the word")
    confidence: float = Field(description="0..1, how well the examples pin the word down")
    x: float = Field(description="word-map position in [-1, 1]")
    y: float = Field(description="word-map position in [-1, 1]")


class WordsOut(BaseModel):
    total: int = Field(description="words the model knows")
    words: list[WordOut]


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
