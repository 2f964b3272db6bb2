"""A short summary of a build, printed by `make run`: what was read, set aside, computed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb

from spaser.contract import FILIALE_EXTRACTS

PROJECT_DIR = Path(__file__).resolve().parents[2]


def database_path() -> Path:
    configured = os.environ.get("SPASER_DUCKDB_PATH")
    return Path(configured) if configured else PROJECT_DIR / "output" / "spaser.duckdb"


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "percent":
        return f"{value:.1f} %"
    if unit == "eur":
        return f"{value:,.0f} €".replace(",", " ")
    if unit in ("days", "fte"):
        return f"{value:.1f}"
    return f"{value:g}"


def summarize(connection: duckdb.DuckDBPyConnection) -> str:
    lines = ["Deliveries (rows read / kept / rejected):"]
    for filiale, read, kept, rejected, absent in connection.sql(
        f"""
        select
            filiales.filiale_code,
            coalesce(sum(counts.rows_read), 0),
            coalesce(sum(counts.rows_kept), 0),
            coalesce(sum(counts.rows_rejected), 0),
            -- DECP files are optional publications, not an extract of the contract.
            {len(FILIALE_EXTRACTS)} - count(counts.extract) filter (counts.extract <> 'decp')
        from staging.stg_extracts__filiales as filiales
        left join audit.audit_extract_row_counts as counts using (filiale_code)
        group by all
        order by 1
        """
    ).fetchall():
        note = f", {absent} extract(s) absent" if absent else ""
        lines.append(f"  {filiale:<12} {read:>10} / {kept:>10} / {rejected:>6}{note}")
    lines.append("Most frequent reject reasons:")
    for extract, reason, rows in connection.sql(
        """
        select extract, reason_kind, count(*)
        from audit.audit_rejected_rows group by all order by 3 desc, 1, 2 limit 5
        """
    ).fetchall():
        lines.append(f"  {rows:>6}  {extract}: {reason}")
    spend_years = connection.sql("select max(spend_year) from intermediate.int_spend_lines")
    year = spend_years.fetchall()[0][0]
    lines.append(f"Group indicators {year}, latest year with spend (fct_indicators_group):")
    for code, label, unit, value, provisional in connection.sql(
        f"""
        select g.indicator_code, g.indicator_label, g.value_unit, g.value,
            g.is_provisional_estimate
        from marts.fct_indicators_group as g
        join reference.indicator_catalogue as c on g.indicator_code = c.indicator_code
        where g.year = {int(year)} order by c.sort_order
        """
    ).fetchall():
        note = "estimation provisoire (ratios par défaut) - " if provisional else ""
        lines.append(f"  {code:<6} {_number(value, unit):>16}  {note}{label[:70]}")
    return "\n".join(lines)


def main() -> int:
    path = database_path()
    if not path.exists():
        print(f"No database at {path}: run `make build` first.", file=sys.stderr)
        return 1
    with duckdb.connect(str(path), read_only=True) as connection:
        print(summarize(connection))
    print(f"Database: {path}")
    print(f"Docs: {PROJECT_DIR / 'target' / 'index.html'} (or `dbt docs serve`)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
