// eqmorph page: the audio preview's filter coefficients, the server's (eqmorph.core.dsp), so that what the preview
// plays is what the plot draws and the exports hold.

const NYQUIST_FRACTION = 0.49; // as eqmorph.core.dsp: keeps w0 away from pi, where a biquad degenerates

// RBJ cookbook biquad, as eqmorph.core.dsp._rbj: [feedforward b0..b2, feedback 1, a1, a2], normalised by a0.
export function rbjCoefficients(type, gainDb, freqHz, q, sampleRate) {
  const f = Math.min(Math.max(freqHz, 1e-3), NYQUIST_FRACTION * sampleRate);
  const a = 10 ** (gainDb / 40);
  const w0 = (2 * Math.PI * f) / sampleRate;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  let b;
  let d;
  if (type === "peaking") {
    b = [1 + alpha * a, -2 * cos, 1 - alpha * a];
    d = [1 + alpha / a, -2 * cos, 1 - alpha / a];
  } else {
    const s = 2 * Math.sqrt(a) * alpha;
    const ap1 = a + 1;
    const am1 = a - 1;
    if (type === "low_shelf") {
      b = [a * (ap1 - am1 * cos + s), 2 * a * (am1 - ap1 * cos), a * (ap1 - am1 * cos - s)];
      d = [ap1 + am1 * cos + s, -2 * (am1 + ap1 * cos), ap1 + am1 * cos - s];
    } else {
      b = [a * (ap1 + am1 * cos + s), -2 * a * (am1 + ap1 * cos), a * (ap1 + am1 * cos - s)];
      d = [ap1 - am1 * cos + s, 2 * (am1 - ap1 * cos), ap1 - am1 * cos - s];
    }
  }
  return { feedforward: b.map((x) => x / d[0]), feedback: d.map((x) => x / d[0]) };
}
