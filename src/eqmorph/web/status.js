// eqmorph page: where messages show: a refused word next to its box (with known words spelled like it
// as buttons), a link's refused slider value under the sliders, anything else in the status line.
import { $ } from "./dom.js";

// How eqmorph.errors.UnknownWordError starts its message when it has nothing more specific to say.
const GENERIC_UNKNOWN = "unknown word ";

// Set by the entry: choosing a suggestion sets a word, which this module must not know how to do.
let pickSuggestion = () => {};

export function onSuggestion(handler) {
  pickSuggestion = handler;
}

export function showStatus(text, isError = false) {
  const el = $("#status");
  el.replaceChildren(document.createTextNode(text));
  el.classList.toggle("error", isError);
}

export function showError(error) {
  // A server that does not answer is said next to the controls (connection.js), not down here as well.
  if (error.name === "AbortError" || error.name === "ServerUnreachable") return;
  showStatus(error.message || String(error), true);
}

// Why the server refused `word` for box `side`, under that box; an unknown word's suggestions are buttons.
// The server's generic "unknown word 'x'; closest known words: ..." is said more shortly here (the
// suggestions are the buttons); any other refusal of a word keeps the server's sentence, which says why
// ("'hello' names no sound: it is on eqmorph's stop list ..."). instead: the word a link's refused `word` is
// replaced by, which the sentence names first, so that the box's other word is never a silent change.
export function showWordError(side, error, word, instead = "") {
  clearKept(side);
  const el = $(`#word-${side}-error`);
  const body = error.body || {};
  const linked = instead && error.name !== "ServerUnreachable";
  const why = body.error === "unknown_word" ? "is not understood" : "is refused";
  const lead = linked ? `The link's word “${word}” ${why}, so the box shows “${instead}” instead.` : "";
  if (body.error === "unknown_word") {
    const suggestions = body.suggestions || [];
    const generic = !body.detail || body.detail.startsWith(GENERIC_UNKNOWN);
    const hint = suggestions.length ? " Did you mean:" : " No similar words known.";
    const said = generic ? (lead || `Unknown word “${body.word ?? word}”.`)
      : `${lead ? `${lead} ` : ""}${body.detail.replace(/[^.!?]$/, "$&.")}`;
    const text = generic || suggestions.length ? `${said}${hint}` : said;
    el.replaceChildren(document.createTextNode(`${text} `));
    for (const s of suggestions) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${s.word} (${s.count})`;
      button.addEventListener("click", () => pickSuggestion(side, s.word));
      el.append(button);
    }
    // How to have such words read by meaning, as the server says it (its option, the install command when the text
    // extra is missing); sent only when its open vocabulary is off and would read this word. A sentence the server
    // did not shorten says it already.
    if (generic && body.hint) el.append(document.createTextNode(`${suggestions.length ? " " : ""}${body.hint}`));
  } else {
    el.replaceChildren(document.createTextNode(`${lead ? `${lead} ` : ""}${refusal(word, error)}`));
  }
  el.hidden = false;
}

// A refusal the user left for another control: the box is back to the word on show, and this note says so
// under it until the box is edited (a refusal that merely vanished left the user not knowing what was used).
export function showKept(side, text) {
  const el = $(`#word-${side}-kept`);
  el.textContent = text;
  el.hidden = !text;
}

export const keptNote = (side) => $(`#word-${side}-kept`).textContent;

export function clearKept(side) {
  showKept(side, "");
}

// The server's own sentence names its query parameter ("b='not' is not allowed"), which the user never typed:
// the page says it with the word instead; a server that did not answer has not refused anything. A library refusal (ParameterError) gives what is allowed; a request
// check (FastAPI's, its body listing "errors") gives a whole sentence of its own.
function refusal(word, error) {
  if (error.name === "ServerUnreachable") {
    return `“${word}” is not checked yet: the eqmorph server is not reachable. It is asked for again as soon as `
      + "the server answers.";
  }
  const body = error.body || {};
  if (body.error !== "invalid_parameter" || !body.allowed) return `“${word}”: ${error.message || String(error)}`;
  return body.errors ? `“${word}”: ${body.allowed}` : `“${word}” is not allowed: expected ${body.allowed}`;
}

export function clearWordError(side) {
  const el = $(`#word-${side}-error`);
  el.hidden = true;
  el.replaceChildren();
}

// A link's value a slider or a menu could not take, by control ("alpha", "intensity", "crowd", "lang"): said under
// the sliders, as a link's refused word is under its box, until that control is changed (its value is then the
// user's) or another link is followed. text "": none for that control.
const linkNotes = {};

export function showLinkNote(name, text) {
  if (text) linkNotes[name] = text;
  else delete linkNotes[name];
  const el = $("#link-note");
  el.replaceChildren(...["alpha", "intensity", "crowd", "lang"].filter((n) => linkNotes[n]).map((n) => {
    const line = document.createElement("span");
    line.textContent = linkNotes[n];
    return line;
  }));
  el.hidden = !el.childElementCount;
}
