// eqmorph page: how the server read each box's text (/api/parse): the note under the box, the place of the text on
// the word map (a phrase has no circle of its own) and its language, which the "sounds like" line follows.
import { api } from "./api.js";
import { $ } from "./dom.js";
import { state } from "./state.js";

const MAX_KEPT = 256; // readings kept by text: Swap and Back show texts read before
const kept = new Map(); // text -> Promise of the /api/parse answer, or of null when there is none

// Set by the entry: what follows a reading (the map's marks, the description's language).
let onRead = () => {};

export function onReading(handler) {
  onRead = handler;
}

function read(text) {
  let found = kept.get(text);
  if (!found) {
    // A failed reading (the server down) is not kept: the next word change asks again.
    found = api("/api/parse", { text }).catch(() => {
      kept.delete(text);
      return null;
    });
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value);
    kept.set(text, found);
  }
  return found;
}

// The reading of side's text once it has come (undefined until then; null when the server gave none).
export function readingOf(side) {
  const reading = state.reading[side];
  return reading && reading.text === state.text[side] ? reading.answer : undefined;
}

// The terms of a reading the model does not know and guessed from similar words: the open vocabulary's pieces,
// read by their text-embedding neighbours alone ("velvety", "blorptastic"); none for a reading of known words, or
// one a lexicon gives too ("cálido": a translation, then neighbours).
export function guessedTerms(answer) {
  if (!answer) return [];
  return answer.pieces.filter((p) => p.meanings.length && p.meanings.every((m) => m.how === "embedding"))
    .map((p) => p.term);
}

// Whether a box's reading keeps the description Spanish: read as Spanish with no guessed word in it, or with no
// language of its own ("nasal", the same word in both; a mix of known words). A guessed word is English whatever
// the server's language says: the open vocabulary's text model reads English only (docs/language.md), and an
// English "velvety" next to "un poco más cálido" made "sounds like" Spanish (new-user trial 7).
const allowsSpanish = (reading) => !guessedTerms(reading).length && (!reading || reading.language !== "en");

// The language the page describes in: the "Describe in" menu's when the user chose one (state.describeIn), else
// Auto: Spanish when the box the user last typed in or picked a word for is read as Spanish with no guessed word
// (allowsSpanish), or when a box is read as Spanish and the other one too or of no language; English otherwise, as
// the command line speaks unless asked. The last box first: with the default "bright" in B, a Spanish phrase typed in
// A was described in English (a Spanish engineer's trial); the user's latest words are the language they are working
// in. undefined in Auto while a box's text is still being read, so that the description is not asked for in one
// language and then the other.
export function describeLanguage() {
  if (state.describeIn) return state.describeIn;
  const readings = [readingOf("a"), readingOf("b")];
  if (readings.includes(undefined)) return undefined;
  const last = state.lastChosen ? readingOf(state.lastChosen) : null;
  if (last && last.language === "es" && allowsSpanish(last)) return "es";
  const spanish = readings.some((r) => r && r.language === "es") && readings.every(allowsSpanish);
  return spanish ? "es" : "en";
}

// The note under a box: how its text was read (none for no answer), after what the model guessed, said first
// ("velvety" is no word it knows: the EQ is a blend of similar words', which the summary's "embedding neighbours"
// did not say plainly to a new user, who took a guess for the model's knowledge: new-user trial 7).
function showNote(note, answer) {
  const guessed = guessedTerms(answer);
  note.dataset.guessed = guessed.join("\n");
  if (!answer) {
    note.textContent = "";
    return;
  }
  const quoted = guessed.map((term) => `“${term}”`).join(" and ");
  const guess = document.createElement("span");
  guess.className = "guess";
  const known = guessed.length > 1 ? "are not words the model knows" : "is not a word the model knows";
  guess.textContent = `${quoted} ${known}: guessed from similar words. `;
  note.replaceChildren(...(guessed.length ? [guess] : []), answer.summary);
}

// Reads both boxes' texts. Under each box, how its text was understood, unless it is exactly one vocabulary word
// taken at weight 1: a degree ("50% brighter"), an inflection ("brighter"), a phrase, a word outside the
// vocabulary or an ignored word ("warm drums") is explained.
export function readBoxes() {
  for (const side of ["a", "b"]) {
    const text = state.text[side];
    const note = $(`#word-${side}-note`);
    const plain = state.byWord.has(text) && text === state[side];
    if (plain || !text) {
      note.hidden = true;
      showNote(note, null);
    }
    if (!text) continue;
    if (state.reading[side].text !== text) state.reading[side] = { text, answer: undefined };
    read(text).then((answer) => {
      if (state.text[side] !== text) return; // the box has moved on
      state.reading[side] = { text, answer };
      if (!plain) {
        showNote(note, answer);
        note.hidden = !answer;
      }
      onRead(side);
    });
  }
}
