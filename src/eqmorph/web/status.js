// eqmorph page: the status line, where errors show, and an unknown word's suggestions become buttons.
import { $ } from "./dom.js";
import { state } from "./state.js";

// Set by the entry: choosing a suggestion sets a word, which this module must not know how to do.
let pickSuggestion = () => {};

export function onSuggestion(handler) {
  pickSuggestion = handler;
}

export function showStatus(text, isError = false, suggestions = [], side = null) {
  const el = $("#status");
  el.replaceChildren(document.createTextNode(text));
  el.classList.toggle("error", isError);
  for (const s of suggestions) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `${s.word} (${s.count})`;
    button.addEventListener("click", () => pickSuggestion(side || state.mapTarget, s.word));
    el.append(button);
  }
}

export function showError(error) {
  if (error.name === "AbortError") return;
  const body = error.body || {};
  if (body.error === "unknown_word") {
    const side = body.parameter === "b" ? "b" : "a";
    const hint = body.suggestions.length ? " Did you mean:" : " No similar words known.";
    showStatus(`Unknown word “${body.word}”.${hint}`, true, body.suggestions, side);
  } else {
    showStatus(error.message || String(error), true);
  }
}
