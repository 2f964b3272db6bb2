"""Every published build remembered: a second delivery (one closed-year invoice and one
closed-year contract amended, one invoice added to the partial year, one var changed)
published over the conformance one says exactly what changed, which rows moved it, and
shows it in the report; failed or killed builds add nothing to the history."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from test_report import pages, write_report

from conftest import CONFORMANCE_VARS, copy_raw, lines_of, set_field
from publishing import Published, run_publish
from spaser import history
from spaser.constants import PARIS

# The var changed: DECP tolerance, which moves no indicator, so every change is the data's
# but must still read « parametrage » (a change may come from the definition).
SECOND_VARS = CONFORMANCE_VARS.replace("}", ", decp_amount_tolerance_eur: 2}")
INVOICE_2024 = ("factures_2024.csv", 8, "F2024-00001")  # 12 191,58 -> 13 191,58 HT
CONTRACT_2024 = ("marches.csv", 20, "2024-M009")  # 300 000,00 -> 310 000,00 HT
ADDED_2026 = "4 395,13;;;91741040900010;F2026-00060;;15/06/2026;3 995,57 €;Facture;À payer\n"
# What each edit adds to the figures of SEQENS, by hand: the invoice's +1 000 € in the
# spend denominators (O1_4, O8_1) and the local spend (O9_3), and 9 jobs per M€ of its
# segment (O6_2); the contract's +10 000 € in the amendments' denominator (O1_5); the new
# unpaid ESS invoice of 3 995,57 € everywhere spend counts, 8 jobs per M€ of its segment.
EVIDENCE = {
    (2024, "O1_4", "F2024-00001"): ("modifiee", (0, 0), (12191.58, 13191.58)),
    (2024, "O6_2", "F2024-00001"): ("modifiee", (0.10972422, 0.11872422), (None, None)),
    (2024, "O8_1", "F2024-00001"): ("modifiee", (0, 0), (12191.58, 13191.58)),
    (2024, "O9_3", "F2024-00001"): ("modifiee", (12191.58, 13191.58), (12191.58, 13191.58)),
    (2024, "O1_5", "2024-M009"): ("modifiee", (0, 0), (300000, 310000)),
    (2026, "O1_4", "F2026-00060"): ("entree", (None, 0), (None, 3995.57)),
    (2026, "O6_1", "F2026-00060"): ("entree", (None, 3995.57), (None, None)),
    (2026, "O6_2", "F2026-00060"): ("entree", (None, 0.03196456), (None, None)),
    (2026, "O8_1", "F2026-00060"): ("entree", (None, 3995.57), (None, 3995.57)),
    (2026, "O9_3", "F2026-00060"): ("entree", (None, 3995.57), (None, 3995.57)),
}


def second_delivery(folder: Path) -> tuple[Path, int]:
    raw = copy_raw(folder / "raw")
    set_field(raw / "SEQENS" / INVOICE_2024[0], INVOICE_2024[1], "montant_ht", "13 191,58")
    set_field(raw / "SEQENS" / CONTRACT_2024[0], CONTRACT_2024[1], "montant_ht", "310 000,00")
    invoices = raw / "SEQENS" / "factures_2025_2026.csv"
    invoices.write_bytes(invoices.read_bytes() + ADDED_2026.encode())
    return raw, len(lines_of(invoices)) - 1  # the added line, before the final newline


@pytest.fixture(scope="module")
def republished(published_conformance, tmp_path_factory) -> tuple[Published, int]:
    folder = tmp_path_factory.mktemp("history")
    outputs = published_conformance.copy_to(folder)
    raw, added_line = second_delivery(folder)
    completed = run_publish(raw, outputs.root, "--vars", SECOND_VARS)
    assert completed.returncode == 0, (completed.stdout + completed.stderr)[-5000:]
    write_report(outputs)
    return Published(outputs, completed.stdout), added_line


def test_a_first_delivery_has_one_build_in_history_and_no_change(published_conformance):
    outputs = published_conformance.outputs
    (folder,) = history.build_folders(outputs.history)
    (build_id,) = published_conformance.query("select build_id from publish.build_record")[0]
    assert folder.name == f"000001-{build_id}"
    assert {p.name for p in folder.iterdir()} == {
        "build.parquet",
        "fct_indicator_evidence.parquet",
        *(f"{name}.parquet" for name in history.FIGURES),
    }
    assert published_conformance.query("select count(*) from marts.fct_indicator_changes") == [(0,)]
    assert published_conformance.query(
        "select previous_build_id from intermediate.int_builds_compared"
    ) == [(None,)]


def test_changes_are_exactly_the_edited_cells_with_their_kinds(published_conformance, republished):
    second, _ = republished
    (as_of,) = published_conformance.query("select max(as_of_date) from marts.fct_indicators")[0]
    partial_2026 = "annee_en_cours" if as_of < date(2026, 12, 31) else "retraitement"
    expected_cells = {(year, code) for year, code, _ in EVIDENCE}
    rows = second.query(
        "select scope, filiale_code, year, indicator_code, change_kind, period_kind, "
        "vars_changed, seeds_changed, previous_value, value, previous_numerator, numerator, "
        "previous_denominator, denominator from marts.fct_indicator_changes"
    )
    assert {(r[0], r[1], r[2], r[3]) for r in rows} == {
        *(("filiale", "SEQENS", year, code) for year, code in expected_cells),
        *(("groupe", None, year, code) for year, code in expected_cells),
    }
    for row in rows:
        period = "retraitement" if row[2] == 2024 else partial_2026
        assert row[4:8] == ("parametrage", period, True, False)
    # The figures compared are those the first build published, and those of this one.
    before = dict(
        ((r[0], r[1], r[2]), r[3])
        for r in published_conformance.query(
            "select filiale_code, year, indicator_code, value from marts.fct_indicators"
        )
    )
    after = dict(
        ((r[0], r[1], r[2]), r[3])
        for r in second.query(
            "select filiale_code, year, indicator_code, value from marts.fct_indicators"
        )
    )
    for scope, filiale, year, code, *_, previous, value, _n0, _n1, _d0, _d1 in rows:
        if scope == "filiale":
            assert (previous, value) == (before[filiale, year, code], after[filiale, year, code])
    numerators = {(r[0], r[2], r[3]): (r[10], r[11]) for r in rows}
    denominators = {(r[0], r[2], r[3]): (r[12], r[13]) for r in rows}
    # Exact decimals: the group's added amount is the filiale's, to the cent.
    for scope in ("filiale", "groupe"):
        previous, current = numerators[scope, 2026, "O6_1"]
        assert current - previous == Decimal("3995.57")
        previous, current = denominators[scope, 2024, "O1_5"]
        assert current - previous == Decimal("10000")


def test_change_evidence_names_the_rows_their_files_and_lines(republished):
    second, added_line = republished
    rows = second.query(
        "select year, indicator_code, business_key, movement, previous_source_file, "
        "previous_line_number, source_file, line_number, previous_numerator_contribution, "
        "numerator_contribution, previous_denominator_contribution, denominator_contribution, "
        "filiale_code, change_kind from marts.fct_indicator_change_evidence"
    )
    places = {
        "F2024-00001": (INVOICE_2024[0], INVOICE_2024[1]) * 2,
        "2024-M009": (CONTRACT_2024[0], CONTRACT_2024[1]) * 2,
        "F2026-00060": (None, None, "factures_2025_2026.csv", added_line),
    }

    def number(value):
        return None if value is None else float(value)

    found = {
        (r[0], r[1], r[2]): (r[3], (number(r[8]), number(r[9])), (number(r[10]), number(r[11])))
        for r in rows
    }
    assert found == EVIDENCE
    for row in rows:
        assert row[4:8] == places[row[2]]
        assert row[12:] == ("SEQENS", "parametrage")


def test_history_keeps_every_builds_figures_and_the_last_builds_evidence(republished):
    second, _ = republished
    first, last = history.build_folders(second.outputs.history)
    (build_id,) = second.query("select build_id from publish.build_record")[0]
    assert last.name == f"000002-{build_id}" and first.name.startswith("000001-")
    assert not (first / "fct_indicator_evidence.parquet").exists()
    assert (last / "fct_indicator_evidence.parquet").exists()
    assert (first / "fct_indicators.parquet").exists()
    assert not history.pending_dir(second.outputs.history).exists()
    with duckdb.connect() as connection:
        records = connection.execute(
            "select build_rank, vars->>'decp_amount_tolerance_eur', as_of_date is not null "
            "from read_parquet(?) order by 1",
            [[str(first / "build.parquet"), str(last / "build.parquet")]],
        ).fetchall()
    assert records == [(1, "1", True), (2, "2", True)]


def test_report_pages_say_what_changed_closed_years_first(republished, published_conformance):
    second, _ = republished
    group = pages(second.outputs)["index.html"]
    (published_at,) = published_conformance.query("select finished_at from publish.build_record")[0]
    day = published_at.astimezone(PARIS).strftime("%d/%m/%Y")
    assert f"Ce qui a changé depuis la livraison du {day}" in group
    section = group.split(f"Ce qui a changé depuis la livraison du {day}")[1]
    assert "Paramétrage, année close" in section and "vars du build" in section
    assert "<code>decp_amount_tolerance_eur</code> 1 → 2." in section
    assert section.index("<td>2024</td>") < section.index("<td>2026</td>")
    seqens = pages(second.outputs)["filiale-SEQENS.html"]
    for key in ("F2024-00001", "2024-M009", "F2026-00060"):
        assert key in seqens
    assert "Aucun chiffre n'a changé" in pages(second.outputs)["filiale-LOGEO.html"]


def test_a_pending_build_is_kept_only_when_its_database_was_published(
    published_conformance, tmp_path
):
    outputs = published_conformance.copy_to(tmp_path)
    (published_id,) = published_conformance.query("select build_id from publish.build_record")[0]
    (first,) = history.build_folders(outputs.history)
    retention = history.Retention(None, 1)

    # Killed after its files were written, before the database rename: removed.
    pending = history.pending_dir(outputs.history) / "000002-aaaaaaaaaaaa"
    shutil.copytree(first, pending)
    assert "retiré" in history.settle(outputs.history, outputs.database, retention)
    assert history.build_folders(outputs.history) == [first]
    assert not history.pending_dir(outputs.history).exists()

    # Killed after the rename, before the move: the published database is that build's.
    shutil.rmtree(first)
    pending = history.pending_dir(outputs.history) / f"000001-{published_id}"
    shutil.copytree(published_conformance.outputs.history / "builds" / first.name, pending)
    assert "ajouté" in history.settle(outputs.history, outputs.database, retention)
    assert [p.name for p in history.build_folders(outputs.history)] == [first.name]


def test_retention_keeps_the_last_builds_and_the_evidence_of_the_last(tmp_path, monkeypatch):
    for rank in range(1, 5):
        folder = history.builds_dir(tmp_path) / f"{rank:06d}-b{rank}"
        folder.mkdir(parents=True)
        for name in ("build", "fct_indicators", "fct_indicator_evidence"):
            (folder / f"{name}.parquet").write_bytes(b"x")
    monkeypatch.setenv("SPASER_HISTORY_BUILDS", "3")
    monkeypatch.setenv("SPASER_HISTORY_EVIDENCE_BUILDS", "2")
    history.prune(tmp_path, history.Retention.from_environment())
    kept = history.build_folders(tmp_path)
    assert [p.name for p in kept] == ["000002-b2", "000003-b3", "000004-b4"]
    assert [(p / "fct_indicator_evidence.parquet").exists() for p in kept] == [False, True, True]
    assert all((p / "fct_indicators.parquet").exists() for p in kept)
    monkeypatch.setenv("SPASER_HISTORY_BUILDS", "zéro")
    with pytest.raises(ValueError, match="SPASER_HISTORY_BUILDS"):
        history.Retention.from_environment()
    monkeypatch.delenv("SPASER_HISTORY_BUILDS")
    monkeypatch.delenv("SPASER_HISTORY_EVIDENCE_BUILDS")
    assert history.Retention.from_environment() == history.Retention(None, 1)
