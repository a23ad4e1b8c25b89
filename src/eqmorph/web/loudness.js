// eqmorph page: the Listen card's level-matched A/B. An EQ changes a recording's loudness by how much it lifts or
// cuts where that recording has its power: 10 log10( sum_f P(f) |H(f)|^2 / sum_f P(f) ), P the recording's long-term
// power spectrum, H the EQ's response. Left in the comparison, that change decides the A/B ("louder sounds better":
// warm on a piano was 2.3 dB louder than its bypass), so the bypass path is set to the EQ path's loudness.
// The spectrum is the match's Welch spectrum (spectrum.js, run in match-worker.js), measured once per source; each EQ
// change then costs a weighted sum over the response's grid (128 points), cheap enough to follow the morph slider.
import { MAX_SECONDS } from "./spectrum.js";

// A source's spectrum, by its AudioBuffer: {status: "analysing"} while the worker measures it, then {status: "known",
// spectrum} or {status: "unknown"} if it could not be measured; weights: the last grid's (gridWeights), by its key.
const spectra = new WeakMap();

// The power of spectrum `spectrum` (/api/match's shape: sample_rate and power_db, a density on bins from 0 Hz to the
// rate's Nyquist) gathered onto the grid `freqsHz` (ascending, log-spaced): each bin's power is shared between the two
// grid points around it, linearly in log frequency, so that a sum of weights times |H|^2 on the grid is the sum over
// the bins of P times |H|^2 interpolated between grid points. Only bins within the grid's range count: the grid is
// the audible band, and a DC offset or ultrasonic noise adds nothing one hears.
export function gridWeights(spectrum, freqsHz) {
  const n = freqsHz.length;
  const weights = new Float64Array(n);
  const bins = spectrum.power_db.length;
  const step = spectrum.sample_rate / (2 * (bins - 1));
  const logs = freqsHz.map((f) => Math.log(f));
  let i = 0;
  for (let k = Math.ceil(freqsHz[0] / step); k < bins; k += 1) {
    const f = k * step;
    if (f > freqsHz[n - 1]) break;
    const p = 10 ** (spectrum.power_db[k] / 10);
    while (i < n - 2 && f > freqsHz[i + 1]) i += 1;
    const t = n === 1 ? 0 : Math.min(1, Math.max(0, (Math.log(f) - logs[i]) / (logs[i + 1] - logs[i])));
    weights[i] += p * (1 - t);
    if (n > 1) weights[i + 1] += p * t;
  }
  return weights;
}

// The loudness change in dB an EQ whose response is `db` (on the grid of `weights`) makes on the recording whose
// power `weights` holds; null for a recording with no power in the audible band (nothing to match).
export function loudnessChangeDb(weights, db) {
  let total = 0;
  let heard = 0;
  for (let i = 0; i < weights.length; i += 1) {
    total += weights[i];
    heard += weights[i] * 10 ** (db[i] / 10);
  }
  return total > 0 ? 10 * Math.log10(heard / total) : null;
}

// The spectrum of `buffer` (an AudioBuffer: a clip or the user's file, as decoded for the preview), measured once in
// the match's worker; `onReady` is called when a measurement this call started ends.
function spectrumOf(buffer, onReady) {
  const known = spectra.get(buffer);
  if (known) return known;
  const entry = { status: "analysing" };
  spectra.set(buffer, entry);
  let worker;
  try {
    worker = new Worker(new URL("./match-worker.js", import.meta.url), { type: "module" });
  } catch {
    entry.status = "unknown";
    return entry;
  }
  const done = (status, spectrum = null) => {
    if (entry.status !== "analysing") return; // an error event after the result
    worker.terminate();
    Object.assign(entry, { status: spectrum && spectrum.rms_dbfs !== null ? status : "unknown", spectrum });
    onReady();
  };
  worker.onmessage = ({ data }) => {
    if (data.type === "result") done(data.nonFinite ? "unknown" : "known", data.spectrum);
    else if (data.type === "error") done("unknown");
  };
  worker.onerror = () => done("unknown");
  // Copies of the samples (the preview keeps playing the buffer's own), at most the ten minutes a match analyses.
  const frames = Math.min(buffer.length, Math.round(MAX_SECONDS * buffer.sampleRate));
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).slice(0, frames));
  worker.postMessage({ type: "samples", sampleRate: buffer.sampleRate, channels, fileSeconds: buffer.duration },
    channels.map((x) => x.buffer));
  return entry;
}

// The weights of a known spectrum on the grid `freqsHz`, computed once per grid (every answer has the server's).
function weightsOn(entry, freqsHz) {
  const key = `${freqsHz.length}:${freqsHz[0]}:${freqsHz[freqsHz.length - 1]}`;
  if (entry.weightsKey !== key) Object.assign(entry, { weights: gridWeights(entry.spectrum, freqsHz), weightsKey: key });
  return entry.weights;
}

// The A/B's two gains for the EQ answer `body` heard on `buffer` (null: a source whose audio is unknown), and what
// the card says of them. The EQ path is lowered by the curve's peak so that no boost clips (the exported file carries
// the exact preamp: docs/architecture.md); the bypass path is set to the EQ path's loudness on this recording,
// lowered by the peak less the EQ's change (never above 1: the change is an average of the EQ's gains, never above
// its peak). Until the spectrum is known the bypass is lowered as much as the EQ path, and the card says the A/B is
// not level-matched. `onReady`: called when this source's spectrum comes, to set the levels again.
// `path`: "EQ" or "Match", as the card names the path heard; `noun`: "recording" or "clip".
export function abLevels(body, buffer, onReady, { path = "EQ", noun = "recording" } = {}) {
  const peak = Math.max(0, ...body.response.db);
  const eq = 10 ** (-peak / 20);
  const entry = buffer ? spectrumOf(buffer, onReady) : { status: "unknown" };
  const freqs = body.response.freqs_hz;
  const change = entry.status === "known" && Array.isArray(freqs) ? loudnessChangeDb(weightsOn(entry, freqs),
    body.response.db) : null;
  const lowered = peak > 0 ? `${path} path lowered by ${peak.toFixed(1)} dB so boosts do not clip` : "";
  if (change === null) {
    const why = entry.status === "analysing" ? `not level-matched yet (measuring this ${noun}'s spectrum)`
      : `not level-matched (the loudness of this source is not known), so the louder side may sound better`;
    const text = lowered ? `${lowered}, and the bypass path as much; the A/B is ${why}.` : `The A/B is ${why}.`;
    return { eq, bypass: eq, change: null, text };
  }
  const said = change >= 0 ? `adds +${change.toFixed(1)} dB on` : `takes ${(-change).toFixed(1)} dB off`;
  const why = `the ${path === "EQ" ? "EQ" : "match"} ${said} this ${noun}`;
  const text = lowered ? `${lowered}; bypass matched to its loudness (${why}).`
    : `Bypass matched to the ${path} path's loudness (${why}).`;
  return { eq, bypass: eq * 10 ** (change / 20), change, text };
}
