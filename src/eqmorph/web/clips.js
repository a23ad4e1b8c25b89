// eqmorph page: the synthesised example clips of the audio preview (drum and chord loop, pink noise).

// Deterministic noise so the example clips are the same on every load.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pink noise with Paul Kellet's "refined" filter (musicdsp.org, "Filter to make pink noise from white").
export function makePink(ctx, seconds = 4) {
  const n = Math.round(ctx.sampleRate * seconds);
  const buffer = ctx.createBuffer(1, n, ctx.sampleRate);
  const out = buffer.getChannelData(0);
  const rand = mulberry32(1);
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  for (let i = 0; i < n; i += 1) {
    const white = rand() * 2 - 1;
    b0 = 0.99886 * b0 + white * 0.0555179;
    b1 = 0.99332 * b1 + white * 0.0750759;
    b2 = 0.969 * b2 + white * 0.153852;
    b3 = 0.8665 * b3 + white * 0.3104856;
    b4 = 0.55 * b4 + white * 0.5329522;
    b5 = -0.7616 * b5 - white * 0.016898;
    out[i] = (b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362) * 0.08;
    b6 = white * 0.115926;
  }
  const fade = Math.round(ctx.sampleRate * 0.01); // 10 ms ramps so the loop point does not click
  for (let i = 0; i < fade; i += 1) {
    out[i] *= i / fade;
    out[n - 1 - i] *= i / fade;
  }
  return buffer;
}

// Two bars at 100 BPM: kick, snare, hi-hats and a sawtooth chord per bar (Am7, Fmaj7): lows, mids and highs.
export function makeDrums(ctx) {
  const sr = ctx.sampleRate;
  const beat = 0.6;
  const n = Math.round(sr * beat * 8);
  const buffer = ctx.createBuffer(1, n, sr);
  const out = buffer.getChannelData(0);
  const rand = mulberry32(7);
  const add = (start, seconds, fn) => {
    const i0 = Math.round(start * sr);
    const len = Math.min(Math.round(seconds * sr), n - i0);
    for (let i = 0; i < len; i += 1) out[i0 + i] += fn(i / sr);
  };
  for (let k = 0; k < 8; k += 1) {
    const t0 = k * beat;
    if (k % 2 === 0) {
      let phase = 0;
      add(t0, 0.45, (t) => {
        phase += (2 * Math.PI * (45 + 90 * Math.exp(-t * 30))) / sr;
        return 0.9 * Math.sin(phase) * Math.exp(-t * 7);
      });
    } else {
      add(t0, 0.25, (t) => (rand() * 2 - 1) * 0.45 * Math.exp(-t * 20) + 0.35 * Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t * 25));
    }
    for (const half of [0, 0.5]) {
      let last = 0;
      add(t0 + half * beat, 0.06, (t) => {
        const white = rand() * 2 - 1;
        const hp = white - last; // first difference: a crude high-pass that leaves mostly the top octaves
        last = white;
        return 0.18 * hp * Math.exp(-t * 70);
      });
    }
  }
  const chords = [[110, 164.81, 196, 261.63], [87.31, 130.81, 164.81, 220]];
  chords.forEach((notes, bar) => {
    const length = beat * 4;
    const phases = notes.map(() => 0);
    let smooth = 0;
    add(bar * length, length, (t) => {
      let s = 0;
      notes.forEach((f, j) => {
        phases[j] = (phases[j] + f / sr) % 1;
        s += 2 * phases[j] - 1;
      });
      smooth += 0.35 * (s - smooth); // one-pole low-pass: softens the naive sawtooth's aliasing
      const env = Math.min(1, t / 0.03, (length - t) / 0.05);
      return 0.06 * smooth * env;
    });
  });
  let peak = 0;
  for (let i = 0; i < n; i += 1) peak = Math.max(peak, Math.abs(out[i]));
  for (let i = 0; i < n; i += 1) out[i] *= 0.5 / peak;
  return buffer;
}
