"""The supplier registries on a small hand-made delivery (tests/fixtures/registries_rules):
every rule of registries.md with figures computed by hand, the build stopping on a registry
file without a needed column, and where the registries come from when the variable is unset.

The delivery: filiale TEST (départements 75 and 92), 2025 spend of 126 900 EUR HT over
suppliers A (900 net of a credit note), B (2 000), C (4 000 in March, 8 000 in September),
D (16 000), E (32 000, missing from the ERP) and F (64 000, unknown to every source).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from conftest import FIXTURES, PROJECT_DIR, run_dbt

RULES = FIXTURES / "registries_rules"
DEMO = PROJECT_DIR / "data" / "demo"
YEAR_2025 = "{spaser_first_year: 2025, spaser_last_year: 2025}"
A, B, C, D, E, F = (
    "41111111100018",
    "42222222200016",
    "43333333300014",
    "44444444400012",
    "45555555500016",
    "46666666600014",
)


def figures(run) -> dict[str, tuple]:
    return {
        code: (numerator, denominator)
        for code, numerator, denominator in run.query(
            "select indicator_code, numerator, denominator from marts.fct_indicators "
            "where indicator_code in ('O6_1', 'O8_1', 'O9_3')"
        )
    }


@pytest.fixture(scope="module")
def with_registries(tmp_path_factory):
    # The registries in a folder whose name a pattern would read as its sibling `registres 2`,
    # which holds a legal-unit stock saying every supplier is an SME: never read.
    work = tmp_path_factory.mktemp("registries_rules")
    registries = work / "registres [2025]"
    shutil.copytree(RULES / "registries", registries)
    sibling = work / "registres 2"
    shutil.copytree(RULES / "registries", sibling)
    with duckdb.connect() as connection:
        stock = str(sibling / "StockUniteLegale_utf8.csv")
        connection.sql(
            f"copy (select * replace ('PME' as categorieEntreprise) from read_csv('{stock}', "
            f"all_varchar = true)) to '{stock}.new' (header)"
        )
    (sibling / "StockUniteLegale_utf8.csv.new").replace(sibling / "StockUniteLegale_utf8.csv")
    return run_dbt(RULES / "raw", work, "build", vars_=YEAR_2025, registries=registries).succeeded()


def test_registries_decide_o6_1_o8_1_o9_3(with_registries):
    # SME: B (SIRENE PME by its band), D (ERP), E (SIRENE); not A (SIRENE GE, whatever the
    # second file and the history file say). Local: A (92), B (75 from its postal code);
    # not C (abroad). ESS: B (SIRENE O), C in March only (ESUS until 30/06/2025).
    assert figures(with_registries) == {
        "O8_1": (Decimal(2000 + 16000 + 32000), Decimal(126900)),
        "O9_3": (Decimal(900 + 2000), Decimal(126900)),
        "O6_1": (Decimal(2000 + 4000), None),
    }


def test_without_registries_the_erp_decides(tmp_path):
    # SPASER_REGISTRIES_DIR unset on a delivery that is not the demo: no registries, no
    # demo registries either. SME: A, D; local: A (75), C (92); ESS: B, C.
    run = run_dbt(RULES / "raw", tmp_path / "work", "build", vars_=YEAR_2025).succeeded()
    assert figures(run) == {
        "O8_1": (Decimal(900 + 16000), Decimal(126900)),
        "O9_3": (Decimal(900 + 12000), Decimal(126900)),
        "O6_1": (Decimal(2000 + 12000), None),
    }
    assert run.query("select count(*) from staging.base_registries__legal_units") == [(0,)]


def test_dim_suppliers_values_and_sources(with_registries):
    rows = with_registries.query(
        "select siret, is_sme, sme_source, departement, departement_source, is_local, is_ess, "
        "ess_source, erp_source_file, erp_line_number from marts.dim_suppliers order by siret"
    )
    assert rows == [
        (A, False, "sirene", "92", "sirene", True, False, "sirene", "fournisseurs.csv", 2),
        (B, True, "sirene", "75", "sirene", True, True, "sirene", "fournisseurs.csv", 3),
        (C, False, "erp", None, "sirene", False, True, "esus", "fournisseurs.csv", 4),
        (D, True, "erp", "69", "erp", False, False, "erp", "fournisseurs.csv", 5),
        (E, True, "sirene", None, None, None, False, "sirene", None, None),
        (F, None, None, None, None, None, None, None, None, None),
    ]


def test_ess_is_decided_on_each_invoice_date(with_registries):
    assert with_registries.query(
        "select invoice_id, is_ess, ess_source from marts.fct_supplier_classification_evidence "
        "where supplier_siret = '43333333300014' order by invoice_id"
    ) == [("I3", True, "esus"), ("I4", False, "esus")]


def test_findings(with_registries):
    rows = with_registries.query(
        "select finding, extract, detail, rows_count, amount_ht, affected_indicators "
        "from marts.fct_data_quality where finding <> 'absent_extract' order by all"
    )
    closed = "facture datée après la fermeture de l'établissement (SIRENE)"
    classified = (
        "SIRET absent des fournisseurs de la filiale : classé par les registres ; local non classé"
    )
    ignored = "ligne ignorée"
    assert rows == [
        ("invoice_after_establishment_closure", "factures", closed, 1, 8000.0, ["O9_3"]),
        (
            "registry_disagreement",
            "fournisseurs",
            "ESS : ERP ESS, esus non ESS à la date de facture",
            1,
            8000.0,
            ["O6_1"],
        ),
        (
            "registry_disagreement",
            "fournisseurs",
            "PME : ERP PME (PME), sirene non PME (GE)",
            2,
            900.0,
            ["O8_1"],
        ),
        (
            "registry_disagreement",
            "fournisseurs",
            "PME : ERP non PME (GE), sirene PME (tranche 12)",
            1,
            2000.0,
            ["O8_1"],
        ),
        (
            "registry_disagreement",
            "fournisseurs",
            "local : ERP local (92), sirene non local (aucun département)",
            2,
            12000.0,
            ["O9_3"],
        ),
        (
            "registry_disagreement",
            "fournisseurs",
            "local : ERP non local (13), sirene local (75)",
            1,
            2000.0,
            ["O9_3"],
        ),
        (
            "registry_row_ignored",
            "StockEtablissement",
            f"clé SIRET mal formée : {ignored} (StockEtablissement_utf8.parquet)",
            1,
            None,
            [],
        ),
        (
            "registry_row_ignored",
            "StockUniteLegale",
            f"clé SIREN mal formée : {ignored} (StockUniteLegale_utf8.csv)",
            3,
            None,
            [],
        ),
        (
            "registry_row_ignored",
            "ess_france",
            f"clé SIRET mal formée : {ignored} (ess_france.csv)",
            1,
            None,
            [],
        ),
        (
            "registry_row_ignored",
            "esus",
            f"clé SIREN mal formée : {ignored} (esus.csv)",
            1,
            None,
            [],
        ),
        (
            "registry_row_ignored",
            "esus",
            f"date d'agrément illisible : {ignored} (esus.csv)",
            1,
            None,
            [],
        ),
        (
            "supplier_classified_by_registries",
            "factures",
            classified,
            1,
            32000.0,
            ["O6_1", "O8_1", "O9_3"],
        ),
        (
            "unclassified_supplier_spend",
            "factures",
            "SIRET absent des fournisseurs de la filiale",
            1,
            64000.0,
            ["O6_1", "O8_1", "O9_3"],
        ),
    ]


def test_only_the_delivery_rows_are_read(with_registries):
    # The well-formed SIRET "123 456 789 01234" is nobody's: neither read nor counted.
    assert with_registries.query(
        "select key_value, has_well_formed_key from staging.base_registries__establishments "
        "order by row_number_in_file"
    ) == [(A, True), (B, True), (C, True), (None, False)]


def test_registries_as_they_come_from_spreadsheets(tmp_path):
    # registries.md: ESUS without its agreement date columns (agreed since always, still
    # agreed); ESS France under its published name; both kept in spreadsheets that drop the
    # leading zero of SIREN 012345674 (a supplier of the delivery): read with it, counted.
    raw = shutil.copytree(RULES / "raw", tmp_path / "raw")
    with (raw / "TEST" / "fournisseurs.csv").open("a", encoding="utf-8") as suppliers:
        suppliers.write("01234567400019;Zéro Perdu;PME;11;N;;;75011;75111;43.21A\n")
    registries = shutil.copytree(RULES / "registries", tmp_path / "registries")
    (registries / "esus.csv").write_text(
        "SIREN;raison_sociale\n12345674;ZERO PERDU\n433 333 333;GAMMA INSERTION\n", "utf-8"
    )
    (registries / "entreprisesess_2025.csv").write_text("siret;nom\n1234567400019;ZP\n", "utf-8")
    selected = ["+stg_registries__esus_agreements", "+stg_registries__ess_france"]
    run = run_dbt(
        raw, tmp_path / "work", "run", "--select", *selected, "+int_registry_ignored_rows",
        vars_=YEAR_2025, registries=registries,
    ).succeeded()  # fmt: skip
    assert run.query(
        "select siren, agreement_start_date, agreement_end_date "
        "from staging.stg_registries__esus_agreements order by siren"
    ) == [("012345674", None, None), ("433333333", None, None)]
    assert run.query(
        "select siren, source_file from staging.stg_registries__ess_france order by siren"
    ) == [("012345674", "entreprisesess_2025.csv"), ("422222222", "ess_france.csv")]
    assert run.query(
        "select extract, detail, rows_count from intermediate.int_registry_ignored_rows "
        "where finding = 'registry_key_zero_padded' order by extract"
    ) == [
        ("ess_france", "clé SIRET sans son zéro initial (tableur) : lue avec lui "
         "(entreprisesess_2025.csv)", 1),
        ("esus", "clé SIREN sans son zéro initial (tableur) : lue avec lui (esus.csv)", 1),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "drop", "label"),
    [
        ("esus.csv", "siren", "esus"),
        ("StockEtablissement_utf8.parquet", "codePostalEtablissement", "StockEtablissement"),
    ],
)
def test_missing_column_stops_the_build_naming_file_and_column(tmp_path, name, drop, label):
    registries = tmp_path / "registries"
    shutil.copytree(RULES / "registries", registries)
    drop_registry_column(registries / name, drop)
    selected = "+base_registries__" + ("esus" if label == "esus" else "establishments")
    run = run_dbt(
        RULES / "raw", tmp_path / "work", "run", "--select", selected, registries=registries
    )
    assert run.returncode != 0
    path = registries / name
    assert f"{path}: required column '{drop}' missing from the header of this {label}" in run.output


def drop_registry_column(path: Path, column: str) -> None:
    """Rewrite a registry file without one column (esus.csv is `;`-separated)."""
    if path.suffix == ".parquet":
        source, target = f"read_parquet('{path}')", "(format parquet)"
    else:
        source, target = f"read_csv('{path}', delim = ';', all_varchar = true)", "(delimiter ';')"
    with duckdb.connect() as connection:
        connection.sql(f"copy (select * exclude ({column}) from {source}) to '{path}.new' {target}")
    path.with_name(f"{path.name}.new").replace(path)


def test_missing_registries_folder_stops_the_build(tmp_path):
    run = run_dbt(
        RULES / "raw", tmp_path / "work", "compile", vars_=YEAR_2025, registries=tmp_path / "nope"
    )
    assert run.returncode != 0
    assert f"registries folder not found: {tmp_path / 'nope'}" in run.output


def test_unset_variable_means_the_demo_registries_for_the_demo(tmp_path):
    # Another delivery with the variable unset gets none: test_without_registries_the_erp_decides.
    model = "base_registries__legal_units"
    run_dbt(DEMO / "raw", tmp_path / "work", "compile", "--select", model).succeeded()
    compiled = next((tmp_path / "work" / "target" / "compiled").rglob(f"{model}.sql"))
    assert str(DEMO / "registries" / "StockUniteLegale_utf8.parquet") in compiled.read_text()


def test_committed_demo_registries_are_a_fresh_generation(tmp_path):
    generator = PROJECT_DIR / "scripts" / "generate_demo_data.py"
    command = [
        sys.executable, str(generator), "--out", str(tmp_path / "raw"),
        "--registries", str(tmp_path / "registries"),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    fresh = {p.name: p.read_bytes() for p in (tmp_path / "registries").iterdir()}
    assert fresh == {p.name: p.read_bytes() for p in (DEMO / "registries").iterdir()}
