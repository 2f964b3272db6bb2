"""The FEC in every layout the spec accepts, read into the same figures: tab or `|`,
UTF-8 (with or without BOM) or ISO 8859-15, LF or CRLF, Debit/Credit or Montant/Sens
(D/C, +1/-1), field names in any order and case, files DuckDB streams and files it cannot
(a stray line break inside a field); and a header that breaks the contract stops the
build naming the file and the field. Expected values are computed by hand from the lines
written below (line 1 is the header)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import run_dbt
from spaser.landing import RawContractError, land, unrecognized_files

NORM = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
    "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
    "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
)  # fmt: skip
MONTANT_SENS = tuple({"Debit": "Montant", "Credit": "Sens"}.get(name, name) for name in NORM)
FILIALES = (
    "code_filiale;raison_sociale;siren;departements;drom\nA;Alpha;;75;N\nB;Beta;;75;N\n"
    "C;Gamma;;75;N\nD;Delta;;75;N\n"
)
INVOICES = "id_facture;type_piece;date_facture;date_paiement;montant_ht;statut\n"
# The reconciliation and the rejects, with what they read (and the seed a test reads).
SELECT = [
    "--select", "+fct_spend_reconciliation_items", "+fct_spend_reconciliation",
    "+audit_rejected_rows", "jobs_per_million_eur", "+int_ledger_quality_findings",
    "+int_quality_delivery_files",
]  # fmt: skip


def fec(path: Path, header, rows, sep="\t", encoding="utf-8", newline="\n") -> None:
    """An FEC file: `rows` are lists in the header's order, or '' for a blank line."""
    lines = [sep.join(header)] + [sep.join(row) if row else "" for row in rows]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))


def line(journal, number, day, account, label="", aux="", aux_label="", ref="", piece_day="",
         text="", debit="", credit="", letter="", let_day="") -> list[str]:  # fmt: skip
    """One line in the norm's order (Debit/Credit; Montant/Sens in the same places)."""
    return [journal, journal, number, day, account, label, aux, aux_label, ref, piece_day, text,
            debit, credit, letter, let_day, day, "", ""]  # fmt: skip


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    raw = tmp_path_factory.mktemp("fec-variants") / "raw"
    for folder in "ABCD":
        (raw / folder).mkdir(parents=True)
    (raw / "filiales.csv").write_text(FILIALES, encoding="utf-8")
    # A: ISO 8859-15, tab, LF, Debit/Credit, the header reversed, in other cases and padded.
    (raw / "A" / "factures.csv").write_text(
        INVOICES + "FA-1;Facture;10/01/2025;10/02/2025;1000,00;Payée\n"
        "FA-2;Avoir;15/01/2025;;100,00;À payer\nFA-3;Facture;20/01/2025;;500,00;Annulée\n",
        encoding="utf-8",
    )
    supplier = ("F1", "Œuvres d'Art Électriques €")
    a_rows = [
        line("HA", "1", "20250112", "401000", "Fournisseurs", *supplier, " fa-1 ", "20250110",
             "Facture œuvre", "", "1200,00", "AA", "20250211"),  # 2
        line("HA", "1", "20250112", "615500", "Gros œuvre", ref="FA-1", debit="1000,00"),  # 3
        line("HA", "1", "20250112", "445660", "TVA", ref="FA-1", debit="200,00"),  # 4
        line("HA", "2", "20250116", "401000", "Fournisseurs", *supplier, "FA-2", "20250115",
             debit="120,00"),  # 5
        line("HA", "2", "20250116", "615500", "Gros œuvre", ref="FA-2", credit="100,00"),  # 6
        line("HA", "2", "20250116", "445660", "TVA", ref="FA-2", credit="20,00"),  # 7
        "",  # 8: blank, not a row, but counted
        line("HA", "3", "20250121", "401000", "Fournisseurs", *supplier, "FA-3", "20250120",
             credit="600"),  # 9
        line("HA", "3", "20250121", "615500", "Gros œuvre", ref="FA-3", debit="500"),  # 10
        line("HA", "3", "20250121", "445660", "TVA", ref="FA-3", debit="100.00"),  # 11
        line("BQ", "1", "20250211", "401000", "Fournisseurs", *supplier, "FA-1",
             debit="1200,00", letter="AA", let_day="20250211"),  # 12
        line("BQ", "1", "20250211", "512000", "Banque", ref="FA-1", credit="1200,00"),  # 13
        line("BQ", "2", "20250212", "512000", "Banque")[:17],  # 14: 17 fields
    ]  # fmt: skip
    header = [f" {n.upper()} " if i % 3 == 0 else n.lower() for i, n in enumerate(NORM)]
    fec(raw / "A" / "AFEC20251231.txt", header[::-1], [r[::-1] if r else r for r in a_rows],
        encoding="iso8859_15")  # fmt: skip
    # B: UTF-8 with BOM, `|`, CRLF, Montant/Sens in +1/-1, decimal point.
    (raw / "B" / "factures.csv").write_text(
        INVOICES + "FB-1;Facture;01/03/2025;15/03/2025;1 234,56;Payée\n", encoding="utf-8"
    )
    works = ("F9", "Bâtisseurs Réunis")
    b_rows = [
        line("HA", "7", "20250302", "404000", "Fournisseurs", *works, "FB-1", "20250301",
             "Travaux", "1481.47", "-1", "ab", "20250315"),  # 2
        line("HA", "7", "20250302", "231300", "Travaux en cours", ref="FB-1", debit="1234.56",
             credit="+1"),  # 3
        line("HA", "7", "20250302", "445660", "TVA", ref="FB-1", debit="246.91", credit="+1"),
        line("BQ", "3", "20250315", "404000", "Fournisseurs", *works, "FB-1", debit="1481.47",
             credit="+1", letter="ab", let_day="20250315"),  # 5
        line("BQ", "3", "20250315", "512000", "Banque", ref="FB-1", debit="1481.47", credit="-1"),
        line("OD", "1", "20250331", "471000", "Attente"),  # 7: empty Montant is 0, no Sens
        line("OD", "2", "20250331", "471000", "Attente", debit="5", credit="X"),  # 8: bad Sens
    ]  # fmt: skip
    fec(raw / "B" / "BFEC20251231.txt", MONTANT_SENS, b_rows, "|", "utf-8-sig", "\r\n")
    (raw / "C" / "factures.csv").write_text(INVOICES, encoding="utf-8")
    # C: no ERP invoice (an empty extract); ISO 8859-15 with a stray CR inside a label
    # (read in memory), and UTF-8 with CRLF endings and a stray LF inside a label (too).
    fec(raw / "C" / "CFEC20251231.txt", NORM, [
        line("HA", "1", "20250405", "401000", "Fournisseurs", "F3", "Société Générale", "FC-9",
             "", "Réparation\rchaudière", "", "240"),  # 2: no PieceDate: the entry's date
        line("HA", "1", "20250405", "615500", "Entretien", ref="FC-9", debit="200"),
        line("HA", "1", "20250405", "445660", "TVA", ref="FC-9", debit="40"),
    ], encoding="iso8859_15")  # fmt: skip
    fec(raw / "C" / "fec_2024.csv", NORM, [
        line("OD", "1", "20241231", "681100", "Dotations", text="Dotation\nannuelle", debit="50"),
        line("OD", "1", "20241231", "281300", "Amortissements", credit="50"),
    ], newline="\r\n")  # fmt: skip
    plant_real_ledger(raw / "D")
    return run_dbt(raw, raw.parent / "work", "build", *SELECT).succeeded()


def plant_real_ledger(folder: Path) -> None:
    """D: a real ledger's quirks (accounting-fec.md, « Real files »): `ValidDate` written with
    a time, `EcritureNum` 0 on every line (two invoices of two dates merged into one entry);
    an invoice header carrying zero-width and no-break spaces; beside them a headcount file
    (f-e-c inside a word), a misnamed extract, a spreadsheet, and what is ignored silently."""
    header = ["id_facture\u200b", "\ufefftype_piece", "date_facture\u00a0", "\u202fdate_paiement",
              "montant_ht", "statut"]  # fmt: skip
    (folder / "factures.csv").write_text(
        ";".join(header) + "\nFD-1;Facture;05/01/2025;;100,00;À payer\n", encoding="utf-8"
    )
    rows = [
        line("HA", "0", "20250105", "401000", "Fournisseurs", "F5", "Epsilon", "FD-1",
             "20250105", credit="120"),  # 2
        line("HA", "0", "20250105", "615500", "Entretien", ref="FD-1", debit="100"),
        line("HA", "0", "20250105", "445660", "TVA", ref="FD-1", debit="20"),
        line("HA", "0", "20250210", "401000", "Fournisseurs", "F5", "Epsilon", "FD-2",
             "20250210", credit="60"),
        line("HA", "0", "20250210", "615500", "Entretien", ref="FD-2", debit="50"),
        line("HA", "0", "20250210", "445660", "TVA", ref="FD-2", debit="10"),  # 7
    ]  # fmt: skip
    for row in rows:
        row[NORM.index("ValidDate")] = "20250219 10:25:37"
    fec(folder / "DFEC20251231.txt", NORM, rows)
    (folder / "effectifs.csv").write_text("matricule;effectif\n1;12\n", encoding="utf-8")
    (folder / "facture_2025.csv").write_text(INVOICES, encoding="utf-8")
    (folder / "factures_2025.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "Thumbs.db").write_bytes(b"\x00")
    (folder / "~$factures_2025.xlsx").write_bytes(b"\x00")


def test_inventory_tells_each_file_encoding_and_line_ending(variants):
    assert sorted(
        variants.query(
            "select filiale_code, source_file, encoding, line_ending from raw.delivery_files "
            "where extract = 'fec'"
        )
    ) == [
        ("A", "AFEC20251231.txt", "iso-8859-15", "LF"),
        ("B", "BFEC20251231.txt", "utf-8", "CRLF"),
        ("C", "CFEC20251231.txt", "iso-8859-15", "LF"),
        ("C", "fec_2024.csv", "utf-8", "CRLF"),
        ("D", "DFEC20251231.txt", "utf-8", "LF"),
    ]


def test_every_layout_reads_into_the_same_lines(variants):
    rows = {
        (file[0], n): rest
        for file, n, *rest in variants.query(
            "select source_file, line_number, account_label, auxiliary_account_label, "
            "piece_reference, piece_date, entry_label, debit_amount, credit_amount, "
            "lettering_code from staging.stg_accounting__fec_lines"
        )
    }
    euro = "Œuvres d'Art Électriques €"
    assert rows[("A", 2)] == ["Fournisseurs", euro, "fa-1", date(2025, 1, 10), "Facture œuvre",
                              Decimal(0), Decimal(1200), "AA"]  # fmt: skip
    assert rows[("A", 3)][0] == "Gros œuvre"
    assert rows[("A", 11)][5:7] == [Decimal(100), Decimal(0)]  # a decimal point is tolerated
    assert rows[("B", 2)][1] == "Bâtisseurs Réunis"
    assert rows[("B", 2)][5:] == [Decimal(0), Decimal("1481.47"), "ab"]  # -1 is a credit
    assert rows[("B", 3)][5:7] == [Decimal("1234.56"), Decimal(0)]  # +1 is a debit
    assert rows[("B", 7)][5:7] == [Decimal(0), Decimal(0)]  # empty Montant, no Sens
    # Line breaks that are not the file's stay inside their field.
    assert rows[("C", 2)][3:5] == [None, "Réparation\rchaudière"]
    assert rows[("f", 2)][4] == "Dotation\nannuelle"  # fec_2024.csv
    assert ("A", 8) not in rows and len([k for k in rows if k[0] == "A"]) == 11


def test_unreadable_lines_are_rejected_with_their_reason(variants):
    assert sorted(
        variants.query(
            "select filiale_code, source_file, line_number, reason_kind "
            "from audit.audit_rejected_rows where extract = 'fec'"
        )
    ) == [
        ("A", "AFEC20251231.txt", 14, "wrong number of fields"),
        ("B", "BFEC20251231.txt", 8, "unknown coded value in 'Sens'"),
    ]


def test_reconciliation_of_every_variant(variants):
    figures = {
        (f, y): rest
        for f, y, *rest in variants.query(
            "select filiale_code, year, erp_invoice_count, erp_spend_ht, ledger_entry_count, "
            "ledger_spend_ht, matched_count, ledger_only_count, ledger_only_spend_ht, "
            "amount_mismatch_count, payment_date_mismatch_count, erp_spend_found_pct "
            "from marts.fct_spend_reconciliation"
        )
    }
    # A: FA-1 (1 000) and the credit note FA-2 (-100) matched; FA-3, cancelled in the ERP,
    # only in the books (500); FA-1 paid on 10/02 in the ERP, 11/02 in the books.
    assert figures[("A", 2025)] == [2, 900, 3, 1400, 2, 1, 500, 0, 1, 100.0]
    assert figures[("B", 2025)] == [1, Decimal("1234.56"), 1, Decimal("1234.56"), 1, 0, 0, 0, 0,
                                    100.0]  # fmt: skip
    assert figures[("C", 2025)] == [0, 0, 1, 200, 0, 1, 200, 0, 0, None]
    assert figures[("C", 2024)] == [0, 0, 0, 0, 0, 0, 0, 0, 0, None]
    assert figures[("A", 2024)] == [None] * 10
    assert sorted(
        variants.query(
            "select filiale_code, finding, invoice_id, erp_line_number, fec_source_file, "
            "fec_line_number, erp_payment_date, ledger_payment_date "
            "from marts.fct_spend_reconciliation_items where filiale_code <> 'D'"
        )
    ) == [
        ("A", "ledger_only", "FA-3", None, "AFEC20251231.txt", 9, None, None),
        ("A", "payment_date_mismatch", "FA-1", 2, "AFEC20251231.txt", 2, date(2025, 2, 10),
         date(2025, 2, 11)),
        ("C", "ledger_only", "FC-9", None, "CFEC20251231.txt", 2, None, None),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ([n for n in NORM if n != "EcritureDate"], "required field 'EcritureDate' missing"),
        ([n for n in MONTANT_SENS if n != "Sens"], "required field 'Sens' missing"),
        ([n for n in NORM if n not in ("Debit", "Credit")], "'Debit' and 'Credit' (or"),
        (NORM, "no tab or '|' separator"),
    ],
    ids=["EcritureDate", "Sens", "amounts", "separator"],
)
def test_a_header_that_breaks_the_contract_stops_the_build(tmp_path, header, message):
    raw = tmp_path / "raw"
    (raw / "A").mkdir(parents=True)
    (raw / "filiales.csv").write_text(FILIALES.split("B;")[0], encoding="utf-8")
    fec(raw / "A" / "AFEC20251231.txt", header, [], sep=";" if message.startswith("no") else "\t")
    with pytest.raises(RawContractError) as error:
        with land(raw):
            pass
    assert "AFEC20251231.txt" in str(error.value) and message in str(error.value)


def test_a_real_ledger_is_kept_with_its_findings(variants):
    # Nothing rejected over ValidDate. The merged entry (FD-1 and FD-2, 150) meets FD-1 (100)
    # as an amount mismatch: the finding says why, so it is never taken as sound.
    assert variants.query(
        "select finding, invoice_id from marts.fct_spend_reconciliation_items "
        "where filiale_code = 'D'"
    ) == [("amount_mismatch", "FD-1")]
    assert variants.query(
        "select count(*) from staging.stg_accounting__fec_lines where filiale_code = 'D'"
    ) == [(6,)]
    assert variants.query(
        "select finding, detail, rows_count from intermediate.int_ledger_quality_findings "
        "where filiale_code = 'D' and finding like 'fec%' order by finding"
    ) == [
        ("fec_entry_several_dates", "DFEC20251231.txt : journal HA, 1 écriture(s) de plusieurs "
         "dates (6 lignes, 2 dates) : numérotation non conforme, rapprochement à lire avec "
         "prudence", 1),
        ("fec_field_unreadable", "DFEC20251231.txt : « ValidDate » illisible sur 6 ligne(s), "
         "la première ligne 2 ; champ non utilisé, lignes conservées", 6),
    ]  # fmt: skip


def test_files_matching_no_pattern_are_findings_and_effectifs_is_no_fec(variants):
    assert variants.query(
        "select detail from intermediate.int_quality_delivery_files "
        "where finding = 'unrecognized_file' order by detail"
    ) == [
        (f"fichier non reconnu : {name} — aucun motif du contrat, non lu",)
        for name in ["effectifs.csv", "facture_2025.csv", "factures_2025.xlsx"]
    ]


def test_header_names_lose_zero_width_and_no_break_spaces(variants):
    assert variants.query(
        "select invoice_id, invoice_date from staging.stg_extracts__invoices "
        "where filiale_code = 'D'"
    ) == [("FD-1", date(2025, 1, 5))]


def test_the_validation_lists_files_matching_no_pattern(tmp_path):
    raw = tmp_path / "raw"
    (raw / "A").mkdir(parents=True)
    (raw / "filiales.csv").write_text(FILIALES.split("B;")[0], encoding="utf-8")
    plant_real_ledger(raw / "A")
    with land(raw) as connection:
        assert unrecognized_files(connection) == [
            "A/effectifs.csv",
            "A/facture_2025.csv",
            "A/factures_2025.xlsx",
        ]
