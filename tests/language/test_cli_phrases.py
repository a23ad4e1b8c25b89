"""The CLI says how a phrase was understood, on stderr (eqmorph.cli.phrases)."""

from __future__ import annotations

from eqmorph.cli import main


def test_generate_a_phrase_prints_its_interpretation_on_stderr(capsys):
    assert main(["generate", "less muddy", "--format", "apo"]) == 0
    out, err = capsys.readouterr()
    assert "less muddy -> muddy x -1.0" in err
    assert "Filter 1" in out and "->" not in out


def test_quiet_hides_the_interpretation(capsys):
    assert main(["generate", "less muddy", "--format", "apo", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_a_known_word_in_capitals_says_nothing(capsys):
    assert main(["generate", "Warm", "--format", "apo"]) == 0
    assert capsys.readouterr().err == ""


def test_morph_takes_phrases_at_both_ends(capsys):
    assert main(["morph", "a bit brighter", "warm but not harsh", "--format", "apo"]) == 0
    err = capsys.readouterr().err
    assert "a bit brighter -> bright x 0.5 (brighter: inflection of bright)" in err
    assert "warm but not harsh -> warm x 0.5, harsh x -0.5" in err


def test_a_phrase_without_a_descriptor_is_one_error_line(capsys):
    assert main(["generate", "very", "--format", "apo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "descriptor" in err


def test_a_source_that_never_used_the_word_is_noted_and_quiet_hides_the_note(capsys):
    import eqmorph

    m = eqmorph.load()
    only_social = next(w for w in m.terms if m.word_info(w).counts_by_source.get("safe", 0) == 0)
    both = next(w for w in m.terms if min(m.word_info(w).counts_by_source.values()) > 0)
    assert main(["generate", only_social, "--source", "safe"]) == 0
    assert f"note: safe never used {only_social!r}" in capsys.readouterr().err
    assert main(["generate", both, "--source", "safe"]) == 0
    assert "never used" not in capsys.readouterr().err
    assert main(["generate", only_social, "--source", "safe", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
