// eqmorph page: the word map, an SVG scatter of the vocabulary with the A-B path and the morph's cursor.
import { $ } from "./dom.js";
import { state } from "./state.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const MAP_LABELS = 30; // at most this many labels on the map; every circle names its word on hover

const map = { dots: new Map(), labels: new Map(), spots: new Map(), order: [], labelled: "", path: null, cursor: null,
  w: 400, h: 300, pad: 18 };
const mapX = (x) => map.pad + ((x + 1) / 2) * (map.w - 2 * map.pad);
const mapY = (y) => map.h - map.pad - ((y + 1) / 2) * (map.h - 2 * map.pad); // +y is up

function svg(tag, attrs) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const dotRadius = (count, maxCount) => 2.5 + 9 * Math.sqrt(count / maxCount);

// Where a label may sit around its circle of radius r: right, left, above, below, then the diagonals.
const SPOTS = [
  (r) => ({ dx: r + 2, dy: 3.5, anchor: "start" }),
  (r) => ({ dx: -r - 2, dy: 3.5, anchor: "end" }),
  (r) => ({ dx: 0, dy: -r - 3, anchor: "middle" }),
  (r) => ({ dx: 0, dy: r + 10, anchor: "middle" }),
  (r) => ({ dx: r * 0.7 + 1, dy: -r * 0.7 - 2, anchor: "start" }),
  (r) => ({ dx: -r * 0.7 - 1, dy: -r * 0.7 - 2, anchor: "end" }),
  (r) => ({ dx: r * 0.7 + 1, dy: r * 0.7 + 9, anchor: "start" }),
  (r) => ({ dx: -r * 0.7 - 1, dy: r * 0.7 + 9, anchor: "end" }),
];
const LABEL_GAP = 1; // px kept clear around every label

const overlaps = (p, q) => p.x < q.x + q.width + LABEL_GAP && q.x < p.x + p.width + LABEL_GAP
  && p.y < q.y + q.height + LABEL_GAP && q.y < p.y + p.height + LABEL_GAP;

// Shows labels without overlap: A and B first, then the words with most examples, each at the first spot
// around its circle (measured as rendered) that overlaps no label placed before it and stays on the map.
function placeLabels() {
  const placed = [];
  const order = [state.a, state.b, ...map.order.filter((w) => w !== state.a && w !== state.b)];
  let shown = 0;
  for (const word of order) {
    const label = map.labels.get(word);
    if (!label) continue;
    label.setAttribute("visibility", "hidden");
    const mustShow = word === state.a || word === state.b;
    if (!mustShow && shown >= MAP_LABELS) continue;
    const { cx, cy, r } = map.spots.get(word);
    for (const spot of SPOTS) {
      const { dx, dy, anchor } = spot(r);
      label.setAttribute("x", cx + dx);
      label.setAttribute("y", cy + dy);
      label.setAttribute("text-anchor", anchor);
      const box = label.getBBox();
      const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= map.w && box.y + box.height <= map.h;
      if (inside && !placed.some((other) => overlaps(box, other))) {
        placed.push(box);
        label.setAttribute("visibility", "visible");
        shown += 1;
        break;
      }
    }
  }
  map.labelled = `${state.a}\u0000${state.b}`;
}

// onClick(word) is called when a word's circle is clicked.
export function drawMap(onClick) {
  const root = $("#word-map");
  const maxCount = Math.max(1, ...state.words.map((w) => w.count));
  const dots = svg("g", {});
  const labels = svg("g", {});
  map.path = svg("line", { class: "path", x1: 0, y1: 0, x2: 0, y2: 0, visibility: "hidden" });
  map.cursor = svg("circle", { class: "cursor", r: 3.5, cx: 0, cy: 0, visibility: "hidden" });
  map.order = [...state.words].sort((p, q) => q.count - p.count).map((w) => w.word);
  // Big circles first so that small ones stay on top and clickable.
  for (const word of map.order) {
    const entry = state.byWord.get(word);
    const r = dotRadius(entry.count, maxCount);
    const cx = mapX(entry.x);
    const cy = mapY(entry.y);
    // A button for the keyboard too: one circle at a time is in the Tab order, the arrow keys move (moveFocus).
    const dot = svg("circle", { class: "dot", cx, cy, r, "data-word": word, role: "button", tabindex: -1,
      "aria-label": `${word}, ${entry.count} examples` });
    const title = svg("title", {});
    title.textContent = `${word}: ${entry.count} examples, confidence ${entry.confidence.toFixed(2)}`;
    dot.append(title);
    dots.append(dot);
    map.dots.set(word, dot);
    map.spots.set(word, { cx, cy, r });
    const label = svg("text", { x: cx, y: cy, visibility: "hidden" });
    label.textContent = word;
    labels.append(label);
    map.labels.set(word, label);
  }
  root.replaceChildren(map.path, dots, labels, map.cursor);
  if (map.order.length) map.dots.get(map.order[0]).setAttribute("tabindex", "0");
  root.addEventListener("click", (event) => {
    const dot = event.target.closest("circle[data-word]");
    if (dot) onClick(dot.dataset.word);
  });
  root.addEventListener("keydown", (event) => {
    const dot = event.target.closest("circle[data-word]");
    if (!dot) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onClick(dot.dataset.word);
    } else if (ARROWS[event.key]) {
      event.preventDefault();
      moveFocus(dot.dataset.word, ARROWS[event.key]);
    }
  });
  // The focused circle is the map's stop in the Tab order, and shows its word while it has the focus.
  root.addEventListener("focusin", (event) => {
    const dot = event.target.closest("circle[data-word]");
    if (!dot) return;
    for (const other of map.dots.values()) other.setAttribute("tabindex", other === dot ? "0" : "-1");
    map.labels.get(dot.dataset.word).classList.add("is-focus");
  });
  root.addEventListener("focusout", (event) => {
    const dot = event.target.closest("circle[data-word]");
    if (dot) map.labels.get(dot.dataset.word).classList.remove("is-focus");
  });
}

// Arrow keys move the focus to the nearest circle that way (screen directions: +y is down).
const ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

function moveFocus(word, [dx, dy]) {
  const from = map.spots.get(word);
  let best = null;
  let bestCost = Infinity;
  for (const [other, spot] of map.spots) {
    const along = (spot.cx - from.cx) * dx + (spot.cy - from.cy) * dy;
    const across = Math.abs((spot.cx - from.cx) * dy - (spot.cy - from.cy) * dx);
    if (other === word || along <= 0 || across > 2 * along) continue; // within 63 degrees of the arrow
    const cost = along + 2 * across;
    if (cost < bestCost) [best, bestCost] = [other, cost];
  }
  if (best) map.dots.get(best).focus();
}

export function updateMap() {
  for (const [word, dot] of map.dots) {
    const role = word === state.a ? "is-a" : word === state.b ? "is-b" : "";
    dot.classList.toggle("is-a", role === "is-a");
    dot.classList.toggle("is-b", role === "is-b");
    const label = map.labels.get(word);
    label.classList.toggle("is-a", role === "is-a");
    label.classList.toggle("is-b", role === "is-b");
  }
  // Labels move only when A or B changes (their bold labels come first); a slider step moves only the cursor.
  if (map.labelled !== `${state.a}\u0000${state.b}`) placeLabels();
  const pa = state.byWord.get(state.a);
  const pb = state.byWord.get(state.b);
  const both = Boolean(pa && pb && map.path);
  if (!map.path) return;
  map.path.setAttribute("visibility", both ? "visible" : "hidden");
  map.cursor.setAttribute("visibility", both ? "visible" : "hidden");
  if (both) {
    map.path.setAttribute("x1", mapX(pa.x));
    map.path.setAttribute("y1", mapY(pa.y));
    map.path.setAttribute("x2", mapX(pb.x));
    map.path.setAttribute("y2", mapY(pb.y));
    map.cursor.setAttribute("cx", mapX(pa.x + state.alpha * (pb.x - pa.x)));
    map.cursor.setAttribute("cy", mapY(pa.y + state.alpha * (pb.y - pa.y)));
  }
}
