"""The purchasing figures tied to the books (FEC): per filiale and year, the share of
the ERP spend found in the accounting entries, and on a filiale page the findings behind
it (fct_spend_reconciliation and fct_spend_reconciliation_items)."""

from __future__ import annotations

from spaser.report.data import ReportData, rows_of_years_begun
from spaser.report.registry import FILIALE_PAGE, GROUP_PAGE, render, section

RECONCILIATION = "marts.fct_spend_reconciliation"
ITEMS = "marts.fct_spend_reconciliation_items"
# A filiale page lists this many findings, the largest first; the mart holds them all.
MAX_ITEMS = 50


def _rows(data: ReportData, scope: str | None) -> list[dict]:
    """The rows of the years begun; none when no FEC was delivered (all unknown)."""
    rows = rows_of_years_begun(data, RECONCILIATION, scope)
    return rows if any(r["erp_invoice_count"] is not None for r in rows) else []


@section(GROUP_PAGE, "Rapprochement de la dépense avec les livres", requires=(RECONCILIATION,))
def group_reconciliation(data: ReportData, scope: str | None) -> str:
    return render("reconciliation.html.j2", rows=_rows(data, None), show_filiale=True)


@section(FILIALE_PAGE, "Rapprochement avec les livres (FEC)", requires=(RECONCILIATION, ITEMS))
def filiale_reconciliation(data: ReportData, scope: str | None) -> str:
    rows = _rows(data, scope)
    items = data.query(
        f"select * from {ITEMS} where filiale_code = ? order by "
        "greatest(abs(coalesce(erp_amount_ht, 0)), abs(coalesce(ledger_amount_ht, 0))) desc, "
        "year, finding, invoice_id",
        [scope],
    )
    return render(
        "reconciliation.html.j2",
        rows=rows,
        show_filiale=False,
        items=items[:MAX_ITEMS],
        items_count=len(items),
    )
