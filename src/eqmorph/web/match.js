// eqmorph page: "Match to a reference": two local files are analysed here in the browser (long-term
// average spectra; the audio never leaves it), the server fits the 5-band EQ between them (/api/match),
// and the match shows as a third curve with its words and preset downloads. The analysis runs in a Web
// Worker (match-worker.js, spectrum.js), so the page answers while a long file is read; the card shows how
// far it has got. The match can be heard: on the Listen card's source, or on the recording it was made for.
import { ServerUnreachable } from "./api.js";
import { auditionMatch, setMatchEq } from "./audio.js";
import { serverAnswered, serverUnreachable } from "./connection.js";
import { $ } from "./dom.js";
import { fileStem, withoutExtension } from "./filenames.js";
import { drawPlot } from "./plot.js";
import { MAX_SECONDS, MIN_MATCH_SECONDS, SILENCE_DBFS, nonFiniteText, shortLengthText, takesRate } from "./spectrum.js";
import { state } from "./state.js";

const ANALYSIS_RATE = 48000; // a file whose rate the page cannot tell, or the API does not take, is decoded at this

// The card's names for the two files, which the API and the library call the input and the reference.
const ROLES = { input: "your recording", reference: "the reference" };

// A message about the files in the card's words, each file named: the server's "the reference recording is 0.3 s
// long" and a field of its request ("reference.seconds: ...") become "the reference (piano.wav) ...".
function inCardTerms(text, files) {
  const named = (role) => `${ROLES[role]} (${files[role].name})`;
  return String(text).replace(/^(input|reference)(?:\.[\w.]+)?(?=: )|\bthe (input|reference)(?: recording)?\b/g,
    (_, field, role) => named(field || role));
}

// The page's part of an analysis the worker cannot do alone: decoding a compressed file with the browser's
// decoders (Web Audio has none in a worker), at `rate`, keeping its first MAX_SECONDS.
async function decodeSamples(file, rate) {
  const ctx = new OfflineAudioContext(1, 1, takesRate(rate) ? rate : ANALYSIS_RATE);
  const buffer = await ctx.decodeAudioData(await file.arrayBuffer());
  const frames = Math.min(buffer.length, Math.round(MAX_SECONDS * buffer.sampleRate));
  const channels = [];
  for (let c = 0; c < buffer.numberOfChannels; c += 1) {
    const x = new Float32Array(frames);
    buffer.copyFromChannel(x, c);
    channels.push(x);
  }
  return { sampleRate: buffer.sampleRate, channels, fileSeconds: buffer.duration };
}

// The spectrum of `file` (match-worker.js, off the main thread): {promise, cancel}. The promise gives
// {spectrum, seconds, fileSeconds, nonFinite}: what /api/match takes, the seconds analysed, the file's length and
// its NaN or infinite samples (null if none: see match-worker.js).
// onProgress(done, total) follows it, in samples per channel.
function analyse(file, role, onProgress) {
  const worker = new Worker(new URL("./match-worker.js", import.meta.url), { type: "module" });
  let cancelled = false;
  const promise = new Promise((resolve, reject) => {
    const fail = (why) => {
      worker.terminate();
      if (cancelled) return;
      reject(new Error(`${ROLES[role]} (${file.name}) is not audio this browser can read (${why})`));
    };
    worker.addEventListener("error", (event) => fail(event.message || "the analysis did not start"));
    worker.addEventListener("message", async ({ data }) => {
      if (data.type === "progress") onProgress(data.done, data.total);
      else if (data.type === "error") fail(data.message);
      else if (data.type === "result") {
        worker.terminate();
        resolve(data);
      } else if (data.type === "decode") {
        try {
          const samples = await decodeSamples(file, data.sampleRate);
          if (!cancelled) worker.postMessage({ type: "samples", ...samples }, samples.channels.map((x) => x.buffer));
        } catch (error) {
          fail(error.message || error);
        }
      }
    });
    worker.postMessage({ type: "file", file });
  });
  const cancel = () => {
    cancelled = true;
    worker.terminate();
  };
  return { promise, cancel };
}

const AMOUNT_SETTLE_MS = 250; // a moved Amount slider re-runs the match once it has rested this long

// The analyses of the chosen files (an amount change re-fits their spectra without reading the files again),
// and the latest run: only its answer is shown, and a newer run aborts it.
const match = { spectra: {}, seq: 0, controller: null, timer: 0, ran: false, waiting: 0 };

const fileKey = (file) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;

// "Analysing… 42%" while a run waits for its files' analyses (none shows once both are done or cached).
function showProgress() {
  if (match.waiting !== match.seq || state.match) return;
  const entries = Object.values(match.spectra);
  const total = entries.reduce((sum, e) => sum + e.total, 0);
  const done = entries.reduce((sum, e) => sum + e.done, 0);
  const out = $("#match-result");
  out.textContent = total ? `Analysing… ${Math.floor((100 * done) / total)}%` : "Analysing…";
  out.dataset.progress = total ? String(Math.floor((100 * done) / total)) : "0";
}

function spectrumFor(file, role) {
  const key = fileKey(file);
  if (match.spectra[role]?.key !== key) {
    match.spectra[role]?.cancel();
    const entry = { key, done: 0, total: 0 };
    Object.assign(entry, analyse(file, role, (done, total) => {
      Object.assign(entry, { done, total });
      showProgress();
    }));
    match.spectra[role] = entry;
  }
  return match.spectra[role].promise;
}

// An analysis of a file no longer chosen is stopped (a long file's would go on for nothing).
function dropStaleAnalyses() {
  for (const role of ["input", "reference"]) {
    const file = $(`#match-${role}`).files[0];
    const entry = match.spectra[role];
    if (entry && (!file || entry.key !== fileKey(file))) {
      entry.cancel();
      delete match.spectra[role];
    }
  }
}

const oneLine = (text) => String(text).split(/\s+/).filter(Boolean).join(" ");

// What a match is of, in its preset files, as `eqmorph match` writes it (eqmorph.io.apo.describe_origin): the APO
// text's first line reads "# eqmorph 5-band EQ: match of guitar.wav to piano.wav; model ...; amount 1", the CSV's
// last row 'eqmorph,"match of guitar.wav to piano.wav; model ...; amount 1",,,' (eqmorph.io.preset_csv), and JSON
// has "input", "reference" and "amount". The server knows the spectra only, so the page adds the files' names.
function withOrigin(exports, input, reference, amount) {
  const names = { input: oneLine(input), reference: oneLine(reference) };
  const said = (origin) => [`match of ${names.input} to ${names.reference}`, origin, `amount ${amount}`]
    .filter(Boolean).join("; ");
  const apo = exports.apo.replace(/^# eqmorph 5-band EQ(?:: (.*))?$/m, (_, origin) =>
    `# eqmorph 5-band EQ: ${said(origin)}`);
  // The CSV's row is one quoted cell (a quote in it doubled); a CSV without one gets one at its end.
  const quoted = (text) => `"${text.replaceAll('"', '""')}"`;
  const row = /^eqmorph,"((?:[^"]|"")*)",,,$/m;
  const found = exports.csv.match(row);
  const csv = found
    ? exports.csv.replace(row, () => `eqmorph,${quoted(said(found[1].replaceAll('""', '"')))},,,`)
    : `${exports.csv.replace(/\n*$/, "\n")}eqmorph,${quoted(said(""))},,,\n`;
  // JSON numbers are doubles in both languages, and JavaScript writes each as the shortest text that reads back
  // as it: the bands stay exactly as the server wrote them.
  const json = `${JSON.stringify(Object.assign(JSON.parse(exports.json), { ...names, amount }), null, 2)}\n`;
  return { ...exports, apo, csv, json };
}

// The downloads are named after the two recordings (eqmorph-match-drums-to-piano.txt), by the one rule for the names
// eqmorph makes up (filenames.js).
function setExports(exports, input, reference) {
  const stem = fileStem("eqmorph", "match", withoutExtension(input), "to", withoutExtension(reference));
  for (const [format, type, ext] of [["json", "application/json", "json"], ["apo", "text/plain", "txt"],
    ["csv", "text/csv", "csv"]]) {
    const link = $(`#match-${format}`);
    if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([exports[format]], { type }));
    link.download = `${stem}.${ext}`;
    link.setAttribute("aria-disabled", "false");
  }
}

// The library's notes are clauses ("the fit is rough (...): ..."); after the page's sentence each is one too.
const sentence = (text) => {
  const t = String(text).trim();
  return t ? `${t[0].toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? "" : "."}` : "";
};

// The files of which only the first MAX_SECONDS were analysed, said as the card's note says it.
function cutNote(files) {
  const cut = files.filter(({ analysis }) => analysis.fileSeconds > analysis.seconds + 1e-6);
  if (!cut.length) return "";
  const minutes = (s) => `${(s / 60).toFixed(1)} minutes`;
  const names = cut.map(({ file, analysis }) => `${file.name} (${minutes(analysis.fileSeconds)})`).join(" and ");
  return ` Only the first ${MAX_SECONDS / 60} minutes of ${names} were analysed.`;
}

// No match on show: not its curve, legend entry or downloads, so nothing from an earlier pair of files or
// a failed run can pass for the current result.
function clearMatch(message) {
  state.match = null;
  setMatchEq(null);
  $("#match-listen").disabled = true;
  delete $("#curve").dataset.match;
  drawPlot();
  $("#legend-match-row").hidden = true;
  for (const format of ["json", "apo", "csv"]) {
    const link = $(`#match-${format}`);
    if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
    link.removeAttribute("href");
    link.setAttribute("aria-disabled", "true");
  }
  const out = $("#match-result");
  out.textContent = message;
  out.classList.remove("warning");
  delete out.dataset.progress;
  delete out.dataset.text;
  delete out.dataset.amount;
}

// What the amount applies of the difference the sentence describes, as `eqmorph match --amount` says it
// (eqmorph.cli.match.amount_text): "amount 0.5 applies half of it".
function amountText(amount) {
  if (amount === 0) return "amount 0 applies none of it: the EQ is flat";
  const share = { 0.5: "half of it", 2: "twice as much" }[amount] ?? `${amount} times as much`;
  return `amount ${amount} applies ${share}`;
}

// One POST /api/match: its response and its JSON; a server that cannot be reached is said as such.
async function postMatch(body, signal) {
  const response = await fetch("/api/match", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
    signal,
  }).catch((error) => {
    if (error.name === "AbortError") throw error;
    serverUnreachable();
    throw new ServerUnreachable();
  });
  serverAnswered();
  return { response, answer: await response.json() };
}

function readAmount() {
  const amount = Number($("#match-amount").value);
  $("#match-amount-value").textContent = amount.toFixed(2);
  return amount;
}

async function runMatch() {
  clearTimeout(match.timer);
  const input = $("#match-input").files[0];
  const reference = $("#match-reference").files[0];
  const out = $("#match-result");
  const seq = ++match.seq;
  if (match.controller) match.controller.abort();
  if (!input || !reference) {
    clearMatch("Choose two files: the one to change and the reference.");
    return;
  }
  match.ran = true;
  out.classList.remove("warning"); // a note of checkChosen's: this run's answer replaces it
  const amount = readAmount();
  const controller = new AbortController();
  match.controller = controller;
  try {
    const pending = [spectrumFor(input, "input"), spectrumFor(reference, "reference")];
    match.waiting = seq;
    showProgress(); // a re-run keeps the result on show until its answer
    const [a, b] = await Promise.all(pending);
    if (seq !== match.seq) return;
    // A recording the match would refuse is not sent: the card has said why (checkChosen), and says it again, where
    // the server's refusal would say it in other words (and of NaN samples, which JSON cannot carry, not at all).
    const refused = [refusal("input", input, a), refusal("reference", reference, b)].filter(Boolean);
    if (refused.length) throw new Error(refused.join("; "));
    const { response, answer } = await postMatch({ input: a.spectrum, reference: b.spectrum, amount },
      controller.signal);
    if (seq !== match.seq) return;
    if (!response.ok) throw new Error(inCardTerms(answer.detail || `HTTP ${response.status}`, { input, reference }));
    state.match = answer.eq;
    setMatchEq(answer.eq, input);
    $("#match-listen").disabled = false;
    $("#curve").dataset.match = JSON.stringify(answer.eq.response.db);
    drawPlot();
    // The match does not depend on the words A and B, so it stays when they change; the legend says
    // which files it is for, so that it is not taken for the words' EQ.
    $("#legend-match").textContent = `match: ${input.name} → ${reference.name}`;
    $("#legend-match-row").hidden = false;
    // The sentence `eqmorph match` prints (MatchResult.difference_text), made by the server from the same describer:
    // the words, the largest moves and the fit error describe the recordings' whole difference, whatever share the
    // amount applies (the full match's fit error, answer.full_rms_db), as `eqmorph match --amount` says them.
    const share = amount === 1 ? "" : `; ${amountText(amount)}`;
    out.textContent = [`Match: ${answer.comparison}${share}.`,
      ...answer.warnings.map((warning) => sentence(inCardTerms(warning, { input, reference })))].join(" ")
      + cutNote([{ file: input, analysis: a }, { file: reference, analysis: b }]);
    delete out.dataset.progress;
    out.dataset.text = answer.text;
    out.dataset.amount = String(amount);
    setExports(withOrigin(answer.exports, input.name, reference.name, amount), input.name, reference.name);
  } catch (error) {
    if (seq !== match.seq || error.name === "AbortError") return;
    clearMatch(`Cannot match: ${String(error.message || error).replace(/[^.!?]$/, "$&.")}`);
  } finally {
    if (match.controller === controller) match.controller = null;
    if (match.waiting === seq) match.waiting = 0;
  }
}

// Why the match would refuse an analysed recording (as /api/match checks it), or "". Non-finite samples come first:
// they would read as silence here (their level is NaN), and JSON cannot carry them to the server at all.
function unusable({ spectrum, seconds, nonFinite }) {
  if (nonFinite) return `${nonFiniteText(nonFinite)}: a match needs finite samples`;
  if (seconds === 0) return "holds no audio (0 frames): nothing to match";  // as the CLI says it
  if (spectrum.rms_dbfs === null) return "holds only digital silence (every sample is 0): nothing to match";
  if (!(spectrum.rms_dbfs > SILENCE_DBFS)) {
    const level = spectrum.rms_dbfs.toFixed(0);
    return `is silent (its level is ${level} dBFS): a match needs sound above ${SILENCE_DBFS} dBFS`;
  }
  if (seconds < MIN_MATCH_SECONDS) {
    return `is ${shortLengthText(seconds)} long, too short to match (a match needs at least ${MIN_MATCH_SECONDS} s)`;
  }
  return "";
}

// Why the match would refuse `file` in `role`, analysed, with the file named ("your recording (x.wav) is silent ..."),
// or "".
function refusal(role, file, analysis) {
  const why = unusable(analysis);
  return why && `${ROLES[role]} (${file.name}) ${why}`;
}

// A chosen file is analysed at once (the analysis Match then uses), so that one the match would refuse, or that is
// not audio, is said before Match is pressed: under the files, until other files are chosen or Match is pressed.
function checkChosen() {
  const notes = {};
  const seq = match.seq; // other files chosen, or Match pressed, since: this check has nothing left to say
  const say = (role, text) => {
    if (seq !== match.seq) return;
    notes[role] = text;
    const out = $("#match-result");
    out.textContent = ["input", "reference"].filter((r) => notes[r]).map((r) => notes[r]).join(" ");
    out.classList.add("warning");
  };
  for (const role of ["input", "reference"]) {
    const file = $(`#match-${role}`).files[0];
    if (!file) continue;
    spectrumFor(file, role).then((analysis) => {
      const why = refusal(role, file, analysis);
      if (why) say(role, sentence(why));
    }, (error) => say(role, sentence(error.message || error)));
  }
}

// Other files make the match on show a match of files no longer chosen: it goes, until Match is pressed.
function filesChanged() {
  clearTimeout(match.timer);
  match.seq += 1; // an answer still on its way is for the old files
  if (match.controller) match.controller.abort();
  match.ran = false;
  dropStaleAnalyses();
  clearMatch("");
  checkChosen();
}

// Once a match has been run, the Amount slider re-runs it (debounced): its value is the match's.
function amountMoved() {
  readAmount();
  if (!match.ran) return;
  clearTimeout(match.timer);
  match.timer = setTimeout(runMatch, AMOUNT_SETTLE_MS);
}

export function wireMatch() {
  $("#match-run").addEventListener("click", runMatch);
  $("#match-listen").addEventListener("click", () => {
    const input = $("#match-input").files[0];
    if (input && state.match) auditionMatch(input);
  });
  $("#match-input").addEventListener("change", filesChanged);
  $("#match-reference").addEventListener("change", filesChanged);
  $("#match-amount").addEventListener("input", amountMoved);
  readAmount();
}
