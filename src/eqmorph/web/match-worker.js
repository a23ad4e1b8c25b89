// eqmorph page: the analysis of one file for "Match to a reference", in a Web Worker so that the page stays
// responsive however long the file is. A WAV or AIFF file of plain samples is read here, block by block and
// only as far as it is analysed (the first ten minutes), at its own sample rate, as `eqmorph match` reads it.
// Any other file (FLAC, Ogg, MP3, µ-law...) is decoded by the page, which alone has the browser's decoders
// (Web Audio), at the file's own rate when its header says it, and its samples are sent here.
//
// Messages in: {type: "file", file} then, if asked, {type: "samples", sampleRate, channels, fileSeconds}.
// Messages out: {type: "progress", done, total} (samples per channel), {type: "decode", sampleRate} (the
// page is to decode the file: its rate, or null if unknown), {type: "result", spectrum, seconds, fileSeconds,
// nonFinite} or {type: "error", message}. nonFinite: null, or the NaN or infinite samples analysed, {count, frame,
// channel, seconds (the first's time), decodedAt (the rate they were counted at when the browser's decoder
// resampled the file, or may have: its count is then of the decoded samples; else null)}.
import { MAX_SECONDS, Welch, takesRate } from "./spectrum.js";

const BLOCK_BYTES = 4 << 20; // read this much of a file at a time
const SAMPLES_BLOCK = 1 << 16; // samples per channel given to the analysis at a time, between progress reports
const PROGRESS_MS = 100;
const NATIVE_LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const MAX_CHUNKS = 512; // chunks looked at for the format and the samples before giving up on a header

async function bytesOf(file, start, end) {
  return new DataView(await file.slice(start, end).arrayBuffer());
}

const ascii = (view, at, n) => String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + at, n));

// An AIFF sample rate: an 80-bit IEEE extended float, big-endian.
function extended(view, at) {
  const exponent = view.getUint16(at) & 0x7fff;
  const mantissa = view.getUint32(at + 2) * 2 ** 32 + view.getUint32(at + 6);
  return exponent === 0 && mantissa === 0 ? 0 : mantissa * 2 ** (exponent - 16383 - 63);
}

// The samples' layout, from a WAV "fmt " chunk; null for an encoding read by the browser instead.
function wavFormat(view) {
  let tag = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  if (tag === 0xfffe && view.byteLength >= 26) tag = view.getUint16(24, true); // WAVE_FORMAT_EXTENSIBLE
  const bytes = channels ? blockAlign / channels : 0;
  const kind = tag === 1 ? (bytes === 1 ? "uint" : "int") : tag === 3 ? "float" : null;
  const known = kind === "float" ? bytes === 4 || bytes === 8 : bytes >= 1 && bytes <= 4 && Number.isInteger(bytes);
  return { sampleRate, channels, bytes, kind: kind && known ? kind : null, littleEndian: true };
}

// {format, start, length} of a WAV file's samples, or {sampleRate} alone if they are not plain samples.
async function readWav(file, rf64) {
  let format = null;
  let ds64 = null;
  for (let pos = 12, chunks = 0; pos + 8 <= file.size && chunks < MAX_CHUNKS; chunks += 1) {
    const head = await bytesOf(file, pos, pos + 8);
    const id = ascii(head, 0, 4);
    let size = head.getUint32(4, true);
    if (id === "ds64" && rf64) {
      const body = await bytesOf(file, pos + 8, pos + 8 + 16);
      ds64 = body.getUint32(8, true) + body.getUint32(12, true) * 2 ** 32;
    } else if (id === "fmt " && size >= 16) {
      format = wavFormat(await bytesOf(file, pos + 8, pos + 8 + Math.min(size, 40)));
    } else if (id === "data" && format) {
      if (rf64 && size === 0xffffffff && ds64 !== null) size = ds64;
      const start = pos + 8;
      // A header written before the recording ended may give 0 or too much: then the samples run to the end.
      const length = size === 0 || start + size > file.size ? file.size - start : size;
      return format.kind ? { format, start, length } : { sampleRate: format.sampleRate };
    }
    pos += 8 + size + (size & 1);
  }
  return format ? { sampleRate: format.sampleRate } : {};
}

// The same for AIFF and AIFF-C (big-endian, or little-endian "sowt", integer or float samples).
async function readAiff(file, aifc) {
  let format = null;
  let frames = 0;
  for (let pos = 12, chunks = 0; pos + 8 <= file.size && chunks < MAX_CHUNKS; chunks += 1) {
    const head = await bytesOf(file, pos, pos + 8);
    const id = ascii(head, 0, 4);
    const size = head.getUint32(4);
    if (id === "COMM" && size >= 18) {
      const view = await bytesOf(file, pos + 8, pos + 8 + Math.min(size, 22));
      const channels = view.getUint16(0);
      frames = view.getUint32(2);
      const bytes = Math.ceil(view.getUint16(6) / 8);
      const sampleRate = extended(view, 8);
      const compression = aifc && view.byteLength >= 22 ? ascii(view, 18, 4) : "NONE";
      const kind = { NONE: "int", twos: "int", sowt: "int", fl32: "float", FL32: "float", fl64: "float",
        FL64: "float" }[compression] || null;
      const bytesOfKind = kind === "float" ? (compression.endsWith("32") ? 4 : 8) : bytes;
      const known = kind && channels > 0 && bytesOfKind >= 1 && bytesOfKind <= (kind === "float" ? 8 : 4);
      format = { sampleRate, channels, bytes: bytesOfKind, kind: known ? kind : null, littleEndian: compression === "sowt" };
    } else if (id === "SSND" && format && size >= 8) {
      const offset = (await bytesOf(file, pos + 8, pos + 12)).getUint32(0);
      const start = pos + 16 + offset;
      const length = Math.min(size - 8 - offset, file.size - start, frames * format.bytes * format.channels);
      return format.kind ? { format, start, length } : { sampleRate: format.sampleRate };
    }
    pos += 8 + size + (size & 1);
  }
  return format ? { sampleRate: format.sampleRate } : {};
}

// The sample rate a FLAC or Ogg (Vorbis, Opus) file's header gives, so that the page decodes it at that rate.
async function sniffRate(file, id) {
  const view = await bytesOf(file, 0, 128);
  if (id === "fLaC" && view.byteLength >= 21) {
    return (view.getUint8(18) << 12) | (view.getUint8(19) << 4) | (view.getUint8(20) >> 4);
  }
  if (id === "OggS" && view.byteLength >= 28) {
    const packet = 27 + view.getUint8(26);
    if (view.byteLength >= packet + 16 && ascii(view, packet, 7) === "\u0001vorbis") {
      return view.getUint32(packet + 12, true);
    }
    if (view.byteLength >= packet + 8 && ascii(view, packet, 8) === "OpusHead") return 48000; // Opus decodes at 48 kHz
  }
  return null;
}

async function readHeader(file) {
  if (file.size < 12) return {};
  const view = await bytesOf(file, 0, 12);
  const id = ascii(view, 0, 4);
  const kind = ascii(view, 8, 4);
  if ((id === "RIFF" || id === "RF64") && kind === "WAVE") return readWav(file, id === "RF64");
  if (id === "FORM" && (kind === "AIFF" || kind === "AIFC")) return readAiff(file, kind === "AIFC");
  return { sampleRate: await sniffRate(file, id) };
}

// One block of interleaved samples as one Float32Array per channel, full scale 1.0 (as libsndfile reads them).
function decodeBlock(buffer, { channels, bytes, kind, littleEndian }) {
  const frames = Math.floor(buffer.byteLength / (bytes * channels));
  const n = frames * channels;
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  const scale = kind === "float" ? 1 : 2 ** (1 - 8 * bytes);
  let read;
  if (bytes === 3) {
    const b = new Uint8Array(buffer);
    read = littleEndian
      ? (i) => (((b[3 * i] | (b[3 * i + 1] << 8) | (b[3 * i + 2] << 16)) << 8) >> 8)
      : (i) => (((b[3 * i + 2] | (b[3 * i + 1] << 8) | (b[3 * i] << 16)) << 8) >> 8);
  } else if (littleEndian === NATIVE_LE || bytes === 1) {
    const Type = kind === "float" ? (bytes === 4 ? Float32Array : Float64Array)
      : bytes === 1 ? (kind === "uint" ? Uint8Array : Int8Array) : bytes === 2 ? Int16Array : Int32Array;
    const a = new Type(buffer, 0, n);
    read = kind === "uint" ? (i) => a[i] - 128 : (i) => a[i];
  } else {
    const view = new DataView(buffer);
    const get = kind === "float" ? (bytes === 4 ? "getFloat32" : "getFloat64") : bytes === 2 ? "getInt16" : "getInt32";
    read = (i) => view[get](i * bytes, littleEndian);
  }
  for (let c = 0; c < channels; c += 1) {
    const x = out[c];
    for (let f = 0, i = c; f < frames; f += 1, i += channels) x[f] = read(i) * scale;
  }
  return out;
}

function reporter(total) {
  let last = 0;
  return (done, force = false) => {
    const now = Date.now();
    if (force || now - last >= PROGRESS_MS) {
      last = now;
      self.postMessage({ type: "progress", done, total });
    }
  };
}

// The rate the page was asked to decode the file at (its own, or null if unknown).
let askedRate = null;

// bits: of the integer samples the file holds (its quantisation noise floor, which the match leaves out as
// `eqmorph match` does: a quiet 16-bit file was matched on its rounding noise), null for float or decoded audio.
function finish(welch, fileSeconds, decoded = false, bits = null) {
  const bad = welch.nonFinite;
  const resampled = decoded && welch.sampleRate !== askedRate;
  const nonFinite = bad && { ...bad, seconds: bad.frame / welch.sampleRate,
    decodedAt: resampled ? welch.sampleRate : null };
  self.postMessage({ type: "result", spectrum: { ...welch.result(), bits }, seconds: welch.frames / welch.sampleRate,
    fileSeconds, nonFinite });
}

async function analyseFile(file) {
  const found = await readHeader(file);
  if (!found.format || !takesRate(found.format.sampleRate)) {
    askedRate = found.format?.sampleRate ?? found.sampleRate ?? null;
    self.postMessage({ type: "decode", sampleRate: askedRate });
    return;
  }
  const { format, start, length } = found;
  const { sampleRate, channels, bytes } = format;
  const frameBytes = bytes * channels;
  const fileFrames = Math.floor(length / frameBytes);
  const total = Math.min(fileFrames, Math.round(MAX_SECONDS * sampleRate));
  const welch = new Welch(sampleRate, channels, total);
  const progress = reporter(total);
  const perBlock = Math.max(1, Math.floor(BLOCK_BYTES / frameBytes));
  progress(0, true);
  for (let done = 0; done < total;) {
    const frames = Math.min(perBlock, total - done);
    const at = start + done * frameBytes;
    welch.add(decodeBlock(await file.slice(at, at + frames * frameBytes).arrayBuffer(), format));
    done += frames;
    progress(done);
  }
  progress(total, true);
  finish(welch, fileFrames / sampleRate, false, format.kind === "float" ? null : 8 * bytes);
}

function analyseSamples({ sampleRate, channels, fileSeconds }) {
  const total = channels[0].length;
  const welch = new Welch(sampleRate, channels.length, total);
  const progress = reporter(total);
  for (let done = 0; done < total; done += SAMPLES_BLOCK) {
    welch.add(channels.map((x) => x.subarray(done, done + SAMPLES_BLOCK)));
    progress(Math.min(done + SAMPLES_BLOCK, total));
  }
  progress(total, true);
  finish(welch, fileSeconds, true);
}

self.addEventListener("message", async (event) => {
  try {
    if (event.data.type === "file") await analyseFile(event.data.file);
    else if (event.data.type === "samples") analyseSamples(event.data);
  } catch (error) {
    self.postMessage({ type: "error", message: String((error && error.message) || error) });
  }
});
