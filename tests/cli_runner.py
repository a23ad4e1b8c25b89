"""Running the ``eqmorph`` command in a test: its exit code and what it printed, argparse's own exits included."""

from __future__ import annotations

from eqmorph.cli import main


def run_cli(capsys, *argv):
    """``(exit code, stdout, stderr)`` of ``eqmorph argv...`` (each argument as ``str``)."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as usage:  # argparse's own errors: exit 2, a usage line and the message
        code = usage.code
    out, err = capsys.readouterr()
    return code, out, err
