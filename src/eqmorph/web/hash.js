// eqmorph page: the URL hash, so that a setting can be bookmarked or shared.
import { state } from "./state.js";

export function saveHash() {
  const params = new URLSearchParams({ a: state.a, b: state.b, alpha: state.alphaText, i: state.intensityText });
  if (state.source) params.set("src", state.source);
  history.replaceState(null, "", `#${params}`);
}

// Numbers outside the server's limits are dropped (null), so a hand-edited link cannot set what a slider cannot.
export function readHash(limits) {
  const params = new URLSearchParams(location.hash.slice(1));
  const number = (key, bound) => {
    const v = Number(params.get(key));
    return params.has(key) && Number.isFinite(v) && v >= bound.low && v <= bound.high ? params.get(key) : null;
  };
  return { a: params.get("a"), b: params.get("b"), alpha: number("alpha", limits.alpha),
    intensity: number("i", limits.intensity), source: params.get("src") || "" };
}
