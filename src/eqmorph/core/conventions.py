"""Conventions every layer shares: the audible band and the sample rate responses are drawn at.

One home, so a plot, a fit, a preamp and the web page's curve all speak of the same grid.
"""

AUDIBLE_LOW_HZ = 20.0  # lowest frequency plotted, fitted and checked for peaks
AUDIBLE_HIGH_HZ = 20000.0  # highest; also the top of the peak and shelf frequency ranges
# Rate at which an EQ's response is analysed when no audio fixes one: Web Audio's default, and
# the rate of the Audealize equaliser that produced SocialFX (responses differ only near Nyquist).
ANALYSIS_SAMPLE_RATE = 48000.0
# Rate at which SAFE-DB's parametric EQs are rendered (as FlowEQ renders them) and at which training
# compares responses; the bundled model was trained with it, so it stays 44.1 kHz.
SAFE_SAMPLE_RATE = 44100.0
