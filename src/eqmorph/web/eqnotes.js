// eqmorph page: what the server says about the EQ on display beyond its numbers: the intensity it applied
// when a phrase's own degree capped the one asked for, and its notes (a crowd that never used a word, ...).
import { $ } from "./dom.js";
import { state } from "./state.js";
import { fold } from "./vocab.js";

// The intensity the server applies stops where a phrase's degree times it reaches the slider's top
// (eqmorph.semantic.path.capped_intensity, the same for both signs): "very very bright" at 4 is applied
// at 2.56. Learned from an answer, per pair of words, so that the value by the slider is the applied one
// while it is dragged, not a number the EQ never gets.
const cap = { a: "", b: "", value: Infinity };

// The morph answer `body`, asked at `asked`: a smaller applied intensity is this pair's cap.
export function learnCap(body, asked) {
  const [a, b] = body.words;
  const applied = Math.abs(body.intensity);
  if (applied < Math.abs(asked) - 1e-9) Object.assign(cap, { a, b, value: applied });
  else if (cap.a !== a || cap.b !== b || Math.abs(asked) > cap.value) Object.assign(cap, { a, b, value: Infinity });
}

function applied(asked) {
  if (cap.a !== state.a || cap.b !== state.b) return asked;
  return Math.sign(asked) * Math.min(Math.abs(asked), cap.value);
}

// The sides whose text is more than one vocabulary word at weight 1: a phrase's degree is what caps.
function phrases() {
  return ["a", "b"].filter((side) => !(state.byWord.has(state[side]) && fold(state.text[side]) === fold(state[side])))
    .map((side) => `“${state.text[side]}”`);
}

// The value next to the Intensity slider is the one applied; when it is not the one asked for, a note says why.
export function showIntensity() {
  const digits = state.digits.intensity;
  const asked = state.intensity;
  const value = applied(asked);
  const out = $("#intensity-value");
  out.textContent = value.toFixed(digits);
  out.dataset.asked = String(asked);
  out.dataset.applied = String(value);
  const note = $("#intensity-note");
  const capped = value !== asked;
  note.hidden = !capped;
  if (!capped) {
    note.textContent = "";
    return;
  }
  const named = phrases();
  const why = named.length ? `${named.join(" and ")} already ${named.length > 1 ? "scale" : "scales"} its words` :
    "these words already scale the EQ";
  note.textContent = `Applied ${value.toFixed(digits)}, not ${asked.toFixed(digits)}: ${why}, and the EQ stops at `
    + `${state.limits.intensity.high} times a word's.`;
}

// Whether `note` names side's word, as the server quotes words ('claro', “claro” or "claro").
function names(note, side) {
  const text = note.toLowerCase();
  return [state[side], state.text[side]].filter(Boolean).map((w) => w.toLowerCase())
    .some((w) => [`'${w}'`, `“${w}”`, `"${w}"`].some((quoted) => text.includes(quoted)));
}

function fill(el, notes) {
  el.replaceChildren(...notes.map((note) => {
    const line = document.createElement("span");
    line.textContent = note;
    return line;
  }));
  el.hidden = notes.length === 0;
}

// The word a note is about when it names it first, before a colon ("brillante: its crowd's 4 examples lift ...");
// undefined for a note that does not ("keeping 'bass' takes out ...").
const subjectOf = (note) => (/^([^:'"“”]{1,40}):\s/u.exec(note) || [])[1];

// Whether side's box holds `words` (a word, or words such as "less muddy"): as its word, its text, or words of its
// text ("un poco brillante", "a bit less muddy").
function holds(side, words) {
  const spaced = (t) => ` ${t.toLowerCase().split(/[\s,;]+/).filter(Boolean).join(" ")} `;
  return [state[side], state.text[side]].filter(Boolean).some((t) => spaced(t).includes(spaced(words)));
}

// The answer's notes (a list of sentences, absent when there is nothing to say) under the box of the word each is
// about: its subject, when it names one first, else the word it quotes. A note about A's "brillante" that quotes B's
// 'bright' as the word to say instead went under B (a new-user trial). A note about neither word goes under the
// sliders.
export function showEqNotes(body) {
  const notes = Array.isArray(body.notes) ? body.notes.filter((n) => typeof n === "string" && n.trim()) : [];
  const bySide = { a: [], b: [] };
  const other = [];
  for (const note of notes) {
    const subject = subjectOf(note);
    const sides = ["a", "b"].filter((side) => (subject ? holds(side, subject) : names(note, side)));
    for (const side of sides) bySide[side].push(note);
    if (!sides.length) other.push(note);
  }
  fill($("#word-a-eq-note"), bySide.a);
  fill($("#word-b-eq-note"), bySide.b);
  fill($("#morph-notes"), other);
}
