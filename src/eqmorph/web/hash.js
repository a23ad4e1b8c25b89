// eqmorph page: the URL hash, so that a setting can be bookmarked or shared.
import { state } from "./state.js";

export function saveHash() {
  const params = new URLSearchParams({ a: state.text.a, b: state.text.b, alpha: state.alphaText,
    i: state.intensityText });
  if (state.source) params.set("src", state.source);
  history.replaceState(null, "", `#${params}`);
}

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
