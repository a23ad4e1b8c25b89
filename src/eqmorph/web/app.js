// eqmorph page: word pickers, word map, morph slider, live response plot, band table, audio preview, export.
// Plain JavaScript (ES2020 modules), no dependencies and no build step; it talks only to this server's /api.
// This entry owns the changes of words and sliders and fans them out to the views in the other modules.
// A new word is shown only once the server has answered the morph with it: until then every view keeps
// the pair it shows, and a word the server refuses is reported next to its box, which keeps the text for the user
// to fix, and changes nothing else. Once the user moves on (another control), the box shows the word on show
// again, with a note under it saying what became of the refused text, until the box is edited.
// Each side has two names: the user's text (state.text, in the box, labels, legend and link) and the server's
// word for it (state.a, state.b: "bright" for "brighter"), which the requests and the word map use.
import { api } from "./api.js";
import { applyEq, setPreviewRate, wireAudio } from "./audio.js";
import { markFresh, onServerBack } from "./connection.js";
import { menuLanguages, requestDescribe } from "./describe.js";
import { $ } from "./dom.js";
import { learnCap, showEqNotes, showIntensity } from "./eqnotes.js";
import { updateExports } from "./export.js";
import { hashIsOwn, historyMoved, linkCrowdNote, linkLanguage, linkLanguageNote, linkValueNote, readHash,
  saveHash } from "./hash.js";
import { wireMatch } from "./match.js";
import { makePicker } from "./pickers.js";
import { initPlot, plotMorph } from "./plot.js";
import { onReading, readBoxes } from "./reading.js";
import { fetchEnds, fetchMorph, onMorph, requestMorph } from "./requests.js";
import { state } from "./state.js";
import { clearKept, clearWordError, keptNote, onSuggestion, showError, showKept, showLinkNote, showStatus,
  showWordError } from "./status.js";
import { renderTable } from "./table.js";
import { fold, isKnownText, setVocabulary } from "./vocab.js";
import { drawMap, updateMap } from "./wordmap.js";

const pickers = {};
// Text asked for while the server did not answer, by side: kept in its box, and asked for again once it answers.
const retry = {};
// The refusal shown under each box, by side: {text, unknown, link}: the text refused, whether it was not understood
// (an unknown word) or refused for another reason, and whether it was a link's (replaced by a default word).
const refusals = {};
// The words a link's refused word is replaced by (the page's defaults), named in the refusal.
const linkDefaults = { a: "", b: "" };

// What became of a refused text once the box shows the word on show again.
function keptText({ text, unknown, link }, shown) {
  const why = unknown ? "was not understood" : "was refused";
  return link ? `The link's word “${text}” ${why}; showing “${shown}” instead.`
    : `“${text}” ${why}; still using “${shown}”.`;
}

// A refusal is about the change it refused: the next change drops it, the reason under the box and the text kept
// in it alike (the box shows the word on show again), but for text the server never answered (see retry). A note
// under the box keeps saying what happened (showKept) until the box is edited: one state on the page, told.
function dropRefusal(side) {
  if (retry[side]) return;
  const refused = refusals[side];
  forgetRefusal(side);
  if (pickers[side].refused()) pickers[side].show(state.text[side], state[side]);
  if (refused) showKept(side, keptText(refused, state.text[side]));
}

// The box was given new text or gave up its refused text: its refusal goes without a note.
function forgetRefusal(side) {
  delete refusals[side];
  clearWordError(side);
}

function dropRefusals() {
  dropRefusal("a");
  dropRefusal("b");
}

// Keeps a slider's text as well as its number: the API is asked for exactly the value on display.
function readSlider(name) {
  const text = $(`#${name}`).value;
  state[`${name}Text`] = text;
  state[name] = Number(text);
  if (name === "intensity") showIntensity(); // the value applied, which a phrase's degree may cap
  else $(`#${name}-value`).textContent = state[name].toFixed(state.digits[name]);
}

// The sliders' ranges and steps come from the server (/api/limits), which enforces the same bounds.
function setLimits(limits) {
  state.limits = limits;
  for (const name of ["alpha", "intensity"]) {
    const { low, high, step } = limits[name];
    const input = $(`#${name}`);
    Object.assign(input, { min: String(low), max: String(high), step: String(step) });
    state.digits[name] = Math.max(0, Math.round(-Math.log10(step)));
  }
  $("#intensity-low").textContent = String(limits.intensity.low).replace("-", "−");
  $("#intensity-high").textContent = String(limits.intensity.high);
  for (const side of ["a", "b"]) $(`#word-${side}`).maxLength = limits.text_chars;
}

const crowdName = (source) => ({ socialfx: "SocialFX", safe: "SAFE" }[source] || source);

// The crowd choice shows only for a model trained with per-crowd words; "" (both crowds) is the default.
function setCrowds(sources) {
  const select = $("#crowd");
  for (const source of sources) {
    const option = document.createElement("option");
    option.value = source;
    option.textContent = crowdName(source);
    select.append(option);
  }
  $("#crowd-row").hidden = sources.length === 0;
  chosenFrom(select, "crowd", "source", () => {
    fetchEnds();
    requestMorph();
  });
}

// The "Describe in" menu: every description in the language chosen, or Auto's (reading.js: describeLanguage).
function wireDescribeIn() {
  chosenFrom($("#describe-in"), "lang", "describeIn", requestDescribe);
}

// A menu the user chose from: the choice is theirs now, not the link's (the link's note `note` goes), kept as
// state[key] and in the link, then `then` asks for what it changes.
function chosenFrom(select, note, key, then) {
  select.addEventListener("change", () => {
    dropRefusals();
    showLinkNote(note, "");
    state[key] = select.value;
    saveHash({ push: true });
    then();
  });
}

// A moved slider asks for a new morph after onInput has updated what depends on that slider alone.
function wireSlider(name, onInput) {
  const input = $(`#${name}`);
  input.addEventListener("input", () => {
    dropRefusals();
    showLinkNote(name, ""); // the slider's value is the user's now, not the link's
    readSlider(name);
    onInput();
    requestMorph();
  });
  input.addEventListener("change", () => saveHash({ push: true })); // once a drag ends: one history entry
  return input;
}

// The text a box keeps for what the user typed, once the server has named it `word`: the user's own words,
// unless they are a known word or studio term up to case, accents and spacing ("Warm" is "warm"). "brighter",
// "50% brighter" or "warm drums" stay as typed, with a note saying how they were read, rather than turning into
// "bright", which would hide a degree, an inflection or an ignored word; and a phrase the server names as folded
// ("bass -3dB" is "bass -3db") is the user's spelling of it, not a vocabulary's.
function boxText(typed, word) {
  const text = typed.trim();
  return fold(text) === fold(word) && isKnownText(word) ? word : text;
}

// The words of an answered morph become the page's pair, in every view at once. `typed`: the texts the
// answer was asked for, by side; a side not in it keeps its text. Errors next to the boxes go (a side not
// asked for keeps a note of its refusal), but those of sides in keepErrors (a link's refused word, replaced by a
// default). fromLink: the words are a link's (the page's start, Back or Forward), not a change of the user's,
// which is a new history entry.
function commitWords(body, keepErrors, typed, fromLink) {
  const [a, b] = body.words;
  for (const [side, word] of [["a", a], ["b", b]]) {
    if (state[side] !== word) state.ends[side] = null;
    const text = boxText(typed[side] ?? (state[side] === word && state.text[side] ? state.text[side] : word), word);
    delete retry[side];
    state[side] = word;
    state.text[side] = text;
    pickers[side].show(text, word);
    if (!keepErrors.has(side)) {
      if (side in typed) forgetRefusal(side);
      else dropRefusal(side);
    }
    $(`#alpha-${side}-label`).textContent = text;
    $(`#legend-${side}`).textContent = `${side.toUpperCase()}: ${text}`;
  }
  updateMap();
  saveHash({ push: !fromLink });
  readBoxes();
  showMorph(body, 0);
  fetchEnds();
  requestMorph(); // the slider may have moved while the words were being checked
}

// Word changes not yet answered: a change proposed while another is in flight includes its words,
// and only the answer to the latest change is shown (an earlier one would undo the later choice).
const wordChange = { seq: 0, pending: {}, fromLink: false };

// Asks for the morph with the proposed words; shows it everywhere if the server takes them and returns "".
// If it does not, returns the refused side ("a" or "b"), whose box shows why; nothing else changes.
async function chooseWords(proposed, keepErrors = new Set(), fromLink = false) {
  // A change starting afresh (none in flight) makes any refusal shown for an earlier one stale.
  // A box given new text here keeps it while it is asked for; only its old reason goes.
  if (!Object.keys(wordChange.pending).length) {
    for (const side of ["a", "b"]) {
      if (keepErrors.has(side)) continue;
      if (side in proposed) forgetRefusal(side);
      else dropRefusal(side);
    }
  }
  for (const side of Object.keys(proposed)) delete retry[side]; // a new text for the box replaces the one kept
  Object.assign(wordChange.pending, proposed);
  wordChange.fromLink = fromLink;
  const a = wordChange.pending.a ?? state.a;
  const b = wordChange.pending.b ?? state.b;
  const seq = ++wordChange.seq;
  try {
    const body = await fetchMorph(a, b);
    if (seq !== wordChange.seq) return "";
    const typed = wordChange.pending;
    wordChange.pending = {};
    commitWords(body, keepErrors, typed, wordChange.fromLink);
    return "";
  } catch (error) {
    if (seq !== wordChange.seq) return ""; // the latest change asks with the same words and reports
    const parameter = (error.body || {}).parameter;
    const side = parameter === "a" || parameter === "b" ? parameter : "b" in proposed ? "b" : "a";
    const asked = wordChange.pending[side]; // the text of that side's change; none: the side's word on show
    if (error.name === "AbortError" || asked === undefined) {
      pickers[side].show(state.text[side], state[side]);
      if (error.name !== "AbortError") showWordError(side, error, state.text[side]);
    } else {
      const link = wordChange.fromLink && asked !== linkDefaults[side];
      showWordError(side, error, asked, link ? linkDefaults[side] : "");
      pickers[side].refuse(asked);
      if (error.name === "ServerUnreachable") retry[side] = asked;
      else refusals[side] = { text: asked, unknown: (error.body || {}).error === "unknown_word", link };
    }
    delete wordChange.pending[side];
    const others = Object.keys(wordChange.pending).length;
    if (others && state.a && state.b) chooseWords({}, keepErrors, fromLink); // the other box's choice still stands
    else wordChange.pending = {};
    return side;
  }
}

// A word for one box, from that box, its refusal's suggestions or the word map: the box is edited.
function chooseWord(side, word) {
  clearKept(side);
  state.lastChosen = side; // Auto describes in this box's language when it is Spanish (reading.js)
  if (side === state.mapTarget) {
    state.mapTarget = side === "a" ? "b" : "a"; // the next map click sets the other word
    $(`#map-target-${state.mapTarget}`).checked = true;
  }
  return chooseWords({ [side]: word });
}

function showMorph(body, seq) {
  // an answer for a pair or a crowd no longer shown
  if (body.words[0] !== state.a || body.words[1] !== state.b || (body.source || "") !== state.source) return;
  state.current = body;
  markFresh();
  learnCap(body, body.askedIntensity);
  showIntensity();
  showEqNotes(body);
  plotMorph(body, seq);
  renderTable(body);
  applyEq(body);
  updateExports();
  requestDescribe();
  showStatus("");
}

function wire() {
  onMorph(showMorph);
  onServerBack(() => {
    const again = { ...retry };
    for (const side of Object.keys(again)) delete retry[side];
    if (Object.keys(again).length && state.a && state.b) {
      chooseWords(again); // its answer asks for the curves and the morph at the sliders' setting
      return;
    }
    fetchEnds();
    requestMorph();
  });
  onReading(() => {
    updateMap(); // a phrase's place on the map
    requestDescribe(); // in the language of the words
  });
  onSuggestion(chooseWord);
  const forget = (side) => () => {
    delete retry[side];
    forgetRefusal(side);
  };
  pickers.a = makePicker("a", (word) => chooseWord("a", word), forget("a"), () => clearKept("a"));
  pickers.b = makePicker("b", (word) => chooseWord("b", word), forget("b"), () => clearKept("b"));
  // A word still being checked (typed, then Swap clicked, which commits it on blur) is swapped too. A refused
  // text is left as Swap is clicked: its note goes with the word it names ("still using 'warm'") to the other box.
  $("#swap").addEventListener("click", () => {
    dropRefusals();
    const kept = { a: keptNote("a"), b: keptNote("b") };
    showKept("a", kept.b);
    showKept("b", kept.a);
    if (state.lastChosen) state.lastChosen = state.lastChosen === "a" ? "b" : "a"; // the user's words moved
    chooseWords({ a: wordChange.pending.b ?? state.text.b, b: wordChange.pending.a ?? state.text.a });
  });
  wireDescribeIn();
  wireSlider("alpha", updateMap);
  const intensity = wireSlider("intensity", fetchEnds);
  intensity.addEventListener("dblclick", () => {
    if (!state.limits) return; // not started: the default is the server's
    intensity.value = String(state.limits.intensity.default);
    // Both events, as a drag ends: "change" writes the link, which a double-click's first click has just set.
    intensity.dispatchEvent(new Event("input"));
    intensity.dispatchEvent(new Event("change"));
  });
  for (const side of ["a", "b"]) {
    $(`#map-target-${side}`).addEventListener("change", () => {
      state.mapTarget = side;
    });
  }
  wireAudio();
  wireMatch();
  initPlot();
}

// The pair to start with: the link's words if the server takes them, else a default for each one refused.
async function startWords(saved, defaults) {
  const given = (word) => Boolean(word && word.trim());
  const wanted = { a: given(saved.a) ? saved.a : defaults.a, b: given(saved.b) ? saved.b : defaults.b };
  const refused = new Set();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const side = await chooseWords(wanted, refused, true);
    if (!side || refused.has(side)) return;
    refused.add(side);
    wanted[side] = defaults[side];
  }
}

// What the link (the URL hash) holds, shown as opening it shows it: values it lacks or the server's limits
// refuse are the defaults (a refused one said under the sliders, as a crowd or language the menus lack is), and so
// is a word the server refuses (reported next to its box).
async function followLink(sources, defaults) {
  clearKept("a");
  clearKept("b");
  const saved = readHash(state.limits);
  $("#alpha").value = saved.alpha ?? "0.5";
  $("#intensity").value = saved.intensity ?? String(state.limits.intensity.default);
  for (const name of ["alpha", "intensity"]) {
    readSlider(name);
    const refused = saved.refused[name];
    const used = state[`${name}Text`];
    showLinkNote(name, refused === undefined ? "" : linkValueNote(name, refused, state.limits[name], used));
  }
  const crowd = sources.includes(saved.source) ? saved.source : "";
  state.source = $("#crowd").value = crowd;
  showLinkNote("crowd", saved.source && !crowd ? linkCrowdNote(saved.source, sources.map(crowdName)) : "");
  const language = linkLanguage(saved.language, menuLanguages());
  state.describeIn = $("#describe-in").value = language ?? "";
  showLinkNote("lang", language === null ? linkLanguageNote(saved.language, menuLanguages()) : "");
  await startWords(saved, defaults);
}

async function init() {
  wire();
  try {
    const [health, limits, vocab] = await Promise.all([api("/api/health"), api("/api/limits"), api("/api/words")]);
    const info = $("#model-info");
    info.textContent = `model ${health.model_id} · ${health.words} words`;
    info.dataset.modelId = health.model_id;
    setPreviewRate(health.grid.sample_rate);
    setCrowds(health.sources || []);
    setLimits(limits);
    setVocabulary(vocab.words, vocab.studio_terms || [], vocab.lexicon_terms || []);
    drawMap((word) => chooseWord(state.mapTarget, word));
    const known = (w) => (state.byWord.has(w) ? w : "");
    const defaults = Object.assign(linkDefaults, {
      a: known("warm") || (state.words[0] || {}).word || "",
      b: known("bright") || (state.words[1] || state.words[0] || {}).word || "",
    });
    state.mapTarget = "a";
    const follow = () => followLink(health.sources || [], defaults);
    await follow();
    // A link edited in the address bar (or set by a script) is followed as if it had been opened, and so is
    // the entry Back or Forward goes to. Both events may come for one move: a hash is followed once.
    let following = "";
    const followNew = () => {
      if (hashIsOwn() || location.hash === following) return;
      historyMoved();
      following = location.hash;
      follow().catch(showError).finally(() => {
        following = "";
      });
    };
    window.addEventListener("hashchange", followNew);
    window.addEventListener("popstate", followNew);
    document.body.dataset.ready = "1";
  } catch (error) {
    showError(error);
  }
}

// Modules run deferred, before DOMContentLoaded; waiting for it keeps the start-up order of the old classic script.
document.addEventListener("DOMContentLoaded", init);
