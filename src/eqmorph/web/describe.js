// eqmorph page: "sounds like: ..." under the curve, the words the EQ on display sounds like (/api/describe),
// following the slider: at most one request in flight, and the latest EQ is described when it returns. The words
// are of one language: the "Describe in" menu's, or in Auto the user's (reading.js), English unless they typed
// Spanish.
import { api } from "./api.js";
import { $ } from "./dom.js";
import { describeLanguage } from "./reading.js";
import { state } from "./state.js";

const describeFetch = { busy: false, dirty: false };

export function requestDescribe() {
  describeFetch.dirty = true;
  if (!describeFetch.busy) sendDescribe();
}

function sendDescribe() {
  const body = state.current;
  const language = describeLanguage();
  if (language === undefined) return; // the boxes' texts are being read: their reading asks again (app.js)
  describeFetch.dirty = false;
  if (!body) return;
  describeFetch.busy = true;
  const params = { a: body.words[0], b: body.words[1], alpha: String(body.alpha), intensity: String(body.intensity),
    language };
  api("/api/describe", body.source ? { ...params, source: body.source } : params)
    .then((answer) => {
      // Not an answer for an EQ or a language no longer asked for (the menu changed while it was on its way).
      if (state.current === body && describeLanguage() === language) showDescription(answer);
    })
    .catch(() => {
      $("#sounds-like").textContent = ""; // a description is extra: the curve and table still stand
    })
    .finally(() => {
      describeFetch.busy = false;
      if (describeFetch.dirty) sendDescribe();
    });
}

function showDescription(answer) {
  const el = $("#sounds-like");
  const top = answer.sounds_like.slice(0, 3).map((s) => `${s.word} (${s.score.toFixed(2)})`).join(", ");
  const words = document.createElement("span");
  // For screen readers: Spanish words are read as Spanish.
  words.lang = answer.text && answer.language !== "any" ? answer.language : "";
  words.textContent = answer.text || "nothing: the EQ is flat";  // as `eqmorph describe` says it
  el.replaceChildren("sounds like: ", words);
  showAutoChoice(answer.language);
  el.title = `closest words: ${top}`;
  Object.assign(el.dataset, { a: answer.words[0], b: answer.words[1], alpha: String(answer.alpha),
    intensity: String(answer.intensity), text: answer.text, language: answer.language });
}

// The languages the "Describe in" menu offers, by value, as it names them: {en: "English", es: "Español"}.
export const menuLanguages = () => Object.fromEntries([...$("#describe-in").options].filter((o) => o.value)
  .map((o) => [o.value, o.textContent]));

// Auto says the language it chose, on the menu itself ("Auto (Español)"): a description that turned English with no
// word of why left a Spanish-speaking user guessing (a Spanish engineer's trial).
function showAutoChoice(language) {
  const auto = $("#describe-in").options[0];
  const name = menuLanguages()[language];
  auto.textContent = state.describeIn || !name ? "Auto" : `Auto (${name})`;
}
