// eqmorph page: what the page does while the server does not answer. A banner next to the controls says so,
// the frequency response card is marked as the last EQ the server sent (the sliders may have moved on
// since, and the curve must not pass for their setting), and the server is asked again every few seconds;
// once it answers, the page asks for the setting on show again.
import { $ } from "./dom.js";
import { state } from "./state.js";

const RETRY_MS = 2000;

const connection = { down: false, timer: 0, onBack: () => {} };

// Set by the entry: what to ask for again once the server is back (the morph and the ends at the sliders).
export function onServerBack(handler) {
  connection.onBack = handler;
}

export function serverIsDown() {
  return connection.down;
}

// The setting the card still shows, as the sliders write it, so the user can compare it with theirs.
function shownSetting() {
  const body = state.current;
  if (!body) return "no EQ yet";
  const digits = state.digits;
  return `${body.words[0]} → ${body.words[1]} at morph ${body.alpha.toFixed(digits.alpha)}, intensity `
    + `${body.intensity.toFixed(digits.intensity)}`;
}

export function serverUnreachable() {
  const banner = $("#server-down");
  banner.textContent = "The eqmorph server is not reachable: is `eqmorph serve` still running? The page "
    + `tries again every ${RETRY_MS / 1000} s and follows the controls once it answers.`;
  banner.hidden = false;
  const stale = $("#stale-note");
  stale.textContent = `Not updated: the server did not answer. Still showing the last EQ it sent (${shownSetting()}).`;
  stale.hidden = false;
  $(".card.plot").classList.add("stale");
  $("#curve").dataset.stale = "1";
  if (connection.down) return;
  connection.down = true;
  poll();
}

export function serverAnswered() {
  clearTimeout(connection.timer);
  if (!connection.down) return;
  connection.down = false;
  $("#server-down").hidden = true;
  connection.onBack();
}

// An answer for the sliders' setting is on show: the card is current again. Not on the server's first answer,
// which may be to another request (a description, a word's reading) while the old curve is still up.
export function markFresh() {
  $("#stale-note").hidden = true;
  $(".card.plot").classList.remove("stale");
  delete $("#curve").dataset.stale;
}

// A plain fetch, not api(): a failed check is the expected case here and must not re-arm the banner.
function poll() {
  clearTimeout(connection.timer);
  connection.timer = setTimeout(async () => {
    try {
      const response = await fetch("/api/health", { headers: { Accept: "application/json" } });
      if (response.ok) {
        serverAnswered();
        return;
      }
    } catch {
      // still down
    }
    if (connection.down) poll();
  }, RETRY_MS);
}
