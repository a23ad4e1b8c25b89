"""Safe file output: atomic writes, and never touching an input file."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
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


def check_path(path: object, name: str, what: str = "a file's path") -> Path:
    """``path`` as a :class:`Path` if it is a str or an os.PathLike giving one, else :class:`ParameterError` naming
    ``name`` and ``what`` (``Path(5)`` raises a bare TypeError that names neither)."""
    allowed = f"{what} (str or os.PathLike)"
    if not isinstance(path, str | os.PathLike):  # bytes too: eqmorph's messages and outputs take text paths
        raise ParameterError(name, path, allowed, wrong_type=True)
    try:
        return Path(path)
    except TypeError:  # an os.PathLike whose __fspath__ gives bytes
        raise ParameterError(name, path, allowed, wrong_type=True) from None


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

    Permissions: a new file gets the usual ones (:data:`FILE_MODE`); a file replaced keeps its own permission bits
    (``rwx`` for owner, group and others; the rename would otherwise give it the usual ones, undoing a ``chmod
    600`` of a private output). A target no one may write (no ``w`` bit at all, ``chmod 444``) is refused before
    any work: the user marked it as not to be changed, and the rename, which needs only the folder's write
    permission, would replace it anyway (as root, always); keeping its mode instead would carry that mark over
    to content it never protected. :func:`check_writable` runs the same checks without writing.
    """
    target = written_path(path)
    tmp = _temp_beside(target, name, path)
    try:
        yield tmp
        mode = _replaced_mode(target)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise EqmorphError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_writable(path: str | os.PathLike[str], name: str = "output") -> None:
    """Refuse, before any work, an output :func:`atomic_path` could not write: a missing folder (a
    :class:`ParameterError` naming ``name``), a folder that takes no new file (a read-only disk, no permission) or a
    read-only target (:class:`EqmorphError`, the messages :func:`atomic_path` gives).

    It creates and removes the temporary file the write would, since whether a folder takes a file is only known
    by trying (root ignores permission bits, a read-only mount refuses everyone). Nothing is left behind.
    """
    _temp_beside(written_path(path), name, path).unlink()


def written_path(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` changes: ``path``, or the file a link there points to (through every link).

    A link is written through, as a shell's ``>`` writes: replacing it left the linked file unchanged (an Equalizer
    APO config.txt linked into a presets folder was never updated) while the command said ``overwrote`` (a review,
    2026-12-04). A broken link gives the path it points to, written if its folder exists.
    """
    return Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)


def _temp_beside(target: Path, name: str, given: str | os.PathLike[str]) -> Path:
    """A new empty file beside ``target`` (the file written for the path ``given``, :func:`written_path`) with the
    permissions a new output gets, after refusing a missing folder and a read-only ``target`` (:func:`atomic_path`)."""
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        linked = f" (it links to {str(target)!r}, whose folder does not exist)" if target != Path(given) else ""
        raise ParameterError(name, str(given), "a path in an existing folder" + linked)
    mode = _replaced_mode(target)
    if mode is not None and not mode & 0o222:
        raise EqmorphError(f"cannot write {str(target)!r}: it is read-only (mode {mode:04o}); make it writable "
                           "(chmod u+w) to replace it, or choose another name")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part" + target.suffix, dir=directory)
    except OSError as exc:
        raise EqmorphError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, FILE_MODE)
    return tmp


def _replaced_mode(target: Path) -> int | None:
    """The permission bits of the file ``target`` names (through a link), None if there is no such file."""
    try:
        st = os.stat(target)
    except OSError:
        return None
    return stat.S_IMODE(st.st_mode) & 0o777 if stat.S_ISREG(st.st_mode) else None


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
