"""The sample format an output gets when no file's format stands behind it (the rest is tested through the files
written: test_output_format_and_auto_gain.py, test_audio_files.py)."""

from eqmorph.audio.output_formats import output_subtype


def test_arrays_without_a_file_behind_them_get_libsndfiles_default():
    assert output_subtype("WAV", None) == "PCM_16" and output_subtype("FLAC", None) == "PCM_16"
