// eqmorph page: the requests that follow the controls: the morph (latest wins, at most one request per
// animation frame, one in flight) and the A and B curves at the current intensity.
import { api } from "./api.js";
import { drawPlot } from "./plot.js";
import { state } from "./state.js";
import { showError, showStatus } from "./status.js";

const STALE_MS = 250; // a morph request still in flight after this long is aborted for a newer one

const morphFetch = { dirty: false, frame: 0, controller: null, startedAt: 0, seq: 0, shownSeq: 0 };

// Set by the entry: showing an answer touches every view, which this module leaves to it.
let showMorph = () => {};

// Query parameters plus the chosen crowd, if one is (none means both crowds).
export function withSource(params) {
  return state.source ? { ...params, source: state.source } : params;
}

export function onMorph(handler) {
  showMorph = handler;
}

// /api/morph, its answer with the intensity asked for (askedIntensity): the answer's own "intensity" is the
// one applied, which a phrase's degree may cap.
function morph(params, signal) {
  return api("/api/morph", params, signal).then((body) => ({ ...body, askedIntensity: Number(params.intensity) }));
}

// The morph of words a and b at the sliders' values, for a change of words (not rate-limited: one per change).
export function fetchMorph(a, b) {
  return morph(withSource({ a, b, alpha: state.alphaText, intensity: state.intensityText }));
}

export function requestMorph() {
  morphFetch.dirty = true;
  if (!morphFetch.frame) morphFetch.frame = requestAnimationFrame(flushMorph);
}

function flushMorph() {
  morphFetch.frame = 0;
  if (!morphFetch.dirty) return;
  if (!state.a || !state.b) {
    morphFetch.dirty = false;
    showStatus("Pick two words.");
    return;
  }
  if (morphFetch.controller) {
    // One request in flight is enough: its answer arrives within a frame or two and the next one
    // (with the latest slider value) goes out then. Only a stuck request is given up.
    if (performance.now() - morphFetch.startedAt < STALE_MS) return;
    morphFetch.controller.abort();
  }
  morphFetch.dirty = false;
  const controller = new AbortController();
  const seq = ++morphFetch.seq;
  morphFetch.controller = controller;
  morphFetch.startedAt = performance.now();
  const params = withSource({ a: state.a, b: state.b, alpha: state.alphaText, intensity: state.intensityText });
  morph(params, controller.signal)
    .then((body) => {
      if (seq > morphFetch.shownSeq) {
        morphFetch.shownSeq = seq;
        showMorph(body, seq);
      }
    })
    .catch(showError)
    .finally(() => {
      if (morphFetch.controller === controller) morphFetch.controller = null;
      if (morphFetch.dirty && !morphFetch.frame) morphFetch.frame = requestAnimationFrame(flushMorph);
    });
}

const endsFetch = { controller: null, frame: 0 };

export function fetchEnds() {
  if (endsFetch.frame) return;
  endsFetch.frame = requestAnimationFrame(() => {
    endsFetch.frame = 0;
    if (endsFetch.controller) endsFetch.controller.abort();
    const controller = new AbortController();
    endsFetch.controller = controller;
    for (const side of ["a", "b"]) {
      const word = state[side];
      if (!word) continue;
      api("/api/generate", withSource({ word, intensity: state.intensityText }), controller.signal)
        .then((body) => {
          if (state[side] === word) {
            state.ends[side] = body;
            drawPlot();
          }
        })
        .catch(showError);
    }
  });
}
