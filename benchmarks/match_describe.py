"""Match EQ and describe: recovery of known EQs, speed, memory, self-retrieval, phrases read back, real clips.

Run: ``.venv/bin/python -m benchmarks.match_describe [--data PATH] [--quick]`` (also a section of
``python -m benchmarks``). Measures:

* recovery: each signal (the shared clips drums/guitar/piano when ``--data`` has them, 20 s of
  synthesized pink noise and of a harmonic chord) through random valid 5-band EQs (gains uniform in
  +-9 dB, Q log-uniform in 0.5-3, frequencies log-uniform over each band's range, seeded), re-levelled
  to a 0.5 peak; ``match(dry, processed)`` against the true EQ: RMS of the response difference
  after removing its mean, on the fit grid where the dry signal's 1/6-octave spectrum is within
  40 dB of its maximum. Targets: median <= 0.25 dB, p95 <= 0.5 dB;
* speed (:mod:`benchmarks.match_speed` says what is timed): match warm and cold, in memory and
  from 1, 5 and 10-minute files (1 and 5 with --quick), target <= 0.1 s per minute of stereo
  44.1 kHz; ``describe`` per EQ (target <= 100 us); wall and CPU time both, as the machine may be shared;
* memory: peak RSS (VmHWM) of a fresh process matching an hour-long stereo 44.1 kHz WAV from disk
  (target < 300 MB; one minute with --quick);
* describe, in every language's words (``language=None``; the library speaks English by default):
  ``describe(generate(w))`` has ``w`` in its top 3 (target >= 95% of words);
  ``generate(describe_text(generate(w)))`` correlates >= 0.8 with ``generate(w)`` (share of words;
  target all), and the same for midpoints of random word pairs (no target: EQs no word names); both again with the
  phrase in Spanish (no target);
* analysis: how far the smoothed spectrum of each shared clip lies from a dense reference (Welch,
  65,536-sample Hann frames at 87.5% overlap), for eqmorph's analysis and for the 32,768-sample
  Hann frames at 50% overlap it replaced (no target);
* real use: the three clips matched to each other (fit error against the smoothed target) and the
  figure ``docs/figures/match_drums_to_piano.png`` (target vs fitted curve).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

from eqmorph import EQ
from eqmorph.audio.filtering import apply_eq
from eqmorph.audio.smoothing import smooth_octave
from eqmorph.audio.spectrum import audio_spectrum
from eqmorph.core.fit import fit_grid
from eqmorph.core.ranges import FREQ_HZ
from eqmorph.semantic.match import SMOOTHING_FRACTION, MatchResult, match, match_result
from eqmorph.semantic.morph import Morpher, load

ROOT = Path(__file__).resolve().parent.parent
SR = 44100
CLIPS = ("drums", "guitar", "piano")
FIGURE = ROOT / "docs" / "figures" / "match_drums_to_piano.png"
TARGETS = {"recovery_median_db": 0.25, "recovery_p95_db": 0.5, "match_s_per_minute": 0.1, "describe_us": 100.0,
           "top3_share": 0.95, "roundtrip_share": 1.0, "rss_mb": 300.0}
# Random EQs recovered per signal (5 signals): with 12 the p95, about the third-worst of 60, read 0.42 dB where
# 40 a signal (200) read 0.63 at the same code; the target is judged on the larger sample.
RECOVERY_EQS_PER_SIGNAL = 40
EVAL_RANGE_DB = 40.0  # recovery is judged where the dry signal is within this of its loudest 1/6 octave
# The evaluation's own smoothing, fixed: the metric does not follow the method's smoothing (1/4 octave since
# 2026-12-02), which would count the gaps between a chord's partials as places where the signal has energy.
EVAL_SMOOTHING_FRACTION = 6

# Peak RSS of matching a long file, in a fresh interpreter so nothing else counts.
_RSS_SCRIPT = """
import sys
from pathlib import Path
from eqmorph.semantic.match import match_files
match_files(sys.argv[1], sys.argv[2])
hwm = [int(l.split()[1]) for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM:")]
print(hwm[0] / 1024.0)
"""


def pink_noise(seconds: float, seed: int = 0) -> np.ndarray:
    """Stereo pink noise ``(frames, 2)`` (independent channels), peak 0.5."""
    rng = np.random.default_rng(seed)
    n = int(seconds * SR)
    spec = np.fft.rfft(rng.standard_normal((n, 2)), axis=0)
    spec /= np.sqrt(np.maximum(np.arange(len(spec)), 1))[:, None]
    x = np.fft.irfft(spec, n=n, axis=0)
    return 0.5 * x / np.abs(x).max()


def harmonic_chord(seconds: float) -> np.ndarray:
    """Stereo C major chord (C3 E3 G3 C4), 16 harmonics each at 1/h, peak 0.5; the right channel a bit detuned."""
    t = np.arange(int(seconds * SR)) / SR
    out = np.zeros((len(t), 2))
    for c, detune in enumerate((1.0, 1.002)):
        for f0 in (130.81, 164.81, 196.0, 261.63):
            for h in range(1, 17):
                if f0 * h < 0.45 * SR:
                    out[:, c] += np.sin(2 * np.pi * f0 * h * detune * t + h) / h
    return 0.5 * out / np.abs(out).max()


def random_eq(rng: np.random.Generator) -> EQ:
    """A valid 5-band EQ: gains +-9 dB, Q 0.5-3, frequencies log-uniform over each band's range."""
    p = np.zeros((5, 3))
    p[:, 0] = rng.uniform(-9.0, 9.0, 5)
    p[:, 2] = np.exp(rng.uniform(np.log(0.5), np.log(3.0), 5))
    for band, kind in enumerate(("low_shelf", "peaking", "peaking", "peaking", "high_shelf")):
        r = FREQ_HZ[kind]
        p[band, 1] = np.exp(rng.uniform(np.log(r.low), np.log(r.high)))
    return EQ.from_array(p)


def recovery_error_db(found: EQ, true: EQ, dry: np.ndarray) -> float:
    """RMS (dB) of found - true, mean removed, where ``dry`` is within EVAL_RANGE_DB of its maximum."""
    freqs = fit_grid()
    power = smooth_octave(audio_spectrum(dry, SR), freqs, EVAL_SMOOTHING_FRACTION)
    level = 10.0 * np.log10(np.maximum(power, 1e-30))
    keep = level >= level.max() - EVAL_RANGE_DB
    diff = found.response_db(freqs[keep], SR) - true.response_db(freqs[keep], SR)
    return float(np.sqrt(np.mean((diff - diff.mean()) ** 2)))


def load_clips(data: Path | None) -> dict[str, np.ndarray]:
    out = {}
    for name in CLIPS:
        path = None if data is None else data / "audio" / f"{name}.wav"
        if path is not None and path.is_file():
            x, rate = sf.read(path, always_2d=True)
            if rate == SR:
                out[name] = x
    return out


def recovery(signals: dict[str, np.ndarray], n_eqs: int) -> dict[str, Any]:
    rng = np.random.default_rng(14)
    per: dict[str, list[float]] = {}
    for name, dry in signals.items():
        errors = []
        for _ in range(n_eqs):
            eq = random_eq(rng)
            wet = apply_eq(dry, SR, eq)
            wet *= 0.5 / np.abs(wet).max()
            with warnings.catch_warnings():
                # The shared clips hold little above a few kHz and a random EQ may cut their top further: match
                # warns that it covers only the band with sound, as it should; recovery is judged in that band.
                warnings.filterwarnings("ignore", message=r"the (input|reference) holds almost nothing above",
                                        category=UserWarning)
                found = match(dry, wet, SR)
            errors.append(recovery_error_db(found, eq, dry))
        per[name] = errors
    every = np.concatenate([np.array(v) for v in per.values()])
    return {"eqs_per_signal": n_eqs, "median_db": float(np.median(every)), "p95_db": float(np.percentile(every, 95)),
            "max_db": float(every.max()),
            "per_signal": {k: {"median_db": float(np.median(v)), "p95_db": float(np.percentile(v, 95))}
                           for k, v in per.items()}}


def memory(minutes: float) -> dict[str, Any]:
    """Peak RSS of matching a ``minutes``-long stereo 44.1 kHz PCM_16 WAV (written block by block)."""
    with tempfile.TemporaryDirectory() as tmp:
        long_path, ref_path = Path(tmp) / "long.wav", Path(tmp) / "ref.wav"
        block = (pink_noise(10.0, seed=5) * 0.8)
        with sf.SoundFile(long_path, "w", SR, 2, subtype="PCM_16") as f:
            for _ in range(int(minutes * 6)):
                f.write(block)
        sf.write(ref_path, block, SR, subtype="PCM_16")
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _RSS_SCRIPT, str(long_path), str(ref_path)],
                             capture_output=True, text=True, check=True).stdout
        seconds = time.perf_counter() - start
    return {"minutes": minutes, "peak_rss_mb": float(out.strip().splitlines()[-1]), "wall_s": seconds}


def describe_quality(model: Morpher) -> dict[str, Any]:
    freqs = fit_grid()

    def corr(a: EQ, b: EQ) -> float:
        x, y = a.response_db(freqs, 48000.0), b.response_db(freqs, 48000.0)
        if np.std(x) < 1e-9 or np.std(y) < 1e-9:
            return 0.0
        return float(np.corrcoef(x, y)[0, 1])

    def read_back(eq: EQ, language: str | None = None) -> float:
        text = model.describe_text(eq, language=language)
        return corr(model.generate(text), eq) if text else 0.0

    # Every word is ranked, whatever its language (language=None), as when describe's default was every language.
    # A comparative that gives way to its base word ("brighter": more of bright) has the base's EQ: named as the base.
    named = {w: model.shadowed.get(w, w) for w in model.terms}

    def in_top3(w: str, intensity: float = 1.0) -> bool:
        return named[w] in [t for t, _ in model.describe(model.generate(w, intensity=intensity), k=3, language=None)]

    top3 = [in_top3(w) for w in model.terms]
    # Presets are rarely at a word's full strength: the same at half and a quarter of it.
    top3_weaker = {s: float(np.mean([in_top3(w, s) for w in model.terms])) for s in (0.5, 0.25)}
    top1 = [model.describe(model.generate(w), k=1, language=None)[0][0] == named[w] for w in model.terms]
    words = [read_back(model.generate(w)) for w in model.terms]
    rng = np.random.default_rng(7)
    pairs = [tuple(rng.choice(model.terms, 2, replace=False)) for _ in range(100)]
    mids = [read_back(model.interpolate(a, b, 0.5)) for a, b in pairs]
    # The phrase in Spanish (language="es": the Spanish crowd's words, band words and English words by their Spanish
    # names, semantic/translations.py), read back the same way.
    words_es = [read_back(model.generate(w), "es") for w in model.terms]
    mids_es = [read_back(model.interpolate(a, b, 0.5), "es") for a, b in pairs]
    examples = {f"{a} + {b}": model.describe_text(model.interpolate(a, b, 0.5), language=None) for a, b in pairs[:5]}
    examples_es = {w: model.describe_text(model.generate(w), language="es") for w in ("warm", "bright", "muddy")}
    return {"words": len(model.terms), "top3_share": float(np.mean(top3)), "top1_share": float(np.mean(top1)),
            "top3_share_weaker": top3_weaker,
            "roundtrip_share": float(np.mean(np.array(words) >= 0.8)), "roundtrip_min": float(min(words)),
            "pairs_roundtrip_share": float(np.mean(np.array(mids) >= 0.8)),
            "pairs_roundtrip_mean": float(np.mean(mids)), "pair_examples": examples,
            "roundtrip_share_es": float(np.mean(np.array(words_es) >= 0.8)),
            "roundtrip_mean_es": float(np.mean(words_es)),
            "pairs_roundtrip_share_es": float(np.mean(np.array(mids_es) >= 0.8)),
            "pairs_roundtrip_mean_es": float(np.mean(mids_es)), "examples_es": examples_es}


def analysis_check(clips: dict[str, np.ndarray]) -> dict[str, dict[str, float]]:
    """How far the analysis's smoothed spectrum lies from a dense reference, per clip (dB RMS).

    Reference: Welch with 65,536-sample Hann frames at 87.5% overlap (low leakage, every sample
    counted evenly). Compared: eqmorph's analysis (Tukey frames, quarter overlap) and the Hann
    frames of 32,768 samples at 50% overlap it replaced. Grid points within 60 dB of the maximum,
    mean offset removed.
    """
    from scipy import signal

    from eqmorph.audio.spectrum import Spectrum

    freqs = fit_grid()

    def level_db(x: np.ndarray, window: str | None = None, n: int = 0, overlap: float = 0.0) -> np.ndarray:
        if window is None:
            spec = audio_spectrum(x, SR)
        else:
            f, p = signal.welch(x, SR, window=window, nperseg=n, noverlap=int(overlap * n), detrend=False, axis=0)
            spec = Spectrum(f, p.sum(axis=-1), SR, len(x), x.shape[1], 0.0, 0)
        return 10.0 * np.log10(np.maximum(smooth_octave(spec, freqs, SMOOTHING_FRACTION), 1e-30))

    out = {}
    for name, x in clips.items():
        ref = level_db(x, "hann", 65536, 0.875)
        keep = ref >= ref.max() - 60.0

        def dev(level: np.ndarray, ref: np.ndarray = ref, keep: np.ndarray = keep) -> float:
            d = (level - ref)[keep]
            return float(np.sqrt(np.mean((d - d.mean()) ** 2)))

        out[name] = {"eqmorph_db": dev(level_db(x)), "hann_32k_half_overlap_db": dev(level_db(x, "hann", 32768, 0.5))}
    return out


def match_words(model: Morpher, audio: np.ndarray, reference: np.ndarray) -> tuple[MatchResult, str]:
    """The match of two SR recordings and its sentence, as `eqmorph match` and the page say it: the full difference's
    words judged over the band the match covers (without ``band_hz`` the doc's words differed from the CLI's: a
    new-user trial)."""
    result = match_result(audio, reference, SR)
    return result, result.difference_text(model.describer)


def real_use(model: Morpher, clips: dict[str, np.ndarray]) -> dict[str, Any]:
    """Every clip matched to every other; the figure for drums -> piano."""
    pairs, shown = {}, None
    for a in CLIPS:
        for b in CLIPS:
            if a != b:
                result, words = match_words(model, clips[a], clips[b])
                pairs[f"{a} -> {b}"] = {"rms_db": result.rms_db, "words": words, "eq": result.eq.to_array().tolist()}
                if (a, b) == ("drums", "piano"):
                    shown = result
    figure(shown, FIGURE)
    return {"pairs": pairs, "figure": str(FIGURE.relative_to(ROOT / "docs"))}


def figure(result: MatchResult, path: Path) -> None:
    """Target difference (dots: the points fitted) and the matched EQ's response."""
    from eqmorph.plots.canvas import db_axis, freq_axis, new_figure, save_png

    fig = new_figure(7.0, 3.6)
    ax = fig.add_subplot()
    used = result.used
    ax.plot(result.freqs_hz[used], result.target_db[used], ".", ms=3, color="0.45",
            label=f"target: piano - drums, 1/{SMOOTHING_FRACTION}-octave smoothed, level removed")
    ax.plot(result.freqs_hz, result.fitted_db, color="tab:red", lw=2,
            label=f"matched 5-band EQ ({result.rms_db:.2f} dB RMS from the target)")
    freq_axis(ax)
    db_axis(ax, np.concatenate([result.target_db[used], result.fitted_db[np.isfinite(result.fitted_db)]]))
    ax.set_title("eqmorph match drums.wav piano.wav")
    ax.legend(loc="lower left", fontsize=8)
    save_png(fig, path)


def _verdict(seconds_per_minute: float) -> str:
    return "met" if seconds_per_minute <= TARGETS["match_s_per_minute"] else "not met"


def markdown(res: dict[str, Any]) -> str:
    rec, spd, dq = res["recovery"], res["speed"], res["describe"]
    mem = res.get("memory")

    def row(what: str, target: str, value: float | None, fmt: str, met: bool | None) -> str:
        shown = "not measured" if value is None else format(value, fmt)
        return f"| {what} | {target} | {shown} | {'-' if met is None else ('met' if met else 'not met')} |"

    lines = ["| what | target | measured | |", "|---|---|---:|---|",
             row("match recovery, median RMS (dB)", "<= 0.25", rec["median_db"], ".3f",
                 rec["median_db"] <= TARGETS["recovery_median_db"]),
             row("match recovery, p95 RMS (dB)", "<= 0.5", rec["p95_db"], ".3f",
                 rec["p95_db"] <= TARGETS["recovery_p95_db"]),
             row("match(), 1 min stereo 44.1 kHz vs 1 min reference in memory, warm (best of 3), wall (s)", "<= 0.1",
                 spd["match_s_per_minute"], ".3f", spd["match_s_per_minute"] <= TARGETS["match_s_per_minute"]),
             row("the same, CPU time of the process (s)", "<= 0.1", spd["match_cpu_s"], ".3f",
                 spd["match_cpu_s"] <= TARGETS["match_s_per_minute"]),
             row("the same, cold: first call in a fresh process, after imports (median of 3 processes), wall (s)",
                 "<= 0.1", spd["cold_s"], ".3f", spd["cold_s"] <= TARGETS["match_s_per_minute"]),
             row("the same, cold, CPU time (s)", "<= 0.1", spd["cold_cpu_s"], ".3f",
                 spd["cold_cpu_s"] <= TARGETS["match_s_per_minute"]),
             *[f"| match_files(), {m}-min stereo 44.1 kHz PCM_16 WAV vs {m}-min WAV, warm, per minute of input, "
               f"wall / CPU (s) | <= 0.1 | {f['wall_s_per_minute']:.3f} / {f['cpu_s_per_minute']:.3f} | "
               f"{_verdict(f['wall_s_per_minute'])} / {_verdict(f['cpu_s_per_minute'])} |"
               for m, f in spd["files"].items()],
             row("match analysis alone, per minute of stereo 44.1 kHz (CPU s; the fit adds a fixed cost)", "-",
                 spd["analysis_cpu_s"] / 2.0, ".3f", None),
             row("describe, one EQ (warm, many EQs), wall (us)", "<= 100", spd["describe_us"], ".0f",
                 spd["describe_us"] <= TARGETS["describe_us"]),
             row("describe, one EQ (warm, many EQs), CPU time (us)", "<= 100", spd["describe_cpu_us"], ".0f",
                 spd["describe_cpu_us"] <= TARGETS["describe_us"]),
             row(f"match of a {mem['minutes']:g}-minute file, peak RSS (MB)" if mem else "match of a long file, "
                 "peak RSS (MB)", "< 300", mem["peak_rss_mb"] if mem else None, ".0f",
                 mem["peak_rss_mb"] < TARGETS["rss_mb"] if mem else None),
             row("describe(generate(w)) has w in its top 3 (share of words)", ">= 0.95", dq["top3_share"], ".3f",
                 dq["top3_share"] >= TARGETS["top3_share"]),
             *[row(f"the same for generate(w, intensity={k:g})", ">= 0.95", v, ".3f",
                   v >= TARGETS["top3_share"]) for k, v in dq["top3_share_weaker"].items()],
             row("generate(describe_text(generate(w))) correlation >= 0.8 (share of words)", "all",
                 dq["roundtrip_share"], ".3f", dq["roundtrip_share"] >= TARGETS["roundtrip_share"]),
             row("the same for midpoints of 100 random word pairs (share)", "-", dq["pairs_roundtrip_share"], ".2f",
                 None),
             row("the same with the phrase in Spanish (describe_text(..., language='es')), words (share)", "-",
                 dq["roundtrip_share_es"], ".3f", None),
             row("the same in Spanish, midpoints of the 100 word pairs (share)", "-", dq["pairs_roundtrip_share_es"],
                 ".2f", None)]
    lines += ["", f"Recovery: {rec['eqs_per_signal']} random EQs per signal; per signal median / p95 (dB): "
              + ", ".join(f"{k} {v['median_db']:.3f} / {v['p95_db']:.3f}" for k, v in rec["per_signal"].items())
              + f"; worst {rec['max_db']:.2f} dB.",
              f"Load average during the speed runs: {', '.join(f'{x:.1f}' for x in spd['load_average'])} (2 cores). "
              f"Match time split (wall / CPU): analysis of both minutes {spd['analysis_s']:.3f} / "
              f"{spd['analysis_cpu_s']:.3f} s (it grows with the audio), "
              f"fit {spd['fit_s']:.3f} / {spd['fit_cpu_s']:.3f} s (the same for any length). "
              f"describe_text: {spd['describe_text_us']:.0f} us per EQ. Top-1 self-retrieval {dq['top1_share']:.3f}; "
              f"phrase read back for word-pair midpoints: mean correlation {dq['pairs_roundtrip_mean']:.3f}.",
              "", "Phrases for word-pair midpoints: "
              + "; ".join(f"{k} -> \"{v}\"" for k, v in dq["pair_examples"].items()) + ".",
              "", f"In Spanish: mean read-back correlation {dq['roundtrip_mean_es']:.3f} (words), "
              f"{dq['pairs_roundtrip_mean_es']:.3f} (pair midpoints); "
              + "; ".join(f"{k} -> \"{v}\"" for k, v in dq["examples_es"].items()) + "."]
    check = res.get("analysis")
    if check:
        lines += ["", "Analysis against a dense reference (Welch, 65,536-sample Hann frames, 87.5% overlap), "
                  "smoothed spectrum, dB RMS (eqmorph's Tukey frames / the 32,768-sample Hann frames at 50% overlap "
                  "it replaced): "
                  + ", ".join(f"{k} {v['eqmorph_db']:.2f} / {v['hann_32k_half_overlap_db']:.2f}"
                              for k, v in check.items()) + "."]
    use = res.get("real_use")
    if use:
        lines += ["", "Real clips matched to each other (fit error against the smoothed, level-free target):",
                  "", "| input -> reference | fit error (dB RMS) | in words |", "|---|---:|---|"]
        lines += [f"| {k} | {v['rms_db']:.2f} | {v['words']} |" for k, v in use["pairs"].items()]
        lines += ["", f"![target vs fitted]({use['figure']})"]
    return "\n".join(lines)


def run(model: Morpher, data: Path | None, *, quick: bool = False) -> dict[str, Any]:
    from benchmarks import match_speed  # it uses this module's signals

    clips = load_clips(data)
    signals = {**clips, "pink noise": pink_noise(20.0), "harmonic chord": harmonic_chord(20.0)}
    res: dict[str, Any] = {"recovery": recovery(signals, 3 if quick else RECOVERY_EQS_PER_SIGNAL),
                           "speed": match_speed.speed(model, (1, 5) if quick else (1, 5, 10)),
                           "describe": describe_quality(model)}
    res["memory"] = memory(1.0 if quick else 60.0)
    if len(clips) == len(CLIPS):
        res["real_use"] = real_use(model, clips)
        res["analysis"] = analysis_check(clips)
    res["markdown"] = markdown(res)
    return res


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.match_describe", description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="data folder with audio/ (default ../shared/data)")
    parser.add_argument("--quick", action="store_true", help="3 EQs per signal and a one-minute memory check")
    parser.add_argument("--json", default=None, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    data = Path(args.data) if args.data else ROOT.parent / "shared" / "data"
    res = run(load(), data if data.is_dir() else None, quick=args.quick)
    print(res["markdown"])
    if args.json:
        Path(args.json).write_text(json.dumps({k: v for k, v in res.items() if k != "markdown"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
