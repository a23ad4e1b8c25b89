// eqmorph page: "Match to a reference": two local files are analysed here in the browser (long-term
// average spectra; the audio never leaves it), the server fits the 5-band EQ between them (/api/match),
// and the match shows as a third curve with its words and preset downloads.
import { $ } from "./dom.js";
import { drawPlot } from "./plot.js";
import { state } from "./state.js";

const N_FFT = 8192; // 5.9 Hz bins at 48 kHz; the 8193 bins of two spectra fit the server's body limit
const ANALYSIS_RATE = 48000; // files are decoded (resampled) to this rate
const MAX_SECONDS = 600; // analyse at most the first ten minutes: a long-term average settles well before
const CLIP_LEVEL = 0.999; // as eqmorph.audio.spectrum: a sample at full scale
const CLIP_RUN = 3; // this many full-scale samples in a row count as one clipped peak

// In-place iterative radix-2 FFT of re, im (length a power of two).
function fft(re, im) {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i += 1) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const step = (-2 * Math.PI) / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < size / 2; k += 1) {
        const wr = Math.cos(step * k);
        const wi = Math.sin(step * k);
        const a = start + k;
        const b = a + size / 2;
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}

// Welch spectrum as eqmorph.audio.spectrum computes it: Hann frames, half overlap, channels summed.
export function spectrumOf(buffer) {
  const sr = buffer.sampleRate;
  const frames = Math.min(buffer.length, Math.round(MAX_SECONDS * sr));
  const window = Float64Array.from({ length: N_FFT }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / N_FFT));
  const norm = sr * window.reduce((s, w) => s + w * w, 0);
  const power = new Float64Array(N_FFT / 2 + 1);
  const re = new Float64Array(N_FFT);
  const im = new Float64Array(N_FFT);
  let count = 0;
  let sumSq = 0;
  let clipped = 0;
  for (let c = 0; c < buffer.numberOfChannels; c += 1) {
    const x = buffer.getChannelData(c);
    let run = 0;
    for (let i = 0; i < frames; i += 1) {
      sumSq += x[i] * x[i];
      run = Math.abs(x[i]) >= CLIP_LEVEL ? run + 1 : 0;
      if (run === CLIP_RUN) clipped += 1;
    }
    // A clip shorter than one frame is one zero-padded frame: how short is too short is the library's to say
    // (eqmorph.semantic.match, through /api/match), in the same words as `eqmorph match`.
    for (let start = 0; start === 0 || start + N_FFT <= frames; start += N_FFT / 2) {
      for (let i = 0; i < N_FFT; i += 1) {
        re[i] = start + i < frames ? x[start + i] * window[i] : 0;
        im[i] = 0;
      }
      fft(re, im);
      for (let k = 0; k <= N_FFT / 2; k += 1) power[k] += re[k] * re[k] + im[k] * im[k];
      if (c === 0) count += 1;
    }
  }
  const meanSq = frames ? sumSq / (frames * buffer.numberOfChannels) : 0;
  return {
    sample_rate: sr,
    power_db: Array.from(power, (p) => Math.round(100 * Math.log10(Math.max(p / (count * norm), 1e-30))) / 10),
    seconds: frames / sr,
    channels: buffer.numberOfChannels,
    rms_dbfs: meanSq > 0 ? 10 * Math.log10(meanSq) : null,
    clipped_runs: clipped,
  };
}

async function analyse(file, role) {
  const ctx = new OfflineAudioContext(1, 1, ANALYSIS_RATE);
  let buffer;
  try {
    buffer = await ctx.decodeAudioData(await file.arrayBuffer());
  } catch (error) {
    throw new Error(`the ${role} (${file.name}) cannot be decoded: ${error.message || error}`);
  }
  return spectrumOf(buffer);
}

const AMOUNT_SETTLE_MS = 250; // a moved Amount slider re-runs the match once it has rested this long

// The spectra of the chosen files (an amount change re-fits them without decoding the files again), and
// the latest run: only its answer is shown, and a newer run aborts it.
const match = { spectra: {}, seq: 0, controller: null, timer: 0, ran: false };

function spectrumFor(file, role) {
  const key = `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
  if (match.spectra[role]?.key !== key) match.spectra[role] = { key, spectrum: analyse(file, role) };
  return match.spectra[role].spectrum;
}

function setExports(exports) {
  for (const [format, type, ext] of [["json", "application/json", "json"], ["apo", "text/plain", "txt"],
    ["csv", "text/csv", "csv"]]) {
    const link = $(`#match-${format}`);
    if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([exports[format]], { type }));
    link.download = `eqmorph-match.${ext}`;
    link.setAttribute("aria-disabled", "false");
  }
}

// No match on show: not its curve, legend entry or downloads, so nothing from an earlier pair of files or
// a failed run can pass for the current result.
function clearMatch(message) {
  state.match = null;
  delete $("#curve").dataset.match;
  drawPlot();
  $("#legend-match-row").hidden = true;
  for (const format of ["json", "apo", "csv"]) {
    const link = $(`#match-${format}`);
    if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
    link.removeAttribute("href");
    link.setAttribute("aria-disabled", "true");
  }
  const out = $("#match-result");
  out.textContent = message;
  delete out.dataset.text;
  delete out.dataset.amount;
}

function readAmount() {
  const amount = Number($("#match-amount").value);
  $("#match-amount-value").textContent = amount.toFixed(2);
  return amount;
}

async function runMatch() {
  clearTimeout(match.timer);
  const input = $("#match-input").files[0];
  const reference = $("#match-reference").files[0];
  const out = $("#match-result");
  const seq = ++match.seq;
  if (match.controller) match.controller.abort();
  if (!input || !reference) {
    clearMatch("Choose two files: the one to change and the reference.");
    return;
  }
  match.ran = true;
  const amount = readAmount();
  if (!state.match) out.textContent = "Analysing…"; // a re-run keeps the result on show until its answer
  const controller = new AbortController();
  match.controller = controller;
  try {
    const [a, b] = await Promise.all([spectrumFor(input, "input"), spectrumFor(reference, "reference")]);
    const response = await fetch("/api/match", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ input: a, reference: b, amount }),
      signal: controller.signal,
    });
    const answer = await response.json();
    if (seq !== match.seq) return;
    if (!response.ok) throw new Error(answer.detail || `HTTP ${response.status}`);
    state.match = answer.eq;
    $("#curve").dataset.match = JSON.stringify(answer.eq.response.db);
    drawPlot();
    // The match does not depend on the words A and B, so it stays when they change; the legend says
    // which files it is for, so that it is not taken for the words' EQ.
    $("#legend-match").textContent = `match: ${input.name} → ${reference.name}`;
    $("#legend-match-row").hidden = false;
    // The sentence `eqmorph match` prints, made by the server from the same describer.
    out.textContent = `Match: ${answer.comparison} (fit error ${answer.rms_db.toFixed(2)} dB RMS).`
      + (answer.warnings.length ? ` ${answer.warnings.join(" ")}` : "");
    out.dataset.text = answer.text;
    out.dataset.amount = String(amount);
    setExports(answer.exports);
  } catch (error) {
    if (seq !== match.seq || error.name === "AbortError") return;
    clearMatch(`Cannot match: ${error.message || error}`);
  } finally {
    if (match.controller === controller) match.controller = null;
  }
}

// Other files make the match on show a match of files no longer chosen: it goes, until Match is pressed.
function filesChanged() {
  clearTimeout(match.timer);
  match.seq += 1; // an answer still on its way is for the old files
  if (match.controller) match.controller.abort();
  match.ran = false;
  clearMatch("");
}

// Once a match has been run, the Amount slider re-runs it (debounced): its value is the match's.
function amountMoved() {
  readAmount();
  if (!match.ran) return;
  clearTimeout(match.timer);
  match.timer = setTimeout(runMatch, AMOUNT_SETTLE_MS);
}

export function wireMatch() {
  $("#match-run").addEventListener("click", runMatch);
  $("#match-input").addEventListener("change", filesChanged);
  $("#match-reference").addEventListener("change", filesChanged);
  $("#match-amount").addEventListener("input", amountMoved);
  readAmount();
}
