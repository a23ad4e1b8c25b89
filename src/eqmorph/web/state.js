// eqmorph page: the shared state of the page; modules read it and the entry (app.js) changes it.

export const state = {
  words: [], // [{word, count, confidence, x, y, folded}], most examples first
  byWord: new Map(),
  a: "", // the server's word for each side ("bright"), as the API answers and takes it
  b: "",
  text: { a: "", b: "" }, // each side as the user gave it ("brighter"), shown in its box and kept in the link
  alpha: 0.5,
  alphaText: "0.5", // sent exactly as the slider gives it, so the request matches what is displayed
  intensity: 1,
  intensityText: "1",
  // how the server read each box's text (/api/parse, reading.js): {text, answer}; answer undefined until it comes
  reading: { a: { text: "", answer: undefined }, b: { text: "", answer: undefined } },
  ends: { a: null, b: null }, // /api/generate answers for A and B at the current intensity
  current: null, // the morph answer on display
  match: null, // the matched EQ (/api/match answer's eq), drawn as a third curve
  mapTarget: "a",
  source: "", // the crowd whose words are used ("socialfx", "safe"); "" is both
  describeIn: "", // the language of "sounds like" ("en", "es"); "" is Auto: the user's words' (reading.js)
  lastChosen: "", // the box the user last typed in or picked a word for ("a", "b"); "" until they do
  limits: null, // /api/limits: the bounds of alpha and intensity, which the sliders use
  digits: { alpha: 3, intensity: 2 }, // decimals shown next to each slider, from its step
};
