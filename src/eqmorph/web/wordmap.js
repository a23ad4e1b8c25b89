// eqmorph page: the word map, an SVG scatter of the vocabulary with the A-B path and the morph's cursor. A or B
// that is a phrase ("warm but not muddy") has no circle of its own: a ring marks it where the server places it
// (/api/parse's map, reading.js). Labels keep one size on screen, whatever the map's width.
import { $ } from "./dom.js";
import { readingOf } from "./reading.js";
import { state } from "./state.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const MAP_LABELS = 30; // at most this many labels on the map; every circle names its word on hover
const MARK_R = 7; // radius of a phrase's ring
const MARK_CHARS = 28; // a phrase's label is cut after this many characters (its ring's title has it whole)

const map = { dots: new Map(), labels: new Map(), spots: new Map(), order: [], labelled: "", path: null, cursor: null,
  marks: {}, w: 400, h: 300, pad: 18 };
const mapX = (x) => map.pad + ((x + 1) / 2) * (map.w - 2 * map.pad);
const mapY = (y) => map.h - map.pad - ((y + 1) / 2) * (map.h - 2 * map.pad); // +y is up

function svg(tag, attrs) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const dotRadius = (count, maxCount) => 2.5 + 9 * Math.sqrt(count / maxCount);

// Where a label may sit around its circle of radius r, for text of size fs (map units; the baseline is about a
// third of it below the middle of a lower-case word): right, left, above, below, then the diagonals.
const SPOTS = [
  (r, fs) => ({ dx: r + 3, dy: 0.35 * fs, anchor: "start" }),
  (r, fs) => ({ dx: -r - 3, dy: 0.35 * fs, anchor: "end" }),
  (r, fs) => ({ dx: 0, dy: -r - 0.35 * fs, anchor: "middle" }),
  (r, fs) => ({ dx: 0, dy: r + fs, anchor: "middle" }),
  (r, fs) => ({ dx: r * 0.7 + 2, dy: -r * 0.7 - 0.25 * fs, anchor: "start" }),
  (r, fs) => ({ dx: -r * 0.7 - 2, dy: -r * 0.7 - 0.25 * fs, anchor: "end" }),
  (r, fs) => ({ dx: r * 0.7 + 2, dy: r * 0.7 + 0.9 * fs, anchor: "start" }),
  (r, fs) => ({ dx: -r * 0.7 - 2, dy: r * 0.7 + 0.9 * fs, anchor: "end" }),
];
const LABEL_GAP = 1; // map units kept clear around every label
const HALO = 2; // map units around a label's glyphs that its halo (a stroke in the map's colour) covers

const overlaps = (p, q) => p.x < q.x + q.width + LABEL_GAP && q.x < p.x + p.width + LABEL_GAP
  && p.y < q.y + q.height + LABEL_GAP && q.y < p.y + p.height + LABEL_GAP;

// Whether a label's box, with its halo, covers part of a circle: the halo would hide that part, or the circle
// would crowd the word (a big circle's edge against its own label read as covering it).
const covers = (box, c) => {
  const nx = Math.max(box.x - HALO, Math.min(c.cx, box.x + box.width + HALO));
  const ny = Math.max(box.y - HALO, Math.min(c.cy, box.y + box.height + HALO));
  return Math.hypot(nx - c.cx, ny - c.cy) < c.r;
};

// The circles a label may not cover: every word's, and A's and B's rings when they are phrases.
function circles() {
  const found = [...map.spots.values()];
  for (const side of ["a", "b"]) {
    const mark = map.marks[side];
    if (mark && mark.ring.getAttribute("visibility") !== "hidden") found.push(mark.spot);
  }
  return found;
}

// Each of A and B (a word's label, or a phrase's ring and label) and then the other words, most examples first.
function labelOrder() {
  const ends = [];
  for (const side of ["a", "b"]) {
    const mark = map.marks[side];
    if (mark && mark.ring.getAttribute("visibility") !== "hidden") ends.push({ label: mark.label, spot: mark.spot });
    else if (map.labels.has(state[side])) {
      ends.push({ label: map.labels.get(state[side]), spot: map.spots.get(state[side]) });
    }
  }
  const others = map.order.filter((w) => w !== state.a && w !== state.b)
    .map((w) => ({ label: map.labels.get(w), spot: map.spots.get(w), other: true }));
  return [...ends, ...others];
}

// Shows labels without overlap: A and B first, then the words with most examples, each at the first spot around
// its circle (measured as rendered) that overlaps no label placed before it, covers no circle and stays on the
// map. A and B are always shown: where every spot covers a circle, at the one covering fewest.
function placeLabels() {
  const placed = [];
  const all = circles();
  let shown = 0;
  for (const { label, spot: { cx, cy, r }, other } of labelOrder()) {
    label.setAttribute("visibility", "hidden");
    if (other && shown >= MAP_LABELS) continue;
    const fs = parseFloat(getComputedStyle(label).fontSize) || 11;
    let best = null;
    // A and B may also sit further out, where a ring of spots around their circle finds no clear one.
    for (const spot of other ? SPOTS : SPOTS.concat(SPOTS.map((at) => (_, size) => at(r + 8, size)),
      SPOTS.map((at) => (_, size) => at(r + 16, size)))) {
      const { dx, dy, anchor } = spot(r, fs);
      label.setAttribute("x", cx + dx);
      label.setAttribute("y", cy + dy);
      label.setAttribute("text-anchor", anchor);
      const box = label.getBBox();
      const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= map.w && box.y + box.height <= map.h;
      if (!inside || placed.some((p) => overlaps(box, p))) continue;
      const covered = all.filter((c) => covers(box, c)).length;
      if (!best || covered < best.covered) best = { dx, dy, anchor, box, covered };
      if (!covered) break;
    }
    if (!best || (other && best.covered)) continue;
    label.setAttribute("x", cx + best.dx);
    label.setAttribute("y", cy + best.dy);
    label.setAttribute("text-anchor", best.anchor);
    label.setAttribute("visibility", "visible");
    placed.push(best.box);
    shown += 1;
  }
  map.labelled = labelKey();
}

// What the labels were placed for: A and B, their phrases' places, and the map's scale on screen.
const labelKey = () => ["a", "b"].map((side) => {
  const { ring } = map.marks[side];
  return `${state[side]}\u0001${state.text[side]}\u0001${ring.getAttribute("cx")},${ring.getAttribute("cy")}`;
}).join("\u0000") + `\u0000${map.scale}`;

// Labels are as large on a phone as on a desktop: the style sheet sizes them in screen pixels times this scale, the
// map units one screen pixel spans (the map is drawn 400 units wide, whatever its width on screen).
function followWidth(root) {
  new ResizeObserver(() => {
    const width = root.getBoundingClientRect().width;
    if (!width) return; // not laid out
    map.scale = Math.round((map.w / width) * 1000) / 1000;
    root.style.setProperty("--map-scale", String(map.scale));
    updateMap();
  }).observe(root);
}

function makeMark(side) {
  const ring = svg("circle", { class: `mark is-${side}`, r: MARK_R, cx: 0, cy: 0, visibility: "hidden" });
  ring.append(svg("title", {}));
  const label = svg("text", { class: `is-${side}`, x: 0, y: 0, visibility: "hidden" });
  return { ring, label, spot: { cx: 0, cy: 0, r: MARK_R } };
}

// onClick(word) is called when a word's circle is clicked.
export function drawMap(onClick) {
  const root = $("#word-map");
  const maxCount = Math.max(1, ...state.words.map((w) => w.count));
  const dots = svg("g", {});
  const labels = svg("g", {});
  map.path = svg("line", { class: "path", x1: 0, y1: 0, x2: 0, y2: 0, visibility: "hidden" });
  map.cursor = svg("circle", { class: "cursor", r: 3.5, cx: 0, cy: 0, visibility: "hidden" });
  map.marks = { a: makeMark("a"), b: makeMark("b") };
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
  for (const mark of Object.values(map.marks)) labels.append(mark.label);
  root.replaceChildren(map.path, dots, map.marks.a.ring, map.marks.b.ring, labels, map.cursor);
  followWidth(root);
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

// Where side's A or B is on the map: a word's circle, or a phrase's place once the server has read it (else null).
function placeOf(side) {
  const entry = state.byWord.get(state[side]);
  if (entry) return entry;
  const reading = readingOf(side);
  return reading && reading.map ? reading.map : null;
}

// A phrase's ring at its place, labelled with the text as typed; hidden for a word, which has its own circle.
function showMark(side, place) {
  const mark = map.marks[side];
  const phrase = Boolean(place) && !state.byWord.has(state[side]);
  for (const el of [mark.ring, mark.label]) el.setAttribute("visibility", phrase ? "visible" : "hidden");
  if (!phrase) return;
  const cx = mapX(place.x);
  const cy = mapY(place.y);
  Object.assign(mark.spot, { cx, cy });
  mark.ring.setAttribute("cx", cx);
  mark.ring.setAttribute("cy", cy);
  const text = state.text[side];
  mark.ring.firstChild.textContent = `${side.toUpperCase()}: ${text} (a phrase: placed where its EQ is)`;
  mark.label.textContent = text.length > MARK_CHARS ? `${text.slice(0, MARK_CHARS - 1)}…` : text;
}

export function updateMap() {
  if (!map.path) return;
  for (const [word, dot] of map.dots) {
    const role = word === state.a ? "is-a" : word === state.b ? "is-b" : "";
    dot.classList.toggle("is-a", role === "is-a");
    dot.classList.toggle("is-b", role === "is-b");
    const label = map.labels.get(word);
    label.classList.toggle("is-a", role === "is-a");
    label.classList.toggle("is-b", role === "is-b");
  }
  const pa = placeOf("a");
  const pb = placeOf("b");
  showMark("a", pa);
  showMark("b", pb);
  // Labels move only when A or B changes (their bold labels come first); a slider step moves only the cursor.
  if (map.labelled !== labelKey()) placeLabels();
  const both = Boolean(pa && pb);
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
