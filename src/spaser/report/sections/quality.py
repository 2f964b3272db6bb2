"""What was set aside or assumed for a filiale: its findings of fct_data_quality."""

from __future__ import annotations

from spaser.report.data import ReportData
from spaser.report.registry import FILIALE_PAGE, render, section


@section(FILIALE_PAGE, "Ce qui a été écarté ou supposé")
def filiale_findings(data: ReportData, scope: str | None) -> str:
    findings = sorted(
        (f for f in data.findings if f.filiale_code == scope),
        key=lambda f: (f.finding == "absent_extract", f.year or 0, f.finding, f.extract or ""),
    )
    absent = sorted({f.extract for f in findings if f.finding == "absent_extract"})
    rows = [f for f in findings if f.finding != "absent_extract"]
    return render("findings.html.j2", rows=rows, absent=absent)
