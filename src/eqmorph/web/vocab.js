// eqmorph page: the vocabulary the model knows, the studio terms it reads, and the word search behind the pickers.
import { state } from "./state.js";

const SUGGESTIONS_SHOWN = 12; // rows in a word picker's drop-down

// Accent- and case-free comparison key, like eqmorph.vocab.fold on the server.
export const fold = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").trim().toLowerCase().replace(/\s+/g, " ");

// Studio terms (band words: "presence", "low cut", "agudos"), /api/words' studio_terms: EQ moves the server defines
// rather than learned words, so they are kept apart from the vocabulary (the word map and counts are the crowd's).
let studioTerms = [];
// Lexicon words (/api/words' lexicon_terms: "cálido" -> warm, caliente), offered after the words and studio terms:
// "cál" found caliente and calm, not the word a Spanish speaker types for warm (a new-user trial).
let lexiconTerms = [];

// Keeps each word's folded key next to it so that a search does not fold the whole vocabulary per keystroke.
export function setVocabulary(words, studio = [], lexicon = []) {
  state.words = words.map((w) => ({ ...w, folded: fold(w.word) }));
  state.byWord = new Map(state.words.map((w) => [w.word, w]));
  // A term the vocabulary has under its name is the crowd's word there (the server reads a band word only when
  // the vocabulary does not know it), so it is listed as a word, not as a studio term.
  studioTerms = studio
    .filter((t) => !state.byWord.has(t.word))
    .map((t) => ({ ...t, studio: true, folded: fold(t.word),
                   keys: t.forms.map((f) => ({ form: f, folded: fold(f) })) }));
  lexiconTerms = lexicon.map((t) => ({ ...t, lexicon: true, folded: fold(t.word) }));
}

// Whether text is a vocabulary word or a studio term's spelling (up to case, accents and spacing).
export function isKnownText(text) {
  const key = fold(text);
  return state.words.some((w) => w.folded === key) || studioTerms.some((t) => t.keys.some((f) => f.folded === key))
    || lexiconTerms.some((t) => t.folded === key);
}

// How a folded text matches the query: 0 it is the query, 1 it starts with it, 2 it holds it, -1 not at all.
const rank = (folded, key) => (folded === key ? 0 : folded.startsWith(key) ? 1 : folded.includes(key) ? 2 : -1);

// Studio terms with a form matching the folded key ("agud" finds treble by "agudos"), each with the form that matched
// best (`form`), ranked as words are (the term typed, then starting with it, then holding it), then in table order.
function searchStudioTerms(key) {
  const groups = [[], [], []];
  for (const term of studioTerms) {
    let best = null;
    for (const f of term.keys) {
      const r = rank(f.folded, key);
      if (r >= 0 && (best === null || r < best.r)) best = { r, form: f.form };
    }
    if (best) groups[best.r].push({ ...term, form: best.form });
  }
  return groups.flat();
}

// Entries matching the folded key, ranked (the key itself, then starting with it, then holding it), each group in the
// entries' order (vocabulary words: more examples first).
function ranked(entries, key) {
  const groups = [[], [], []];
  for (const entry of entries) {
    const r = rank(entry.folded, key);
    if (r >= 0) groups[r].push(entry);
  }
  return groups.flat();
}

// Lower case with its accents kept (composed, so that a typed "á" is the listed one however either was entered).
const accented = (text) => text.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");

// The matches that keep the accents the user typed first, ranked as the rest are, then the rest in their order:
// "cál" + Enter took caliente, a word folding finds as well, where a Spanish speaker meant cálido, listed fourth
// (new-user trial 7). Text typed without accents is searched as before, accents ignored.
function typedAccentsFirst(found, query) {
  const typed = accented(query);
  if (typed === fold(query)) return found;
  const tier = (entry) => {
    const r = rank(accented(entry.studio ? entry.form : entry.word), typed);
    return r < 0 ? 3 : r;
  };
  const tiers = new Map(found.map((entry) => [entry, tier(entry)]));
  return [...found].sort((x, y) => tiers.get(x) - tiers.get(y)); // a stable sort: the order within a tier stays
}

// Vocabulary words first: the word typed itself (up to case and accents), then words starting with the query, then
// words containing it; more examples first within each group. Listing the exact word first matters: a picker
// highlights it, and "air" must not sit below "airy", which has more examples and a different EQ. Studio terms
// that match follow the words (entries with `studio: true`), then lexicon words, ranked as words are: "mud" typed
// still lists muddy first (a vocabulary word), and "cálido" typed, which no word holds, is its own first row, the
// one Enter takes. Typed accents come before all that (typedAccentsFirst). An empty query lists words only.
export function searchWords(query, limit = SUGGESTIONS_SHOWN) {
  const key = fold(query);
  const words = ranked(state.words, key);
  if (!key) return words.slice(0, limit);
  const found = words.concat(searchStudioTerms(key), ranked(lexiconTerms, key));
  return typedAccentsFirst(found, query).slice(0, limit);
}
