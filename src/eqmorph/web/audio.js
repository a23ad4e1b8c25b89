// eqmorph page: the audio preview: a loop or the user's file through the EQ's five filters, with bypass, and
// through the match's EQ once there is one (the "Hear" choice).
// The filters are IIR filters with the RBJ cookbook coefficients the server plots and exports
// (eqmorph.core.dsp), shelf Q included, at the plot's sample rate: what you hear is what you export, the
// sliders' EQ or the match's alike.
import { rbjCoefficients } from "./biquad.js";
import { makeDrums, makePink } from "./clips.js";
import { $ } from "./dom.js";
import { abLevels } from "./loudness.js";
import { fileInfo, nonFiniteIn } from "./sourcefile.js";
import { nonFiniteText } from "./spectrum.js";

const SMOOTHING_S = 0.015; // setTargetAtTime time constant for gains: follows a drag, never clicks
const CROSSFADE_S = 0.02; // an IIR filter's coefficients are fixed: a new EQ is a new chain, faded in over this

// The graph is built on first use (Play or a file), not at load: browsers allow audio only after a gesture.
const audio = { ctx: null, chain: null, input: null, wet: null, dry: null, master: null, source: null,
  buffers: {}, playing: false, ab: { eq: 1, bypass: 1, change: null }, levels: { wet: 0, dry: 1 },
  sampleRate: undefined, file: null, fileName: "", lastSource: "drums",
  // The EQs the preview can play: the sliders' (the morph answer on show) and the match's (null: none), and
  // which one the "Hear" choice plays ("eq" or "match"); the recording the match was made for (its input file).
  eqs: { eq: null, match: null }, heard: "eq", matchFile: null };

// The sample rate the server evaluates its curves at; the preview runs at it so its filters are the plotted ones.
export function setPreviewRate(sampleRate) {
  audio.sampleRate = sampleRate;
}

function makeContext() {
  try {
    return new AudioContext({ sampleRate: audio.sampleRate });
  } catch {
    return new AudioContext(); // a rate this browser cannot run: its own (the curve may then differ above ~10 kHz)
  }
}

function ensureAudio() {
  if (audio.ctx) return audio.ctx;
  const ctx = makeContext();
  audio.ctx = ctx;
  audio.input = ctx.createGain();
  audio.wet = ctx.createGain();
  audio.dry = ctx.createGain();
  audio.master = ctx.createGain();
  audio.input.connect(audio.dry);
  audio.wet.connect(audio.master);
  audio.dry.connect(audio.master);
  audio.master.connect(ctx.destination);
  audio.master.gain.value = volume();
  setBypass(true);
  playHeard();
  return ctx;
}

const volume = () => Number($("#volume").value) ** 2; // perceptually smoother than linear

// Five IIR filters from the input to a fader into the wet path.
function makeChain(bands) {
  const ctx = audio.ctx;
  const coefficients = bands.map((band) => rbjCoefficients(band.type, band.gain_db, band.freq_hz, band.q,
    ctx.sampleRate));
  const filters = coefficients.map((c) => ctx.createIIRFilter(c.feedforward, c.feedback));
  const fader = ctx.createGain();
  let node = audio.input;
  for (const f of filters) {
    node.connect(f);
    node = f;
  }
  node.connect(fader);
  fader.connect(audio.wet);
  return { filters, fader, coefficients };
}

// The sliders' EQ (a morph answer): played unless the match is what the user chose to hear.
export function applyEq(body) {
  if (!body) return;
  audio.eqs.eq = body;
  if (audio.heard === "eq") playEq(body);
}

// The match's EQ (the /api/match answer's eq) and the recording it was made for (`file`), or null once there is
// none: the "Hear" choice shows only while there is a match to hear, and a match that goes leaves the sliders' EQ
// playing.
export function setMatchEq(eq, file = null) {
  audio.eqs.match = eq;
  audio.matchFile = eq ? file : null;
  $("#hear-row").hidden = !eq;
  if (!eq && audio.heard === "match") hear("eq");
  else if (audio.heard === "match") playEq(eq);
  showHeardFor();
}

function hear(which) {
  audio.heard = which === "match" && audio.eqs.match ? "match" : "eq";
  $(`#hear-${audio.heard}`).checked = true;
  playHeard();
  showHeardFor();
}

const sameFile = (x, y) => x.name === y.name && x.size === y.size && x.lastModified === y.lastModified;

// Beside "the match" while it plays on a source other than the recording it was made for: the match stays what the
// user chose to hear (a match of one take can be tried on another), but is said to be another recording's. A new
// user loaded guitar.wav and heard it through a drums.wav match, told only by the plot's legend (new-user trial 7).
function showHeardFor() {
  const note = $("#hear-note");
  const made = audio.matchFile;
  const file = $("#source").value === "file" && audio.buffers.file ? audio.file : null;
  const elsewhere = audio.heard === "match" && made && !(file && sameFile(file, made));
  note.textContent = elsewhere ? `made for ${made.name}, not ${file ? file.name : "this clip"}` : "";
  note.hidden = !elsewhere;
}

function playHeard() {
  playEq(audio.eqs[audio.heard]);
}

// The new chain fades in while the old one fades out and is then disconnected.
function playEq(body) {
  if (!audio.ctx || !body) return;
  const t = audio.ctx.currentTime;
  const old = audio.chain;
  const chain = makeChain(body.bands);
  chain.heard = audio.heard;
  audio.chain = chain;
  if (old) {
    chain.fader.gain.setValueAtTime(0, t);
    chain.fader.gain.linearRampToValueAtTime(1, t + CROSSFADE_S);
    old.fader.gain.setValueAtTime(old.fader.gain.value, t);
    old.fader.gain.linearRampToValueAtTime(0, t + CROSSFADE_S);
    setTimeout(() => dropChain(old), 4 * CROSSFADE_S * 1000);
  }
  showLevels();
}

// The A/B's levels for the EQ heard on the source chosen (loudness.js: level-matched once its spectrum is known).
function showLevels() {
  const body = audio.eqs[audio.heard];
  if (!audio.ctx || !body) return;
  audio.ab = abLevels(body, currentBuffer(), showLevels, { path: audio.heard === "match" ? "Match" : "EQ",
    noun: $("#source").value === "file" ? "recording" : "clip" });
  setBypass();
  $("#audio-level-info").textContent = audio.ab.text;
}

// A chain out of the graph; once only, as a chain a new source replaced may still be fading out.
function dropChain(chain) {
  if (chain.dropped) return;
  chain.dropped = true;
  audio.input.disconnect(chain.filters[0]);
  chain.fader.disconnect();
}

// A new source plays through new filters, at once: an IIR filter that was fed a NaN or an infinite sample keeps it in
// its state and outputs NaN from then on, which no gain silences (0 times NaN is NaN), bypassed or not.
function renewChain() {
  if (audio.chain) dropChain(audio.chain);
  audio.chain = null;
  playHeard();
}

// The filters now playing: which EQ they are ("eq" or "match"), the rate they run at and each band's RBJ
// coefficients (feedforward b0..b2, feedback 1, a1, a2) as given to the IIR filters; null before the preview starts.
export function previewChain() {
  if (!audio.chain) return null;
  return { heard: audio.chain.heard, sampleRate: audio.ctx.sampleRate, coefficients: audio.chain.coefficients };
}

// The gains the paths ramp to (wet, dry), their values now, the EQ path's level, the bypass path's when on, and the
// EQ's loudness change on the source (null: not known); null before the preview has started.
export function previewLevels() {
  return audio.ctx ? { ...audio.levels, now: { wet: audio.wet.gain.value, dry: audio.dry.gain.value },
    preamp: audio.ab.eq, bypassGain: audio.ab.bypass, change: audio.ab.change } : null;
}

// The magnitude response in dB of the filters now playing, at `freqs` (Hz): what the preview does to the sound.
export function previewResponseDb(freqs) {
  if (!audio.chain) return null;
  const f = Float32Array.from(freqs);
  const mag = new Float32Array(f.length);
  const phase = new Float32Array(f.length);
  const db = new Array(f.length).fill(0);
  for (const filter of audio.chain.filters) {
    filter.getFrequencyResponse(f, mag, phase);
    mag.forEach((m, i) => {
      db[i] += 20 * Math.log10(m);
    });
  }
  return db;
}

function setBypass(immediate = false) {
  if (!audio.ctx) return;
  const bypass = $("#bypass").checked;
  const t = audio.ctx.currentTime;
  const wet = bypass ? 0 : audio.ab.eq;
  const dry = bypass ? audio.ab.bypass : 0;
  audio.levels = { wet, dry };
  if (immediate) {
    audio.wet.gain.value = wet;
    audio.dry.gain.value = dry;
  } else {
    audio.wet.gain.setTargetAtTime(wet, t, SMOOTHING_S); // a short crossfade: A/B without a click
    audio.dry.gain.setTargetAtTime(dry, t, SMOOTHING_S);
  }
}

function currentBuffer() {
  const kind = $("#source").value;
  if (!audio.buffers[kind]) {
    if (kind === "pink") audio.buffers.pink = makePink(audio.ctx);
    else if (kind === "drums") audio.buffers.drums = makeDrums(audio.ctx);
  }
  return audio.buffers[kind] || null;
}

function startSource() {
  stopSource();
  const buffer = currentBuffer();
  if (!buffer) {
    sourceInfo("Choose an audio file first.");
    return false;
  }
  renewChain();
  const source = audio.ctx.createBufferSource();
  source.buffer = buffer;
  source.loop = true;
  source.connect(audio.input);
  source.start();
  audio.source = source;
  if (!audio.buffers.file) sourceInfo(""); // "Choose an audio file first." is done
  return true;
}

function stopSource() {
  if (audio.source) {
    audio.source.stop();
    audio.source.disconnect();
    audio.source = null;
  }
}

function setPlaying(playing) {
  audio.playing = playing;
  const button = $("#play");
  button.textContent = playing ? "■ Stop" : "▶ Play";
  button.setAttribute("aria-pressed", String(playing));
}

async function togglePlay() {
  const ctx = ensureAudio();
  await ctx.resume(); // browsers start an AudioContext suspended until a user gesture
  if (audio.playing) {
    stopSource();
    setPlaying(false);
  } else {
    setPlaying(startSource());
  }
}

// The Listen card's line about its source: what plays, or why a file cannot ("error") or plays nothing worth
// hearing ("warning").
function sourceInfo(text, kind = "") {
  const el = $("#audio-source-info");
  el.textContent = text;
  el.classList.toggle("error", kind === "error");
  el.classList.toggle("warning", kind === "warning");
  el.classList.toggle("muted", !kind);
  el.setAttribute("role", kind ? "alert" : "status");
}

const sourceName = (value) => $(`#source option[value="${value}"]`).textContent;

// A decoded file of finite samples becomes the source. One that cannot be decoded, or holds a sample no filter can
// play, leaves the source as it was: the file played before, or the clip chosen before "Your own file…", so that
// Play never starts nothing. Whether it became the source.
async function loadFile(file) {
  const ctx = ensureAudio();
  let buffer;
  try {
    buffer = await ctx.decodeAudioData(await file.arrayBuffer());
  } catch (error) {
    return refuseFile(`Cannot decode ${file.name}: ${String(error.message || error).replace(/[.!?]?$/, ".")}`);
  }
  const bad = nonFiniteIn(buffer);
  if (bad) return refuseFile(`Cannot play ${file.name}: it ${nonFiniteText(bad)}: the preview needs finite samples.`);
  audio.buffers.file = buffer;
  Object.assign(audio, { file, fileName: file.name, lastSource: "file" });
  $("#source").value = "file";
  showFileChoice();
  showSource();
  if (audio.playing) startSource();
  return true;
}

// A file refused (`why`), and what the source is instead: false, for loadFile.
function refuseFile(why) {
  const value = $("#source").value;
  const kept = value !== "file" ? `The source is still ${sourceName(value)}.`
    : audio.buffers.file ? `Still playing ${audio.fileName}.` : backToClip();
  sourceInfo(`${why} ${kept}`, "error");
  return false;
}

// What the source line says of the source chosen: the file's name and length, or nothing for a clip, which the
// menu names.
function showSource() {
  if ($("#source").value === "file" && audio.buffers.file) sourceInfo(...fileInfo(audio.fileName, audio.buffers.file));
  else sourceInfo("");
  showHeardFor();
  showLevels();
}

// No file to play: the source goes back to the clip chosen before, and the sentence saying so.
function backToClip() {
  const select = $("#source");
  select.value = audio.lastSource === "file" ? "drums" : audio.lastSource;
  showFileChoice();
  showHeardFor();
  if (audio.playing) startSource();
  else showLevels();
  return `The source is back to ${sourceName(select.value)}.`;
}

// Choosing "Your own file…" again in the menu is no change (no event), so once a file plays, another is chosen
// with this button.
function showFileChoice() {
  $("#file-choose").hidden = $("#source").value !== "file" || !audio.buffers.file;
}

// The match heard on the recording it was made for: that file becomes the source, the match the EQ heard, and
// it plays (the context is resumed first, while the click still counts as the user's gesture).
export async function auditionMatch(file) {
  const ctx = ensureAudio();
  await ctx.resume();
  if (audio.file !== file && !(await loadFile(file))) return;
  $("#source").value = "file";
  audio.lastSource = "file";
  showFileChoice();
  showSource();
  hear("match");
  setPlaying(startSource());
}

export function wireAudio() {
  $("#play").addEventListener("click", togglePlay);
  $("#bypass").addEventListener("change", () => setBypass());
  $("#volume").addEventListener("input", () => {
    if (audio.ctx) audio.master.gain.setTargetAtTime(volume(), audio.ctx.currentTime, SMOOTHING_S);
  });
  $("#source").addEventListener("change", () => {
    const value = $("#source").value;
    showFileChoice();
    if (value === "file" && !audio.buffers.file) {
      $("#file").click();
      return;
    }
    audio.lastSource = value;
    showSource();
    if (audio.playing) startSource();
  });
  $("#file-choose").addEventListener("click", () => $("#file").click());
  // Emptied once read, so that choosing the same file again is a change too (the file may have been re-saved).
  $("#file").addEventListener("change", () => {
    const input = $("#file");
    const file = input.files[0];
    input.value = "";
    if (file) loadFile(file);
  });
  for (const which of ["eq", "match"]) $(`#hear-${which}`).addEventListener("change", () => hear(which));
  // The file chooser closed without a file: nothing to play from "Your own file…" yet.
  $("#file").addEventListener("cancel", () => {
    if (!audio.buffers.file) backToClip();
  });
}
