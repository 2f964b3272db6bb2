"""A short summary of the published build, printed by `make run`: where it comes
from, what was read and set aside, the group figures, and where the outputs are."""

from __future__ import annotations

import sys
from datetime import datetime

import duckdb

from spaser.build_record import PUBLISHED, read_attempts
from spaser.contract import FILIALE_EXTRACTS
from spaser.formats import day, figure
from spaser.outputs import DEMO_NOTICE, Outputs
from spaser.report.data import open_published_or_exit
from spaser.report.labels import PROVISIONAL, outcome_label, reason_label


def _build_lines(connection: duckdb.DuckDBPyConnection) -> list[str]:
    build_id, finished, raw_dir, is_demo, fingerprint, files = connection.execute(
        "select build_id, finished_at, raw_dir, is_demo_delivery, raw_fingerprint, raw_files "
        "from publish.build_record"
    ).fetchall()[0]
    lines = [f"Build {build_id} publié le {day(finished)}"]
    lines.append(f"Livraison : {raw_dir}" + (f" — {DEMO_NOTICE}" if is_demo else ""))
    lines.append(f"Empreinte SHA-256 : {fingerprint} ({files} fichiers)")
    return lines


def deliveries(connection: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Per filiale: rows read, kept, rejected, and extracts of the contract not delivered
    (DECP or FEC files are other sources, not extracts of the contract)."""
    return connection.execute(
        """
        select
            filiales.filiale_code,
            coalesce(sum(counts.rows_read), 0),
            coalesce(sum(counts.rows_kept), 0),
            coalesce(sum(counts.rows_rejected), 0),
            ? - count(counts.extract) filter (list_contains(?, counts.extract))
        from staging.stg_extracts__filiales as filiales
        left join audit.audit_extract_row_counts as counts using (filiale_code)
        group by all
        order by 1
        """,
        [len(FILIALE_EXTRACTS), FILIALE_EXTRACTS],
    ).fetchall()


def summarize(connection: duckdb.DuckDBPyConnection) -> str:
    lines = _build_lines(connection)
    year, status, as_of = connection.execute(
        "select year, period_status_label, as_of_date from marts.fct_indicators_group "
        "where period_status <> 'not_started' order by year desc limit 1"
    ).fetchall()[0]
    lines.append(f"Date d'arrêté : {day(as_of)}")
    lines.append("Livraisons (lignes lues / conservées / rejetées) :")
    for filiale, read, kept, rejected, absent in deliveries(connection):
        note = f", {absent} extraction(s) non livrée(s)" if absent else ""
        lines.append(f"  {filiale:<12} {read:>10} / {kept:>10} / {rejected:>6}{note}")
    lines.append("Motifs de rejet les plus fréquents :")
    for extract, reason, rows in connection.sql(
        """
        select extract, reason_kind, count(*)
        from audit.audit_rejected_rows group by all order by 3 desc, 1, 2 limit 5
        """
    ).fetchall():
        lines.append(f"  {rows:>6}  {extract} : {reason_label(reason)}")
    lines.append(f"Indicateurs du groupe {year} ({status}), fct_indicators_group :")
    for code, label, unit, value, provisional in connection.sql(
        f"""
        select indicator_code, indicator_label, value_unit, value, is_provisional_estimate
        from marts.fct_indicators_group
        where year = {int(year)} order by sort_order
        """
    ).fetchall():
        note = f"{PROVISIONAL} - " if provisional else ""
        lines.append(f"  {code:<6} {figure(value, unit):>16}  {note}{label}")
    return "\n".join(lines)


def attempts_since(outputs: Outputs, started_at: datetime) -> list[str]:
    """The builds that failed or were stopped after the published one."""
    return [
        f"ATTENTION : le build lancé le {day(a.started_at)} n'a pas abouti "
        f"({outcome_label(a.outcome)}) ; la base publiée est restée celle-ci."
        for a in read_attempts(outputs.attempts_log)
        if a.outcome != PUBLISHED and datetime.fromisoformat(a.started_at) > started_at
    ]


def main() -> int:
    outputs = Outputs.from_environment()
    with open_published_or_exit(outputs) as connection:
        print(summarize(connection))
        (started,) = connection.execute("select started_at from publish.build_record").fetchall()[0]
    for warning in attempts_since(outputs, started):
        print(warning)
    print(f"Base publiée : {outputs.database}")
    print(f"Exports (Parquet, CSV, classeur spaser.xlsx, dictionnaire) : {outputs.exports}")
    print(f"Rapport : {outputs.report / 'index.html'}")
    print(f"Documentation dbt : {outputs.dbt_docs}")
    print(f"Contrôle de la livraison (Great Expectations) : {outputs.data_docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
