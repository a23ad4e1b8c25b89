// eqmorph page: word pickers, word map, morph slider, live response plot, band table, audio preview, export.
// Plain JavaScript (ES2020), no dependencies and no build step; it talks only to this server's /api.
"use strict";

(() => {
  const $ = (selector) => document.querySelector(selector);
  const SVG_NS = "http://www.w3.org/2000/svg";
  const BAND_LABELS = { low_shelf: "Low shelf", peak1: "Peak 1", peak2: "Peak 2", peak3: "Peak 3", high_shelf: "High shelf" };
  const HANDLE_LABELS = ["L", "1", "2", "3", "H"];
  const WEB_AUDIO_TYPES = { low_shelf: "lowshelf", peaking: "peaking", high_shelf: "highshelf" };
  const SMOOTHING_S = 0.015; // setTargetAtTime time constant: settles in ~50 ms, follows a drag, never clicks
  const STALE_MS = 250; // a morph request still in flight after this long is aborted for a newer one
  const SUGGESTIONS_SHOWN = 12; // rows in a word picker's drop-down
  const MAP_LABELS = 30; // at most this many permanent labels on the map; every word has one on hover
  const FREQ_TICKS = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000];

  const state = {
    words: [], // [{word, count, confidence, x, y}], most examples first
    byWord: new Map(),
    a: "",
    b: "",
    alpha: 0.5,
    alphaText: "0.5", // sent exactly as the slider gives it, so the request matches what is displayed
    intensity: 1,
    intensityText: "1",
    ends: { a: null, b: null }, // /api/generate answers for A and B at the current intensity
    current: null, // the morph answer on display
    mapTarget: "a",
  };

  // --- text and search -------------------------------------------------------------------------
  // Accent- and case-free comparison key, like eqmorph.vocab.fold on the server.
  const fold = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").trim().toLowerCase().replace(/\s+/g, " ");

  // Words starting with the query first, then words containing it; more examples first within each group.
  function searchWords(query, limit = SUGGESTIONS_SHOWN) {
    const key = fold(query);
    const starts = [];
    const holds = [];
    for (const entry of state.words) {
      const folded = entry.folded;
      if (folded.startsWith(key)) starts.push(entry);
      else if (folded.includes(key)) holds.push(entry);
      if (starts.length >= limit) break;
    }
    return starts.concat(holds).slice(0, limit);
  }

  const fmtGain = (g) => `${g >= 0 ? "+" : ""}${g.toFixed(2)} dB`;
  const fmtFreq = (f) => `${f.toFixed(1)} Hz`;
  const fmtQ = (q) => q.toFixed(3);
  const fmtHz = (f) => (f >= 1000 ? `${f / 1000}k` : `${f}`);

  // --- API ---------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, body) {
      super(body.detail || `HTTP ${status}`);
      this.status = status;
      this.body = body;
    }
  }

  async function api(path, params = {}, signal = undefined) {
    const query = new URLSearchParams(params).toString();
    const response = await fetch(query ? `${path}?${query}` : path, { signal, headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({ detail: response.statusText }));
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  function showStatus(text, isError = false, suggestions = [], side = null) {
    const el = $("#status");
    el.replaceChildren(document.createTextNode(text));
    el.classList.toggle("error", isError);
    for (const s of suggestions) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${s.word} (${s.count})`;
      button.addEventListener("click", () => setWord(side || state.mapTarget, s.word));
      el.append(button);
    }
  }

  function showError(error) {
    if (error.name === "AbortError") return;
    const body = error.body || {};
    if (body.error === "unknown_word") {
      const side = body.parameter === "b" ? "b" : "a";
      const hint = body.suggestions.length ? " Did you mean:" : " No similar words known.";
      showStatus(`Unknown word “${body.word}”.${hint}`, true, body.suggestions, side);
    } else {
      showStatus(error.message || String(error), true);
    }
  }

  // --- word pickers ------------------------------------------------------------------------------
  function makePicker(side) {
    const input = $(`#word-${side}`);
    const list = $(`#word-${side}-list`);
    let options = [];
    let active = -1;

    function render() {
      const items = options.map((entry, i) => {
        const li = document.createElement("li");
        li.id = `word-${side}-opt-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", String(i === active));
        li.dataset.word = entry.word;
        const name = document.createElement("span");
        name.textContent = entry.word;
        const count = document.createElement("span");
        count.className = "count";
        count.textContent = `${entry.count} ex.`;
        li.append(name, count);
        return li;
      });
      if (!items.length) {
        const li = document.createElement("li");
        li.className = "empty";
        li.textContent = "no known word matches; Enter asks the model anyway";
        items.push(li);
      }
      list.replaceChildren(...items);
      if (active >= 0) input.setAttribute("aria-activedescendant", `word-${side}-opt-${active}`);
      else input.removeAttribute("aria-activedescendant");
      const current = list.querySelector('[aria-selected="true"]');
      if (current) current.scrollIntoView({ block: "nearest" });
    }

    function open(query) {
      options = searchWords(query);
      active = options.length ? Math.max(0, Math.min(active, options.length - 1)) : -1;
      render();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function commit(word) {
      close();
      const chosen = (word || "").trim();
      if (chosen) setWord(side, chosen);
      else input.value = state[side];
    }

    input.addEventListener("focus", () => {
      input.select();
      active = -1;
      open("");
    });
    input.addEventListener("input", () => {
      active = 0;
      open(input.value);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) open(input.value);
        const step = event.key === "ArrowDown" ? 1 : -1;
        active = options.length ? (active + step + options.length) % options.length : -1;
        render();
      } else if (event.key === "Enter") {
        event.preventDefault();
        commit(active >= 0 && options[active] ? options[active].word : input.value);
        input.blur();
      } else if (event.key === "Escape") {
        input.value = state[side];
        close();
        input.blur();
      }
    });
    input.addEventListener("blur", () => {
      close();
      input.value = state[side];
    });
    // mousedown, not click: a click would blur the input (and revert it) before choosing.
    list.addEventListener("mousedown", (event) => {
      const li = event.target.closest("li[data-word]");
      event.preventDefault();
      if (li) {
        commit(li.dataset.word);
        input.blur();
      }
    });

    return {
      show(word) {
        input.value = word;
        input.dataset.word = word;
      },
    };
  }

  const pickers = {};

  function setWord(side, word, { fetch = true } = {}) {
    state[side] = word;
    pickers[side].show(word);
    state.ends[side] = null;
    $(`#alpha-${side}-label`).textContent = word || side.toUpperCase();
    $(`#legend-${side}`).textContent = word ? `${side.toUpperCase()}: ${word}` : side.toUpperCase();
    if (side === state.mapTarget) {
      state.mapTarget = side === "a" ? "b" : "a"; // the next map click sets the other word
      $(`#map-target-${state.mapTarget}`).checked = true;
    }
    updateMap();
    saveHash();
    if (fetch) {
      fetchEnds();
      requestMorph();
    }
  }

  // --- word map ----------------------------------------------------------------------------------
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

  function drawMap() {
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
      if (dot) setWord(state.mapTarget, dot.dataset.word);
    });
  }

  function updateMap() {
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

  // --- response plot -----------------------------------------------------------------------------
  const plot = { canvas: null, ctx: null, width: 0, height: 0 };

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

  function drawPlot() {
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
    const curves = [state.ends.a, state.ends.b, state.current].filter(Boolean);
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
    if (!state.current) return;
    line(state.current, colour("--col-now"), 2.5, []);
    ctx.textAlign = "center";
    state.current.bands.forEach((band, i) => {
      const hx = x(Math.min(20000, Math.max(20, band.freq_hz)));
      const hy = y(Math.max(-range, Math.min(range, band.gain_db)));
      ctx.beginPath();
      ctx.arc(hx, hy, 7, 0, 2 * Math.PI);
      ctx.fillStyle = colour("--card");
      ctx.fill();
      ctx.strokeStyle = colour("--accent");
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.fillStyle = colour("--ink");
      ctx.font = "bold 9px system-ui, sans-serif";
      ctx.fillText(HANDLE_LABELS[i], hx, hy + 3);
    });
  }

  // --- band table --------------------------------------------------------------------------------
  function renderTable(body) {
    const rows = body.bands.map((band) => {
      const tr = document.createElement("tr");
      tr.dataset.band = band.name;
      const cell = (text, param, value) => {
        const td = document.createElement("td");
        td.textContent = text;
        if (param) {
          td.dataset.param = param;
          td.dataset.value = String(value);
        }
        return td;
      };
      tr.append(
        cell(BAND_LABELS[band.name] || band.name),
        cell(band.type.replace("_", " ")),
        cell(fmtGain(band.gain_db), "gain_db", band.gain_db),
        cell(fmtFreq(band.freq_hz), "freq_hz", band.freq_hz),
        cell(fmtQ(band.q), "q", band.q),
      );
      return tr;
    });
    $("#band-table tbody").replaceChildren(...rows);
  }

  // --- fetching: latest wins, at most one request per frame --------------------------------------
  const morphFetch = { dirty: false, frame: 0, controller: null, startedAt: 0, seq: 0, shownSeq: 0 };

  function requestMorph() {
    morphFetch.dirty = true;
    if (!morphFetch.frame) morphFetch.frame = requestAnimationFrame(flushMorph);
  }

  function flushMorph() {
    morphFetch.frame = 0;
    if (!morphFetch.dirty) return;
    if (!state.a || !state.b) {
      morphFetch.dirty = false;
      showStatus("Pick two words.");
      return;
    }
    if (morphFetch.controller) {
      // One request in flight is enough: its answer arrives within a frame or two and the next one
      // (with the latest slider value) goes out then. Only a stuck request is given up.
      if (performance.now() - morphFetch.startedAt < STALE_MS) return;
      morphFetch.controller.abort();
    }
    morphFetch.dirty = false;
    const controller = new AbortController();
    const seq = ++morphFetch.seq;
    morphFetch.controller = controller;
    morphFetch.startedAt = performance.now();
    const params = { a: state.a, b: state.b, alpha: state.alphaText, intensity: state.intensityText };
    api("/api/morph", params, controller.signal)
      .then((body) => {
        if (seq > morphFetch.shownSeq) {
          morphFetch.shownSeq = seq;
          showMorph(body);
        }
      })
      .catch(showError)
      .finally(() => {
        if (morphFetch.controller === controller) morphFetch.controller = null;
        if (morphFetch.dirty && !morphFetch.frame) morphFetch.frame = requestAnimationFrame(flushMorph);
      });
  }

  function showMorph(body) {
    state.current = body;
    const canvas = plot.canvas;
    canvas.dataset.points = JSON.stringify(body.response.db);
    canvas.dataset.alpha = String(body.alpha);
    canvas.dataset.a = body.words[0];
    canvas.dataset.b = body.words[1];
    canvas.dataset.intensity = String(body.intensity);
    canvas.dataset.seq = String(morphFetch.shownSeq);
    drawPlot();
    renderTable(body);
    applyEq(body);
    updateExports();
    showStatus("");
  }

  const endsFetch = { controller: null, frame: 0 };

  function fetchEnds() {
    if (endsFetch.frame) return;
    endsFetch.frame = requestAnimationFrame(() => {
      endsFetch.frame = 0;
      if (endsFetch.controller) endsFetch.controller.abort();
      const controller = new AbortController();
      endsFetch.controller = controller;
      for (const side of ["a", "b"]) {
        const word = state[side];
        if (!word) continue;
        api("/api/generate", { word, intensity: state.intensityText }, controller.signal)
          .then((body) => {
            if (state[side] === word) {
              state.ends[side] = body;
              drawPlot();
            }
          })
          .catch(showError);
      }
    });
  }

  // --- export ------------------------------------------------------------------------------------
  function updateExports() {
    const ready = Boolean(state.a && state.b);
    for (const format of ["json", "apo", "csv"]) {
      const link = $(`#export-${format}`);
      const params = { a: state.a, b: state.b, alpha: state.alphaText, intensity: state.intensityText, format };
      link.href = ready ? `/api/export?${new URLSearchParams(params)}` : "#";
      link.setAttribute("aria-disabled", String(!ready));
    }
  }

  // --- URL hash: the setting can be bookmarked or shared -----------------------------------------
  function saveHash() {
    const params = new URLSearchParams({ a: state.a, b: state.b, alpha: state.alphaText, i: state.intensityText });
    history.replaceState(null, "", `#${params}`);
  }

  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const number = (key, lo, hi) => {
      const v = Number(params.get(key));
      return params.has(key) && Number.isFinite(v) && v >= lo && v <= hi ? params.get(key) : null;
    };
    return { a: params.get("a"), b: params.get("b"), alpha: number("alpha", 0, 1), intensity: number("i", -1, 2) };
  }

  // --- audio preview -----------------------------------------------------------------------------
  const audio = { ctx: null, filters: [], input: null, wet: null, dry: null, master: null, source: null,
    buffers: {}, playing: false, preamp: 1 };

  // Deterministic noise so the example clips are the same on every load.
  function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // Pink noise with Paul Kellet's "refined" filter (musicdsp.org, "Filter to make pink noise from white").
  function makePink(ctx, seconds = 4) {
    const n = Math.round(ctx.sampleRate * seconds);
    const buffer = ctx.createBuffer(1, n, ctx.sampleRate);
    const out = buffer.getChannelData(0);
    const rand = mulberry32(1);
    let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    for (let i = 0; i < n; i += 1) {
      const white = rand() * 2 - 1;
      b0 = 0.99886 * b0 + white * 0.0555179;
      b1 = 0.99332 * b1 + white * 0.0750759;
      b2 = 0.969 * b2 + white * 0.153852;
      b3 = 0.8665 * b3 + white * 0.3104856;
      b4 = 0.55 * b4 + white * 0.5329522;
      b5 = -0.7616 * b5 - white * 0.016898;
      out[i] = (b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362) * 0.08;
      b6 = white * 0.115926;
    }
    const fade = Math.round(ctx.sampleRate * 0.01); // 10 ms ramps so the loop point does not click
    for (let i = 0; i < fade; i += 1) {
      out[i] *= i / fade;
      out[n - 1 - i] *= i / fade;
    }
    return buffer;
  }

  // Two bars at 100 BPM: kick, snare, hi-hats and a sawtooth chord per bar (Am7, Fmaj7): lows, mids and highs.
  function makeDrums(ctx) {
    const sr = ctx.sampleRate;
    const beat = 0.6;
    const n = Math.round(sr * beat * 8);
    const buffer = ctx.createBuffer(1, n, sr);
    const out = buffer.getChannelData(0);
    const rand = mulberry32(7);
    const add = (start, seconds, fn) => {
      const i0 = Math.round(start * sr);
      const len = Math.min(Math.round(seconds * sr), n - i0);
      for (let i = 0; i < len; i += 1) out[i0 + i] += fn(i / sr);
    };
    for (let k = 0; k < 8; k += 1) {
      const t0 = k * beat;
      if (k % 2 === 0) {
        let phase = 0;
        add(t0, 0.45, (t) => {
          phase += (2 * Math.PI * (45 + 90 * Math.exp(-t * 30))) / sr;
          return 0.9 * Math.sin(phase) * Math.exp(-t * 7);
        });
      } else {
        add(t0, 0.25, (t) => (rand() * 2 - 1) * 0.45 * Math.exp(-t * 20) + 0.35 * Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t * 25));
      }
      for (const half of [0, 0.5]) {
        let last = 0;
        add(t0 + half * beat, 0.06, (t) => {
          const white = rand() * 2 - 1;
          const hp = white - last; // first difference: a crude high-pass that leaves mostly the top octaves
          last = white;
          return 0.18 * hp * Math.exp(-t * 70);
        });
      }
    }
    const chords = [[110, 164.81, 196, 261.63], [87.31, 130.81, 164.81, 220]];
    chords.forEach((notes, bar) => {
      const length = beat * 4;
      const phases = notes.map(() => 0);
      let smooth = 0;
      add(bar * length, length, (t) => {
        let s = 0;
        notes.forEach((f, j) => {
          phases[j] = (phases[j] + f / sr) % 1;
          s += 2 * phases[j] - 1;
        });
        smooth += 0.35 * (s - smooth); // one-pole low-pass: softens the naive sawtooth's aliasing
        const env = Math.min(1, t / 0.03, (length - t) / 0.05);
        return 0.06 * smooth * env;
      });
    });
    let peak = 0;
    for (let i = 0; i < n; i += 1) peak = Math.max(peak, Math.abs(out[i]));
    for (let i = 0; i < n; i += 1) out[i] *= 0.5 / peak;
    return buffer;
  }

  function ensureAudio() {
    if (audio.ctx) return audio.ctx;
    const ctx = new AudioContext();
    audio.ctx = ctx;
    audio.input = ctx.createGain();
    audio.wet = ctx.createGain();
    audio.dry = ctx.createGain();
    audio.master = ctx.createGain();
    const kinds = ["low_shelf", "peaking", "peaking", "peaking", "high_shelf"];
    audio.filters = kinds.map((kind) => {
      const f = ctx.createBiquadFilter();
      f.type = WEB_AUDIO_TYPES[kind];
      f.gain.value = 0;
      return f;
    });
    let node = audio.input;
    for (const f of audio.filters) {
      node.connect(f);
      node = f;
    }
    node.connect(audio.wet);
    audio.input.connect(audio.dry);
    audio.wet.connect(audio.master);
    audio.dry.connect(audio.master);
    audio.master.connect(ctx.destination);
    audio.master.gain.value = volume();
    setBypass(true);
    if (state.current) applyEq(state.current);
    return ctx;
  }

  const volume = () => Number($("#volume").value) ** 2; // perceptually smoother than linear

  function applyEq(body) {
    if (!audio.ctx || !body) return;
    const t = audio.ctx.currentTime;
    const nyquist = audio.ctx.sampleRate / 2;
    body.bands.forEach((band, i) => {
      const f = audio.filters[i];
      f.frequency.setTargetAtTime(Math.min(band.freq_hz, 0.49 * audio.ctx.sampleRate, nyquist), t, SMOOTHING_S);
      f.gain.setTargetAtTime(band.gain_db, t, SMOOTHING_S);
      if (band.type === "peaking") f.Q.setTargetAtTime(band.q, t, SMOOTHING_S); // shelves ignore Q in Web Audio
    });
    // Keep boosts from clipping: lower the EQ'd path by the curve's peak.
    const peak = Math.max(0, ...body.response.db);
    audio.preamp = 10 ** (-peak / 20);
    setBypass();
    $("#audio-info").textContent = peak > 0 ? `EQ path lowered by ${peak.toFixed(1)} dB so boosts do not clip.` : "";
  }

  function setBypass(immediate = false) {
    if (!audio.ctx) return;
    const bypass = $("#bypass").checked;
    const t = audio.ctx.currentTime;
    const wet = bypass ? 0 : audio.preamp;
    const dry = bypass ? 1 : 0;
    if (immediate) {
      audio.wet.gain.value = wet;
      audio.dry.gain.value = dry;
    } else {
      audio.wet.gain.setTargetAtTime(wet, t, SMOOTHING_S); // a short crossfade: A/B without a click
      audio.dry.gain.setTargetAtTime(dry, t, SMOOTHING_S);
    }
  }

  function currentBuffer() {
    const kind = $("#source").value;
    if (!audio.buffers[kind]) {
      if (kind === "pink") audio.buffers.pink = makePink(audio.ctx);
      else if (kind === "drums") audio.buffers.drums = makeDrums(audio.ctx);
    }
    return audio.buffers[kind] || null;
  }

  function startSource() {
    stopSource();
    const buffer = currentBuffer();
    if (!buffer) {
      $("#audio-info").textContent = "Choose an audio file first.";
      return false;
    }
    const source = audio.ctx.createBufferSource();
    source.buffer = buffer;
    source.loop = true;
    source.connect(audio.input);
    source.start();
    audio.source = source;
    return true;
  }

  function stopSource() {
    if (audio.source) {
      audio.source.stop();
      audio.source.disconnect();
      audio.source = null;
    }
  }

  function setPlaying(playing) {
    audio.playing = playing;
    const button = $("#play");
    button.textContent = playing ? "■ Stop" : "▶ Play";
    button.setAttribute("aria-pressed", String(playing));
  }

  async function togglePlay() {
    const ctx = ensureAudio();
    await ctx.resume(); // browsers start an AudioContext suspended until a user gesture
    if (audio.playing) {
      stopSource();
      setPlaying(false);
    } else {
      setPlaying(startSource());
    }
  }

  async function loadFile(file) {
    const ctx = ensureAudio();
    try {
      audio.buffers.file = await ctx.decodeAudioData(await file.arrayBuffer());
      $("#audio-info").textContent = `${file.name}: ${audio.buffers.file.duration.toFixed(1)} s (stays in this browser)`;
      if (audio.playing) startSource();
    } catch (error) {
      $("#audio-info").textContent = `Cannot decode ${file.name}: ${error.message || error}`;
    }
  }

  // --- wiring ------------------------------------------------------------------------------------
  function wire() {
    pickers.a = makePicker("a");
    pickers.b = makePicker("b");
    $("#swap").addEventListener("click", () => {
      const { a, b } = state;
      setWord("a", b, { fetch: false });
      setWord("b", a);
    });
    const alpha = $("#alpha");
    alpha.addEventListener("input", () => {
      state.alphaText = alpha.value;
      state.alpha = Number(alpha.value);
      $("#alpha-value").textContent = state.alpha.toFixed(3);
      updateMap();
      requestMorph();
    });
    alpha.addEventListener("change", saveHash);
    const intensity = $("#intensity");
    intensity.addEventListener("input", () => {
      state.intensityText = intensity.value;
      state.intensity = Number(intensity.value);
      $("#intensity-value").textContent = state.intensity.toFixed(2);
      fetchEnds();
      requestMorph();
    });
    intensity.addEventListener("change", saveHash);
    intensity.addEventListener("dblclick", () => {
      intensity.value = "1";
      intensity.dispatchEvent(new Event("input"));
    });
    for (const side of ["a", "b"]) {
      $(`#map-target-${side}`).addEventListener("change", () => {
        state.mapTarget = side;
      });
    }
    $("#play").addEventListener("click", togglePlay);
    $("#bypass").addEventListener("change", () => setBypass());
    $("#volume").addEventListener("input", () => {
      if (audio.ctx) audio.master.gain.setTargetAtTime(volume(), audio.ctx.currentTime, SMOOTHING_S);
    });
    $("#source").addEventListener("change", () => {
      if ($("#source").value === "file" && !audio.buffers.file) $("#file").click();
      else if (audio.playing) startSource();
    });
    $("#file").addEventListener("change", () => {
      const file = $("#file").files[0];
      if (file) loadFile(file);
    });
    plot.canvas = $("#curve");
    plot.ctx = plot.canvas.getContext("2d");
    new ResizeObserver(resizePlot).observe(plot.canvas.parentElement);
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", drawPlot);
  }

  async function init() {
    wire();
    try {
      const [health, vocab] = await Promise.all([api("/api/health"), api("/api/words")]);
      const info = $("#model-info");
      info.textContent = `model ${health.model_id} · ${health.words} words`;
      info.dataset.modelId = health.model_id;
      state.words = vocab.words.map((w) => ({ ...w, folded: fold(w.word) }));
      state.byWord = new Map(state.words.map((w) => [w.word, w]));
      drawMap();
      const saved = readHash();
      const pick = (wanted, fallback) => (wanted && wanted.trim() ? wanted : fallback);
      const known = (w) => (state.byWord.has(w) ? w : "");
      const first = known("warm") || (state.words[0] || {}).word || "";
      const second = known("bright") || (state.words[1] || state.words[0] || {}).word || "";
      if (saved.alpha !== null) $("#alpha").value = saved.alpha;
      if (saved.intensity !== null) $("#intensity").value = saved.intensity;
      state.alphaText = $("#alpha").value;
      state.alpha = Number(state.alphaText);
      state.intensityText = $("#intensity").value;
      state.intensity = Number(state.intensityText);
      $("#alpha-value").textContent = state.alpha.toFixed(3);
      $("#intensity-value").textContent = state.intensity.toFixed(2);
      state.mapTarget = "a";
      setWord("a", pick(saved.a, first), { fetch: false });
      setWord("b", pick(saved.b, second));
      document.body.dataset.ready = "1";
    } catch (error) {
      showError(error);
    }
  }

  document.addEventListener("DOMContentLoaded", init);
})();
