// eqmorph page: the vocabulary the model knows, and the word search behind the pickers.
import { state } from "./state.js";

const SUGGESTIONS_SHOWN = 12; // rows in a word picker's drop-down

// Accent- and case-free comparison key, like eqmorph.vocab.fold on the server.
export const fold = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").trim().toLowerCase().replace(/\s+/g, " ");

// Keeps each word's folded key next to it so that a search does not fold the whole vocabulary per keystroke.
export function setVocabulary(words) {
  state.words = words.map((w) => ({ ...w, folded: fold(w.word) }));
  state.byWord = new Map(state.words.map((w) => [w.word, w]));
}

// The word typed itself first (up to case and accents), then words starting with the query, then words
// containing it; more examples first within each group. Listing the exact word first matters: a picker
// highlights it, and "air" must not sit below "airy", which has more examples and a different EQ.
export function searchWords(query, limit = SUGGESTIONS_SHOWN) {
  const key = fold(query);
  const exact = [];
  const starts = [];
  const holds = [];
  for (const entry of state.words) {
    const folded = entry.folded;
    if (folded === key) exact.push(entry);
    else if (folded.startsWith(key)) starts.push(entry);
    else if (folded.includes(key)) holds.push(entry);
  }
  return exact.concat(starts, holds).slice(0, limit);
}
