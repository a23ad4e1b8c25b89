// eqmorph page: the export links, which ask /api/export for the current setting as a preset file.
import { $ } from "./dom.js";
import { withSource } from "./requests.js";
import { state } from "./state.js";

export function updateExports() {
  const ready = Boolean(state.a && state.b);
  for (const format of ["json", "apo", "graphiceq", "csv"]) {
    const link = $(`#export-${format}`);
    const params = withSource({ a: state.a, b: state.b, alpha: state.alphaText, intensity: state.intensityText, format });
    // Not "#" when not ready: following it would empty the link (the URL hash) and reset the page.
    if (ready) link.href = `/api/export?${new URLSearchParams(params)}`;
    else link.removeAttribute("href");
    link.setAttribute("aria-disabled", String(!ready));
  }
}
