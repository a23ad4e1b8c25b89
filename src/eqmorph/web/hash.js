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

// Numbers outside the server's limits are dropped (null), so a hand-edited link cannot set what a slider cannot.
// So is an empty value, which Number() would read as 0 (a flat EQ); a kept one is written as a slider takes it.
export function readHash(limits) {
  const params = new URLSearchParams(location.hash.slice(1));
  const number = (key, bound) => {
    const text = (params.get(key) ?? "").trim();
    const v = Number(text);
    return text && Number.isFinite(v) && v >= bound.low && v <= bound.high ? String(v) : null;
  };
  return { a: params.get("a"), b: params.get("b"), alpha: number("alpha", limits.alpha),
    intensity: number("i", limits.intensity), source: params.get("src") || "" };
}
