"""The exports: Parquet typed as the marts, CSV that a French spreadsheet opens right."""

from __future__ import annotations

import duckdb
import pyarrow.parquet as pq

from conftest import CONFORMANCE_CELLS, CONFORMANCE_YEARS
from publishing import read_export_csv
from spaser.exports import export_relation, quote_literal

EXPORTED = (
    "fct_indicators",
    "fct_indicators_group",
    "dim_indicators",
    "fct_data_quality",
    "fct_spend_reconciliation",
    "fct_decp_compliance",
    "fct_decp_contract_checks",
    "fct_indicator_changes",
    "fct_indicator_change_evidence",
    "build_record",
)
AUDITORS = ("dim_suppliers",)
PARTITIONED = ("evidence", "supplier_classification")


def mart_types(connection, relation: str) -> dict[str, str]:
    return {
        name: kind
        for name, kind, *_ in connection.execute(f"describe select * from {relation}").fetchall()
    }


def test_every_exposed_mart_is_exported(published_conformance):
    exports = published_conformance.outputs.exports
    assert sorted(p.name for p in exports.iterdir()) == sorted(
        [f"{name}.{suffix}" for name in EXPORTED + AUDITORS for suffix in ("csv", "parquet")]
        + ["dictionnaire.csv", "spaser.xlsx", *PARTITIONED]
    )


def test_tables_in_their_natural_order(published_conformance):
    """Filiale, year, then the indicator's sort_order (O10_1 after O9_3, not after O1_7);
    the group's table by year, then sort_order."""
    exports = published_conformance.outputs.exports
    rows = read_export_csv(exports / "fct_indicators.csv")
    keys = [(r["filiale_code"], r["year"], r["indicator_code"]) for r in rows]
    assert keys[:3] == [
        ("LOGEO", "2024", "O1_1"),
        ("LOGEO", "2024", "O1_2"),
        ("LOGEO", "2024", "O1_3"),
    ]
    assert keys[27:30] == [
        ("LOGEO", "2024", "O9_3"),
        ("LOGEO", "2024", "O10_1"),
        ("LOGEO", "2025", "O1_1"),
    ]
    assert keys[-1] == ("SIDR", "2026", "O10_1")
    assert [int(r["sort_order"]) for r in rows[:29]] == list(range(1, 30))
    group = read_export_csv(exports / "fct_indicators_group.csv")
    assert [(r["year"], r["sort_order"]) for r in group] == [
        (str(year), str(order)) for year in CONFORMANCE_YEARS for order in range(1, 30)
    ]
    catalogue = read_export_csv(exports / "dim_indicators.csv")
    assert [r["indicator_code"] for r in catalogue][:2] == ["O1_1", "O1_2"]
    assert [r["indicator_code"] for r in catalogue][-1] == "O10_1"


def test_dictionary_labels_every_exported_column_from_the_dbt_docs(published_conformance):
    exports = published_conformance.outputs.exports
    dictionary = read_export_csv(exports / "dictionnaire.csv")
    entries = {(r["Table"], r["Colonne"]): r for r in dictionary}
    for name in EXPORTED + AUDITORS:
        header = (exports / f"{name}.csv").read_text(encoding="utf-8-sig").split("\n")[0].split(";")
        assert [c for c in header if not entries.get((name, c), {}).get("Libellé")] == [], name
    value = entries["fct_indicators", "value"]
    assert (value["Libellé"], value["Type"], value["Unité"]) == (
        "Valeur",
        "nombre décimal (DOUBLE)",
        "selon unit",
    )
    assert value["Description"].startswith("Valeur : `percent` = 100 x numérateur")
    assert entries["fct_indicators", "as_of_date"]["Type"] == "date (JJ/MM/AAAA) (DATE)"
    # The text of the docs block col_as_of_date, not a copy of it.
    assert entries["fct_indicators_group", "as_of_date"]["Description"].startswith(
        "Date d'arrêté de la livraison : la var `spaser_as_of_date`"
    )
    assert entries["fct_data_quality", "amount_ht"]["Unité"] == "€"
    assert entries["fct_indicator_evidence", "facts"]["Export"] == "auditeurs"
    # A link of the dbt docs reads as its text.
    code = entries["fct_indicators", "indicator_code"]["Description"]
    assert "O3_1 · O3_2" in code and "#!/model" not in code


def test_catalogue_carries_each_definition_direction_and_target(published_conformance):
    exports = published_conformance.outputs.exports
    catalogue = {r["indicator_code"]: r for r in read_export_csv(exports / "dim_indicators.csv")}
    assert len(catalogue) == 29
    o1_5 = catalogue["O1_5"]
    assert (o1_5["direction"], o1_5["target_comparison"], o1_5["target"]) == ("baisse", "<", "5")
    assert o1_5["indicator_definition"].startswith(
        "O1_5 — Part des marchés avenantés (montant global des avenants / montant initial global)"
    )
    assert "**" not in o1_5["indicator_definition"]
    assert catalogue["O1_6"]["target"] == "90" and catalogue["O3_1"]["target"] == ""
    assert all(r["indicator_definition"] for r in catalogue.values())
    rows = read_export_csv(exports / "fct_indicators.csv")
    assert {r["indicator_definition"] for r in rows if r["indicator_code"] == "O3_2"} == {
        catalogue["O3_2"]["indicator_definition"]
    }


def test_parquet_keeps_the_marts_types_and_figures(published_conformance):
    exports = published_conformance.outputs.exports
    with duckdb.connect(str(published_conformance.outputs.database), read_only=True) as db:
        for name in ("fct_indicators", "fct_indicators_group", "fct_data_quality"):
            parquet = f"read_parquet({quote_literal(str(exports / f'{name}.parquet'))})"
            expected = {
                column: "DECIMAL(18,4)" if kind == "DECIMAL(38,12)" else kind
                for column, kind in mart_types(db, f"marts.{name}").items()
            }
            assert mart_types(db, parquet) == expected, name
            assert (
                db.execute(f"select count(*) from {parquet}").fetchall()
                == db.execute(f"select count(*) from marts.{name}").fetchall()
            )
        parquet = f"read_parquet({quote_literal(str(exports / 'fct_indicators.parquet'))})"
        gaps = db.execute(
            f"""
            select
                max(abs(mart.value - export.value)),
                max(abs(mart.numerator - export.numerator)),
                count(*),
                count(export.value) - count(mart.value)
            from marts.fct_indicators as mart
            join {parquet} as export using (filiale_code, year, indicator_code)
            """
        ).fetchall()[0]
    assert gaps[0] == 0 and gaps[1] <= 0.00005 and gaps[2] == CONFORMANCE_CELLS and gaps[3] == 0
    schema = pq.read_schema(exports / "fct_indicators.parquet")
    assert str(schema.field("numerator").type) == "decimal128(18, 4)"
    assert str(schema.field("as_of_date").type) == "date32[day]"


def test_csv_for_french_spreadsheets(published_conformance):
    rows = read_export_csv(published_conformance.outputs.exports / "fct_indicators.csv")
    assert len(rows) == CONFORMANCE_CELLS
    cell = next(
        r
        for r in rows
        if (r["filiale_code"], r["year"], r["indicator_code"]) == ("SEQENS", "2024", "O1_4")
    )
    # 339 712,36 / 2 108 777,77 (test_conformance): decimal comma, no thousands separator.
    assert cell["numerator"] == "339712,36" and cell["denominator"] == "2108777,77"
    assert cell["value"].startswith("16,109443338")
    assert cell["applicable"] == "VRAI" and cell["target_met"] == ""
    assert cell["period_status_label"] == "année close"
    assert all(len(r["as_of_date"]) == 10 and r["as_of_date"][2] == "/" for r in rows)
    o6_2 = next(r for r in rows if r["indicator_code"] == "O6_2" and r["filiale_code"] == "SIDR")
    assert o6_2["caveat"].startswith("estimation provisoire (ratios par défaut")
    quality = read_export_csv(published_conformance.outputs.exports / "fct_data_quality.csv")
    assert {r["finding_label"] for r in quality} >= {"Lignes rejetées", "Date de réception réputée"}


def test_csv_neutralises_text_a_spreadsheet_would_run(tmp_path):
    with duckdb.connect() as connection:
        connection.execute(
            """
            create schema marts;
            create table marts.hostile as select * from (values
                (1, '=HYPERLINK("http://x")', ['+33 1', 'a'], -1.5::decimal(38, 12),
                    date '2026-02-01'),
                (2, '@SUM(A1)', ['ok'], 1234567.891::decimal(38, 12), null),
                (3, '-2+3', [], 0::decimal(38, 12), null),
                (4, 'Marché « réservé »; ligne', null, null, null)
            ) as t (id, label, items, amount, day)
            """
        )
        export_relation(connection, "marts.hostile", tmp_path)
    rows = read_export_csv(tmp_path / "hostile.csv")
    assert [r["label"] for r in rows] == [
        '\'=HYPERLINK("http://x")',
        "'@SUM(A1)",
        "'-2+3",
        "Marché « réservé »; ligne",
    ]
    assert [r["items"] for r in rows] == ["'+33 1, a", "ok", "", ""]
    assert [r["amount"] for r in rows] == ["-1,5", "1234567,891", "0", ""]
    assert rows[0]["day"] == "01/02/2026"
    assert str(pq.read_schema(tmp_path / "hostile.parquet").field("amount").type) == (
        "decimal128(18, 4)"
    )
