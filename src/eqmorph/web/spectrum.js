// eqmorph page: the long-term average spectrum of a recording, as eqmorph.audio.spectrum measures it for
// `eqmorph match` (Welch: frames of the largest power of two not longer than two seconds nor than a third of the
// recording, a Tukey window flat over its middle half, frames overlapping by one taper, power averaged over the
// frames and summed over the channels, a density per Hz), so that the page and the command line match a pair of
// files alike. Fed block by block so that a long file never has to be in memory at once. No DOM: the match worker
// (match-worker.js) runs it off the page's main thread.

export const MAX_SECONDS = 600; // analyse at most the first ten minutes: a long-term average settles well before
const CLIP_LEVEL = 0.999; // as eqmorph.audio.spectrum: a sample at full scale
const CLIP_RUN = 3; // this many equal full-scale samples in a row count as one clipped (flattened) peak
const MIN_RATE = 8000; // the sample rates /api/match takes (eqmorph.server.schemas.SpectrumIn)
const MAX_RATE = 384000;
const LOW_RATE = 44100; // at twice this and above, only the bins below a quarter of the rate or less are sent (plan)
// As eqmorph.audio.spectrum: MAX_FRAME_SECONDS, MIN_FRAMES_PER_RECORDING, MIN_FRAME_SAMPLES, TAPER_FRACTION.
const MAX_FRAME_SECONDS = 2;
const MIN_FRAMES = 3;
const MIN_FRAME_SAMPLES = 256;
const TAPER_FRACTION = 0.5;
const MIN_BINS = 65; // the fewest bins /api/match takes (eqmorph.server.schemas.SpectrumIn)

// What /api/match refuses (eqmorph.semantic.match): a recording shorter than this, or no louder than SILENCE_DBFS.
export const MIN_MATCH_SECONDS = 0.5;
export const SILENCE_DBFS = -100;

// A recording's length for a sentence under a second, as the server says it (eqmorph.server.service._seconds_text):
// rounded down, so that 0.4999 s is never "0.5 s" beside "at least 0.5 s" (the 1e-9 keeps 0.29 s from reading as
// 0.28 s through 0.29 * 100 = 28.999...).
export function shortLengthText(seconds) {
  if (seconds >= 0.01) return `${Math.floor(seconds * 100 + 1e-9) / 100} s`;
  return `${Math.floor(seconds * 1e5 + 1e-9) / 100} ms`;
}

// NaN or infinite samples, said as `eqmorph match` says them (eqmorph.audio.filtering.non_finite_message): how many
// and where the first is, for the Match and Listen cards alike to end with why they refuse them. Counted in samples
// the browser's decoder resampled (decodedAt), the frame is not the file's: then its time alone says where.
export function nonFiniteText({ count, frame, channel, seconds, decodedAt }) {
  const many = `${count} NaN or infinite sample${count === 1 ? "" : "s"}`;
  const where = decodedAt ? `channel ${channel}` : `frame ${frame}, channel ${channel}`;
  return `holds ${many}${decodedAt ? ` once decoded at ${decodedAt} Hz` : ""}, the first at ${seconds.toFixed(3)} s `
    + `(${where})`;
}

// The NaN or infinite samples of channel c's samples x, which start at frame `offset`, added to those `seen` before
// ({count, frame, channel}, or null): how many, and the first (by frame, then channel), as `eqmorph match` reports
// them (eqmorph.audio.filtering.non_finite_report); null while there are none.
export function countNonFinite(x, c, offset = 0, seen = null) {
  let found = seen;
  for (let i = 0; i < x.length; i += 1) {
    if (Number.isFinite(x[i])) continue;
    found = found || { count: 0, frame: Infinity, channel: c };
    if (offset + i < found.frame) Object.assign(found, { frame: offset + i, channel: c });
    found.count += 1;
  }
  return found;
}

// Whether /api/match takes a spectrum measured at this rate: then a file is analysed at its own rate, as
// `eqmorph match` does (spectra are densities per Hz, so two rates compare directly).
export const takesRate = (rate) => rate >= MIN_RATE && rate <= MAX_RATE;

// Samples per frame, as eqmorph.audio.spectrum.frame_length: the largest power of two not longer than two seconds,
// nor than a third of the recording's `frames` samples (but at least MIN_FRAME_SAMPLES).
export function frameLength(sampleRate, frames) {
  const longest = Math.min(MAX_FRAME_SECONDS * sampleRate, Math.max(frames / MIN_FRAMES, MIN_FRAME_SAMPLES));
  return 2 ** Math.floor(Math.log2(longest));
}

// Samples in each of the Tukey window's two cosine tapers (eqmorph.audio.spectrum.taper_length), and the rising
// taper, sampled at half-sample offsets so that two frames' tapers add up to one (tukey_window).
export const taperLength = (n) => Math.round((TAPER_FRACTION * n) / 2);
export const tukeyRamp = (m) => Float64Array.from({ length: m }, (_, i) => 0.5 - 0.5 * Math.cos((Math.PI * (i + 0.5)) / m));

// The frame length, and the rate and bins the spectrum is sent at, for a recording of `frames` samples (per
// channel, those analysed) at `sampleRate`. The frame is the library's (frameLength). At 88.2 kHz and above, only
// its bins up to a quarter, an eighth or a sixteenth of the rate are sent, as a spectrum at half, a quarter or an
// eighth of the rate (what it holds above 22-24 kHz is not heard, and the match looks at 20 Hz-20 kHz): a spectrum
// has at most 65,537 bins (eqmorph.server.schemas.MAX_SPECTRUM_BINS), the most a 2-second frame gives below 88.2 kHz.
export function plan(sampleRate, frames) {
  const n = frameLength(sampleRate, frames);
  let shift = 0;
  while (sampleRate / 2 ** (shift + 1) >= LOW_RATE && n / 2 ** (shift + 2) + 1 >= MIN_BINS) shift += 1;
  return { n, rate: sampleRate / 2 ** shift, bins: n / 2 ** (shift + 1) + 1 };
}

// In-place iterative FFT of length n (a power of two), with its tables computed once: after the bit
// reversal, two radix-2 stages at a time (sizes s and 2s in one pass over the data, as one radix-4 stage),
// and a last radix-2 stage when log2(n) is odd. Half the loads and stores of one pass per stage: this
// transform is most of a long file's analysis (8192 points: 1.1 ms a transform before, 0.67 ms now).
export function makeFft(n) {
  const bits = Math.round(Math.log2(n));
  const rev = new Uint32Array(n);
  for (let i = 1; i < n; i += 1) rev[i] = (rev[i >> 1] >> 1) | ((i & 1) << (bits - 1));
  const cos = new Float64Array(n / 2);
  const sin = new Float64Array(n / 2);
  for (let i = 0; i < n / 2; i += 1) {
    cos[i] = Math.cos((-2 * Math.PI * i) / n);
    sin[i] = Math.sin((-2 * Math.PI * i) / n);
  }
  return (re, im) => {
    for (let i = 0; i < n; i += 1) {
      const j = rev[i];
      if (i < j) {
        let t = re[i]; re[i] = re[j]; re[j] = t;
        t = im[i]; im[i] = im[j]; im[j] = t;
      }
    }
    let s = 2;
    for (; 2 * s <= n; s *= 4) {
      const h = s >> 1;
      const step1 = n / s; // twiddle W_s^k is W_n^(k n / s)
      const step2 = step1 >> 1; // W_2s^k
      for (let start = 0; start < n; start += 2 * s) {
        for (let k = 0; k < h; k += 1) {
          const i0 = start + k;
          const i1 = i0 + h;
          const i2 = i0 + s;
          const i3 = i1 + s;
          const w1r = cos[k * step1];
          const w1i = sin[k * step1];
          const w2r = cos[k * step2];
          const w2i = sin[k * step2];
          const x0r = re[i0];
          const x0i = im[i0];
          const x2r = re[i2];
          const x2i = im[i2];
          const t1r = re[i1] * w1r - im[i1] * w1i;
          const t1i = re[i1] * w1i + im[i1] * w1r;
          const t3r = re[i3] * w1r - im[i3] * w1i;
          const t3i = re[i3] * w1i + im[i3] * w1r;
          const y0r = x0r + t1r;
          const y0i = x0i + t1i;
          const y1r = x0r - t1r;
          const y1i = x0i - t1i;
          const y2r = x2r + t3r;
          const y2i = x2i + t3i;
          const y3r = x2r - t3r;
          const y3i = x2i - t3i;
          const ur = y2r * w2r - y2i * w2i;
          const ui = y2r * w2i + y2i * w2r;
          // y3's twiddle is W_2s^(k + s/2) = -i W_2s^k, and (a + ib)(-i) = b - ia
          const vr = y3r * w2i + y3i * w2r;
          const vi = -(y3r * w2r - y3i * w2i);
          re[i0] = y0r + ur; im[i0] = y0i + ui;
          re[i2] = y0r - ur; im[i2] = y0i - ui;
          re[i1] = y1r + vr; im[i1] = y1i + vi;
          re[i3] = y1r - vr; im[i3] = y1i - vi;
        }
      }
    }
    if (s <= n) {
      const half = s >> 1;
      const step = n / s;
      for (let start = 0; start < n; start += s) {
        for (let k = 0, t = 0; k < half; k += 1, t += step) {
          const wr = cos[t];
          const wi = sin[t];
          const a = start + k;
          const b = a + half;
          const tr = re[b] * wr - im[b] * wi;
          const ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr;
          im[b] = im[a] - ti;
          re[a] += tr;
          im[a] += ti;
        }
      }
    }
  };
}

// The Welch spectrum of `channels` channels at `sampleRate`, of which `frames` samples per channel will be
// given to add(), as eqmorph.audio.spectrum.SpectrumAccumulator measures it: Tukey frames of n samples (frameLength)
// every n - taper samples, as `for (start = 0; start + n <= frames; start += hop)` (the samples after the last
// whole frame are not analysed), or one zero-padded frame for a recording shorter than a frame (how short is too
// short is the library's to say, through /api/match, in the words of `eqmorph match`).
export class Welch {
  constructor(sampleRate, channels, frames) {
    Object.assign(this, plan(sampleRate, frames));
    this.sampleRate = sampleRate;
    this.channels = channels;
    const n = this.n;
    this.taper = taperLength(n);
    this.hop = n - this.taper;
    this.ramp = tukeyRamp(this.taper);
    this.norm = sampleRate * (n - 2 * this.taper + 2 * this.ramp.reduce((s, w) => s + w * w, 0));
    this.fft = makeFft(n);
    this.power = new Float64Array(this.bins);
    this.re = new Float64Array(n);
    this.im = new Float64Array(n);
    this.held = false; // a windowed frame in re, waiting for a second one to share its transform
    // Per channel: the frame being filled (its first `fill` samples), and the clip run at the end of the last block.
    this.buf = Array.from({ length: channels }, () => new Float32Array(n));
    this.fill = 0;
    this.run = new Int32Array(channels);
    this.last = new Float32Array(channels).fill(NaN); // each channel's previous sample: a flat top repeats it
    this.frames = 0; // samples per channel added
    this.count = 0; // frames per channel transformed
    this.sumSq = 0;
    this.clipped = 0;
    this.nonFinite = null; // {count, frame, channel}: NaN or infinite samples, which /api/match cannot be sent
  }

  // One block: an array of channels, each a Float32Array of the same length.
  add(block) {
    const length = block[0].length;
    for (let c = 0; c < this.channels; c += 1) {
      const x = block[c];
      let run = this.run[c];
      let last = this.last[c];
      let sumSq = 0;
      for (let i = 0; i < length; i += 1) {
        const v = x[i];
        sumSq += v * v;
        // float audio merely past 1.0 is not flattened: only equal full-scale samples count
        if (Math.abs(v) < CLIP_LEVEL) run = 0;
        else run = v === last ? run + 1 : 1;
        last = v;
        if (run === CLIP_RUN) this.clipped += 1;
      }
      this.run[c] = run;
      this.last[c] = last;
      this.sumSq += sumSq;
      // The sum of squares is NaN or infinite exactly when a sample is (as in eqmorph.audio.spectrum): the samples
      // are looked at again only then.
      if (!Number.isFinite(sumSq)) this.nonFinite = countNonFinite(x, c, this.frames, this.nonFinite);
    }
    const { n, hop } = this;
    for (let i = 0; i < length;) {
      const take = Math.min(n - this.fill, length - i);
      for (let c = 0; c < this.channels; c += 1) this.buf[c].set(block[c].subarray(i, i + take), this.fill);
      this.fill += take;
      i += take;
      if (this.fill === n) {
        for (let c = 0; c < this.channels; c += 1) this.frame(this.buf[c], n);
        this.count += 1;
        // The next frame starts `hop` samples later: its first taper is this frame's last.
        for (let c = 0; c < this.channels; c += 1) this.buf[c].copyWithin(0, hop, n);
        this.fill = n - hop;
      }
    }
    this.frames += length;
  }

  // A windowed frame: `length` samples of x, zeros after them. The window is 1 between its tapers.
  frame(x, length) {
    const { n, taper: m, ramp } = this;
    const into = this.held ? this.im : this.re;
    for (let i = 0; i < n; i += 1) into[i] = i < length ? x[i] : 0;
    for (let i = 0; i < m; i += 1) {
      into[i] *= ramp[i];
      into[n - 1 - i] *= ramp[i];
    }
    if (this.held) this.transform();
    else this.held = true;
  }

  // Two real frames in one complex transform (re, im): at bin k the sum of their powers is
  // (|Z[k]|^2 + |Z[n - k]|^2) / 2, and |Z[k]|^2 at 0 and n / 2.
  transform() {
    const { n, re, im, power } = this;
    this.fft(re, im);
    for (let k = 0; k < power.length; k += 1) {
      const m = k === 0 || k === n / 2 ? k : n - k;
      const p = re[k] * re[k] + im[k] * im[k];
      power[k] += k === m ? p : (p + re[m] * re[m] + im[m] * im[m]) / 2;
    }
    this.held = false;
  }

  // What /api/match takes (eqmorph.server.schemas.SpectrumIn).
  result() {
    if (this.count === 0) {
      // Shorter than a frame: one zero-padded frame of what there is (the first `fill` samples of buf).
      for (let c = 0; c < this.channels; c += 1) this.frame(this.buf[c], this.fill);
      this.count = 1;
    }
    if (this.held) {
      this.im.fill(0);
      this.transform();
    }
    const meanSq = this.frames ? this.sumSq / (this.frames * this.channels) : 0;
    const scale = this.count * this.norm;
    const half = this.n / 2;
    // Density per Hz of a one-sided spectrum, doubled except at 0 Hz and the recording's Nyquist.
    const density = (p, k) => ((k === 0 || k === half ? 1 : 2) * p) / scale;
    return {
      sample_rate: this.rate,
      power_db: Array.from(this.power, (p, k) => Math.round(100 * Math.log10(Math.max(density(p, k), 1e-30))) / 10),
      frames_averaged: this.count,
      seconds: this.frames / this.sampleRate,
      channels: this.channels,
      rms_dbfs: meanSq > 0 ? 10 * Math.log10(meanSq) : null,
      clipped_runs: this.clipped,
    };
  }
}
