"""A build compared with the values an independent implementation wrote (the expected/ CSVs).

Each helper returns what differs, or the two sides to compare, so that a test
reads as one assertion. `where` narrows the build's side, for builds that add
files of their own (DECP, FEC) to the conformance delivery.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

from conftest import CONFORMANCE

EXPECTED = CONFORMANCE / "expected"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_expected(name: str, folder: Path = EXPECTED) -> list[dict[str, str]]:
    return read_csv(folder / name)


def same_number(expected: str, actual) -> bool:
    if expected == "" or actual is None:
        return expected == "" and actual is None
    return math.isclose(float(expected), actual, rel_tol=1e-9, abs_tol=1e-12)


def as_text(flag) -> str:
    return "" if flag is None else str(flag).lower()


def indicator_cell_mismatches(run, expected_rows: list[dict[str, str]]) -> list:
    """Every filiale cell of fct_indicators that differs from its expected row."""
    actual = {
        (filiale, year, code): rest
        for filiale, year, code, *rest in run.query(
            "select filiale_code, year, indicator_code, unit, numerator, denominator, value, "
            "target, target_met, applicable from marts.fct_indicators"
        )
    }
    assert len(actual) == len(expected_rows)
    mismatches = []
    for row in expected_rows:
        key = (row["filiale_code"], int(row["year"]), row["indicator_code"])
        unit, numerator, denominator, value, target, target_met, applicable = actual[key]
        if not (
            unit == row["unit"]
            and same_number(row["numerator"], numerator)
            and same_number(row["denominator"], denominator)
            and same_number(row["value"], value)
            and same_number(row["target"], target)
            and as_text(target_met) == row["target_met"]
            and as_text(applicable) == row["applicable"]
        ):
            mismatches.append((key, row, actual[key]))
    return mismatches


def group_cell_mismatches(run, expected_rows: list[dict[str, str]]) -> list:
    """Every cell of fct_indicators_group that differs from its expected row."""
    actual = {
        (code, year): rest
        for code, year, *rest in run.query(
            "select indicator_code, year, numerator, denominator, value "
            "from marts.fct_indicators_group"
        )
    }
    assert len(actual) == len(expected_rows)
    return [
        (row, actual[(row["indicator_code"], int(row["year"]))])
        for row in expected_rows
        if not all(
            same_number(row[column], got)
            for column, got in zip(
                ("numerator", "denominator", "value"),
                actual[(row["indicator_code"], int(row["year"]))],
                strict=True,
            )
        )
    ]


def row_counts(run, where: str = "true", folder: Path = EXPECTED) -> tuple[dict, dict]:
    """Rows read, kept and rejected per filiale and extract: (the build's, the expected)."""
    actual = {
        (filiale, extract): (read, kept, rejected)
        for filiale, extract, read, kept, rejected in run.query(
            "select filiale_code, extract, rows_read, rows_kept, rows_rejected "
            f"from audit.audit_extract_row_counts where {where}"
        )
    }
    expected = {
        (row["filiale_code"], row["extract"]): (
            int(row["rows_read"]),
            int(row["rows_kept"]),
            int(row["rows_rejected"]),
        )
        for row in read_expected("expected_rejects.csv", folder)
    }
    return actual, expected


def rejected_rows(
    run, where: str = "true", folder: Path = EXPECTED, name: str = "expected_rejected_rows.csv"
) -> tuple[set, set]:
    """The rejected rows by filiale, extract, file and line: (the build's, the expected)."""
    actual = set(
        run.query(
            "select filiale_code, extract, source_file, line_number "
            f"from audit.audit_rejected_rows where {where}"
        )
    )
    expected = {
        (row["filiale_code"], row["extract"], row["source_file"], int(row["line_number"]))
        for row in read_expected(name, folder)
    }
    return actual, expected
