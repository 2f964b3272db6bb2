"""The delivery validation's results as JSON, for the report to show offline.

Great Expectations' own Data Docs fill their index from a CDN and show
pass/fail with a web font: opened from disk without internet they look
empty. The report renders this file instead: each file's status, and each
failed check with its row count, line numbers and sample values.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from spaser.build_record import fingerprint_files, folder_fingerprint
from spaser.constants import DEMO_RAW_DIR

RESULTS_NAME = "validation_results.json"


def _plain(value: Any) -> Any:
    """numpy and pandas scalars as JSON values."""
    if hasattr(value, "item"):
        return value.item()
    return value if isinstance(value, int | float | str | bool) or value is None else str(value)


def write_validation_results(site_dir: Path, root: Path, reports: list[Any]) -> Path:
    """One entry per validated file (a `report.FileReport`), next to the Data Docs."""
    files = []
    for report in reports:
        status = (
            "error" if report.fatal or report.errors else "warning" if report.failures else "ok"
        )
        files.append(
            {
                "file": report.label,
                "extract": report.extract,
                "rows": report.rows,
                "expectations": report.evaluated,
                "status": status,
                "failures": [
                    {
                        "column": column,
                        "check": check,
                        "rows": _plain(count),
                        "lines": sorted({int(line) for line in lines}),
                        "values": [_plain(value) for value in values],
                    }
                    for column, check, count, lines, values in report.failures
                ],
                "errors": list(report.errors),
            }
        )
    path = site_dir / RESULTS_NAME
    document = {
        "validated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "raw_dir": str(root),
        "is_demo_delivery": root.resolve() == DEMO_RAW_DIR.resolve(),
        "raw_fingerprint": folder_fingerprint(fingerprint_files(root)),
        "files": files,
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
