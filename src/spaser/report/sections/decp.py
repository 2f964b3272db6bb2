"""The publication of the contracts' essential data (DECP): per filiale and year, the share
of the contracts in scope published, and published on time; on a filiale page, the contracts
not published (fct_decp_compliance and fct_decp_contract_checks)."""

from __future__ import annotations

from datetime import date

from spaser.report.data import ReportData, rows_of_years_begun
from spaser.report.registry import FILIALE_PAGE, GROUP_PAGE, render, section

COMPLIANCE = "marts.fct_decp_compliance"
CHECKS = "marts.fct_decp_contract_checks"
# Null in every row when no filiale delivered DECP files: the section then says so, no table.
KNOWN = "contracts_in_scope"
# A filiale page lists this many unpublished contracts, the oldest first; the mart holds them all.
MAX_UNPUBLISHED = 100


@section(GROUP_PAGE, "Publication des données essentielles (DECP)", requires=(COMPLIANCE,))
def group_decp(data: ReportData, scope: str | None) -> str:
    return render(
        "decp.html.j2", rows=rows_of_years_begun(data, COMPLIANCE, None, KNOWN), show_filiale=True
    )


@section(FILIALE_PAGE, "Publication des données essentielles (DECP)", requires=(COMPLIANCE, CHECKS))
def filiale_decp(data: ReportData, scope: str | None) -> str:
    rows = rows_of_years_begun(data, COMPLIANCE, scope, KNOWN)
    begun = {r["year"] for r in rows}
    unpublished = [
        {**r, "is_late": _is_late(r["publication_due_date"], data.as_of_date)}
        for r in data.query(
            f"select year, contract_id, erp_notification_date, erp_amount_ht, "
            f"publication_due_date from {CHECKS} where filiale_code = ? and not published "
            "order by year, erp_notification_date, contract_id",
            [scope],
        )
        if r["year"] in begun
    ]
    return render(
        "decp.html.j2",
        rows=rows,
        show_filiale=False,
        unpublished=unpublished[:MAX_UNPUBLISHED],
        unpublished_count=len(unpublished),
        within_delay_count=sum(not r["is_late"] for r in unpublished),
    )


def _is_late(due: date | None, as_of: date | None) -> bool:
    """Unpublished past its last day of publication; without an as-of date, late."""
    return as_of is None or due is None or as_of > due
