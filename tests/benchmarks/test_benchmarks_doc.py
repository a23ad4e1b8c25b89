"""docs/benchmarks.md renders: every table row has its header's number of cells (a hand edit left a row of six cells in
the four-column targets table, which Markdown shows broken: a new-user trial)."""

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"


def _cells(row: str) -> int:
    row = re.sub(r"`[^`]*`", "code", row)  # a | inside a code span is no cell border
    return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))


def test_every_table_row_has_its_headers_cell_count():
    wrong, header = [], None
    for number, line in enumerate(DOC.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("|"):
            header = None
        elif header is None:
            header = _cells(line)
        elif _cells(line) != header:
            wrong.append(f"line {number}: {_cells(line)} cells, header {header}: {line[:80]}")
    assert wrong == []
