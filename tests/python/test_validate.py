"""Tests of the raw delivery validation (`python -m spaser.validate`).

The CLI runs in-process through `main(argv)`, so Great Expectations is
imported once for the whole module. Every test works on a copy of the
conformance raw folder, which it may damage. The value checks alone, against
the table of parsing cases, are in test_validate_grammar.py.
"""

from __future__ import annotations

import shutil
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from conftest import CONFORMANCE, copy_raw, drop_column, rewrite_csv, set_field
from spaser import landing, validate
from spaser.constants import DEMO_RAW_DIR
from spaser.landing import workspace

CONFORMANCE_RAW = CONFORMANCE / "raw"
MARKUP = "<script>alert(1)</script>"


def replace_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(capsys, raw: Path, out: Path) -> tuple[int, str, str]:
    code = validate.main(["--raw-dir", str(raw), "--output-dir", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def valid_run(tmp_path_factory) -> tuple[int, str, str, Path]:
    """One validation of the conformance folder, shared by the tests.

    The copy lacks an optional column in one file, which the contract allows,
    holds four values only the validation's value checks find, and markup.
    """
    base = tmp_path_factory.mktemp("valid")
    # A folder name as people write them: its apostrophe and & read right in the pages.
    raw, out = copy_raw(base / "livraison d'avril & mai" / "raw"), base / "output"
    rewrite_csv(raw / "SIDR" / "factures.csv", drop_column("montant_ttc"))
    set_field(raw / "LOGEO" / "vehicules.csv", 2, "mode_detention", MARKUP)
    replace_text(
        raw / "SIDR" / "avenants.csv", "21/12/2025;89808,35", "31/12/1899;1 000 000 000 000"
    )
    replace_text(raw / "SIDR" / "formations.csv", "Finances;13", "Finances;9223372036854775808")
    replace_text(raw / "SIDR" / "operations.csv", "97422;45;", "97422;-45;")
    # capsys is function-scoped: a module-scoped run captures by hand.
    stdout, stderr = StringIO(), StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = validate.main(["--raw-dir", str(raw), "--output-dir", str(out)])
    return code, stdout.getvalue(), stderr.getvalue(), out


def line_of(output: str, label: str) -> str:
    return next(line for line in output.splitlines() if f" {label} " in line)


# --- a valid delivery: warnings only ------------------------------------------------------


def test_bundled_demo_delivery_validates_with_data_docs(tmp_path, capsys):
    code, out, err = run(capsys, DEMO_RAW_DIR, tmp_path / "output")
    assert code == 0, err
    assert (tmp_path / "output" / "data_docs" / "index.html").is_file()
    assert "ALLIADE/fournisseurs.csv" in out


def test_valid_delivery_exits_zero_and_writes_data_docs(valid_run):
    code, out, err, output_dir = valid_run
    assert code == 0, err
    index = output_dir / "data_docs" / "index.html"
    assert index.is_file()
    assert str(index) in out or index.as_uri() in out
    pages = list((output_dir / "data_docs" / "validations").rglob("*.html"))
    files = [CONFORMANCE_RAW / "filiales.csv", *CONFORMANCE_RAW.glob("*/*.csv")]
    assert len(pages) == len(files)  # one validation result per file


def test_valid_delivery_reports_one_line_per_file_and_a_summary(valid_run):
    _, out, _, _ = valid_run
    assert line_of(out, "filiales.csv").startswith("OK")
    assert line_of(out, "LOGEO/factures.csv").startswith("WARN")
    assert " 183 rows " in line_of(out, "LOGEO/factures.csv")
    assert "SEQENS/factures_2024.csv" in out and "SEQENS/factures_2025_2026.csv" in out
    assert "Summary: 35 files, 1570 rows" in out
    assert "WARNING:" in out


@pytest.mark.parametrize(
    "expected",
    [
        "montant_ht: invalid amount: 2 row(s) (lines 34, 109): 'n.c.', '1.234,56'",
        "statut: unknown code: 1 row(s) (lines 38): 'litige'",
        "categorie_entreprise: unknown code: 1 row(s) (lines 47): 'tpe'",
        "id_facture: duplicate key in file: 4 row(s) (lines 19, 82, 85, 184)",
        "id_logement + date_situation: duplicate key in file: 4 row(s) (lines 26, 28, 98, 99)",
        "date_facture: impossible date: 1 row(s) (lines 58): '31/02/2025'",
        "date_facture: date not JJ/MM/AAAA: 1 row(s) (lines 66): '2025-03-15'",
        "siret: SIRET not 14 digits: 1 row(s) (lines 46): '9311165110008'",
        "programmee: invalid boolean: 1 row(s) (lines 17): 'En cours'",
        "nb_logements: invalid integer: 1 row(s) (lines 20): '12,5'",
        'considerations_sociales: unknown code in list: 1 row(s) (lines 32): "Clause d\'insertion"',
        "id_facture: key already in an earlier file: 1 row(s) (lines 152): 'factures_2024.csv'",
        # What the parsing macros reject and only the value checks see
        # (tests/fixtures/parsing_cases.csv).
        "siret: SIRET check digit wrong: 1 row(s) (lines 45): '26708733600042'",
        "siret_fournisseur: SIRET check digit wrong: 2 row(s) (lines 11, 118): "
        "'26708733600042', '12345678901234'",
        "date_notification: date before 01/01/1900: 1 row(s) (lines 2): '31/12/1899'",
        "montant_ht: amount beyond the bound: 1 row(s) (lines 2): '1 000 000 000 000'",
        "nb_participants: integer beyond 64 bits: 1 row(s) (lines 3): '9223372036854775808'",
        "nb_logements: value out of range: 1 row(s) (lines 2): '-45'",
    ],
)
def test_valid_delivery_warns_about_the_known_bad_rows(valid_run, expected):
    _, out, _, _ = valid_run
    assert expected in out


def test_delivered_markup_is_text_in_the_data_docs(valid_run):
    _, out, _, output_dir = valid_run
    assert f"mode_detention: unknown code: 2 row(s) (lines 2, 27): '{MARKUP}'" in out
    (page,) = (output_dir / "data_docs" / "validations").rglob("*LOGEO.vehicules.csv.html")
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "livraison d'avril &amp; mai/raw/LOGEO/vehicules.csv" in html
    assert "&amp;amp;" not in html and "&amp;#x27;" not in html


def test_valid_values_are_not_reported(valid_run):
    _, out, _, _ = valid_run
    # LOGEO's booleans are spelt OUI, oui, O, 1, non...; its amounts carry spaces and euros.
    assert "charte_ethique_dce" not in out
    assert "montant_ttc" not in out
    assert "montant_estime_ht" not in out


# --- contract errors: exit 2 ----------------------------------------------------------------


def test_missing_required_column_is_an_error_naming_file_and_column(tmp_path, capsys):
    raw = copy_raw(tmp_path / "raw")
    factures = raw / "LOGEO" / "factures.csv"
    rewrite_csv(factures, drop_column("montant_ht"))
    code, out, err = run(capsys, raw, tmp_path / "output")
    assert code == 2
    assert str(factures.resolve()) in err
    assert "'montant_ht'" in err
    assert not (tmp_path / "output" / "data_docs" / "index.html").exists()


def test_unknown_filiale_folder_is_an_error_naming_the_folder(tmp_path, capsys):
    raw = copy_raw(tmp_path / "raw")
    shutil.copytree(raw / "LOGEO", raw / "HABITAT_INCONNU")
    code, out, err = run(capsys, raw, tmp_path / "output")
    assert code == 2
    assert "HABITAT_INCONNU" in err
    assert "filiales.csv" in err


def test_missing_raw_dir_is_an_error(tmp_path, capsys):
    code, out, err = run(capsys, tmp_path / "nowhere", tmp_path / "output")
    assert code == 2
    assert str(tmp_path / "nowhere") in err


def test_bad_row_in_filiales_stops_like_the_build(tmp_path, capsys):
    raw = copy_raw(tmp_path / "raw")
    with (raw / "filiales.csv").open("a", encoding="utf-8") as handle:
        handle.write("LOGEO;Doublon;872104963;14;peut-être\n")
    code, out, err = run(capsys, raw, tmp_path / "output")
    assert code == 2
    assert line_of(out, "filiales.csv").startswith("ERROR")
    assert "drom: invalid boolean: 1 row(s) (lines 5): 'peut-être'" in out
    assert "filiales.csv" in err


def test_a_validation_running_meanwhile_lands_in_a_scratch_folder(tmp_path, monkeypatch):
    # The project's landing folder keeps dbt's parse between runs; one validation at a time.
    # A folder of the test's own: another pytest worker may be validating in the project's.
    monkeypatch.setattr(landing, "WORKSPACE", tmp_path / "landing")
    with workspace() as first, workspace() as second:
        assert first == tmp_path / "landing"
        assert second != first and second.is_dir()
    assert not second.exists()
