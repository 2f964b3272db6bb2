"""What the console says: one line per file with its failed checks, then a summary."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from spaser.contract import EXTRACTS
from spaser.landing import LandedFile

EXIT_OK, EXIT_CHECK_FAILED, EXIT_CONTRACT_ERROR = 0, 1, 2


@dataclass
class FileReport:
    """What the console says about one validated file."""

    label: str
    extract: str
    rows: int
    evaluated: int
    failures: list[
        tuple[str, str, int, list[Any], list[Any]]
    ]  # column, check, count, lines, values
    errors: list[str]

    @property
    def fatal(self) -> bool:
        return not EXTRACTS[self.extract].per_filiale and bool(self.failures)


def summarize(label: str, raw: LandedFile, rows: int, result: Any) -> FileReport:
    """The failed checks of one file's validation result, with line numbers and sample values."""
    failures, errors = [], []
    for item in result.results:
        config = item.expectation_config
        meta = config.meta or {}
        column = meta.get("column") or config.kwargs.get("column", "")
        check = meta.get("check", config.type)
        if item.exception_info and item.exception_info.get("raised_exception"):
            errors.append(f"{column}: {check}: {item.exception_info.get('exception_message')}")
        elif not item.success:
            details = item.result or {}
            indexes = details.get("partial_unexpected_index_list") or []
            lines = [
                i["line_number"] for i in indexes if isinstance(i, dict) and "line_number" in i
            ]
            values = [_display_value(v) for v in details.get("partial_unexpected_list") or []]
            values = [v for v in dict.fromkeys(values) if v is not None]
            failures.append((column, check, details.get("unexpected_count", 0), lines, values))
    return FileReport(label, raw.extract, rows, len(result.results), failures, errors)


def _display_value(value: Any) -> Any:
    """A sample value as the console shows it: compound keys as tuples, nulls dropped."""
    if isinstance(value, dict):
        return tuple(value.values())
    return None if value is None or value is pd.NA or value != value else value


def _shorten(items: list[Any], limit: int = 5) -> str:
    shown = ", ".join(str(int(i)) if isinstance(i, np.integer) else repr(i) for i in items[:limit])
    return shown + (", ..." if len(items) > limit else "")


def print_report(report: FileReport, width: int) -> None:
    failed = len(report.failures) + len(report.errors)
    status = "ERROR" if report.fatal or report.errors else ("WARN" if failed else "OK")
    print(
        f"{status:<5} {report.label:<{width}} {report.rows:>8} rows  "
        f"{failed:>2}/{report.evaluated} expectations failed"
    )
    for column, check, count, lines, values in report.failures:
        where = f" (lines {_shorten(sorted(set(lines)))})" if lines else ""
        sample = f": {_shorten(values, 3)}" if values else ""
        print(f"        {column}: {check}: {count} row(s){where}{sample}")
    for error in report.errors:
        print(f"        could not evaluate {error}")


def print_summary(reports: list[FileReport], seconds: float, data_docs: str) -> int:
    """The closing lines; returns the exit code the delivery deserves."""
    rows = sum(r.rows for r in reports)
    failed = sum(len(r.failures) for r in reports)
    findings = sum(count for r in reports for _, _, count, _, _ in r.failures)
    warned = sum(1 for r in reports if r.failures and not r.fatal)
    fatal = [r for r in reports if r.fatal]
    errors = [r for r in reports if r.errors]
    print(
        f"\nSummary: {len(reports)} files, {rows} rows; {failed} of "
        f"{sum(r.evaluated for r in reports)} expectations failed in "
        f"{warned + len(fatal)} file(s), {findings} unexpected values "
        f"(a row can count in several expectations); {seconds:.1f} s."
    )
    print(f"Data Docs: {data_docs}")
    if errors:
        print("ERROR: some expectations could not be evaluated (see above).", file=sys.stderr)
        return EXIT_CHECK_FAILED
    if fatal:
        print(
            "ERROR: filiales.csv has rows the build cannot read; it stops the dbt build "
            "(see the lines above).",
            file=sys.stderr,
        )
        return EXIT_CONTRACT_ERROR
    if failed:
        print(
            f"WARNING: {failed} expectation(s) failed in {warned} file(s): the staging models "
            "reject those rows into audit_rejected_rows (row-level problems, the build goes on)."
        )
    else:
        print("OK: every expectation passed.")
    return EXIT_OK
