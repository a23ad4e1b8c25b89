// eqmorph page: the long-term average spectrum of a recording, as eqmorph.audio.spectrum defines it (Welch:
// Hann frames, half overlap, power averaged over the frames and summed over the channels, a density per Hz),
// fed block by block so that a long file never has to be in memory at once. No DOM: the match worker
// (match-worker.js) runs it off the page's main thread.

export const N_FFT = 8192; // 5.4-5.9 Hz bins at 44.1-48 kHz; the 4097 bins of two spectra fit the server's body limit
export const MAX_SECONDS = 600; // analyse at most the first ten minutes: a long-term average settles well before
const CLIP_LEVEL = 0.999; // as eqmorph.audio.spectrum: a sample at full scale
const CLIP_RUN = 3; // this many equal full-scale samples in a row count as one clipped (flattened) peak
const MIN_RATE = 8000; // the sample rates /api/match takes (eqmorph.server.schemas.SpectrumIn)
const MAX_RATE = 384000;
const LOW_RATE = 44100; // above twice this, frames are longer, so the bins stay this fine (see plan)
const MIN_FRAMES = 3; // as eqmorph.audio.spectrum: longer frames only where the recording holds this many

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

// The frame length and the rate the spectrum is sent at, for a recording of `frames` samples (per channel,
// those analysed) at `sampleRate`. At 88.2 kHz and above a frame of N_FFT samples would give coarse bins
// (11.7 Hz at 96 kHz), so the frame is 2, 4 or 8 times longer and only its bins up to a quarter, an eighth
// or a sixteenth of the rate are sent, as a spectrum at half, a quarter or an eighth of the rate (what it
// holds above 22-24 kHz is not heard and not matched). A recording too short for three such frames is
// analysed at its own rate: the server judges (and names in its refusal) its length in its own samples.
export function plan(sampleRate, frames) {
  let shift = 0;
  while (sampleRate / 2 ** (shift + 1) >= LOW_RATE) shift += 1;
  if (shift && frames < MIN_FRAMES * N_FFT * 2 ** shift) shift = 0;
  return { n: N_FFT * 2 ** shift, rate: sampleRate / 2 ** shift, bins: N_FFT / 2 + 1 };
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
// given to add(): frames of n samples every n / 2, as `for (start = 0; start + n <= frames; start += n / 2)`,
// or one zero-padded frame for a recording shorter than a frame (how short is too short is the library's to
// say, through /api/match, in the words of `eqmorph match`).
export class Welch {
  constructor(sampleRate, channels, frames) {
    Object.assign(this, plan(sampleRate, frames));
    this.sampleRate = sampleRate;
    this.channels = channels;
    const n = this.n;
    this.window = Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
    this.norm = sampleRate * this.window.reduce((s, w) => s + w * w, 0);
    this.fft = makeFft(n);
    this.power = new Float64Array(this.bins);
    this.re = new Float64Array(n);
    this.im = new Float64Array(n);
    this.held = false; // a windowed frame in re, waiting for a second one to share its transform
    // Per channel: the last full half frame, the half being filled, and the clip run at the end of the last block.
    this.prev = Array.from({ length: channels }, () => new Float32Array(n / 2));
    this.cur = Array.from({ length: channels }, () => new Float32Array(n / 2));
    this.fill = 0;
    this.halves = 0; // complete halves per channel so far
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
    const half = this.n / 2;
    for (let i = 0; i < length;) {
      const take = Math.min(half - this.fill, length - i);
      for (let c = 0; c < this.channels; c += 1) this.cur[c].set(block[c].subarray(i, i + take), this.fill);
      this.fill += take;
      i += take;
      if (this.fill === half) {
        this.halves += 1;
        if (this.halves >= 2) {
          for (let c = 0; c < this.channels; c += 1) this.frame(this.prev[c], this.cur[c], half);
          this.count += 1;
        }
        [this.prev, this.cur] = [this.cur, this.prev];
        this.fill = 0;
      }
    }
    this.frames += length;
  }

  // A windowed frame: its first half from `first`, then `rest` samples of `second`, zeros after them.
  frame(first, second, rest) {
    const n = this.n;
    const half = n / 2;
    const into = this.held ? this.im : this.re;
    const w = this.window;
    for (let i = 0; i < half; i += 1) into[i] = first[i] * w[i];
    for (let i = 0; i < half; i += 1) into[half + i] = i < rest ? second[i] * w[half + i] : 0;
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
      // Shorter than a frame: one zero-padded frame of what there is.
      // Before the first half is full, cur holds its samples and zeros after them (it is written up to fill
      // only); after it, prev is that half and cur the part of the second.
      const zeros = new Float32Array(this.n / 2);
      for (let c = 0; c < this.channels; c += 1) {
        if (this.halves === 0) this.frame(this.cur[c], zeros, 0);
        else this.frame(this.prev[c], this.cur[c], this.fill);
      }
      this.count = 1;
    }
    if (this.held) {
      this.im.fill(0);
      this.transform();
    }
    const meanSq = this.frames ? this.sumSq / (this.frames * this.channels) : 0;
    const scale = this.count * this.norm;
    return {
      sample_rate: this.rate,
      power_db: Array.from(this.power, (p) => Math.round(100 * Math.log10(Math.max(p / scale, 1e-30))) / 10),
      seconds: this.frames / this.sampleRate,
      channels: this.channels,
      rms_dbfs: meanSq > 0 ? 10 * Math.log10(meanSq) : null,
      clipped_runs: this.clipped,
    };
  }
}
