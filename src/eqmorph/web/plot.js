// eqmorph page: the frequency response plot on a canvas: grid, A and B dashed, the morph and its band handles.
import { $ } from "./dom.js";
import { state } from "./state.js";

const HANDLE_LABELS = ["L", "1", "2", "3", "H"];
const HANDLE_R = 7; // px radius of a band handle
const HANDLE_GAP = 4; // px at least between two handles' rings, so that each reads as its own
const FREQ_TICKS = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000];

const fmtHz = (f) => (f >= 1000 ? `${f / 1000}k` : `${f}`);

const plot = { canvas: null, ctx: null, width: 0, height: 0 };

// The canvas follows its box's size and the colour scheme, whose colours it reads from the CSS.
export function initPlot() {
  plot.canvas = $("#curve");
  plot.ctx = plot.canvas.getContext("2d");
  new ResizeObserver(resizePlot).observe(plot.canvas.parentElement);
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", drawPlot);
}

function resizePlot() {
  const box = plot.canvas.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  plot.width = Math.max(1, box.width);
  plot.height = Math.max(1, box.height);
  plot.canvas.width = Math.round(plot.width * dpr);
  plot.canvas.height = Math.round(plot.height * dpr);
  plot.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawPlot();
}

export function drawPlot() {
  const { ctx, width, height } = plot;
  if (!ctx) return;
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue(name).trim();
  const m = { left: 42, right: 12, top: 12, bottom: 26 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const lo = Math.log10(20);
  const hi = Math.log10(20000);
  const x = (f) => m.left + ((Math.log10(f) - lo) / (hi - lo)) * w;
  const curves = [state.ends.a, state.ends.b, state.current, state.match].filter(Boolean);
  let peak = 0;
  for (const body of curves) {
    for (const v of body.response.db) peak = Math.max(peak, Math.abs(v));
    for (const b of body.bands) peak = Math.max(peak, Math.abs(b.gain_db));
  }
  const range = Math.min(48, Math.max(12, Math.ceil((peak + 1) / 6) * 6)); // +-dB shown, in 6 dB steps
  const y = (db) => m.top + ((range - db) / (2 * range)) * h;

  ctx.clearRect(0, 0, width, height);
  ctx.font = "11px system-ui, sans-serif";
  ctx.lineWidth = 1;
  // minor frequency lines: 2..9 times each decade
  ctx.strokeStyle = colour("--grid");
  ctx.beginPath();
  for (let decade = 10; decade <= 10000; decade *= 10) {
    for (let k = 2; k <= 9; k += 1) {
      const f = k * decade;
      if (f < 20 || f > 20000) continue;
      ctx.moveTo(x(f) + 0.5, m.top);
      ctx.lineTo(x(f) + 0.5, m.top + h);
    }
  }
  ctx.stroke();
  ctx.strokeStyle = colour("--grid-strong");
  ctx.fillStyle = colour("--muted");
  ctx.textAlign = "center";
  ctx.beginPath();
  for (const f of FREQ_TICKS) {
    ctx.moveTo(Math.round(x(f)) + 0.5, m.top);
    ctx.lineTo(Math.round(x(f)) + 0.5, m.top + h);
    ctx.fillText(fmtHz(f), x(f), height - 8);
  }
  const step = range > 24 ? 12 : 6;
  ctx.textAlign = "right";
  for (let db = -range; db <= range; db += step) {
    ctx.moveTo(m.left, Math.round(y(db)) + 0.5);
    ctx.lineTo(m.left + w, Math.round(y(db)) + 0.5);
    ctx.fillText(`${db > 0 ? "+" : ""}${db}`, m.left - 6, y(db) + 4);
  }
  ctx.stroke();
  ctx.save();
  ctx.translate(10, m.top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = "center";
  ctx.fillText("dB", 0, 0);
  ctx.restore();
  ctx.strokeStyle = colour("--muted");
  ctx.beginPath();
  ctx.moveTo(m.left, Math.round(y(0)) + 0.5);
  ctx.lineTo(m.left + w, Math.round(y(0)) + 0.5);
  ctx.stroke();

  const line = (body, stroke, lineWidth, dash) => {
    const freqs = body.response.freqs_hz;
    const db = body.response.db;
    ctx.save();
    ctx.beginPath();
    ctx.rect(m.left, m.top, w, h);
    ctx.clip();
    ctx.strokeStyle = stroke;
    ctx.lineWidth = lineWidth;
    ctx.lineJoin = "round";
    ctx.setLineDash(dash);
    ctx.beginPath();
    freqs.forEach((f, i) => (i ? ctx.lineTo(x(f), y(db[i])) : ctx.moveTo(x(f), y(db[i]))));
    ctx.stroke();
    ctx.restore();
  };
  if (state.ends.a) line(state.ends.a, colour("--col-a"), 1.5, [5, 4]);
  if (state.ends.b) line(state.ends.b, colour("--col-b"), 1.5, [5, 4]);
  if (state.match) line(state.match, colour("--col-match"), 2, [2, 3]);
  if (!state.current) return;
  line(state.current, colour("--col-now"), 2.5, []);
  const anchors = state.current.bands.map((band) => ({
    x: x(Math.min(20000, Math.max(20, band.freq_hz))),
    y: y(Math.max(-range, Math.min(range, band.gain_db))),
  }));
  const spots = handleSpots(anchors, m.top + HANDLE_R, m.top + h - HANDLE_R);
  plot.canvas.dataset.handles = JSON.stringify(spots.map((p) => [p.x, p.y]));
  plot.canvas.dataset.handleAnchors = JSON.stringify(anchors.map((p) => [p.x, p.y]));
  ctx.textAlign = "center";
  // Every leader line first, then every handle: a leader (or the dot at its band's point) drawn after another
  // band's handle crossed that handle's letter when two bands share a point.
  spots.forEach((spot, i) => {
    const anchor = anchors[i];
    if (spot.y === anchor.y) return; // on its band's point
    ctx.strokeStyle = colour("--accent");
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(anchor.x, anchor.y);
    ctx.lineTo(spot.x, spot.y);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(anchor.x, anchor.y, 2, 0, 2 * Math.PI);
    ctx.fillStyle = colour("--accent");
    ctx.fill();
  });
  spots.forEach((spot, i) => {
    ctx.beginPath();
    ctx.arc(spot.x, spot.y, HANDLE_R, 0, 2 * Math.PI);
    ctx.fillStyle = colour("--card");
    ctx.fill();
    ctx.strokeStyle = colour("--accent");
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.fillStyle = colour("--ink");
    ctx.font = "bold 9px system-ui, sans-serif";
    ctx.fillText(HANDLE_LABELS[i], spot.x, spot.y + 3);
  });
}

// Band handles that would overlap an earlier one move up or down (alternately, a step at a time, staying
// between top and bottom) to the nearest free place on their frequency's vertical.
function handleSpots(anchors, top, bottom) {
  const gap = 2 * HANDLE_R + HANDLE_GAP;
  const placed = [];
  for (const a of anchors) {
    const clash = (yy) => placed.some((p) => Math.hypot(p.x - a.x, p.y - yy) < gap);
    let spot = a.y;
    for (let k = 1; clash(spot) && k <= 40; k += 1) {
      const candidate = a.y + (k % 2 ? -1 : 1) * Math.ceil(k / 2) * gap;
      if (candidate >= top && candidate <= bottom) spot = candidate;
    }
    placed.push({ x: a.x, y: spot });
  }
  return placed;
}

// The answer on display also goes on the canvas's data-* attributes, which tests and scripts wait on and read.
export function plotMorph(body, seq) {
  const canvas = plot.canvas;
  canvas.dataset.points = JSON.stringify(body.response.db);
  canvas.dataset.alpha = String(body.alpha);
  canvas.dataset.a = body.words[0];
  canvas.dataset.b = body.words[1];
  canvas.dataset.intensity = String(body.intensity);
  canvas.dataset.source = body.source || "";
  canvas.dataset.seq = String(seq);
  drawPlot();
}
