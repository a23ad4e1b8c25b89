// eqmorph page: the word map, an SVG scatter of the vocabulary with the A-B path and the morph's cursor.
import { $ } from "./dom.js";
import { state } from "./state.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const MAP_LABELS = 30; // at most this many permanent labels on the map; every word has one on hover

const map = { dots: new Map(), labels: new Map(), path: null, cursor: null, w: 400, h: 300, pad: 18 };
const mapX = (x) => map.pad + ((x + 1) / 2) * (map.w - 2 * map.pad);
const mapY = (y) => map.h - map.pad - ((y + 1) / 2) * (map.h - 2 * map.pad); // +y is up

function svg(tag, attrs) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const dotRadius = (count, maxCount) => 2.5 + 9 * Math.sqrt(count / maxCount);

// The most frequent words get a permanent label, skipping any whose label would overlap one already placed.
function labelSpots(maxCount) {
  const placed = [];
  const chosen = new Set();
  for (const entry of state.words.slice().sort((p, q) => q.count - p.count)) {
    if (chosen.size >= MAP_LABELS) break;
    const r = dotRadius(entry.count, maxCount);
    const width = 5.6 * entry.word.length; // 10 px system font, average glyph width
    const x0 = entry.x > 0.4 ? mapX(entry.x) - r - 2 - width : mapX(entry.x) + r + 2;
    const box = { x0, x1: x0 + width, y0: mapY(entry.y) - 6, y1: mapY(entry.y) + 6 };
    if (placed.some((o) => box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1)) continue;
    placed.push(box);
    chosen.add(entry.word);
  }
  return chosen;
}

// onClick(word) is called when a word's circle is clicked.
export function drawMap(onClick) {
  const root = $("#word-map");
  const maxCount = Math.max(1, ...state.words.map((w) => w.count));
  const dots = svg("g", {});
  const labels = svg("g", {});
  map.path = svg("line", { class: "path", x1: 0, y1: 0, x2: 0, y2: 0, visibility: "hidden" });
  map.cursor = svg("circle", { class: "cursor", r: 3.5, cx: 0, cy: 0, visibility: "hidden" });
  const labelled = labelSpots(maxCount);
  // Big circles first so that small ones stay on top and clickable.
  for (const entry of [...state.words].sort((p, q) => q.count - p.count)) {
    const r = dotRadius(entry.count, maxCount);
    const dot = svg("circle", { class: "dot", cx: mapX(entry.x), cy: mapY(entry.y), r, "data-word": entry.word });
    const title = svg("title", {});
    title.textContent = `${entry.word}: ${entry.count} examples, confidence ${entry.confidence.toFixed(2)}`;
    dot.append(title);
    dots.append(dot);
    map.dots.set(entry.word, dot);
    const onRight = entry.x > 0.4; // labels of words near the right edge go to the left of their circle
    const label = svg("text", { x: mapX(entry.x) + (onRight ? -r - 2 : r + 2), y: mapY(entry.y) + 3.5,
      "text-anchor": onRight ? "end" : "start" });
    label.textContent = entry.word;
    label.setAttribute("visibility", labelled.has(entry.word) ? "visible" : "hidden");
    label.dataset.always = labelled.has(entry.word) ? "1" : "";
    labels.append(label);
    map.labels.set(entry.word, label);
  }
  root.replaceChildren(map.path, dots, labels, map.cursor);
  root.addEventListener("click", (event) => {
    const dot = event.target.closest("circle[data-word]");
    if (dot) onClick(dot.dataset.word);
  });
}

export function updateMap() {
  for (const [word, dot] of map.dots) {
    const role = word === state.a ? "is-a" : word === state.b ? "is-b" : "";
    dot.classList.toggle("is-a", role === "is-a");
    dot.classList.toggle("is-b", role === "is-b");
    const label = map.labels.get(word);
    label.classList.toggle("is-a", role === "is-a");
    label.classList.toggle("is-b", role === "is-b");
    label.setAttribute("visibility", role || label.dataset.always ? "visible" : "hidden");
  }
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
