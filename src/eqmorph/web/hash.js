// eqmorph page: the URL hash, so that a setting can be bookmarked or shared, and the browser's history of
// settings, so that Back and Forward go through the user's changes.
import { state } from "./state.js";

// Changes this close to each other make one history entry: a slider moved with the arrow keys (a "change" per
// key press), a double-click, a word chosen right after another. Each settled change is one step of Back.
const SETTLE_MS = 700;
const record = { written: "", settling: false, timer: 0 };

// The link of the setting on show. push: a change the user made, which gets its own history entry (one per
// burst of changes, see SETTLE_MS) so that Back returns to the setting before it; otherwise (the page's own
// start, a link followed, Back or Forward) the entry on show is corrected in place.
export function saveHash({ push = false } = {}) {
  const params = new URLSearchParams({ a: state.text.a, b: state.text.b, alpha: state.alphaText,
    i: state.intensityText });
  if (state.source) params.set("src", state.source);
  if (state.describeIn) params.set("lang", state.describeIn); // Auto, the default, is no value, as both crowds
  const hash = `#${params}`;
  record.written = hash;
  if (hash === location.hash) return;
  if (push && !record.settling) history.pushState(null, "", hash);
  else history.replaceState(null, "", hash);
  if (push) {
    record.settling = true;
    clearTimeout(record.timer);
    record.timer = setTimeout(() => {
      record.settling = false;
    }, SETTLE_MS);
  }
}

// Back, Forward or an edited link moved to another entry: the next change is a new entry, not this one's.
export function historyMoved() {
  clearTimeout(record.timer);
  record.settling = false;
}

// Whether the URL's hash is the one the page wrote last (so there is nothing new in it to follow).
export const hashIsOwn = () => location.hash === record.written;

// Numbers outside the server's limits are dropped (null), so a hand-edited link cannot set what a slider cannot;
// their text is kept in `refused`, by slider, for linkValueNote to say so. An empty value is dropped without a word
// (a link written without it), where Number() would read it as 0 (a flat EQ); a kept one is written as a slider
// takes it.
export function readHash(limits) {
  const params = new URLSearchParams(location.hash.slice(1));
  const refused = {};
  const number = (name, key) => {
    const text = (params.get(key) ?? "").trim();
    const v = Number(text);
    if (!text) return null;
    if (Number.isFinite(v) && v >= limits[name].low && v <= limits[name].high) return String(v);
    refused[name] = text;
    return null;
  };
  return { a: params.get("a"), b: params.get("b"), alpha: number("alpha", "alpha"),
    intensity: number("intensity", "i"), source: params.get("src") || "", language: params.get("lang") || "",
    refused };
}

const QUOTED_CHARS = 24; // a link's refused value is quoted up to this long: the note is about it, not a copy of it
const shown = (x) => String(x).replace("-", "−"); // as the sliders' ends show their limits
const quote = (text) => (text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}…` : text);

// What a link's refused value for slider `name` became, as a link's refused word is said ("The link's word …"):
// `text` as the link gave it, `bound` the server's limits (/api/limits) and `used` the value the slider is at.
export function linkValueNote(name, text, bound, used) {
  const quoted = quote(text);
  const why = Number.isNaN(Number(text)) ? `“${quoted}” is not a number`
    : `${shown(quoted)} is outside ${shown(bound.low)}..${shown(bound.high)}`;
  return `The link's ${name} ${why}; using ${shown(used)}.`;
}

// What a link's crowd (src) that the model does not have became, as a refused slider value is said: `names` are the
// model's crowds as the crowd menu names them (none for a model without per-crowd words, which has no menu).
export function linkCrowdNote(text, names) {
  const [known, used] = names.length ? [`this model's crowds are ${names.join(" and ")}`, "both crowds"]
    : ["this model has no crowds", "all its words"];
  return `The link's crowd “${quote(text)}” is not known (${known}); using ${used}.`;
}

// The "Describe in" choice of a link's lang: "" (Auto) for none or "auto"; any case, as the server reads language=.
// `offered`: the menu's languages, by value ({en: "English", es: "Español"}). null for a value the menu does not
// offer, which linkLanguageNote says.
export function linkLanguage(text, offered) {
  const key = text.trim().toLowerCase();
  if (!key || key === "auto") return "";
  return Object.hasOwn(offered, key) ? key : null; // not `in`: "constructor" is in every object
}

// What a link's lang that the "Describe in" menu does not offer became, as a link's unknown crowd is said.
export function linkLanguageNote(text, offered) {
  const named = Object.entries(offered).map(([key, name]) => `${key} (${name})`).join(" or ");
  return `The link's language “${quote(text)}” is not known (the page describes in ${named}); using Auto.`;
}
