// eqmorph page: word pickers, word map, morph slider, live response plot, band table, audio preview, export.
// Plain JavaScript (ES2020 modules), no dependencies and no build step; it talks only to this server's /api.
// This entry owns the changes of words and sliders and fans them out to the views in the other modules.
import { api } from "./api.js";
import { applyEq, wireAudio } from "./audio.js";
import { $ } from "./dom.js";
import { updateExports } from "./export.js";
import { readHash, saveHash } from "./hash.js";
import { makePicker } from "./pickers.js";
import { initPlot, plotMorph } from "./plot.js";
import { fetchEnds, onMorph, requestMorph } from "./requests.js";
import { state } from "./state.js";
import { onSuggestion, showError, showStatus } from "./status.js";
import { renderTable } from "./table.js";
import { setVocabulary } from "./vocab.js";
import { drawMap, updateMap } from "./wordmap.js";

const pickers = {};

const SLIDER_DIGITS = { alpha: 3, intensity: 2 }; // as the value is shown next to each slider

// Keeps a slider's text as well as its number: the API is asked for exactly the value on display.
function readSlider(name) {
  const text = $(`#${name}`).value;
  state[`${name}Text`] = text;
  state[name] = Number(text);
  $(`#${name}-value`).textContent = state[name].toFixed(SLIDER_DIGITS[name]);
}

// A moved slider asks for a new morph after onInput has updated what depends on that slider alone.
function wireSlider(name, onInput) {
  const input = $(`#${name}`);
  input.addEventListener("input", () => {
    readSlider(name);
    onInput();
    requestMorph();
  });
  input.addEventListener("change", saveHash);
  return input;
}

function setWord(side, word, { fetch = true } = {}) {
  state[side] = word;
  pickers[side].show(word);
  state.ends[side] = null;
  $(`#alpha-${side}-label`).textContent = word || side.toUpperCase();
  $(`#legend-${side}`).textContent = word ? `${side.toUpperCase()}: ${word}` : side.toUpperCase();
  if (side === state.mapTarget) {
    state.mapTarget = side === "a" ? "b" : "a"; // the next map click sets the other word
    $(`#map-target-${state.mapTarget}`).checked = true;
  }
  updateMap();
  saveHash();
  if (fetch) {
    fetchEnds();
    requestMorph();
  }
}

function showMorph(body, seq) {
  state.current = body;
  plotMorph(body, seq);
  renderTable(body);
  applyEq(body);
  updateExports();
  showStatus("");
}

function wire() {
  onSuggestion(setWord);
  onMorph(showMorph);
  pickers.a = makePicker("a", (word) => setWord("a", word));
  pickers.b = makePicker("b", (word) => setWord("b", word));
  $("#swap").addEventListener("click", () => {
    const { a, b } = state;
    setWord("a", b, { fetch: false });
    setWord("b", a);
  });
  wireSlider("alpha", updateMap);
  const intensity = wireSlider("intensity", fetchEnds);
  intensity.addEventListener("dblclick", () => {
    intensity.value = "1";
    intensity.dispatchEvent(new Event("input"));
  });
  for (const side of ["a", "b"]) {
    $(`#map-target-${side}`).addEventListener("change", () => {
      state.mapTarget = side;
    });
  }
  wireAudio();
  initPlot();
}

async function init() {
  wire();
  try {
    const [health, vocab] = await Promise.all([api("/api/health"), api("/api/words")]);
    const info = $("#model-info");
    info.textContent = `model ${health.model_id} · ${health.words} words`;
    info.dataset.modelId = health.model_id;
    setVocabulary(vocab.words);
    drawMap((word) => setWord(state.mapTarget, word));
    const saved = readHash();
    const pick = (wanted, fallback) => (wanted && wanted.trim() ? wanted : fallback);
    const known = (w) => (state.byWord.has(w) ? w : "");
    const first = known("warm") || (state.words[0] || {}).word || "";
    const second = known("bright") || (state.words[1] || state.words[0] || {}).word || "";
    if (saved.alpha !== null) $("#alpha").value = saved.alpha;
    if (saved.intensity !== null) $("#intensity").value = saved.intensity;
    readSlider("alpha");
    readSlider("intensity");
    state.mapTarget = "a";
    setWord("a", pick(saved.a, first), { fetch: false });
    setWord("b", pick(saved.b, second));
    document.body.dataset.ready = "1";
  } catch (error) {
    showError(error);
  }
}

// Modules run deferred, before DOMContentLoaded; waiting for it keeps the start-up order of the old classic script.
document.addEventListener("DOMContentLoaded", init);
