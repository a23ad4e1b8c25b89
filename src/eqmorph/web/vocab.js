// eqmorph page: the vocabulary the model knows, and the word search behind the pickers.
import { state } from "./state.js";

const SUGGESTIONS_SHOWN = 12; // rows in a word picker's drop-down

// Accent- and case-free comparison key, like eqmorph.vocab.fold on the server.
const fold = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").trim().toLowerCase().replace(/\s+/g, " ");

// Keeps each word's folded key next to it so that a search does not fold the whole vocabulary per keystroke.
export function setVocabulary(words) {
  state.words = words.map((w) => ({ ...w, folded: fold(w.word) }));
  state.byWord = new Map(state.words.map((w) => [w.word, w]));
}

// Words starting with the query first, then words containing it; more examples first within each group.
export function searchWords(query, limit = SUGGESTIONS_SHOWN) {
  const key = fold(query);
  const starts = [];
  const holds = [];
  for (const entry of state.words) {
    const folded = entry.folded;
    if (folded.startsWith(key)) starts.push(entry);
    else if (folded.includes(key)) holds.push(entry);
    if (starts.length >= limit) break;
  }
  return starts.concat(holds).slice(0, limit);
}
