"""Long-term average spectrum of a recording, accumulated block by block (its smoothing: ``audio/smoothing.py``).

The spectrum is Welch's averaged periodogram (P. Welch, "The use of fast Fourier transform for the
estimation of power spectra", 1967): windowed, overlapping frames, their power spectra averaged
over every frame and summed over the channels (so a stereo file counts both sides, and
anti-phase content is not lost as it would be in a mono downmix). Frames run across block
boundaries, so feeding a signal in blocks of any size gives the same spectrum as one call, and
memory stays at one block plus one frame whatever the length of the file.

The frame is the largest power of two not longer than two seconds (65,536 samples at 44.1 and
48 kHz: 0.67-0.73 Hz bins), so the 20 Hz end of the audible band is resolved, nor than a third of
the recording when its length is known, so a short clip still spans a few frames and its end is
not lost (samples after the last whole frame are not analysed); a clip shorter than one frame is
analysed as one zero-padded frame. The window is a Tukey (tapered cosine) window,
flat over its middle half, with frames overlapping by one taper (a quarter frame): the windows of
neighbouring frames add up to one (as Hann frames at 50% overlap do), so every sample counts, and
each sample is transformed 1.33 times instead of twice. The FFT is most of the analysis time, so
that is a third less work. The price is higher near sidelobes (-60 dB ten bins away, Hann -71 dB),
which the twice longer frame pays back in Hz: strong bass lines leaked less into the bands beside
them than with the 32,768-sample Hann frames used before, and on the shared clips the smoothed
spectrum lies closer to a dense low-leakage reference (benchmarks/match_describe.py measures it).

Frames are cast to float32, windowed (only the tapers: the middle is 1), transformed and squared
in float32 (only the per-block sums are float64): its rounding floor lies about 140 dB below the
signal, far under any level an EQ match looks at, and it makes the analysis about three times
faster than float64. For the same reason files are decoded to float32, float32 arrays are
analysed without a copy, and float64 arrays are cast to float32 a slice at a time before any pass
over them. The transform is ``scipy.fftpack.rfft`` in place, in its
half-complex layout: the same pocketfft transform as ``scipy.fft.rfft`` (the spectra are the same
bits), but it allocates nothing. ``scipy.fft.rfft`` returned a new 4 MB complex array per batch,
and its fresh pages were most of a match's 3,000-10,000 page faults; in place is also a quarter
faster (16 frames of 65,536: 2.1 against 2.8 ms). ``scipy.fftpack`` is SciPy's legacy interface,
kept and tested upstream; ``scipy.fft`` has no in-place real transform.

Spectra are densities per Hz, so recordings at different sample rates compare directly in Hz
with no resampling: each is analysed at its own rate and both are read at the same frequencies.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace

import numpy as np
from scipy import fftpack  # at import, not in the first match: it takes a few tenths of a second to load

from eqmorph.audio.filtering import check_audio_shape, check_sample_rate, non_finite_message, non_finite_report
from eqmorph.errors import AudioError, ParameterError

# Frame length cap: 65,536 samples at 44.1/48 kHz (0.67-0.73 Hz bins), so a resonant shelf near 25 Hz is
# resolved (half-second frames blurred one by 3-4 dB in benchmarks/match_describe.py).
MAX_FRAME_SECONDS = 2.0
TAPER_FRACTION = 0.5  # the Tukey window's two cosine tapers together span half the frame; frames overlap by one
MIN_FRAMES_PER_RECORDING = 3  # frames are at most a third of a recording of known length (see the module docstring)
# float64 audio is cast to float32 this many frames' length at a time (8 MB per stereo slice at 65,536; 4 and 8
# were 1-5 ms slower per stereo minute, 32 no faster).
CAST_FRAMES_PER_FFT = 16
FRAMES_PER_BATCH = 16  # frames transformed at once: few calls, yet the temporaries (4 MB each at 65,536) stay in cache
# Frames read from a file at a time: with one frame per block, carrying the unfinished frame from block to
# block cost about 110 instead of 65 ms per stereo minute; 4 frames are 6 s, 4 MB of stereo float64.
FRAMES_PER_FILE_BLOCK = 4
MIN_FRAME_SAMPLES = 256  # shortest frame, for very short recordings (a 0.5 s clip gets 4,096 at 44.1 kHz)
CLIP_LEVEL = 0.999  # |sample| at or above this counts as full scale
CLIP_RUN = 3  # this many equal full-scale samples in a row on one channel is a flattened (clipped) peak
# Bits of the integer sample formats (libsndfile subtypes) whose quantisation noise floor is known (Spectrum.bits)
INTEGER_BITS = {"PCM_S8": 8, "PCM_U8": 8, "PCM_16": 16, "PCM_24": 24, "PCM_32": 32}


def frame_length(sample_rate: float, total_frames: int | None = None) -> int:
    """Samples per analysis frame: the largest power of two not longer than ``MAX_FRAME_SECONDS``, nor
    (when the recording's length ``total_frames`` is known) than ``1 / MIN_FRAMES_PER_RECORDING`` of it."""
    longest = MAX_FRAME_SECONDS * check_sample_rate(sample_rate)
    if total_frames is not None:
        if isinstance(total_frames, bool) or not isinstance(total_frames, int | np.integer) or total_frames < 1:
            raise ParameterError("total_frames", total_frames, "an integer >= 1 (samples per channel), or None")
        longest = min(longest, max(total_frames / MIN_FRAMES_PER_RECORDING, MIN_FRAME_SAMPLES))
    return 2 ** int(math.floor(math.log2(longest)))


@dataclass(frozen=True)
class Spectrum:
    """A long-term average spectrum and what was seen while computing it.

    freqs_hz ``(B,)`` and power ``(B,)``: power density per Hz at each FFT bin (full scale 1.0).
    """

    freqs_hz: np.ndarray
    power: np.ndarray
    sample_rate: float
    frames: int  # samples per channel analysed
    channels: int
    rms_dbfs: float  # level of the whole signal, all channels together (-inf for digital silence)
    clipped_runs: int  # places where CLIP_RUN or more equal samples in a row sit at full scale
    # Analysis frames averaged (None: not known, e.g. an /api/match client's that did not say; see frames_averaged).
    n_frames: int | None = None
    # Bits of the integer samples it was read from (a 16-bit WAV or FLAC: 16), None for float or lossy audio and
    # arrays: what sets the quantisation noise floor (noise_floor).
    bits: int | None = None

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate

    @property
    def noise_floor(self) -> float:
        """Power density per Hz (as ``power``, summed over the channels) of the quantisation noise of ``bits``-bit
        samples, 0.0 when not known: an LSB of ``2 ** (1 - bits)`` full scale, noise power ``LSB**2 / 12`` per channel
        (B. Widrow, "Statistical analysis of amplitude-quantized sampled-data systems", 1961) spread evenly over 0 Hz
        to Nyquist. A quiet 16-bit recording holds only this noise where its music has nothing."""
        if self.bits is None:
            return 0.0
        return self.channels * (2.0 ** (1 - self.bits)) ** 2 / 12.0 / (self.sample_rate / 2.0)

    @property
    def frames_averaged(self) -> int:
        """Periodograms averaged into ``power``: ``n_frames``, or for a spectrum of unknown analysis the count
        of half-overlapping frames of its FFT length in its length (Welch's usual layout)."""
        if self.n_frames is not None:
            return max(int(self.n_frames), 1)
        n_fft = 2 * (len(self.freqs_hz) - 1)
        return max(int(2 * self.frames // max(n_fft, 1)) - 1, 1)


class SpectrumAccumulator:
    """Welch spectrum fed block by block: ``update`` with ``(frames, channels)`` blocks, then ``result``.

    ``total_frames``: the recording's length in samples per channel, when known (it caps the frame
    length, see :func:`frame_length`); the spectrum of a recording fed in any blocks is the same.
    """

    def __init__(self, sample_rate: float, channels: int, total_frames: int | None = None) -> None:
        self.sample_rate = check_sample_rate(sample_rate)
        if isinstance(channels, bool) or not isinstance(channels, int | np.integer) or channels < 1:
            raise ParameterError("channels", channels, "an integer >= 1")
        self.channels = int(channels)
        self.n_fft = frame_length(self.sample_rate, total_frames)
        self._window = tukey_window(self.n_fft).astype(np.float32)
        self._batch = np.empty((FRAMES_PER_BATCH, self.n_fft), dtype=np.float32)  # frames being transformed
        self._squares = np.empty(self.n_fft, dtype=np.float32)  # their squared transforms summed over frames
        self._taper = taper_length(self.n_fft)
        self.hop = self.n_fft - self._taper
        self._tail = np.zeros((0, self.channels), dtype=np.float32)
        self._power = np.zeros(self.n_fft // 2 + 1)
        self._n_frames = 0
        self._sum_sq = 0.0
        self._clipped_runs = 0
        self.frames = 0

    def update(self, block: np.ndarray) -> None:
        """Add ``block`` ``(frames, channels)`` (float32 or float64 samples) to the spectrum.

        :class:`AudioError` if a sample is NaN or infinite (nothing of the block is added then).
        """
        x = np.asarray(block)
        if x.ndim != 2 or x.shape[1] != self.channels:
            raise AudioError(f"audio block of shape {x.shape} is not allowed: expected (frames, {self.channels})")
        if x.shape[0] == 0:
            return
        if x.dtype != np.float32:
            # Cast in slices: every pass after it (sum of squares, clipping, frame copies) reads half the bytes, and
            # memory grows by one slice, not by half the block. A float64 minute took 49-62 ms against 27 ms.
            step = CAST_FRAMES_PER_FFT * self.n_fft
            for start in range(0, x.shape[0], step):
                part = x[start:start + step]
                with np.errstate(over="ignore"):  # a sample beyond float32's range is refused by _update, by value
                    narrow = part.astype(np.float32)
                self._update(narrow, part)
            return
        self._update(x, x)

    def _update(self, x: np.ndarray, given: np.ndarray) -> None:
        """:meth:`update` with ``x`` ``(frames, channels)`` float32, cast from ``given`` (errors report its values)."""
        # The sum of squares is NaN or infinite when a sample is: the finiteness check costs no extra pass.
        # A BLAS dot product in the samples' own precision: for float32 blocks about ten times faster than
        # a float64 einsum (which converts every sample), and its relative error (about 1e-5) is 0.0001 dB.
        flat = x.ravel(order="K")
        with np.errstate(over="ignore"):  # squares past the float range: refused below, with the samples' values
            sum_sq = float(np.dot(flat, flat))
        if not math.isfinite(sum_sq):
            bad = non_finite_report(given, self.frames)
            if bad is None:  # finite samples whose squares (or float32 cast) overflow: nothing a recording holds
                raise AudioError(f"audio samples reach {float(np.abs(given).max()):.3g}: expected full scale 1.0")
            raise AudioError(non_finite_message(*bad, self.sample_rate))
        self.frames += x.shape[0]
        self._sum_sq += sum_sq
        self._clipped_runs += _clipped_runs(x)
        # Frames are transformed in float32 anyway; a float32 carry keeps float32 blocks from being widened.
        buf = np.concatenate([self._tail, x], dtype=np.float32) if len(self._tail) else x
        n_frames = (len(buf) - self.n_fft) // self.hop + 1 if len(buf) >= self.n_fft else 0
        self._transform(buf, n_frames)
        self._tail = buf[n_frames * self.hop :].copy()

    def _transform(self, buf: np.ndarray, n_frames: int) -> None:
        """Add the power spectra of the first ``n_frames`` frames of ``buf`` ``(samples, channels)``."""
        if not n_frames:
            return
        m = self._taper
        for c in range(self.channels):
            frames = np.lib.stride_tricks.sliding_window_view(buf[:, c], self.n_fft)[:: self.hop][:n_frames]
            for start in range(0, n_frames, FRAMES_PER_BATCH):
                # The window is 1 between its tapers, so only they are multiplied; the complex result is
                # viewed as (re, im) pairs so |X|^2 summed over frames is one float32 product.
                batch = frames[start : start + FRAMES_PER_BATCH]
                windowed = self._batch[: len(batch)]
                np.copyto(windowed, batch, casting="same_kind")  # into one reused buffer: no new pages per batch
                windowed[:, :m] *= self._window[:m]
                windowed[:, self.n_fft - m :] *= self._window[self.n_fft - m :]
                # In place, in fftpack's half-complex layout: DC, (re, im) of bins 1 .. n/2 - 1, Nyquist.
                packed = fftpack.rfft(windowed, axis=-1, overwrite_x=True)
                squares = np.einsum("ij,ij->j", packed, packed, out=self._squares)
                self._power[0] += squares[0]
                self._power[1:-1] += squares[1:-1:2]
                self._power[1:-1] += squares[2:-1:2]
                self._power[-1] += squares[-1]
        self._n_frames += n_frames

    def result(self) -> Spectrum:
        """The spectrum of everything fed so far; :class:`AudioError` if nothing was.

        A clip shorter than one frame is analysed as one zero-padded frame: coarser, but a level-free
        comparison of two such clips still holds.
        """
        if self.frames == 0:
            raise AudioError("audio has 0 frames: expected at least one sample")
        if self._n_frames == 0:
            padded = np.zeros((self.n_fft, self.channels))
            padded[: len(self._tail)] = self._tail
            self._transform(padded, 1)
        # Density per Hz of a one-sided spectrum: |X|^2 / (fs * sum(w^2)), doubled except at DC and Nyquist.
        scale = 1.0 / (self.sample_rate * float(np.sum(self._window.astype(np.float64) ** 2)) * self._n_frames)
        power = self._power * scale
        power[1:-1] *= 2.0
        freqs = np.fft.rfftfreq(self.n_fft, 1.0 / self.sample_rate)
        mean_sq = self._sum_sq / max(self.frames * self.channels, 1)
        rms_dbfs = 10.0 * math.log10(mean_sq) if mean_sq > 0 else -math.inf
        return Spectrum(freqs, power, self.sample_rate, self.frames, self.channels, rms_dbfs, self._clipped_runs,
                        n_frames=self._n_frames)


def taper_length(n_fft: int) -> int:
    """Samples in each of the window's two cosine tapers (``TAPER_FRACTION`` of the frame between them)."""
    return int(round(TAPER_FRACTION * n_fft / 2))


def tukey_window(n_fft: int) -> np.ndarray:
    """Tukey window ``(n_fft,)``: cosine tapers of :func:`taper_length` samples around a flat middle.

    The taper is sampled at half-sample offsets, so a frame's falling taper and the next frame's
    rising taper (frames ``n_fft - taper_length`` apart) add up to exactly one.
    """
    m = taper_length(n_fft)
    ramp = 0.5 - 0.5 * np.cos(np.pi * (np.arange(m) + 0.5) / m)
    window = np.ones(n_fft)
    window[:m], window[n_fft - m :] = ramp, ramp[::-1]
    return window


def _clipped_runs(x: np.ndarray) -> int:
    """Runs of ``CLIP_RUN`` equal full-scale samples in ``x`` ``(frames, channels)`` (runs across blocks are
    missed)."""
    if len(x) < CLIP_RUN or (x.max() < CLIP_LEVEL and x.min() > -CLIP_LEVEL):
        return 0  # the usual case, found in two passes without a temporary array
    # a flattened peak: full-scale samples that are also equal, so float audio merely past 1.0 (a float bounce
    # above 0 dBFS, a loud smooth wave) is not called clipped (a new-user trial, 2026-12-04)
    full = np.abs(x) >= CLIP_LEVEL
    flat = full[:-1] & (x[1:] == x[:-1])  # sample i and the next one are one full-scale level
    run = flat[: len(x) - CLIP_RUN + 1].copy()
    for k in range(1, CLIP_RUN - 1):
        run &= flat[k : len(x) - CLIP_RUN + 1 + k]
    starts = run & ~np.vstack([np.zeros((1, x.shape[1]), dtype=bool), run[:-1]])
    return int(np.count_nonzero(starts))


def audio_spectrum(samples: np.ndarray, sample_rate: float) -> Spectrum:
    """Spectrum of audio ``(frames,)`` or ``(frames, channels)``; :class:`AudioError` for NaN/Inf or bad shapes.

    float32 audio is analysed as it is, without a copy; float64 audio is cast to float32 a slice at a time.
    """
    x = check_audio_shape(samples, sample_rate)
    acc = SpectrumAccumulator(sample_rate, x.shape[1], x.shape[0])
    acc.update(x)
    return acc.result()


def file_spectrum(path: str | os.PathLike[str], block_frames: int | None = None) -> Spectrum:
    """Spectrum of an audio file, read in blocks so memory stays bounded whatever its length.

    ``block_frames`` defaults to ``FRAMES_PER_FILE_BLOCK`` analysis frames' worth (and at least
    :data:`eqmorph.audio.files.BLOCK_FRAMES`).
    """
    from eqmorph.audio.files import BLOCK_FRAMES, iter_blocks, read_info

    info = read_info(path)
    acc = SpectrumAccumulator(info.sample_rate, info.channels, info.frames or None)
    # float32 reads: half the memory traffic of float64, and the frames are transformed in float32 anyway.
    blocks = iter_blocks(path, block_frames or max(BLOCK_FRAMES, FRAMES_PER_FILE_BLOCK * acc.n_fft), dtype="float32")
    for block in blocks:
        acc.update(block)
    return replace(acc.result(), bits=INTEGER_BITS.get(info.subtype))


__all__ = [
    "CLIP_LEVEL",
    "Spectrum",
    "SpectrumAccumulator",
    "audio_spectrum",
    "file_spectrum",
    "frame_length",
    "taper_length",
    "tukey_window",
]
