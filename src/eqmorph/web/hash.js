// eqmorph page: the URL hash, so that a setting can be bookmarked or shared.
import { state } from "./state.js";

export function saveHash() {
  const params = new URLSearchParams({ a: state.a, b: state.b, alpha: state.alphaText, i: state.intensityText });
  history.replaceState(null, "", `#${params}`);
}

// Numbers outside the sliders' ranges are dropped (null), so a hand-edited link cannot set what a slider cannot.
export function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const number = (key, lo, hi) => {
    const v = Number(params.get(key));
    return params.has(key) && Number.isFinite(v) && v >= lo && v <= hi ? params.get(key) : null;
  };
  return { a: params.get("a"), b: params.get("b"), alpha: number("alpha", 0, 1), intensity: number("i", -1, 2) };
}
