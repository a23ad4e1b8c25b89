// eqmorph page: the names of the files the page names itself (the Match card's downloads), by the one rule for the
// names eqmorph makes up, eqmorph.io.names (`eqmorph plot`'s default name, /api/export's downloads): each piece lower
// case, accents stripped, every run of other characters one hyphen, at most MAX_PART_CHARS; pieces joined by hyphens.
// Mirrored from Python (slug, file_stem); a page test holds the two equal.
const MAX_PART_CHARS = 32;
const FALLBACK_STEM = "eq";

const trimHyphens = (text) => text.replace(/^-+|-+$/g, "");

export function slug(text) {
  const plain = String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return trimHyphens(trimHyphens(plain.replace(/[^a-z0-9]+/g, "-")).slice(0, MAX_PART_CHARS));
}

export const fileStem = (...parts) => parts.map(slug).filter(Boolean).join("-") || FALLBACK_STEM;

// A recording's name without its extension ("drums.wav" -> "drums"), for a name made of it.
export const withoutExtension = (name) => String(name).replace(/\.[^.]*$/, "");
