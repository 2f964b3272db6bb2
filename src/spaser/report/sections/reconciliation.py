"""The purchasing figures tied to the books (FEC): per filiale and year, the share of
the ERP spend found in the accounting entries, and on a filiale page the findings behind
it (fct_spend_reconciliation and fct_spend_reconciliation_items)."""

from __future__ import annotations

from spaser.report.data import ReportData, rows_of_years_begun
from spaser.report.registry import FILIALE_PAGE, GROUP_PAGE, render, section

RECONCILIATION = "marts.fct_spend_reconciliation"
ITEMS = "marts.fct_spend_reconciliation_items"
# Null in every row when no FEC was delivered: the section then says so, no table.
KNOWN = "erp_invoice_count"
# A filiale page lists this many findings, the largest first; the mart holds them all.
MAX_ITEMS = 50


@section(GROUP_PAGE, "Rapprochement de la dépense avec les livres", requires=(RECONCILIATION,))
def group_reconciliation(data: ReportData, scope: str | None) -> str:
    return render(
        "reconciliation.html.j2",
        rows=rows_of_years_begun(data, RECONCILIATION, None, KNOWN),
        show_filiale=True,
    )


@section(FILIALE_PAGE, "Rapprochement avec les livres (FEC)", requires=(RECONCILIATION, ITEMS))
def filiale_reconciliation(data: ReportData, scope: str | None) -> str:
    rows = rows_of_years_begun(data, RECONCILIATION, scope, KNOWN)
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
