"""DECP (issue 12) on a hand-made delivery whose DECP files take every shape the spec accepts,
shaped like the official examples of the schema (139bercy/format-commande-publique,
exemples/json): a single `marche` object with flat lists and tabs, a modification without
amount, wrapped lists with concessions beside the `marche` list, the earlier root with a
`$schema` key, an `acheteurs` list and a concession among the records, a one-line file with
\\uXXXX escapes. Every figure below was worked out by hand from tests/fixtures/decp_shapes."""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import FIXTURES, run_dbt

RAW = FIXTURES / "decp_shapes" / "raw"
YEARS = "spaser_first_year: 2024, spaser_last_year: 2025"


# Real files (decp.md, « Real files »), in a filiale of their own, REAL (no SIREN: the
# identifier alone decides): the 2022 consolidated format writing `"autoriteConcedante": ""`
# on every record, dates with a time zone or a time, an amount as a JSON string, `Siret` in
# any case, a concession named by `_type`; R4 republished with its first publication date
# and a modification dated by its signature, in a file sorting before the first by bytes.
BUYER = {"id": "21750001600019"}
HOLDER = [{"typeIdentifiant": "Siret", "id": "55204599900869"}]
REAL_FILES = {
    "decp_consolide.json": {"marches": [
        {"id": "R1", "acheteur": BUYER, "autoriteConcedante": "", "nature": "Marché",
         "dateNotification": "2024-05-15+02:00", "datePublicationDonnees": "2024-05-20",
         "montant": 50000, "titulaires": HOLDER},
        {"id": "R2", "acheteur": BUYER, "autoriteConcedante": "", "nature": "Marché",
         "dateNotification": "2024-06-01T00:00:00", "datePublicationDonnees": "2024-06-05Z",
         "montant": "60000,00", "titulaires": HOLDER},
        {"id": "RC", "acheteur": BUYER, "_type": "Contrat de concession",
         "nature": "Concession de service", "dateNotification": "2024-06-01"},
        {"id": "R3", "acheteur": BUYER, "autoriteConcedante": "", "_type": "Marché",
         "concessionnaires": None, "dateNotification": "2024-07-01",
         "datePublicationDonnees": "2024-07-02", "montant": 70000, "titulaires": HOLDER},
    ]},
    "decp_2024.json": {"marches": {"marche": [
        {"id": "R4", "acheteur": BUYER, "dateNotification": "2024-03-01",
         "datePublicationDonnees": "2024-03-10", "montant": 80000, "titulaires": HOLDER},
    ]}},
    "Decp_2026.json": {"marches": {"marche": [
        {"id": "R4", "acheteur": BUYER, "dateNotification": "2024-03-01",
         "datePublicationDonnees": "2024-03-10", "montant": 80000, "titulaires": HOLDER,
         "modifications": [{"id": 1, "dateSignatureModification": "2024-04-01",
                            "datePublicationDonneesModification": "2024-04-05",
                            "montant": 90000}]},
    ]}},
}  # fmt: skip
REAL_CONTRACTS = [
    ("R1", "15/05/2024", "50000"),
    ("R2", "01/06/2024", "60000"),
    ("R3", "01/07/2024", "70000"),
    ("R4", "01/03/2024", "80000"),
]


def plant_real_files(raw: Path) -> None:
    header = (RAW / "HAB" / "marches.csv").read_text(encoding="utf-8").splitlines()[0]
    (raw / "REAL").mkdir()
    rows = [
        f"{id_};Travaux;CONSTRUCTION_NEUVE;;;{day};{amount};55204599900869;;;Notifié"
        for id_, day, amount in REAL_CONTRACTS
    ]
    (raw / "REAL" / "marches.csv").write_text("\n".join([header, *rows]) + "\n", "utf-8")
    amendments = "id_avenant;id_marche;date_notification;montant_ht\nR4-AV1;R4;01/04/2024;10000\n"
    (raw / "REAL" / "avenants.csv").write_text(amendments, encoding="utf-8")
    for name, document in REAL_FILES.items():
        (raw / "REAL" / name).write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    with (raw / "filiales.csv").open("a", encoding="utf-8") as filiales:
        filiales.write("REAL;Publications réelles;;75;N\n")


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    # Under a folder a pattern would read as its sibling `publications 2`, whose HAB files
    # publish nothing: read as a pattern, every HAB figure would change.
    base = tmp_path_factory.mktemp("decp_shapes")
    raw = shutil.copytree(RAW, base / "publications [2025]" / "raw")
    sibling = shutil.copytree(RAW, base / "publications 2" / "raw")
    for document in sibling.glob("HAB/*.json"):
        document.write_text('{"marches": {"marche": []}}', encoding="utf-8")
    plant_real_files(raw)
    return run_dbt(raw, base / "work", "build", vars_=f"{{{YEARS}}}").succeeded()


def compliance(build) -> list[tuple]:
    return build.query(
        "select filiale_code, year, contracts_in_scope, contracts_published, "
        "contracts_published_on_time, published_pct, published_on_time_pct, "
        "contracts_inconsistent, amendments_unpublished, records_without_contract "
        "from marts.fct_decp_compliance order by filiale_code, year"
    )


def test_every_accepted_shape_reads_without_reject(shapes):
    # Positions count the `marche` list only: the concession of the earlier-format file
    # (position 3) is not a record; the only rejects are the two planted in decp_2025.json.
    assert shapes.query(
        "select source_file, list(line_number order by line_number) "
        "from staging.base_decp__records where filiale_code = 'HAB' and not is_concession "
        "group by source_file order by source_file"
    ) == [
        ("DECP_Modification.json", [1]),
        ("decp_2024.json", [1, 2, 3]),
        ("decp_2025.json", [1, 2, 3, 4, 5, 6, 7]),
        ("decp_historique.json", [1, 2, 4]),
        ("decp_marche.json", [1]),
    ]
    assert shapes.query(
        "select source_file, line_number, reason, raw_values ->> '$.id' "
        "from audit.audit_rejected_rows where extract = 'decp' order by line_number"
    ) == [
        ("decp_2025.json", 4, "invalid date in 'dateNotification': 2025-02-30", "HAB-2025-003"),
        ("decp_2025.json", 5, "required field 'id' is empty", None),
    ]
    assert shapes.query(
        "select filiale_code, files_count, rows_read, rows_kept, rows_rejected "
        "from audit.audit_extract_row_counts where extract = 'decp' order by filiale_code"
    ) == [("HAB", 5, 15, 13, 2), ("REAL", 3, 5, 5, 0)]


def test_compliance_per_filiale_and_year(shapes):
    # NODECP has contracts but no DECP file: unknown, not zero.
    assert compliance(shapes) == [
        ("HAB", 2024, 5, 5, 4, 100.0, 80.0, 2, 1, 2),
        ("HAB", 2025, 3, 2, 1, 200 / 3, 100 / 3, 1, 1, 0),
        ("NODECP", 2024, None, None, None, None, None, None, None, None),
        ("NODECP", 2025, None, None, None, None, None, None, None, None),
        # Every real-file record kept; R4's modification, in the republication, publishes
        # its amendment.
        ("REAL", 2024, 4, 4, 4, 100.0, 100.0, 0, 0, 0),
        ("REAL", 2025, 0, 0, 0, None, None, 0, 0, 0),
    ]


def test_each_check_with_both_values(shapes):
    rows = shapes.query(
        "select contract_id, published, published_on_time, publication_delay_days, "
        "erp_notification_date, decp_notification_date, notification_date_matches, "
        "erp_amount_ht, decp_amount, amount_matches, "
        "erp_titulaire_siret, decp_titulaire_siret, titulaire_matches, "
        "erp_has_social_consideration, decp_has_social_consideration, "
        "social_consideration_matches, "
        "erp_has_environmental_consideration, decp_has_environmental_consideration, "
        "environmental_consideration_matches, "
        "erp_is_framework_agreement, decp_is_framework_agreement, framework_matches, "
        "erp_total_at_modification_ht, decp_modified_amount, modified_amount_matches, "
        "is_inconsistent from marts.fct_decp_contract_checks where filiale_code = 'HAB' "
        "order by contract_id"
    )
    d, n = date, Decimal
    siret, other = "55204599900869", "81223113200026"
    assert rows == [
        # Flat lists, tabs, no modification: every check true.
        ("Exemple1", True, True, 10, d(2024, 5, 15), d(2024, 5, 15), True,
         n(575000), n(575000), True, siret, siret, True, True, True, True,
         True, True, True, False, False, True, None, None, None, False),
        # 2 months + 1 day: late; a social consideration the ERP does not state.
        ("Exemple2", True, False, 62, d(2024, 5, 15), d(2024, 5, 15), True,
         n(575000), n(575000), True, siret, siret, True, False, True, False,
         True, True, True, False, False, True, None, None, None, True),
        # Earlier format: no considerations (unknown); framework by nature and
        # id_accord_cadre; 01/03 + 2 months = 01/05 is on time.
        ("HAB-2024-003", True, True, 61, d(2024, 3, 1), d(2024, 3, 1), True,
         n(80000), n(80000), True, other, other, True, False, None, None,
         False, None, None, True, True, True, None, None, None, False),
        # 31/12 + 2 months = 28/02; TVA holder; latest modification by notification date.
        ("HAB-2024-004", True, True, 59, d(2024, 12, 31), d(2024, 12, 31), True,
         n(150000), n(150000), True, siret, None, None, False, False, True,
         True, False, False, False, False, True, n(165000), n(165000), True, True),
        # " hab-2025-001 ": stripped, any case; 1 € apart; invalid ERP SIRET.
        ("HAB-2025-001", True, False, 60, d(2025, 1, 31), d(2025, 1, 31), True,
         n(40000), n(40001), True, None, other, None, False, False, True,
         False, False, True, False, False, True, None, None, None, False),
        # Published twice: the latest publication stands (position 2, not 3).
        ("HAB-2025-002", True, True, 27, d(2025, 2, 1), d(2025, 2, 2), False,
         n(50000), n(50000), True, other, other, True, False, False, True,
         False, False, True, False, False, True, None, None, None, True),
        ("HAB-2025-004", False, False, None, d(2025, 3, 10), None, None,
         n(60000), None, None, other, None, None, False, None, None,
         False, None, None, False, None, None, None, None, None, None),
        # Wrapped lists; another establishment of the filiale; 0,80 € apart is within 1 €.
        ("TEST2022", True, True, 10, d(2024, 5, 15), d(2024, 5, 15), True,
         n(575000), n("575000.8"), True, siret, siret, True, True, True, True,
         True, True, True, True, True, True, n(600000), n(600000), True, False),
    ]  # fmt: skip


def test_findings_in_the_data_quality_report(shapes):
    assert shapes.query(
        "select year, finding, detail, rows_count, amount_ht, affected_indicators "
        "from marts.fct_data_quality where extract = 'decp' and filiale_code = 'HAB' "
        "order by year nulls last, finding, detail"
    ) == [
        (2024, "decp_environmental_consideration_mismatch",
         "considération environnementale à l'ERP, absente des DECP", 1, 150000.0, ["O1_2"]),
        (2024, "decp_record_of_cancelled_contract",
         "marché publié aux DECP mais annulé à l'ERP", 1, 70000.0, []),
        (2024, "decp_record_without_contract",
         "acheteur d'une autre entité que la filiale (SIRET hors de son SIREN)", 1, 127000.0, []),
        (2024, "decp_record_without_contract",
         "identifiant absent des marchés de l'ERP", 1, 575000.0, []),
        (2024, "decp_social_consideration_mismatch",
         "considération sociale publiée aux DECP, absente de l'ERP", 1, 575000.0, ["O1_3"]),
        (2025, "decp_superseded_record",
         "identifiant republié par le même acheteur : seule la publication la plus récente compte",
         1, 49000.0, []),
        (None, "decp_concessions_ignored",
         "decp_2024.json : contrats de concession ignorés (hors du périmètre des marchés)",
         1, None, []),
        (None, "decp_concessions_ignored",
         "decp_historique.json : contrats de concession ignorés (hors du périmètre des marchés)",
         1, None, []),
        (None, "decp_record_without_contract",
         "acheteur non identifié (pas de SIRET acheteur)", 1, None, []),
        (None, "rejected_row", "champ obligatoire vide : « id »", 1, None, []),
        (None, "rejected_row", "date illisible : « dateNotification »", 1, None, []),
    ]  # fmt: skip


def test_threshold_delay_and_tolerance_are_vars(tmp_path):
    decp_vars = "decp_threshold_eur: 60000, decp_publication_delay_months: 1, "
    decp_vars += "decp_amount_tolerance_eur: 0.5"
    run = run_dbt(RAW, tmp_path / "work", "build", vars_=f"{{{YEARS}, {decp_vars}}}").succeeded()
    # 2024: one month leaves Exemple1 and TEST2022 on time; TEST2022's 0,80 € is now a
    # mismatch. 2025: only HAB-2025-004 (60 000 €) reaches the threshold, unpublished.
    assert compliance(run)[:2] == [
        ("HAB", 2024, 5, 5, 2, 100.0, 40.0, 3, 1, 2),
        ("HAB", 2025, 1, 0, 0, 0.0, 0.0, 0, 1, 0),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"marches": {"marche": [{"id": "A1"}', "DECP file not valid JSON"),
        ('{"marche": [{"id": "A1"}]}', 'DECP file without a "marches" list at its root'),
        # What DuckDB's JSON reader accepts and RFC 8259 does not, as published data holds.
        (
            '{"marches": [{"id": "A1",\n "montant": NaN}]}',
            "line 2 column 13: NaN is not a JSON value",
        ),
        ('{"marches": [{"id": "A1", "montant": -Infinity}]}', "line 1 column 38: -Infinity"),
        ('{"marches": [{"id": "A1"},]}', "line 1 column 27: Expecting value"),
    ],
)
def test_an_unreadable_file_stops_the_build_naming_it(tmp_path, content, message):
    raw = shutil.copytree(RAW, tmp_path / "raw")
    (raw / "HAB" / "decp_casse.json").write_text(content, encoding="utf-8")
    run = run_dbt(raw, tmp_path / "work", "run", "--select", "+base_decp__records")
    assert run.returncode != 0
    assert message in run.output
    assert "decp_casse.json" in run.output
    assert "Traceback" not in run.output
