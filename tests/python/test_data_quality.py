"""fct_data_quality on the conformance delivery: what was set aside or assumed, and where."""

from __future__ import annotations

from collections import Counter

from expected_values import read_expected


def findings(build, finding: str) -> dict:
    """(filiale, year, detail) -> (rows, amount) for one kind of finding (one extract each)."""
    return {
        (filiale, year, detail): (rows, amount)
        for filiale, year, detail, rows, amount in build.query(
            "select filiale_code, year, detail, rows_count, amount_ht from marts.fct_data_quality "
            f"where finding = '{finding}'"
        )
    }


def per_year(build, finding: str) -> dict:
    return {(f, y): rows for (f, y, _), (rows, _) in findings(build, finding).items()}


def test_rejects_are_reported_per_extract(conformance_build):
    reported = Counter()
    for filiale, year, rows in conformance_build.query(
        "select filiale_code, year, rows_count from marts.fct_data_quality "
        "where finding = 'rejected_row'"
    ):
        assert year is None
        reported[filiale] += rows
    expected = Counter(row["filiale_code"] for row in read_expected("expected_rejected_rows.csv"))
    assert reported == expected


def test_rejects_name_the_indicators_they_affect(conformance_build):
    assert conformance_build.query(
        "select affected_indicators from marts.fct_data_quality where finding = 'rejected_row' "
        "and filiale_code = 'SEQENS' and extract = 'vehicules' limit 1"
    ) == [(["O4_4"],)]


def test_reception_date_fallback_is_counted_by_payment_year(conformance_build):
    # Counted independently from the raw files: paid invoices without date_reception
    # whose delay, from date_facture + 2 days, is not negative.
    assert per_year(conformance_build, "reception_date_assumed") == {
        ("LOGEO", 2024): 1,
        ("LOGEO", 2025): 15,
        ("LOGEO", 2026): 2,
        ("SEQENS", 2024): 8,
        ("SEQENS", 2025): 12,
        ("SEQENS", 2026): 6,
        ("SIDR", 2024): 5,
        ("SIDR", 2025): 10,
        ("SIDR", 2026): 6,
    }


def test_invoices_paid_before_receipt(conformance_build):
    assert per_year(conformance_build, "paid_before_receipt") == {
        ("LOGEO", 2025): 2,
        ("SEQENS", 2025): 2,
        ("SIDR", 2025): 2,
    }


def test_spend_outside_known_contracts(conformance_build):
    assert per_year(conformance_build, "cancelled_contract_spend") == {
        ("LOGEO", 2025): 1,
        ("SEQENS", 2025): 1,
        ("SIDR", 2025): 1,
    }
    assert findings(conformance_build, "unknown_contract_spend")[
        ("SEQENS", 2025, "marché inconnu de la filiale : dépense hors marché")
    ] == (1, 7555.34)


def test_unclassified_supplier_spend(conformance_build):
    seqens = {
        (year, detail): value
        for (filiale, year, detail), value in findings(
            conformance_build, "unclassified_supplier_spend"
        ).items()
        if filiale == "SEQENS"
    }
    assert seqens == {
        (2024, "SIRET fournisseur invalide"): (1, 13541.21),
        (2025, "SIRET fournisseur invalide"): (1, 19490.1),
        (2025, "SIRET absent des fournisseurs de la filiale"): (3, 28452.68),
    }


def test_vehicles_without_co2_and_housing_without_vector(conformance_build):
    assert per_year(conformance_build, "vehicle_without_co2")[("SEQENS", 2026)] == 5
    assert per_year(conformance_build, "housing_without_energy_vector")[("LOGEO", 2025)] == 4
    assert findings(conformance_build, "absent_extract") == {}


DUPLICATE = "clé en double (une ligne valide la précède)"
UNKNOWN_CONTRACT = "marché inconnu de la filiale"


def test_rejects_are_grouped_by_kind_not_by_value(conformance_build):
    assert conformance_build.query(
        "select extract, detail, rows_count from marts.fct_data_quality "
        "where finding = 'rejected_row' and filiale_code = 'SEQENS' "
        f"and detail in ('{DUPLICATE}', '{UNKNOWN_CONTRACT}') order by extract, detail"
    ) == [
        ("avenants", DUPLICATE, 1),
        ("avenants", UNKNOWN_CONTRACT, 2),
        ("consultations", DUPLICATE, 1),
        ("factures", DUPLICATE, 2),
        ("formations", DUPLICATE, 1),
        ("fournisseurs", DUPLICATE, 2),
        ("logements", DUPLICATE, 2),
        ("marches", DUPLICATE, 2),
        ("vehicules", DUPLICATE, 1),
    ]


def test_reject_details_are_french_labels_with_their_column(conformance_build):
    details = {
        detail
        for (detail,) in conformance_build.query(
            "select detail from marts.fct_data_quality where finding = 'rejected_row'"
        )
    }
    assert "date illisible : « date_facture »" in details
    assert "champ obligatoire vide : « siret »" in details
    assert not [d for d in details if d.startswith(("invalid", "required", "duplicate"))]
    assert conformance_build.query(
        "select count(*) from audit.audit_rejected_rows where reason_code is null"
    ) == [(0,)]


def test_broken_links_between_extracts(conformance_build):
    # SEQENS 2025-M022 points at operation OP2019-99, absent from its operations.
    assert findings(conformance_build, "contract_unknown_operation")[
        ("SEQENS", 2025, "opération inconnue de la filiale : marché lié à aucune opération")
    ] == (1, 705825.57)
    assert per_year(conformance_build, "amendment_of_cancelled_contract") == {
        ("LOGEO", 2025): 1,
        ("SEQENS", 2025): 1,
        ("SIDR", 2025): 1,
    }
