"""The response fit: the 5-band EQ whose dB response is closest to a target curve.

Used to convert data (SocialFX curves, see :mod:`eqmorph.datasets.audealize`), to edit EQs with words,
to import presets of other layouts, and to match recordings.

The fit is a batched Levenberg-Marquardt least squares (Levenberg 1944, Marquardt 1963;
Nocedal & Wright, "Numerical Optimization", ch. 10) of the 5-band magnitude response in dB
to the rendered response on a log frequency grid, run for all curves at once in numpy.  It
works in model space (:func:`eqmorph.core.ranges.to_model_space`), where every parameter lies in
[-1, 1]; bounds are kept by clipping each step (a projected step).  Because band ``b``'s
response depends only on band ``b``'s parameters, perturbing parameter ``p`` of all five bands
at once yields five Jacobian columns from one evaluation: three evaluations give all fifteen.
Several starts (shelves from the curve's ends, peaks at the largest residual bumps, or at
fixed positions) run in turn and the best fit per curve is polished further.  A small ridge
penalty on the gains (Tikhonov regularisation) keeps the fit from pairing huge peaks that cancel,
which match the curve no better but would make poor training targets; ``rms_db`` reports the
response error alone.

A target measured through a power average (a match's smoothed spectra: each point the mean power over a band of the
input's spectrum, see :class:`eqmorph.core.power_average.PowerAverage`) is fitted through the same average: the
EQ's response is evaluated where the average looks, weighted as the input's power is and averaged in power, so an
EQ that a recording went through fits its smoothed difference exactly, where the raw response would answer a sharp
bell with a broader, other decomposition. The Jacobian is the weighted average of the per-point one (chain rule),
so the averaged fit keeps the three-evaluation Jacobian.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from eqmorph.core import dsp
from eqmorph.core.conventions import ANALYSIS_SAMPLE_RATE, AUDIBLE_HIGH_HZ, AUDIBLE_LOW_HZ
from eqmorph.core.eq import check_freqs_hz, check_sample_rate
from eqmorph.core.power_average import PowerAverage
from eqmorph.core.ranges import (
    DEFAULT_SHELF_Q,
    GAIN_DB,
    HIGH,
    LOW,
    N_BANDS,
    clip_to_ranges,
    from_model_space,
    to_model_space,
)
from eqmorph.core.threads import cores, even_slices, run_parallel, single_blas_thread
from eqmorph.errors import ParameterError

FIT_GRID_POINTS = 256
# Curves per thread at least: a dataset's fit (SocialFX: 1,276 curves) runs one chunk of rows per core, each row's
# result the same bits as in one batch (the LM's arithmetic is row by row); below this the threads' start-up and
# the smaller batches' per-call overhead would cost more than the second core gives.
PARALLEL_MIN_CURVES = 256
_GAIN_HALF_RANGE_DB = (GAIN_DB.high - GAIN_DB.low) / 2.0  # gain_db = this * model-space value


def fit_grid(n: int = FIT_GRID_POINTS) -> np.ndarray:
    """The frequency grid fits are measured on: ``n`` log-spaced points 20 Hz-20 kHz, shape ``(n,)``."""
    return dsp.log_freq_grid(n, AUDIBLE_LOW_HZ, AUDIBLE_HIGH_HZ)


@dataclass(frozen=True)
class FitConfig:
    """How hard :func:`fit_curves` tries; the defaults meet the SocialFX targets in benchmarks/fit_quality.py."""

    # Starts: (low-shelf Hz, high-shelf Hz, peak Q) for greedy starts that put peaks at the largest residual bumps.
    greedy_starts: tuple[tuple[float, float, float], ...] = (
        (150.0, 6000.0, 1.4),
        (80.0, 3000.0, 0.8),
        (300.0, 10000.0, 2.5),
        (50.0, 1500.0, 0.5),
        (500.0, 15000.0, 4.0),
    )
    # Peak frequencies (Hz) of one extra start with peaks at fixed positions (empty: none).
    fixed_peaks_hz: tuple[float, ...] = (200.0, 1000.0, 5000.0)
    iterations: int = 20  # LM iterations per start; most curves converge in about 15
    polish_iterations: int = 25  # further iterations on the best start of each curve
    fd_step: float = 1e-4  # forward-difference step in model space (about 0.01% of a range)
    initial_damping: float = 1e-2  # LM lambda, relative to the diagonal of J^T J
    # Ridge weight per dB of gain.  Without it a quarter of SocialFX fits pair wide +-20 dB peaks that
    # cancel (338 of 1,276 have a band beyond 15 dB); 0.3 leaves 61 (1 beyond 20 dB) for +0.01 dB median error.
    gain_penalty: float = 0.3
    tolerance: float = 1e-9  # a curve stops once an accepted step lowers its mean square error less than this
    # Fit up to a constant dB offset (residuals and rms_db lose their mean): for targets whose level is
    # arbitrary, such as a match between recordings; a 5-band EQ cannot add a constant itself.
    free_offset: bool = False
    # With free_offset: weight of the EQ's mean level (its response's mean dB over the grid) in the cost, per point,
    # as if it were one more residual of that size at every point. An offset-free target leaves the level to the
    # fit (a brighter target is a high-shelf boost or a low-shelf cut alike); a weight > 0 picks the level-neutral
    # EQ among those shapes. 0: the level is whatever the starts lead to.
    level_weight: float = 0.0
    # Narrower limits for one use (None: the range table's): the highest Q (10) and the largest |gain_db| (24)
    # any band may take. Not another range table: a match corrects tone, so its bands stay broad and moderate.
    max_q: float | None = None
    max_gain_db: float | None = None


@dataclass(frozen=True)
class FitResult:
    """Fitted EQs ``params (n, 5, 3)`` (physical units, inside the ranges) and their RMS error ``rms_db (n,)``."""

    params: np.ndarray
    rms_db: np.ndarray


def fit_curves(
    target_db: np.ndarray,
    freqs_hz: np.ndarray,
    sample_rate: float = ANALYSIS_SAMPLE_RATE,
    config: FitConfig | None = None,
    starts: np.ndarray | None = None,
    progress: Callable[[int, int], None] | None = None,
    level_db: np.ndarray | None = None,
    average: PowerAverage | None = None,
) -> FitResult:
    """Least-squares fit of a 5-band EQ's dB response to each target response.

    target_db: ``(n, F)`` responses in dB at ``freqs_hz (F,)``.  starts: optional ``(k, n, 5, 3)``
    physical EQs to start from as well (e.g. a guess the caller already has).  Returns params
    ``(n, 5, 3)`` in physical units, clipped into :mod:`eqmorph.core.ranges`, and the RMS error in dB
    over the grid ``(n,)``.  ``progress(done, total)`` is called after each start and the polish (for a bar).
    ``level_db`` ``(n,)``: with ``free_offset`` and a ``level_weight``, the mean level (dB over the grid) each EQ's
    response is pulled toward (default 0: the level-neutral EQ).  ``average``: the target was measured through this
    power average (``F`` rows), and the EQ's response is fitted through it too (the module docstring); ``rms_db`` is
    then the averaged response's error.
    """
    cfg = config or FitConfig()
    freqs = check_freqs(freqs_hz, sample_rate)
    target = np.asarray(target_db, dtype=np.float64)
    if target.ndim != 2 or target.shape[1] != len(freqs) or not np.all(np.isfinite(target)):
        raise ParameterError("target_db", f"array of shape {target.shape}", f"finite values of shape (n, {len(freqs)})")
    given = [] if starts is None else [_to_start(np.asarray(p, dtype=np.float64)) for p in starts]
    goal = np.zeros(len(target)) if level_db is None else np.asarray(level_db, dtype=np.float64)
    if goal.shape != (len(target),) or not np.all(np.isfinite(goal)):
        raise ParameterError("level_db", f"array of shape {goal.shape}", f"finite values of shape ({len(target)},)")
    if cfg.iterations < 1 or cfg.polish_iterations < 0 or not (cfg.greedy_starts or cfg.fixed_peaks_hz or given):
        raise ParameterError("config", cfg, "iterations >= 1, polish_iterations >= 0 and at least one start")
    n = len(target)
    if n == 0:
        return FitResult(np.zeros((0, N_BANDS, 3)), np.zeros(0))
    rate, chunks = float(sample_rate), _row_chunks(n)
    model = _Model(freqs, rate, _checked_average(average, len(freqs), rate))
    if len(chunks) == 1:
        return _fit_rows(target, model, cfg, given, progress, goal)
    # One BLAS thread: each chunk's products are small, and BLAS's own workers would spin on the cores the chunks use.
    # The first chunk (this thread's) reports the progress.
    with single_blas_thread():
        parts = run_parallel([partial(_fit_rows, target[rows], model, cfg, [g[rows] for g in given],
                                      progress if k == 0 else None, goal[rows]) for k, rows in enumerate(chunks)])
    return FitResult(np.concatenate([p.params for p in parts]), np.concatenate([p.rms_db for p in parts]))


def _row_chunks(n: int) -> list[slice]:
    """Rows fitted together: one chunk per core for ``PARALLEL_MIN_CURVES`` rows or more each, else all at once."""
    return even_slices(n, max(min(cores(), n // PARALLEL_MIN_CURVES), 1))


def _fit_rows(target: np.ndarray, model: _Model, cfg: FitConfig, given: list[np.ndarray],
              progress: Callable[[int, int], None] | None, level_db: np.ndarray) -> FitResult:
    """:func:`fit_curves` of checked targets ``(n, F)`` with model-space starts ``given`` (each ``(n, 5, 3)``) and
    level goals ``level_db`` ``(n,)``."""
    lower, upper = _bounds(cfg)
    given = [np.clip(x, lower + 1e-3, upper - 1e-3) for x in given]
    target = _centred(target, cfg.free_offset)  # so the starts' shelf gains do not carry the offset either
    starts = [_greedy_start(model, target, *s) for s in cfg.greedy_starts]
    if cfg.fixed_peaks_hz:
        starts.append(_fixed_start(model, target, cfg.fixed_peaks_hz))
    starts = [np.clip(x, lower + 1e-3, upper - 1e-3) for x in starts]
    stages = len(given) + len(starts) + (1 if cfg.polish_iterations else 0)
    best_x, best_cost = None, None
    for done, x0 in enumerate([*given, *starts], 1):
        x, cost = _levenberg_marquardt(model, x0, target, cfg.iterations, cfg, (lower, upper), level_db)
        if best_x is None:
            best_x, best_cost = x, cost
        else:
            better = cost < best_cost
            best_x[better], best_cost[better] = x[better], cost[better]
        if progress is not None:
            progress(done, stages)
    if cfg.polish_iterations:
        best_x, _ = _levenberg_marquardt(model, best_x, target, cfg.polish_iterations, cfg, (lower, upper), level_db)
        if progress is not None:
            progress(stages, stages)
    params = clip_to_ranges(from_model_space(np.clip(best_x, lower, upper)))
    # Measure with the project's reference response, not the fit's fast path.
    error = _centred(model.response(dsp.response_db(np, params, model.points_hz, model.sample_rate)) - target,
                     cfg.free_offset)
    rms_db = np.sqrt(np.mean(error**2, axis=1))
    return FitResult(params, rms_db)


# --- internals ---------------------------------------------------------------------------------


def check_freqs(freqs_hz: np.ndarray, sample_rate: float) -> np.ndarray:
    """A fit grid: :func:`eqmorph.core.eq.check_freqs_hz` (the one frequency check), and 1-D, not empty."""
    freqs = check_freqs_hz(freqs_hz, check_sample_rate(sample_rate))
    if freqs.ndim != 1 or len(freqs) == 0:
        raise ParameterError("freqs_hz", f"array of shape {freqs.shape}", "a 1-D grid of at least one frequency")
    return freqs


def _checked_average(average: PowerAverage | None, n_freqs: int, sample_rate: float) -> PowerAverage | None:
    """``average`` (its own shapes checked when made) for a grid of ``n_freqs``, its frequencies below Nyquist."""
    if average is None:
        return None
    if not isinstance(average, PowerAverage) or average.weights.shape[0] != n_freqs:
        raise ParameterError("average", type(average).__name__ if not isinstance(average, PowerAverage)
                             else f"weights for {average.weights.shape[0]} points",
                             f"a PowerAverage with one row per frequency of freqs_hz ({n_freqs})")
    check_freqs_hz(average.freqs_hz, sample_rate, "average.freqs_hz")
    return average


class _Model:
    """Per-band responses of model-space parameters where the fit evaluates them: ``(m, 5, 3)`` -> ``(m, 5, P)``,
    ``P`` the target grid's ``F`` points, or a power average's ``C`` (:meth:`response` maps either to ``(m, F)``)."""

    def __init__(self, freqs_hz: np.ndarray, sample_rate: float, average: PowerAverage | None = None) -> None:
        self.freqs_hz = freqs_hz
        self.sample_rate = sample_rate
        self.average = average
        self.points_hz = freqs_hz if average is None else average.freqs_hz
        self.basis = dsp.phi_basis(np, self.points_hz, sample_rate)

    def response(self, summed_db: np.ndarray) -> np.ndarray:
        """The response on the target grid ``(m, F)`` of summed band responses ``(m, P)``."""
        return summed_db if self.average is None else self.average.of(summed_db)

    def response_jacobian(self, summed_db: np.ndarray, jac: np.ndarray) -> np.ndarray:
        """The Jacobian ``(m, F, k)`` of :meth:`response` from the summed response's ``(m, P, k)``."""
        return jac if self.average is None else self.average.jacobian(summed_db, jac)

    def bands(self, x: np.ndarray) -> np.ndarray:
        return self.physical_bands(from_model_space(x))

    def physical_bands(self, params: np.ndarray) -> np.ndarray:
        return dsp.basis_band_response_db(np, params, self.basis, self.sample_rate)


def _bounds(cfg: FitConfig) -> tuple[np.ndarray, np.ndarray]:
    """Model-space bounds ``(5, 3)`` each: +-1 (the range table's ends), narrowed by ``max_q`` and ``max_gain_db``."""
    lower, upper = -np.ones((N_BANDS, 3)), np.ones((N_BANDS, 3))
    if cfg.max_q is not None:
        if not 0.0 < cfg.max_q:
            raise ParameterError("max_q", cfg.max_q, "a Q above 0, or None")
        q = np.tile(np.array([0.0, 1000.0, cfg.max_q]), (N_BANDS, 1))
        upper[:, 2] = np.maximum(to_model_space(clip_to_ranges(q))[:, 2], -0.99)
    if cfg.max_gain_db is not None:
        if not 0.0 < cfg.max_gain_db:
            raise ParameterError("max_gain_db", cfg.max_gain_db, "a gain above 0 dB, or None")
        upper[:, 0] = min(cfg.max_gain_db / _GAIN_HALF_RANGE_DB, 1.0)
        lower[:, 0] = -upper[:, 0]
    return lower, upper


def _end_gains_db(target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean of the lowest and highest sixteenth of the grid: where only the shelves act."""
    k = max(1, target.shape[1] // 16)
    return target[:, :k].mean(axis=1), target[:, -k:].mean(axis=1)


def _to_start(params: np.ndarray) -> np.ndarray:
    # Start strictly inside the bounds so the first Jacobian sees both directions.
    margin = 1e-3 * (HIGH - LOW)
    return np.clip(to_model_space(np.clip(params, LOW + margin, HIGH - margin)), -0.999, 0.999)


def _shelves(target: np.ndarray, low_shelf_hz: float, high_shelf_hz: float) -> np.ndarray:
    n = len(target)
    params = np.zeros((n, N_BANDS, 3))
    low_db, high_db = _end_gains_db(target)
    params[:, 0] = np.stack([low_db, np.full(n, low_shelf_hz), np.full(n, DEFAULT_SHELF_Q)], axis=1)
    params[:, 4] = np.stack([high_db, np.full(n, high_shelf_hz), np.full(n, DEFAULT_SHELF_Q)], axis=1)
    params[:, 1:4, 1], params[:, 1:4, 2] = 1000.0, 1.0
    return params


def _greedy_start(
    model: _Model, target: np.ndarray, low_shelf_hz: float, high_shelf_hz: float, peak_q: float
) -> np.ndarray:
    """Shelves at the curve's ends, then each peak on the largest remaining residual bump."""
    params = _shelves(target, low_shelf_hz, high_shelf_hz)
    rows = np.arange(len(target))
    for band in (1, 2, 3):
        residual = target - model.response(model.physical_bands(params).sum(axis=1))
        at = np.argmax(np.abs(residual), axis=1)
        params[:, band] = np.stack([residual[rows, at], model.freqs_hz[at], np.full(len(target), peak_q)], axis=1)
    return _to_start(params)


def _fixed_start(model: _Model, target: np.ndarray, peaks_hz: tuple[float, ...]) -> np.ndarray:
    """Shelves at 100 Hz / 8 kHz and peaks at fixed frequencies, gains read off the residual there."""
    params = _shelves(target, 100.0, 8000.0)
    residual = target - model.response(model.physical_bands(params).sum(axis=1))
    for band, freq_hz in zip((1, 2, 3), peaks_hz):
        at = int(np.argmin(np.abs(model.freqs_hz - freq_hz)))
        params[:, band] = np.stack([residual[:, at], np.full(len(target), freq_hz), np.ones(len(target))], axis=1)
    return _to_start(params)


def _centred(values: np.ndarray, free_offset: bool) -> np.ndarray:
    """``values`` ``(n, F, ...)`` minus their mean over frequencies (axis 1) when the fit ignores a constant offset."""
    return values - values.mean(axis=1, keepdims=True) if free_offset else values


def _levenberg_marquardt(
    model: _Model, x0: np.ndarray, target: np.ndarray, iterations: int, cfg: FitConfig,
    bounds: tuple[np.ndarray, np.ndarray], level_db: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Batched projected LM in model space.

    x0: ``(n, 5, 3)``; bounds: model-space ``(lower, upper)``, ``(5, 3)`` each (:func:`_bounds`, made once per fit);
    level_db ``(n,)``: the level term's goals; returns x ``(n, 5, 3)`` and the objective ``(n,)``: mean square error
    plus gain ridge (plus the level term).
    """
    x = np.array(x0, dtype=np.float64, copy=True)
    n, n_freqs = target.shape
    lower, upper = bounds
    # Ridge on gains: cost = (|r|^2 + sum_b (w g_b)^2) / F, and g_b = GAIN_HALF_RANGE * x_b in model space.
    ridge = (cfg.gain_penalty * _GAIN_HALF_RANGE_DB) ** 2
    gain_idx = np.arange(0, 3 * N_BANDS, 3)

    # The level term (FitConfig.level_weight): level_weight * F * (mean(response) - level_db)^2, one more residual row.
    level_w = cfg.level_weight * n_freqs if cfg.free_offset else 0.0

    def objective(xx: np.ndarray, rr: np.ndarray, level: np.ndarray | None) -> np.ndarray:
        cost = np.sum(rr**2, axis=1) + ridge * np.sum(xx[..., 0] ** 2, axis=1)
        return (cost if level is None else cost + level_w * level**2) / n_freqs

    def levels(response: np.ndarray, rows: np.ndarray | slice) -> np.ndarray | None:
        # The EQ's mean level over the grid (the offset the centred residual leaves out), from its goal.
        return response.mean(axis=1) - level_db[rows] if level_w else None

    bands = model.bands(x)
    response = model.response(bands.sum(axis=1))
    residual = _centred(response - target, cfg.free_offset)
    level = levels(response, slice(None))
    cost = objective(x, residual, level)
    damping = np.full(n, cfg.initial_damping)
    active = np.arange(n)
    eye = np.eye(3 * N_BANDS)
    for _ in range(iterations):
        if len(active) == 0:
            break
        xa, ba, ra = x[active], bands[active], residual[active]
        # Bands are independent, so one shifted copy per parameter kind moves all five bands' at once, and
        # the three copies are evaluated as one batch (one call's overhead instead of three).
        shifted = np.repeat(xa[None], 3, axis=0)
        for p in range(3):
            shifted[p, ..., p] += cfg.fd_step
        moved = model.bands(shifted.reshape(-1, N_BANDS, 3)).reshape(3, len(active), *ba.shape[1:])
        jac = np.moveaxis((moved - ba[None]) / cfg.fd_step, 0, -1)  # (n, 5, P, 3)
        jac = np.swapaxes(jac, 1, 2).reshape(len(active), ba.shape[2], 3 * N_BANDS)
        jac = model.response_jacobian(ba.sum(axis=1), jac)  # (n, F, 15)
        level_jac = jac.mean(axis=1) if level_w else None  # (n, 15): how each parameter moves the mean level
        jac = _centred(jac, cfg.free_offset)
        jt = np.swapaxes(jac, 1, 2)
        jtj = jt @ jac
        grad = (jt @ ra[..., None])[..., 0]
        if level_jac is not None:
            jtj += level_w * level_jac[:, :, None] * level_jac[:, None, :]
            grad += level_w * level_jac * level[active, None]
        jtj[:, gain_idx, gain_idx] += ridge
        grad[:, gain_idx] += ridge * xa[..., 0]
        diag = np.diagonal(jtj, axis1=1, axis2=2)
        lhs = jtj + (damping[active, None] * (diag + 1e-9))[..., None] * eye
        step = -np.linalg.solve(lhs, grad[..., None])[..., 0]
        x_new = np.clip(xa + step.reshape(-1, N_BANDS, 3), lower, upper)
        b_new = model.bands(x_new)
        response_new = model.response(b_new.sum(axis=1))
        r_new = _centred(response_new - target[active], cfg.free_offset)
        l_new = levels(response_new, active)
        c_new = objective(x_new, r_new, l_new)
        accept = c_new < cost[active]
        done = (accept & (cost[active] - c_new < cfg.tolerance)) | (damping[active] > 1e8) | (c_new < 1e-20)
        took = active[accept]
        x[took], bands[took], residual[took], cost[took] = x_new[accept], b_new[accept], r_new[accept], c_new[accept]
        if level is not None and l_new is not None:
            level[took] = l_new[accept]
        damping[active] = np.where(accept, damping[active] / 3.0, damping[active] * 4.0)
        active = active[~done]
    return x, cost
