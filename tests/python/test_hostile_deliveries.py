"""Hostile deliveries (raw-extracts.md, "Hostile deliveries"): what real exports and careless
hands produce. Nothing is lost, nothing is silently wrong, one bad row never stops the group.

A delivery the contract cannot hold stops the build with one line naming the file (and the
line and column): each such case is its own quick build, which fails in the raw layer. The
readable hostile cases are planted together in one copy of the conformance delivery, under a
folder whose path holds a space, a quote, a backtick and accents, and built once into a
database whose path does too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import (
    CONFORMANCE,
    PROJECT_DIR,
    copy_raw,
    drop_column,
    edit_line,
    rewrite_csv,
    run_dbt,
    set_field,
)

EXPECTED_REJECTS = CONFORMANCE / "expected" / "expected_rejects.csv"
AWKWARD = "livraison d'été `x` $(touch pwned)"
# Read as a pattern, `[2025]` would match the sibling `livraison 2`, which holds other data.
# (A `?` is left out: DuckDB cuts a database path at `?`, its WAL then fails to open.)
BRACKETED, SIBLING = "livraison [2025] {a,b} *", "livraison 2 {a,b} *"


def expected_counts(filiale: str, extract: str) -> tuple[int, int, int]:
    for row in EXPECTED_REJECTS.read_text(encoding="utf-8").splitlines()[1:]:
        f, e, read, kept, rejected = row.split(",")
        if (f, e) == (filiale, extract):
            return int(read), int(kept), int(rejected)
    raise KeyError((filiale, extract))


def assert_stops(tmp_path: Path, raw: Path, *expected: str) -> None:
    run = run_dbt(raw, tmp_path / "work", "build")
    assert run.returncode != 0
    for text in expected:
        assert text in run.output
    assert "Traceback" not in run.output
    assert "Delivery contract: " in run.output


# --------------------------------------------------------------------------------------
# Deliveries the build cannot hold: it stops, naming the file.
# --------------------------------------------------------------------------------------


def test_a_broken_link_named_like_an_extract_stops_the_build(tmp_path):
    raw = copy_raw(tmp_path / "raw")
    os.symlink(tmp_path / "gone.csv", raw / "LOGEO" / "factures_2027.csv")
    assert_stops(tmp_path, raw, "LOGEO/factures_2027.csv", "is a broken link")


def test_a_folder_named_like_an_extract_stops_the_build(tmp_path):
    raw = copy_raw(tmp_path / "raw")
    (raw / "SIDR" / "vehicules_archive.csv").mkdir()
    assert_stops(tmp_path, raw, "SIDR/vehicules_archive.csv", "is a folder")


def test_the_same_column_twice_in_a_header_stops_the_build(tmp_path):
    raw = copy_raw(tmp_path / "raw")
    edit_line(raw / "LOGEO" / "factures.csv", 1, lambda header: header + "; Montant_HT ")
    assert_stops(tmp_path, raw, "LOGEO/factures.csv: line 1: column 'montant_ht' appears twice")


def test_a_utf16_file_stops_the_build(tmp_path):
    raw = copy_raw(tmp_path / "raw")
    path = raw / "SIDR" / "formations.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert_stops(tmp_path, raw, "SIDR/formations.csv: UTF-16 file")


def test_an_empty_file_stops_the_build(tmp_path):
    raw = copy_raw(tmp_path / "raw")
    (raw / "SEQENS" / "documents_2026.csv").write_bytes(b"")
    assert_stops(tmp_path, raw, "SEQENS/documents_2026.csv: line 1: empty file")


def test_an_unreadable_header_stops_the_build(tmp_path):
    raw = copy_raw(tmp_path / "raw")
    edit_line(raw / "LOGEO" / "avenants.csv", 1, lambda header: '"' + header)
    assert_stops(tmp_path, raw, "LOGEO/avenants.csv: line 1: unreadable header")


# --------------------------------------------------------------------------------------
# Readable hostile deliveries: one build, every row accounted for.
# --------------------------------------------------------------------------------------

LONG_URL = "https://example.fr/" + "x" * 5_000_000


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile") / BRACKETED
    sibling = copy_raw(base.parent / SIBLING / AWKWARD / "raw")
    for invoices in sibling.glob("*/factures*.csv"):
        invoices.write_text(invoices.read_text(encoding="utf-8-sig").splitlines()[0] + "\n")
    raw = copy_raw(base / AWKWARD / "raw")
    # Windows-1252, what French Windows software writes (accents and €).
    marches = raw / "SIDR" / "marches.csv"
    # (Windows-1252 has no narrow no-break space: the no-break space stands in for it.)
    text = marches.read_text(encoding="utf-8-sig").replace("\u202f", "\u00a0")
    marches.write_bytes(text.encode("cp1252"))
    # A lone CR inside a text field of an LF file: a character, not a line break.
    set_field(raw / "LOGEO" / "formations.csv", 3, "intitule", "Marchés\rinnovants")
    # A stray quote in a supplier name: that row alone is rejected.
    set_field(raw / "SEQENS" / "fournisseurs.csv", 3, "raison_sociale", 'Espaces "Verts Garnier')
    # A date in year 0000, a negative count.
    set_field(raw / "SIDR" / "factures.csv", 2, "date_paiement", "04/10/0000")
    set_field(raw / "SIDR" / "operations.csv", 3, "nb_logements", "-25")
    # A quoted field running over two lines (valid CSV, as Excel writes it).
    set_field(raw / "SIDR" / "operations.csv", 2, "libelle", '"Construction\nLes Tilleuls"')
    # A 5 MB field.
    set_field(raw / "SEQENS" / "documents.csv", 2, "url", LONG_URL)
    # A 2025 invoice of 600 000 000 € (kept) and one beyond 999 999 999 999,99 € (invalid).
    set_field(raw / "SIDR" / "factures.csv", 46, "montant_ht", "600 000 000,00")
    set_field(raw / "SIDR" / "factures.csv", 48, "montant_ht", "1 000 000 000 000,00")
    # An optional column missing: read as empty, a finding names it.
    rewrite_csv(raw / "SEQENS" / "marches.csv", drop_column("considerations_environnementales"))
    # Markup in a coded value: rejected as an unknown code, never run.
    set_field(raw / "LOGEO" / "vehicules.csv", 2, "mode_detention", "<script>alert(1)</script>")
    return run_dbt(raw, base / AWKWARD / "work", "build").succeeded()


def reason(run, filiale, extract, line):
    rows = run.query(
        "select reason from audit.audit_rejected_rows "
        f"where filiale_code = '{filiale}' and extract = '{extract}' and line_number = {line}"
    )
    return rows[0][0] if rows else None


def counts(run, filiale, extract):
    return run.query(
        "select rows_read, rows_kept, rows_rejected from audit.audit_extract_row_counts "
        f"where filiale_code = '{filiale}' and extract = '{extract}'"
    )[0]


def test_every_path_works_and_none_is_executed(hostile):
    assert "'" in str(hostile.database) and "`" in str(hostile.database)
    assert not Path("pwned").exists() and not (hostile.work_dir / "pwned").exists()


def test_a_folder_named_like_a_pattern_is_read_never_its_sibling(hostile):
    assert "[2025]" in str(hostile.database)
    for filiale, extract in [("LOGEO", "factures"), ("SEQENS", "factures")]:
        assert counts(hostile, filiale, extract) == expected_counts(filiale, extract)


def test_a_windows_1252_file_is_read_with_a_finding(hostile):
    assert counts(hostile, "SIDR", "marches") == expected_counts("SIDR", "marches")
    assert hostile.query(
        "select count(*) from staging.stg_extracts__contracts "
        "where filiale_code = 'SIDR' and subject like 'Élagage et abattage d''arbres - Saint-%'"
    ) == [(4,)]
    assert hostile.query(
        "select detail from marts.fct_data_quality "
        "where filiale_code = 'SIDR' and finding = 'file_not_utf8'"
    ) == [("marches.csv : lu en Windows-1252 (fichier non UTF-8)",)]


def test_a_lone_cr_is_a_character_of_its_field(hostile):
    assert counts(hostile, "LOGEO", "formations") == expected_counts("LOGEO", "formations")
    assert hostile.query(
        "select line_number from staging.stg_extracts__trainings "
        "where filiale_code = 'LOGEO' and title = 'Marchés' || chr(13) || 'innovants'"
    ) == [(3,)]


def test_a_stray_quote_rejects_its_row_alone(hostile):
    read, kept, rejected = expected_counts("SEQENS", "fournisseurs")
    assert counts(hostile, "SEQENS", "fournisseurs") == (read, kept - 1, rejected + 1)
    assert reason(hostile, "SEQENS", "fournisseurs", 3).startswith("unreadable quoting")


def test_a_quoted_field_may_run_over_lines(hostile):
    # Read as one row, numbered at its first line; the following lines keep their rows.
    assert counts(hostile, "SIDR", "operations") == (
        expected_counts("SIDR", "operations")[0],
        expected_counts("SIDR", "operations")[1] - 1,
        expected_counts("SIDR", "operations")[2] + 1,
    )
    assert hostile.query(
        "select line_number, label from staging.stg_extracts__operations "
        "where filiale_code = 'SIDR' and operation_id = 'OP2022-01'"
    ) == [(2, "Construction\nLes Tilleuls")]


def test_a_5_mb_field_is_read(hostile):
    assert hostile.query(
        "select length(url) from staging.stg_extracts__documents "
        "where filiale_code = 'SEQENS' and line_number = 2"
    ) == [(len(LONG_URL),)]


def test_dates_before_1900_and_negative_counts_are_invalid(hostile):
    assert reason(hostile, "SIDR", "factures", 2) == "invalid date in 'date_paiement': 04/10/0000"
    # Line 3 of the file is the row after the two-line field: physical line 4.
    assert (
        reason(hostile, "SIDR", "operations", 4)
        == "value out of range (at least 0) in 'nb_logements': -25"
    )


def test_any_amount_the_contract_accepts_computes_without_overflow(hostile):
    assert hostile.query(
        "select amount_ht from staging.stg_extracts__invoices "
        "where filiale_code = 'SIDR' and line_number = 46"
    ) == [(600_000_000,)]
    assert reason(hostile, "SIDR", "factures", 48).startswith("invalid amount in 'montant_ht'")
    assert hostile.query(
        "select year from marts.fct_indicators where filiale_code = 'SIDR' "
        "and indicator_code = 'O8_1' and denominator >= 600000000"
    ) == [(2025,)]


def test_a_missing_optional_column_is_a_finding_naming_its_indicators(hostile):
    assert hostile.query(
        "select detail, affected_indicators from marts.fct_data_quality "
        "where filiale_code = 'SEQENS' and finding = 'optional_column_missing'"
    ) == [
        (
            "marches.csv : colonne « considerations_environnementales » absente, lue vide",
            ["O1_2"],
        )
    ]


def test_markup_in_a_coded_value_is_rejected_as_text(hostile):
    assert reason(hostile, "LOGEO", "vehicules", 2) == (
        "unknown coded value in 'mode_detention': <script>alert(1)</script>"
    )


def test_rows_read_are_kept_or_rejected_everywhere(hostile):
    assert hostile.query(
        "select count(*) from audit.audit_extract_row_counts "
        "where rows_read <> rows_kept + rows_rejected"
    ) == [(0,)]


READERS = re.compile(r"\b(read_csv|read_json|read_text|read_blob|read_parquet|glob)\(")


def test_no_reader_is_handed_a_path_as_a_pattern():
    # DuckDB takes any path given to a reader as a glob pattern: each one goes through
    # duckdb_file (macros/paths.sql), which makes `[ ] * ? { }` literal.
    unescaped = []
    for path in [*PROJECT_DIR.glob("macros/**/*.sql"), *PROJECT_DIR.glob("models/**/*.sql")]:
        text = path.read_text(encoding="utf-8")
        for match in READERS.finditer(text):
            first_argument = text[match.end() :].split(")", 1)[0]
            if "duckdb_file" not in first_argument and "duckdb_path_pattern" not in first_argument:
                line = text.count("\n", 0, match.start()) + 1
                unescaped.append(f"{path.relative_to(PROJECT_DIR)}:{line}")
    assert unescaped == []
