"""The delivery page: how the published database was built, what was read,
kept and rejected, and what the delivery validation found."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime

from spaser.report.data import ReportData
from spaser.report.labels import check_label, outcome_label
from spaser.report.registry import DELIVERY_PAGE, render, section


@section(DELIVERY_PAGE, "Le build publié", requires=("publish.build_record",))
def build(data: ReportData, scope: str | None) -> str:
    attempts = data.query("select * from publish.build_attempts order by started_at desc")
    return render(
        "build.html.j2",
        build=data.build,
        vars=json.loads(data.build["vars"] or "{}"),
        attempts=attempts,
        later=data.later_attempts,
        outcome_label=outcome_label,
        parse=datetime.fromisoformat,
    )


@section(
    DELIVERY_PAGE,
    "Lignes lues, conservées et rejetées",
    requires=("audit.audit_extract_row_counts",),
)
def row_counts(data: ReportData, scope: str | None) -> str:
    rows = data.query(
        "select filiale_code, extract, files_count, rows_read, rows_kept, rows_rejected "
        "from audit.audit_extract_row_counts order by filiale_code, extract"
    )
    absent = [f for f in data.findings if f.finding == "absent_extract"]
    absent_by_filiale = defaultdict(set)
    for finding in absent:
        absent_by_filiale[finding.filiale_code].add(finding.extract)
    return render(
        "row_counts.html.j2",
        rows=rows,
        totals={
            k: sum(r[k] or 0 for r in rows) for k in ("rows_read", "rows_kept", "rows_rejected")
        },
        absent={k: sorted(v) for k, v in sorted(absent_by_filiale.items())},
    )


@section(DELIVERY_PAGE, "Lignes rejetées, par motif")
def rejects(data: ReportData, scope: str | None) -> str | None:
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for finding in data.findings:
        if finding.finding == "rejected_row":
            counts[(finding.filiale_code, finding.extract or "", finding.detail or "")] += (
                finding.rows_count
            )
    rows = [
        {"filiale_code": f, "extract": e, "reason": r, "rows": n}
        for (f, e, r), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return render("rejects.html.j2", rows=rows)


@section(DELIVERY_PAGE, "Contrôle de la livraison (Great Expectations)")
def validation(data: ReportData, scope: str | None) -> str:
    results = data.validation
    same_delivery = (
        bool(results) and results.get("raw_fingerprint") == data.build["raw_fingerprint"]
    )
    labels = {}
    if "reference.validation_check_labels" in data.relations:
        labels = {
            r["check_name"]: r["check_label"]
            for r in data.query("select * from reference.validation_check_labels")
        }
    return render(
        "validation.html.j2",
        results=results,
        same_delivery=same_delivery,
        parse=datetime.fromisoformat,
        check_label=lambda check: check_label(check, labels),
        column=lambda name: (name or "").split(" (")[0],
    )
