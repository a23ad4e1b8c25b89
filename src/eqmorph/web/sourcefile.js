// eqmorph page: what the Listen card finds in a file the browser decoded for the preview, before it plays: its length
// and digital silence (said beside its name), and NaN or infinite samples (which no filter can play).
import { MIN_MATCH_SECONDS, countNonFinite, shortLengthText } from "./spectrum.js";

const isSilent = (buffer) => {
  for (let c = 0; c < buffer.numberOfChannels; c += 1) {
    if (buffer.getChannelData(c).some((v) => v !== 0)) return false;
  }
  return true;
};

// What the Listen card says of a decoded file, and whether it warns: a file of digital silence or shorter than a
// match takes plays as nothing (or a click, looped), and the match would refuse it, so both are said at once.
export function fileInfo(name, buffer) {
  const short = buffer.duration < MIN_MATCH_SECONDS;
  const head = `${name}: ${short ? shortLengthText(buffer.duration) : `${buffer.duration.toFixed(1)} s`}`;
  const minimum = `a match needs at least ${MIN_MATCH_SECONDS} s`;
  if (isSilent(buffer)) {
    const said = short ? `, and it is too short to match (${minimum})` : ": nothing to hear, and nothing to match";
    return [`${head}; it holds only digital silence (every sample is 0)${said}.`, "warning"];
  }
  if (short) return [`${head}; too short to hear or to match (${minimum}).`, "warning"];
  return [`${head} (stays in this browser).`, ""];
}

// The NaN or infinite samples of a decoded file (null if none), counted as the match counts them. The browser decodes
// at the preview's rate, resampling a file of another, so they are said as counted at that rate.
export function nonFiniteIn(buffer) {
  let found = null;
  for (let c = 0; c < buffer.numberOfChannels; c += 1) found = countNonFinite(buffer.getChannelData(c), c, 0, found);
  return found && { ...found, seconds: found.frame / buffer.sampleRate, decodedAt: buffer.sampleRate };
}
