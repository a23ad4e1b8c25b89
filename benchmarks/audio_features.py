"""Audio features of EQ'd audio relative to the dry audio, and the MMD that compares their distributions.

Used by :mod:`benchmarks.audio_semantic` (after LLM2Fx, Doh et al. 2025): an EQ is judged by
what it does to a real recording, not by its parameters.

The feature vector (``FEATURE_NAMES``, ``F = 34`` values) describes the processed ("wet") audio
*relative to* the dry audio, so a flat EQ gives all zeros:

- ``band_db_<fc>`` (26): energy change in dB of each base-10 third-octave band, nominal centres
  50 Hz .. 16 kHz (IEC 61260-1: exact centres ``1000 * 10**(k/10)``, edges ``fc * 10**(+-1/20)``);
- ``level_db``: change of the total energy from 20 Hz to 20 kHz (or Nyquist), in dB;
- ``centroid_oct``: change of the spectral centroid (power-weighted mean frequency over the same
  range), in octaves: ``log2(wet / dry)``;
- ``rolloff85_oct``: change of the 85 % spectral roll-off (frequency below which 85 % of the
  energy lies, interpolated between bins), in octaves;
- ``tilt_db_per_oct``: change of the spectral tilt, the least-squares slope of band level in dB
  against log2 of the band centre over the 26 bands; a slope of differences is the difference of
  slopes, so this is the slope of the ``band_db_*`` values themselves;
- ``share_<region>_db`` (4): change in dB of each region's share of the total energy (low
  20-200 Hz, low-mid 200-800 Hz, mid 800 Hz-4 kHz, high 4 kHz-20 kHz), independent of level.

All spectra are Welch PSDs (Hann window, 50 % overlap, about ``RESOLUTION_HZ`` bins so the 50 Hz
band holds several bins) of the mono mix, without per-segment detrending so a linear filter stays
linear all the way.  Bands need the top edge of the 16 kHz band (17.96 kHz) below Nyquist, hence
``MIN_SAMPLE_RATE``.

The shortcut of :func:`features_for_eqs`: for a linear time-invariant filter ``H``, the output PSD
is ``|H(f)|^2`` times the input PSD (Wiener-Khinchin; exact for stationary signals).  On a
finite recording it also holds per Welch segment, up to (a) the window's leakage where ``|H|``
changes within the Hann main lobe (4 bins, about 11 Hz) and (b) the filter's start-up transient,
both small: the narrowest band eqmorph allows (Q 10) is still several bins wide above ~100 Hz and
rings for ``Q / (pi f)`` = 64 ms at 50 Hz, against 370 ms segments.  The features are then band
sums of ``|H|^2 * PSD``, so one dry PSD serves any number of EQs without filtering audio; a test
checks the shortcut against real filtering.

MMD: :func:`mmd_rbf` is the unbiased estimate of squared maximum mean discrepancy (Gretton et al.,
"A kernel two-sample test", JMLR 2012, eq. 3) with the Gaussian kernel
``k(a, b) = exp(-|a - b|^2 / (2 sigma^2))`` and, by default, ``sigma`` from the median heuristic
(median pairwise distance of the pooled samples, same paper, sec. 8).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import signal

from eqmorph.core import dsp
from eqmorph.core.ranges import N_BANDS
from eqmorph.errors import AudioError, ParameterError

RESOLUTION_HZ = 3.0  # Welch bin spacing to aim for: 4 bins in the 50 Hz third-octave band (44.7-56.2 Hz)
OVERLAP = 0.5  # Welch segment overlap, the usual choice for a Hann window
LOW_HZ = 20.0  # bottom of the analysed range
HIGH_HZ = 20000.0  # top of the analysed range (or Nyquist if lower)
ROLLOFF_FRACTION = 0.85  # roll-off point, as in librosa's default
EPS_FRACTION = 1e-12  # energy floor relative to the dry total, so silent bands give 0 dB, not NaN
EQ_CHUNK = 64  # EQs per response computation: bounds memory at ~64 x 5 x 7,400 bins x 8 B per array

THIRD_OCTAVE_CENTRES_HZ: np.ndarray = 1000.0 * 10.0 ** (np.arange(-13, 13) / 10.0)  # (26,) 50 Hz .. 16 kHz
_NOMINAL = ("50", "63", "80", "100", "125", "160", "200", "250", "315", "400", "500", "630", "800",
            "1k", "1k25", "1k6", "2k", "2k5", "3k15", "4k", "5k", "6k3", "8k", "10k", "12k5", "16k")
BAND_EDGES_HZ: np.ndarray = THIRD_OCTAVE_CENTRES_HZ[:, None] * 10.0 ** (np.array([-1.0, 1.0]) / 20.0)  # (26, 2)
REGIONS_HZ: dict[str, tuple[float, float]] = {
    "low": (20.0, 200.0),  # kick and bass fundamentals: "boomy", "full"
    "low_mid": (200.0, 800.0),  # body and "warmth" (and "mud" in excess)
    "mid": (800.0, 4000.0),  # presence and "honk"
    "high": (4000.0, 20000.0),  # "brightness", "air" and sibilance
}
MIN_SAMPLE_RATE = 2.0 * float(BAND_EDGES_HZ[-1, 1])  # 35.9 kHz: the 16 kHz band must lie below Nyquist

FEATURE_NAMES: tuple[str, ...] = (
    *(f"band_db_{n}" for n in _NOMINAL),
    "level_db",
    "centroid_oct",
    "rolloff85_oct",
    "tilt_db_per_oct",
    *(f"share_{r}_db" for r in REGIONS_HZ),
)
N_FEATURES = len(FEATURE_NAMES)


@dataclass(frozen=True)
class DrySpectrum:
    """Welch PSD of a dry signal's mono mix on the analysed bins; reused for every EQ.

    freqs_hz, psd: ``(K,)`` for the bins from ``LOW_HZ`` to ``min(HIGH_HZ, Nyquist)``.
    """

    freqs_hz: np.ndarray
    psd: np.ndarray
    sample_rate: float
    nperseg: int


def _check_rate(sample_rate: float) -> float:
    try:
        sr = float(sample_rate)
    except (TypeError, ValueError):
        sr = float("nan")
    if not (np.isfinite(sr) and MIN_SAMPLE_RATE <= sr <= 384000.0):
        raise ParameterError("sample_rate", sample_rate, f"{MIN_SAMPLE_RATE:.0f}..384000 Hz (bands reach 17.96 kHz)")
    return sr


def nperseg_for(sample_rate: float) -> int:
    """Welch segment length: the power of two giving bins of at most ``RESOLUTION_HZ``."""
    return int(2 ** np.ceil(np.log2(_check_rate(sample_rate) / RESOLUTION_HZ)))


def mono(samples: np.ndarray, name: str = "audio") -> np.ndarray:
    """Mono mix ``(frames,)`` of ``(frames,)`` or ``(frames, channels)`` float samples; checks them."""
    x = np.asarray(samples)
    if x.ndim not in (1, 2) or x.shape[0] == 0 or (x.ndim == 2 and x.shape[1] == 0):
        raise AudioError(f"{name} shape {x.shape} is not allowed: expected (frames,) or (frames, channels)")
    if not np.issubdtype(x.dtype, np.floating):
        raise AudioError(f"{name} dtype {x.dtype} is not allowed: expected float samples (full scale 1.0)")
    if not np.all(np.isfinite(x)):
        raise AudioError(f"{name} holds NaN or infinite samples: expected finite samples")
    return (x.mean(axis=1) if x.ndim == 2 else x).astype(np.float64)


def _welch(x: np.ndarray, sample_rate: float, nperseg: int) -> tuple[np.ndarray, np.ndarray]:
    return signal.welch(x, fs=sample_rate, window="hann", nperseg=nperseg, noverlap=int(nperseg * OVERLAP),
                        detrend=False, scaling="density")


def _analysed(freqs: np.ndarray, sample_rate: float) -> np.ndarray:
    return (freqs >= LOW_HZ) & (freqs <= min(HIGH_HZ, 0.5 * sample_rate))


def dry_spectrum(dry: np.ndarray, sample_rate: float) -> DrySpectrum:
    """Welch PSD of ``dry`` ``(frames,)`` or ``(frames, channels)`` (mono mix) for :func:`features_for_eqs`."""
    sr = _check_rate(sample_rate)
    x = mono(dry, "dry")
    n = nperseg_for(sr)
    if x.size < n:
        raise AudioError(f"dry audio has {x.size} frames: expected at least {n} ({n / sr:.2f} s) for the analysis")
    if not np.any(x):
        raise AudioError("dry audio is silent: relative spectral features are undefined")
    freqs, psd = _welch(x, sr, n)
    keep = _analysed(freqs, sr)
    return DrySpectrum(freqs[keep], psd[keep], sr, n)


def spectrum_features(freqs_hz: np.ndarray, dry_psd: np.ndarray, wet_psd: np.ndarray) -> np.ndarray:
    """Features of wet spectra relative to one dry spectrum.

    freqs_hz, dry_psd: ``(K,)``; wet_psd: ``(n, K)`` (or ``(K,)``) on the same bins.
    Returns ``(n, F)`` (or ``(F,)``) in the order of ``FEATURE_NAMES``.
    """
    f = np.asarray(freqs_hz, dtype=np.float64)
    dry = np.asarray(dry_psd, dtype=np.float64)
    wet = np.asarray(wet_psd, dtype=np.float64)
    single = wet.ndim == 1
    wet = np.atleast_2d(wet)
    if dry.shape != f.shape or wet.shape[1:] != f.shape:
        raise ParameterError("spectra shapes", (f.shape, dry.shape, wet.shape), "freqs (K,), dry (K,), wet (n, K)")
    eps = EPS_FRACTION * float(dry.sum())

    def change_db(mask: np.ndarray) -> np.ndarray:  # (n,)
        return 10.0 * np.log10((wet[:, mask].sum(1) + eps) / (dry[mask].sum() + eps))

    bands = np.stack([change_db((f >= lo) & (f < hi)) for lo, hi in BAND_EDGES_HZ], axis=1)  # (n, 26)
    level = change_db(np.ones_like(f, dtype=bool))
    centroid = np.log2(((wet * f).sum(1) / (wet.sum(1) + eps)) / ((dry * f).sum() / (dry.sum() + eps)))
    rolloff = np.log2(_rolloff(f, wet) / _rolloff(f, dry[None])[0])
    x = np.log2(THIRD_OCTAVE_CENTRES_HZ)
    xc = x - x.mean()
    tilt = bands @ xc / float(xc @ xc)  # least-squares slope in dB per octave, each row at once
    shares = np.stack([change_db((f >= lo) & (f < hi)) - level for lo, hi in REGIONS_HZ.values()], axis=1)
    out = np.column_stack([bands, level, centroid, rolloff, tilt, shares])
    return out[0] if single else out


def _rolloff(freqs: np.ndarray, psd: np.ndarray) -> np.ndarray:
    """Frequency ``(n,)`` below which ``ROLLOFF_FRACTION`` of each row's energy lies, linear between bins."""
    cum = np.cumsum(psd, axis=1)
    target = ROLLOFF_FRACTION * cum[:, -1:]
    k = np.clip((cum < target).sum(axis=1), 1, freqs.size - 1)  # first bin at or above the target
    rows = np.arange(psd.shape[0])
    lo, hi = cum[rows, k - 1], cum[rows, k]
    frac = np.clip((target[:, 0] - lo) / np.maximum(hi - lo, 1e-300), 0.0, 1.0)
    return freqs[k - 1] + frac * (freqs[k] - freqs[k - 1])


def features(dry: np.ndarray, wet: np.ndarray, sample_rate: float) -> np.ndarray:
    """Features ``(F,)`` of processed audio ``wet`` relative to ``dry``, both ``(frames[, channels])``.

    Both are mixed to mono and analysed with the same Welch settings; they must have equal length.
    """
    spec = dry_spectrum(dry, sample_rate)
    y = mono(wet, "wet")
    if y.size != mono(dry, "dry").size:
        raise AudioError(f"wet audio has {y.size} frames: expected as many as the dry audio")
    freqs, psd = _welch(y, spec.sample_rate, spec.nperseg)
    return spectrum_features(spec.freqs_hz, spec.psd, psd[_analysed(freqs, spec.sample_rate)])


def features_for_eqs(dry: np.ndarray | DrySpectrum, params: np.ndarray, sample_rate: float) -> np.ndarray:
    """Features ``(n, F)`` of ``dry`` through each EQ of ``params`` ``(n, 5, 3)``, without filtering audio.

    dry: audio ``(frames[, channels])`` or its :func:`dry_spectrum` (computed at ``sample_rate``).
    Each wet PSD is ``|H|^2`` (RBJ cookbook response, :func:`eqmorph.core.dsp.response_db_np`) times the
    dry PSD; see the module docstring for why that matches filtering.
    """
    spec = dry if isinstance(dry, DrySpectrum) else dry_spectrum(dry, sample_rate)
    if isinstance(dry, DrySpectrum) and _check_rate(sample_rate) != spec.sample_rate:
        raise ParameterError("sample_rate", sample_rate, f"the dry spectrum's rate, {spec.sample_rate:g} Hz")
    p = np.asarray(params, dtype=np.float64)
    if p.ndim != 3 or p.shape[1:] != (N_BANDS, 3) or p.shape[0] == 0:
        raise ParameterError("params.shape", p.shape, f"(n, {N_BANDS}, 3) with n >= 1")
    if not np.all(np.isfinite(p)) or np.any(p[..., 1:] <= 0):
        raise ParameterError("params", "non-finite or non-positive values", "finite gain_db, freq_hz > 0 and q > 0")
    out = np.empty((p.shape[0], N_FEATURES))
    for start in range(0, p.shape[0], EQ_CHUNK):
        chunk = p[start : start + EQ_CHUNK]
        power = 10.0 ** (dsp.response_db_np(chunk, spec.freqs_hz, spec.sample_rate) / 10.0)  # (m, K) |H|^2
        out[start : start + EQ_CHUNK] = spectrum_features(spec.freqs_hz, spec.psd, power * spec.psd)
    return out


# --- standardisation --------------------------------------------------------------------------
@dataclass(frozen=True)
class Standardizer:
    """z-scores fitted once on a reference set and then applied unchanged to everything compared.

    Refitting per compared set would erase exactly the shifts MMD is meant to see.
    mean, scale: ``(F,)``; a feature constant in the reference gets scale 1 (no division by 0).
    """

    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, reference: np.ndarray) -> Standardizer:
        """Fit on pooled reference features ``(n, F)``, n >= 2."""
        x = _check_matrix(reference, "reference", min_rows=2)
        mean, std = x.mean(axis=0), x.std(axis=0)
        scale = np.where(std > 1e-12 * np.maximum(1.0, np.abs(mean)), std, 1.0)
        mean.setflags(write=False)
        scale.setflags(write=False)
        return cls(mean, scale)

    def transform(self, x: np.ndarray) -> np.ndarray:
        """``(n, F)`` (or ``(F,)``) features -> z-scores of the same shape, with the fitted mean and scale."""
        arr = np.asarray(x, dtype=np.float64)
        if arr.shape[-1:] != self.mean.shape or arr.ndim > 2:
            raise ParameterError("features.shape", arr.shape, f"(n, {self.mean.size}) or ({self.mean.size},)")
        return (arr - self.mean) / self.scale


# --- MMD --------------------------------------------------------------------------------------
def _check_matrix(x: np.ndarray, name: str, min_rows: int = 1) -> np.ndarray:
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[0] < min_rows or arr.shape[1] < 1:
        raise ParameterError(f"{name}.shape", arr.shape, f"(n, F) with n >= {min_rows}")
    if not np.all(np.isfinite(arr)):
        raise ParameterError(name, "non-finite values", "finite numbers")
    return arr


def _sq_dists(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    d = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2.0 * a @ b.T
    return np.maximum(d, 0.0)  # rounding can leave -1e-15 for identical rows


def median_bandwidth(x: np.ndarray, max_points: int = 1000, seed: int = 0) -> float:
    """Median heuristic: median Euclidean distance between distinct rows of ``x`` ``(n, F)``.

    Above ``max_points`` rows a seeded random subset is used (the median barely moves, the cost is
    quadratic).  Returns 1.0 if all rows coincide.
    """
    arr = _check_matrix(x, "x")
    if arr.shape[0] > max_points:
        arr = arr[np.random.default_rng(seed).choice(arr.shape[0], max_points, replace=False)]
    d = np.sqrt(_sq_dists(arr, arr)[np.triu_indices(arr.shape[0], 1)])
    d = d[d > 0]
    return float(np.median(d)) if d.size else 1.0


def _mean_within(k: np.ndarray) -> float:
    """Mean of a kernel matrix without its diagonal; a single point is a point mass: k(x, x) = 1."""
    m = k.shape[0]
    return 1.0 if m == 1 else float((k.sum() - np.trace(k)) / (m * (m - 1)))


def mmd_rbf(x: np.ndarray, y: np.ndarray, bandwidth: float | None = None) -> float:
    """Unbiased estimate of MMD^2 between samples ``x`` ``(m, F)`` and ``y`` ``(n, F)``, Gaussian kernel.

    ``MMD^2 = E k(x, x') + E k(y, y') - 2 E k(x, y)``; the within-sample means skip the diagonal
    (Gretton et al. 2012, eq. 3), so the estimate can dip slightly below 0 when the distributions
    agree.  A sample of one row stands for a deterministic generator (a point mass), whose
    ``E k(x, x')`` is exactly ``k(x, x) = 1``: the estimate stays unbiased and comparable.
    bandwidth: kernel ``sigma`` in feature units; ``None`` uses :func:`median_bandwidth` of the
    pooled rows.  To compare several methods against one reference, pass one fixed bandwidth.
    """
    a, b = _check_matrix(x, "x"), _check_matrix(y, "y")
    if a.shape[1] != b.shape[1]:
        raise ParameterError("y.shape", b.shape, f"(n, {a.shape[1]}) like x")
    if bandwidth is None:
        sigma = median_bandwidth(np.vstack([a, b]))
    else:
        sigma = float(bandwidth)
        if not (np.isfinite(sigma) and sigma > 0):
            raise ParameterError("bandwidth", bandwidth, "a finite number > 0, or None for the median heuristic")
    g = -0.5 / sigma**2
    kxx, kyy, kxy = (np.exp(g * _sq_dists(p, q)) for p, q in ((a, a), (b, b), (a, b)))
    return _mean_within(kxx) + _mean_within(kyy) - 2.0 * float(kxy.mean())


__all__ = [
    "BAND_EDGES_HZ",
    "FEATURE_NAMES",
    "MIN_SAMPLE_RATE",
    "N_FEATURES",
    "REGIONS_HZ",
    "THIRD_OCTAVE_CENTRES_HZ",
    "DrySpectrum",
    "Standardizer",
    "dry_spectrum",
    "features",
    "features_for_eqs",
    "median_bandwidth",
    "mmd_rbf",
    "mono",
    "nperseg_for",
    "spectrum_features",
]
