// eqmorph page: the audio preview: a loop or the user's file through five Web Audio biquads, with bypass.
import { makeDrums, makePink } from "./clips.js";
import { $ } from "./dom.js";
import { state } from "./state.js";

const WEB_AUDIO_TYPES = { low_shelf: "lowshelf", peaking: "peaking", high_shelf: "highshelf" };
const SMOOTHING_S = 0.015; // setTargetAtTime time constant: settles in ~50 ms, follows a drag, never clicks

// The graph is built on first use (Play or a file), not at load: browsers allow audio only after a gesture.
const audio = { ctx: null, filters: [], input: null, wet: null, dry: null, master: null, source: null,
  buffers: {}, playing: false, preamp: 1 };

function ensureAudio() {
  if (audio.ctx) return audio.ctx;
  const ctx = new AudioContext();
  audio.ctx = ctx;
  audio.input = ctx.createGain();
  audio.wet = ctx.createGain();
  audio.dry = ctx.createGain();
  audio.master = ctx.createGain();
  const kinds = ["low_shelf", "peaking", "peaking", "peaking", "high_shelf"];
  audio.filters = kinds.map((kind) => {
    const f = ctx.createBiquadFilter();
    f.type = WEB_AUDIO_TYPES[kind];
    f.gain.value = 0;
    return f;
  });
  let node = audio.input;
  for (const f of audio.filters) {
    node.connect(f);
    node = f;
  }
  node.connect(audio.wet);
  audio.input.connect(audio.dry);
  audio.wet.connect(audio.master);
  audio.dry.connect(audio.master);
  audio.master.connect(ctx.destination);
  audio.master.gain.value = volume();
  setBypass(true);
  if (state.current) applyEq(state.current);
  return ctx;
}

const volume = () => Number($("#volume").value) ** 2; // perceptually smoother than linear

export function applyEq(body) {
  if (!audio.ctx || !body) return;
  const t = audio.ctx.currentTime;
  const nyquist = audio.ctx.sampleRate / 2;
  body.bands.forEach((band, i) => {
    const f = audio.filters[i];
    f.frequency.setTargetAtTime(Math.min(band.freq_hz, 0.49 * audio.ctx.sampleRate, nyquist), t, SMOOTHING_S);
    f.gain.setTargetAtTime(band.gain_db, t, SMOOTHING_S);
    if (band.type === "peaking") f.Q.setTargetAtTime(band.q, t, SMOOTHING_S); // shelves ignore Q in Web Audio
  });
  // Keep boosts from clipping: lower the EQ'd path by the curve's peak.
  const peak = Math.max(0, ...body.response.db);
  audio.preamp = 10 ** (-peak / 20);
  setBypass();
  $("#audio-info").textContent = peak > 0 ? `EQ path lowered by ${peak.toFixed(1)} dB so boosts do not clip.` : "";
}

function setBypass(immediate = false) {
  if (!audio.ctx) return;
  const bypass = $("#bypass").checked;
  const t = audio.ctx.currentTime;
  const wet = bypass ? 0 : audio.preamp;
  const dry = bypass ? 1 : 0;
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
    $("#audio-info").textContent = "Choose an audio file first.";
    return false;
  }
  const source = audio.ctx.createBufferSource();
  source.buffer = buffer;
  source.loop = true;
  source.connect(audio.input);
  source.start();
  audio.source = source;
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

async function loadFile(file) {
  const ctx = ensureAudio();
  try {
    audio.buffers.file = await ctx.decodeAudioData(await file.arrayBuffer());
    $("#audio-info").textContent = `${file.name}: ${audio.buffers.file.duration.toFixed(1)} s (stays in this browser)`;
    if (audio.playing) startSource();
  } catch (error) {
    $("#audio-info").textContent = `Cannot decode ${file.name}: ${error.message || error}`;
  }
}

export function wireAudio() {
  $("#play").addEventListener("click", togglePlay);
  $("#bypass").addEventListener("change", () => setBypass());
  $("#volume").addEventListener("input", () => {
    if (audio.ctx) audio.master.gain.setTargetAtTime(volume(), audio.ctx.currentTime, SMOOTHING_S);
  });
  $("#source").addEventListener("change", () => {
    if ($("#source").value === "file" && !audio.buffers.file) $("#file").click();
    else if (audio.playing) startSource();
  });
  $("#file").addEventListener("change", () => {
    const file = $("#file").files[0];
    if (file) loadFile(file);
  });
}
