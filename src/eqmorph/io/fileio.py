"""Safe file output: atomic writes, and never touching an input file."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from eqmorph.errors import EqmorphError, ParameterError

# mkstemp creates 0600 files; outputs should get the usual permissions. Read the umask once, at
# import, because reading it means setting it and that is not safe while other threads run.
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True if ``a`` and ``b`` name the same file (after resolving links), whether or not ``b`` exists."""
    pa, pb = Path(a), Path(b)
    if pa.exists() and pb.exists():
        return os.path.samefile(pa, pb)
    return pa.resolve() == pb.resolve()


def refuse_same_path(input_path: str | os.PathLike[str], output_path: str | os.PathLike[str],
                     name: str = "output") -> None:
    """Raise (naming parameter ``name``) if writing ``output_path`` would overwrite ``input_path``."""
    if same_file(input_path, output_path):
        raise ParameterError(name, str(output_path), "a path different from the input file")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], name: str = "output") -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` in one rename.

    On any error the temporary file is removed, so no partial output is left behind. A path in a
    missing folder raises :class:`ParameterError` naming the caller's parameter ``name``.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise ParameterError(name, str(target), "a path in an existing folder")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part" + target.suffix, dir=directory)
    except OSError as exc:
        raise EqmorphError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, FILE_MODE)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise EqmorphError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str, name: str = "output") -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically (errors name parameter ``name``, see :func:`atomic_path`)."""
    with atomic_path(path, name) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def folder_writer_main(prog: str, description: str, write: Callable[[str], Path],
                       argv: Sequence[str] | None = None) -> int:
    """``python -m PROG MODEL_DIR``: run ``write(MODEL_DIR)``, print ``wrote PATH``; errors are one line, exit 2.

    The shape of the small commands that (re)write a file kept beside a model's weights (term
    embeddings, the pairing table) after a retrain.
    """
    import argparse

    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("model_dir", help="model directory, e.g. src/eqmorph/pretrained/default")
    args = parser.parse_args(argv)
    try:
        print(f"wrote {write(args.model_dir)}")
    except EqmorphError as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 2
    return 0
