"""The Excel workbook, opened as Excel users get it (openpyxl reads what XlsxWriter wrote)."""

from __future__ import annotations

import datetime as dt

import duckdb
import openpyxl
import pytest
from test_exports import EXPORTED

from spaser.exports import workbook as workbook_module
from spaser.exports.dictionary import Column, Dictionary
from spaser.exports.workbook import EURO, PERCENT, write_workbook

PUBLISHED_SHEETS = [*EXPORTED, "dictionnaire"]


@pytest.fixture(scope="module")
def book(published_conformance):
    return openpyxl.load_workbook(published_conformance.outputs.exports / "spaser.xlsx")


def cell_of(sheet, header: str, **where):
    """The cell under `header` of the row whose columns (by header) hold `where`."""
    headers = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        values = dict(zip(headers, row, strict=True))
        if all(values[k].value == v for k, v in where.items()):
            return values[header]
    raise LookupError(where)


def test_one_sheet_per_exported_table_and_the_dictionary(book, published_conformance):
    assert book.sheetnames == PUBLISHED_SHEETS
    for name in EXPORTED:
        schema = "publish" if name == "build_record" else "marts"
        (count,) = published_conformance.query(f"select count(*) from {schema}.{name}")[0]
        sheet = book[name]
        assert sheet.max_row - 1 == count, name
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref.startswith("A1:"), name


def test_french_headers_from_the_dictionary(book):
    headers = [c.value for c in book["fct_indicators"][1]]
    assert headers[:8] == [
        "Filiale",
        "Année",
        "Code indicateur",
        "Indicateur",
        "Unité",
        "Numérateur",
        "Dénominateur",
        "Valeur",
    ]
    assert headers[-2:] == ["Sens de progression", "Définition"]
    dictionary = book["dictionnaire"]
    assert [c.value for c in dictionary[1]] == [
        "Export",
        "Table",
        "Colonne",
        "Libellé",
        "Type",
        "Unité",
        "Description",
    ]


def test_numbers_dates_and_booleans_typed_with_french_formats(book):
    sheet = book["fct_indicators"]
    o1_4 = cell_of(sheet, "Valeur", Filiale="SEQENS", Année=2024, **{"Code indicateur": "O1_4"})
    # 339 712,36 / 2 108 777,77 (test_conformance): a number, shown « 16,1 % » without x100.
    assert o1_4.value == pytest.approx(16.109443338830342) and o1_4.number_format == PERCENT
    o1_7 = cell_of(sheet, "Valeur", Filiale="SEQENS", Année=2025, **{"Code indicateur": "O1_7"})
    assert o1_7.value == pytest.approx(115716.64) and o1_7.number_format == EURO
    o3_2 = cell_of(sheet, "Valeur", Filiale="SEQENS", Année=2025, **{"Code indicateur": "O3_2"})
    assert o3_2.number_format == "#,##0.0"
    year = cell_of(sheet, "Année", Filiale="SEQENS", Année=2025, **{"Code indicateur": "O3_2"})
    assert year.number_format == "0"  # 2025, not 2 025
    as_of = cell_of(sheet, "Date d'arrêté", Filiale="SEQENS", **{"Code indicateur": "O3_2"})
    assert isinstance(as_of.value, dt.datetime) and as_of.number_format == "dd/mm/yyyy"
    applicable = cell_of(sheet, "Applicable", Filiale="SEQENS", **{"Code indicateur": "O3_2"})
    assert applicable.value is True
    group = book["fct_indicators_group"]
    # A boolean indicator consolidates as a percentage of filiales (value_unit).
    o1_1 = cell_of(group, "Valeur consolidée", Année=2024, **{"Code indicateur": "O1_1"})
    assert o1_1.value == pytest.approx(200 / 3) and o1_1.number_format == PERCENT


def test_identifiers_and_hostile_text_stay_text(tmp_path):
    """A SIRET or a SIREN with a leading zero, a CPV code, a code `007`: text, every digit
    kept; a text starting with `=` is not a formula; amounts and percentages by unit."""
    with duckdb.connect() as connection:
        connection.execute(
            """
            create table suppliers as select * from (values
                ('05846123400017', '058461234', '45000000-7', '007', '=SUM(A1)',
                    1234.5::decimal(38, 12), 12.5::double, date '2026-02-01'),
                ('90584612300011', '905846123', '09310000-5', '010', 'ok', null, null, null)
            ) as t (siret, siren, cpv, code, label, amount_ht, share_pct, day)
            """
        )
        units = {"amount_ht": "€", "share_pct": "%"}
        columns = [
            Column("suppliers", name, kind, f"Libellé {name}", units.get(name), None)
            for name, kind, *_ in connection.execute("describe suppliers").fetchall()
        ]
        dictionary = Dictionary(
            {"suppliers": "bi"}, {"suppliers": "suppliers"}, {"suppliers": columns}
        )
        path = tmp_path / "book.xlsx"
        counts = write_workbook(
            path, connection, dictionary, [("suppliers", "select * from suppliers")]
        )
    assert counts == {"suppliers": 2}
    sheet = openpyxl.load_workbook(path)["suppliers"]
    assert [c.value for c in sheet[1]][:2] == ["Libellé siret", "Libellé siren"]
    first = [c.value for c in sheet[2]]
    assert first[:5] == ["05846123400017", "058461234", "45000000-7", "007", "=SUM(A1)"]
    assert all(c.data_type == "s" for c in sheet[2][:5])
    assert sheet["F2"].value == 1234.5 and sheet["F2"].number_format == EURO
    assert sheet["G2"].value == 12.5 and sheet["G2"].number_format == PERCENT
    assert sheet["H2"].value == dt.datetime(2026, 2, 1)
    assert sheet["F3"].value is None


def test_a_table_longer_than_a_sheet_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_module, "SHEET_ROWS", 2)
    with duckdb.connect() as connection:
        connection.execute("create table t as select range::integer as n from range(5)")
        column = Column("t", "n", "INTEGER", "Rang", None, None)
        dictionary = Dictionary({"t": "bi"}, {"t": "t"}, {"t": [column]})
        path = tmp_path / "long.xlsx"
        counts = write_workbook(path, connection, dictionary, [("t", "select * from t order by n")])
    book = openpyxl.load_workbook(path)
    assert counts == {"t": 5}
    assert book.sheetnames == ["t", "t (2)", "t (3)"]
    assert [[c.value for c in row] for row in book["t (2)"].iter_rows()] == [["Rang"], [2], [3]]
    assert [[c.value for c in row] for row in book["t (3)"].iter_rows()] == [["Rang"], [4]]
